// The zones a published AIJRI falls in. Their order is declared here once, worst first, so
// that a gate such as "Yellow or below" is a comparison of zones, not of names.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace aijri {

enum class Zone { red, yellow, green };

// In the order outputs list them, best first: "Green, Yellow, Red".
inline constexpr std::array<Zone, 3> k_zones = {Zone::green, Zone::yellow, Zone::red};
// Their names in that order, as messages offer them ("expected one of …").
inline constexpr std::array<std::string_view, 3> k_zone_names = {"Green", "Yellow", "Red"};

constexpr bool is_at_or_below(Zone zone, Zone limit) {
    return zone <= limit;
}

std::string_view to_string(Zone zone); // "Green", "Yellow", "Red"
// The name exactly as to_string writes it; nullopt for anything else.
std::optional<Zone> zone_from_string(std::string_view name);

} // namespace aijri
