// Compares the scores of two sets of assessments (two folders, two revisions): which roles
// moved, how far, across which zone line, and which edits caused it.
#pragma once

#include <cstddef>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aijri/batch/batch.hpp"
#include "aijri/batch/evaluate.hpp"
#include "aijri/model/methodology.hpp"
#include "aijri/scoring/attribution.hpp"

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

// What comparing needs of a valid file: its inputs and figures, not its texts.
struct DiffFigures {
    ScoredInputs inputs;
    Rational formula_aijri; // published, before any override
    Rational aijri_exact;
    std::optional<Override> override_;
};

// What a diff keeps of one scored file. The figures of a valid file are held apart and
// dropped once it is compared: a diff of thousands of roles keeps little of each.
struct DiffEntry {
    std::string file; // as reports name it ("HEAD~1:assessments/role.json" for a revision)
    // Where the file is on its side, for telling a rename: its path below the folder named,
    // or from the top of the repository for a revision or a working tree (diff --git); ""
    // for a file named alone, which is compared with whatever it is given.
    std::string place;
    std::string id;
    // An invalid file that could not be read as far as an "id": `id` is its file name's,
    // which may not be its role's (see DiffBuilder::finish).
    bool id_unread = false;
    bool valid = false;
    bool methodology_error = false;  // see RoleDiff
    bool io_error = false;           // see RoleDiff
    std::vector<std::string> errors; // "file:line:col: error: …" when invalid
    SourcePosition error_position;   // of its first error that has one
    // A valid file's published figures (after any override), kept when its figures are
    // dropped: a role that cannot be compared (another file of one side has its id) still
    // shows the score of its valid side.
    std::optional<RoleVerdict> verdict;
    std::unique_ptr<DiffFigures> figures;
    std::string skipped; // Evaluation::skipped: no role of either side, only a warning

    DiffEntry() = default;
    DiffEntry(const DiffEntry& other); // copies the figures too
    DiffEntry& operator=(const DiffEntry& other);
    DiffEntry(DiffEntry&&) noexcept = default;
    DiffEntry& operator=(DiffEntry&&) noexcept = default;
    ~DiffEntry() = default;
};
DiffEntry make_diff_entry(const Evaluation& evaluation);

// Pairs the assessments of both sides by id (the "id" field or a document's ID row, else the
// file name without its extension) and compares them, on `jobs` threads. Two files of one side with
// the same id are an error of that id.
DiffResult diff_entries(std::vector<DiffEntry> old_side, std::vector<DiffEntry> new_side,
                        const Methodology& old_methodology, const Methodology& new_methodology,
                        unsigned jobs = 1);

// diff_entries() for sides that are still being scored. Either the old side is given whole
// and each new entry is compared with its partner as it is added, on the thread that scored
// it; or both sides are added entry by entry, and compare_early() compares two entries that
// are likely partners (the same path in two folders) as soon as both are in, so that no
// side's inputs are held whole. Either way an entry's figures (most of it) are dropped once
// it is compared; finish() compares whatever was not compared before.
class DiffBuilder {
public:
    DiffBuilder(std::vector<DiffEntry> old_side, std::size_t new_count,
                const Methodology& old_methodology, const Methodology& new_methodology);
    DiffBuilder(std::size_t old_count, std::size_t new_count, const Methodology& old_methodology,
                const Methodology& new_methodology);
    ~DiffBuilder();
    DiffBuilder(const DiffBuilder&) = delete;
    DiffBuilder& operator=(const DiffBuilder&) = delete;

    // The entry of the new side's file `index` (0 ≤ index < new_count, in the side's file
    // order). Threads may add at once, each its own indexes.
    void add(std::size_t index, DiffEntry&& entry);
    // The entry of the old side's file `index`, when the old side was not given whole.
    void add_old(std::size_t index, DiffEntry&& entry);
    // Compares old entry `old_index` with new entry `new_index` (both added) if they share an
    // id, each valid. Threads may compare at once, each its own entries.
    void compare_early(std::size_t old_index, std::size_t new_index);
    // The result, once every entry was added. Entries are paired by id; besides, an entry
    // whose id could not be read, alone on its side, is paired with the entry alone at the
    // same place on the other side, when there is one.
    DiffResult finish();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Scores two lists of files (each the walk of one side's root, a folder or one file, in the
// order collect_inputs() gives) with `options` (jobs, size limit; each side under its own
// methodology) and compares them. A file and the one at the same path under the other root
// are read one after the other and compared as soon as both are scored when their ids
// match, so a file's inputs are held only until then; any other pairing by id is made at
// the end (lists in another order only make fewer such pairs, never a different result).
DiffResult diff_files(std::vector<InputFile> old_files, std::string_view old_root,
                      std::vector<InputFile> new_files, std::string_view new_root,
                      const Methodology& old_methodology, const Methodology& new_methodology,
                      const BatchOptions& options);

struct DiffGates {
    bool fail_on_zone_change = false;
    std::optional<Rational> fail_on_drop; // a published drop of at least this many points
};
// Why a role trips a gate, if it does.
std::optional<std::string> diff_gate_failure(const RoleDiff& role, const DiffGates& gates,
                                             int decimals);
// Sets every role's `gate` (diff_gate_failure), for the reports to show.
void apply_gates(DiffResult& result, const DiffGates& gates, int decimals);

} // namespace aijri
