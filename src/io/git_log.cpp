#include "aijri/io/git_log.hpp"
#include <string_view>

#include <fmt/format.h>

#include "aijri/io/git_source.hpp"

#include "git_run.hpp"

namespace aijri {
namespace {

using detail::Completed;
using detail::first_line;
using detail::run_git;

// The raw entry ":<old mode> <new mode> <old blob> <new blob> <status>[score]" (the paths
// follow it, each its own NUL-ended field); the status letter and the new blob.
bool parse_raw_entry(std::string_view entry, GitChange& change) {
    // Fields: modes, blobs, status; separated by spaces.
    std::vector<std::string_view> fields;
    std::size_t start = 1; // after ':'
    while (start <= entry.size()) {
        const auto space = std::min(entry.find(' ', start), entry.size());
        fields.push_back(entry.substr(start, space - start));
        start = space + 1;
    }
    if (fields.size() != 5 || fields[4].empty()) {
        return false;
    }
    change.status = fields[4].front();
    if (change.status != 'D') {
        change.blob = std::string(fields[3]);
    }
    return true;
}

// `git log -z --raw --format=%H %P%n%cI` writes each commit as "<id> <parents>\n<date>\0",
// then each file it changed as "\n:<raw entry>\0<path>\0" (two paths for a rename or a copy).
std::vector<GitCommit> parse_log(const std::string& out) {
    std::vector<GitCommit> commits;
    std::size_t start = 0;
    const auto next_field = [&out, &start]() {
        auto end = out.find('\0', start);
        end = end == std::string::npos ? out.size() : end;
        std::string_view field(out.data() + start, end - start);
        start = end + 1;
        return field;
    };
    while (start < out.size()) {
        std::string_view field = next_field();
        while (!field.empty() && field.front() == '\n') {
            field.remove_prefix(1);
        }
        if (field.empty()) {
            continue;
        }
        if (field.front() == ':') {
            GitChange change;
            if (commits.empty() || !parse_raw_entry(field, change)) {
                throw GitError(fmt::format("unexpected line from git log: {}", field));
            }
            if (change.status == 'R' || change.status == 'C') {
                change.old_path = std::string(next_field());
            }
            change.path = std::string(next_field());
            commits.back().changes.push_back(std::move(change));
            continue;
        }
        const auto newline = field.find('\n');
        const std::string_view ids = field.substr(0, newline);
        GitCommit commit;
        const auto space = ids.find(' ');
        commit.id = std::string(ids.substr(0, space));
        if (space != std::string_view::npos) {
            const std::string_view parents = ids.substr(space + 1);
            commit.first_parent = std::string(parents.substr(0, parents.find(' ')));
        }
        if (newline != std::string_view::npos) {
            commit.date = std::string(field.substr(newline + 1));
        }
        commits.push_back(std::move(commit));
    }
    return commits;
}

} // namespace

std::vector<GitCommit> git_log_changes(const std::vector<std::string>& revisions,
                                       const std::vector<std::string>& pathspecs) {
    // Every option that shapes the output is given, whatever the user's configuration says
    // (log.showSignature, diff.renames, log.showRoot...).
    std::vector<std::string> arguments{"log",
                                       "--first-parent",
                                       "--diff-merges=first-parent",
                                       "--reverse",
                                       "--root",
                                       "-z",
                                       "--raw",
                                       "--no-abbrev",
                                       "-M",
                                       "--no-show-signature",
                                       "--no-color",
                                       "--format=%H %P%n%cI",
                                       "--end-of-options"};
    if (revisions.empty()) {
        arguments.emplace_back("HEAD");
    }
    arguments.insert(arguments.end(), revisions.begin(), revisions.end());
    arguments.emplace_back("--");
    arguments.insert(arguments.end(), pathspecs.begin(), pathspecs.end());
    const Completed r = run_git(arguments);
    if (r.status != 0) {
        throw GitError(fmt::format("git log failed: {}", first_line(r.err)));
    }
    return parse_log(r.out);
}

std::optional<std::string> git_blob_at(const std::string& commit, const std::string& path) {
    const Completed r = run_git({"rev-parse", "--verify", "--quiet", "--end-of-options",
                                 fmt::format("{}:{}", commit, path)});
    if (r.status != 0) {
        return std::nullopt;
    }
    return first_line(r.out);
}

std::string git_top_level() {
    const Completed r = run_git({"rev-parse", "--show-toplevel"});
    if (r.status != 0) {
        throw GitError(fmt::format("not in a git repository: {}", first_line(r.err)));
    }
    return first_line(r.out);
}

} // namespace aijri
