// An Assessment written as a format-1 JSON document (ASSESSMENT-FORMAT.md).
#pragma once

#include <string>

#include "aijri/model/assessment.hpp"

namespace aijri {

// Pretty-printed with two spaces (the layout of nlohmann's dump(2)), keys in the order of
// the format, ending in a newline; a range stays on one line ("range": [2, 4]). Stated figures keep
// the decimals they were written with ("1.10" stays 1.10: it is compared at two decimals), which is
// why numbers are written from their exact text rather than through a double.
// Empty texts are left out, unless `empty_texts` is write: `aijri init` writes every text key
// for the analyst to fill.
enum class EmptyTexts { omit, write };
std::string assessment_to_json(const Assessment& assessment,
                               EmptyTexts empty_texts = EmptyTexts::omit);

} // namespace aijri
