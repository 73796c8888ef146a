// The least number of unit steps that changes the published formula zone, and the one set of
// edits the tie-break chooses: fewest inputs touched, then the earliest inputs in file order,
// then the most steps on the earliest of them.
#pragma once

#include <optional>

#include "aijri/robustness/robustness.hpp"

#include "composite.hpp"

namespace aijri::robustness_detail {

enum class Direction { down, up };

// down: edits that bring the scaled raw below `threshold` (the line under the zone);
// up: edits that bring it to `threshold` or above (the next line up).
std::optional<ZoneChange> fewest_edits(const Composite& composite,
                                       const std::vector<ScoredInput>& inputs, Direction direction,
                                       Int128 threshold);

} // namespace aijri::robustness_detail
