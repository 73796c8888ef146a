// UTF-8, decoded strictly (Unicode table 3-7): what every reader and writer of text uses to
// tell a character from a byte that is not one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace aijri::detail {

// Length of the well-formed UTF-8 sequence at `offset` (1 for ASCII), or 0 when the bytes
// there are not UTF-8: a stray continuation byte, an overlong form, a surrogate, a code point
// above U+10FFFF or a sequence cut short by the end of the text.
std::size_t utf8_sequence_length(std::string_view text, std::size_t offset);

// The code point of the `length`-byte UTF-8 sequence at `offset` (a length as
// utf8_sequence_length gives it; 1 is the byte itself).
std::uint32_t decode_utf8(std::string_view text, std::size_t offset, std::size_t length);

// Byte offset of the first byte that is not valid UTF-8, if any.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

} // namespace aijri::detail
