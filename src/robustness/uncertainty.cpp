#include "uncertainty.hpp"
#include <algorithm>
#include <cmath>
#include <gmpxx.h>
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
mpz_class to_mpz(Int128 value) {
    const mpz_class magnitude = to_mpz(static_cast<UInt128>(value < 0 ? -value : value));
    return value < 0 ? mpz_class(-magnitude) : magnitude;
}

// How many of the equally likely combinations give each value of a scaled factor (or of a
// product of factors), by value ascending, each value once.
template <typename Count>
using Distribution = std::vector<std::pair<Int128, Count>>;

template <typename Count>
void merge_equal_values(Distribution<Count>& d) {
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
// of a sorted list are each sorted, so merging them one by one keeps the work linear.
template <typename Count>
Distribution<Count> add_input(const Distribution<Count>& d, Int128 coefficient, Support s) {
    const auto by_value = [](const auto& a, const auto& b) { return a.first < b.first; };
    Distribution<Count> out;
    Distribution<Count> shifted;
    Distribution<Count> merged;
    for (int v = s.lo; v <= s.hi; ++v) {
        shifted.clear();
        for (const auto& [value, count] : d) {
            shifted.emplace_back(value + coefficient * v, count);
        }
        merged.clear();
        merged.reserve(out.size() + shifted.size());
        std::merge(out.begin(), out.end(), shifted.begin(), shifted.end(),
                   std::back_inserter(merged), by_value);
        merge_equal_values(merged);
        std::swap(out, merged);
    }
    return out;
}

template <typename Count>
Distribution<Count> factor_distribution(const Composite& c, std::size_t factor,
                                        const std::vector<Support>& supports) {
    Distribution<Count> d{{c.scaled_constant(factor), Count(1)}};
    for (std::size_t i = 0; i < c.inputs().size(); ++i) {
        const CompositeInput& in = c.inputs()[i];
        if (in.factor == factor) {
            d = add_input(d, in.scaled, supports[i]);
        }
    }
    return d;
}

// The evidence, barrier and growth modifiers multiplied: their joint distribution is small
// (at most 21 × 11 × 5 values), and each of its values scales the task resistance.
template <typename Count>
Distribution<Count> modifier_product(const std::array<Distribution<Count>, k_factors>& factors) {
    Distribution<Count> out;
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

template <typename Count>
class Joint {
public:
    Joint(const Composite& c, const std::vector<Support>& supports) {
        std::array<Distribution<Count>, k_factors> factors;
        for (std::size_t f = 0; f < k_factors; ++f) {
            factors[f] = factor_distribution<Count>(c, f, supports);
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
    Int128 lowest() const { return m_tasks.front().first * m_modifiers.front().first; }
    Int128 highest() const { return m_tasks.back().first * m_modifiers.back().first; }

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
        std::size_t j = m_tasks.size();
        for (const auto& [product, count] : m_modifiers) {
            while (j > 0 && m_tasks[j - 1].first * product >= threshold) {
                --j;
            }
            out += Count(count) * m_suffix[j];
        }
        return out;
    }

private:
    Distribution<Count> m_tasks;
    Distribution<Count> m_modifiers;
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

template <typename Count>
Rational quantile(const Composite& c, const Joint<Count>& joint, int num, int den) {
    const Count needed = ceil_share(joint.total(), num, den);
    const Rational& step = c.step();
    // P(published ≤ v) = P(scaled raw < the threshold of v + step).
    const auto reaches = [&](const Rational& v) {
        return joint.total() - joint.at_least(c.threshold(v + step)) >= needed;
    };
    const Rational low = c.published(joint.lowest());
    const Rational high = c.published(joint.highest());
    // Grid points low + i·step, i in [0, n]; the answer is the first that reaches.
    const Int128 n = ((high - low) / step).numerator();
    Int128 first = 0;
    Int128 last = n;
    while (first < last) {
        const Int128 middle = first + (last - first) / 2;
        if (reaches(low + Rational(static_cast<std::int64_t>(middle)) * step)) {
            last = middle;
        } else {
            first = middle + 1;
        }
    }
    return low + Rational(static_cast<std::int64_t>(first)) * step;
}

template <typename Count>
Uncertainty analyse_with(const Composite& c, const std::vector<Support>& supports,
                         UncertaintyModel model) {
    const Joint<Count> joint(c, supports);
    const Methodology& m = c.methodology();
    const mpz_class total = to_mpz(joint.total());
    const mpz_class green = to_mpz(joint.at_least(c.threshold(m.green_min)));
    const mpz_class yellow_or_green = to_mpz(joint.at_least(c.threshold(m.yellow_min)));
    Uncertainty u;
    u.model = model;
    u.zones[static_cast<std::size_t>(Zone::red)] = probability(total - yellow_or_green, total);
    u.zones[static_cast<std::size_t>(Zone::yellow)] = probability(yellow_or_green - green, total);
    u.zones[static_cast<std::size_t>(Zone::green)] = probability(green, total);
    u.p05 = quantile(c, joint, 1, 20);
    u.median = quantile(c, joint, 1, 2);
    u.p95 = quantile(c, joint, 19, 20);
    return u;
}

Rational round4(const mpq_class& value) {
    // Half up at 4 decimals; an index lies in [0, 1].
    const mpz_class scaled = (value.get_num() * 20000 + value.get_den()) / (2 * value.get_den());
    return Rational::fraction(scaled.get_si(), 10000);
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
                                UncertaintyModel model) {
    // Counts fit in 128 bits unless declared ranges are wide on many inputs (the default
    // model's 3 values an input stay below 2^97 with 50 tasks): GMP only then.
    double bits = 0;
    for (const Support& s : supports) {
        bits += std::log2(static_cast<double>(s.size()));
    }
    if (bits < 120) {
        return analyse_with<UInt128>(c, supports, model);
    }
    return analyse_with<mpz_class>(c, supports, model);
}

// With four independent factors, each affine in its inputs (F = A + Σ C_i x_i), the
// composite Y = Π F has V = Π E[F²] − Π E[F]². Fixing x_i (in factor k) leaves
// E[Y | x_i] = (F_k's mean shifted by C_i (x_i − μ_i)) × Π_{j≠k} E[F_j], so
// V_i = C_i² σ_i² Π_{j≠k} E[F_j]²; and E[Var(Y | x_~i)] = C_i² σ_i² Π_{j≠k} E[F_j²].
// The scaling of the factors and the affine map to the AIJRI cancel in every ratio.
std::vector<Sensitivity> analyse_sensitivity(const Composite& c,
                                             const std::vector<Support>& supports) {
    const auto& inputs = c.inputs();
    std::array<mpq_class, k_factors> mean;
    std::array<mpq_class, k_factors> square; // E[F²]
    std::vector<mpq_class> variance(inputs.size());
    std::array<mpq_class, k_factors> spread; // Σ C_i² σ_i² of the factor
    for (std::size_t f = 0; f < k_factors; ++f) {
        mean[f] = mpq_class(to_mpz(c.scaled_constant(f)));
        spread[f] = 0;
    }
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const Support s = supports[i];
        const mpq_class coefficient(to_mpz(inputs[i].scaled));
        const mpq_class mid(s.lo + s.hi, 2);
        variance[i] = mpq_class(s.size() * s.size() - 1, 12) * coefficient * coefficient;
        variance[i].canonicalize();
        mean[inputs[i].factor] += coefficient * mid;
        spread[inputs[i].factor] += variance[i];
    }
    mpq_class product_of_squares = 1;
    mpq_class product_of_means_squared = 1;
    for (std::size_t f = 0; f < k_factors; ++f) {
        square[f] = mean[f] * mean[f] + spread[f];
        product_of_squares *= square[f];
        product_of_means_squared *= mean[f] * mean[f];
    }
    const mpq_class total_variance = product_of_squares - product_of_means_squared;

    std::vector<std::pair<mpq_class, mpq_class>> exact(inputs.size());
    std::vector<Sensitivity> out(inputs.size());
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        out[i].input = i;
        if (sgn(total_variance) == 0) {
            continue;
        }
        mpq_class first = variance[i];
        mpq_class total = variance[i];
        for (std::size_t f = 0; f < k_factors; ++f) {
            if (f != inputs[i].factor) {
                first *= mean[f] * mean[f];
                total *= square[f];
            }
        }
        exact[i] = {first / total_variance, total / total_variance};
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

} // namespace aijri::robustness_detail
