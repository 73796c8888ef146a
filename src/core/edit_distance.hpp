// How far apart two names are, for "did you mean …?" in messages: a JSON key one edit from
// a known key, a document's section title or label written with a typo.
#pragma once

#include <cstddef>
#include <string_view>

namespace aijri::detail {

// Optimal string alignment distance: insertions, deletions, substitutions and
// transpositions of neighbours each count as one edit.
std::size_t edit_distance(std::string_view a, std::string_view b);

} // namespace aijri::detail
