// UTF-8, decoded strictly (Unicode table 3-7): what every reader and writer of text uses to
// tell a character from a byte that is not one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aijri::detail {

// Length of the well-formed UTF-8 sequence at `offset` (1 for ASCII), or 0 when the bytes
// there are not UTF-8: a stray continuation byte, an overlong form, a surrogate, a code point
// above U+10FFFF or a sequence cut short by the end of the text.
std::size_t utf8_sequence_length(std::string_view text, std::size_t offset);

// The code point of the `length`-byte UTF-8 sequence at `offset` (a length as
// utf8_sequence_length gives it; 1 is the byte itself).
std::uint32_t decode_utf8(std::string_view text, std::size_t offset, std::size_t length);

// The character at `offset`: its length as utf8_sequence_length gives it (0: the byte there
// is not UTF-8) and its code point (for length 0, the byte).
struct Utf8Char {
    std::size_t length = 0;
    std::uint32_t code_point = 0;
};
Utf8Char utf8_char_at(std::string_view text, std::size_t offset);

// Byte offset of the first byte that is not valid UTF-8, if any.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// The UTF-8 encoding of `code_point` (at most U+10FFFF), appended to `out`.
void append_utf8(std::string& out, std::uint32_t code_point);

// A byte that continues a sequence (10xxxxxx): every other byte begins a character.
constexpr bool is_utf8_continuation(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0U) == 0x80U;
}

// The length a lead byte announces, without looking at what follows: for stepping through
// text by characters where a byte that is not UTF-8 needs no message (1 for ASCII and for a
// byte that cannot lead).
constexpr std::size_t utf8_lead_length(char byte) {
    const auto lead = static_cast<unsigned char>(byte);
    if (lead >= 0xF0U) {
        return 4;
    }
    if (lead >= 0xE0U) {
        return 3;
    }
    return lead >= 0xC0U ? 2 : 1;
}

} // namespace aijri::detail
