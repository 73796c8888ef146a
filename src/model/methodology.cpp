#include "aijri/model/methodology.hpp"
#include <algorithm>
#include <array>
#include <stdexcept>

#include <fmt/format.h>

#include "aijri/json/cursor.hpp"
#include "aijri/json/limits.hpp"
#include "aijri/model/bounds.hpp"
#include "aijri/util/text.hpp"

namespace aijri {
namespace detail {
extern const std::string_view k_builtin_methodology_json;
} // namespace detail

namespace {

using detail::JsonCursor;
using detail::JsonNode;

constexpr std::array<std::string_view, 14> k_required = {"name",
                                                         "task_resistance_base",
                                                         "evidence_weight",
                                                         "barrier_weight",
                                                         "growth_weight",
                                                         "raw_min",
                                                         "raw_span",
                                                         "scale",
                                                         "published_decimals",
                                                         "clamp",
                                                         "zones",
                                                         "high_task_score",
                                                         "sub_labels",
                                                         "quick_screen"};
// Every key a methodology may hold: the required ones, and three that document it.
constexpr auto k_keys = [] {
    std::array<std::string_view, k_required.size() + 3> keys{"$comment"};
    std::copy(k_required.begin(), k_required.end(), keys.begin() + 1);
    keys[k_required.size() + 1] = "description";
    keys[k_required.size() + 2] = "$schema";
    return keys;
}();
constexpr std::array<std::string_view, 2> k_clamp_keys = {"min", "max"};
constexpr std::array<std::string_view, 2> k_zone_keys = {"green_min", "yellow_min"};
constexpr std::array<std::string_view, 4> k_rule_keys = {"zone", "label", "growth_correlation",
                                                         "pct_time_3plus_min"};
constexpr std::array<std::string_view, 2> k_rule_required = {"zone", "label"};
constexpr std::array<std::string_view, 3> k_screen_keys = {"likely_green_min", "likely_yellow_min",
                                                           "accelerated_growth"};

// Constants are short decimals; more places than this would only risk exact-arithmetic
// overflow without expressing anything a methodology needs.
constexpr int k_max_constant_decimals = 6;
constexpr std::string_view k_root_expected = "a JSON object (a methodology definition)";
constexpr std::int64_t k_max_constant = 1'000'000;

class MethodologyParser {
public:
    MethodologyParser(JsonCursor& cursor, Methodology& out) : m_cursor(cursor), m_out(out) {}

    void read_root(JsonNode& root) {
        if (!m_cursor.expect_object(root, k_root_expected)) {
            return;
        }
        read_object(root, k_keys, k_required,
                    [this](std::string_view key, JsonNode& v) { read_field(key, v); });
    }

private:
    void read_object(JsonNode& node, std::span<const std::string_view> known,
                     std::span<const std::string_view> required,
                     const JsonCursor::FieldHandler& handler) {
        m_cursor.read_fields(node, known, required, handler);
    }

    Rational constant(JsonNode& v, bool positive = false) {
        const std::size_t at = v.offset;
        const std::string expected =
            fmt::format("{} with at most {} decimals", positive ? "a positive number" : "a number",
                        k_max_constant_decimals);
        const auto number = m_cursor.read_number(v, expected);
        if (!number) {
            return Rational(1);
        }
        const Rational value = number->value;
        // The number as written, not expanded: 1e17 is quoted as 1e17.
        const std::string written = m_cursor.describe(v);
        if (value > Rational(k_max_constant) || value < Rational(-k_max_constant)) {
            m_cursor.error(at, v.pointer(),
                           fmt::format("expected {}, found {}, which is too large (at most {} "
                                       "either side of 0)",
                                       expected, written, k_max_constant));
            return Rational(1);
        }
        const bool too_precise = !(value * Rational::decimal(1'000'000, 0)).is_integer();
        if (too_precise || (positive && value <= Rational(0))) {
            m_cursor.error(at, v.pointer(),
                           fmt::format("expected {}, found {}", expected, written));
            return Rational(1);
        }
        return value;
    }

    void read_field(std::string_view key, JsonNode& v) {
        if (key == "$comment" || key == "description" || key == "$schema") {
            m_cursor.read_string(v);
        } else if (key == "name") {
            m_out.name = m_cursor.read_nonempty_string(v).value_or("");
        } else if (key == "task_resistance_base") {
            m_out.task_resistance_base = constant(v);
        } else if (key == "evidence_weight") {
            m_out.evidence_weight = constant(v);
        } else if (key == "barrier_weight") {
            m_out.barrier_weight = constant(v);
        } else if (key == "growth_weight") {
            m_out.growth_weight = constant(v);
        } else if (key == "raw_min") {
            m_out.raw_min = constant(v);
        } else if (key == "raw_span") {
            m_out.raw_span = constant(v, true);
        } else if (key == "scale") {
            m_out.scale = constant(v, true);
        } else if (key == "published_decimals") {
            m_out.published_decimals = m_cursor.read_integer(v, 0, 6).value_or(1);
        } else if (key == "clamp") {
            read_clamp(v);
        } else if (key == "zones") {
            const std::size_t at = v.offset;
            const std::string pointer = v.pointer();
            read_object(v, k_zone_keys, k_zone_keys, [&](std::string_view k, JsonNode& z) {
                (k == "green_min" ? m_out.green_min : m_out.yellow_min) = constant(z);
            });
            // Zones are bands from Red up: a Green line at or below the Yellow line leaves
            // Yellow empty, or puts Green below it.
            if (!(m_out.yellow_min < m_out.green_min)) {
                m_cursor.error(at, pointer,
                               fmt::format("expected green_min above yellow_min, found green_min "
                                           "{} and yellow_min {}",
                                           to_exact_string(m_out.green_min),
                                           to_exact_string(m_out.yellow_min)));
            }
        } else if (key == "high_task_score") {
            m_out.high_task_score =
                m_cursor.read_integer(v, k_task_score_bounds.min, k_task_score_bounds.max)
                    .value_or(3);
        } else if (key == "sub_labels") {
            read_sub_labels(v);
        } else {
            read_quick_screen(v);
        }
    }

    void read_clamp(JsonNode& v) {
        const std::size_t at = v.offset;
        const std::string pointer = v.pointer();
        read_object(v, k_clamp_keys, k_clamp_keys, [&](std::string_view k, JsonNode& c) {
            (k == "min" ? m_out.clamp_min : m_out.clamp_max) = constant(c);
        });
        if (m_out.clamp_max < m_out.clamp_min) {
            m_cursor.error(at, pointer, "expected clamp.min to be at most clamp.max");
        }
    }

    Zone read_zone(JsonNode& v) {
        const std::size_t at = v.offset;
        const auto name = m_cursor.read_string(v);
        if (!name) {
            return Zone::green; // the error is reported
        }
        if (const auto zone = zone_from_string(*name)) {
            return *zone;
        }
        m_cursor.error(at, v.pointer(),
                       fmt::format("expected one of \"{}\", found {}",
                                   fmt::join(k_zone_names, "\", \""), detail::quoted(*name, 40)));
        return Zone::green;
    }

    void read_sub_labels(JsonNode& v) {
        if (!m_cursor.expect_array(v)) {
            return;
        }
        m_cursor.for_each_element(v, [&](JsonNode& element) {
            SubLabelRule rule;
            read_object(
                element, k_rule_keys, k_rule_required, [&](std::string_view k, JsonNode& f) {
                    if (k == "zone") {
                        rule.zone = read_zone(f);
                    } else if (k == "label") {
                        rule.label = m_cursor.read_nonempty_string(f).value_or("");
                    } else if (k == "growth_correlation") {
                        rule.growth_correlation =
                            m_cursor.read_integer(f, k_growth_bounds.min, k_growth_bounds.max);
                    } else {
                        rule.pct_time_3plus_min = constant(f);
                    }
                });
            m_out.sub_labels.push_back(std::move(rule));
        });
    }

    void read_quick_screen(JsonNode& v) {
        const std::size_t at = v.offset;
        const std::string pointer = v.pointer();
        read_object(v, k_screen_keys, k_screen_keys, [&](std::string_view k, JsonNode& f) {
            const int value = m_cursor.read_integer(f, -2, 11).value_or(0);
            if (k == "likely_green_min") {
                m_out.quick_screen_green_min = value;
            } else if (k == "likely_yellow_min") {
                m_out.quick_screen_yellow_min = value;
            } else {
                m_out.quick_screen_accelerated_growth = value;
            }
        });
        if (!(m_out.quick_screen_yellow_min < m_out.quick_screen_green_min)) {
            m_cursor.error(at, pointer,
                           fmt::format("expected likely_green_min above likely_yellow_min, found "
                                       "likely_green_min {} and likely_yellow_min {}",
                                       m_out.quick_screen_green_min,
                                       m_out.quick_screen_yellow_min));
        }
    }

    JsonCursor& m_cursor;
    Methodology& m_out;
};

} // namespace

MethodologyLoad read_methodology(std::string_view json_text) {
    MethodologyLoad result;
    const std::string_view text = strip_bom(json_text);
    PaddedBuffer padded;
    padded.assign(text);
    JsonCursor cursor(padded.text().view(), result.diagnostics);
    Methodology methodology;
    simdjson::ondemand::parser parser;
    detail::walk_document(
        parser, padded.text(), cursor, result.diagnostics, k_root_expected,
        [&](JsonNode& root) { MethodologyParser(cursor, methodology).read_root(root); });
    if (!has_errors(result.diagnostics)) {
        result.methodology = std::move(methodology);
    }
    return result;
}

std::string_view builtin_methodology_json() {
    return detail::k_builtin_methodology_json;
}

const Methodology& builtin_methodology() {
    static const Methodology methodology = [] {
        MethodologyLoad load = read_methodology(builtin_methodology_json());
        if (!load.methodology) {
            throw std::logic_error("the embedded methodology aijri-1 does not load");
        }
        return *load.methodology;
    }();
    return methodology;
}

} // namespace aijri
