#include "composite.hpp"
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "aijri/model/bounds.hpp"

namespace aijri::robustness_detail {

namespace {

constexpr std::array<const char*, k_factors> k_factor_names = {
    "task resistance", "evidence modifier", "barrier modifier", "growth modifier"};

Int128 lcm(Int128 a, Int128 b) {
    const Int128 g = std::gcd(a, b);
    Int128 out = 0;
    if (__builtin_mul_overflow(a / g, b, &out)) {
        throw std::overflow_error("exact arithmetic overflows 128 bits");
    }
    return out;
}

Rational integer(Int128 value) {
    return Rational::fraction(value, 1);
}

Int128 whole(const Rational& value) {
    if (!value.is_integer()) {
        throw std::logic_error("a scaled coefficient is not whole");
    }
    return value.numerator();
}

std::string score_pointer(std::string_view group, std::string_view key) {
    return fmt::format("/{}/{}/score", group, key);
}

template <std::size_t N>
void add_group(std::vector<ScoredInput>& out, std::string_view group,
               const std::array<std::string_view, N>& keys,
               const std::array<std::string_view, N>& titles,
               const std::array<ScoredItem, N>& items, ScoreBounds bounds) {
    for (std::size_t i = 0; i < N; ++i) {
        out.push_back({score_pointer(group, keys[i]), std::string(titles[i]), items[i].score,
                       bounds.min, bounds.max, items[i].range});
    }
}

} // namespace

Int128 ceil_div(Int128 num, Int128 den) {
    const Int128 q = num / den;
    return q * den < num ? q + 1 : q;
}

Int128 floor_div(Int128 num, Int128 den) {
    const Int128 q = num / den;
    return q * den > num ? q - 1 : q;
}

std::vector<ScoredInput> list_scored_inputs(const Assessment& a) {
    std::vector<ScoredInput> out;
    out.push_back({"/growth_correlation/score", "Growth Correlation", a.growth.score,
                   k_growth_bounds.min, k_growth_bounds.max, a.growth.range});
    for (std::size_t i = 0; i < a.tasks.size(); ++i) {
        out.push_back({fmt::format("/tasks/{}/score", i), a.tasks[i].name, a.tasks[i].score,
                       k_task_score_bounds.min, k_task_score_bounds.max, a.tasks[i].range});
    }
    add_group(out, "evidence", k_evidence_keys, k_evidence_titles, a.evidence, k_evidence_bounds);
    add_group(out, "barriers", k_barrier_keys, k_barrier_titles, a.barriers, k_barrier_bounds);
    return out;
}

Composite::Composite(const Assessment& a, const Methodology& m, std::vector<ScoredInput>& inputs)
    : m_methodology(m), m_step(Rational::decimal(1, m.published_decimals)) {
    inputs = list_scored_inputs(a);
    const std::array<Rational, k_factors> constant = {m.task_resistance_base, Rational(1),
                                                      Rational(1), Rational(1)};
    // D_f: a common denominator of the factor's constant and coefficients. A time share has
    // at most two decimals, so a task's coefficient −share/100 has one dividing 10,000; each
    // modifier's inputs share one weight. All in integers: no fraction is reduced per input.
    m_scale = {lcm(m.task_resistance_base.denominator(), 10000), m.evidence_weight.denominator(),
               m.barrier_weight.denominator(), m.growth_weight.denominator()};
    const std::array<Int128, k_factors> weight_scaled = {0, m.evidence_weight.numerator(),
                                                         m.barrier_weight.numerator(),
                                                         m.growth_weight.numerator()};
    m_denominator = 1;
    for (std::size_t f = 0; f < k_factors; ++f) {
        m_scaled_constant[f] = constant[f].numerator() * (m_scale[f] / constant[f].denominator());
        m_factors[f] = m_scaled_constant[f];
        m_denominator = m_denominator * m_scale[f];
    }
    // File order: growth, tasks, evidence, barriers.
    std::size_t next = 0;
    const auto add = [&](std::size_t factor, Int128 scaled) {
        const ScoredInput& in = inputs[next++];
        m_inputs.push_back({factor, scaled, in.value, in.min, in.max});
        m_factors[factor] += scaled * in.value;
    };
    add(3, weight_scaled[3]);
    for (const Task& task : a.tasks) {
        const Rational& share = task.time_pct; // n / d, d dividing 100
        add(k_task_factor,
            -share.numerator() * (m_scale[k_task_factor] / (100 * share.denominator())));
    }
    for (std::size_t i = 0; i < a.evidence.size(); ++i) {
        add(1, weight_scaled[1]);
    }
    for (std::size_t i = 0; i < a.barriers.size(); ++i) {
        add(2, weight_scaled[2]);
    }
    long double largest_raw = 1;
    // Every factor must stay positive over the inputs' bounds (then lowering each factor
    // lowers the product), and the product must fit in 128 bits with room to compare.
    for (std::size_t f = 0; f < k_factors; ++f) {
        Int128 lowest = m_scaled_constant[f];
        Int128 highest = m_scaled_constant[f];
        for (const CompositeInput& in : m_inputs) {
            if (in.factor == f) {
                lowest += std::min(in.scaled * in.min, in.scaled * in.max);
                highest += std::max(in.scaled * in.min, in.scaled * in.max);
            }
        }
        if (lowest <= 0) {
            throw std::domain_error(fmt::format(
                "the methodology lets the {} reach {} within the inputs' bounds: the robustness "
                "analysis needs four factors that stay positive",
                k_factor_names[f], to_exact_string(Rational::fraction(lowest, m_scale[f]))));
        }
        largest_raw *= static_cast<long double>(highest);
    }
    if (largest_raw > 1e36L || static_cast<long double>(m_denominator) > 1e36L) {
        throw std::overflow_error("exact arithmetic overflows 128 bits");
    }
    m_fits_64 = largest_raw < 4e18L;
    if (m.scale.sign() <= 0 || m.raw_span.sign() <= 0) {
        throw std::domain_error("the robustness analysis needs a positive scale and raw span");
    }
    const Rational slope = m_step * m.raw_span / m.scale * integer(m_denominator);
    const Rational offset =
        (m.raw_min - m_step / Rational(2) * m.raw_span / m.scale) * integer(m_denominator);
    m_grid_q = lcm(slope.denominator(), offset.denominator());
    m_grid_a = whole(slope * integer(m_grid_q));
    m_grid_b = whole(offset * integer(m_grid_q));
    const auto step_of = [&](const Rational& v, bool up) {
        const Rational k = v / m_step;
        return up ? ceil_div(k.numerator(), k.denominator())
                  : floor_div(k.numerator(), k.denominator());
    };
    m_clamp_min_step = step_of(m.clamp_min, true);
    m_clamp_max_step = step_of(m.clamp_max, false);
    if (at_step(m_clamp_min_step) != m.clamp_min || at_step(m_clamp_max_step) != m.clamp_max) {
        throw std::domain_error("the robustness analysis needs the clamp's bounds to be "
                                "published values (whole units of the last published decimal)");
    }
}

Int128 Composite::published_step(Int128 scaled_raw) const {
    // The largest k whose threshold the raw reaches: (a·k + b) / q ≤ X ⟺ k ≤ (X·q − b) / a.
    const Int128 k = floor_div(scaled_raw * m_grid_q - m_grid_b, m_grid_a);
    return std::max(m_clamp_min_step, std::min(m_clamp_max_step, k));
}

Rational Composite::at_step(Int128 k) const {
    return Rational::fraction(k, m_step.denominator()) * integer(m_step.numerator());
}

Int128 Composite::threshold_at_step(Int128 k) const {
    if (k <= m_clamp_min_step) {
        return k_always;
    }
    if (k > m_clamp_max_step) {
        return k_never;
    }
    return ceil_div(m_grid_a * k + m_grid_b, m_grid_q);
}

Int128 Composite::step_at_or_above(const Rational& line) const {
    const Rational k = line / m_step;
    return ceil_div(k.numerator(), k.denominator());
}

Int128 Composite::threshold(const Rational& line) const {
    return threshold_at_step(step_at_or_above(line));
}

} // namespace aijri::robustness_detail
