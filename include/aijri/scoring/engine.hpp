// The methodology applied to one assessment: every figure exact, rounded only where the
// methodology publishes it.
#pragma once

#include <optional>
#include <string>

#include "aijri/model/assessment.hpp"
#include "aijri/model/methodology.hpp"
#include "aijri/util/diagnostic.hpp"
#include "aijri/util/rational.hpp"

namespace aijri {

// What a zone and sub-label are, and why.
struct Verdict {
    Rational aijri; // the published (rounded, clamped) AIJRI
    Zone zone = Zone::green;
    std::optional<std::string> sub_label;
    std::string label;          // "Green (Accelerated)", or the bare zone
    std::string sub_label_rule; // "Growth Correlation = 2 AND AIJRI >= 48.0"
};

struct TimeSplit {
    Rational displacement;
    Rational augmentation;
    Rational not_involved;
};

struct Score {
    std::string methodology;
    Rational task_weighted_total; // W
    Rational task_resistance;     // TRS = base − W
    int protective_total = 0;
    int growth_correlation = 0;
    int evidence_total = 0;
    int barrier_total = 0;
    Rational evidence_modifier;
    Rational barrier_modifier;
    Rational growth_modifier;
    Rational raw;
    Rational aijri_exact; // before rounding and clamping
    bool clamped = false;
    Rational pct_time_3plus;
    TimeSplit split;
    int quick_screen_total = 0;
    std::string quick_screen; // "Likely Green (Accelerated)"
    Zone quick_screen_zone = Zone::green;
    Verdict formula;
    Verdict final_; // after the assessor's override, if any
    bool overridden = false;
    Diagnostics warnings; // clamping, a quick screen that disagrees with the final zone
};

Score compute_score(const Assessment& assessment, const Methodology& methodology);

// Compares every stated figure with the computed one at the precision it was written with.
// `lines` (of the assessment's text) places figures that carry a byte offset.
Diagnostics check_stated_figures(const Assessment& assessment, const Score& score,
                                 const Methodology& methodology, const LineIndex* lines = nullptr);

// The zone a published AIJRI falls in.
Zone zone_for(const Rational& published_aijri, const Methodology& methodology);
std::string label_for(Zone zone, const std::optional<std::string>& sub_label);

} // namespace aijri
