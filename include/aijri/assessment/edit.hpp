// Setting inputs of an assessment to other values: what `--set` and a scenario's "set" do.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "aijri/model/assessment.hpp"

namespace aijri {

// An edit that cannot be made, and why.
struct EditError {
    // The edit at fault (its index in the list), or k_every_edit when the edits together are
    // wrong (shares that no longer sum to 100).
    std::size_t edit = 0;
    bool at_value = false; // the value is wrong; else the pointer names nothing editable
    std::string message;   // "expected …, found …"
};
inline constexpr std::size_t k_every_edit = static_cast<std::size_t>(-1);

// Sets the input each edit's pointer names to the edit's value, and returns what could not be
// done (nothing when every edit was made). The inputs that may be edited:
//   /tasks/N/score, /tasks/N/time_pct, /evidence/KEY/score, /barriers/KEY/score,
//   /protective_principles/KEY/score, /growth_correlation/score
// A value is held to the rule the same value in the file is (score_problem(),
// time_share_problem()), and the shares must still sum to exactly 100 once every edit is
// made. After an error the assessment is partly edited: callers edit a copy.
std::vector<EditError> apply_edits(Assessment& assessment, std::span<const InputSetting> edits);

// Every pointer apply_edits() accepts for `assessment`, in the order of the file.
std::vector<std::string> editable_pointers(const Assessment& assessment);

} // namespace aijri
