#include "aijri/report/diff.hpp"
#include <variant>

#include <fmt/format.h>

#include "aijri/json/writer.hpp"
#include "aijri/report/batch.hpp"
#include "aijri/report/json.hpp"
#include "aijri/util/text.hpp"

#include "code_scanning.hpp"
#include "contribution.hpp"
#include "diff_html.hpp"
#include "diff_parts.hpp"

namespace aijri {

using report_detail::contribution_text;
using report_detail::input_label;
using report_detail::moved;
using report_detail::names_task;
using report_detail::new_text;
using report_detail::old_text;
using report_detail::Pieces;
using report_detail::renamed_text;
using report_detail::scenario_text;
using report_detail::signed_fixed;
using report_detail::summary_line;
using report_detail::value_text;
using report_detail::worth_showing;

namespace {

void write_verdict(detail::JsonWriter& w, const std::optional<RoleVerdict>& v, int decimals) {
    if (!v) {
        w.null();
        return;
    }
    w.begin_object();
    w.key("aijri");
    w.decimal(v->aijri, decimals);
    w.key("zone");
    w.string(to_string(v->zone));
    w.key("label");
    w.string(v->label);
    w.end_object();
}

void write_optional_text(detail::JsonWriter& w, const std::string& text) {
    if (text.empty()) {
        w.null();
    } else {
        w.string(text);
    }
}

// Only where a scenario's verdict changed: the key is absent otherwise, as "errors" is.
void write_scenario_changes(detail::JsonWriter& w, const RoleDiff& r, int decimals) {
    w.key("scenarios");
    w.begin_array();
    for (const ScenarioChange& s : r.scenario_changes) {
        w.begin_object();
        w.key("name");
        w.string(s.name);
        w.key("old");
        write_verdict(w, s.old_verdict, decimals);
        w.key("new");
        write_verdict(w, s.new_verdict, decimals);
        w.key("zone_changed");
        w.boolean(s.zone_changed());
        w.end_object();
    }
    w.end_array();
}

void write_role(detail::JsonWriter& w, const RoleDiff& r, int decimals) {
    w.begin_object();
    w.key("id");
    w.string(r.id);
    w.key("status");
    w.string(to_string(r.status));
    w.key("old");
    write_verdict(w, r.old_verdict, decimals);
    w.key("new");
    write_verdict(w, r.new_verdict, decimals);
    w.key("delta");
    if (r.delta) {
        w.decimal(*r.delta, decimals);
    } else {
        w.null();
    }
    w.key("delta_exact");
    if (r.delta_exact) {
        w.string(to_exact_string(*r.delta_exact));
    } else {
        w.null();
    }
    w.key("zone_changed");
    w.boolean(r.zone_changed);
    w.key("contributions");
    w.begin_array();
    for (const Contribution& c : r.contributions) {
        report_detail::write_contribution(w, c);
    }
    w.end_array();
    if (!r.scenario_changes.empty()) {
        write_scenario_changes(w, r, decimals);
    }
    w.key("old_file");
    write_optional_text(w, r.old_file);
    w.key("new_file");
    write_optional_text(w, r.new_file);
    w.key("renamed");
    if (r.renamed()) {
        w.begin_object();
        w.key("old");
        w.string(r.old_place);
        w.key("new");
        w.string(r.new_place);
        w.end_object();
    } else {
        w.null();
    }
    if (!r.errors.empty()) {
        w.key("errors");
        w.begin_array();
        for (const std::string& error : r.errors) {
            w.string(error);
        }
        w.end_array();
    }
    if (r.gate) {
        w.key("gate");
        w.string(*r.gate);
    }
    w.end_object();
}

void write_json(Pieces& out, const DiffResult& result, int decimals) {
    // The writer appends to the text, and keeps no place in it: a piece can be handed out
    // and the text emptied between two roles.
    detail::JsonWriter w(out.text(), 2);
    w.begin_object();
    w.key("roles");
    w.begin_array();
    for (const RoleDiff& r : result.roles) {
        write_role(w, r, decimals);
        out.role_done();
    }
    w.end_array();
    const DiffSummary& s = result.summary;
    w.key("summary");
    w.begin_object();
    for (const auto& [name, count] :
         {std::pair{"added", s.added}, std::pair{"removed", s.removed},
          std::pair{"changed", s.changed}, std::pair{"fixed", s.fixed},
          std::pair{"broken", s.broken}, std::pair{"unchanged", s.unchanged},
          std::pair{"invalid", s.invalid}, std::pair{"zone_changes", s.zone_changes},
          std::pair{"renamed", s.renamed}}) {
        w.key(name);
        w.integer(static_cast<std::int64_t>(count));
    }
    w.end_object();
    w.key("gates");
    w.begin_array();
    for (const RoleDiff& r : result.roles) {
        if (r.gate) {
            w.string(r.id + ": " + *r.gate);
        }
    }
    w.end_array();
    w.end_object();
    out.text() += '\n';
}

// What a role went from and to, after its status and id: "64.6 Green → 40.1 Yellow  (−24.5)",
// "64.6 Green  (new/file.json)" for one side only, "" for an invalid role. Unescaped.
std::string movement(const RoleDiff& r, int decimals) {
    switch (r.status) {
    case RoleStatus::changed:
    case RoleStatus::unchanged:
        return fmt::format("{} → {}  ({})", old_text(r, decimals), new_text(r, decimals),
                           signed_fixed(*r.delta, decimals));
    case RoleStatus::added:
        return fmt::format("{}  ({})", new_text(r, decimals), r.new_file);
    case RoleStatus::removed:
        return fmt::format("{}  ({})", old_text(r, decimals), r.old_file);
    case RoleStatus::fixed:
    case RoleStatus::broken:
        return fmt::format("{} → {}", old_text(r, decimals), new_text(r, decimals));
    case RoleStatus::invalid:
        break;
    }
    return "";
}

// "changed  r  64.6 Green → 40.1 Yellow  (−24.5)": a role in one line, unescaped.
std::string role_line(const RoleDiff& r, int decimals) {
    const std::string moved_from_to = movement(r, decimals);
    return fmt::format("{} {}{}", to_string(r.status), r.id,
                       moved_from_to.empty() ? "" : "  " + moved_from_to);
}

// What a role's line leaves out, one line each: its rename, contributions and errors.
// Unescaped.
std::vector<std::string> role_details(const RoleDiff& r, int decimals) {
    std::vector<std::string> lines;
    if (r.renamed()) {
        lines.push_back(renamed_text(r));
    }
    for (const Contribution& c : r.contributions) {
        lines.push_back(contribution_text(c));
    }
    for (const ScenarioChange& s : r.scenario_changes) {
        lines.push_back(scenario_text(s, decimals));
    }
    lines.insert(lines.end(), r.errors.begin(), r.errors.end());
    return lines;
}

// A role that could not be compared because a side could not be read or scored: JUnit's
// "error" (the test could not run) rather than a failure of the files.
bool not_compared(const RoleDiff& r) {
    return r.io_error || r.methodology_error;
}

void write_text(Pieces& out, const DiffResult& result, const DiffReportStyle& style) {
    const int decimals = style.decimals;
    for (const RoleDiff& r : result.roles) {
        if (!style.show_unchanged && !worth_showing(r)) {
            continue;
        }
        std::string& text = out.text();
        const std::string moved_from_to = movement(r, decimals);
        text += fmt::format("{:<9} {}{}", to_string(r.status), sanitize(r.id),
                            moved_from_to.empty() ? "" : "  " + sanitize(moved_from_to));
        if (r.zone_changed) {
            text += style.color ? "  \x1b[1;31m⚠ ZONE CHANGE\x1b[0m" : "  ⚠ ZONE CHANGE";
        }
        text += '\n';
        if (r.renamed()) {
            text += "          " + sanitize(renamed_text(r)) + "\n";
        }
        for (const Contribution& c : r.contributions) {
            text += fmt::format("          {:>7}  {}  {} → {}\n", signed_fixed(c.points, 2),
                                sanitize(input_label(c)), sanitize(value_text(c.old_value)),
                                sanitize(value_text(c.new_value)));
        }
        for (const ScenarioChange& s : r.scenario_changes) {
            text += "          " + sanitize(scenario_text(s, decimals));
            if (s.zone_changed()) {
                text += style.color ? "  \x1b[1;31m⚠ ZONE CHANGE\x1b[0m" : "  ⚠ ZONE CHANGE";
            }
            text += '\n';
        }
        for (const std::string& e : r.errors) {
            text += "          " + sanitize(e) + "\n";
        }
        out.role_done();
    }
    out.text() += summary_line(result.summary) + "\n";
}

void write_markdown(Pieces& out, const DiffResult& result, int decimals) {
    out.text() += "### AIJRI changes\n\n" + summary_line(result.summary) + "\n\n";
    bool any = false;
    for (const RoleDiff& r : result.roles) {
        if (!worth_showing(r)) {
            continue;
        }
        if (!any) {
            out.text() += "| Role | Status | Old | New | Δ | Zone |\n|---|---|---|---|---:|---|\n";
            any = true;
        }
        const std::string status =
            !r.renamed() ? std::string(to_string(r.status))
                         : fmt::format("{}; renamed {} → {}", to_string(r.status),
                                       markdown_code(r.old_place), markdown_code(r.new_place));
        out.text() +=
            fmt::format("| {} | {} | {} | {} | {} | {} |\n", markdown_cell(r.id), status,
                        markdown_cell(old_text(r, decimals)), markdown_cell(new_text(r, decimals)),
                        r.delta ? signed_fixed(*r.delta, decimals) : "",
                        r.zone_changed ? "⚠️ **zone change**" : "");
        out.role_done();
    }
    for (const RoleDiff& r : result.roles) {
        if (r.contributions.empty() && r.errors.empty() && r.scenario_changes.empty()) {
            continue;
        }
        std::string& text = out.text();
        text += fmt::format("\n**{}** ({})\n\n", markdown_cell(r.id),
                            r.delta ? signed_fixed(*r.delta, decimals) + " points"
                                    : std::string(to_string(r.status)));
        for (const Contribution& c : r.contributions) {
            // A code span shows backslashes as they are: the input is fenced, not escaped.
            std::string input = markdown_code(c.input);
            if (names_task(c)) {
                input += " \"" + markdown_cell(c.task) + "\"";
            }
            if (moved(c)) {
                input += " (was " + markdown_code(c.old_input) + ")";
            }
            text += fmt::format("- {}: {} → {}: **{}**\n", input,
                                markdown_cell(value_text(c.old_value)),
                                markdown_cell(value_text(c.new_value)), signed_fixed(c.points, 2));
        }
        for (const ScenarioChange& sc : r.scenario_changes) {
            text += fmt::format("- {}{}\n", markdown_cell(scenario_text(sc, decimals)),
                                sc.zone_changed() ? " ⚠️ **zone change**" : "");
        }
        for (const std::string& e : r.errors) {
            text += fmt::format("- ❌ {}\n", markdown_cell(e));
        }
        out.role_done();
    }
    bool gated = false;
    for (const RoleDiff& r : result.roles) {
        if (r.gate) {
            out.text() += fmt::format("{}- **{}**: {}\n", gated ? "" : "\nGates tripped:\n\n",
                                      markdown_cell(r.id), markdown_cell(*r.gate));
            gated = true;
            out.role_done();
        }
    }
}

void write_csv(Pieces& out, const DiffResult& result, int decimals) {
    out.text() += "id,status,renamed,old_file,new_file,old_aijri,old_zone,old_label,new_aijri,"
                  "new_zone,new_label,delta,delta_exact,zone_changed,gate,contributions,"
                  "messages,scenarios\r\n";
    // Numbers are written as numbers (a minus sign is '-'); text from a file goes through
    // csv_field, which also keeps a spreadsheet from reading it as a formula.
    const auto verdict_cells = [decimals](const std::optional<RoleVerdict>& v) {
        return v ? fmt::format("{},{},{}", to_fixed(v->aijri, decimals), to_string(v->zone),
                               csv_field(v->label))
                 : std::string(",,");
    };
    for (const RoleDiff& r : result.roles) {
        std::vector<std::string> contributions;
        for (const Contribution& c : r.contributions) {
            contributions.push_back(contribution_text(c));
        }
        std::vector<std::string> scenarios; // whose verdict changed, one a line
        for (const ScenarioChange& sc : r.scenario_changes) {
            scenarios.push_back(scenario_text(sc, decimals));
        }
        out.text() +=
            fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n", csv_field(r.id),
                        to_string(r.status), r.renamed() ? "true" : "false", csv_field(r.old_file),
                        csv_field(r.new_file), verdict_cells(r.old_verdict),
                        verdict_cells(r.new_verdict), r.delta ? to_fixed(*r.delta, decimals) : "",
                        r.delta_exact ? to_exact_string(*r.delta_exact) : "",
                        r.zone_changed ? "true" : "false", csv_field(r.gate.value_or("")),
                        csv_lines(contributions), csv_lines(r.errors), csv_lines(scenarios));
        out.role_done();
    }
}

// Lines escaped one by one for XML text: line breaks are ours.
std::string xml_lines(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) {
        text += (text.empty() ? "" : "\n") + xml_escape(line);
    }
    return text;
}

void write_junit(Pieces& out, const DiffResult& result, int decimals) {
    // A role is a test: it fails when it is broken or invalid, or trips a gate; it is an
    // error when a side could not be read or scored.
    std::size_t failures = 0;
    std::size_t errors = 0;
    for (const RoleDiff& r : result.roles) {
        if (not_compared(r)) {
            ++errors;
        } else if (r.status == RoleStatus::broken || r.status == RoleStatus::invalid || r.gate) {
            ++failures;
        }
    }
    out.text() += fmt::format(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"aijri diff\" tests=\"{0}\" failures=\"{1}\" errors=\"{2}\">\n"
        "  <testsuite name=\"aijri diff\" tests=\"{0}\" failures=\"{1}\" errors=\"{2}\" "
        "skipped=\"0\">\n",
        result.roles.size(), failures, errors);
    for (const RoleDiff& r : result.roles) {
        std::string& text = out.text();
        text += fmt::format("    <testcase classname=\"aijri.diff\" name=\"{}\" time=\"0\">\n",
                            xml_escape(r.id));
        const std::string first_error = r.errors.empty() ? "" : r.errors.front();
        if (not_compared(r)) {
            text += fmt::format("      <error type=\"{}\" message=\"{}\">{}</error>\n",
                                r.io_error ? "unreadable" : "unscorable", xml_escape(first_error),
                                xml_lines(r.errors));
        } else if (r.status == RoleStatus::broken || r.status == RoleStatus::invalid) {
            text += fmt::format("      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                                to_string(r.status), xml_escape(first_error), xml_lines(r.errors));
        } else if (r.gate) {
            text +=
                fmt::format("      <failure type=\"gate\" message=\"{}\"/>\n", xml_escape(*r.gate));
        }
        std::vector<std::string> lines{role_line(r, decimals)};
        if (r.renamed()) {
            lines.push_back(renamed_text(r));
        }
        for (const Contribution& c : r.contributions) {
            lines.push_back(contribution_text(c));
        }
        text += fmt::format("      <system-out>{}</system-out>\n", xml_lines(lines));
        text += "    </testcase>\n";
        out.role_done();
    }
    out.text() += "  </testsuite>\n</testsuites>\n";
}

void write_github(Pieces& out, const DiffResult& result, const DiffReportStyle& style) {
    // One annotation a role that is worth a reviewer's look, on its file (at its first error):
    // an error for a role broken or invalid or that trips a gate, a warning for a zone
    // change, a notice otherwise. An unchanged role is a plain line of the log.
    for (const RoleDiff& r : result.roles) {
        std::string& text = out.text();
        if (!worth_showing(r)) {
            text += guard_lines(sanitize(role_line(r, style.decimals)) + "\n");
            out.role_done();
            continue;
        }
        const bool failed = r.status == RoleStatus::broken || r.status == RoleStatus::invalid;
        const std::string_view level = failed || r.gate ? "error"
                                       : r.zone_changed ? "warning"
                                                        : "notice";
        const bool new_side = !r.new_file.empty();
        const std::string& file = style.annotate_places ? (new_side ? r.new_place : r.old_place)
                                  : new_side            ? r.new_file
                                                        : r.old_file;
        text += fmt::format("::{} ", level);
        if (!file.empty()) {
            text += fmt::format("file={},", github_escape_property(file));
        }
        if (r.error_position.line > 0) {
            text += fmt::format("line={},col={},", r.error_position.line, r.error_position.column);
        }
        // Lines of the message, each made safe (a line break from a file becomes a space, as
        // in every format but JSON): the line breaks between them are ours.
        std::string message = sanitize(role_line(r, style.decimals));
        if (r.gate) {
            message = sanitize(*r.gate) + "\n" + message;
        }
        for (const std::string& line : role_details(r, style.decimals)) {
            message += "\n" + sanitize(line);
        }
        text += fmt::format("title={}::{}\n",
                            github_escape_property(r.gate ? "aijri gate" : "aijri diff"),
                            github_escape_data(message));
        out.role_done();
    }
    out.text() += summary_line(result.summary) + "\n";
}

} // namespace

void write_diff_report(const DiffResult& result, DiffFormat format, const DiffReportStyle& style,
                       const std::function<void(std::string_view)>& write) {
    Pieces out(write);
    switch (format) {
    case DiffFormat::text:
        write_text(out, result, style);
        break;
    case DiffFormat::json:
        write_json(out, result, style.decimals);
        break;
    case DiffFormat::markdown:
        write_markdown(out, result, style.decimals);
        break;
    case DiffFormat::csv:
        write_csv(out, result, style.decimals);
        break;
    case DiffFormat::junit:
        write_junit(out, result, style.decimals);
        break;
    case DiffFormat::github:
        write_github(out, result, style);
        break;
    case DiffFormat::html:
        report_detail::write_diff_html(out, result, style);
        break;
    case DiffFormat::sarif:
        report_detail::write_diff_sarif(out, result, style);
        break;
    case DiffFormat::gitlab:
        report_detail::write_diff_gitlab(out, result, style);
        break;
    }
    out.finish();
}

} // namespace aijri
