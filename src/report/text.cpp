#include "aijri/report/text.hpp"
#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "aijri/util/text.hpp"

#include "contribution.hpp"
#include "figures.hpp"
#include "report_writer.hpp"

namespace aijri {
namespace {

using report_detail::Column;
using report_detail::fig;
using report_detail::impact_title;
using report_detail::k_bold;
using report_detail::k_indent;
using report_detail::k_reset;
using report_detail::pct;
using report_detail::ReportWriter;
using report_detail::signed_int;
using report_detail::split_line;
using report_detail::task_resistance_line;
using report_detail::weighted_points;

std::string_view zone_color(Zone zone) {
    switch (zone) {
    case Zone::green:
        return "\x1b[1;32m";
    case Zone::yellow:
        return "\x1b[1;33m";
    case Zone::red:
        break;
    }
    return "\x1b[1;31m";
}

void write_role(ReportWriter& w, const Assessment& a) {
    w.heading("Role Definition");
    w.table({{"Field"}, {"Value"}}, report_detail::role_rows(a));
    if (!a.role.seniority_note.empty()) {
        w.paragraph("Seniority note", a.role.seniority_note);
    }
}

void write_principles(ReportWriter& w, const Assessment& a, const Score& s) {
    w.heading("Protective Principles + AI Growth Correlation");
    w.table({{"Principle"}, {"Score", 5, true}, {"Rationale"}},
            report_detail::principle_rows(a, s));
    w.line(report_detail::quick_screen_line(s));
}

void write_tasks(ReportWriter& w, const Assessment& a, const Score& s, const Methodology& m) {
    w.heading("Task Decomposition");
    w.table({{"Task"},
             {"Time %", 6, true},
             {"Score", 5, true},
             {"Weighted", 8, true},
             {"Impact", 12},
             {"Rationale"}},
            report_detail::task_rows(a, s));
    w.line(task_resistance_line(s, m));
    w.line(split_line(s));
    if (a.reinstatement) {
        w.paragraph("Reinstatement check", report_detail::reinstatement_text(*a.reinstatement));
    }
}

void write_scored_table(ReportWriter& w, std::string_view heading, std::string_view first_column,
                        const report_detail::Rows& rows) {
    w.heading(heading);
    w.table({{std::string(first_column)}, {"Score", 5, true}, {"Rationale"}}, rows);
}

void write_composite(ReportWriter& w, const Score& s, const Methodology& m, bool color) {
    w.heading("JobZone Composite Score (AIJRI)");
    const std::string zone =
        colored_label(s.formula.zone, std::string(to_string(s.formula.zone)), color);
    for (const std::string& line : report_detail::composite_lines(s, m, zone)) {
        w.line(line);
    }
}

void write_sub_label(ReportWriter& w, const Score& s, const Methodology& m, bool color) {
    w.heading("Sub-Label Determination");
    w.line(fmt::format("% of task time scoring {}+: {}", m.high_task_score, pct(s.pct_time_3plus)));
    w.line(fmt::format("AI Growth Correlation: {}", signed_int(s.growth_correlation)));
    w.line(fmt::format("Sub-label: {} — {}", colored_label(s.formula.zone, s.formula.label, color),
                       s.formula.sub_label_rule));
}

// "64.6 Green (Accelerated)", coloured.
std::string verdict_text(const Verdict& v, const Methodology& m, bool color) {
    return fmt::format("{} {}", to_fixed(v.aijri, m.published_decimals),
                       colored_label(v.zone, v.label, color));
}

// Each input's exact part of a change, one a line, as a diff shows them.
void write_contributions(ReportWriter& w, const EditedVerdict& edited) {
    for (const Contribution& c : edited.contributions) {
        w.line(fmt::format("{:>7}  {}  {} → {}", report_detail::signed_fixed(c.points, 2),
                           sanitize(report_detail::input_label(c)),
                           sanitize(report_detail::value_text(c.old_value)),
                           sanitize(report_detail::value_text(c.new_value))));
    }
}

void write_what_if(ReportWriter& w, const WhatIf& what_if, const Methodology& m, bool color) {
    w.heading("What-If (--set)");
    for (const InputSetting& edit : what_if.edits) {
        w.line(fmt::format(
            "Set {} = {}", sanitize(edit.pointer),
            to_decimal(edit.value.value, edit.value.decimals, std::max(edit.value.decimals, 6))));
    }
    const int d = m.published_decimals;
    w.line(fmt::format("As the file has it: {}", verdict_text(what_if.original, m, color)));
    w.line(fmt::format("Edited:             {}  (Δ {})",
                       verdict_text(what_if.edited.verdict, m, color),
                       report_detail::signed_fixed(what_if.edited.delta, d)));
    write_contributions(w, what_if.edited);
}

void write_scenarios(ReportWriter& w, const Evaluation& e, const Methodology& m, bool color) {
    w.heading("Scenarios");
    const int d = m.published_decimals;
    for (const ScenarioResult& scenario : e.scenarios) {
        w.line(fmt::format("{}: {}  (Δ {} against the role)", sanitize(scenario.name),
                           verdict_text(scenario.edited.verdict, m, color),
                           report_detail::signed_fixed(scenario.edited.delta, d)));
        if (!scenario.note.empty()) {
            w.prose(scenario.note);
        }
        write_contributions(w, scenario.edited);
    }
}

void write_override(ReportWriter& w, const Assessment& a, const Score& s, const Methodology& m,
                    bool color) {
    w.heading("Assessor Override");
    if (!s.overridden) {
        w.line("Assessor override: none — formula score accepted.");
        return;
    }
    const int d = m.published_decimals;
    w.line(fmt::format("Formula: {} {}", to_fixed(s.formula.aijri, d),
                       colored_label(s.formula.zone, s.formula.label, color)));
    w.line(fmt::format("Final:   {} {} (assessor override)", to_fixed(s.final_.aijri, d),
                       colored_label(s.final_.zone, s.final_.label, color)));
    w.paragraph("Reason", a.override_->reason);
}

} // namespace

std::string colored_label(Zone zone, const std::string& label, bool color) {
    // A sub-label can come from an override or a methodology file: it is text from a file.
    const std::string shown = sanitize(label);
    return color ? fmt::format("{}{}{}", zone_color(zone), shown, k_reset) : shown;
}

std::string render_text_report(const Evaluation& evaluation, const Methodology& m,
                               const TextStyle& style) {
    const Assessment& a = *evaluation.assessment;
    const Score& s = *evaluation.score;
    ReportWriter w(style);
    const std::string aijri = to_fixed(s.final_.aijri, m.published_decimals);
    w.title(sanitize(a.role.title), fmt::format("AIJRI {} {}", aijri, sanitize(s.final_.label)),
            fmt::format("AIJRI {} {}", aijri,
                        colored_label(s.final_.zone, s.final_.label, style.color)));
    w.line(fmt::format("{} · methodology {}", sanitize(evaluation.file), sanitize(s.methodology)));
    write_role(w, a);
    write_principles(w, a, s);
    write_tasks(w, a, s, m);
    write_scored_table(w, "Evidence Score", "Dimension", report_detail::evidence_rows(a, s));
    write_scored_table(w, "Barrier Assessment", "Barrier", report_detail::barrier_rows(a, s));
    write_composite(w, s, m, style.color);
    write_sub_label(w, s, m, style.color);
    if (evaluation.what_if) {
        write_what_if(w, *evaluation.what_if, m, style.color);
    }
    if (!evaluation.scenarios.empty()) {
        write_scenarios(w, evaluation, m, style.color);
    }
    write_override(w, a, s, m, style.color);
    // The analyst's commentary, after the figures, as the assessment documents have it.
    for (const CommentarySection& section : a.commentary) {
        if (section.heading.empty() && section.text.empty()) {
            continue;
        }
        w.heading(sanitize(section.heading.empty() ? "Commentary" : section.heading));
        w.prose(section.text);
    }
    // The warnings; and for a report shown although the file is invalid (stated figures that
    // do not match what is computed), the mismatches, where nobody can miss them.
    for (const auto& [severity, heading] :
         {std::pair{Severity::warning, "Warnings"},
          std::pair{Severity::error, "Stated figures that do not match"}}) {
        bool first = true;
        for (const Diagnostic& d : evaluation.diagnostics) {
            if (d.severity != severity) {
                continue;
            }
            if (std::exchange(first, false)) {
                w.heading(heading);
            }
            w.line(severity == Severity::warning
                       ? fmt::format("warning: {}", sanitize(d.message))
                       : fmt::format("✗ {}: {}", sanitize(d.pointer), sanitize(d.message)));
        }
    }
    return w.take();
}

} // namespace aijri
