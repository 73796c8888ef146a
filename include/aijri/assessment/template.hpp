// The new assessment `aijri init` writes: complete and valid, with every text the analyst's to
// write marked as a placeholder, which the reader warns of until it is written.
#pragma once

#include <string>
#include <string_view>

#include "aijri/model/assessment.hpp"

namespace aijri {

// A title or a task name that begins with this is a placeholder (so is an empty text).
inline constexpr std::string_view k_placeholder_mark = "TODO";

// Every section, the three principles, the five evidence and five barrier rows, one task that
// takes the whole time, neutral scores, and empty texts. `schema` is its "$schema".
Assessment new_assessment(std::string id, std::string schema);

} // namespace aijri
