#include "compare.hpp"
#include <iterator>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "aijri/json/writer.hpp"

namespace aijri::detail {

SideCheck check_side(const Side* side, std::string_view id) {
    SideCheck check;
    if (side == nullptr) {
        return check;
    }
    check.present = true;
    if (side->size() > 1) {
        std::string files;
        for (std::size_t i = 0; i < side->size(); ++i) {
            files += (files.empty() ? "" : ", ") + side->at(i).file;
        }
        check.errors.push_back(
            fmt::format("the id \"{}\" is used by more than one file: {}", id, files));
        return check;
    }
    const DiffEntry& e = side->front();
    check.valid = e.valid;
    check.io_error = e.io_error;
    check.methodology_error = e.methodology_error;
    check.errors = e.errors;
    check.error_position = e.error_position;
    return check;
}

void settle_uncompared(RoleDiff& role, SideCheck old_side, SideCheck new_side,
                       const DiffEntry* old_entry, const DiffEntry* new_entry) {
    const auto append = [&role](std::vector<std::string>& errors) {
        role.errors.insert(role.errors.end(), std::make_move_iterator(errors.begin()),
                           std::make_move_iterator(errors.end()));
    };
    if (old_side.io_error || old_side.methodology_error || new_side.io_error ||
        new_side.methodology_error) {
        role.status = RoleStatus::invalid;
        role.io_error = old_side.io_error || new_side.io_error;
        role.methodology_error = old_side.methodology_error || new_side.methodology_error;
        append(old_side.errors);
        append(new_side.errors);
        return;
    }
    if (old_side.valid) {
        role.old_verdict = old_entry->verdict;
    }
    if (new_side.valid) {
        role.new_verdict = new_entry->verdict;
    }
    if (!new_side.present) {
        role.status = RoleStatus::removed;
    } else if (new_side.valid) {
        role.status = old_side.present ? RoleStatus::fixed : RoleStatus::added;
    } else {
        role.status = old_side.valid ? RoleStatus::broken : RoleStatus::invalid;
        append(new_side.errors);
        role.error_position = new_side.error_position;
    }
}

namespace {

// Whether two versions of an override differ as their files say them: the AIJRI to the one
// decimal it is written with.
bool same_override(const std::optional<Override>& a, const std::optional<Override>& b) {
    if (!a || !b) {
        return !a && !b;
    }
    const auto written_aijri = [](const Override& o) -> std::optional<Rational> {
        return o.aijri ? std::optional<Rational>(o.aijri->rounded(1)) : std::nullopt;
    };
    return written_aijri(*a) == written_aijri(*b) && a->zone == b->zone &&
           a->has_sub_label == b->has_sub_label &&
           (!a->has_sub_label || a->sub_label == b->sub_label) && a->reason == b->reason;
}

InputValue override_input(const std::optional<Override>& o) {
    return o ? InputValue(*o) : InputValue();
}

// The scenarios both versions have whose verdict is not the same.
std::vector<ScenarioChange> scenario_changes(const DiffFigures& a, const DiffFigures& b) {
    std::vector<ScenarioChange> changes;
    for (const auto& [name, new_v] : b.scenarios) {
        for (const auto& [old_name, old_v] : a.scenarios) {
            if (old_name == name && (old_v.zone != new_v.zone || old_v.label != new_v.label)) {
                changes.push_back({name, old_v, new_v});
            }
        }
    }
    return changes;
}

void compare(RoleDiff& role, const DiffEntry& old_entry, const DiffEntry& new_entry,
             const Methodology& old_m, const Methodology& new_m) {
    const DiffFigures& a = *old_entry.figures;
    const DiffFigures& b = *new_entry.figures;
    const RoleVerdict& old_v = *old_entry.verdict;
    const RoleVerdict& new_v = *new_entry.verdict;
    role.old_verdict = old_v;
    role.new_verdict = new_v;
    role.delta = new_v.aijri - old_v.aijri;
    role.zone_changed = old_v.zone != new_v.zone;
    role.contributions = attribute_change(a.inputs, b.inputs, old_m, new_m);
    Rational exact = b.aijri_exact - a.aijri_exact;
    if (!same_override(a.override_, b.override_)) {
        // The override's own effect on the final AIJRI, named as a contribution.
        const Rational effect = (new_v.aijri - b.formula_aijri) - (old_v.aijri - a.formula_aijri);
        role.contributions.push_back({"/override", override_input(a.override_),
                                      override_input(b.override_), effect, "/override", ""});
        exact += effect;
    }
    role.delta_exact = exact;
    role.scenario_changes = scenario_changes(a, b);
    const bool moved = *role.delta != Rational(0) || old_v.label != new_v.label ||
                       !role.contributions.empty() || !role.scenario_changes.empty();
    role.status = moved ? RoleStatus::changed : RoleStatus::unchanged;
}

// What the reports print of a compared role, computed once here so that exact arithmetic
// that overflows is found while comparing, not halfway through writing a report.
void check_printable(const RoleDiff& role, int decimals) {
    for (const Contribution& c : role.contributions) {
        (void)to_fixed(c.points, 2);
        (void)detail::json_decimal_text(c.points, 4);
        (void)to_exact_string(c.points);
    }
    (void)to_fixed(*role.delta, decimals);
    (void)to_exact_string(*role.delta_exact);
}

std::string methodology_names(const Methodology& old_m, const Methodology& new_m) {
    return old_m.name == new_m.name
               ? fmt::format("the methodology \"{}\"", new_m.name)
               : fmt::format("the methodologies \"{}\" and \"{}\"", old_m.name, new_m.name);
}

} // namespace

void compare_or_refuse(RoleDiff& role, const DiffEntry& a, const DiffEntry& b,
                       const Methodology& old_m, const Methodology& new_m) {
    try {
        compare(role, a, b, old_m, new_m);
        check_printable(role, new_m.published_decimals);
    } catch (const std::overflow_error&) {
        role.status = RoleStatus::invalid;
        role.old_verdict.reset();
        role.new_verdict.reset();
        role.delta.reset();
        role.delta_exact.reset();
        role.zone_changed = false;
        role.contributions.clear();
        role.scenario_changes.clear();
        role.methodology_error = true;
        role.errors.push_back(fmt::format(
            "{}: error: the change cannot be attributed with {}: its constants take exact "
            "arithmetic beyond 128 bits (use fewer decimals or smaller constants)",
            b.file, methodology_names(old_m, new_m)));
    }
}

} // namespace aijri::detail
