// The bounds of each scored input (METHODOLOGY.md §1), written once: the reader checks a
// score and a declared range against them, and the robustness analysis edits within them.
#pragma once

namespace aijri {

struct ScoreBounds {
    int min = 0;
    int max = 0;
};

inline constexpr ScoreBounds k_principle_bounds{0, 3};
inline constexpr ScoreBounds k_growth_bounds{-2, 2};
inline constexpr ScoreBounds k_task_score_bounds{1, 5};
inline constexpr ScoreBounds k_evidence_bounds{-2, 2};
inline constexpr ScoreBounds k_barrier_bounds{0, 2};

} // namespace aijri
