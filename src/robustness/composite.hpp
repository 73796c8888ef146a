// The composite as integers: raw × D = Π_f (A_f + Σ_{i∈f} C_i x_i) over the four factors
// (task resistance, evidence, barrier and growth modifiers), each scaled by the least D_f
// that makes its constant and coefficients whole (a common denominator). Every question the
// robustness analysis asks ("is the published AIJRI at least 48.0?") becomes one comparison of that
// integer with a threshold worked out once in exact rationals: the hot loops multiply machine
// integers instead of reducing fractions.
#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <vector>

#include "aijri/model/assessment.hpp"
#include "aijri/model/methodology.hpp"
#include "aijri/robustness/robustness.hpp"
#include "aijri/util/rational.hpp"

namespace aijri::robustness_detail {

inline constexpr std::size_t k_factors = 4; // TRS, EM, BM, GM
inline constexpr std::size_t k_task_factor = 0;

// Thresholds that no scaled raw can fall below, or reach.
inline constexpr Int128 k_always = std::numeric_limits<Int128>::min();
inline constexpr Int128 k_never = std::numeric_limits<Int128>::max();

struct CompositeInput {
    std::size_t factor = 0;
    Int128 scaled = 0; // the coefficient in the factor × D_factor, whole
    int value = 0;
    int min = 0;
    int max = 0;
};

using FactorValues = std::array<Int128, k_factors>;

class Composite {
public:
    Composite(const Assessment& assessment, const Methodology& methodology,
              std::vector<ScoredInput>& inputs);

    const std::vector<CompositeInput>& inputs() const { return m_inputs; }
    const Methodology& methodology() const { return m_methodology; }
    Int128 scaled_constant(std::size_t factor) const { return m_scaled_constant[factor]; }
    // The scaled factors at the assessment's own values.
    const FactorValues& factors() const { return m_factors; }
    // Every factor and raw within the inputs' bounds fits in 62 bits.
    bool fits_in_64_bits() const { return m_fits_64; }

    static Int128 product(const FactorValues& factors) {
        return factors[0] * factors[1] * factors[2] * factors[3];
    }
    // The published AIJRI lies on a grid, k × step (step: one unit of its last decimal);
    // published values are handled as their k. The k a scaled raw publishes as (clamped).
    Int128 published_step(Int128 scaled_raw) const;
    Rational published(Int128 scaled_raw) const { return at_step(published_step(scaled_raw)); }
    Rational at_step(Int128 k) const;
    // K such that the published AIJRI is at least k × step exactly when scaled raw ≥ K
    // (k_always or k_never where the clamp decides alone).
    Int128 threshold_at_step(Int128 k) const;
    // The same for any line: the first grid point at or above it.
    Int128 threshold(const Rational& line) const;
    // That grid point's k.
    Int128 step_at_or_above(const Rational& line) const;

private:
    const Methodology& m_methodology;
    std::vector<CompositeInput> m_inputs;
    FactorValues m_scaled_constant{};
    FactorValues m_scale{};
    Int128 m_denominator = 1; // D = Π D_f
    FactorValues m_factors{};
    Rational m_step;
    // Published ≥ k × step ⟺ exact AIJRI ≥ (k − ½) × step ⟺ scaled raw ≥ (a·k + b) / q:
    // the grid's thresholds are an affine function of k, worked out once in rationals.
    Int128 m_grid_a = 0;
    Int128 m_grid_b = 0;
    Int128 m_grid_q = 1;
    Int128 m_clamp_min_step = 0; // the clamp's bounds on the grid
    Int128 m_clamp_max_step = 0;
    bool m_fits_64 = false;
};

// The scored inputs of an assessment in file order, with their bounds.
std::vector<ScoredInput> list_scored_inputs(const Assessment& assessment);

Int128 ceil_div(Int128 num, Int128 den);  // den > 0
Int128 floor_div(Int128 num, Int128 den); // den > 0

} // namespace aijri::robustness_detail
