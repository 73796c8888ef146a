// Assessments come as JSON or as documents (Markdown, as analysts write and publish them).
// Which one a file is, is decided here and in evaluate() only: by the file's extension, by
// --input-format, or, for a name with neither extension (standard input), by its content.
#pragma once

#include <array>
#include <string_view>

#include "aijri/util/enum_names.hpp"

namespace aijri {

enum class InputFormat {
    automatic, // *.json is JSON, *.md and *.markdown documents; other names by content
    json,      // every file is JSON; folders are walked for *.json only
    markdown,  // every file is a document; folders are walked for *.md and *.markdown only
};

inline constexpr std::array<EnumName<InputFormat>, 3> k_input_format_names = {{
    {"auto", InputFormat::automatic},
    {"json", InputFormat::json},
    {"markdown", InputFormat::markdown},
}};

// Whether a folder walk reads a file of this name.
bool is_assessment_name(std::string_view name, InputFormat format);

} // namespace aijri
