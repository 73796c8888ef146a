// JSON values held as nlohmann's DOM, for the json module and its tests: nlohmann is a
// private dependency, and the rest of the library writes JSON with JsonWriter.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "aijri/util/rational.hpp"

namespace aijri {

// JSON text of `value`, as every command writes it (indent < 0: one line). It never throws:
// bytes that are not UTF-8 (only a file name can have them) become U+FFFD, and C1 controls,
// bidi overrides and U+2028/U+2029 are written as \u escapes, so that JSON printed to a
// terminal or pasted into a page cannot act on it. The value itself is unchanged.
std::string dump_json(const nlohmann::ordered_json& value, int indent = -1);

// A decimal figure as a JSON number. The value is exact up to here; the conversion to the
// JSON number type happens at the edge and reproduces the decimal text exactly (a decimal
// of at most 15 significant digits survives the round trip through a double).
nlohmann::ordered_json json_number(const Rational& value, int decimals);

} // namespace aijri
