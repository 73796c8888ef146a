#include "aijri/diagnostic.hpp"
#include <algorithm>

#include <fmt/format.h>

#include "aijri/text.hpp"

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

std::string format_diagnostic_with_source(std::string_view file, const Diagnostic& diagnostic) {
    std::string out = sanitize(format_diagnostic(file, diagnostic));
    if (diagnostic.source_line.empty() || diagnostic.position.column == 0) {
        return out;
    }
    // Show a window of the line around the column so that a minified file stays readable.
    constexpr std::size_t k_window = 100;
    const std::string line = sanitize(diagnostic.source_line);
    std::size_t column = diagnostic.position.column - 1;
    std::string shown = line;
    if (display_width(line) > k_window) {
        std::size_t start = column > k_window / 2 ? column - k_window / 2 : 0;
        std::size_t byte = 0;
        for (std::size_t cells = 0; cells < start && byte < line.size(); ++byte) {
            if ((static_cast<unsigned char>(line[byte]) & 0xC0U) != 0x80U) {
                ++cells;
            }
        }
        while (byte < line.size() && (static_cast<unsigned char>(line[byte]) & 0xC0U) == 0x80U) {
            ++byte;
        }
        shown = shorten(std::string_view(line).substr(byte), k_window);
        column -= start;
        if (start > 0) {
            shown = "…" + shown;
            ++column;
        }
    }
    // Sanitizing can widen what came before the column (\x1b is 4 cells): the caret is
    // placed by the sanitized prefix, so it still points at the right character.
    out +=
        fmt::format("\n    {}\n    {:>{}}", shown, "^", std::min(column, display_width(shown)) + 1);
    return out;
}

void LineIndex::build() const {
    m_line_starts.push_back(0);
    for (std::size_t i = 0; i < m_text.size(); ++i) {
        if (m_text[i] == '\n') {
            m_line_starts.push_back(i + 1);
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
    const std::size_t start = m_line_starts[line - 1];
    // Columns count characters, not bytes, so they match what an editor shows: every
    // byte that does not continue a UTF-8 sequence starts a character.
    std::size_t column = 1;
    for (std::size_t i = start; i < offset; ++i) {
        if ((static_cast<unsigned char>(m_text[i]) & 0xC0U) != 0x80U) {
            ++column;
        }
    }
    return SourcePosition{line, column};
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
