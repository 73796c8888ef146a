// Each role's AIJRI and zone at every commit of a range that changed its file or the
// methodology (`aijri history`): one `git log` for the commits and the files they changed,
// and every version of a file read and scored once.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "aijri/io/input_format.hpp"
#include "aijri/model/methodology.hpp"
#include "aijri/model/zone.hpp"
#include "aijri/util/rational.hpp"

namespace aijri {

// A methodology of the history that cannot be read (a commit's version of the tracked
// methodology file), or git failing: the history cannot be told.
struct HistoryError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct HistoryOptions {
    // git log's revision arguments ("A..B", "B ^A", a branch); none: HEAD's whole history.
    std::vector<std::string> revisions;
    // Where the assessments are, relative to the current folder (as `aijri diff --git` takes
    // them).
    std::vector<std::string> paths;
    // Scores every commit, unless `methodology_file` is tracked by git (see read_history).
    const Methodology* methodology = nullptr;
    // The file `methodology` was read from, as named (relative to the current folder); ""
    // for the embedded one.
    std::string methodology_file;
    unsigned jobs = 1; // git readers, and files scored at once
    std::size_t max_bytes = 0;
    InputFormat input_format = InputFormat::automatic;
};

// What a point says of its role at its commit.
enum class PointStatus { valid, invalid, deleted };
std::string_view to_string(PointStatus status); // "valid", "invalid", "deleted"

struct HistoryPoint {
    std::string commit; // the full object id
    std::string date;   // committer date, ISO 8601 strict
    PointStatus status = PointStatus::valid;
    // valid: the published figures (after any override), at the methodology's decimals
    Rational aijri;
    Zone zone = Zone::green;
    std::string label; // "Green (Accelerated)", or the bare zone
    int decimals = 1;
    // invalid: every error, "COMMIT:path:line:col: error: …" (COMMIT the short id)
    std::vector<std::string> errors;
    std::string file;          // the file's path from the top of the repository at this commit
    std::string old_file;      // renamed or moved at this commit: where from; else ""
    bool file_changed = false; // its file changed (added, edited, renamed, deleted)
    bool methodology_changed = false; // the methodology changed: every role is re-scored
    // Against the role's last valid version before this one (the range's base included:
    // a role that existed before the range has its first point compared with it): the
    // change of the published AIJRI, and that version's zone. None when there is none, or
    // this point is not valid.
    std::optional<Rational> delta;
    std::optional<Zone> previous_zone;

    bool zone_changed() const {
        return previous_zone && status == PointStatus::valid && *previous_zone != zone;
    }
};

struct RoleHistory {
    std::string id;
    std::vector<HistoryPoint> points; // oldest first
};

struct HistoryCommit {
    std::string id;
    std::string date; // committer date, ISO 8601 strict
};

struct History {
    std::vector<RoleHistory> roles; // by id (byte order)
    // The commits of the range that changed a file under the paths or the methodology,
    // oldest first: the time line every role's points are on.
    std::vector<HistoryCommit> commits;
    // Documents that are no assessment, each once (`aijri score` would skip them too).
    std::vector<std::string> warnings;
    // A version the methodology could not score in exact arithmetic (see Evaluation).
    bool methodology_error = false;
};

// Reads the history of the assessments under options.paths over options.revisions. A
// role is known by its id, so it keeps its series across a rename or a move; a file that
// cannot be read as far as its id keeps the id its path had. A role gets a point at each
// commit that added, changed, renamed or deleted its file (status deleted, no figures: its
// series ends there, unless a file with its id comes back), or that changed the methodology.
//
// The methodology: when options.methodology_file is a file of the repository, each commit
// is scored with that commit's version of it, and a commit that changes it re-scores every
// role there is (a commit without the file uses options.methodology, the file as it is on
// disk); otherwise options.methodology scores every commit.
//
// Throws GitError (a revision git does not know, no repository) and HistoryError (a
// version of the methodology that cannot be read).
History read_history(const HistoryOptions& options);

} // namespace aijri
