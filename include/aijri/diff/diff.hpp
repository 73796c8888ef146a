// Compares the scores of two sets of assessments (two folders, two revisions): which roles
// moved, how far, across which zone line, and which edits caused it.
#pragma once

#include <cstddef>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aijri/scoring/attribution.hpp"
#include "aijri/util/diagnostic.hpp"
#include "aijri/util/gate.hpp"

namespace aijri {

// `fixed`: invalid in the old version, valid in the new one (a repair, which never fails a
// run); `broken`: the other way round (which does). `invalid`: invalid in the new version
// when the old one was too or had none, or a side that could not be read or scored.
enum class RoleStatus { changed, added, removed, fixed, broken, invalid, unchanged };
std::string_view to_string(RoleStatus status);

// A side's published figures, as a diff reports them.
struct RoleVerdict {
    Rational aijri; // final (after any override)
    Zone zone = Zone::green;
    std::string label; // "Green (Accelerated)", or the bare zone
};

// A scenario of the role (Assessment::scenarios, matched by name) whose verdict, its zone or
// its label, differs between the two versions.
struct ScenarioChange {
    std::string name;
    RoleVerdict old_verdict;
    RoleVerdict new_verdict;
    bool zone_changed() const { return old_verdict.zone != new_verdict.zone; }
};

struct RoleDiff {
    std::string id;
    RoleStatus status = RoleStatus::unchanged;
    std::string old_file;
    std::string new_file;
    // Where each file is on its side (see DiffEntry::place): a role whose files are at two
    // places was renamed or moved.
    std::string old_place;
    std::string new_place;
    std::optional<RoleVerdict> old_verdict; // none: no old version, or an invalid one
    std::optional<RoleVerdict> new_verdict;
    std::optional<Rational> delta;       // of the published AIJRI
    std::optional<Rational> delta_exact; // what the contributions add up to
    bool zone_changed = false;
    std::vector<Contribution> contributions;
    std::vector<ScenarioChange> scenario_changes; // in the new version's order
    // "file:line:col: error: …": of the new version when it is invalid (broken, invalid), else
    // of whatever made the role invalid (a side not read or scored, an old file alone)
    std::vector<std::string> errors;
    SourcePosition error_position;   // of the first error in the new file, if it has one there
    std::optional<std::string> gate; // why the role trips a gate (apply_gates), if it does
    // The methodology cannot score a side, or attribute the change, in exact arithmetic
    // (constants beyond 128 bits): not the files' fault, exit status 2 as for score.
    bool methodology_error = false;
    // A side could not be read (a missing file, a FIFO, an unreadable folder): exit status 2.
    bool io_error = false;

    bool renamed() const {
        return !old_place.empty() && !new_place.empty() && old_place != new_place;
    }
};

struct DiffSummary {
    std::size_t added = 0;
    std::size_t removed = 0;
    std::size_t changed = 0;
    std::size_t fixed = 0;
    std::size_t broken = 0;
    std::size_t unchanged = 0;
    std::size_t invalid = 0;
    std::size_t zone_changes = 0;
    std::size_t renamed = 0; // of any status
};

// The roles of a diff, in report order. Each role is held apart, made on the thread that
// compared it (in that thread's memory, while it works), and putting thousands of them in
// order moves pointers rather than roles.
class RoleList {
public:
    using Held = std::vector<std::unique_ptr<RoleDiff>>;

    class const_iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = RoleDiff;
        using difference_type = std::ptrdiff_t;
        using pointer = const RoleDiff*;
        using reference = const RoleDiff&;

        const_iterator() = default;
        explicit const_iterator(Held::const_iterator at) : m_at(at) {}
        reference operator*() const { return **m_at; }
        pointer operator->() const { return m_at->get(); }
        const_iterator& operator++() {
            ++m_at;
            return *this;
        }
        const_iterator operator++(int) {
            const const_iterator before = *this;
            ++m_at;
            return before;
        }
        friend bool operator==(const const_iterator&, const const_iterator&) = default;

    private:
        Held::const_iterator m_at;
    };

    std::size_t size() const { return m_roles.size(); }
    bool empty() const { return m_roles.empty(); }
    const RoleDiff& operator[](std::size_t i) const { return *m_roles[i]; }
    const RoleDiff& front() const { return *m_roles.front(); }
    const_iterator begin() const { return const_iterator(m_roles.begin()); }
    const_iterator end() const { return const_iterator(m_roles.end()); }
    Held& held() { return m_roles; } // every element set

private:
    Held m_roles;
};

struct DiffResult {
    RoleList roles; // changed (largest move first), added, removed, fixed, broken, invalid,
                    // unchanged
    DiffSummary summary;
    // Documents found in a folder or tree that are no assessment (a README.md): skipped,
    // worded as a walk's warnings, the old side's first.
    std::vector<std::string> warnings;
};

struct DiffGates {
    GateValue<bool> fail_on_zone_change; // set (to true): a role whose zone changed fails
    GateValue<Rational> fail_on_drop;    // a published drop of at least this many points
};
enum class DiffGate { zone_change, drop };
struct DiffGateReason {
    DiffGate gate;
    std::string text; // "dropped 5.2 points (--fail-on-drop 5)"
};
// Each gate a role trips, in the order of DiffGate, and why.
std::vector<DiffGateReason> diff_gate_reasons(const RoleDiff& role, const DiffGates& gates,
                                              int decimals);
// Why a role trips a gate, every reason joined by "; ", if it does.
std::optional<std::string> diff_gate_failure(const RoleDiff& role, const DiffGates& gates,
                                             int decimals);
// Sets every role's `gate` (diff_gate_failure), for the reports to show.
void apply_gates(DiffResult& result, const DiffGates& gates, int decimals);

} // namespace aijri
