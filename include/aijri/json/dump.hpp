// JSON text of a string, as every command writes it.
#pragma once

#include <string>
#include <string_view>

namespace aijri {

// The JSON text of `text`, quotes included. It never throws: bytes that are not UTF-8
// become U+FFFD, and C1 controls, DEL, bidi overrides and U+2028/U+2029 are written as \u
// escapes, so that JSON printed to a terminal or pasted into a page cannot act on it.
std::string dump_json_string(std::string_view text);

} // namespace aijri
