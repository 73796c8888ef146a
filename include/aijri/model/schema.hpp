// The JSON Schema (draft 2020-12) of the assessment format, for editors and other validators.
#pragma once

#include <string>

namespace aijri {

// Its JSON text, indented by two spaces, without a final newline.
std::string assessment_schema();

} // namespace aijri
