// Reading and scoring the two sides of a diff, compared as they are scored: two walks (two
// folders, two files), or revisions of the git repository in the current folder.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "aijri/batch/batch.hpp"
#include "aijri/diff/diff.hpp"
#include "aijri/io/input_format.hpp"
#include "aijri/io/walk.hpp"
#include "aijri/model/methodology.hpp"

namespace aijri {

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

// How diff_folders() and diff_git() read and score the files of both sides.
struct DiffSideOptions {
    const Methodology* old_methodology = nullptr;
    const Methodology* new_methodology = nullptr;
    unsigned jobs = 1; // files scored at once, and git readers
    std::size_t max_bytes = 0;
    InputFormat input_format = InputFormat::automatic;
    // Each warning of a walk (a file it skipped), as soon as the walk is done: the old side's
    // before the new side's.
    WarningFunction on_walk_warning;
};

// The walks of two roots (two folders, or two files), made at once on two threads, then
// diff_files().
DiffResult diff_folders(const std::string& old_root, const std::string& new_root,
                        const DiffSideOptions& options);

// The assessments under `paths` (relative to the current folder) at revisions[0], compared
// with those at revisions[1] or, without it, with the working tree's. Every file's place
// is its path from the top of the repository. Content that did not change between two
// revisions is read and scored once. Throws GitError when git cannot list or read a side.
DiffResult diff_git(const std::vector<std::string>& revisions,
                    const std::vector<std::string>& paths, const DiffSideOptions& options);

} // namespace aijri
