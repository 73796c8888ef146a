#include "aijri/util/gate.hpp"

#include <fmt/format.h>

namespace aijri {

std::string gate_label(std::string_view key, std::string_view value, std::string_view origin) {
    const std::string named = value.empty() ? std::string(key) : fmt::format("{} {}", key, value);
    return origin.empty() ? fmt::format("--{}", named) : fmt::format("{} ({})", named, origin);
}

} // namespace aijri
