// The JSON Schema (draft 2020-12) of the assessment format, for editors and other validators.
#pragma once

#include <nlohmann/json.hpp>

namespace aijri {

nlohmann::ordered_json assessment_schema();

} // namespace aijri
