#include <filesystem>
#include <future>
#include <iterator>
#include <map>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "aijri/assessment/reader.hpp"
#include "aijri/batch/evaluate.hpp"
#include "aijri/diff/sides.hpp"
#include "aijri/io/file_source.hpp"
#include "aijri/io/git_source.hpp"

#include "builder.hpp"
#include "reading.hpp"

namespace aijri {
namespace {

// The files of one or two revisions, scored as they are read (see git_read_blobs); content
// that did not change between the revisions is read once.
struct GitSide {
    std::string revision;
    std::vector<GitFile> files;
    const Methodology* methodology = nullptr;
    std::vector<DiffEntry> entries;
};

// Every file of the sides, each file's old version just before its new one: git stores one
// of them as a delta of the other, and reads it cheaply while the other is still in its
// small cache of inflated objects (see git_read_blobs).
std::vector<std::pair<GitSide*, std::size_t>> reading_order(const std::vector<GitSide*>& sides) {
    std::vector<std::pair<GitSide*, std::size_t>> order;
    if (sides.size() != 2) {
        for (GitSide* side : sides) {
            for (std::size_t i = 0; i < side->files.size(); ++i) {
                order.emplace_back(side, i);
            }
        }
        return order;
    }
    std::unordered_map<std::string_view, std::size_t> newer;
    for (std::size_t i = 0; i < sides[1]->files.size(); ++i) {
        newer.emplace(sides[1]->files[i].path, i);
    }
    std::vector<bool> taken(sides[1]->files.size(), false);
    for (std::size_t i = 0; i < sides[0]->files.size(); ++i) {
        order.emplace_back(sides[0], i);
        if (const auto it = newer.find(sides[0]->files[i].path); it != newer.end()) {
            order.emplace_back(sides[1], it->second);
            taken[it->second] = true;
        }
    }
    for (std::size_t i = 0; i < taken.size(); ++i) {
        if (!taken[i]) {
            order.emplace_back(sides[1], i);
        }
    }
    return order;
}

void read_git_sides(std::vector<GitSide*> sides, const DiffSideOptions& o) {
    std::vector<std::string> unique_blobs;
    std::map<std::string, std::size_t> index_of;
    // For each unique blob, the (side, file) pairs that hold it.
    std::vector<std::vector<std::pair<GitSide*, std::size_t>>> users;
    for (GitSide* side : sides) {
        side->entries.resize(side->files.size());
    }
    for (const auto& [side, i] : reading_order(sides)) {
        const auto [it, inserted] = index_of.emplace(side->files[i].blob, unique_blobs.size());
        if (inserted) {
            unique_blobs.push_back(side->files[i].blob);
            users.emplace_back();
        }
        users[it->second].emplace_back(side, i);
    }
    const auto name = [](const GitSide& side, std::size_t i) {
        return fmt::format("{}:{}", side.revision, side.files[i].path);
    };
    git_read_blobs(
        unique_blobs, o.jobs, o.max_bytes,
        [&](std::size_t blob, std::string&& text) {
            // One reader per thread: a reader's buffers grow to fit a file once, then are reused.
            thread_local AssessmentReader reader;
            reader.keep_prose(false);
            for (const auto& [side, i] : users[blob]) {
                // Each slot is written by one thread only. A file of a tree is read as one
                // found in a folder: a document that is no assessment is skipped.
                side->entries[i] = make_diff_entry(
                    evaluate(reader, text, name(*side, i), *side->methodology,
                             ReadOptions{o.input_format, /*found_in_folder=*/true}));
                side->entries[i].place = side->files[i].path;
            }
        },
        [&](std::size_t blob, std::size_t size) {
            // Refused from its size, as a file over --max-bytes is: an invalid file.
            for (const auto& [side, i] : users[blob]) {
                Evaluation e;
                e.file = name(*side, i);
                e.diagnostics.push_back(make_error("", {}, too_large(o.max_bytes, size).message));
                side->entries[i] = make_diff_entry(e);
                side->entries[i].place = side->files[i].path;
            }
        });
}

// The new side is compared as it is scored (DiffBuilder): its files are never all held.
// They are the working tree's, walked from the current folder: `prefix` (git_prefix) makes
// their places paths from the top of the repository, as a revision's are.
DiffResult diff_with_side(std::vector<DiffEntry> old_side, const std::vector<InputFile>& files,
                          const std::string& prefix, const Methodology& old_m,
                          const Methodology& new_m, const DiffSideOptions& o) {
    DiffBuilder builder(std::move(old_side), files.size(), old_m, new_m);
    evaluate_all(files, detail::side_batch_options(o, new_m), [&](std::size_t i, Evaluation&& e) {
        DiffEntry entry = make_diff_entry(e);
        entry.place = std::filesystem::path(prefix + e.file).lexically_normal().generic_string();
        builder.add(i, std::move(entry));
    });
    return builder.finish();
}

} // namespace

DiffResult diff_git(const std::vector<std::string>& revisions,
                    const std::vector<std::string>& paths, const DiffSideOptions& options) {
    const Methodology& old_m = *options.old_methodology;
    const Methodology& new_m = *options.new_methodology;
    const auto list = [&paths, &options](const std::string& revision) {
        return git_list_json(git_resolve_commit(revision), paths, options.input_format);
    };
    // Each side costs two git processes; the second side's run alongside the first's.
    std::future<std::vector<GitFile>> new_files;
    if (revisions.size() == 2) {
        new_files = std::async(std::launch::async, list, revisions[1]);
    }
    GitSide a{revisions[0], list(revisions[0]), &old_m, {}};
    if (revisions.size() == 2) {
        GitSide b{revisions[1], new_files.get(), &new_m, {}};
        read_git_sides({&a, &b}, options);
        return diff_entries(std::move(a.entries), std::move(b.entries), old_m, new_m, options.jobs);
    }
    read_git_sides({&a}, options);
    const std::string prefix = git_prefix();
    std::vector<InputFile> files;
    for (const std::string& path : paths) {
        std::vector<InputFile> more =
            detail::walked(collect_inputs({path}, options.input_format), options.on_walk_warning);
        std::move(more.begin(), more.end(), std::back_inserter(files));
    }
    return diff_with_side(std::move(a.entries), files, prefix, old_m, new_m, options);
}

} // namespace aijri
