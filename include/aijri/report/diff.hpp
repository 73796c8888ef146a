// The reports of a diff: one per reader of them (people, pull-request comments, CI test
// reports and annotations, spreadsheets, data pipelines). They read the roles a diff made
// and never reach back into comparing.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aijri/diff/diff.hpp"
#include "aijri/util/enum_names.hpp"

namespace aijri {

enum class DiffFormat { text, json, markdown, csv, junit, github, html, sarif, gitlab };
inline constexpr std::array<EnumName<DiffFormat>, 9> k_diff_format_names = {{
    {"text", DiffFormat::text},
    {"json", DiffFormat::json},
    {"markdown", DiffFormat::markdown},
    {"csv", DiffFormat::csv},
    {"junit", DiffFormat::junit},
    {"github", DiffFormat::github},
    {"html", DiffFormat::html},
    {"sarif", DiffFormat::sarif},
    {"gitlab", DiffFormat::gitlab},
}};

struct DiffReportStyle {
    int decimals = 1;            // of the published AIJRI
    bool color = false;          // text: zone changes in colour
    bool show_unchanged = false; // text: unchanged roles too (a renamed one always is)
    // github: a file is named by its place (a path from the top of the repository: diff
    // --git) rather than as it was read, which for a revision is "REV:path".
    bool annotate_places = false;
    // html: the new side's methodology, whose zone lines the charts draw (null: the built-in
    // one).
    const Methodology* methodology = nullptr;
    // sarif, gitlab: the gates, so that each one a role trips is a rule of its own.
    DiffGates gates{};
    // sarif: the version of aijri, which the run names (the CLI knows it).
    std::string tool_version{};
    // sarif, gitlab: the folder aijri runs in, which files are named relative to.
    std::string working_dir{};
    // sarif: what the walks warned of, the run's notifications (DiffResult::warnings too).
    std::vector<std::string> walk_warnings{};
};

// The report, handed to `write` in pieces of about 64 KiB as it is made: a report of
// thousands of roles is never held whole. Every format ends in a line break. Each role's
// `gate` (apply_gates) is shown: in JSON also as "gates", "id: why" for each role that
// tripped one.
void write_diff_report(const DiffResult& result, DiffFormat format, const DiffReportStyle& style,
                       const std::function<void(std::string_view)>& write);

} // namespace aijri
