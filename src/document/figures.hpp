// The figures a document states, read as written: numbers keep their decimals, and the
// notations people use by hand are accepted (×, x or * for times; −, –, — or - for minus;
// % or not; ** bold anywhere in a formula). Every parser returns nullopt when the text
// does not have the expected form; the caller says what was expected.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aijri/model/zone.hpp"
#include "aijri/util/rational.hpp"

namespace aijri::detail {

struct Number {
    DecimalLiteral literal;
    std::string_view text; // the number in the document (for its position)
    bool percent = false;  // followed by %
};

// "2", "+2", "2/3": an integer score, and the scale it was written over.
struct ScoreFigure {
    Number value;
    std::optional<Number> scale;
};
std::optional<ScoreFigure> parse_score(std::string_view text);
// "2–4", "2-4", "2 to 4", "-2–0": a range of integer scores, low end first (any dash
// separates; a dash before a number is its minus sign).
struct ScoreRangeFigure {
    Number lo, hi;
};
std::optional<ScoreRangeFigure> parse_score_range(std::string_view text);
// "20%", "20", "22.35 %".
std::optional<Number> parse_percent(std::string_view text);
// "2.25", "**5.6628**".
std::optional<Number> parse_plain_number(std::string_view text);

// "6.00 - 2.25 = 3.75/5.0" or "3.75/5.0" or "3.75".
struct TaskResistanceFigure {
    std::optional<Number> base, weighted_total;
    Number task_resistance;
    std::optional<Number> scale;
};
std::optional<TaskResistanceFigure> parse_task_resistance(std::string_view text);

// "1.0 + (8 x 0.04) = 1.32" or "1.32"; the total is negative after "1.0 - (…)".
struct ModifierFigure {
    std::optional<Number> one, total, weight;
    Number modifier;
};
std::optional<ModifierFigure> parse_modifier(std::string_view text);

// "3.75 x 1.32 x 1.04 x 1.10 = 5.6628" or "5.6628".
struct RawFigure {
    std::vector<Number> factors; // none, or the four
    Number raw;
};
std::optional<RawFigure> parse_raw(std::string_view text);

// "(5.6628 - 0.54) / 7.93 x 100 = 64.6/100" or "64.6/100" or "64.6".
struct AijriFigure {
    std::optional<Number> raw, raw_min, raw_span, scale;
    Number aijri;
    std::optional<Number> maximum;
};
std::optional<AijriFigure> parse_aijri(std::string_view text);

// "Protective 2 + Correlation 2 = Likely Green Zone (Accelerated). Proceed to confirm.", with
// or without the arithmetic, "Zone" before or after the sub-label or not at all:
// "Likely Green (Accelerated) Zone", "Likely Green".
struct QuickScreenFigure {
    std::optional<Number> protective, growth;
    std::optional<Number> total;   // "= 4 =": their sum
    std::string verdict;           // "Likely Green (Accelerated)"
    std::string_view verdict_text; // as written
    std::string_view tail;         // what follows the verdict, without the period
};
std::optional<QuickScreenFigure> parse_quick_screen(std::string_view text);

// "0% displacement, 75% augmentation, 25% not involved."
struct SplitFigure {
    std::optional<Number> displacement, augmentation, not_involved;
};
std::optional<SplitFigure> parse_split(std::string_view text);

// "GREEN (Green >= 48, Yellow 25-47, Red <25)", or "Green (Accelerated)", "Red Zone".
struct ZoneFigure {
    Zone zone = Zone::green;
    std::optional<std::array<Number, 4>> thresholds; // green min, yellow min, yellow max, red
    std::optional<std::string_view> sub_label;       // raw document text
};
std::optional<ZoneFigure> parse_zone(std::string_view text);

// "Green (Accelerated) — Growth Correlation = 2 AND AIJRI >= 48", "Green Zone (Accelerated)",
// "Yellow", "none", "Transforming". The explanation after the dash is derived and not kept.
struct SubLabelFigure {
    std::optional<Zone> zone;
    std::optional<std::string> sub_label; // nullopt: no sub-label
};
std::optional<SubLabelFigure> parse_sub_label(std::string_view text);

// "Yes — note", "No", "yes: note".
struct ReinstatementFigure {
    bool new_tasks = false;
    std::string_view note; // raw document text
};
std::optional<ReinstatementFigure> parse_reinstatement(std::string_view text);

// "None — formula score accepted." or
// "AIJRI 55.0; zone Yellow; sub-label \"Stable\" — reason".
struct OverrideFigure {
    bool none = false;
    std::optional<Number> aijri;
    std::optional<Zone> zone;
    bool has_sub_label = false;
    std::optional<std::string> sub_label; // raw, quoted text already unquoted
    std::string_view reason;              // raw document text
};
std::optional<OverrideFigure> parse_override(std::string_view text);

// "Green", "GREEN", "green"; nullopt for anything else.
std::optional<Zone> zone_name(std::string_view word);

} // namespace aijri::detail
