// The result object of ASSESSMENT-FORMAT.md, key for key.
#pragma once

#include <nlohmann/json.hpp>

#include "aijri/evaluate.hpp"

namespace aijri {

// For a valid assessment the result object; otherwise {"file", "errors": [...]}.
nlohmann::ordered_json result_json(const Evaluation& evaluation, const Methodology& methodology);

// A decimal figure as a JSON number. The value is exact up to here; the conversion to the
// JSON number type happens at the edge and reproduces the decimal text exactly (a decimal
// of at most 15 significant digits survives the round trip through a double).
nlohmann::ordered_json json_number(const Rational& value, int decimals);

} // namespace aijri
