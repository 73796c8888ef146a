#include "figures.hpp"

#include <fmt/format.h>

namespace aijri::report_detail {
namespace {

std::string modifier_line(std::string_view name, int total, const Rational& weight,
                          const Rational& modifier) {
    return fmt::format("{}: 1.0 + ({} × {}) = {}", name, total, to_decimal(weight, 2, 6),
                       fig(modifier));
}

template <std::size_t N>
Rows scored_rows(const std::array<std::string_view, N>& titles,
                 const std::array<ScoredItem, N>& items, const std::string& total,
                 bool signed_scores) {
    Rows rows;
    for (std::size_t i = 0; i < N; ++i) {
        rows.push_back({std::string(titles[i]),
                        signed_scores ? signed_int(items[i].score) : std::to_string(items[i].score),
                        items[i].rationale});
    }
    rows.push_back({"Total", total, ""});
    return rows;
}

} // namespace

Rows role_rows(const Assessment& a) {
    Rows rows{{"Job Title", a.role.title}};
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
    return rows;
}

Rows principle_rows(const Assessment& a, const Score& s) {
    Rows rows;
    for (std::size_t i = 0; i < a.principles.size(); ++i) {
        rows.push_back({std::string(k_principle_titles[i]),
                        fmt::format("{}/3", a.principles[i].score), a.principles[i].rationale});
    }
    rows.push_back({"Protective Total", fmt::format("{}/9", s.protective_total), ""});
    rows.push_back({"AI Growth Correlation", signed_int(s.growth_correlation), a.growth.rationale});
    return rows;
}

Rows task_rows(const Assessment& a, const Score& s) {
    Rows rows;
    for (const Task& t : a.tasks) {
        rows.push_back({t.name, pct(t.time_pct), std::to_string(t.score), fig(weighted_points(t)),
                        impact_title(t.impact), t.rationale});
    }
    rows.push_back({"Total", pct(Rational(100)), "", fig(s.task_weighted_total), "", ""});
    return rows;
}

Rows evidence_rows(const Assessment& a, const Score& s) {
    return scored_rows(k_evidence_titles, a.evidence, signed_int(s.evidence_total), true);
}

Rows barrier_rows(const Assessment& a, const Score& s) {
    return scored_rows(k_barrier_titles, a.barriers, fmt::format("{}/10", s.barrier_total), false);
}

std::string quick_screen_line(const Score& s) {
    return fmt::format("Quick screen result: Protective {} + Correlation {} = {}",
                       s.protective_total, s.growth_correlation, s.quick_screen);
}

std::string reinstatement_text(const Reinstatement& r) {
    const std::string answer = r.new_tasks ? "Yes" : "No";
    return r.note.empty() ? answer : answer + " — " + r.note;
}

std::string signed_int(int value) {
    return value > 0 ? fmt::format("+{}", value) : std::to_string(value);
}

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

Rational weighted_points(const Task& task) {
    return task.time_pct / Rational(100) * Rational(task.score);
}

std::string task_resistance_line(const Score& s, const Methodology& m) {
    return fmt::format("Task resistance: {} − {} = {}", fig(m.task_resistance_base),
                       fig(s.task_weighted_total), fig(s.task_resistance));
}

std::string split_line(const Score& s) {
    return fmt::format("Displacement/augmentation split: {} displacement, {} augmentation, {} not "
                       "involved",
                       pct(s.split.displacement), pct(s.split.augmentation),
                       pct(s.split.not_involved));
}

std::vector<std::string> composite_lines(const Score& s, const Methodology& m,
                                         const std::string& zone_shown) {
    const std::string raw = to_fixed(s.raw, 4);
    const int d = m.published_decimals;
    const Rational step = Rational::decimal(1, d);
    return {
        fmt::format("Task Resistance Score: {}/5.0", fig(s.task_resistance)),
        modifier_line("Evidence modifier", s.evidence_total, m.evidence_weight,
                      s.evidence_modifier),
        modifier_line("Barrier modifier", s.barrier_total, m.barrier_weight, s.barrier_modifier),
        modifier_line("Growth modifier", s.growth_correlation, m.growth_weight, s.growth_modifier),
        fmt::format("Raw: {} × {} × {} × {} = {}", fig(s.task_resistance), fig(s.evidence_modifier),
                    fig(s.barrier_modifier), fig(s.growth_modifier), raw),
        fmt::format("AIJRI: ({} − {}) / {} × {} = {}", raw, to_decimal(m.raw_min, 2, 6),
                    to_decimal(m.raw_span, 2, 6), to_decimal(m.scale, 0, 6),
                    to_fixed(s.formula.aijri, d)),
        fmt::format("Zone: {} (Green >= {}, Yellow {}–{}, Red < {})", zone_shown,
                    to_fixed(m.green_min, d), to_fixed(m.yellow_min, d),
                    to_fixed(m.green_min - step, d), to_fixed(m.yellow_min, d)),
    };
}

} // namespace aijri::report_detail
