// The names of an enum's values, spelled once in a table: what a command line accepts, what
// its help lists and what the program dispatches on cannot drift apart.
#pragma once

#include <optional>
#include <string_view>

namespace aijri {

template <typename Enum>
struct EnumName {
    std::string_view name;
    Enum value;
};

// The value that `names` (a table of EnumName) spells `name`, exactly.
template <typename Names>
constexpr auto enum_from_name(const Names& names, std::string_view name)
    -> std::optional<decltype(names.begin()->value)> {
    for (const auto& entry : names) {
        if (entry.name == name) {
            return entry.value;
        }
    }
    return std::nullopt;
}

// The name of `value` in `names`; "" for a value the table leaves out.
template <typename Names, typename Enum>
constexpr std::string_view enum_name(const Names& names, Enum value) {
    for (const auto& entry : names) {
        if (entry.value == value) {
            return entry.name;
        }
    }
    return {};
}

} // namespace aijri
