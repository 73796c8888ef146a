// The scanner runs only on text the fast reader has already rejected, so it favours exact
// messages over speed; it still stays linear, never reads past the text, and keeps its own
// stack so that hostile nesting cannot overflow the C++ stack.
#include "aijri/json/syntax.hpp"
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#include "aijri/util/diagnostic.hpp"
#include "aijri/util/text.hpp"
#include "aijri/util/utf8.hpp"

namespace aijri::detail {
namespace {

constexpr std::size_t k_key_bytes_shown = 40;
constexpr std::string_view k_ellipsis = "\xE2\x80\xA6"; // "…" spelled in UTF-8 bytes
constexpr std::string_view k_lower_hex = "0123456789abcdef";
constexpr std::string_view k_upper_hex = "0123456789ABCDEF";
constexpr std::string_view k_simple_escapes = "\"\\/bfnrt";
// Characters that may end a number or a literal: whatever the grammar allows next, plus
// '"' and '[' / '{' (a missing comma reads better than "unexpected X after the number")
// and '/' (so that a comment gets its own message).
constexpr std::string_view k_token_delimiters = ",:[]{}\"/";

// Patterns for matches_pattern(): 'h' is a hex digit, 'D' is d/D, 'C' is c-f/C-F.
constexpr std::string_view k_hex4_pattern = "hhhh";
constexpr std::string_view k_low_surrogate_pattern = "\\uDChh";

constexpr std::string_view k_comments = "comments are not allowed in JSON";
constexpr std::string_view k_single_quotes = "strings must use double quotes, not single quotes";
constexpr std::string_view k_infinity = "Infinity is not a JSON number";

unsigned char byte_at(std::string_view text, std::size_t offset) {
    return static_cast<unsigned char>(text[offset]);
}

bool is_whitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool is_printable_ascii(unsigned char c) {
    return c >= 0x20 && c <= 0x7E;
}

bool is_high_surrogate(std::uint32_t unit) {
    return unit >= 0xD800 && unit <= 0xDBFF;
}

bool is_low_surrogate(std::uint32_t unit) {
    return unit >= 0xDC00 && unit <= 0xDFFF;
}

// Only for characters already known to be hex digits.
std::uint32_t hex_digit_value(char c) {
    if (is_ascii_digit(c)) {
        return static_cast<std::uint32_t>(c - '0');
    }
    if (c >= 'a' && c <= 'f') {
        return static_cast<std::uint32_t>(c - 'a' + 10);
    }
    return static_cast<std::uint32_t>(c - 'A' + 10);
}

bool is_hex_digit(char c) {
    return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool matches_pattern_char(char c, char pattern) {
    switch (pattern) {
    case 'h':
        return is_hex_digit(c);
    case 'D':
        return c == 'd' || c == 'D';
    case 'C':
        return (c >= 'c' && c <= 'f') || (c >= 'C' && c <= 'F');
    default:
        return c == pattern;
    }
}

// Whether the bytes from `offset` match `pattern` for as far as the text goes.
bool matches_available(std::string_view text, std::size_t offset, std::string_view pattern) {
    for (std::size_t i = 0; i < pattern.size() && offset + i < text.size(); ++i) {
        if (!matches_pattern_char(text[offset + i], pattern[i])) {
            return false;
        }
    }
    return true;
}

bool matches_pattern(std::string_view text, std::size_t offset, std::string_view pattern) {
    return text.size() - offset >= pattern.size() && matches_available(text, offset, pattern);
}

// The text ends while the pattern could still have matched: a truncated file, not a typo.
bool cut_short(std::string_view text, std::size_t offset, std::string_view pattern) {
    return text.size() - offset < pattern.size() && matches_available(text, offset, pattern);
}

std::uint32_t hex4_value(std::string_view text, std::size_t offset) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        value = value * 16 + hex_digit_value(text[offset + i]);
    }
    return value;
}

bool starts_with_at(std::string_view text, std::size_t offset, std::string_view word) {
    return offset <= text.size() && text.substr(offset).starts_with(word);
}

bool starts_comment(std::string_view text, std::size_t offset) {
    return starts_with_at(text, offset, "//") || starts_with_at(text, offset, "/*");
}

bool is_delimiter(std::string_view text, std::size_t offset) {
    return offset >= text.size() || is_whitespace(text[offset]) ||
           k_token_delimiters.find(text[offset]) != std::string_view::npos;
}

std::string hex_byte(unsigned char value) {
    std::string out = "0x";
    out += k_lower_hex[std::size_t{value} >> 4];
    out += k_lower_hex[std::size_t{value} & 0xFu];
    return out;
}

std::string hex_code_unit(std::uint32_t value) {
    std::string out(4, '0');
    for (std::size_t i = 4; i-- > 0; value >>= 4) {
        out[i] = k_upper_hex[value & 0xFu];
    }
    return out;
}

bool is_invalid_utf8_at(std::string_view text, std::size_t offset) {
    return offset < text.size() && utf8_sequence_length(text, offset) == 0;
}

// How a message names the character found at `offset`.
std::string describe(std::string_view text, std::size_t offset) {
    if (offset >= text.size()) {
        return "end of file";
    }
    const unsigned char c = byte_at(text, offset);
    if (is_printable_ascii(c)) {
        return std::string{'\'', text[offset], '\''};
    }
    const std::size_t length = c < 0x80 ? 0 : utf8_sequence_length(text, offset);
    if (length == 0) {
        return "byte " + hex_byte(c);
    }
    return "'" + std::string(text.substr(offset, length)) + "'";
}

char simple_escape_value(char kind) {
    switch (kind) {
    case 'b':
        return '\b';
    case 'f':
        return '\f';
    case 'n':
        return '\n';
    case 'r':
        return '\r';
    case 't':
        return '\t';
    default:
        return kind; // '"', '\\' and '/' stand for themselves
    }
}

// Decodes the escape at `backslash` of an already validated string; returns where it ends.
std::size_t decode_escape(std::string_view text, std::size_t backslash, std::string& out) {
    const char kind = text[backslash + 1];
    if (kind != 'u') {
        out += simple_escape_value(kind);
        return backslash + 2;
    }
    std::uint32_t code_point = hex4_value(text, backslash + 2);
    if (!is_high_surrogate(code_point)) {
        append_utf8(out, code_point);
        return backslash + 6;
    }
    const std::uint32_t low = hex4_value(text, backslash + 8);
    code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
    append_utf8(out, code_point);
    return backslash + 12;
}

} // namespace

// Only a report needs it, so keys are decoded on demand rather than kept while scanning.
std::string decode_string(std::string_view text, std::size_t open) {
    std::string out;
    std::size_t offset = open + 1;
    while (offset < text.size() && text[offset] != '"') {
        if (text[offset] == '\\') {
            offset = decode_escape(text, offset, out);
        } else {
            out += text[offset++];
        }
    }
    return out;
}

namespace {

std::string quote_key(std::string_view key) {
    if (key.size() <= k_key_bytes_shown) {
        return "\"" + std::string(key) + "\"";
    }
    std::size_t cut = k_key_bytes_shown;
    while (cut > 0 && is_utf8_continuation(key[cut])) {
        --cut; // never split a UTF-8 character
    }
    return "\"" + std::string(key.substr(0, cut)) + std::string(k_ellipsis) + "\"";
}

// Which JSON pointer an error gets: the value being read, or the array/object around
// the position (for keys, separators and closing brackets).
enum class Scope { value, container };

enum class FrameKind : unsigned char { array, object };

struct Frame {
    FrameKind kind = FrameKind::array;
    // Arrays: index of the current element. Objects: offset of the current key's quote,
    // so that the stack stays small however long the keys are.
    std::size_t token = 0;
};

class Scanner {
public:
    Scanner(std::string_view text, std::size_t max_depth) : m_text(text), m_max_depth(max_depth) {}
    std::optional<SyntaxError> run();

private:
    bool at_end() const { return m_pos >= m_text.size(); }
    bool at(char c) const { return !at_end() && m_text[m_pos] == c; }
    bool digit_at(std::size_t offset) const {
        return offset < m_text.size() && is_ascii_digit(m_text[offset]);
    }
    bool char_at(std::size_t offset, char c) const {
        return offset < m_text.size() && m_text[offset] == c;
    }
    std::size_t skip_digits(std::size_t offset) const;
    void skip_whitespace();

    bool read_value();
    bool open_container(FrameKind kind);
    bool close_container();
    bool after_value();
    bool after_element();
    bool after_member();
    bool read_key(bool after_comma);

    bool read_string(Scope scope);
    std::optional<std::size_t> read_escape(std::size_t backslash, std::size_t open, Scope scope);
    std::optional<std::size_t> read_unicode_escape(std::size_t backslash, std::size_t open,
                                                   Scope scope);
    bool read_literal(std::string_view word);
    bool read_number();
    std::optional<std::size_t> read_integer_part(std::size_t offset);
    std::optional<std::size_t> read_fraction(std::size_t offset);
    std::optional<std::size_t> read_exponent(std::size_t offset);
    bool finish();

    bool fail(std::size_t offset, Scope scope, std::string message);
    bool fail_found(std::size_t offset, Scope scope, std::string_view before,
                    std::string_view after);
    bool fail_structural(std::string_view before);
    bool fail_unexpected_value();
    bool fail_unclosed();
    bool fail_unterminated(std::size_t open, Scope scope);
    bool fail_invalid_escape(std::size_t backslash, Scope scope);
    std::string pointer(Scope scope) const;

    std::string_view m_text;
    std::size_t m_max_depth;
    std::size_t m_pos = 0;
    bool m_expect_value = true;
    std::vector<Frame> m_stack;
    std::optional<SyntaxError> m_error;
};

std::optional<SyntaxError> Scanner::run() {
    skip_whitespace();
    if (at_end()) {
        fail(m_pos, Scope::value, "the file is empty: expected a JSON object");
        return m_error;
    }
    // A loop over an explicit stack instead of recursion: the depth is the input's choice.
    bool ok = true;
    while (ok && (m_expect_value || !m_stack.empty())) {
        ok = m_expect_value ? read_value() : after_value();
    }
    if (ok) {
        finish();
    }
    return m_error;
}

std::size_t Scanner::skip_digits(std::size_t offset) const {
    while (digit_at(offset)) {
        ++offset;
    }
    return offset;
}

void Scanner::skip_whitespace() {
    while (!at_end() && is_whitespace(m_text[m_pos])) {
        ++m_pos;
    }
}

bool Scanner::read_value() {
    skip_whitespace();
    if (at_end()) {
        return fail_unclosed();
    }
    m_expect_value = false;
    const char c = m_text[m_pos];
    switch (c) {
    case '{':
        return open_container(FrameKind::object);
    case '[':
        return open_container(FrameKind::array);
    case '"':
        return read_string(Scope::value);
    case 't':
        return read_literal("true");
    case 'f':
        return read_literal("false");
    case 'n':
        return read_literal("null");
    default:
        break;
    }
    if (c == '-' || is_ascii_digit(c)) {
        return read_number();
    }
    return fail_unexpected_value();
}

bool Scanner::open_container(FrameKind kind) {
    if (m_stack.size() >= m_max_depth) {
        return fail(m_pos, Scope::value,
                    "nesting deeper than " + std::to_string(m_max_depth) + " levels");
    }
    m_stack.push_back(Frame{kind, 0});
    ++m_pos;
    skip_whitespace();
    if (at(kind == FrameKind::object ? '}' : ']')) {
        return close_container();
    }
    if (kind == FrameKind::array) {
        m_expect_value = true;
        return true;
    }
    return read_key(false);
}

bool Scanner::close_container() {
    ++m_pos;
    m_stack.pop_back();
    m_expect_value = false;
    return true;
}

bool Scanner::after_value() {
    skip_whitespace();
    return m_stack.back().kind == FrameKind::array ? after_element() : after_member();
}

bool Scanner::after_element() {
    if (at(']')) {
        return close_container();
    }
    if (!at(',')) {
        return fail_structural("expected ',' or ']' after an element of the array, found ");
    }
    ++m_pos;
    skip_whitespace();
    if (at(']')) {
        return fail(m_pos, Scope::container, "trailing comma before ']'");
    }
    ++m_stack.back().token;
    m_expect_value = true;
    return true;
}

bool Scanner::after_member() {
    if (at('}')) {
        return close_container();
    }
    if (!at(',')) {
        return fail_structural("expected ',' or '}' after a member of the object, found ");
    }
    ++m_pos;
    skip_whitespace();
    if (at('}')) {
        return fail(m_pos, Scope::container, "trailing comma before '}'");
    }
    return read_key(true);
}

// Reads `"key" :` with the whitespace around the colon; the value is read next.
bool Scanner::read_key(bool after_comma) {
    if (at('\'')) {
        return fail(m_pos, Scope::container, std::string(k_single_quotes));
    }
    if (!at('"')) {
        return fail_structural(after_comma ? "expected a string key, found "
                                           : "expected a string key or '}', found ");
    }
    const std::size_t key_offset = m_pos;
    if (!read_string(Scope::container)) {
        return false;
    }
    skip_whitespace();
    if (!at(':')) {
        const std::string key = quote_key(decode_string(m_text, key_offset));
        return fail_structural("expected ':' after the key " + key + ", found ");
    }
    ++m_pos;
    m_stack.back().token = key_offset;
    m_expect_value = true;
    return true;
}

bool Scanner::read_string(Scope scope) {
    const std::size_t open = m_pos;
    std::size_t offset = open + 1;
    while (offset < m_text.size()) {
        const unsigned char c = byte_at(m_text, offset);
        if (c == '"') {
            m_pos = offset + 1;
            return true;
        }
        if (c == '\\') {
            const auto next = read_escape(offset, open, scope);
            if (!next) {
                return false;
            }
            offset = *next;
        } else if (c < 0x20) {
            return fail(offset, scope,
                        "control character U+" + hex_code_unit(c) + " must be escaped in a string");
        } else {
            const std::size_t length = utf8_sequence_length(m_text, offset);
            if (length == 0) {
                return fail(offset, scope, "invalid UTF-8: byte " + hex_byte(c));
            }
            offset += length;
        }
    }
    return fail_unterminated(open, scope);
}

std::optional<std::size_t> Scanner::read_escape(std::size_t backslash, std::size_t open,
                                                Scope scope) {
    if (backslash + 1 >= m_text.size()) {
        fail_unterminated(open, scope);
        return std::nullopt;
    }
    const char kind = m_text[backslash + 1];
    if (kind == 'u') {
        return read_unicode_escape(backslash, open, scope);
    }
    if (k_simple_escapes.find(kind) == std::string_view::npos) {
        fail_invalid_escape(backslash, scope);
        return std::nullopt;
    }
    return backslash + 2;
}

std::optional<std::size_t> Scanner::read_unicode_escape(std::size_t backslash, std::size_t open,
                                                        Scope scope) {
    const std::size_t digits = backslash + 2;
    if (cut_short(m_text, digits, k_hex4_pattern)) {
        fail_unterminated(open, scope);
        return std::nullopt;
    }
    if (!matches_pattern(m_text, digits, k_hex4_pattern)) {
        fail(backslash, scope, "invalid \\u escape: expected four hexadecimal digits");
        return std::nullopt;
    }
    const std::uint32_t unit = hex4_value(m_text, digits);
    const std::size_t next = backslash + 6;
    if (!is_high_surrogate(unit) && !is_low_surrogate(unit)) {
        return next;
    }
    if (is_high_surrogate(unit) && matches_pattern(m_text, next, k_low_surrogate_pattern)) {
        return next + k_low_surrogate_pattern.size();
    }
    if (is_high_surrogate(unit) && cut_short(m_text, next, k_low_surrogate_pattern)) {
        fail_unterminated(open, scope);
        return std::nullopt;
    }
    fail(backslash, scope, "invalid \\u escape: unpaired surrogate \\u" + hex_code_unit(unit));
    return std::nullopt;
}

// A word starting like a literal must be exactly that literal, up to a delimiter.
bool Scanner::read_literal(std::string_view word) {
    const std::size_t end = m_pos + word.size();
    if (starts_with_at(m_text, m_pos, word) && is_delimiter(m_text, end)) {
        m_pos = end;
        return true;
    }
    return fail(m_pos, Scope::value, "invalid literal: expected " + std::string(word));
}

bool Scanner::read_number() {
    if (starts_with_at(m_text, m_pos, "-Infinity")) {
        return fail(m_pos, Scope::value, std::string(k_infinity));
    }
    auto end = read_integer_part(m_pos);
    if (end) {
        end = read_fraction(*end);
    }
    if (end) {
        end = read_exponent(*end);
    }
    if (!end) {
        return false;
    }
    if (!is_delimiter(m_text, *end)) {
        return fail_found(*end, Scope::value, "invalid number: unexpected ", " after the number");
    }
    m_pos = *end;
    return true;
}

std::optional<std::size_t> Scanner::read_integer_part(std::size_t offset) {
    if (char_at(offset, '-')) {
        ++offset;
        if (!digit_at(offset)) {
            fail(offset, Scope::value, "invalid number: expected a digit after '-'");
            return std::nullopt;
        }
    }
    if (!char_at(offset, '0')) {
        return skip_digits(offset);
    }
    ++offset;
    if (digit_at(offset)) {
        fail(offset, Scope::value, "invalid number: leading zeros are not allowed");
        return std::nullopt;
    }
    return offset;
}

std::optional<std::size_t> Scanner::read_fraction(std::size_t offset) {
    if (!char_at(offset, '.')) {
        return offset;
    }
    ++offset;
    if (!digit_at(offset)) {
        fail(offset, Scope::value, "invalid number: expected a digit after the decimal point");
        return std::nullopt;
    }
    return skip_digits(offset);
}

std::optional<std::size_t> Scanner::read_exponent(std::size_t offset) {
    if (!char_at(offset, 'e') && !char_at(offset, 'E')) {
        return offset;
    }
    ++offset;
    if (char_at(offset, '+') || char_at(offset, '-')) {
        ++offset;
    }
    if (!digit_at(offset)) {
        fail(offset, Scope::value, "invalid number: expected a digit in the exponent");
        return std::nullopt;
    }
    return skip_digits(offset);
}

bool Scanner::finish() {
    skip_whitespace();
    if (at_end()) {
        return true;
    }
    if (starts_comment(m_text, m_pos)) {
        return fail(m_pos, Scope::container, std::string(k_comments));
    }
    return fail_found(m_pos, Scope::container, "unexpected ",
                      " after the end of the JSON document");
}

bool Scanner::fail(std::size_t offset, Scope scope, std::string message) {
    m_error = SyntaxError{offset, pointer(scope), std::move(message)};
    return false;
}

// "<before>X<after>", unless the bytes at `offset` are not UTF-8 at all: then the encoding
// is the problem to fix (a Latin-1 file, say), not the character the grammar wanted.
bool Scanner::fail_found(std::size_t offset, Scope scope, std::string_view before,
                         std::string_view after) {
    if (is_invalid_utf8_at(m_text, offset)) {
        return fail(offset, scope, "invalid UTF-8: byte " + hex_byte(byte_at(m_text, offset)));
    }
    return fail(offset, scope, std::string(before) + describe(m_text, offset) + std::string(after));
}

// At a separator, key or closing bracket inside an array or object.
bool Scanner::fail_structural(std::string_view before) {
    if (at_end()) {
        return fail_unclosed();
    }
    if (starts_comment(m_text, m_pos)) {
        return fail(m_pos, Scope::container, std::string(k_comments));
    }
    return fail_found(m_pos, Scope::container, before, "");
}

// Something that is not a JSON value, with a specific message for what people (and other
// JSON dialects) commonly write instead.
bool Scanner::fail_unexpected_value() {
    if (starts_comment(m_text, m_pos)) {
        return fail(m_pos, Scope::value, std::string(k_comments));
    }
    if (starts_with_at(m_text, m_pos, "NaN")) {
        return fail(m_pos, Scope::value, "NaN is not a JSON number");
    }
    if (starts_with_at(m_text, m_pos, "Infinity")) {
        return fail(m_pos, Scope::value, std::string(k_infinity));
    }
    if (at('\'')) {
        return fail(m_pos, Scope::value, std::string(k_single_quotes));
    }
    if (at('+')) {
        return fail(m_pos, Scope::value, "invalid number: a leading '+' is not allowed");
    }
    if (at('.')) {
        return fail(m_pos, Scope::value,
                    "invalid number: expected a digit before the decimal point");
    }
    return fail_found(m_pos, Scope::value, "expected a JSON value, found ", "");
}

bool Scanner::fail_unclosed() {
    if (m_stack.empty()) {
        return fail_found(m_pos, Scope::value, "expected a JSON value, found ", "");
    }
    const bool object = m_stack.back().kind == FrameKind::object;
    return fail(m_text.size(), Scope::container,
                object ? "unexpected end of file: the object is not closed (expected '}')"
                       : "unexpected end of file: the array is not closed (expected ']')");
}

bool Scanner::fail_unterminated(std::size_t open, Scope scope) {
    return fail(open, scope, "unterminated string: the file ends before its closing '\"'");
}

bool Scanner::fail_invalid_escape(std::size_t backslash, Scope scope) {
    const unsigned char kind = byte_at(m_text, backslash + 1);
    if (!is_printable_ascii(kind)) {
        return fail(backslash, scope, "invalid escape sequence in a string");
    }
    return fail(backslash, scope,
                "invalid escape sequence '\\" + std::string(1, m_text[backslash + 1]) +
                    "' in a string");
}

std::string Scanner::pointer(Scope scope) const {
    std::size_t count = m_stack.size();
    if (scope == Scope::container && count > 0) {
        --count;
    }
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        const Frame& frame = m_stack[i];
        out = frame.kind == FrameKind::array
                  ? pointer_append(out, frame.token)
                  : pointer_append(out, decode_string(m_text, frame.token));
    }
    return out;
}

} // namespace

std::optional<SyntaxError> find_syntax_error(std::string_view text, std::size_t max_depth) {
    return Scanner(text, max_depth).run();
}

} // namespace aijri::detail
