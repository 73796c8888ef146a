// What every JSON text aijri reads is held to.
#pragma once

#include <cstddef>

namespace aijri {

// Nesting beyond this many arrays/objects is refused: the format itself needs four.
inline constexpr std::size_t k_max_json_depth = 64;
// A file with more errors than this gets that many, then one saying that the rest of the
// file was not checked.
inline constexpr std::size_t k_max_errors = 100;

} // namespace aijri
