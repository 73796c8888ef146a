#include "zone_chart.hpp"

#include <fmt/format.h>

#include "aijri/html/html.hpp"

namespace aijri::report_detail {

std::string_view zone_class(Zone zone) {
    switch (zone) {
    case Zone::green:
        return "green";
    case Zone::yellow:
        return "yellow";
    case Zone::red:
        break;
    }
    return "red";
}

std::string zone_badge(Zone zone, std::string_view label) {
    return fmt::format("<span class=\"zone {}\">{}</span>", zone_class(zone), html::escape(label));
}

std::vector<html::Region> zone_regions(const Methodology& m) {
    const double scale = to_double(m.scale);
    return {{0, to_double(m.yellow_min), "zone-red", "Red"},
            {to_double(m.yellow_min), to_double(m.green_min), "zone-yellow", "Yellow"},
            {to_double(m.green_min), scale, "zone-green", "Green"}};
}

html::Axis aijri_axis(const Methodology& m) {
    html::Axis axis;
    axis.max = to_double(m.scale);
    axis.label = "AIJRI";
    axis.ticks = {0, to_double(m.yellow_min), to_double(m.green_min), axis.max};
    axis.decimals = m.published_decimals;
    axis.regions = zone_regions(m);
    return axis;
}

} // namespace aijri::report_detail
