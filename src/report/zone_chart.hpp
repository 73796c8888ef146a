// What every HTML report draws the same way: a zone told by its label as well as its colour,
// and the AIJRI scale with the methodology's zones behind it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "aijri/html/chart.hpp"
#include "aijri/model/methodology.hpp"
#include "aijri/model/zone.hpp"

namespace aijri::report_detail {

// The stylesheet's class of a zone: "green", "yellow", "red".
std::string_view zone_class(Zone zone);

// <span class="zone green">Green (Accelerated)</span>: a zone is named wherever its colour
// shows. `label` may come from a file (an override's sub-label): it is escaped here.
std::string zone_badge(Zone zone, std::string_view label);

// The zones as stretches of the AIJRI scale, lowest first.
std::vector<html::Region> zone_regions(const Methodology& m);

// The AIJRI scale, its ticks at the ends and at the zone lines.
html::Axis aijri_axis(const Methodology& m);

} // namespace aijri::report_detail
