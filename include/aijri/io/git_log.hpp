// The commits of a range and the files each changed, from one `git log` process: what
// `aijri history` walks, reading each file's versions once (git_read_blobs).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace aijri {

// One file a commit changed, as `git log --raw` tells it.
struct GitChange {
    // 'A' added, 'M' modified, 'T' type changed, 'D' deleted, 'R' renamed (old_path → path,
    // with or without edits), 'C' copied (old_path stays).
    char status = 'M';
    std::string path;     // from the top of the repository
    std::string old_path; // 'R' and 'C' only
    std::string blob;     // the new content; empty for 'D'
};

struct GitCommit {
    std::string id;
    std::string first_parent; // "" for a root commit
    std::string date;         // committer date, ISO 8601 strict ("2026-03-01T09:30:00+01:00")
    std::vector<GitChange> changes;
};

// The commits of `revisions` (git log's own arguments: "A..B", "B ^A", a branch; none means
// HEAD) that change a file under `pathspecs` (relative to the current folder, as git takes
// them), oldest first, with the files each changed. Merges are followed along their first
// parent only (--first-parent), and a merge's changes are those against its first parent:
// the history of a branch as it moved. Renames are detected (-M) among the files under
// `pathspecs`. A revision is never read as an option (--end-of-options). Throws GitError
// with git's own words for a revision git does not know, or outside a repository.
std::vector<GitCommit> git_log_changes(const std::vector<std::string>& revisions,
                                       const std::vector<std::string>& pathspecs);

// The blob at `path` (from the top of the repository) in `commit`; nullopt when the commit
// has no file there.
std::optional<std::string> git_blob_at(const std::string& commit, const std::string& path);

// The top folder of the work tree the current folder is in. Throws GitError outside one.
std::string git_top_level();

} // namespace aijri
