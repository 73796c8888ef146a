// The order a diff of two walks reads its files in.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "aijri/io/walk.hpp"

namespace aijri::detail {

// A walked file's path below its side's root: "" for the root itself (a file named).
std::string_view below_root(std::string_view path, std::string_view root);

// The order a walk gives its files in: folder by folder, each folder's names in byte order,
// so paths compare component by component ('/' ends a component: it sorts before any byte).
bool walk_order_less(std::string_view a, std::string_view b);

inline constexpr std::size_t k_no_pair = ~std::size_t{0};

// Where each file of a diff's reading list comes from.
struct Origin {
    bool old_side;
    std::size_t index;
    std::size_t pair; // into ReadingPlan::pairs, or k_no_pair
};

// The order a diff reads its files in: walk order, with a file and the one at the same path
// below the other root (almost always the same role) one after the other.
struct ReadingPlan {
    std::vector<std::pair<std::size_t, std::size_t>> pairs; // (old index, new index)
    std::vector<Origin> origin;
};

// Both lists are walks, in walk order: one pass over them finds the files at the same path
// below their roots.
ReadingPlan plan_reading(const std::vector<InputFile>& old_files, std::string_view old_root,
                         const std::vector<InputFile>& new_files, std::string_view new_root);

} // namespace aijri::detail
