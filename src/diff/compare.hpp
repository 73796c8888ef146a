// One role of a diff, made from what each side has of its id.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "aijri/diff/diff.hpp"
#include "aijri/model/methodology.hpp"

#include "entry.hpp"
#include "pairing.hpp"

namespace aijri::detail {

// What one side has of an id: nothing, one valid file, or errors (an invalid file, more
// than one file with the id, a file that could not be read or scored).
struct SideCheck {
    bool present = false;
    bool valid = false;
    bool io_error = false;          // see RoleDiff
    bool methodology_error = false; // see RoleDiff
    std::vector<std::string> errors;
    SourcePosition error_position;
};

// `side`: null when the side has no file of `id`.
SideCheck check_side(const Side* side, std::string_view id);

// The status of a role that was not compared (at most one side valid), with its verdict and
// errors. What was invalid in the old version and is fixed or gone in the new one is no
// fault of the new version: only a side that could not be read or scored is reported
// whatever its version, since nothing can be said of its role.
void settle_uncompared(RoleDiff& role, SideCheck old_side, SideCheck new_side,
                       const DiffEntry* old_entry, const DiffEntry* new_entry);

// Compares two valid entries, their figures still held. Attribution works in exact
// arithmetic, over more products than scoring does: a methodology whose constants scored
// each side may still overflow it, which makes the role an error that names the methodology
// (never an exception out of the diff).
void compare_or_refuse(RoleDiff& role, const DiffEntry& old_entry, const DiffEntry& new_entry,
                       const Methodology& old_methodology, const Methodology& new_methodology);

} // namespace aijri::detail
