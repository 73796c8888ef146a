// Text for people: terminal-safe, measured in characters, wrapped and shortened.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aijri {

// Makes file content safe to print: control characters, DEL, C1 controls, bidi overrides,
// Unicode line separators and bytes that are not UTF-8 become visible escapes ("\x1b",
// "\u202e", "\xff"), so an assessment or a file name can never move the cursor, change
// colours, set a window title or reorder what a reviewer sees. The result is valid UTF-8.
// Line breaks and tabs become spaces; with `keep_newlines`, line breaks stay ("\r\n" becomes
// "\n"). Sanitizing twice changes nothing more.
std::string sanitize(std::string_view text, bool keep_newlines = false);

// What sanitize() escapes: C0 and C1 controls, DEL, bidi controls, U+2028 and U+2029.
bool is_unsafe_code_point(std::uint32_t code_point);

// Width in terminal cells, counting one per character.
std::size_t display_width(std::string_view text);

// Shortens to at most `width` cells, ending in "…" when something was cut.
std::string shorten(std::string_view text, std::size_t width);

// Pads with spaces to `width` cells (left-aligned, or right-aligned when `right`).
std::string pad(std::string_view text, std::size_t width, bool right = false);

// Greedy word wrap to lines of at most `width` cells; words longer than a line are cut.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

} // namespace aijri
