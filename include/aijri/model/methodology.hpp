// The whole scoring model as one data definition: constants, zone thresholds, sub-label
// rules and the quick screen. `aijri-1` is embedded; a file of the same form replaces it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "aijri/model/zone.hpp"
#include "aijri/util/diagnostic.hpp"
#include "aijri/util/rational.hpp"

namespace aijri {

// One sub-label rule: it applies when the zone matches and every condition that is set
// holds. Rules are tried in order; the first that applies decides.
struct SubLabelRule {
    Zone zone = Zone::green;
    std::string label;
    std::optional<int> growth_correlation;      // g equals this
    std::optional<Rational> pct_time_3plus_min; // pct_time_3plus ≥ this
};

struct Methodology {
    std::string name;
    Rational task_resistance_base;
    Rational evidence_weight;
    Rational barrier_weight;
    Rational growth_weight;
    Rational raw_min;
    Rational raw_span;
    Rational scale;
    int published_decimals = 1;
    Rational clamp_min;
    Rational clamp_max;
    Rational green_min;
    Rational yellow_min;
    int high_task_score = 3;
    std::vector<SubLabelRule> sub_labels;
    int quick_screen_green_min = 4;
    int quick_screen_yellow_min = 2;
    int quick_screen_accelerated_growth = 2;
};

// The embedded `aijri-1` definition, parsed once.
const Methodology& builtin_methodology();
std::string_view builtin_methodology_json();

struct MethodologyLoad {
    std::optional<Methodology> methodology;
    Diagnostics diagnostics;
};

// Reads a methodology definition (the form of methodologies/aijri-1.json).
MethodologyLoad read_methodology(std::string_view json_text);

} // namespace aijri
