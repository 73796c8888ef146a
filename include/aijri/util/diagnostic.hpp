// Errors and warnings are values: the library collects them, the CLI prints them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace aijri {

enum class Severity { error, warning };

// What a diagnostic is about, for the reports that file each problem under a rule (SARIF,
// GitLab Code Quality): the input breaks a rule of the format, or a figure the author stated
// is not the one the methodology computes (the file is well formed; its arithmetic is not).
enum class DiagnosticKind { input, stated_figure };

// 1-based line and column (columns count Unicode characters); 0 means "no position",
// as for a file that could not be read at all.
struct SourcePosition {
    std::size_t line = 0;
    std::size_t column = 0;
    friend bool operator==(const SourcePosition&, const SourcePosition&) = default;
};

struct Diagnostic {
    Severity severity = Severity::error;
    std::string pointer; // RFC 6901 JSON pointer of the value, "" for the whole document
    SourcePosition position;
    std::string message;     // "expected …, found …", without location
    std::string source_line; // the line of the file it points at, to show under the message
    // Characters of the line left out before source_line: a long line (a minified file is one
    // line) is kept as an excerpt around the column, so that memory does not grow with
    // errors × line length.
    std::size_t source_cut = 0;
    DiagnosticKind kind = DiagnosticKind::input;
    friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

using Diagnostics = std::vector<Diagnostic>;

Diagnostic make_error(std::string pointer, SourcePosition position, std::string message);
// A warning about the assessment as a whole (no position).
Diagnostic make_warning(std::string message);

bool has_errors(const Diagnostics& diagnostics);

// "file:14:18: error: /tasks/2/score: expected an integer from 1 to 5, found 7"
std::string format_diagnostic(std::string_view file, const Diagnostic& diagnostic);
// The message, then the source line and a caret under the column (as ninja and compilers
// do), for people reading a terminal. Text from the file is made terminal-safe.
std::string format_diagnostic_with_source(std::string_view file, const Diagnostic& diagnostic);

// Maps byte offsets of one text to line and column, lazily: building the index costs a
// pass over the text, which only a file with something to report ever pays.
class LineIndex {
public:
    explicit LineIndex(std::string_view text) : m_text(text) {}
    SourcePosition position_of(std::size_t offset) const;
    // The whole line that holds `offset`, without its line break.
    std::string_view line_text(std::size_t line) const;
    // The line that holds `offset`, or for a long line an excerpt around `offset` that is
    // long enough to be shown (format_diagnostic_with_source); `cut` is set to the number of
    // characters of the line left out before the excerpt.
    std::string_view excerpt_at(std::size_t offset, std::size_t& cut) const;

private:
    void build() const;
    std::string_view m_text;
    mutable std::vector<std::size_t> m_line_starts;
    // The column at every k_checkpoint_bytes-th byte, so that finding a column in a long line
    // does not count from the start of the line for every position asked for.
    mutable std::vector<std::size_t> m_checkpoints;
};

// Appends "/token" to a JSON pointer, escaping '~' and '/' as RFC 6901 requires.
std::string pointer_append(std::string_view pointer, std::string_view token);
std::string pointer_append(std::string_view pointer, std::size_t index);

} // namespace aijri
