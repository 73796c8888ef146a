// Which edits moved a score, and by how many points: the exact change of the formula's
// AIJRI between two versions of an assessment, split among the inputs that changed.
#pragma once

#include <array>
#include <string>
#include <variant>
#include <vector>

#include "aijri/model/assessment.hpp"
#include "aijri/model/methodology.hpp"
#include "aijri/scoring/engine.hpp"
#include "aijri/util/rational.hpp"

namespace aijri {

// A task as attribution sees it: its figures and the name it is matched by.
struct ScoredTask {
    std::string name;
    Rational time_pct;
    int score = 1;
    Impact impact = Impact::augmentation;
};

// An input's value in one version of the assessment or methodology: none (that version has
// no such input), a figure (a score, a time share, a constant), a word (a task's impact), a
// whole task (added or removed) or the override. The reports write it as text or JSON.
using InputValue = std::variant<std::monostate, Rational, std::string, ScoredTask, Override>;

struct Contribution {
    // JSON pointer into the new file ("/evidence/wage_trends/score"; into the old file for what
    // only the old file has, a removed task), or "methodology:/key"
    std::string input;
    InputValue old_value;
    InputValue new_value;
    Rational points; // exact; inputs that move no point (impact, principles) have 0
    // The same input in the old file: another pointer for a task that moved in the list (tasks
    // are matched by name, so their indexes can differ), "" for what only the new file has.
    std::string old_input;
    std::string task; // the name of the task the input belongs to, "" for any other input
};

// The scored inputs of an assessment, without its texts: what attribution and a diff need.
// Only scores: a diff holds one of these for every file of both sides.
struct ScoredInputs {
    std::array<int, 3> principles{};
    int growth = 0;
    std::vector<ScoredTask> tasks;
    std::array<int, 5> evidence{};
    std::array<int, 5> barriers{};
    // TRS, EM, BM and GM as compute_score() found them, under the methodology these inputs
    // are attributed with: the formula is worked out in one place only.
    std::array<Rational, 4> factors{};
};
// `score`: compute_score(assessment, the methodology the inputs will be attributed with).
ScoredInputs scored_inputs(const Assessment& assessment, const Score& score);

// The method (documented in the README):
//   AIJRI = (TRS × EM × BM × GM − raw_min) × scale / raw_span
// is split exactly among its six factors with Shapley values (the average of each
// factor's marginal effect over every order of changing them), then each factor's share
// is divided among the inputs it is made of in proportion to their part of the factor's
// change: factors are linear in their inputs, except the products time share × score and
// weight × total, whose change is itself split with the two-player Shapley formula.
// The points of all contributions add up to the exact change of the formula's AIJRI.
std::vector<Contribution> attribute_change(const ScoredInputs& old_inputs,
                                           const ScoredInputs& new_inputs,
                                           const Methodology& old_methodology,
                                           const Methodology& new_methodology);
std::vector<Contribution> attribute_change(const Assessment& old_assessment,
                                           const Assessment& new_assessment,
                                           const Methodology& old_methodology,
                                           const Methodology& new_methodology);

} // namespace aijri
