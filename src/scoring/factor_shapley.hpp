// The Shapley machinery of attribute_change(), apart so that tests can hold it to games whose
// Shapley values are known by hand.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <vector>

#include "aijri/util/rational.hpp"

namespace aijri::detail {

// Exact Shapley values of a game of `players` players (at most 16), where value(mask) is
// the worth of the coalition whose members are the set bits of mask.
std::vector<Rational> shapley_values(std::size_t players,
                                     const std::function<Rational(unsigned mask)>& value);

// The Shapley values of the factor game v = (x0·x1·x2·x3 − x4)·x5, each factor at its old
// value (before) or, in a coalition, its new one (after); phi[f] for every factor (0 for one
// that did not move). moved[0 … players) are the factors that moved.
std::array<Rational, 6> factor_shapley(const std::array<Rational, 6>& before,
                                       const std::array<Rational, 6>& after,
                                       const std::array<std::size_t, 6>& moved,
                                       std::size_t players);

} // namespace aijri::detail
