// Where the config file is, and which of its gates apply to a file.
#include <algorithm>
#include <system_error>

#include "aijri/config/config.hpp"
#include "aijri/util/glob.hpp"

namespace aijri {
namespace {

// `gate`, unless the command line set it (a value without an origin), laid over by `entry`.
template <typename T>
void lay_over(GateValue<T>& gate, const GateValue<T>& entry) {
    const bool from_command_line = gate.value && gate.origin.empty();
    if (entry.value && !from_command_line) {
        gate = entry;
    }
}

} // namespace

Gates gates_for(std::span<const Threshold> thresholds, std::string_view path, Gates gates) {
    for (const Threshold& threshold : thresholds) {
        const bool matches =
            std::any_of(threshold.paths.begin(), threshold.paths.end(),
                        [path](const std::string& pattern) { return glob_matches(pattern, path); });
        if (matches) {
            lay_over(gates.fail_under, threshold.gates.fail_under);
            lay_over(gates.fail_on_zone, threshold.gates.fail_on_zone);
            lay_over(gates.fail_if_fragile, threshold.gates.fail_if_fragile);
        }
    }
    return gates;
}

std::optional<std::filesystem::path> find_config_file(const std::filesystem::path& folder) {
    std::error_code error;
    for (std::filesystem::path at = folder;; at = at.parent_path()) {
        const std::filesystem::path candidate = at / k_config_file_name;
        if (std::filesystem::is_regular_file(candidate, error)) {
            return candidate;
        }
        if (std::filesystem::exists(at / ".git", error) || at == at.parent_path()) {
            return std::nullopt;
        }
    }
}

} // namespace aijri
