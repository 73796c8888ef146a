// The result object of ASSESSMENT-FORMAT.md, key for key.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "aijri/evaluate.hpp"

namespace aijri {

// Appends the result object of a valid assessment, otherwise {"file", "errors": [...]}, as
// JSON text (indent < 0: one line), the way dump_json() writes JSON. A record of a JSONL
// stream also gets "line", and a role that tripped a gate "gate" (the gate's message).
void append_result_json(std::string& out, const Evaluation& evaluation,
                        const Methodology& methodology,
                        const std::optional<std::string>& gate = std::nullopt, int indent = -1);

// The same object as a JSON value, for callers that want to look inside it.
nlohmann::ordered_json result_json(const Evaluation& evaluation, const Methodology& methodology);

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
