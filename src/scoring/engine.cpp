#include "aijri/scoring/engine.hpp"

#include <fmt/format.h>

namespace aijri {
namespace {

struct SubLabelMatch {
    std::optional<std::string> label;
    std::string rule;
};

SubLabelMatch match_sub_label(Zone zone, const Rational& published, int growth,
                              const Rational& pct_time_3plus, const Methodology& m) {
    for (const SubLabelRule& rule : m.sub_labels) {
        if (rule.zone != zone) {
            continue;
        }
        if (rule.growth_correlation && growth != *rule.growth_correlation) {
            continue;
        }
        if (rule.pct_time_3plus_min && pct_time_3plus < *rule.pct_time_3plus_min) {
            continue;
        }
        std::string why;
        if (rule.growth_correlation) {
            why += fmt::format("Growth Correlation = {} AND ", *rule.growth_correlation);
        }
        if (rule.pct_time_3plus_min) {
            why += fmt::format("{}% of task time scoring {}+ >= {}% AND ",
                               to_decimal(pct_time_3plus, 0, 2), m.high_task_score,
                               to_decimal(*rule.pct_time_3plus_min, 0, 2));
        }
        why += zone == Zone::green
                   ? fmt::format("AIJRI {} >= {}", to_fixed(published, m.published_decimals),
                                 to_fixed(m.green_min, m.published_decimals))
                   : fmt::format("zone {}", to_string(zone));
        return {rule.label, why};
    }
    return {std::nullopt, fmt::format("{} zone: no sub-label rule applies", to_string(zone))};
}

Verdict verdict_for(const Rational& published, int growth, const Rational& pct_time_3plus,
                    const Methodology& m) {
    Verdict v;
    v.aijri = published;
    v.zone = zone_for(published, m);
    SubLabelMatch match = match_sub_label(v.zone, published, growth, pct_time_3plus, m);
    v.sub_label = std::move(match.label);
    v.sub_label_rule = std::move(match.rule);
    v.label = label_for(v.zone, v.sub_label);
    return v;
}

// The assessor may override the AIJRI, the zone or the sub-label. What is not overridden
// follows from what is: a new AIJRI moves the zone, a new zone re-applies the sub-label rules.
Verdict apply_override(const Override& o, const Score& s, const Methodology& m) {
    Verdict v = s.formula;
    if (o.aijri) {
        v = verdict_for(*o.aijri, s.growth_correlation, s.pct_time_3plus, m);
    }
    if (o.zone && *o.zone != v.zone) {
        v.zone = *o.zone;
        SubLabelMatch match =
            match_sub_label(v.zone, v.aijri, s.growth_correlation, s.pct_time_3plus, m);
        v.sub_label = std::move(match.label);
        v.sub_label_rule = std::move(match.rule);
    }
    if (o.has_sub_label) {
        v.sub_label = o.sub_label;
        v.sub_label_rule = "assessor override";
    }
    v.label = label_for(v.zone, v.sub_label);
    return v;
}

void compute_quick_screen(Score& s, const Methodology& m) {
    s.quick_screen_total = s.protective_total + s.growth_correlation;
    if (s.quick_screen_total >= m.quick_screen_green_min) {
        s.quick_screen_zone = Zone::green;
    } else if (s.quick_screen_total >= m.quick_screen_yellow_min) {
        s.quick_screen_zone = Zone::yellow;
    } else {
        s.quick_screen_zone = Zone::red;
    }
    s.quick_screen = fmt::format("Likely {}", to_string(s.quick_screen_zone));
    if (s.quick_screen_zone == Zone::green &&
        s.growth_correlation == m.quick_screen_accelerated_growth) {
        s.quick_screen += " (Accelerated)";
    }
}

void add_warnings(Score& s, const Methodology& m) {
    if (s.clamped) {
        s.warnings.push_back(make_warning(
            fmt::format("the exact AIJRI {} lies outside {}..{} and is published as {}",
                        to_fixed(s.aijri_exact, m.published_decimals + 2),
                        to_fixed(m.clamp_min, m.published_decimals),
                        to_fixed(m.clamp_max, m.published_decimals),
                        to_fixed(s.formula.aijri, m.published_decimals))));
    }
    if (s.quick_screen_zone != s.final_.zone) {
        s.warnings.push_back(make_warning(
            fmt::format("the quick screen (protective {} + correlation {} = {}) says {}, but the "
                        "final zone is {}",
                        s.protective_total, s.growth_correlation, s.quick_screen_total,
                        s.quick_screen, to_string(s.final_.zone))));
    }
}

template <std::size_t N>
int sum_scores(const std::array<ScoredItem, N>& items) {
    int total = 0;
    for (const ScoredItem& item : items) {
        total += item.score;
    }
    return total;
}

} // namespace

Zone zone_for(const Rational& published_aijri, const Methodology& m) {
    if (published_aijri >= m.green_min) {
        return Zone::green;
    }
    return published_aijri >= m.yellow_min ? Zone::yellow : Zone::red;
}

std::string label_for(Zone zone, const std::optional<std::string>& sub_label) {
    return sub_label ? fmt::format("{} ({})", to_string(zone), *sub_label)
                     : std::string(to_string(zone));
}

Score compute_score(const Assessment& a, const Methodology& m) {
    Score s;
    s.methodology = m.name;
    for (const Task& task : a.tasks) {
        s.task_weighted_total += task.time_pct / Rational(100) * Rational(task.score);
        if (task.score >= m.high_task_score) {
            s.pct_time_3plus += task.time_pct;
        }
        switch (task.impact) {
        case Impact::displacement:
            s.split.displacement += task.time_pct;
            break;
        case Impact::augmentation:
            s.split.augmentation += task.time_pct;
            break;
        case Impact::not_involved:
            s.split.not_involved += task.time_pct;
            break;
        }
    }
    s.task_resistance = m.task_resistance_base - s.task_weighted_total;
    s.protective_total = sum_scores(a.principles);
    s.growth_correlation = a.growth.score;
    s.evidence_total = sum_scores(a.evidence);
    s.barrier_total = sum_scores(a.barriers);
    s.evidence_modifier = Rational(1) + m.evidence_weight * Rational(s.evidence_total);
    s.barrier_modifier = Rational(1) + m.barrier_weight * Rational(s.barrier_total);
    s.growth_modifier = Rational(1) + m.growth_weight * Rational(s.growth_correlation);
    s.raw = s.task_resistance * s.evidence_modifier * s.barrier_modifier * s.growth_modifier;
    s.aijri_exact = (s.raw - m.raw_min) / m.raw_span * m.scale;

    const Rational rounded = s.aijri_exact.rounded(m.published_decimals);
    const Rational published = max(m.clamp_min, min(m.clamp_max, rounded));
    s.clamped = published != rounded;
    s.formula = verdict_for(published, s.growth_correlation, s.pct_time_3plus, m);
    s.final_ = s.formula;
    if (a.override_) {
        s.overridden = true;
        s.final_ = apply_override(*a.override_, s, m);
    }
    compute_quick_screen(s, m);
    add_warnings(s, m);
    return s;
}

namespace {

// A mismatch is located like every other error: at the stated value, with its line shown.
template <typename Stated>
Diagnostic mismatch(const Stated& stated, const LineIndex* lines, std::string message) {
    const bool located = stated.offset != k_no_offset && lines != nullptr;
    Diagnostic d =
        make_error(stated.pointer, located ? lines->position_of(stated.offset) : stated.position,
                   std::move(message));
    d.kind = DiagnosticKind::stated_figure;
    if (located) {
        d.source_line = std::string(lines->excerpt_at(stated.offset, d.source_cut));
    }
    return d;
}

void check_number(Diagnostics& out, const StatedNumber& stated, std::string_view name,
                  const Rational& computed, const LineIndex* lines) {
    const int decimals = stated.value.decimals;
    if (computed.rounded(decimals) == stated.value.value) {
        return;
    }
    std::string message =
        fmt::format("stated {} {} does not match the computed {}", name,
                    to_fixed(stated.value.value, decimals), to_fixed(computed, decimals));
    if (computed.rounded(decimals) != computed) {
        message += fmt::format(" (exact {})", to_readable_decimal(computed));
    }
    out.push_back(mismatch(stated, lines, std::move(message)));
}

void check_zone(Diagnostics& out, const std::optional<StatedZone>& stated, std::string_view name,
                Zone computed, const LineIndex* lines) {
    if (!stated || stated->value == computed) {
        return;
    }
    out.push_back(mismatch(*stated, lines,
                           fmt::format("stated {} \"{}\" does not match the computed \"{}\"", name,
                                       to_string(stated->value), to_string(computed))));
}

void check_text(Diagnostics& out, const std::optional<StatedText>& stated, std::string_view name,
                const std::optional<std::string>& computed, const LineIndex* lines) {
    if (!stated || stated->value == computed) {
        return;
    }
    const auto show = [](const std::optional<std::string>& v) {
        return v ? fmt::format("\"{}\"", *v) : std::string("none");
    };
    out.push_back(mismatch(*stated, lines,
                           fmt::format("stated {} {} does not match the computed {}", name,
                                       show(stated->value), show(computed))));
}

// The formula's figure that a stated number is the author's arithmetic of.
Rational computed_number(StatedId id, const Score& s, const Methodology& m) {
    switch (id) {
    case StatedId::task_weighted_total:
        return s.task_weighted_total;
    case StatedId::task_resistance:
        return s.task_resistance;
    case StatedId::protective_total:
        return Rational(s.protective_total);
    case StatedId::evidence_total:
        return Rational(s.evidence_total);
    case StatedId::barrier_total:
        return Rational(s.barrier_total);
    case StatedId::evidence_modifier:
        return s.evidence_modifier;
    case StatedId::barrier_modifier:
        return s.barrier_modifier;
    case StatedId::growth_modifier:
        return s.growth_modifier;
    case StatedId::raw:
        return s.raw;
    case StatedId::aijri:
        return max(m.clamp_min, min(m.clamp_max, s.aijri_exact));
    case StatedId::pct_time_3plus:
        return s.pct_time_3plus;
    case StatedId::split_displacement:
        return s.split.displacement;
    case StatedId::split_augmentation:
        return s.split.augmentation;
    case StatedId::split_not_involved:
        return s.split.not_involved;
    case StatedId::zone:
    case StatedId::sub_label:
        break;
    }
    return Rational(0);
}

} // namespace

Diagnostics check_stated_figures(const Assessment& a, const Score& s, const Methodology& m,
                                 const LineIndex* lines) {
    // Stated figures are the author's arithmetic of the formula, so they are compared with
    // the formula's figures, not with an assessor's override.
    const StatedFigures& st = a.stated;
    Diagnostics out;
    for (const StatedFigure& figure : k_stated_figures) {
        if (figure.number) {
            if (const auto& stated = st.*figure.number) {
                check_number(out, *stated, figure.name, computed_number(figure.id, s, m), lines);
            }
        } else if (figure.id == StatedId::zone) {
            check_zone(out, st.zone, figure.name, s.formula.zone, lines);
        } else {
            check_text(out, st.sub_label, figure.name, s.formula.sub_label, lines);
        }
    }
    return out;
}

} // namespace aijri
