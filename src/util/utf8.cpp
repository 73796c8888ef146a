#include "aijri/util/utf8.hpp"
#include <cstring>

namespace aijri::detail {
namespace {

constexpr std::uint64_t k_high_bits = 0x8080'8080'8080'8080ULL;

unsigned char byte_at(std::string_view text, std::size_t offset) {
    return static_cast<unsigned char>(text[offset]);
}

// What a lead byte allows next, after Unicode table 3-7: narrowing the range of the second
// byte is what rejects overlong forms, UTF-16 surrogates and code points above U+10FFFF.
struct Utf8Lead {
    std::size_t length = 0; // 0: the byte cannot start a sequence
    unsigned char second_low = 0x80;
    unsigned char second_high = 0xBF;
};

Utf8Lead classify_lead(unsigned char lead) {
    if (lead >= 0xC2 && lead <= 0xDF) {
        return {2, 0x80, 0xBF};
    }
    if (lead == 0xE0) {
        return {3, 0xA0, 0xBF};
    }
    if (lead == 0xED) {
        return {3, 0x80, 0x9F};
    }
    if (lead >= 0xE1 && lead <= 0xEF) {
        return {3, 0x80, 0xBF};
    }
    if (lead == 0xF0) {
        return {4, 0x90, 0xBF};
    }
    if (lead >= 0xF1 && lead <= 0xF3) {
        return {4, 0x80, 0xBF};
    }
    if (lead == 0xF4) {
        return {4, 0x80, 0x8F};
    }
    return {};
}

// Most text is ASCII: test eight bytes at a time for a set high bit.
std::size_t skip_ascii(std::string_view text, std::size_t offset) {
    while (text.size() - offset >= sizeof(std::uint64_t)) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + offset, sizeof word);
        if ((word & k_high_bits) != 0) {
            break;
        }
        offset += sizeof word;
    }
    while (offset < text.size() && byte_at(text, offset) < 0x80) {
        ++offset;
    }
    return offset;
}

} // namespace

std::uint32_t decode_utf8(std::string_view text, std::size_t offset, std::size_t length) {
    const auto byte = [&](std::size_t k) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(text[offset + k]));
    };
    switch (length) {
    case 2:
        return ((byte(0) & 0x1FU) << 6U) | (byte(1) & 0x3FU);
    case 3:
        return ((byte(0) & 0x0FU) << 12U) | ((byte(1) & 0x3FU) << 6U) | (byte(2) & 0x3FU);
    case 4:
        return ((byte(0) & 0x07U) << 18U) | ((byte(1) & 0x3FU) << 12U) | ((byte(2) & 0x3FU) << 6U) |
               (byte(3) & 0x3FU);
    default:
        return byte(0);
    }
}

std::size_t utf8_sequence_length(std::string_view text, std::size_t offset) {
    const unsigned char lead = byte_at(text, offset);
    if (lead < 0x80) {
        return 1;
    }
    const Utf8Lead rule = classify_lead(lead);
    if (rule.length == 0 || text.size() - offset < rule.length) {
        return 0;
    }
    const unsigned char second = byte_at(text, offset + 1);
    if (second < rule.second_low || second > rule.second_high) {
        return 0;
    }
    for (std::size_t i = 2; i < rule.length; ++i) {
        if ((byte_at(text, offset + i) & 0xC0u) != 0x80u) {
            return 0;
        }
    }
    return rule.length;
}

Utf8Char utf8_char_at(std::string_view text, std::size_t offset) {
    const std::size_t length = utf8_sequence_length(text, offset);
    if (length == 0) {
        return {0, byte_at(text, offset)};
    }
    return {length, decode_utf8(text, offset, length)};
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    std::size_t offset = 0;
    while (true) {
        offset = skip_ascii(text, offset);
        if (offset == text.size()) {
            return std::nullopt;
        }
        const std::size_t length = utf8_sequence_length(text, offset);
        if (length == 0) {
            return offset;
        }
        offset += length;
    }
}

void append_utf8(std::string& out, std::uint32_t code_point) {
    const auto put = [&out](std::uint32_t byte) { out += static_cast<char>(byte); };
    if (code_point < 0x80U) {
        put(code_point);
    } else if (code_point < 0x800U) {
        put(0xC0U | (code_point >> 6U));
        put(0x80U | (code_point & 0x3FU));
    } else if (code_point < 0x10000U) {
        put(0xE0U | (code_point >> 12U));
        put(0x80U | ((code_point >> 6U) & 0x3FU));
        put(0x80U | (code_point & 0x3FU));
    } else {
        put(0xF0U | (code_point >> 18U));
        put(0x80U | ((code_point >> 12U) & 0x3FU));
        put(0x80U | ((code_point >> 6U) & 0x3FU));
        put(0x80U | (code_point & 0x3FU));
    }
}

} // namespace aijri::detail
