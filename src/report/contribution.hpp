// How every report writes an input's contribution to a change (attribute_change()): a diff's
// roles, a what-if (--set) and a scenario, in text and in JSON, written in one place.
#pragma once

#include <string>

#include "aijri/batch/evaluate.hpp"
#include "aijri/json/writer.hpp"
#include "aijri/scoring/attribution.hpp"
#include "aijri/util/rational.hpp"

namespace aijri::report_detail {

// "+2.16", "−24.50" (a true minus sign), "0.00".
std::string signed_fixed(const Rational& value, int decimals);
// An input's value as its file writes it: "3", "12.5", "(none)", "task \"…\"".
std::string value_text(const InputValue& value);
// The contribution names a task's own input (its share, score or impact).
bool names_task(const Contribution& c);
// The input had another pointer in the old file: its task moved in the list.
bool moved(const Contribution& c);
// /tasks/1/score "Debug convergence" (was /tasks/0/score). Unescaped.
std::string input_label(const Contribution& c);
// "/evidence/wage_trends/score: 1 → 2: +2.16". Unescaped.
std::string contribution_text(const Contribution& c);
// The contribution as a JSON object: input, old_input, task, old, new, points, points_exact.
void write_contribution(detail::JsonWriter& w, const Contribution& c);
// A what-if (--set) as a JSON object: set, original, edited (with its contributions), as
// `score` and `robustness` both write it.
void write_what_if(detail::JsonWriter& w, const WhatIf& what_if, int decimals);

} // namespace aijri::report_detail
