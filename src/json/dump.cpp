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
        if (text[i] == '\x7f') {
            out += "\\u007f";
            ++i;
            continue;
        }
        const detail::Utf8Char c = detail::utf8_char_at(text, i);
        const std::size_t length = std::max<std::size_t>(c.length, 1);
        if (length > 1 && is_unsafe_code_point(c.code_point)) {
            out += fmt::format("\\u{:04x}", c.code_point);
        } else {
            out.append(text, i, length);
        }
        i += length;
    }
    return out;
}

std::string dump_json_string(std::string_view text) {
    return dump_json(nlohmann::ordered_json(std::string(text)));
}

} // namespace aijri
