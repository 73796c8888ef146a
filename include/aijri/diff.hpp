// Compares the scores of two sets of assessments (two folders, two revisions): which roles
// moved, how far, across which zone line, and which edits caused it.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "aijri/attribution.hpp"
#include "aijri/evaluate.hpp"
#include "aijri/methodology.hpp"

namespace aijri {

enum class RoleStatus { changed, added, removed, invalid, unchanged };
std::string_view to_string(RoleStatus status);

struct RoleDiff {
    std::string id;
    RoleStatus status = RoleStatus::unchanged;
    std::string old_file;
    std::string new_file;
    std::optional<Verdict> old_verdict; // final (after any override)
    std::optional<Verdict> new_verdict;
    std::optional<Rational> delta;       // of the published AIJRI
    std::optional<Rational> delta_exact; // what the contributions add up to
    bool zone_changed = false;
    std::vector<Contribution> contributions;
    std::vector<std::string> errors; // "file:line:col: error: …", for an invalid side
    // The methodology cannot score a side, or attribute the change, in exact arithmetic
    // (constants beyond 128 bits): not the files' fault, exit status 2 as for score.
    bool methodology_error = false;
};

struct DiffSummary {
    std::size_t added = 0;
    std::size_t removed = 0;
    std::size_t changed = 0;
    std::size_t unchanged = 0;
    std::size_t invalid = 0;
    std::size_t zone_changes = 0;
};

struct DiffResult {
    std::vector<RoleDiff> roles; // changed (largest move first), added, removed, invalid, unchanged
    DiffSummary summary;
};

// What a diff keeps of one scored file: its inputs and verdicts, not its texts, so that a
// diff of thousands of roles stays small.
struct DiffEntry {
    std::string file;
    std::string id;
    bool valid = false;
    bool methodology_error = false;  // see RoleDiff
    std::vector<std::string> errors; // "file:line:col: error: …" when invalid
    ScoredInputs inputs;
    Verdict final_;
    Rational formula_aijri; // published, before any override
    Rational aijri_exact;
    nlohmann::ordered_json override_value; // null without an override
};
DiffEntry make_diff_entry(const Evaluation& evaluation);

// Pairs the assessments of both sides by id (the "id" field, else the file name without
// .json) and compares them, on `jobs` threads. Two files of one side with the same id are an
// error of that id.
DiffResult diff_entries(std::vector<DiffEntry> old_side, std::vector<DiffEntry> new_side,
                        const Methodology& old_methodology, const Methodology& new_methodology,
                        unsigned jobs = 1);

// diff_entries() for a new side that is still being scored: each new entry is compared with
// its partner as it is added, on the thread that scored it, and only what the report needs
// of it is kept (a diff holds every file of both sides; the inputs are most of an entry).
class DiffBuilder {
public:
    DiffBuilder(std::vector<DiffEntry> old_side, std::size_t new_count,
                const Methodology& old_methodology, const Methodology& new_methodology);
    ~DiffBuilder();
    DiffBuilder(const DiffBuilder&) = delete;
    DiffBuilder& operator=(const DiffBuilder&) = delete;

    // The entry of the new side's file `index` (0 ≤ index < new_count, in the side's file
    // order). Threads may add at once, each its own indexes.
    void add(std::size_t index, DiffEntry&& entry);
    // The result, once every new entry was added.
    DiffResult finish();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

struct DiffGates {
    bool fail_on_zone_change = false;
    std::optional<Rational> fail_on_drop; // a published drop of at least this many points
};
// Why a role trips a gate, if it does.
std::optional<std::string> diff_gate_failure(const RoleDiff& role, const DiffGates& gates,
                                             int decimals);

// The JSON report, ending in a line break, with "gates": the roles that tripped a gate and
// why (indent < 0: one line).
std::string diff_json(const DiffResult& result, int decimals,
                      const std::vector<std::string>& gate_trips, int indent = 2);
// The same text, handed to `write` in pieces of about 64 KiB as it is made: a report of
// thousands of roles is never held whole.
void write_diff_json(const DiffResult& result, int decimals,
                     const std::vector<std::string>& gate_trips, int indent,
                     const std::function<void(std::string_view)>& write);
std::string diff_text(const DiffResult& result, int decimals, bool color, bool show_unchanged);
std::string diff_markdown(const DiffResult& result, int decimals);

} // namespace aijri
