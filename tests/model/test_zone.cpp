#include <string>

#include <catch2/catch.hpp>

#include "aijri/model/zone.hpp"

using namespace aijri;

TEST_CASE("zones are ordered worst first") {
    CHECK(Zone::red < Zone::yellow);
    CHECK(Zone::yellow < Zone::green);
    CHECK(is_at_or_below(Zone::red, Zone::yellow));
    CHECK(is_at_or_below(Zone::yellow, Zone::yellow));
    CHECK_FALSE(is_at_or_below(Zone::green, Zone::yellow));
    CHECK(is_at_or_below(Zone::red, Zone::red));
    CHECK_FALSE(is_at_or_below(Zone::yellow, Zone::red));
}

TEST_CASE("zones are listed best first, under the names outputs print") {
    CHECK(k_zones == std::array<Zone, 3>{Zone::green, Zone::yellow, Zone::red});
    CHECK(to_string(Zone::green) == "Green");
    CHECK(to_string(Zone::yellow) == "Yellow");
    CHECK(to_string(Zone::red) == "Red");
    for (std::size_t i = 0; i < k_zones.size(); ++i) {
        CHECK(to_string(k_zones[i]) == k_zone_names[i]);
    }
}

TEST_CASE("a zone name is read exactly as it is printed") {
    CHECK(zone_from_string("Green") == Zone::green);
    CHECK(zone_from_string("Yellow") == Zone::yellow);
    CHECK(zone_from_string("Red") == Zone::red);
    for (const char* other : {"", "green", "RED", "Blue", "Green ", "Greenish"}) {
        CAPTURE(other);
        CHECK_FALSE(zone_from_string(other).has_value());
    }
    for (const Zone zone : k_zones) {
        CHECK(zone_from_string(to_string(zone)) == zone);
    }
}
