#include "aijri/robustness/robustness.hpp"
#include <algorithm>

#include "aijri/scoring/engine.hpp"

#include "composite.hpp"
#include "fewest_edits.hpp"
#include "uncertainty.hpp"

namespace aijri {

using namespace robustness_detail;

namespace {

Margin margin_of(const Rational& published, Zone zone, const Methodology& m) {
    Margin margin;
    switch (zone) {
    case Zone::green:
        margin.above = MarginSide{m.green_min, published - m.green_min};
        break;
    case Zone::yellow:
        margin.above = MarginSide{m.yellow_min, published - m.yellow_min};
        margin.below = MarginSide{m.green_min, m.green_min - published};
        break;
    case Zone::red:
        margin.below = MarginSide{m.yellow_min, m.yellow_min - published};
        break;
    }
    return margin;
}

// The line under a zone and the next line up, as thresholds on the scaled raw.
Int128 line_under(const Composite& c, Zone zone) {
    const Methodology& m = c.methodology();
    switch (zone) {
    case Zone::green:
        return c.threshold(m.green_min);
    case Zone::yellow:
        return c.threshold(m.yellow_min);
    case Zone::red:
        break;
    }
    return k_always;
}

Int128 line_over(const Composite& c, Zone zone) {
    const Methodology& m = c.methodology();
    switch (zone) {
    case Zone::red:
        return c.threshold(m.yellow_min);
    case Zone::yellow:
        return c.threshold(m.green_min);
    case Zone::green:
        break;
    }
    return k_never;
}

std::vector<Swing> swing_of(const Composite& c) {
    std::vector<Swing> out;
    std::vector<Int128> size; // in published steps, by input
    for (std::size_t i = 0; i < c.inputs().size(); ++i) {
        const CompositeInput& in = c.inputs()[i];
        const auto step_at = [&](int value) {
            FactorValues factors = c.factors();
            factors[in.factor] += in.scaled * (value - in.value);
            return c.published_step(Composite::product(factors));
        };
        const Int128 low = step_at(in.min);
        const Int128 high = step_at(in.max);
        out.push_back({i, SwingEnd{in.min, c.at_step(low)}, SwingEnd{in.max, c.at_step(high)}});
        size.push_back(high > low ? high - low : low - high);
    }
    std::stable_sort(out.begin(), out.end(),
                     [&](const Swing& a, const Swing& b) { return size[a.input] > size[b.input]; });
    return out;
}

} // namespace

Robustness analyse_robustness(const Assessment& assessment, const Methodology& methodology,
                              UncertaintyModel model) {
    Robustness r;
    const Composite composite(assessment, methodology, r.inputs);
    r.aijri = composite.published(Composite::product(composite.factors()));
    r.zone = zone_for(r.aijri, methodology);
    r.margin = margin_of(r.aijri, r.zone, methodology);
    r.fewest_edits.down =
        fewest_edits(composite, r.inputs, Direction::down, line_under(composite, r.zone));
    r.fewest_edits.up =
        fewest_edits(composite, r.inputs, Direction::up, line_over(composite, r.zone));
    r.swing = swing_of(composite);
    const std::vector<Support> support = supports(r.inputs, model);
    r.uncertainty = analyse_uncertainty(composite, support, model);
    r.sensitivity = analyse_sensitivity(composite, support);
    return r;
}

const std::optional<ZoneChange>& nearest_zone_change(const FewestEdits& edits) {
    if (edits.down && (!edits.up || edits.down->count <= edits.up->count)) {
        return edits.down;
    }
    return edits.up;
}

} // namespace aijri
