#include "aijri/report_text.hpp"
#include <algorithm>
#include <array>
#include <vector>

#include <fmt/format.h>

#include "aijri/text.hpp"

namespace aijri {
namespace {

constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_reset = "\x1b[0m";
constexpr std::size_t k_indent = 2;

std::string_view zone_color(const std::string& zone) {
    if (zone == "Green") {
        return "\x1b[1;32m";
    }
    return zone == "Yellow" ? "\x1b[1;33m" : "\x1b[1;31m";
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

struct Column {
    std::string title;
    std::size_t width = 0; // 0: takes what is left (the text column)
    bool right = false;
};

class ReportWriter {
public:
    ReportWriter(const TextStyle& style) : m_style(style) {}

    void heading(std::string_view title) {
        if (!m_out.empty()) {
            m_out += '\n';
        }
        m_out += m_style.color ? fmt::format("{}{}{}\n", k_bold, title, k_reset)
                               : fmt::format("{}\n", title);
    }

    // Lines longer than the terminal wrap with a hanging indent rather than overflow.
    void line(std::string_view text) {
        if (display_width(text) <= available_width()) {
            m_out += fmt::format("{:{}}{}\n", "", k_indent, text);
            return;
        }
        const auto lines = wrap(text, available_width() - 4);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            m_out += fmt::format("{:{}}{}\n", "", i == 0 ? k_indent : k_indent + 4, lines[i]);
        }
    }

    // A "Label: text" line whose text wraps under itself.
    void paragraph(std::string_view label, std::string_view text) {
        const std::string clean = sanitize(text);
        const std::size_t available =
            available_width() > label.size() + 2 ? available_width() - label.size() - 2 : 20;
        const auto lines = wrap(clean, std::max<std::size_t>(available, 20));
        for (std::size_t i = 0; i < lines.size(); ++i) {
            line(fmt::format("{:<{}}{}", i == 0 ? fmt::format("{}: ", label) : "", label.size() + 2,
                             lines[i]));
        }
    }

    void table(std::vector<Column> columns, const std::vector<std::vector<std::string>>& rows) {
        fit_text_column(columns, rows);
        std::vector<std::string> titles;
        for (const Column& c : columns) {
            titles.push_back(c.title);
        }
        row_line(columns, titles, true);
        std::size_t total = 0;
        for (const Column& c : columns) {
            total += c.width + 2;
        }
        line(std::string(total > 2 ? total - 2 : 0, '-'));
        for (const auto& row : rows) {
            row_line(columns, row, false);
        }
    }

    std::string take() { return std::move(m_out); }
    std::size_t available_width() const {
        return m_style.width > k_indent + 20 ? m_style.width - k_indent : 20;
    }

private:
    void fit_text_column(std::vector<Column>& columns,
                         const std::vector<std::vector<std::string>>& rows) {
        std::size_t fixed = 0;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            Column& c = columns[i];
            if (c.width != 0 || i + 1 == columns.size()) {
                continue;
            }
            // A first (name) column is as wide as its longest entry, within reason.
            c.width = display_width(c.title);
            for (const auto& row : rows) {
                c.width = std::max(c.width, display_width(sanitize(row[i])));
            }
            c.width =
                std::min<std::size_t>(c.width, std::max<std::size_t>(available_width() / 3, 12));
        }
        for (std::size_t i = 0; i + 1 < columns.size(); ++i) {
            fixed += columns[i].width + 2;
        }
        // The text column keeps at least k_min_text cells; the name column gives way first.
        constexpr std::size_t k_min_text = 12;
        if (fixed + k_min_text > available_width()) {
            const std::size_t excess = fixed + k_min_text - available_width();
            const std::size_t shrink =
                std::min(excess, columns[0].width > 8 ? columns[0].width - 8 : 0);
            columns[0].width -= shrink;
            fixed -= shrink;
        }
        Column& last = columns.back();
        last.width =
            available_width() > fixed + k_min_text ? available_width() - fixed : k_min_text;
    }

    void row_line(const std::vector<Column>& columns, const std::vector<std::string>& cells,
                  bool header) {
        // Every cell but the last is one line; the last wraps when --wide asks for it.
        std::string prefix;
        for (std::size_t i = 0; i + 1 < columns.size(); ++i) {
            const std::string cell = shorten(sanitize(cells[i]), columns[i].width);
            prefix += pad(cell, columns[i].width, columns[i].right) + "  ";
        }
        const Column& last = columns.back();
        const std::string text = sanitize(cells.back());
        std::vector<std::string> lines = m_style.wide && !header
                                             ? wrap(text, last.width)
                                             : std::vector<std::string>{shorten(text, last.width)};
        for (std::size_t i = 0; i < lines.size(); ++i) {
            std::string out =
                (i == 0 ? prefix : std::string(display_width(prefix), ' ')) + lines[i];
            while (!out.empty() && out.back() == ' ') {
                out.pop_back();
            }
            line(out);
        }
    }

    const TextStyle& m_style;
    std::string m_out;
};

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
                       colored_label(s.formula.zone, s.formula.zone, color),
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

std::string colored_label(const std::string& zone, const std::string& label, bool color) {
    // A sub-label can come from an override or a methodology file: it is text from a file.
    const std::string shown = sanitize(label);
    return color ? fmt::format("{}{}{}", zone_color(zone), shown, k_reset) : shown;
}

std::string render_text_report(const Evaluation& evaluation, const Methodology& m,
                               const TextStyle& style) {
    const Assessment& a = *evaluation.assessment;
    const Score& s = *evaluation.score;
    ReportWriter w(style);
    const std::string title = sanitize(a.role.title);
    w.heading(fmt::format("{} — AIJRI {} {}", title, to_fixed(s.final_.aijri, m.published_decimals),
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
    std::string out = w.take();
    std::vector<const Diagnostic*> warnings;
    for (const Diagnostic& d : evaluation.diagnostics) {
        if (d.severity == Severity::warning) {
            warnings.push_back(&d);
        }
    }
    if (!warnings.empty()) {
        out += style.color ? fmt::format("\n{}Warnings{}\n", k_bold, k_reset) : "\nWarnings\n";
        for (const Diagnostic* d : warnings) {
            out += fmt::format("  warning: {}\n", sanitize(d->message));
        }
    }
    return out;
}

} // namespace aijri
