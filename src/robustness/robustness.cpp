#include "aijri/robustness/robustness.hpp"
#include <algorithm>
#include <optional>

#include "aijri/scoring/engine.hpp"

#include "composite.hpp"
#include "fewest_edits.hpp"
#include "uncertainty.hpp"

namespace aijri {

using namespace robustness_detail;

namespace {

// The zone line under a zone (none under the lowest) and the next one up (none over the
// highest): what the margin measures from and the fewest edits must cross.
std::optional<Rational> line_under(Zone zone, const Methodology& m) {
    switch (zone) {
    case Zone::green:
        return m.green_min;
    case Zone::yellow:
        return m.yellow_min;
    case Zone::red:
        break;
    }
    return std::nullopt;
}

std::optional<Rational> line_over(Zone zone, const Methodology& m) {
    switch (zone) {
    case Zone::red:
        return m.yellow_min;
    case Zone::yellow:
        return m.green_min;
    case Zone::green:
        break;
    }
    return std::nullopt;
}

Margin margin_of(const Rational& published, Zone zone, const Methodology& m) {
    Margin margin;
    if (const auto line = line_under(zone, m)) {
        margin.above = MarginSide{*line, published - *line};
    }
    if (const auto line = line_over(zone, m)) {
        margin.below = MarginSide{*line, *line - published};
    }
    return margin;
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
    // As thresholds on the scaled raw: no line under the lowest zone is one no raw falls
    // below, and none over the highest one no raw reaches.
    const auto under = line_under(r.zone, methodology);
    const auto over = line_over(r.zone, methodology);
    r.fewest_edits.down = fewest_edits(composite, r.inputs, Direction::down,
                                       under ? composite.threshold(*under) : k_always);
    r.fewest_edits.up = fewest_edits(composite, r.inputs, Direction::up,
                                     over ? composite.threshold(*over) : k_never);
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
