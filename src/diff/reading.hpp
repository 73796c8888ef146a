// What diff_folders() and diff_git() share of reading a side.
#pragma once

#include <vector>

#include "aijri/batch/batch.hpp"
#include "aijri/diff/sides.hpp"
#include "aijri/io/walk.hpp"
#include "aijri/model/methodology.hpp"

namespace aijri::detail {

// Files are read as a batch reads them, and their texts dropped at once: a diff compares
// inputs and figures only.
BatchOptions side_batch_options(const DiffSideOptions& options, const Methodology& methodology);

// A walk's files, its warnings handed to `on_warning`.
std::vector<InputFile> walked(WalkResult walk, const WarningFunction& on_warning);

} // namespace aijri::detail
