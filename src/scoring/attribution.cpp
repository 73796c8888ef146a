#include "aijri/scoring/attribution.hpp"
#include <algorithm>
#include <array>
#include <bit>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "factor_shapley.hpp"

namespace aijri {

namespace {

constexpr std::size_t k_max_players = 16;

// weight[n][s] = s!·(n−s−1)!/n!: in a game of n players, the weight of the marginal effect
// of a player joining a coalition of s others. Made once: every role's split needs them.
using WeightTable = std::array<std::array<Rational, k_max_players>, k_max_players + 1>;

const WeightTable& coalition_weights() {
    static const WeightTable table = [] {
        std::array<Rational, k_max_players + 1> factorial{};
        factorial[0] = Rational(1);
        for (std::size_t i = 1; i <= k_max_players; ++i) {
            factorial[i] = factorial[i - 1] * Rational(static_cast<std::int64_t>(i));
        }
        WeightTable weights{};
        for (std::size_t n = 1; n <= k_max_players; ++n) {
            for (std::size_t size = 0; size < n; ++size) {
                weights[n][size] = factorial[size] * factorial[n - size - 1] / factorial[n];
            }
        }
        return weights;
    }();
    return table;
}

// The Shapley values of a game of `players` players from the worth of every coalition
// (worth[mask], 2^players of them), into phi[0 … players).
void shapley_from_worth(std::size_t players, const Rational* worth, Rational* phi) {
    const auto& weight = coalition_weights()[players];
    const unsigned all = (1U << players) - 1U;
    for (std::size_t i = 0; i < players; ++i) {
        const unsigned bit = 1U << i;
        phi[i] = Rational(0);
        for (unsigned mask = 0; mask <= all; ++mask) {
            if ((mask & bit) == 0U) {
                const auto size = static_cast<std::size_t>(std::popcount(mask));
                phi[i] += weight[size] * (worth[mask | bit] - worth[mask]);
            }
        }
    }
}

} // namespace

std::vector<Rational> detail::shapley_values(std::size_t players,
                                             const std::function<Rational(unsigned)>& value) {
    if (players > k_max_players) {
        throw std::invalid_argument("too many players for an exact Shapley value");
    }
    std::vector<Rational> worth(std::size_t{1} << players);
    for (unsigned mask = 0; mask < worth.size(); ++mask) {
        worth[mask] = value(mask);
    }
    std::vector<Rational> phi(players);
    shapley_from_worth(players, worth.data(), phi.data());
    return phi;
}

namespace {

// One input's part of a factor's change (before scaling to points).
struct Piece {
    std::string input;
    InputValue old_value;
    InputValue new_value;
    Rational amount;
    // Set for a task's inputs only: every other input has one pointer in both files.
    std::optional<std::string> old_input{};
    std::string task{};
};

// ½·(a'−a)·(b+b') and ½·(b'−b)·(a+a'): the two-player Shapley split of a'b' − ab.
std::pair<Rational, Rational> split_product(const Rational& a, const Rational& a2,
                                            const Rational& b, const Rational& b2) {
    const Rational half = Rational::fraction(1, 2);
    return {half * (a2 - a) * (b + b2), half * (b2 - b) * (a + a2)};
}

std::string methodology_input(std::string_view key) {
    return fmt::format("methodology:/{}", key);
}

// TRS = base − Σ pᵢ·sᵢ / 100, tasks matched by name.
std::vector<Piece> task_resistance_pieces(const ScoredInputs& a, const ScoredInputs& b,
                                          const Methodology& ma, const Methodology& mb) {
    std::vector<Piece> pieces;
    if (ma.task_resistance_base != mb.task_resistance_base) {
        pieces.push_back({methodology_input("task_resistance_base"), ma.task_resistance_base,
                          mb.task_resistance_base,
                          mb.task_resistance_base - ma.task_resistance_base});
    }
    // Tasks are matched by name (names are distinct within a file). A role has a handful of
    // tasks, so a scan beats building a map for every role of a diff.
    std::vector<bool> matched(a.tasks.size(), false);
    const auto old_task = [&](const std::string& name) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < a.tasks.size(); ++i) {
            if (!matched[i] && a.tasks[i].name == name) {
                matched[i] = true;
                return i;
            }
        }
        return std::nullopt;
    };
    const Rational hundred(100);
    for (std::size_t j = 0; j < b.tasks.size(); ++j) {
        const ScoredTask& t = b.tasks[j];
        const std::string at = fmt::format("/tasks/{}", j);
        const auto found = old_task(t.name);
        if (!found) {
            pieces.push_back(
                {at, std::monostate{}, t, -(t.time_pct * Rational(t.score)) / hundred, "", t.name});
            continue;
        }
        const ScoredTask& o = a.tasks[*found];
        if (o.time_pct == t.time_pct && o.score == t.score && o.impact == t.impact) {
            continue; // moved in the list, perhaps, but a task's place is worth nothing
        }
        // Each input is named by its pointer in both files: a task that moved has two.
        const std::string was = fmt::format("/tasks/{}", *found);
        const auto [by_share, by_score] =
            split_product(o.time_pct, t.time_pct, Rational(o.score), Rational(t.score));
        if (o.time_pct != t.time_pct) {
            pieces.push_back({at + "/time_pct", o.time_pct, t.time_pct, -by_share / hundred,
                              was + "/time_pct", t.name});
        }
        if (o.score != t.score) {
            pieces.push_back({at + "/score", Rational(o.score), Rational(t.score),
                              -by_score / hundred, was + "/score", t.name});
        }
        if (o.impact != t.impact) {
            pieces.push_back({at + "/impact", std::string(to_string(o.impact)),
                              std::string(to_string(t.impact)), Rational(0), was + "/impact",
                              t.name});
        }
    }
    for (std::size_t i = 0; i < a.tasks.size(); ++i) {
        if (!matched[i]) {
            const ScoredTask& o = a.tasks[i];
            const std::string at = fmt::format("/tasks/{}", i);
            pieces.push_back(
                {at, o, std::monostate{}, o.time_pct * Rational(o.score) / hundred, at, o.name});
        }
    }
    return pieces;
}

// modifier = 1 + weight × Σ rows
template <std::size_t N>
std::vector<Piece>
modifier_pieces(std::string_view group, const std::array<std::string_view, N>& keys,
                const std::array<int, N>& a, const std::array<int, N>& b,
                std::string_view weight_key, const Rational& wa, const Rational& wb) {
    std::vector<Piece> pieces;
    if (wa != wb) {
        int total_a = 0;
        int total_b = 0;
        for (std::size_t i = 0; i < N; ++i) {
            total_a += a[i];
            total_b += b[i];
        }
        const Rational by_weight =
            split_product(wa, wb, Rational(total_a), Rational(total_b)).first;
        pieces.push_back({methodology_input(weight_key), wa, wb, by_weight});
    }
    // The rows' part, ½(E'−E)(w+w'): each row's share is its own change times ½(w+w'), which
    // is w itself when the methodology did not change (the usual case, worked out cheaply).
    std::optional<Rational> mean_weight;
    for (std::size_t i = 0; i < N; ++i) {
        if (a[i] != b[i]) {
            if (!mean_weight) {
                mean_weight = wa == wb ? wa : (wa + wb) * Rational::fraction(1, 2);
            }
            pieces.push_back({fmt::format("/{}/{}/score", group, keys[i]), Rational(a[i]),
                              Rational(b[i]), Rational(b[i] - a[i]) * *mean_weight});
        }
    }
    return pieces;
}

std::vector<Piece> growth_pieces(const ScoredInputs& a, const ScoredInputs& b,
                                 const Methodology& ma, const Methodology& mb) {
    const std::array<int, 1> old_growth{a.growth};
    const std::array<int, 1> new_growth{b.growth};
    std::vector<Piece> pieces =
        modifier_pieces("growth_correlation", std::array<std::string_view, 1>{"x"}, old_growth,
                        new_growth, "growth_weight", ma.growth_weight, mb.growth_weight);
    for (Piece& p : pieces) {
        if (p.input == "/growth_correlation/x/score") {
            p.input = "/growth_correlation/score";
        }
    }
    return pieces;
}

// K = scale / span
std::vector<Piece> scale_pieces(const Methodology& ma, const Methodology& mb) {
    if (ma.scale == mb.scale && ma.raw_span == mb.raw_span) {
        return {};
    }
    const Rational inverse_a = Rational(1) / ma.raw_span;
    const Rational inverse_b = Rational(1) / mb.raw_span;
    const auto [by_scale, by_span] = split_product(ma.scale, mb.scale, inverse_a, inverse_b);
    std::vector<Piece> pieces;
    if (ma.scale != mb.scale) {
        pieces.push_back({methodology_input("scale"), ma.scale, mb.scale, by_scale});
    }
    if (ma.raw_span != mb.raw_span) {
        pieces.push_back({methodology_input("raw_span"), ma.raw_span, mb.raw_span, by_span});
    }
    return pieces;
}

// Inputs that change no figure of the formula but are worth naming in a review.
void add_zero_point_inputs(const ScoredInputs& a, const ScoredInputs& b, const Methodology& ma,
                           const Methodology& mb, std::vector<Contribution>& out) {
    for (std::size_t i = 0; i < a.principles.size(); ++i) {
        if (a.principles[i] != b.principles[i]) {
            const std::string input =
                fmt::format("/protective_principles/{}/score", k_principle_keys[i]);
            out.push_back({input, Rational(a.principles[i]), Rational(b.principles[i]), Rational(0),
                           input, ""});
        }
    }
    const std::array<std::pair<std::string_view, std::pair<Rational, Rational>>, 4> thresholds = {{
        {"zones/green_min", {ma.green_min, mb.green_min}},
        {"zones/yellow_min", {ma.yellow_min, mb.yellow_min}},
        {"clamp/min", {ma.clamp_min, mb.clamp_min}},
        {"clamp/max", {ma.clamp_max, mb.clamp_max}},
    }};
    for (const auto& [key, values] : thresholds) {
        if (values.first != values.second) {
            const std::string input = methodology_input(key);
            out.push_back({input, values.first, values.second, Rational(0), input, ""});
        }
    }
}

} // namespace

namespace detail {

std::array<Rational, 6> factor_shapley(const std::array<Rational, 6>& before,
                                       const std::array<Rational, 6>& after,
                                       const std::array<std::size_t, 6>& moved,
                                       std::size_t players) {
    // The product x0·x1·x2·x3 of every coalition, built a player at a time: 2^(k+1) − 2
    // multiplications for k players rather than 4 for each of the 2^k coalitions.
    std::array<Rational, 64> worth{};
    worth[0] = Rational(1);
    for (std::size_t f = 0; f < 4; ++f) {
        if (before[f] == after[f]) {
            worth[0] = worth[0] * before[f];
        }
    }
    bool offset_moved = false; // x4 or x5, which a change of methodology alone moves
    for (std::size_t k = 0; k < players; ++k) {
        const std::size_t f = moved[k];
        const unsigned half = 1U << k;
        for (unsigned mask = 0; mask < half; ++mask) {
            worth[mask | half] = f < 4 ? worth[mask] * after[f] : worth[mask];
            if (f < 4) {
                worth[mask] = worth[mask] * before[f];
            }
        }
        offset_moved = offset_moved || f >= 4;
    }
    if (offset_moved) {
        for (unsigned mask = 0; mask < (1U << players); ++mask) {
            Rational x4 = before[4];
            Rational x5 = before[5];
            for (std::size_t k = 0; k < players; ++k) {
                if ((mask & (1U << k)) != 0U && moved[k] == 4) {
                    x4 = after[4];
                }
                if ((mask & (1U << k)) != 0U && moved[k] == 5) {
                    x5 = after[5];
                }
            }
            worth[mask] = (worth[mask] - x4) * x5;
        }
    }
    std::array<Rational, 6> by_player{};
    shapley_from_worth(players, worth.data(), by_player.data());
    std::array<Rational, 6> phi{};
    for (std::size_t k = 0; k < players; ++k) {
        // With x4 and x5 fixed, v = x5·(product) − x4·x5: the constant moves nobody, and the
        // factor x5 can be applied to each player's value rather than to every coalition.
        phi[moved[k]] = offset_moved ? by_player[k] : by_player[k] * before[5];
    }
    return phi;
}

} // namespace detail

std::vector<Contribution> attribute_change(const ScoredInputs& a, const ScoredInputs& b,
                                           const Methodology& ma, const Methodology& mb) {
    // The six factors, old and new: the first four as the scores found them.
    const auto factors = [](const ScoredInputs& x, const Methodology& m) {
        const auto& [task_resistance, evidence, barriers, growth] = x.factors;
        return std::array<Rational, 6>{task_resistance, evidence,  barriers,
                                       growth,          m.raw_min, m.scale / m.raw_span};
    };
    const std::array<Rational, 6> before = factors(a, ma);
    const std::array<Rational, 6> after = factors(b, mb);

    // Factors that did not change are null players: leaving them out changes no other
    // factor's Shapley value, and keeps the game small.
    std::array<std::size_t, 6> moved{};
    std::size_t players = 0;
    for (std::size_t f = 0; f < 6; ++f) {
        if (before[f] != after[f]) {
            moved[players++] = f;
        }
    }
    const std::array<Rational, 6> phi = detail::factor_shapley(before, after, moved, players);
    std::array<std::vector<Piece>, 6> pieces;
    pieces[0] = task_resistance_pieces(a, b, ma, mb);
    pieces[1] = modifier_pieces("evidence", k_evidence_keys, a.evidence, b.evidence,
                                "evidence_weight", ma.evidence_weight, mb.evidence_weight);
    pieces[2] = modifier_pieces("barriers", k_barrier_keys, a.barriers, b.barriers,
                                "barrier_weight", ma.barrier_weight, mb.barrier_weight);
    pieces[3] = growth_pieces(a, b, ma, mb);
    if (ma.raw_min != mb.raw_min) {
        pieces[4].push_back(
            {methodology_input("raw_min"), ma.raw_min, mb.raw_min, mb.raw_min - ma.raw_min});
    }
    pieces[5] = scale_pieces(ma, mb);

    std::vector<Contribution> out;
    for (std::size_t f = 0; f < 6; ++f) {
        const Rational change = after[f] - before[f];
        for (Piece& p : pieces[f]) {
            // A factor's points go to its inputs in proportion to their part of its change.
            const Rational points =
                change == Rational(0) ? Rational(0) : phi[f] * p.amount / change;
            std::string old_input = p.old_input ? std::move(*p.old_input) : p.input;
            out.push_back({std::move(p.input), std::move(p.old_value), std::move(p.new_value),
                           points, std::move(old_input), std::move(p.task)});
        }
    }
    add_zero_point_inputs(a, b, ma, mb, out);
    return out;
}

ScoredInputs scored_inputs(const Assessment& assessment, const Score& score) {
    ScoredInputs in;
    for (std::size_t i = 0; i < in.principles.size(); ++i) {
        in.principles[i] = assessment.principles[i].score;
    }
    in.growth = assessment.growth.score;
    in.tasks.reserve(assessment.tasks.size());
    for (const Task& t : assessment.tasks) {
        in.tasks.push_back(ScoredTask{t.name, t.time_pct, t.score, t.impact});
    }
    for (std::size_t i = 0; i < in.evidence.size(); ++i) {
        in.evidence[i] = assessment.evidence[i].score;
        in.barriers[i] = assessment.barriers[i].score;
    }
    in.factors = {score.task_resistance, score.evidence_modifier, score.barrier_modifier,
                  score.growth_modifier};
    return in;
}

std::vector<Contribution> attribute_change(const Assessment& a, const Assessment& b,
                                           const Methodology& ma, const Methodology& mb) {
    return attribute_change(scored_inputs(a, compute_score(a, ma)),
                            scored_inputs(b, compute_score(b, mb)), ma, mb);
}

} // namespace aijri
