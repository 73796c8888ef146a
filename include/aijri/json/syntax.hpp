// A strict RFC 8259 scanner that says exactly where and why a text is not JSON.
// The fast reader (simdjson) only says *that* something is wrong; this scanner runs
// afterwards, on the rare broken file, to produce a message a person can act on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "aijri/util/utf8.hpp"

namespace aijri::detail {

struct SyntaxError {
    std::size_t offset = 0; // byte offset of the offending character in the text
    std::string pointer;    // JSON pointer of the value being read when it went wrong
    std::string message;
};

// Scans `text` (any UTF-8 byte order mark already removed) as one JSON document.
// Returns the first error, or nullopt when the text is a valid JSON document whose
// nesting does not exceed `max_depth` arrays/objects.
std::optional<SyntaxError> find_syntax_error(std::string_view text, std::size_t max_depth);

// The content of the JSON string whose opening quote is at `open`, in a text that the
// scanner has found valid.
std::string decode_string(std::string_view text, std::size_t open);

} // namespace aijri::detail
