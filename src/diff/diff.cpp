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

std::vector<DiffGateReason> diff_gate_reasons(const RoleDiff& role, const DiffGates& gates,
                                              int decimals) {
    // Every gate a role trips is named, not only the first.
    std::vector<DiffGateReason> reasons;
    if (gates.fail_on_zone_change && role.zone_changed) {
        reasons.push_back(
            {DiffGate::zone_change,
             fmt::format("zone changed from {} to {} ({})", to_string(role.old_verdict->zone),
                         to_string(role.new_verdict->zone),
                         gate_label("fail-on-zone-change", "", gates.fail_on_zone_change.origin))});
    }
    if (gates.fail_on_drop && role.delta && -*role.delta >= *gates.fail_on_drop) {
        reasons.push_back(
            {DiffGate::drop,
             fmt::format("dropped {} points ({})", to_fixed(-*role.delta, decimals),
                         gate_label("fail-on-drop", to_decimal(*gates.fail_on_drop, 0, 6),
                                    gates.fail_on_drop.origin))});
    }
    return reasons;
}

std::optional<std::string> diff_gate_failure(const RoleDiff& role, const DiffGates& gates,
                                             int decimals) {
    const std::vector<DiffGateReason> reasons = diff_gate_reasons(role, gates, decimals);
    if (reasons.empty()) {
        return std::nullopt;
    }
    std::string joined;
    for (const DiffGateReason& reason : reasons) {
        joined += (joined.empty() ? "" : "; ") + reason.text;
    }
    return joined;
}

void apply_gates(DiffResult& result, const DiffGates& gates, int decimals) {
    for (const std::unique_ptr<RoleDiff>& role : result.roles.held()) {
        role->gate = diff_gate_failure(*role, gates, decimals);
    }
}

} // namespace aijri
