#include "aijri/report/text.hpp"
#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "aijri/util/text.hpp"

#include "report_writer.hpp"

namespace aijri {
namespace {

using report_detail::Column;
using report_detail::k_bold;
using report_detail::k_indent;
using report_detail::k_reset;
using report_detail::ReportWriter;

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

std::string signed_int(int value) {
    return value > 0 ? fmt::format("+{}", value) : std::to_string(value);
}

// Two decimals by default; more only when the exact value needs them (shares with decimals).
std::string fig(const Rational& value) {
    return to_decimal(value, 2, 6);
}
std::string pct(const Rational& value) {
    return to_decimal(value, 0, 2) + "%";
}

std::string impact_title(Impact impact) {
    switch (impact) {
    case Impact::displacement:
        return "Displacement";
    case Impact::augmentation:
        return "Augmentation";
    case Impact::not_involved:
        return "Not involved";
    }
    return "";
}

void write_role(ReportWriter& w, const Assessment& a) {
    w.heading("Role Definition");
    std::vector<std::vector<std::string>> rows{{"Job Title", a.role.title}};
    const std::array<std::pair<std::string_view, const std::string*>, 4> optional_rows = {{
        {"Seniority Level", &a.role.seniority},
        {"Primary Function", &a.role.primary_function},
        {"What This Role Is NOT", &a.role.not_this_role},
        {"Typical Experience", &a.role.typical_experience},
    }};
    for (const auto& [label, text] : optional_rows) {
        if (!text->empty()) {
            rows.push_back({std::string(label), *text});
        }
    }
    w.table({{"Field"}, {"Value"}}, rows);
    if (!a.role.seniority_note.empty()) {
        w.paragraph("Seniority note", a.role.seniority_note);
    }
}

void write_principles(ReportWriter& w, const Assessment& a, const Score& s) {
    w.heading("Protective Principles + AI Growth Correlation");
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < a.principles.size(); ++i) {
        rows.push_back({std::string(k_principle_titles[i]),
                        fmt::format("{}/3", a.principles[i].score), a.principles[i].rationale});
    }
    rows.push_back({"Protective Total", fmt::format("{}/9", s.protective_total), ""});
    rows.push_back({"AI Growth Correlation", signed_int(s.growth_correlation), a.growth.rationale});
    w.table({{"Principle"}, {"Score", 5, true}, {"Rationale"}}, rows);
    w.line(fmt::format("Quick screen result: Protective {} + Correlation {} = {}",
                       s.protective_total, s.growth_correlation, s.quick_screen));
}

void write_tasks(ReportWriter& w, const Assessment& a, const Score& s, const Methodology& m) {
    w.heading("Task Decomposition");
    std::vector<std::vector<std::string>> rows;
    for (const Task& t : a.tasks) {
        const Rational weighted = t.time_pct / Rational(100) * Rational(t.score);
        rows.push_back({t.name, pct(t.time_pct), std::to_string(t.score), fig(weighted),
                        impact_title(t.impact), t.rationale});
    }
    rows.push_back({"Total", pct(Rational(100)), "", fig(s.task_weighted_total), "", ""});
    w.table({{"Task"},
             {"Time %", 6, true},
             {"Score", 5, true},
             {"Weighted", 8, true},
             {"Impact", 12},
             {"Rationale"}},
            rows);
    w.line(fmt::format("Task resistance: {} − {} = {}", fig(m.task_resistance_base),
                       fig(s.task_weighted_total), fig(s.task_resistance)));
    w.line(fmt::format("Displacement/augmentation split: {} displacement, {} augmentation, {} not "
                       "involved",
                       pct(s.split.displacement), pct(s.split.augmentation),
                       pct(s.split.not_involved)));
    if (a.reinstatement) {
        const std::string answer = a.reinstatement->new_tasks ? "Yes" : "No";
        w.paragraph("Reinstatement check", a.reinstatement->note.empty()
                                               ? answer
                                               : answer + " — " + a.reinstatement->note);
    }
}

template <std::size_t N>
void write_scored_table(ReportWriter& w, std::string_view heading, std::string_view first_column,
                        const std::array<std::string_view, N>& titles,
                        const std::array<ScoredItem, N>& items, const std::string& total,
                        bool signed_scores) {
    w.heading(heading);
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < N; ++i) {
        rows.push_back({std::string(titles[i]),
                        signed_scores ? signed_int(items[i].score) : std::to_string(items[i].score),
                        items[i].rationale});
    }
    rows.push_back({"Total", total, ""});
    w.table({{std::string(first_column)}, {"Score", 5, true}, {"Rationale"}}, rows);
}

std::string modifier_line(std::string_view name, int total, const Rational& weight,
                          const Rational& modifier) {
    return fmt::format("{}: 1.0 + ({} × {}) = {}", name, total, to_decimal(weight, 2, 6),
                       fig(modifier));
}

void write_composite(ReportWriter& w, const Score& s, const Methodology& m, bool color) {
    w.heading("JobZone Composite Score (AIJRI)");
    w.line(fmt::format("Task Resistance Score: {}/5.0", fig(s.task_resistance)));
    w.line(modifier_line("Evidence modifier", s.evidence_total, m.evidence_weight,
                         s.evidence_modifier));
    w.line(
        modifier_line("Barrier modifier", s.barrier_total, m.barrier_weight, s.barrier_modifier));
    w.line(
        modifier_line("Growth modifier", s.growth_correlation, m.growth_weight, s.growth_modifier));
    const std::string raw = to_fixed(s.raw, 4);
    w.line(fmt::format("Raw: {} × {} × {} × {} = {}", fig(s.task_resistance),
                       fig(s.evidence_modifier), fig(s.barrier_modifier), fig(s.growth_modifier),
                       raw));
    const int d = m.published_decimals;
    w.line(fmt::format("AIJRI: ({} − {}) / {} × {} = {}", raw, to_decimal(m.raw_min, 2, 6),
                       to_decimal(m.raw_span, 2, 6), to_decimal(m.scale, 0, 6),
                       to_fixed(s.formula.aijri, d)));
    const Rational step = Rational::decimal(1, d);
    w.line(fmt::format("Zone: {} (Green >= {}, Yellow {}–{}, Red < {})",
                       colored_label(s.formula.zone, std::string(to_string(s.formula.zone)), color),
                       to_fixed(m.green_min, d), to_fixed(m.yellow_min, d),
                       to_fixed(m.green_min - step, d), to_fixed(m.yellow_min, d)));
}

void write_sub_label(ReportWriter& w, const Score& s, const Methodology& m, bool color) {
    w.heading("Sub-Label Determination");
    w.line(fmt::format("% of task time scoring {}+: {}", m.high_task_score, pct(s.pct_time_3plus)));
    w.line(fmt::format("AI Growth Correlation: {}", signed_int(s.growth_correlation)));
    w.line(fmt::format("Sub-label: {} — {}", colored_label(s.formula.zone, s.formula.label, color),
                       s.formula.sub_label_rule));
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
    write_scored_table(w, "Evidence Score", "Dimension", k_evidence_titles, a.evidence,
                       signed_int(s.evidence_total), true);
    write_scored_table(w, "Barrier Assessment", "Barrier", k_barrier_titles, a.barriers,
                       fmt::format("{}/10", s.barrier_total), false);
    write_composite(w, s, m, style.color);
    write_sub_label(w, s, m, style.color);
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
