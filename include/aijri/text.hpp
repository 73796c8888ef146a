// Text for people: terminal-safe, measured in characters, wrapped and shortened.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace aijri {

// Makes file content safe to print: control characters, DEL, C1 controls and bidi
// overrides become visible escapes ("\x1b", "\u202e"), so an assessment can never move
// the cursor, change colours, set a window title or reorder what a reviewer sees.
// Line breaks and tabs become spaces unless `keep_newlines`.
std::string sanitize(std::string_view text, bool keep_newlines = false);

// Width in terminal cells, counting one per character.
std::size_t display_width(std::string_view text);

// Shortens to at most `width` cells, ending in "…" when something was cut.
std::string shorten(std::string_view text, std::size_t width);

// Pads with spaces to `width` cells (left-aligned, or right-aligned when `right`).
std::string pad(std::string_view text, std::size_t width, bool right = false);

// Greedy word wrap to lines of at most `width` cells; words longer than a line are cut.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

} // namespace aijri
