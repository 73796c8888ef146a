#include "aijri/json/writer.hpp"
#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cstring>
#include <limits>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "aijri/json/syntax.hpp"
#include "aijri/util/text.hpp"
#include "aijri/util/utf8.hpp"

#include "dom.hpp"
#include "json_string.hpp"

namespace aijri::detail {
namespace {
std::size_t plain_prefix(std::string_view text);
} // namespace

void JsonWriter::open(char bracket) {
    before_value();
    if (m_depth + 1 >= k_max_depth) {
        throw std::logic_error("JsonWriter: nesting too deep");
    }
    ++m_depth;
    m_has_members &= ~(std::uint64_t{1} << static_cast<unsigned>(m_depth));
    m_out += bracket;
}

void JsonWriter::close(char bracket) {
    const bool had_members = (m_has_members >> static_cast<unsigned>(m_depth)) & 1U;
    --m_depth;
    if (had_members) {
        new_line();
    }
    m_out += bracket;
}

void JsonWriter::before_value() {
    if (m_after_key) {
        m_after_key = false;
        return;
    }
    if (m_depth == 0) {
        return;
    }
    const std::uint64_t bit = std::uint64_t{1} << static_cast<unsigned>(m_depth);
    if ((m_has_members & bit) != 0) {
        m_out += ',';
    }
    m_has_members |= bit;
    new_line();
}

void JsonWriter::new_line() {
    if (m_indent < 0) {
        return;
    }
    // A line break and its indentation in one append: a report writes one per member.
    static constexpr std::string_view k_break =
        "\n                                                                "; // 64 spaces
    const auto width = static_cast<std::size_t>(m_indent * m_depth);
    if (width < k_break.size()) {
        m_out.append(k_break.data(), width + 1);
        return;
    }
    m_out += '\n';
    m_out.append(width, ' ');
}

void JsonWriter::key(std::string_view name) {
    before_value();
    // Keys are names from the format ("task_resistance"): nothing to escape, which the
    // writer checks in debug builds rather than scans for in every key of every result.
    assert(plain_prefix(name) == name.size());
    // A report writes a key for every member: the quoted name and its colon in one append.
    std::array<char, 68> piece; // not zeroed: each byte used is written first
    if (name.size() + 4 > piece.size()) {
        m_out += '"';
        m_out += name;
        m_out += m_indent < 0 ? "\":" : "\": ";
        m_after_key = true;
        return;
    }
    std::size_t size = 0;
    piece[size++] = '"';
    std::memcpy(piece.data() + size, name.data(), name.size());
    size += name.size();
    piece[size++] = '"';
    piece[size++] = ':';
    if (m_indent >= 0) {
        piece[size++] = ' ';
    }
    m_out.append(piece.data(), size);
    m_after_key = true;
}

void JsonWriter::data_key(std::string_view name) {
    before_value();
    append_json_string(m_out, name);
    m_out += m_indent < 0 ? ":" : ": ";
    m_after_key = true;
}

void JsonWriter::string(std::string_view text) {
    before_value();
    append_json_string(m_out, text);
}

void JsonWriter::null() {
    before_value();
    m_out += "null";
}

void JsonWriter::boolean(bool value) {
    before_value();
    m_out += value ? "true" : "false";
}

void JsonWriter::integer(std::int64_t value) {
    before_value();
    std::array<char, 24> buffer{};
    const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value).ptr;
    m_out.append(buffer.data(), end);
}

void JsonWriter::decimal(const Rational& value, int decimals) {
    before_value();
    m_out += json_decimal_text(value, decimals);
}

void JsonWriter::number(std::string_view json_text) {
    before_value();
    m_out += json_text;
}

namespace {

void append_escaped_byte(std::string& out, unsigned char c) {
    switch (c) {
    case '"':
        out += "\\\"";
        return;
    case '\\':
        out += "\\\\";
        return;
    case '\b':
        out += "\\b";
        return;
    case '\f':
        out += "\\f";
        return;
    case '\n':
        out += "\\n";
        return;
    case '\r':
        out += "\\r";
        return;
    case '\t':
        out += "\\t";
        return;
    default:
        out += fmt::format("\\u{:04x}", c); // the other C0 controls, and DEL
        return;
    }
}

bool needs_escape(unsigned char c) {
    return c < 0x20U || c == '"' || c == '\\' || c == 0x7FU;
}

// The length of the run of printable ASCII other than '"' and '\\' at the start of `text`,
// eight bytes at a time: what nearly all text is, and what is copied as it is.
std::size_t plain_prefix(std::string_view text) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    const auto has_zero = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
    std::size_t i = 0;
    while (text.size() - i >= sizeof(std::uint64_t)) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + i, sizeof word);
        // A byte below 0x20 or from 0x7F up (DEL, UTF-8), a quote, a backslash.
        const std::uint64_t special =
            (((word - ones * 0x20U) | (word + ones * 0x01U) | word) & highs) |
            has_zero(word ^ (ones * '"')) | has_zero(word ^ (ones * '\\'));
        if (special != 0) {
            break;
        }
        i += sizeof word;
    }
    while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80U &&
           !needs_escape(static_cast<unsigned char>(text[i]))) {
        ++i;
    }
    return i;
}

// "##[" and "##" before a letter are CI log commands wherever they stand in a line
// (GitHub's "##[error]", Azure's "##vso[", TeamCity's "##teamcity["): the second '#' of such
// a pair is written \u0023, the same string to every JSON reader. See LineGuard.
void guard_hashes(std::string& out, std::size_t from) {
    const auto opens_command = [](char c) { return c == '[' || is_ascii_alpha(c); };
    for (auto pair = out.find("##", from); pair != std::string::npos;
         pair = out.find("##", pair + 1)) {
        if (pair + 2 < out.size() && opens_command(out[pair + 2])) {
            out.replace(pair + 1, 1, "\\u0023");
        }
    }
}

} // namespace

void append_json_string(std::string& out, std::string_view text) {
    const std::size_t start = out.size();
    out += '"';
    std::size_t run = 0; // start of the bytes not yet copied
    for (std::size_t i = 0; i < text.size();) {
        i += plain_prefix(text.substr(i));
        if (i == text.size()) {
            break;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80U) {
            if (needs_escape(c)) {
                out.append(text, run, i - run);
                append_escaped_byte(out, c);
                run = i + 1;
            }
            ++i;
            continue;
        }
        const auto [length, cp] = utf8_char_at(text, i);
        if (length == 0) {
            // A byte that is not UTF-8 (only a file name can hold one) is written as sanitize()
            // shows it, "\xff": two names that differ only there stay two names.
            out.append(text, run, i - run);
            out += fmt::format("\\\\x{:02x}", c);
            run = i + 1;
            ++i;
            continue;
        }
        if (is_unsafe_code_point(cp)) {
            out.append(text, run, i - run);
            out += fmt::format("\\u{:04x}", cp);
            run = i + length;
        }
        i += length;
    }
    out.append(text, run, text.size() - run);
    out += '"';
    guard_hashes(out, start);
}

namespace {

// value × 10^decimals when that is whole (every published figure, probability and index is a
// decimal of its own precision): one multiplication instead of the rounding division, which
// was most of the cost of writing a robustness result.
std::optional<Int128> scaled_exactly(const Rational& value, int decimals) {
    constexpr std::array<std::uint64_t, 7> k_powers = {1, 10, 100, 1000, 10000, 100000, 1000000};
    if (decimals < 0 || static_cast<std::size_t>(decimals) >= k_powers.size() ||
        value.denominator() > static_cast<Int128>(k_powers.back())) {
        return std::nullopt;
    }
    const std::uint64_t power = k_powers[static_cast<std::size_t>(decimals)];
    const auto denominator = static_cast<std::uint64_t>(value.denominator());
    if (power % denominator != 0) {
        return std::nullopt;
    }
    const Int128 limit = std::numeric_limits<std::int64_t>::max();
    if (value.numerator() > limit || value.numerator() < -limit) {
        return std::nullopt;
    }
    return value.numerator() * static_cast<Int128>(power / denominator);
}

} // namespace

std::string json_decimal_text(const Rational& value, int decimals) {
    // The text a double of this decimal prints as: its digits without trailing zeros, at
    // least one decimal. That holds while the decimal has at most 15 significant digits (it
    // survives the round trip through a double) and is printed in fixed notation (from 0.001
    // up to 15 integer digits); other figures take the double's own printing.
    const auto as_double = [&] {
        return nlohmann::ordered_json(json_number(value, decimals)).dump();
    };
    const Int128 scaled = scaled_exactly(value, decimals).value_or(value.scaled_round(decimals));
    if (decimals == 0) {
        return fmt::format("{}", static_cast<std::int64_t>(scaled));
    }
    constexpr Int128 k_limit = 1'000'000'000'000'000; // 10^15: at most 15 digits
    if (scaled >= k_limit || scaled <= -k_limit || decimals > 15) {
        return as_double();
    }
    std::array<char, 24> digits{};
    const bool negative = scaled < 0;
    const auto magnitude = static_cast<std::uint64_t>(negative ? -scaled : scaled);
    const std::size_t count = static_cast<std::size_t>(
        std::to_chars(digits.data(), digits.data() + digits.size(), magnitude).ptr - digits.data());
    const auto width = static_cast<std::size_t>(decimals);
    std::string text = negative ? "-" : "";
    std::string_view all(digits.data(), count);
    std::string padded;
    if (count <= width) { // 0.0…: the integer part is 0
        padded.assign(width + 1 - count, '0');
        padded += all;
        all = padded;
    }
    const std::string_view integer = all.substr(0, all.size() - width);
    std::string_view fraction = all.substr(all.size() - width);
    while (!fraction.empty() && fraction.back() == '0') {
        fraction.remove_suffix(1);
    }
    if (integer == "0") {
        if (fraction.empty()) {
            return negative ? as_double() : "0.0"; // -0.0 is the double's business
        }
        if (fraction.find_first_not_of('0') > 3) {
            return as_double(); // 0.0001 and below print with an exponent
        }
    }
    text += integer;
    text += '.';
    text += fraction.empty() ? std::string_view("0") : fraction;
    return text;
}

} // namespace aijri::detail
