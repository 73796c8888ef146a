#include "aijri/report/text.hpp"
#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "aijri/util/text.hpp"

namespace aijri {
namespace {

constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_reset = "\x1b[0m";
constexpr std::size_t k_indent = 2;

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

struct Column {
    std::string title;
    std::size_t width = 0; // 0: takes what is left (the text column)
    bool right = false;
};

class ReportWriter {
public:
    ReportWriter(const TextStyle& style) : m_style(style) {}

    // `title` holds no colour codes; a title wider than the layout wraps.
    void heading(std::string_view title) {
        if (!m_out.empty()) {
            m_out += '\n';
        }
        const std::vector<std::string> lines = display_width(title) <= m_style.width
                                                   ? std::vector<std::string>{std::string(title)}
                                                   : wrap(title, m_style.width);
        for (const std::string& part : lines) {
            m_out += m_style.color ? fmt::format("{}{}{}\n", k_bold, part, k_reset)
                                   : fmt::format("{}\n", part);
        }
    }

    // The report's first line, "Title — AIJRI 64.6 Green (Accelerated)", whose label may be
    // coloured: when it is too wide, the verdict goes on a line of its own.
    void title(std::string_view name, std::string_view verdict, std::string_view colored) {
        const std::string plain = fmt::format("{} — {}", name, verdict);
        if (display_width(plain) <= m_style.width) {
            m_out += m_style.color ? fmt::format("{}{} — {}{}\n", k_bold, name, colored, k_reset)
                                   : plain + "\n";
            return;
        }
        heading(name);
        m_out += m_style.color ? fmt::format("{}{}{}\n", k_bold, colored, k_reset)
                               : std::string(verdict) + "\n";
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

    // Prose as the document has it: paragraphs and "- " bullets, wrapped to the width (a
    // bullet's lines under its text), a blank line between paragraphs.
    void prose(std::string_view text) {
        std::size_t start = 0;
        bool blank_pending = false;
        while (start <= text.size()) {
            const auto end = std::min(text.find('\n', start), text.size());
            const std::string part = sanitize(text.substr(start, end - start));
            start = end + 1;
            if (part.find_first_not_of(' ') == std::string::npos) {
                blank_pending = true;
                continue;
            }
            if (blank_pending) {
                m_out += '\n';
                blank_pending = false;
            }
            const bool bullet = part.starts_with("- ") || part.starts_with("* ");
            const std::size_t hang = bullet ? 2 : 0;
            const std::size_t room =
                available_width() > hang + k_min_text ? available_width() - hang : k_min_text;
            const auto lines = wrap(bullet ? std::string_view(part).substr(2) : part, room);
            for (std::size_t i = 0; i < lines.size(); ++i) {
                m_out += fmt::format("{:{}}{}{}\n", "", k_indent,
                                     bullet ? (i == 0 ? "- " : "  ") : "", lines[i]);
            }
        }
    }

    // A "Label: text" line whose text wraps under itself; where that would leave the text
    // too little room, the text goes under the label instead.
    void paragraph(std::string_view label, std::string_view text) {
        const std::string clean = sanitize(text);
        const std::size_t beside = label.size() + 2;
        constexpr std::size_t k_min_beside = 24;
        if (available_width() < beside + k_min_beside) {
            line(fmt::format("{}:", label));
            for (const std::string& part : wrap(clean, available_width() - 4)) {
                line(fmt::format("    {}", part));
            }
            return;
        }
        const auto lines = wrap(clean, available_width() - beside);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            line(fmt::format("{:<{}}{}", i == 0 ? fmt::format("{}: ", label) : "", beside,
                             lines[i]));
        }
    }

    // A table keeps its shape at any width: the columns that do not fit beside the name
    // (the text column first, then the ones before it) move to a line of their own under
    // each row, joined by " — ".
    void table(std::vector<Column> columns, const std::vector<std::vector<std::string>>& rows) {
        const std::size_t inline_count = fit_columns(columns, rows);
        std::vector<std::string> titles;
        for (const Column& c : columns) {
            titles.push_back(c.title);
        }
        row_line(columns, inline_count, titles, true);
        std::size_t total = 0;
        for (std::size_t i = 0; i < inline_count; ++i) {
            total += columns[i].width + 2;
        }
        line(std::string(total > 2 ? total - 2 : 0, '-'));
        for (const auto& row : rows) {
            row_line(columns, inline_count, row, false);
        }
    }

    std::string take() { return std::move(m_out); }
    std::size_t available_width() const {
        return m_style.width > k_indent + 20 ? m_style.width - k_indent : 20;
    }

private:
    static constexpr std::size_t k_min_name = 8;
    static constexpr std::size_t k_min_text = 12;

    // Sets the widths and returns how many columns stay in the row; the rest go under it.
    std::size_t fit_columns(std::vector<Column>& columns,
                            const std::vector<std::vector<std::string>>& rows) const {
        // The first (name) column is as wide as its longest entry, within reason.
        Column& name = columns[0];
        name.width = display_width(name.title);
        for (const auto& row : rows) {
            name.width = std::max(name.width, display_width(sanitize(row[0])));
        }
        name.width =
            std::min<std::size_t>(name.width, std::max<std::size_t>(available_width() / 3, 12));
        const auto fixed_width = [&columns](std::size_t count) {
            std::size_t fixed = 0;
            for (std::size_t i = 1; i < count; ++i) {
                fixed += columns[i].width + 2;
            }
            return fixed;
        };
        std::size_t count = columns.size();
        // All columns in the row: the text column keeps at least k_min_text cells, the name
        // column giving way first.
        const std::size_t with_text = fixed_width(count - 1) + k_min_text + 2;
        if (with_text + k_min_name <= available_width()) {
            name.width = std::min(name.width, available_width() - with_text);
            columns.back().width = available_width() - fixed_width(count - 1) - name.width - 2;
            return count;
        }
        // Fewer columns in the row; what is moved goes on a line of its own.
        count -= 1;
        while (count > 2 && fixed_width(count) + k_min_name > available_width()) {
            count -= 1;
        }
        name.width =
            std::max(k_min_name, std::min(name.width, available_width() - fixed_width(count)));
        return count;
    }

    void row_line(const std::vector<Column>& columns, std::size_t inline_count,
                  const std::vector<std::string>& cells, bool header) {
        const bool text_inline = inline_count == columns.size();
        std::string prefix;
        for (std::size_t i = 0; i < inline_count; ++i) {
            if (i + 1 == columns.size()) {
                break; // the text column, written below
            }
            const std::string cell = shorten(sanitize(cells[i]), columns[i].width);
            prefix += pad(cell, columns[i].width, columns[i].right) + "  ";
        }
        if (!text_inline) {
            trim_and_line(prefix);
        }
        // The last cell (or the moved ones) is one line; it wraps when --wide asks for it.
        std::string text;
        for (std::size_t i = text_inline ? columns.size() - 1 : inline_count; i < cells.size();
             ++i) {
            const std::string cell = sanitize(cells[i]);
            if (!cell.empty()) {
                text += (text.empty() ? "" : " — ") + cell;
            }
        }
        if (!text_inline) {
            prefix = "    ";
            if (text.empty()) {
                return;
            }
        }
        const std::size_t room =
            text_inline ? columns.back().width : std::max(available_width(), k_min_text + 4) - 4;
        std::vector<std::string> lines = m_style.wide && !header
                                             ? wrap(text, room)
                                             : std::vector<std::string>{shorten(text, room)};
        for (std::size_t i = 0; i < lines.size(); ++i) {
            trim_and_line((i == 0 ? prefix : std::string(display_width(prefix), ' ')) + lines[i]);
        }
    }

    void trim_and_line(std::string out) {
        while (!out.empty() && out.back() == ' ') {
            out.pop_back();
        }
        line(out);
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
