// The reports of a history (`aijri history`): each role's points, for people (text), data
// pipelines (json) and spreadsheets (csv).
#pragma once

#include <array>
#include <functional>
#include <string_view>

#include "aijri/history/history.hpp"
#include "aijri/util/enum_names.hpp"
#include "aijri/util/rational.hpp"

namespace aijri {

enum class HistoryFormat { text, json, csv, html };
inline constexpr std::array<EnumName<HistoryFormat>, 4> k_history_format_names = {{
    {"text", HistoryFormat::text},
    {"json", HistoryFormat::json},
    {"csv", HistoryFormat::csv},
    {"html", HistoryFormat::html},
}};

struct HistoryReportStyle {
    bool color = false; // text: zone changes in the new zone's colour
    // html: the zone lines the charts shade their bands at (the methodology given; a tracked
    // methodology's versions may have drawn them elsewhere at some commits, which each
    // point's own zone says)
    Rational green_min{48};
    Rational yellow_min{25};
    int decimals = 1;
};

// The report, handed to `write` in pieces (a role or more at a time). Every format ends in a
// line break.
void write_history_report(const History& history, HistoryFormat format,
                          const HistoryReportStyle& style,
                          const std::function<void(std::string_view)>& write);

} // namespace aijri
