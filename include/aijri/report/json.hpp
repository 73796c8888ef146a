// The result object of ASSESSMENT-FORMAT.md, key for key.
#pragma once

#include <optional>
#include <string>

#include "aijri/batch/evaluate.hpp"

namespace aijri {

// Appends the result object of a valid assessment, otherwise {"file", "errors": [...]}, as
// JSON text (indent < 0: one line), the way dump_json() writes JSON. A record of a JSONL
// stream also gets "line", and a role that tripped a gate "gate" (the gate's message).
void append_result_json(std::string& out, const Evaluation& evaluation,
                        const Methodology& methodology,
                        const std::optional<std::string>& gate = std::nullopt, int indent = -1);

} // namespace aijri
