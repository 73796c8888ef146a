#include "figures.hpp"

#include <fmt/format.h>

namespace aijri::report_detail {
namespace {

std::string modifier_line(std::string_view name, int total, const Rational& weight,
                          const Rational& modifier) {
    return fmt::format("{}: 1.0 + ({} × {}) = {}", name, total, to_decimal(weight, 2, 6),
                       fig(modifier));
}

} // namespace

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
