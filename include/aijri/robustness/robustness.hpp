// How firm a verdict is: how far the formula's published AIJRI stands from the zone lines,
// the fewest edits that would change its zone, what each input swings it by, the exact
// distribution of the verdict when inputs are uncertain, and which inputs that uncertainty
// comes from. Every figure is exact: AIJRI inputs are small integers and the composite is a
// product of four independent sums, so nothing here is sampled.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "aijri/model/assessment.hpp"
#include "aijri/model/methodology.hpp"
#include "aijri/model/zone.hpp"
#include "aijri/util/enum_names.hpp"
#include "aijri/util/rational.hpp"

namespace aijri {

// How an input is uncertain when the assessment declares no range for it.
enum class UncertaintyModel {
    standard, // "default": uniform over {s−1, s, s+1} within the input's bounds
    declared, // certain: only declared ranges vary
};
inline constexpr std::array<EnumName<UncertaintyModel>, 2> k_uncertainty_model_names = {{
    {"default", UncertaintyModel::standard},
    {"declared", UncertaintyModel::declared},
}};

// One input of the composite that an analyst scores (principles and time shares are not
// among them: the first do not enter the composite, the second are never edited). Inputs are
// listed in file order: the growth correlation, the tasks, the evidence, the barriers.
struct ScoredInput {
    std::string pointer; // "/tasks/1/score"
    std::string name;    // the task's name, or the dimension's title
    int value = 0;
    int min = 0; // the input's bounds
    int max = 0;
    std::optional<ScoreRange> range; // as the assessment declares it
};

// The published points between the AIJRI and a zone line.
struct MarginSide {
    Rational line;
    Rational points;
};

struct Margin {
    std::optional<MarginSide> above; // the line under the zone (none in the lowest zone)
    std::optional<MarginSide> below; // the next line up (none in the highest zone)
};

struct InputEdit {
    std::string pointer; // of the input, as ScoredInput::pointer
    int from = 0;
    int to = 0;
    friend bool operator==(const InputEdit&, const InputEdit&) = default;
};

// The least number of unit steps that moves the published formula zone, and one such set.
struct ZoneChange {
    Zone zone = Zone::red;        // the zone these edits reach
    int count = 0;                // Σ |to − from|
    std::vector<InputEdit> edits; // in file order
    friend bool operator==(const ZoneChange&, const ZoneChange&) = default;
};

struct FewestEdits {
    std::optional<ZoneChange> down; // to a lower zone; none where no edit can
    std::optional<ZoneChange> up;
};

struct SwingEnd {
    int value = 0;
    Rational aijri; // published
};

struct Swing {
    std::size_t input = 0;
    SwingEnd at_min;
    SwingEnd at_max;
};

// An exact probability. Its fraction can need more than 128 bits (fifty tasks each uniform
// over five values give denominators near 5^50), so it is carried as its exact text.
struct Probability {
    std::string exact; // reduced "numerator/denominator", always with the slash
    Rational rounded;  // rounded half up to 6 decimals
};

struct Uncertainty {
    UncertaintyModel model = UncertaintyModel::standard;
    std::array<Probability, 3> zones; // indexed by Zone's order: red, yellow, green
    Rational p05;                     // quantiles of the published AIJRI
    Rational median;
    Rational p95;
};

// Variance-based (Sobol) indices of the unclamped exact composite, rounded half up to 4
// decimals; none when the composite does not vary at all.
struct Sensitivity {
    std::size_t input = 0;
    std::optional<Rational> first_order;
    std::optional<Rational> total;
};

struct Robustness {
    std::vector<ScoredInput> inputs;
    Rational aijri; // the formula's published AIJRI
    Zone zone = Zone::red;
    Margin margin;
    FewestEdits fewest_edits;
    std::vector<Swing> swing; // largest swing first, ties in file order
    Uncertainty uncertainty;
    std::vector<Sensitivity> sensitivity; // largest total index first, ties in file order
};

// Analyses the formula's verdict for `assessment` (an override is not analysed).
// Throws std::domain_error when the methodology lets a factor of the composite reach zero
// or below within the inputs' bounds (the analysis relies on four positive factors), and
// std::overflow_error when its constants take exact arithmetic beyond 128 bits.
Robustness analyse_robustness(const Assessment& assessment, const Methodology& methodology,
                              UncertaintyModel model);

// The zone change that takes the fewest steps, down or up (down on a tie): what
// --fail-if-fragile and --sort fragility look at. None where no edit changes the zone.
const std::optional<ZoneChange>& nearest_zone_change(const FewestEdits& edits);

} // namespace aijri
