#include "aijri/util/text.hpp"
#include <algorithm>

#include <fmt/format.h>

#include "aijri/util/utf8.hpp"

namespace aijri {
namespace {

// Length of the colour or style escape (CSI: ESC '[' parameters, a final byte in @..~) that
// starts at `i`, else 0. Only the reports write escapes (sanitize() removes them from text
// that came from a file), and they take no room on the screen.
std::size_t escape_length(std::string_view text, std::size_t i) {
    if (text[i] != '\x1b' || i + 1 >= text.size() || text[i + 1] != '[') {
        return 0;
    }
    for (std::size_t k = i + 2; k < text.size(); ++k) {
        if (text[k] >= '@' && text[k] <= '~') {
            return k + 1 - i;
        }
    }
    return text.size() - i;
}

// Code points that reorder text (Trojan Source) are shown, not obeyed.
bool is_bidi_control(std::uint32_t cp) {
    return (cp >= 0x202AU && cp <= 0x202EU) || (cp >= 0x2066U && cp <= 0x2069U) || cp == 0x200EU ||
           cp == 0x200FU || cp == 0x061CU;
}

// Line and paragraph separators: some viewers break lines at them, so they could make a
// one-line report entry look like two.
bool is_unicode_line_break(std::uint32_t cp) {
    return cp == 0x2028U || cp == 0x2029U;
}

} // namespace

bool is_unsafe_code_point(std::uint32_t cp) {
    return cp < 0x20U || (cp >= 0x7FU && cp <= 0x9FU) || is_bidi_control(cp) ||
           is_unicode_line_break(cp);
}

std::string sanitize(std::string_view text, bool keep_newlines) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        // Printable ASCII, nearly all of any report, is copied a run at a time: byte by byte,
        // sanitizing was a quarter of writing an HTML portfolio.
        std::size_t run = i;
        while (run < text.size() && static_cast<unsigned char>(text[run]) >= 0x20 &&
               static_cast<unsigned char>(text[run]) < 0x7f) {
            ++run;
        }
        out.append(text.substr(i, run - i));
        i = run;
        if (i == text.size()) {
            break;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n' || c == '\t' || c == '\r') {
            if (c == '\n' && keep_newlines) {
                out += '\n';
            } else if (c != '\r' || !keep_newlines) {
                out += ' ';
            }
            ++i;
            continue;
        }
        // Bytes that are not UTF-8 (a file name in Latin-1) are shown as bytes: passed on raw,
        // 0x9B is CSI on a terminal that is not in UTF-8 mode.
        const auto [length, cp] = detail::utf8_char_at(text, i);
        if (length == 0) {
            out += fmt::format("\\x{:02x}", c);
            ++i;
            continue;
        }
        if (is_unsafe_code_point(cp)) {
            out += cp < 0x80U ? fmt::format("\\x{:02x}", cp) : fmt::format("\\u{:04x}", cp);
        } else {
            out.append(text.substr(i, length));
        }
        i += length;
    }
    return out;
}

std::string to_ascii_lower(std::string text) {
    for (char& c : text) {
        c = to_ascii_lower(c);
    }
    return text;
}

std::string to_ascii_upper(std::string text) {
    for (char& c : text) {
        c = to_ascii_upper(c);
    }
    return text;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (const std::size_t escape = escape_length(text, i); escape > 0) {
            i += escape - 1;
        } else if (!detail::is_utf8_continuation(text[i])) {
            ++width;
        }
    }
    return width;
}

std::string shorten(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) {
        return std::string(text);
    }
    if (width == 0) {
        return {};
    }
    std::size_t cells = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t length = detail::utf8_lead_length(text[i]);
        if (cells + 1 > width - 1) {
            break;
        }
        ++cells;
        i += length;
    }
    std::string out(text.substr(0, std::min(i, text.size())));
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out + "…";
}

std::string shorten_start(std::string_view text, std::size_t width) {
    const std::size_t cells = display_width(text);
    if (cells <= width) {
        return std::string(text);
    }
    if (width == 0) {
        return {};
    }
    // Skip the characters that do not fit, counted from the start.
    std::size_t drop = cells - (width - 1);
    std::size_t i = 0;
    while (i < text.size() && drop > 0) {
        i += detail::utf8_lead_length(text[i]);
        --drop;
    }
    return "…" + std::string(text.substr(std::min(i, text.size())));
}

std::string pad(std::string_view text, std::size_t width, bool right) {
    const std::size_t used = display_width(text);
    const std::string fill(width > used ? width - used : 0, ' ');
    return right ? fill + std::string(text) : std::string(text) + fill;
}

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    width = std::max<std::size_t>(width, 8);
    std::string line;
    std::size_t line_width = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == ' ' || text[i] == '\n') {
            if (text[i] == '\n') {
                lines.push_back(line);
                line.clear();
                line_width = 0;
            }
            ++i;
            continue;
        }
        std::size_t end = text.find_first_of(" \n", i);
        end = end == std::string_view::npos ? text.size() : end;
        std::string_view word = text.substr(i, end - i);
        i = end;
        std::size_t word_width = display_width(word);
        while (word_width > width) {
            // A word longer than a whole line (a URL) is cut rather than overflowing.
            if (!line.empty()) {
                lines.push_back(line);
                line.clear();
                line_width = 0;
            }
            std::size_t cut = 0;
            std::size_t cells = 0;
            while (cut < word.size() && cells < width) {
                if (const std::size_t escape = escape_length(word, cut); escape > 0) {
                    cut += escape;
                    continue;
                }
                cut += detail::utf8_lead_length(word[cut]);
                ++cells;
            }
            cut = std::min(cut, word.size());
            lines.emplace_back(word.substr(0, cut));
            word.remove_prefix(cut);
            word_width -= std::min(word_width, cells);
        }
        if (word_width == 0) {
            continue;
        }
        if (line_width > 0 && line_width + 1 + word_width > width) {
            lines.push_back(line);
            line.clear();
            line_width = 0;
        }
        if (line_width > 0) {
            line += ' ';
            ++line_width;
        }
        line += word;
        line_width += word_width;
    }
    if (!line.empty() || lines.empty()) {
        lines.push_back(line);
    }
    return lines;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment distance: a transposition counts as one edit.
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
    for (std::size_t i = 0; i <= n; ++i) {
        d[i][0] = i;
    }
    for (std::size_t j = 0; j <= m; ++j) {
        d[0][j] = j;
    }
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[n][m];
}

std::optional<std::string_view> closest_match(std::string_view word,
                                              std::span<const std::string_view> candidates) {
    const auto lower = [](std::string_view text) { return to_ascii_lower(std::string(text)); };
    if (word.size() <= 2) {
        return std::nullopt;
    }
    const std::string folded = lower(word);
    std::optional<std::string_view> best;
    std::size_t best_distance = 3;
    for (const std::string_view candidate : candidates) {
        // The distance is at least the difference in length: checking that first keeps a
        // multi-megabyte word from costing a table of word × candidate cells.
        const std::size_t longer = std::max(word.size(), candidate.size());
        const std::size_t shorter = std::min(word.size(), candidate.size());
        if (longer - shorter >= best_distance) {
            continue;
        }
        const std::size_t distance = edit_distance(folded, lower(candidate));
        if (distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    return best;
}

namespace {

bool opens_command(char c) {
    return c == '[' || is_ascii_alpha(c);
}

} // namespace

void LineGuard::append(std::string& out, std::string_view text) {
    while (!text.empty()) {
        if (m_at_line_start) {
            const char c = text.front();
            const bool after_colon = !m_pending.empty() && m_pending.back() == ':';
            if ((c == ' ' || c == '\t') && !after_colon) {
                m_pending += c;
                text.remove_prefix(1);
                continue;
            }
            if (c == ':' && !after_colon) {
                m_pending += c;
                text.remove_prefix(1);
                continue;
            }
            if (c == ':') { // "::" begins the line: a GitHub workflow command
                m_pending.insert(m_pending.size() - 1, "\\");
            }
            out += m_pending;
            m_pending.clear();
            m_at_line_start = false;
        }
        const auto newline = text.find('\n');
        const std::string_view part = text.substr(0, newline);
        append_line_part(out, part);
        if (newline == std::string_view::npos) {
            return;
        }
        out += '\n';
        m_hashes = 0;
        m_at_line_start = true;
        text.remove_prefix(newline + 1);
    }
}

// `part` holds no line break. "##" followed by '[' or a letter gets its backslash, also when
// the '#'s came at the end of the last piece (they are written already: the backslash then
// goes before the command's first character, which breaks the sequence just as well).
void LineGuard::append_line_part(std::string& out, std::string_view part) {
    std::size_t from = 0;
    while (from < part.size()) {
        const char c = part[from];
        if (c == '#') {
            m_hashes = std::min<std::size_t>(m_hashes + 1, 2);
            out += c;
            if (m_hashes == 2 && from + 1 < part.size() && opens_command(part[from + 1])) {
                out.insert(out.size() - 1, "\\");
                m_hashes = 0;
            }
            ++from;
            continue;
        }
        if (m_hashes == 2 && opens_command(c)) {
            out += '\\';
        }
        m_hashes = 0;
        const auto hash = part.find('#', from);
        const std::size_t end = hash == std::string_view::npos ? part.size() : hash;
        out.append(part.substr(from, end - from));
        from = end;
    }
}

void LineGuard::finish(std::string& out) {
    out += m_pending;
    m_pending.clear();
}

std::string guard_lines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    LineGuard guard;
    guard.append(out, text);
    guard.finish(out);
    return out;
}

std::string_view strip_bom(std::string_view text) {
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (text.substr(0, bom.size()) == bom) {
        text.remove_prefix(bom.size());
    }
    return text;
}

} // namespace aijri
