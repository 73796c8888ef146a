// What a diff keeps of one scored file, from when it is scored until it is compared.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aijri/batch/evaluate.hpp"
#include "aijri/diff/diff.hpp"
#include "aijri/model/assessment.hpp"
#include "aijri/scoring/attribution.hpp"

namespace aijri {

// What comparing needs of a valid file: its inputs and figures, not its texts.
struct DiffFigures {
    ScoredInputs inputs;
    Rational formula_aijri; // published, before any override
    Rational aijri_exact;
    std::optional<Override> override_;
    // Each scenario's verdict (by the formula), in the file's order.
    std::vector<std::pair<std::string, RoleVerdict>> scenarios;
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

} // namespace aijri
