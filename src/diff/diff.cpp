#include "aijri/diff/diff.hpp"

#include <fmt/format.h>

namespace aijri {

std::string_view to_string(RoleStatus status) {
    switch (status) {
    case RoleStatus::changed:
        return "changed";
    case RoleStatus::added:
        return "added";
    case RoleStatus::removed:
        return "removed";
    case RoleStatus::fixed:
        return "fixed";
    case RoleStatus::broken:
        return "broken";
    case RoleStatus::invalid:
        return "invalid";
    case RoleStatus::unchanged:
        return "unchanged";
    }
    return "unchanged";
}

std::optional<std::string> diff_gate_failure(const RoleDiff& role, const DiffGates& gates,
                                             int decimals) {
    // Every gate a role trips is named, not only the first.
    std::vector<std::string> reasons;
    if (gates.fail_on_zone_change && role.zone_changed) {
        reasons.push_back(
            fmt::format("zone changed from {} to {} ({})", to_string(role.old_verdict->zone),
                        to_string(role.new_verdict->zone),
                        gate_label("fail-on-zone-change", "", gates.fail_on_zone_change.origin)));
    }
    if (gates.fail_on_drop && role.delta && -*role.delta >= *gates.fail_on_drop) {
        reasons.push_back(
            fmt::format("dropped {} points ({})", to_fixed(-*role.delta, decimals),
                        gate_label("fail-on-drop", to_decimal(*gates.fail_on_drop, 0, 6),
                                   gates.fail_on_drop.origin)));
    }
    if (reasons.empty()) {
        return std::nullopt;
    }
    return fmt::format("{}", fmt::join(reasons, "; "));
}

void apply_gates(DiffResult& result, const DiffGates& gates, int decimals) {
    for (const std::unique_ptr<RoleDiff>& role : result.roles.held()) {
        role->gate = diff_gate_failure(*role, gates, decimals);
    }
}

} // namespace aijri
