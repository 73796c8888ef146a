// A gate of a CI run (score's --fail-under, diff's --fail-on-drop, ...) and where it was set,
// so that the reason a file trips it can point at the line that set it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace aijri {

// A gate's threshold and where it was set: "" for the command line, else the place in the
// config file ("aijri.toml:9:1"). A flag (--fail-on-zone-change) is a GateValue<bool> set to true.
template <typename T>
struct GateValue {
    std::optional<T> value;
    std::string origin;
    // A threshold set in code or on the command line: no origin.
    GateValue& operator=(T threshold) {
        value = std::move(threshold);
        origin.clear();
        return *this;
    }
    explicit operator bool() const { return value.has_value(); }
    const T& operator*() const { return *value; }
};

// The gate as a reason names it: "--fail-under 25" as typed, or "fail-under 50
// (aijri.toml:9:1)" from the config file; `value` "" for a flag ("--fail-on-zone-change").
std::string gate_label(std::string_view key, std::string_view value, std::string_view origin);

} // namespace aijri
