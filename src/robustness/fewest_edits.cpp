#include "fewest_edits.hpp"
#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

#include "aijri/scoring/engine.hpp"

namespace aijri::robustness_detail {

namespace {

// What one unit step of an input does in the direction sought: it moves its value by
// `delta` and its factor by `gain` (scaled) towards the goal, `cap` times at most.
struct Lever {
    std::size_t factor = 0;
    int delta = 0;
    int cap = 0;
    Int128 gain = 0;
};

enum class Decision { free, excluded, touched, fixed };

// A table indexed [inputs][steps]: the best a factor can do with at most that many newly
// touched inputs and steps. Small tables (nearly all: a handful of inputs, a dozen steps) live
// in the object itself: the search builds thousands, and allocating them cost a third of it.
class Table {
public:
    Table(std::size_t rows, std::size_t columns, Int128 fill) : m_rows(rows), m_columns(columns) {
        if (rows * columns > m_small.size()) {
            m_large.assign(rows * columns, fill);
        } else {
            std::fill_n(m_small.begin(), rows * columns, fill);
        }
    }
    std::size_t rows() const { return m_rows; }
    std::size_t columns() const { return m_columns; }
    Int128& at(std::size_t m, std::size_t k) { return cells()[m * m_columns + k]; }
    Int128 at(std::size_t m, std::size_t k) const { return cells()[m * m_columns + k]; }

private:
    Int128* cells() { return m_large.empty() ? m_small.data() : m_large.data(); }
    const Int128* cells() const { return m_large.empty() ? m_small.data() : m_large.data(); }

    std::size_t m_rows;
    std::size_t m_columns;
    std::array<Int128, 96> m_small;
    std::vector<Int128> m_large;
};

class Search {
public:
    Search(const Composite& c, const std::vector<ScoredInput>& inputs, Direction direction,
           Int128 threshold)
        : m_composite(c), m_inputs(inputs), m_down(direction == Direction::down),
          m_threshold(threshold) {
        for (const CompositeInput& in : c.inputs()) {
            Lever lever;
            lever.factor = in.factor;
            lever.gain = in.scaled < 0 ? -in.scaled : in.scaled;
            // Down lowers every factor, up raises it.
            const bool raise_value = (in.scaled > 0) != m_down;
            lever.delta = raise_value ? 1 : -1;
            lever.cap = in.scaled == 0 ? 0 : (raise_value ? in.max - in.value : in.value - in.min);
            m_levers.push_back(lever);
        }
        m_decision.assign(m_levers.size(), Decision::free);
        m_amount.assign(m_levers.size(), 0);
    }

    std::optional<ZoneChange> run() {
        const std::optional<int> steps = least_steps();
        if (!steps) {
            return std::nullopt;
        }
        int inputs = 1;
        while (!feasible(inputs, *steps)) {
            ++inputs;
        }
        choose_inputs(inputs, *steps);
        choose_amounts(*steps);
        return describe(*steps);
    }

private:
    bool goal_met(Int128 scaled_raw) const {
        return m_down ? scaled_raw < m_threshold : scaled_raw >= m_threshold;
    }

    // A factor moved towards the goal by `gain`.
    Int128 moved(Int128 factor, Int128 gain) const {
        return m_down ? factor - gain : factor + gain;
    }

    // The least number of steps, from each factor's greedy best (largest gain first), over
    // every split of the steps among the four factors.
    std::optional<int> least_steps() const {
        std::array<std::vector<Int128>, k_factors> best;
        for (std::size_t f = 0; f < k_factors; ++f) {
            best[f] = greedy_best(f);
        }
        const FactorValues& now = m_composite.factors();
        std::optional<int> least;
        for (std::size_t ke = 0; ke < best[1].size(); ++ke) {
            for (std::size_t kb = 0; kb < best[2].size(); ++kb) {
                for (std::size_t kg = 0; kg < best[3].size(); ++kg) {
                    const int rest = static_cast<int>(ke + kb + kg);
                    if (least && rest >= *least) {
                        continue;
                    }
                    const Int128 modifiers = moved(now[1], best[1][ke]) *
                                             moved(now[2], best[2][kb]) *
                                             moved(now[3], best[3][kg]);
                    const std::optional<std::size_t> kt = task_steps(best[0], modifiers);
                    if (kt && (!least || rest + static_cast<int>(*kt) < *least)) {
                        least = rest + static_cast<int>(*kt);
                    }
                }
            }
        }
        if (least && *least == 0) {
            return std::nullopt; // already there: not a change of zone
        }
        return least;
    }

    // The steps the task resistance needs, with the modifiers at `modifiers`.
    std::optional<std::size_t> task_steps(const std::vector<Int128>& best, Int128 modifiers) const {
        const Int128 now = m_composite.factors()[k_task_factor];
        // down: (now − gain) · M < K ⟺ gain ≥ now − ceil(K/M) + 1; up: gain ≥ ceil(K/M) − now.
        const Int128 reach = ceil_div(m_threshold, modifiers);
        const Int128 needed = m_down ? now - reach + 1 : reach - now;
        const auto it = std::lower_bound(best.begin(), best.end(), needed);
        if (it == best.end()) {
            return std::nullopt;
        }
        return static_cast<std::size_t>(it - best.begin());
    }

    std::vector<Int128> greedy_best(std::size_t factor) const {
        std::vector<Lever> levers;
        for (const Lever& l : m_levers) {
            if (l.factor == factor && l.cap > 0) {
                levers.push_back(l);
            }
        }
        std::stable_sort(levers.begin(), levers.end(),
                         [](const Lever& a, const Lever& b) { return a.gain > b.gain; });
        std::vector<Int128> best{0};
        for (const Lever& l : levers) {
            for (int s = 0; s < l.cap; ++s) {
                best.push_back(best.back() + l.gain);
            }
        }
        return best;
    }

    // Can the decisions so far be completed with at most `inputs` inputs touched in all and
    // at most `steps` steps in all?
    bool feasible(int inputs, int steps) const {
        FactorValues base = m_composite.factors();
        for (std::size_t i = 0; i < m_levers.size(); ++i) {
            if (m_decision[i] == Decision::touched || m_decision[i] == Decision::fixed) {
                const int taken = m_decision[i] == Decision::fixed ? m_amount[i] : 1;
                base[m_levers[i].factor] =
                    moved(base[m_levers[i].factor], m_levers[i].gain * taken);
                steps -= taken;
                --inputs;
            }
        }
        if (inputs < 0 || steps < 0) {
            return false;
        }
        const auto new_inputs = static_cast<std::size_t>(inputs);
        const auto new_steps = static_cast<std::size_t>(steps);
        // Fold the three modifiers into one table of their best product, then try every split
        // with the task resistance.
        Table modifiers = values(factor_table(1, new_inputs, new_steps), base[1]);
        modifiers = fold(modifiers, values(factor_table(2, new_inputs, new_steps), base[2]),
                         new_inputs, new_steps);
        modifiers = fold(modifiers, values(factor_table(3, new_inputs, new_steps), base[3]),
                         new_inputs, new_steps);
        const Table task = factor_table(k_task_factor, new_inputs, new_steps);
        for (std::size_t m = 0; m < modifiers.rows(); ++m) {
            for (std::size_t k = 0; k < modifiers.columns(); ++k) {
                const Int128 resistance =
                    moved(base[k_task_factor], task.at(new_inputs - m, new_steps - k));
                if (goal_met(resistance * modifiers.at(m, k))) {
                    return true;
                }
            }
        }
        return false;
    }

    // best[m][k]: the most gain in `factor` with at most m newly touched inputs and k steps
    // beyond those already taken (a touched input may take more steps without counting again).
    Table factor_table(std::size_t factor, std::size_t inputs, std::size_t steps) const {
        Table best(inputs + 1, steps + 1, 0);
        for (std::size_t i = 0; i < m_levers.size(); ++i) {
            const Lever& l = m_levers[i];
            if (l.factor != factor) {
                continue;
            }
            if (m_decision[i] == Decision::free && l.cap > 0) {
                add_lever(best, l.gain, static_cast<std::size_t>(l.cap), 1);
            } else if (m_decision[i] == Decision::touched && l.cap > 1) {
                add_lever(best, l.gain, static_cast<std::size_t>(l.cap - 1), 0);
            }
        }
        return best;
    }

    // One lever into a knapsack table: up to `cap` steps of `gain`, costing `cost` inputs.
    static void add_lever(Table& best, Int128 gain, std::size_t cap, std::size_t cost) {
        for (std::size_t m = best.rows(); m-- > cost;) {
            for (std::size_t k = best.columns(); k-- > 1;) {
                for (std::size_t a = 1; a <= std::min(cap, k); ++a) {
                    const Int128 option = best.at(m - cost, k - a) + gain * static_cast<Int128>(a);
                    best.at(m, k) = std::max(best.at(m, k), option);
                }
            }
        }
    }

    // The factor's value after its best gain, trimmed to where it can still change (a factor
    // of five inputs gains nothing from a sixth), so that folding stays small.
    Table values(const Table& best, Int128 base) const {
        const auto same_rows = [&](std::size_t a, std::size_t b) {
            for (std::size_t k = 0; k < best.columns(); ++k) {
                if (best.at(a, k) != best.at(b, k)) {
                    return false;
                }
            }
            return true;
        };
        std::size_t rows = best.rows();
        while (rows > 1 && same_rows(rows - 1, rows - 2)) {
            --rows;
        }
        std::size_t columns = best.columns();
        while (columns > 1 && best.at(rows - 1, columns - 1) == best.at(rows - 1, columns - 2)) {
            --columns;
        }
        Table out(rows, columns, 0);
        for (std::size_t m = 0; m < rows; ++m) {
            for (std::size_t k = 0; k < columns; ++k) {
                out.at(m, k) = moved(base, best.at(m, k));
            }
        }
        return out;
    }

    // The best product of two factors over every split of inputs and steps between them.
    Table fold(const Table& a, const Table& b, std::size_t inputs, std::size_t steps) const {
        const std::size_t rows = std::min(a.rows() + b.rows() - 1, inputs + 1);
        const std::size_t columns = std::min(a.columns() + b.columns() - 1, steps + 1);
        // Down seeks the least product, up the largest: start from the other end.
        Table out(rows, columns, m_down ? k_never : k_always);
        for (std::size_t ma = 0; ma < a.rows() && ma < rows; ++ma) {
            for (std::size_t ka = 0; ka < a.columns() && ka < columns; ++ka) {
                for (std::size_t mb = 0; mb < b.rows() && ma + mb < rows; ++mb) {
                    for (std::size_t kb = 0; kb < b.columns() && ka + kb < columns; ++kb) {
                        const Int128 product = a.at(ma, ka) * b.at(mb, kb);
                        Int128& slot = out.at(ma + mb, ka + kb);
                        slot = m_down ? std::min(slot, product) : std::max(slot, product);
                    }
                }
            }
        }
        return out;
    }

    // The earliest inputs in file order: each is touched if the rest can still be completed.
    void choose_inputs(int inputs, int steps) {
        int touched = 0;
        for (std::size_t i = 0; i < m_levers.size(); ++i) {
            if (touched == inputs || m_levers[i].cap == 0) {
                m_decision[i] = Decision::excluded;
                continue;
            }
            m_decision[i] = Decision::touched;
            if (feasible(inputs, steps)) {
                ++touched;
            } else {
                m_decision[i] = Decision::excluded;
            }
        }
    }

    // The most steps on the earliest touched input that still leaves a completion, and so on.
    void choose_amounts(int steps) {
        const int inputs =
            static_cast<int>(std::count(m_decision.begin(), m_decision.end(), Decision::touched));
        for (std::size_t i = 0; i < m_levers.size(); ++i) {
            if (m_decision[i] != Decision::touched) {
                continue;
            }
            m_decision[i] = Decision::fixed;
            for (m_amount[i] = m_levers[i].cap; m_amount[i] > 1; --m_amount[i]) {
                if (feasible(inputs, steps)) {
                    break;
                }
            }
        }
    }

    ZoneChange describe(int steps) const {
        ZoneChange change;
        change.count = steps;
        FactorValues after = m_composite.factors();
        for (std::size_t i = 0; i < m_levers.size(); ++i) {
            if (m_decision[i] != Decision::fixed) {
                continue;
            }
            const Lever& l = m_levers[i];
            const int from = m_composite.inputs()[i].value;
            change.edits.push_back({m_inputs[i].pointer, from, from + l.delta * m_amount[i]});
            after[l.factor] = moved(after[l.factor], l.gain * m_amount[i]);
        }
        change.zone =
            zone_for(m_composite.published(Composite::product(after)), m_composite.methodology());
        return change;
    }

    const Composite& m_composite;
    const std::vector<ScoredInput>& m_inputs; // for the edits' pointers
    bool m_down;
    Int128 m_threshold;
    std::vector<Lever> m_levers;
    std::vector<Decision> m_decision;
    std::vector<int> m_amount;
};

} // namespace

std::optional<ZoneChange> fewest_edits(const Composite& c, const std::vector<ScoredInput>& inputs,
                                       Direction direction, Int128 threshold) {
    if ((direction == Direction::down && threshold == k_always) ||
        (direction == Direction::up && threshold == k_never)) {
        return std::nullopt;
    }
    return Search(c, inputs, direction, threshold).run();
}

} // namespace aijri::robustness_detail
