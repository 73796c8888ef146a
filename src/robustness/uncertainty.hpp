// The exact distribution of the published verdict when inputs are uncertain, and the
// variance-based indices of the composite.
#pragma once

#include <vector>

#include "aijri/robustness/robustness.hpp"

#include "composite.hpp"

namespace aijri::robustness_detail {

// The values an input takes under the model: its declared range, else {s−1, s, s+1} within
// its bounds (default model) or its score alone (declared model).
struct Support {
    int lo = 0;
    int hi = 0;
    int size() const { return hi - lo + 1; }
};
std::vector<Support> supports(const std::vector<ScoredInput>& inputs, UncertaintyModel model);

// The integers the counting runs in: the narrowest that holds every count (automatic), or,
// for tests that check the three agree, the one named.
enum class Counting { automatic, machine_words, bits_128, gmp };

Uncertainty analyse_uncertainty(const Composite& composite, const std::vector<Support>& supports,
                                UncertaintyModel model, Counting counting = Counting::automatic);

std::vector<Sensitivity> analyse_sensitivity(const Composite& composite,
                                             const std::vector<Support>& supports);

} // namespace aijri::robustness_detail
