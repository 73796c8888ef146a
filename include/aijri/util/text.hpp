// Text for people: terminal-safe, measured in characters, wrapped and shortened.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace aijri {

// ASCII classes and case, whatever the locale: <cctype> asks the locale, and a negative char
// is undefined behaviour there.
constexpr bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}
constexpr bool is_ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr char to_ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
constexpr char to_ascii_upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}
// The text with its ASCII letters in one case; every other byte as it was.
std::string to_ascii_lower(std::string text);
std::string to_ascii_upper(std::string text);

// Makes file content safe to print: control characters, DEL, C1 controls, bidi overrides,
// Unicode line separators and bytes that are not UTF-8 become visible escapes ("\x1b",
// "\u202e", "\xff"), so an assessment or a file name can never move the cursor, change
// colours, set a window title or reorder what a reviewer sees. The result is valid UTF-8.
// Line breaks and tabs become spaces; with `keep_newlines`, line breaks stay ("\r\n" becomes
// "\n"). Sanitizing twice changes nothing more.
std::string sanitize(std::string_view text, bool keep_newlines = false);

// What sanitize() escapes: C0 and C1 controls, DEL, bidi controls, U+2028 and U+2029.
bool is_unsafe_code_point(std::uint32_t code_point);

// Width in terminal cells, counting one per character; colour escapes take none.
std::size_t display_width(std::string_view text);

// Shortens to at most `width` cells, ending in "…" when something was cut.
std::string shorten(std::string_view text, std::size_t width);

// Shortens to at most `width` cells from the start, beginning with "…": what is kept of a
// path is its end, the file's own name.
std::string shorten_start(std::string_view text, std::size_t width);

// Pads with spaces to `width` cells (left-aligned, or right-aligned when `right`).
std::string pad(std::string_view text, std::size_t width, bool right = false);

// Greedy word wrap to lines of at most `width` cells; words longer than a line are cut.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

// The number of single-character edits (a transposition counts as one) from `a` to `b`.
std::size_t edit_distance(std::string_view a, std::string_view b);

// What a "did you mean" offers: the candidate nearest to `word`, ignoring case, when it is
// at most two edits away and `word` has more than two characters. The first of equals wins.
std::optional<std::string_view> closest_match(std::string_view word,
                                              std::span<const std::string_view> candidates);

// CI systems read some lines of a log as commands: GitHub Actions a line that begins with
// "::" (after blanks), and "##[" anywhere in a line; Azure Pipelines "##vso[", TeamCity
// "##teamcity[". Text from a file must never give one: LineGuard passes text through and puts a
// backslash before the second character of each such sequence ("\::error::", "#\#[error]"),
// which Markdown reads as the same characters. Text may come in pieces of any size: what
// could still become a command waits until the next piece (or finish()) decides.
class LineGuard {
public:
    void append(std::string& out, std::string_view text);
    // Appends what was held back at the end of the last piece.
    void finish(std::string& out);

private:
    void append_line_part(std::string& out, std::string_view part);

    std::string m_pending;       // blanks at a line's start, then at most one ':' or '#'
    bool m_at_line_start = true; // no character but blanks since the last line break
    std::size_t m_hashes = 0;    // '#' just written at the end of the last piece (at most 2)
};

// The whole of `text` through a LineGuard.
std::string guard_lines(std::string_view text);

// Removes a UTF-8 byte order mark, which editors on Windows like to write.
std::string_view strip_bom(std::string_view text);

} // namespace aijri
