// Assessments come as JSON or as documents (Markdown, as analysts write and publish them).
// Which one a file is, is decided here and in evaluate() only: by the file's extension, by
// --input-format, or, for a name with neither extension (standard input), by its content.
#pragma once

#include <optional>
#include <string_view>

namespace aijri {

enum class InputFormat {
    automatic, // *.json is JSON, *.md and *.markdown documents; other names by content
    json,      // every file is JSON; folders are walked for *.json only
    markdown,  // every file is a document; folders are walked for *.md and *.markdown only
};

// "auto", "json", "markdown".
std::optional<InputFormat> input_format_from_string(std::string_view text);

// Whether a folder walk reads a file of this name.
bool is_assessment_name(std::string_view name, InputFormat format);

} // namespace aijri
