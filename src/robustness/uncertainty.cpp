#include "uncertainty.hpp"
#include <algorithm>
#include <cmath>
#include <gmpxx.h>
#include <numeric>
#include <optional>
#include <utility>

#include "aijri/util/rational.hpp"

namespace aijri::robustness_detail {

namespace {

__extension__ typedef unsigned __int128 UInt128; // NOLINT: as Int128

mpz_class to_mpz(UInt128 value) {
    mpz_class out;
    mpz_import(out.get_mpz_t(), 1, -1, sizeof(value), 0, 0, &value);
    return out;
}
const mpz_class& to_mpz(const mpz_class& value) {
    return value;
}
mpz_class to_mpz(std::uint64_t value) {
    return to_mpz(static_cast<UInt128>(value));
}
mpz_class to_mpz(Int128 value) {
    const mpz_class magnitude = to_mpz(static_cast<UInt128>(value < 0 ? -value : value));
    return value < 0 ? mpz_class(-magnitude) : magnitude;
}

// How many of the equally likely combinations give each value of a scaled factor (or of a
// product of factors), by value ascending, each value once.
template <typename Value, typename Count>
using Distribution = std::vector<std::pair<Value, Count>>;

template <typename Value, typename Count>
void merge_equal_values(Distribution<Value, Count>& d) {
    std::size_t out = 0;
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (out > 0 && d[out - 1].first == d[i].first) {
            d[out - 1].second += d[i].second;
        } else {
            d[out++] = std::move(d[i]);
        }
    }
    d.resize(out);
}

// Adds one input, uniform over its support, to a factor's distribution: the shifted copies
// of a sorted list are each sorted, so merging them one by one keeps the work linear. The
// buffers are kept from one input to the next: allocation was a quarter of the cost.
template <typename Value, typename Count>
class Convolution {
public:
    explicit Convolution(Value constant) : m_out{{constant, Count(1)}} {}

    void add_input(Value coefficient, Support s) {
        const auto by_value = [](const auto& a, const auto& b) { return a.first < b.first; };
        m_before.swap(m_out);
        m_out.clear();
        for (int v = s.lo; v <= s.hi; ++v) {
            m_shifted.clear();
            for (const auto& [value, count] : m_before) {
                m_shifted.emplace_back(value + coefficient * v, count);
            }
            m_merged.clear();
            std::merge(m_out.begin(), m_out.end(), m_shifted.begin(), m_shifted.end(),
                       std::back_inserter(m_merged), by_value);
            merge_equal_values(m_merged);
            m_out.swap(m_merged);
        }
    }

    Distribution<Value, Count> take() { return std::move(m_out); }

private:
    Distribution<Value, Count> m_out;
    Distribution<Value, Count> m_before;
    Distribution<Value, Count> m_shifted;
    Distribution<Value, Count> m_merged;
};

// The same by counting on the lattice the factor's values lie on (constant + g·j, g the gcd
// of the coefficients that vary) when it has few points: then an input is one pass over an
// array, with no merging. Time shares in whole multiples of 5 % (most documents) put the
// task resistance on a few dozen points; the modifiers always are on at most 21.
template <typename Value, typename Count>
std::optional<Distribution<Value, Count>>
lattice_distribution(const Composite& c, std::size_t factor, const std::vector<Support>& supports) {
    constexpr Int128 k_most_points = 4096;
    Int128 step = 0;
    Int128 span = 0;
    for (std::size_t i = 0; i < c.inputs().size(); ++i) {
        const CompositeInput& in = c.inputs()[i];
        if (in.factor == factor && in.scaled != 0 && supports[i].size() > 1) {
            const Int128 size = in.scaled < 0 ? -in.scaled : in.scaled;
            step = std::gcd(step, size);
            span += size * (supports[i].hi - supports[i].lo);
        }
    }
    if (step == 0) {
        step = 1;
    }
    if (span / step + 1 > k_most_points) {
        return std::nullopt;
    }
    Int128 lowest = c.scaled_constant(factor);
    std::vector<Count> counts{Count(1)};
    std::vector<Count> next;
    for (std::size_t i = 0; i < c.inputs().size(); ++i) {
        const CompositeInput& in = c.inputs()[i];
        const Support s = supports[i];
        if (in.factor != factor || in.scaled == 0) {
            continue;
        }
        const Int128 low_end = std::min(in.scaled * s.lo, in.scaled * s.hi);
        lowest += low_end;
        if (s.size() == 1) {
            continue;
        }
        const auto width = static_cast<std::size_t>((in.scaled < 0 ? -in.scaled : in.scaled) *
                                                    (s.hi - s.lo) / step);
        next.assign(counts.size() + width, Count(0));
        for (int x = s.lo; x <= s.hi; ++x) {
            const auto shift = static_cast<std::size_t>((in.scaled * x - low_end) / step);
            for (std::size_t j = 0; j < counts.size(); ++j) {
                next[j + shift] += counts[j];
            }
        }
        counts.swap(next);
    }
    Distribution<Value, Count> out;
    for (std::size_t j = 0; j < counts.size(); ++j) {
        if (counts[j] != Count(0)) {
            out.emplace_back(static_cast<Value>(lowest + step * static_cast<Int128>(j)),
                             std::move(counts[j]));
        }
    }
    return out;
}

template <typename Value, typename Count>
Distribution<Value, Count> factor_distribution(const Composite& c, std::size_t factor,
                                               const std::vector<Support>& supports) {
    if (auto dense = lattice_distribution<Value, Count>(c, factor, supports)) {
        return std::move(*dense);
    }
    Convolution<Value, Count> d(static_cast<Value>(c.scaled_constant(factor)));
    for (std::size_t i = 0; i < c.inputs().size(); ++i) {
        const CompositeInput& in = c.inputs()[i];
        if (in.factor == factor && in.scaled != 0) {
            d.add_input(static_cast<Value>(in.scaled), supports[i]);
        }
    }
    return d.take();
}

// The evidence, barrier and growth modifiers multiplied: their joint distribution is small
// (at most 21 × 11 × 5 values), and each of its values scales the task resistance.
template <typename Value, typename Count>
Distribution<Value, Count>
modifier_product(const std::array<Distribution<Value, Count>, k_factors>& factors) {
    Distribution<Value, Count> out;
    for (const auto& [e, ce] : factors[1]) {
        for (const auto& [b, cb] : factors[2]) {
            for (const auto& [g, cg] : factors[3]) {
                out.emplace_back(e * b * g, Count(ce * cb * cg));
            }
        }
    }
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    merge_equal_values(out);
    return out;
}

// Value: the scaled factors and raw (int64 where the largest raw fits); Count: how many
// combinations (uint64 where their total fits).
template <typename Value, typename Count>
class Joint {
public:
    Joint(const Composite& c, const std::vector<Support>& supports) {
        std::array<Distribution<Value, Count>, k_factors> factors;
        for (std::size_t f = 0; f < k_factors; ++f) {
            factors[f] = factor_distribution<Value, Count>(c, f, supports);
        }
        m_tasks = std::move(factors[k_task_factor]);
        m_modifiers = modifier_product(factors);
        // suffix[j]: the combinations of task scores whose resistance is m_tasks[j] or more.
        m_suffix.assign(m_tasks.size() + 1, Count(0));
        for (std::size_t j = m_tasks.size(); j-- > 0;) {
            m_suffix[j] = m_suffix[j + 1] + m_tasks[j].second;
        }
        m_total = 0;
        for (const auto& entry : m_modifiers) {
            m_total += entry.second;
        }
        m_total = m_total * m_suffix[0];
    }

    const Count& total() const { return m_total; }
    Int128 lowest() const { return Int128(m_tasks.front().first) * m_modifiers.front().first; }
    Int128 highest() const { return Int128(m_tasks.back().first) * m_modifiers.back().first; }

    // The combinations whose scaled raw is at least `threshold`. Every factor is positive,
    // so as the modifiers grow the task resistance they need shrinks: one pass over each.
    Count at_least(Int128 threshold) const {
        if (threshold == k_always) {
            return m_total;
        }
        Count out(0);
        if (threshold == k_never) {
            return out;
        }
        // Every raw lies within [lowest, highest], which fit in Value.
        const auto bound = static_cast<Value>(std::clamp(threshold, lowest(), highest() + 1));
        std::size_t j = m_tasks.size();
        for (const auto& [product, count] : m_modifiers) {
            while (j > 0 && m_tasks[j - 1].first * product >= bound) {
                --j;
            }
            out += Count(count) * m_suffix[j];
        }
        return out;
    }

private:
    Distribution<Value, Count> m_tasks;
    Distribution<Value, Count> m_modifiers;
    std::vector<Count> m_suffix;
    Count m_total;
};

Probability probability(const mpz_class& count, const mpz_class& total) {
    mpq_class exact(count, total);
    exact.canonicalize();
    Probability p;
    p.exact = exact.get_num().get_str() + "/" + exact.get_den().get_str();
    // Half up at 6 decimals: floor((2·count·10^6 + total) / (2·total)).
    const mpz_class millionths = (2 * count * 1000000 + total) / (2 * total);
    p.rounded = Rational::fraction(millionths.get_si(), 1000000);
    return p;
}

// ceil(total × num / den) without forming total × num (which could overflow 128 bits).
template <typename Count>
Count ceil_share(const Count& total, int num, int den) {
    const Count whole = total / Count(den);
    const Count rest = total - whole * Count(den);
    return whole * Count(num) + (rest * Count(num) + Count(den - 1)) / Count(den);
}

// A count as a floating-point number, to aim a search with (never to decide anything).
template <typename Count>
long double approximately(const Count& count) {
    return static_cast<long double>(count);
}
long double approximately(const mpz_class& count) {
    return count.get_d();
}

// A count already known: the combinations whose published AIJRI is at most step × k.
template <typename Count>
struct KnownCount {
    Int128 step = 0;
    Count count;
};

// The q-quantile's grid step, q = num / den, searched between `first` and `last`.
template <typename Value, typename Count>
Int128 quantile(const Composite& c, const Joint<Value, Count>& joint, int num, int den,
                Int128 first, Int128 last, const std::vector<KnownCount<Count>>& known) {
    const Count needed = ceil_share(joint.total(), num, den);
    // P(published ≤ k × step) = P(scaled raw below the threshold of k + 1); the answer is the
    // first k whose count reaches `needed`, in [first, last] (the count at `last` does).
    const auto count_at = [&](Int128 k) -> Count { // Count: GMP would return an expression
        return joint.total() - joint.at_least(c.threshold_at_step(k + 1));
    };
    // The probe goes where a straight line between the counts known at both ends of the
    // interval crosses `needed`, and halfway when that stops halving the interval: the
    // counts follow a smooth distribution, so this takes about 4 counts to bisection's 9
    // (47,000 instructions a role to 86,000). The probes only choose where to look: the
    // answer is the exact count's.
    long double low_count = 0; // below `first`: none counted yet, at most this
    long double high_count = approximately(joint.total());
    // The counts at the zone lines, already made, narrow the search for nothing.
    for (const KnownCount<Count>& point : known) {
        if (point.step < first || point.step >= last) {
            continue;
        }
        if (point.count >= needed) {
            last = point.step;
            high_count = approximately(point.count);
        } else {
            first = point.step + 1;
            low_count = approximately(point.count);
        }
    }
    bool bisect = false;
    while (first < last) {
        const Int128 width = last - first;
        Int128 probe = first + width / 2;
        if (!bisect && high_count > low_count) {
            const long double share =
                (approximately(needed) - low_count) / (high_count - low_count);
            probe = first + static_cast<Int128>(share * static_cast<long double>(width));
            probe = std::clamp(probe, first, last - 1);
        }
        const Count at_probe = count_at(probe);
        if (at_probe >= needed) {
            last = probe;
            high_count = approximately(at_probe);
        } else {
            first = probe + 1;
            low_count = approximately(at_probe);
        }
        bisect = !bisect && last - first > width / 2;
    }
    return first;
}

template <typename Value, typename Count>
Uncertainty analyse_with(const Composite& c, const std::vector<Support>& supports,
                         UncertaintyModel model) {
    const Joint<Value, Count> joint(c, supports);
    const Methodology& m = c.methodology();
    const Count green_count = joint.at_least(c.threshold(m.green_min));
    const Count yellow_or_green_count = joint.at_least(c.threshold(m.yellow_min));
    const mpz_class total = to_mpz(joint.total());
    const mpz_class green = to_mpz(green_count);
    const mpz_class yellow_or_green = to_mpz(yellow_or_green_count);
    Uncertainty u;
    u.model = model;
    u.zones[static_cast<std::size_t>(Zone::red)] = probability(total - yellow_or_green, total);
    u.zones[static_cast<std::size_t>(Zone::yellow)] = probability(yellow_or_green - green, total);
    u.zones[static_cast<std::size_t>(Zone::green)] = probability(green, total);
    // The counts below each zone line are known now; the median first: it brackets the
    // other two.
    const std::vector<KnownCount<Count>> known{
        {c.step_at_or_above(m.yellow_min) - 1, Count(joint.total() - yellow_or_green_count)},
        {c.step_at_or_above(m.green_min) - 1, Count(joint.total() - green_count)}};
    const Int128 lowest = c.published_step(joint.lowest());
    const Int128 highest = c.published_step(joint.highest());
    const Int128 median = quantile(c, joint, 1, 2, lowest, highest, known);
    u.p05 = c.at_step(quantile(c, joint, 1, 20, lowest, median, known));
    u.median = c.at_step(median);
    u.p95 = c.at_step(quantile(c, joint, 19, 20, median, highest, known));
    return u;
}

} // namespace

std::vector<Support> supports(const std::vector<ScoredInput>& inputs, UncertaintyModel model) {
    std::vector<Support> out;
    out.reserve(inputs.size());
    for (const ScoredInput& in : inputs) {
        if (in.range) {
            out.push_back({in.range->lo, in.range->hi});
        } else if (model == UncertaintyModel::standard) {
            out.push_back({std::max(in.min, in.value - 1), std::min(in.max, in.value + 1)});
        } else {
            out.push_back({in.value, in.value});
        }
    }
    return out;
}

Uncertainty analyse_uncertainty(const Composite& c, const std::vector<Support>& supports,
                                UncertaintyModel model, Counting counting) {
    // Counts fit in 128 bits unless declared ranges are wide on many inputs (the default
    // model's 3 values an input stay below 2^97 with 50 tasks): GMP only then.
    double bits = 0;
    for (const Support& s : supports) {
        bits += std::log2(static_cast<double>(s.size()));
    }
    if (counting == Counting::automatic) {
        // Machine words where they hold everything (every real assessment under the default
        // model): the counting loop is then a few instructions a step.
        counting = bits < 62 && c.fits_in_64_bits() ? Counting::machine_words
                   : bits < 120                     ? Counting::bits_128
                                                    : Counting::gmp;
    }
    switch (counting) {
    case Counting::machine_words:
        return analyse_with<std::int64_t, std::uint64_t>(c, supports, model);
    case Counting::bits_128:
        return analyse_with<Int128, UInt128>(c, supports, model);
    case Counting::automatic:
    case Counting::gmp:
        break;
    }
    return analyse_with<Int128, mpz_class>(c, supports, model);
}

namespace {

// Multiplication that refuses to overflow, for the 128-bit attempt; GMP's never does.
Int128 times(Int128 a, Int128 b) {
    Int128 out = 0;
    if (__builtin_mul_overflow(a, b, &out)) {
        throw std::overflow_error("128 bits");
    }
    return out;
}
Int128 plus(Int128 a, Int128 b) {
    Int128 out = 0;
    if (__builtin_add_overflow(a, b, &out)) {
        throw std::overflow_error("128 bits");
    }
    return out;
}
mpz_class times(const mpz_class& a, const mpz_class& b) {
    return a * b;
}
mpz_class plus(const mpz_class& a, const mpz_class& b) {
    return a + b;
}
Int128 from_int(Int128 value, Int128) {
    return value;
}
mpz_class from_int(Int128 value, const mpz_class&) {
    return to_mpz(value);
}
std::int64_t to_small(Int128 value) {
    return static_cast<std::int64_t>(value);
}
std::int64_t to_small(const mpz_class& value) {
    return value.get_si();
}

template <typename Integer>
std::vector<Sensitivity> sensitivity_with(const Composite& c,
                                          const std::vector<Support>& supports) {
    const auto& inputs = c.inputs();
    const Integer zero{};
    const auto make = [&](Int128 value) { return from_int(value, zero); };
    std::array<Integer, k_factors> twice_mean;
    std::array<Integer, k_factors> spread;
    for (std::size_t f = 0; f < k_factors; ++f) {
        twice_mean[f] = make(c.scaled_constant(f) * 2);
        spread[f] = zero;
    }
    std::vector<Integer> weight(inputs.size());
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const Support s = supports[i];
        const Integer coefficient = make(inputs[i].scaled);
        weight[i] = times(times(coefficient, coefficient), make(s.size() * s.size() - 1));
        const std::size_t f = inputs[i].factor;
        twice_mean[f] = plus(twice_mean[f], times(coefficient, make(s.lo + s.hi)));
        spread[f] = plus(spread[f], weight[i]);
    }
    std::array<Integer, k_factors> p;
    std::array<Integer, k_factors> q;
    for (std::size_t f = 0; f < k_factors; ++f) {
        p[f] = times(twice_mean[f], twice_mean[f]);
        q[f] = plus(times(make(3), p[f]), spread[f]);
    }
    // The products of the other three factors' P and Q, for each factor.
    std::array<Integer, k_factors> others_p;
    std::array<Integer, k_factors> others_q;
    for (std::size_t f = 0; f < k_factors; ++f) {
        others_p[f] = make(1);
        others_q[f] = make(1);
        for (std::size_t g = 0; g < k_factors; ++g) {
            if (g != f) {
                others_p[f] = times(others_p[f], p[g]);
                others_q[f] = times(others_q[f], q[g]);
            }
        }
    }
    const Integer variance =
        plus(times(others_q[0], q[0]), times(make(-81), times(others_p[0], p[0])));
    const Integer twice_variance = times(make(2), variance);

    std::vector<std::pair<Integer, Integer>> exact(inputs.size()); // over `variance`
    std::vector<Sensitivity> out(inputs.size());
    const auto round4 = [&](const Integer& numerator) {
        const Integer scaled = plus(times(numerator, make(20000)), variance) / twice_variance;
        return Rational::fraction(to_small(scaled), 10000);
    };
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        out[i].input = i;
        if (variance == zero) {
            continue;
        }
        const std::size_t f = inputs[i].factor;
        exact[i] = {times(times(make(27), weight[i]), others_p[f]), times(weight[i], others_q[f])};
        out[i].first_order = round4(exact[i].first);
        out[i].total = round4(exact[i].second);
    }
    std::stable_sort(out.begin(), out.end(), [&](const Sensitivity& a, const Sensitivity& b) {
        const auto& ea = exact[a.input];
        const auto& eb = exact[b.input];
        if (ea.second != eb.second) {
            return ea.second > eb.second;
        }
        return ea.first > eb.first;
    });
    return out;
}

} // namespace

// 128-bit integers hold every figure of aijri-1 (the largest, 20,000 × a numerator, stays
// under 10^34); GMP takes over only where a methodology's constants need more.
std::vector<Sensitivity> analyse_sensitivity(const Composite& c,
                                             const std::vector<Support>& supports) {
    try {
        return sensitivity_with<Int128>(c, supports);
    } catch (const std::overflow_error&) {
        return sensitivity_with<mpz_class>(c, supports);
    }
}

} // namespace aijri::robustness_detail
