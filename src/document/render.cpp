#include <algorithm>
#include <array>
#include <vector>

#include <fmt/format.h>

#include "aijri/document/document.hpp"
#include "aijri/util/text.hpp"

#include "syntax.hpp"

namespace aijri {
namespace {

using namespace detail;

constexpr std::size_t k_section_count = 11; // the preamble, then the ten sections

std::size_t section_index(SectionKind kind) {
    return static_cast<std::size_t>(kind);
}

// A figure as the document shows it: at the precision the assessment states it with
// (it matches the computed figure there, or the assessment would not have scored), else
// with at least `min_decimals` and as many more as the exact value needs.
std::string shown(const Rational& value, const std::optional<StatedNumber>& stated,
                  int min_decimals, int max_decimals = 6) {
    return stated ? to_fixed(value, stated->value.decimals)
                  : to_decimal(value, min_decimals, max_decimals);
}

std::string constant(const Rational& value, int min_decimals) {
    return to_decimal(value, min_decimals, 6);
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find('\n', start);
        lines.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos) {
            return lines;
        }
        start = end + 1;
    }
}

bool is_bullet(std::string_view escaped_line) {
    return escaped_line.starts_with("- ") || escaped_line.starts_with("+ ");
}

// "2–4" (an en dash, which import reads as the separator and not as a minus sign).
std::string range_cell(const std::optional<ScoreRange>& range) {
    return range ? fmt::format("{}\u2013{}", range->lo, range->hi) : std::string();
}

// A table shows a "Range" column, after the score's (column `score`), only when one of its rows
// has a range.
void add_range_column(std::vector<std::string>& header, std::vector<std::vector<std::string>>& rows,
                      std::size_t score, const std::vector<std::optional<ScoreRange>>& ranges) {
    if (std::none_of(ranges.begin(), ranges.end(),
                     [](const std::optional<ScoreRange>& r) { return r.has_value(); })) {
        return;
    }
    const auto at = static_cast<std::ptrdiff_t>(score + 1);
    header.insert(header.begin() + at, "Range");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        rows[i].insert(rows[i].begin() + at,
                       i < ranges.size() ? range_cell(ranges[i]) : std::string());
    }
}

std::string impact_label(Impact impact) {
    switch (impact) {
    case Impact::displacement:
        return "DISPLACEMENT";
    case Impact::augmentation:
        return "AUGMENTATION";
    case Impact::not_involved:
        return "NOT INVOLVED";
    }
    return "";
}

// Where each commentary section goes. Commentary keeps its order: a section's own text
// (heading = its title) goes under that section when it comes next in document order;
// anything else becomes a sub-heading, in the Assessor Commentary unless the order has
// already passed it.
struct Placement {
    std::optional<std::size_t> own;
    std::vector<std::size_t> headed;
    bool empty() const { return !own && headed.empty(); }
};

std::array<Placement, k_section_count> place_commentary(const std::vector<CommentarySection>& c) {
    std::array<Placement, k_section_count> placed;
    const std::size_t assessor = section_index(SectionKind::commentary);
    std::size_t current = 0;
    for (std::size_t i = 0; i < c.size(); ++i) {
        std::optional<std::size_t> target;
        if (c[i].heading.empty()) {
            target = 0;
        }
        for (const SectionInfo& info : document_sections()) {
            if (info.title == c[i].heading) {
                target = section_index(info.kind);
            }
        }
        if (target && (*target > current || (*target == current && placed[current].empty()))) {
            current = *target;
            placed[current].own = i;
            continue;
        }
        if ((!target && current < assessor) || current == 0) {
            current = std::max(current, assessor);
        }
        placed[current].headed.push_back(i);
    }
    return placed;
}

class MarkdownWriter {
public:
    // Blocks are separated by a blank line, so that each stays its own paragraph.
    void block(std::string_view text) {
        if (!m_out.empty()) {
            m_out += '\n';
        }
        m_out += text;
        m_out += '\n';
    }

    void heading(std::size_t level, std::string_view escaped) {
        block(std::string(level, '#') + (escaped.empty() ? "" : " ") + std::string(escaped));
    }

    // Cells are escaped already.
    void table(const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows) {
        std::string out = row(header) + "\n|";
        for (std::size_t i = 0; i < header.size(); ++i) {
            out += "---|";
        }
        for (const auto& cells : rows) {
            out += "\n" + row(cells);
        }
        block(out);
    }

    // Free text, line by line; consecutive bullets stay one list.
    void text(SectionKind section, std::string_view text) {
        std::string pending;
        for (const std::string_view line : split_lines(text)) {
            const std::string escaped = escape_text_line(section, line);
            if (!pending.empty() && is_bullet(escaped) && m_last_bullet) {
                pending += "\n" + escaped;
                continue;
            }
            if (!pending.empty()) {
                block(pending);
            }
            pending = escaped;
            m_last_bullet = is_bullet(escaped);
        }
        if (!pending.empty()) {
            block(pending);
        }
        m_last_bullet = false;
    }

    std::string take() { return std::move(m_out); }

private:
    static std::string row(const std::vector<std::string>& cells) {
        std::string out = "|";
        for (const std::string& cell : cells) {
            out += " " + cell + " |";
        }
        return out;
    }

    std::string m_out;
    bool m_last_bullet = false;
};

class Renderer {
public:
    Renderer(const Assessment& a, const Score& s, const Methodology& m)
        : m_a(a), m_s(s), m_m(m), m_placed(place_commentary(a.commentary)) {}

    std::string run() {
        write_title();
        write_own_text(SectionKind::preamble);
        write_role();
        write_principles();
        write_tasks();
        write_dimensions(SectionKind::evidence, {"Dimension", "Score (-2 to 2)", "Evidence"},
                         k_evidence_titles, m_a.evidence,
                         shown(Rational(m_s.evidence_total), m_a.stated.evidence_total, 0));
        write_dimensions(SectionKind::barriers, {"Barrier", "Score (0-2)", "Rationale"},
                         k_barrier_titles, m_a.barriers,
                         shown(Rational(m_s.barrier_total), m_a.stated.barrier_total, 0) + "/10");
        write_text_section(SectionKind::growth_check);
        write_composite();
        write_sub_label();
        write_text_section(SectionKind::commentary);
        write_text_section(SectionKind::meaning);
        return m_w.take();
    }

private:
    const Placement& placed(SectionKind kind) const { return m_placed[section_index(kind)]; }

    void open(SectionKind kind) {
        m_w.heading(2, escape_inline(section_info(kind).display_title));
        write_own_text(kind);
    }

    // The document opens with the role's title as a heading, unless the text before the
    // first section opens with a title of its own ("# Long-Haul Truck Driver — AIJRI
    // Assessment"), kept as written. Import does not keep a title that is just the role's.
    void write_title() {
        if (const auto own = placed(SectionKind::preamble).own) {
            const std::string_view text = m_a.commentary[*own].text;
            const std::string first =
                escape_text_line(SectionKind::preamble, text.substr(0, text.find('\n')));
            const auto heading = parse_heading(first);
            if (heading && heading->level == 1 && !is_document_title(first, m_a.role.title)) {
                return;
            }
        }
        m_w.heading(1, escape_heading(m_a.role.title));
    }

    void write_own_text(SectionKind kind) {
        if (const auto own = placed(kind).own) {
            m_w.text(kind, m_a.commentary[*own].text);
        }
    }

    void write_headed_text(SectionKind kind) {
        for (const std::size_t i : placed(kind).headed) {
            const CommentarySection& c = m_a.commentary[i];
            m_w.heading(3, escape_heading(c.heading));
            if (!c.text.empty()) {
                m_w.text(kind, c.text);
            }
        }
    }

    void write_text_section(SectionKind kind) {
        if (!placed(kind).empty()) {
            open(kind);
            write_headed_text(kind);
        }
    }

    void labeled(std::string_view label, std::string_view value) {
        m_w.block(fmt::format("{}: {}", label, value));
    }

    void write_role() {
        open(SectionKind::role);
        const RoleDefinition& r = m_a.role;
        std::vector<std::vector<std::string>> rows{{"Job Title", escape_cell(r.title)}};
        const std::array<std::pair<std::string_view, const std::string*>, 4> optional_rows = {{
            {"Seniority Level", &r.seniority},
            {"Primary Function", &r.primary_function},
            {"What This Role Is NOT", &r.not_this_role},
            {"Typical Experience", &r.typical_experience},
        }};
        for (const auto& [label, text] : optional_rows) {
            if (!text->empty()) {
                rows.push_back({std::string(label), escape_cell(*text)});
            }
        }
        if (!m_a.id.empty()) {
            // So that render → import keeps the id, whatever the document's file is called.
            rows.push_back({"ID", escape_cell(m_a.id)});
        }
        m_w.table({"Field", "Value"}, rows);
        if (!r.seniority_note.empty()) {
            labeled("Seniority note", escape_inline(r.seniority_note));
        }
        write_headed_text(SectionKind::role);
    }

    std::string protective_total() const {
        return shown(Rational(m_s.protective_total), m_a.stated.protective_total, 0);
    }

    void write_principles() {
        open(SectionKind::principles);
        std::vector<std::vector<std::string>> rows;
        for (std::size_t i = 0; i < m_a.principles.size(); ++i) {
            rows.push_back({std::string(k_principle_titles[i]),
                            std::to_string(m_a.principles[i].score),
                            escape_cell(m_a.principles[i].rationale)});
        }
        rows.push_back({"Protective Total", protective_total() + "/9", ""});
        rows.push_back({"AI Growth Correlation", std::to_string(m_s.growth_correlation),
                        escape_cell(m_a.growth.rationale)});
        // Only the growth correlation's row can have a range: principles take none.
        std::vector<std::string> header{"Principle", "Score (0-3)", "Rationale"};
        std::vector<std::optional<ScoreRange>> ranges(rows.size());
        ranges.back() = m_a.growth.range;
        add_range_column(header, rows, 1, ranges);
        m_w.table(header, rows);
        // "Likely Green (Accelerated)" is written as the seed writes it, with "Zone".
        const std::string zone = "Likely " + std::string(to_string(m_s.quick_screen_zone));
        const std::string verdict = zone + " Zone" + m_s.quick_screen.substr(zone.size());
        labeled("Quick screen result",
                fmt::format("Protective {} + Correlation {} = {}. Proceed to confirm.",
                            protective_total(), m_s.growth_correlation, verdict));
        write_headed_text(SectionKind::principles);
    }

    std::string weighted_total() const {
        return shown(m_s.task_weighted_total, m_a.stated.task_weighted_total, 2);
    }
    std::string task_resistance() const {
        return shown(m_s.task_resistance, m_a.stated.task_resistance, 2);
    }
    std::string resistance_scale() const {
        return constant(m_m.task_resistance_base - Rational(1), 1);
    }

    void write_tasks() {
        open(SectionKind::tasks);
        std::vector<std::vector<std::string>> rows;
        std::vector<std::optional<ScoreRange>> ranges;
        for (const Task& t : m_a.tasks) {
            ranges.push_back(t.range);
            // A task named "Total" must not read as the total row.
            std::string name = escape_cell(t.name);
            if (is_total_label(name)) {
                name = escape_with_reference(t.name);
            }
            rows.push_back({name, to_decimal(t.time_pct, 0, 2) + "%", std::to_string(t.score),
                            to_decimal(t.time_pct / Rational(100) * Rational(t.score), 2, 6),
                            impact_label(t.impact), escape_cell(t.rationale)});
        }
        Rational total_time;
        for (const Task& t : m_a.tasks) {
            total_time += t.time_pct;
        }
        rows.push_back({"Total", to_decimal(total_time, 0, 2) + "%", "", weighted_total(), "", ""});
        std::vector<std::string> header{"Task",     "Time %",   "Score (1-5)",
                                        "Weighted", "Aug/Disp", "Rationale"};
        add_range_column(header, rows, 2, ranges);
        m_w.table(header, rows);
        labeled("Task Resistance Score",
                fmt::format("{} - {} = {}/{}", constant(m_m.task_resistance_base, 2),
                            weighted_total(), task_resistance(), resistance_scale()));
        const StatedFigures& st = m_a.stated;
        labeled("Displacement/Augmentation split",
                fmt::format("{}% displacement, {}% augmentation, {}% not involved.",
                            shown(m_s.split.displacement, st.split_displacement, 0, 2),
                            shown(m_s.split.augmentation, st.split_augmentation, 0, 2),
                            shown(m_s.split.not_involved, st.split_not_involved, 0, 2)));
        if (m_a.reinstatement) {
            const std::string answer = m_a.reinstatement->new_tasks ? "Yes" : "No";
            const std::string& note = m_a.reinstatement->note;
            labeled("Reinstatement check (Acemoglu)",
                    note.empty() ? answer : answer + " \u2014 " + escape_inline(note));
        }
        write_headed_text(SectionKind::tasks);
    }

    template <std::size_t N>
    void write_dimensions(SectionKind kind, std::vector<std::string> header,
                          const std::array<std::string_view, N>& titles,
                          const std::array<ScoredItem, N>& items, const std::string& total) {
        open(kind);
        std::vector<std::vector<std::string>> rows;
        std::vector<std::optional<ScoreRange>> ranges;
        for (std::size_t i = 0; i < N; ++i) {
            rows.push_back({std::string(titles[i]), std::to_string(items[i].score),
                            escape_cell(items[i].rationale)});
            ranges.push_back(items[i].range);
        }
        rows.push_back({"Total", total, ""});
        add_range_column(header, rows, 1, ranges);
        m_w.table(header, rows);
        write_headed_text(kind);
    }

    std::string modifier(int total, const std::optional<StatedNumber>& stated_total,
                         const Rational& weight, const Rational& value,
                         const std::optional<StatedNumber>& stated) const {
        return fmt::format("1.0 + ({} x {}) = {}", shown(Rational(total), stated_total, 0),
                           constant(weight, 2), shown(value, stated, 2));
    }

    void write_composite() {
        open(SectionKind::composite);
        const StatedFigures& st = m_a.stated;
        const std::string em = shown(m_s.evidence_modifier, st.evidence_modifier, 2);
        const std::string bm = shown(m_s.barrier_modifier, st.barrier_modifier, 2);
        const std::string gm = shown(m_s.growth_modifier, st.growth_modifier, 2);
        m_w.table(
            {"Input", "Value"},
            {{"Task Resistance Score", task_resistance() + "/" + resistance_scale()},
             {"Evidence Modifier",
              modifier(m_s.evidence_total, st.evidence_total, m_m.evidence_weight,
                       m_s.evidence_modifier, st.evidence_modifier)},
             {"Barrier Modifier", modifier(m_s.barrier_total, st.barrier_total, m_m.barrier_weight,
                                           m_s.barrier_modifier, st.barrier_modifier)},
             {"Growth Modifier", modifier(m_s.growth_correlation, std::nullopt, m_m.growth_weight,
                                          m_s.growth_modifier, st.growth_modifier)}});
        const std::string raw =
            st.raw ? to_fixed(m_s.raw, st.raw->value.decimals) : to_fixed(m_s.raw, 4);
        labeled("Raw", fmt::format("{} x {} x {} x {} = {}", task_resistance(), em, bm, gm, raw));
        const Rational clamped = max(m_m.clamp_min, min(m_m.clamp_max, m_s.aijri_exact));
        const std::string aijri = st.aijri ? to_fixed(clamped, st.aijri->value.decimals)
                                           : to_fixed(m_s.formula.aijri, m_m.published_decimals);
        labeled("JobZone Score",
                fmt::format("({} - {}) / {} x {} = {}/{}", raw, constant(m_m.raw_min, 2),
                            constant(m_m.raw_span, 2), constant(m_m.scale, 0), aijri,
                            constant(m_m.clamp_max, 0)));
        labeled("Zone", zone_line());
        write_headed_text(SectionKind::composite);
    }

    // "GREEN (Green >= 48, Yellow 25-47, Red <25)", the seed's notation: the top of Yellow
    // is the largest number below the Green threshold at the thresholds' precision.
    std::string zone_line() const {
        const std::string green = constant(m_m.green_min, 0);
        const std::string yellow = constant(m_m.yellow_min, 0);
        const auto decimals_of = [](const std::string& text) {
            const auto dot = text.find('.');
            return dot == std::string::npos ? 0 : static_cast<int>(text.size() - dot - 1);
        };
        const int d = std::max(decimals_of(green), decimals_of(yellow));
        const Rational top = m_m.green_min - Rational::decimal(1, d);
        return fmt::format("{} (Green >= {}, Yellow {}-{}, Red <{})",
                           to_ascii_upper(std::string(to_string(m_s.formula.zone))), green, yellow,
                           to_fixed(top, d), yellow);
    }

    void write_sub_label() {
        open(SectionKind::sub_label);
        m_w.table({"Metric", "Value"},
                  {{fmt::format("% of task time scoring {}+", m_m.high_task_score),
                    shown(m_s.pct_time_3plus, m_a.stated.pct_time_3plus, 0, 2) + "%"},
                   {"AI Growth Correlation", std::to_string(m_s.growth_correlation)},
                   {"Sub-label", fmt::format("{} \u2014 {}", escape_inline(m_s.formula.label),
                                             escape_inline(m_s.formula.sub_label_rule))}});
        labeled("Assessor override", override_text());
        write_headed_text(SectionKind::sub_label);
    }

    std::string override_text() const {
        if (!m_a.override_) {
            return "None \u2014 formula score accepted.";
        }
        const Override& o = *m_a.override_;
        std::vector<std::string> parts;
        if (o.aijri) {
            parts.push_back("AIJRI " + to_decimal(*o.aijri, 1, 1));
        }
        if (o.zone) {
            parts.push_back("zone " + std::string(to_string(*o.zone)));
        }
        if (o.has_sub_label) {
            std::string label = "none";
            if (o.sub_label) {
                label = "\"";
                for (const char c : escape_inline(*o.sub_label)) {
                    label += c == '"' ? std::string("\\\"") : std::string(1, c);
                }
                label += "\"";
            }
            parts.push_back("sub-label " + label);
        }
        return fmt::format("{} \u2014 {}", fmt::join(parts, "; "), escape_inline(o.reason));
    }

    const Assessment& m_a;
    const Score& m_s;
    const Methodology& m_m;
    std::array<Placement, k_section_count> m_placed;
    MarkdownWriter m_w;
};

} // namespace

std::string render_markdown(const Assessment& assessment, const Score& score,
                            const Methodology& methodology) {
    return Renderer(assessment, score, methodology).run();
}

} // namespace aijri
