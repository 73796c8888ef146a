#include "aijri/util/diagnostic.hpp"
#include <algorithm>

#include <fmt/format.h>

#include "aijri/util/text.hpp"
#include "aijri/util/utf8.hpp"

namespace aijri {

Diagnostic make_error(std::string pointer, SourcePosition position, std::string message) {
    return Diagnostic{Severity::error, std::move(pointer), position, std::move(message), {}};
}

Diagnostic make_warning(std::string message) {
    return Diagnostic{Severity::warning, "", {}, std::move(message), {}};
}

bool has_errors(const Diagnostics& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::string format_diagnostic(std::string_view file, const Diagnostic& diagnostic) {
    const std::string_view severity = diagnostic.severity == Severity::error ? "error" : "warning";
    std::string out(file);
    if (diagnostic.position.line > 0) {
        out += fmt::format(":{}:{}", diagnostic.position.line, diagnostic.position.column);
    }
    out += fmt::format(": {}: ", severity);
    if (!diagnostic.pointer.empty()) {
        out += diagnostic.pointer;
        out += ": ";
    }
    out += diagnostic.message;
    return out;
}

namespace {

// Bytes of the first `cells` characters of UTF-8 text.
std::size_t bytes_of_cells(std::string_view text, std::size_t cells) {
    std::size_t byte = 0;
    for (std::size_t n = 0; n < cells && byte < text.size(); ++n) {
        ++byte;
        while (byte < text.size() && detail::is_utf8_continuation(text[byte])) {
            ++byte;
        }
    }
    return byte;
}

constexpr std::size_t k_checkpoint_bytes = 4096;
// An excerpt keeps this many bytes before and after the column: at least the 50 and 100
// characters that format_diagnostic_with_source shows around it.
constexpr std::size_t k_excerpt_before = 256;
constexpr std::size_t k_excerpt_after = 512;

} // namespace

std::string format_diagnostic_with_source(std::string_view file, const Diagnostic& diagnostic) {
    std::string out = sanitize(format_diagnostic(file, diagnostic));
    if (diagnostic.source_line.empty() || diagnostic.position.column == 0) {
        return out;
    }
    // The caret goes under the character the column names. Sanitizing can widen what comes
    // before it (\x1b is 4 cells), so it is placed by the width of the sanitized prefix.
    const std::string_view raw = diagnostic.source_line;
    const std::size_t column = diagnostic.position.column - 1;
    const std::size_t in_excerpt = column - std::min(column, diagnostic.source_cut);
    const std::size_t split = bytes_of_cells(raw, in_excerpt);
    const std::string before = sanitize(raw.substr(0, split));
    std::string shown = before + sanitize(raw.substr(split));
    std::size_t caret = display_width(before);
    bool cut_left = diagnostic.source_cut > 0;
    // Show a window of the line around the caret so that a minified file stays readable.
    constexpr std::size_t k_window = 100;
    if (display_width(shown) > k_window) {
        const std::size_t start = caret > k_window / 2 ? caret - k_window / 2 : 0;
        shown = shorten(std::string_view(shown).substr(bytes_of_cells(shown, start)), k_window);
        caret -= start;
        cut_left = cut_left || start > 0;
    }
    if (cut_left) {
        shown = "…" + shown;
        ++caret;
    }
    out +=
        fmt::format("\n    {}\n    {:>{}}", shown, "^", std::min(caret, display_width(shown)) + 1);
    return out;
}

void LineIndex::build() const {
    m_line_starts.push_back(0);
    std::size_t column = 0; // characters since the start of the line
    for (std::size_t i = 0; i <= m_text.size(); ++i) {
        if (i % k_checkpoint_bytes == 0) {
            m_checkpoints.push_back(column);
        }
        if (i == m_text.size()) {
            break;
        }
        if (m_text[i] == '\n') {
            m_line_starts.push_back(i + 1);
            column = 0;
        } else if (!detail::is_utf8_continuation(m_text[i])) {
            ++column;
        }
    }
}

SourcePosition LineIndex::position_of(std::size_t offset) const {
    if (m_line_starts.empty()) {
        build();
    }
    offset = std::min(offset, m_text.size());
    const auto next = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
    const auto line = static_cast<std::size_t>(next - m_line_starts.begin());
    // Columns count characters, not bytes, so they match what an editor shows: every
    // byte that does not continue a UTF-8 sequence starts a character. Counting starts at
    // the nearest checkpoint within the line.
    std::size_t from = m_line_starts[line - 1];
    std::size_t column = 1;
    const std::size_t block = offset / k_checkpoint_bytes;
    if (block * k_checkpoint_bytes > from) {
        from = block * k_checkpoint_bytes;
        column += m_checkpoints[block];
    }
    for (std::size_t i = from; i < offset; ++i) {
        if (!detail::is_utf8_continuation(m_text[i])) {
            ++column;
        }
    }
    return SourcePosition{line, column};
}

std::string_view LineIndex::excerpt_at(std::size_t offset, std::size_t& cut) const {
    const SourcePosition at = position_of(offset);
    const std::string_view line = line_text(at.line);
    cut = 0;
    if (line.size() <= k_excerpt_before + k_excerpt_after) {
        return line;
    }
    const auto line_start = static_cast<std::size_t>(line.data() - m_text.data());
    const std::size_t in_line = std::min(offset, m_text.size()) - line_start;
    std::size_t begin = in_line > k_excerpt_before ? in_line - k_excerpt_before : 0;
    while (begin < in_line && detail::is_utf8_continuation(line[begin])) {
        ++begin; // never start inside a character
    }
    std::size_t end = std::min(line.size(), in_line + k_excerpt_after);
    while (end > in_line && end < line.size() && detail::is_utf8_continuation(line[end])) {
        --end;
    }
    std::size_t skipped = 0; // characters from begin to offset
    for (std::size_t i = begin; i < in_line; ++i) {
        if (!detail::is_utf8_continuation(line[i])) {
            ++skipped;
        }
    }
    cut = at.column - 1 - skipped;
    return line.substr(begin, end - begin);
}

std::string_view LineIndex::line_text(std::size_t line) const {
    if (m_line_starts.empty()) {
        build();
    }
    if (line == 0 || line > m_line_starts.size()) {
        return {};
    }
    const std::size_t start = m_line_starts[line - 1];
    std::size_t end = line < m_line_starts.size() ? m_line_starts[line] - 1 : m_text.size();
    if (end > start && m_text[end - 1] == '\r') {
        --end;
    }
    return m_text.substr(start, end - start);
}

std::string pointer_append(std::string_view pointer, std::string_view token) {
    std::string out(pointer);
    out.reserve(out.size() + token.size() + 1);
    out += '/';
    for (const char c : token) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

std::string pointer_append(std::string_view pointer, std::size_t index) {
    return fmt::format("{}/{}", pointer, index);
}

} // namespace aijri
