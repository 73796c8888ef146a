#include "zone_chart.hpp"
#include <cmath>

#include <fmt/format.h>

#include "aijri/html/html.hpp"

namespace aijri::report_detail {

double chart_position(const Rational& value) {
    return static_cast<double>(static_cast<long double>(value.numerator()) /
                               static_cast<long double>(value.denominator()));
}

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

html::Axis aijri_axis(const Methodology& m) {
    html::Axis axis;
    axis.min = chart_position(m.clamp_min);
    axis.max = chart_position(m.clamp_max);
    axis.label = "AIJRI";
    for (double tick = std::ceil(axis.min / 10) * 10; tick <= axis.max; tick += 10) {
        axis.ticks.push_back(tick);
    }
    const double yellow = chart_position(m.yellow_min);
    const double green = chart_position(m.green_min);
    axis.regions = {{axis.min, yellow, "zone-red", "Red"},
                    {yellow, green, "zone-yellow", "Yellow"},
                    {green, axis.max, "zone-green", "Green"}};
    const int d = m.published_decimals;
    axis.lines = {{yellow, to_fixed(m.yellow_min, d)}, {green, to_fixed(m.green_min, d)}};
    return axis;
}

} // namespace aijri::report_detail
