#include "aijri/json/dump.hpp"
#include <algorithm>
#include <charconv>
#include <cstdint>

#include <fmt/format.h>

#include "aijri/util/text.hpp"
#include "aijri/util/utf8.hpp"

#include "dom.hpp"

namespace aijri {

nlohmann::ordered_json json_number(const Rational& value, int decimals) {
    const Rational shown = value.rounded(decimals);
    if (shown.is_integer() && decimals == 0) {
        return static_cast<std::int64_t>(shown.numerator());
    }
    const std::string text = to_fixed(shown, decimals);
    double number = 0;
    std::from_chars(text.data(), text.data() + text.size(), number);
    return number;
}

std::string dump_json(const nlohmann::ordered_json& value, int indent) {
    const std::string text =
        value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    // nlohmann escapes C0 controls itself; what is left to escape (DEL, and multi-byte
    // characters) occurs only inside strings, where a \u escape means the same character.
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = std::max<std::size_t>(detail::utf8_sequence_length(text, i), 1);
        if (text[i] == '\x7f') {
            out += "\\u007f";
            ++i;
            continue;
        }
        if (length > 1) {
            std::uint32_t cp = static_cast<unsigned char>(text[i]) & (0xFFU >> (length + 1));
            for (std::size_t k = 1; k < length; ++k) {
                cp = (cp << 6U) | (static_cast<unsigned char>(text[i + k]) & 0x3FU);
            }
            if (is_unsafe_code_point(cp)) {
                out += fmt::format("\\u{:04x}", cp);
                i += length;
                continue;
            }
        }
        out.append(text, i, length);
        i += length;
    }
    return out;
}

std::string dump_json_string(std::string_view text) {
    return dump_json(nlohmann::ordered_json(std::string(text)));
}

} // namespace aijri
