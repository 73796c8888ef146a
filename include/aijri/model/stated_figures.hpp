// The figures an author may write down beside the inputs (the "stated" object of the
// format), each checked against the computation at the precision it is written with. The
// list of them is declared here once, as k_stated_figures: the reader, the writer, the JSON
// Schema, the check and the document import all go through it.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "aijri/model/zone.hpp"
#include "aijri/util/diagnostic.hpp"
#include "aijri/util/rational.hpp"

namespace aijri {

// A figure the author wrote down, kept with where it stands so that a mismatch can be
// reported at the right line.
// Readers of JSON keep the byte offset (turned into a line and column only when there is a
// mismatch to report); readers of other documents set the position directly.
inline constexpr std::size_t k_no_offset = static_cast<std::size_t>(-1);

struct StatedNumber {
    DecimalLiteral value;
    std::string pointer;
    SourcePosition position;
    std::size_t offset = k_no_offset;
};
struct StatedText {
    std::optional<std::string> value; // null is a stated "no sub-label"
    std::string pointer;
    SourcePosition position;
    std::size_t offset = k_no_offset;
};
struct StatedZone {
    Zone value = Zone::green;
    std::string pointer;
    SourcePosition position;
    std::size_t offset = k_no_offset;
};

struct StatedFigures {
    std::optional<StatedNumber> task_weighted_total, task_resistance, protective_total,
        evidence_total, barrier_total, evidence_modifier, barrier_modifier, growth_modifier, raw,
        aijri, pct_time_3plus, split_displacement, split_augmentation, split_not_involved;
    std::optional<StatedZone> zone;
    std::optional<StatedText> sub_label;
};

// Every stated figure, in the order of the format (and of k_stated_figures).
enum class StatedId {
    task_weighted_total,
    task_resistance,
    protective_total,
    evidence_total,
    barrier_total,
    evidence_modifier,
    barrier_modifier,
    growth_modifier,
    raw,
    aijri,
    zone,
    sub_label,
    pct_time_3plus,
    split_displacement,
    split_augmentation,
    split_not_involved,
};

// The object inside "stated" that holds the time split.
inline constexpr std::string_view k_stated_split = "split";

struct StatedFigure {
    StatedId id;
    std::string_view key;   // its JSON key, in `group` if that is set, else in "stated"
    std::string_view group; // k_stated_split or empty
    std::string_view name;  // as messages name it: "stated task weighted total 2.30 …"
    // Where a number is kept; null for the zone and the sub-label, which are not numbers.
    std::optional<StatedNumber> StatedFigures::*number = nullptr;
    // The inputs it follows from, as JSON pointers into the assessment: an error in one of
    // them leaves the figure unknown.
    std::array<std::string_view, 4> inputs{};
    bool uses_impact = false; // follows from the tasks' impacts too (the split)
};

// What a figure of the whole formula follows from.
inline constexpr std::array<std::string_view, 4> k_formula_inputs = {
    "/tasks", "/evidence", "/barriers", "/growth_correlation"};

inline constexpr std::array<StatedFigure, 16> k_stated_figures = {{
    {StatedId::task_weighted_total,
     "task_weighted_total",
     "",
     "task weighted total",
     &StatedFigures::task_weighted_total,
     {"/tasks"}},
    {StatedId::task_resistance,
     "task_resistance",
     "",
     "task resistance",
     &StatedFigures::task_resistance,
     {"/tasks"}},
    {StatedId::protective_total,
     "protective_total",
     "",
     "protective total",
     &StatedFigures::protective_total,
     {"/protective_principles"}},
    {StatedId::evidence_total,
     "evidence_total",
     "",
     "evidence total",
     &StatedFigures::evidence_total,
     {"/evidence"}},
    {StatedId::barrier_total,
     "barrier_total",
     "",
     "barrier total",
     &StatedFigures::barrier_total,
     {"/barriers"}},
    {StatedId::evidence_modifier,
     "evidence_modifier",
     "",
     "evidence modifier",
     &StatedFigures::evidence_modifier,
     {"/evidence"}},
    {StatedId::barrier_modifier,
     "barrier_modifier",
     "",
     "barrier modifier",
     &StatedFigures::barrier_modifier,
     {"/barriers"}},
    {StatedId::growth_modifier,
     "growth_modifier",
     "",
     "growth modifier",
     &StatedFigures::growth_modifier,
     {"/growth_correlation"}},
    {StatedId::raw, "raw", "", "raw score", &StatedFigures::raw, k_formula_inputs},
    {StatedId::aijri, "aijri", "", "AIJRI", &StatedFigures::aijri, k_formula_inputs},
    {StatedId::zone, "zone", "", "zone", nullptr, k_formula_inputs},
    {StatedId::sub_label, "sub_label", "", "sub-label", nullptr, k_formula_inputs},
    {StatedId::pct_time_3plus,
     "pct_time_3plus",
     "",
     "% of task time scoring 3+",
     &StatedFigures::pct_time_3plus,
     {"/tasks"}},
    {StatedId::split_displacement,
     "displacement",
     k_stated_split,
     "displacement share",
     &StatedFigures::split_displacement,
     {"/tasks"},
     true},
    {StatedId::split_augmentation,
     "augmentation",
     k_stated_split,
     "augmentation share",
     &StatedFigures::split_augmentation,
     {"/tasks"},
     true},
    {StatedId::split_not_involved,
     "not_involved",
     k_stated_split,
     "not-involved share",
     &StatedFigures::split_not_involved,
     {"/tasks"},
     true},
}};

constexpr const StatedFigure& stated_figure(StatedId id) {
    return k_stated_figures[static_cast<std::size_t>(id)];
}

namespace detail {

constexpr bool stated_figures_in_order() {
    for (std::size_t i = 0; i < k_stated_figures.size(); ++i) {
        if (static_cast<std::size_t>(k_stated_figures[i].id) != i) {
            return false;
        }
    }
    return true;
}
static_assert(stated_figures_in_order(), "k_stated_figures is indexed by StatedId");

// The keys of one object: "stated" (group "") lists the split object in the place of its
// first figure.
constexpr std::size_t stated_key_count(std::string_view group) {
    std::size_t count = 0;
    std::string_view previous;
    for (const StatedFigure& f : k_stated_figures) {
        if (f.group == group) {
            ++count;
        } else if (group.empty() && f.group != previous) {
            ++count;
        }
        previous = f.group;
    }
    return count;
}

template <std::size_t N>
constexpr std::array<std::string_view, N> stated_keys(std::string_view group) {
    std::array<std::string_view, N> keys{};
    std::size_t count = 0;
    std::string_view previous;
    for (const StatedFigure& f : k_stated_figures) {
        if (f.group == group) {
            keys[count++] = f.key;
        } else if (group.empty() && f.group != previous) {
            keys[count++] = f.group;
        }
        previous = f.group;
    }
    return keys;
}

} // namespace detail

// The keys the "stated" object and its split object accept, in the format's order.
inline constexpr auto k_stated_keys =
    detail::stated_keys<detail::stated_key_count("")>(std::string_view());
inline constexpr auto k_stated_split_keys =
    detail::stated_keys<detail::stated_key_count(k_stated_split)>(k_stated_split);

} // namespace aijri
