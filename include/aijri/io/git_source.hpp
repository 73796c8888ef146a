// Reading assessments at a git revision: one long-lived `git cat-file --batch` process for
// every file, never a shell, never one process per file.
#pragma once

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "aijri/io/input_format.hpp"

namespace aijri {

struct GitError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The commit a revision names. Throws GitError for a revision git does not know, and for
// one that begins with '-' (it could be taken for an option).
std::string git_resolve_commit(const std::string& revision);

struct GitFile {
    std::string path; // from the top of the repository
    std::string blob; // object id of its content
};

// The current folder's path from the top of the repository: "" at the top, else ending in
// '/' ("team/"). A path relative to the current folder, put after it, is from the top.
std::string git_prefix();

// Whether a file at `path` (from the top of the repository) is one a folder walk reads: an
// assessment's name (*.json and *.md documents, or one kind, by `format`) in no hidden folder.
bool is_listed_assessment(std::string_view path, InputFormat format);

// The assessments of `commit` under `paths` (relative to the current folder): the files a
// folder walk would read (*.json and *.md documents, or one kind, by `format`), skipping
// hidden files and folders like the walk, in path order.
std::vector<GitFile> git_list_json(const std::string& commit, const std::vector<std::string>& paths,
                                   InputFormat format = InputFormat::automatic);

// Reads every blob once with `readers` cat-file processes side by side (each a run of
// consecutive blobs: list a file's versions one after the other, and git resolves a delta
// from the base it just read), and hands each
// content to on_blob(index into blobs, content) on the reading thread, so that it can be
// used and dropped at once: holding thousands of files costs more than reading them.
// A blob over `max_bytes` is not read into memory: on_too_large(index, its size) instead.
void git_read_blobs(const std::vector<std::string>& blobs, unsigned readers, std::size_t max_bytes,
                    const std::function<void(std::size_t, std::string&&)>& on_blob,
                    const std::function<void(std::size_t, std::size_t)>& on_too_large);

} // namespace aijri
