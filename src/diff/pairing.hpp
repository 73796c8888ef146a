// Which old file goes with which new one: by id, and a file whose id could not be read by
// its place.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "entry.hpp"

namespace aijri::detail {

// An entry of a side, by id; `index` is its place in the side, which is in file order.
struct Keyed {
    std::string_view id;
    std::size_t index;
};

// The entries of one id on one side (more than one is an error), left where they are.
struct Side {
    const std::vector<DiffEntry>* all;
    std::span<const Keyed> keyed;

    std::size_t size() const { return keyed.size(); }
    const DiffEntry& at(std::size_t i) const { return (*all)[keyed[i].index]; }
    const DiffEntry& front() const { return at(0); }
};

// An id's entries on each side (nullopt: none).
using Pair = std::pair<std::optional<Side>, std::optional<Side>>;

// The entries by id, then file order, skipped files left out. Pairing sorts these keys
// rather than moving entries into a map: an entry is large, and moving thousands of them
// cost as much as comparing.
std::vector<Keyed> sorted_by_id(const std::vector<DiffEntry>& entries);

// Every id with its entries on each side, in the order the report breaks ties in: the ids
// of the old side in byte order, then the ids only the new side has. The keys are
// sorted_by_id() of their side.
std::vector<Pair> pair_by_id(const std::vector<DiffEntry>& old_side,
                             const std::vector<Keyed>& old_keys,
                             const std::vector<DiffEntry>& new_side,
                             const std::vector<Keyed>& new_keys);

// A file that could not be read as far as its id has its file name's, which is often not
// its role's: a role whose file breaks (a conflict marker on its first line) would show as
// one role removed and another invalid, and the reverse as one removed and one added. Such a
// file, alone in its pair, is paired instead with the file alone at the same place on the
// other side. (A pair of two files whose ids were both read stays two roles.)
void pair_unread_by_place(std::vector<Pair>& pairs);

} // namespace aijri::detail
