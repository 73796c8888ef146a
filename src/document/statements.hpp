// The figures a document states, collected while it is imported. The first statement of a
// figure becomes the assessment's stated figure; restatements (the raw score written again
// in the AIJRI line, the growth correlation in the quick screen) and figures the format has
// no place for (each task's weighted score, the methodology's constants) are audited here,
// against the computation, and reported as errors at their place in the document: a
// figure that does not follow from its inputs is an error of the assessment, as validate
// says of a stated figure in JSON.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aijri/model/assessment.hpp"
#include "aijri/model/methodology.hpp"

#include "blocks.hpp"
#include "figures.hpp"

namespace aijri::detail {

// The figures of `stated`; only the numbers are collected as Figures (the zone and the
// sub-label are texts, below).
using Figure = StatedId;

// Figures with no place in `stated`, checked against what they restate.
enum class Derived {
    growth_correlation, // restated input
    quick_screen_total, // "Protective 2 + Correlation 2 = 4"
    time_total,
    task_weighted, // of task `task`
    task_resistance_base,
    task_resistance_scale,
    modifier_base, // the 1.0 of "1.0 + (8 x 0.04)"
    evidence_weight,
    barrier_weight,
    growth_weight,
    raw_min,
    raw_span,
    scale,
    aijri_maximum,
    green_min,
    yellow_min,
    yellow_max,
    red_below,
};

struct TextStatement {
    std::optional<std::string> value; // nullopt: "no sub-label"
    std::string_view at;
};
struct ZoneStatement {
    Zone value;
    std::string_view at;
};

struct DerivedStatement {
    Derived kind;
    Number number;
    std::size_t task = 0;
};

struct Statements {
    std::array<std::vector<Number>, k_stated_figures.size()> numbers; // by Figure
    std::vector<ZoneStatement> zones;
    std::vector<TextStatement> sub_labels;
    std::vector<DerivedStatement> derived;
    std::vector<TextStatement> quick_screens; // the verdict, "Likely Green (Accelerated)"

    void state(Figure figure, const Number& number) {
        numbers[static_cast<std::size_t>(figure)].push_back(number);
    }
    void restate(Derived kind, const Number& number, std::size_t task = 0) {
        derived.push_back(DerivedStatement{kind, number, task});
    }
};

// Puts the first statement of every figure (in document order) into `stated`.
void fill_stated(StatedFigures& stated, Statements& statements, const DocumentSource& source);

// An error for every stated, restated or derived figure that does not match; returns how
// many. Throws std::overflow_error when the methodology takes the scoring beyond exact
// arithmetic.
std::size_t audit_statements(const Assessment& assessment, const Statements& statements,
                             const Methodology& methodology, DocumentSource& source);

} // namespace aijri::detail
