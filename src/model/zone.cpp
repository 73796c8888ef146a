#include "aijri/model/zone.hpp"

namespace aijri {

std::string_view to_string(Zone zone) {
    for (std::size_t i = 0; i < k_zones.size(); ++i) {
        if (k_zones[i] == zone) {
            return k_zone_names[i];
        }
    }
    return k_zone_names.back();
}

std::optional<Zone> zone_from_string(std::string_view name) {
    for (std::size_t i = 0; i < k_zones.size(); ++i) {
        if (k_zone_names[i] == name) {
            return k_zones[i];
        }
    }
    return std::nullopt;
}

} // namespace aijri
