// What every HTML report draws the same way: a figure's place on a chart, a zone told by its
// label as well as its colour, and the AIJRI axis with the methodology's zones behind it.
#pragma once

#include <string>
#include <string_view>

#include "aijri/html/chart.hpp"
#include "aijri/model/methodology.hpp"
#include "aijri/model/zone.hpp"
#include "aijri/util/rational.hpp"

namespace aijri::report_detail {

// Where an exact figure goes on a chart: charts place doubles, the page's text shows the
// figure as it was computed.
double chart_position(const Rational& value);

// The stylesheet's class of a zone: "green", "yellow", "red".
std::string_view zone_class(Zone zone);

// <span class="zone green">Green (Accelerated)</span>: the colour and, always, the words.
// `label` may come from a file (an override's sub-label): it is escaped here.
std::string zone_badge(Zone zone, std::string_view label);

// The AIJRI from the methodology's lowest to its highest published value, the three zones
// shaded and named, a dashed line at each zone's lower bound (labelled with the bound as the
// methodology publishes it), a tick every 10 points.
html::Axis aijri_axis(const Methodology& m);

} // namespace aijri::report_detail
