// Pairing and comparing the entries of two sides, as they are scored.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "aijri/diff/diff.hpp"
#include "aijri/model/methodology.hpp"

#include "entry.hpp"

namespace aijri {

// Pairs the assessments of both sides by id (the "id" field or a document's ID row, else the
// file name without its extension) and compares them, on `jobs` threads. Two files of one side with
// the same id are an error of that id.
DiffResult diff_entries(std::vector<DiffEntry> old_side, std::vector<DiffEntry> new_side,
                        const Methodology& old_methodology, const Methodology& new_methodology,
                        unsigned jobs = 1);

// diff_entries() for sides that are still being scored. Either the old side is given whole
// and each new entry is compared with its partner as it is added, on the thread that scored
// it; or both sides are added entry by entry, and compare_early() compares two entries that
// are likely partners (the same path in two folders) as soon as both are in, so that no
// side's inputs are held whole. Either way an entry's figures (most of it) are dropped once
// it is compared; finish() compares whatever was not compared before.
class DiffBuilder {
public:
    DiffBuilder(std::vector<DiffEntry> old_side, std::size_t new_count,
                const Methodology& old_methodology, const Methodology& new_methodology);
    DiffBuilder(std::size_t old_count, std::size_t new_count, const Methodology& old_methodology,
                const Methodology& new_methodology);
    ~DiffBuilder();
    DiffBuilder(const DiffBuilder&) = delete;
    DiffBuilder& operator=(const DiffBuilder&) = delete;

    // The entry of the new side's file `index` (0 ≤ index < new_count, in the side's file
    // order). Threads may add at once, each its own indexes.
    void add(std::size_t index, DiffEntry&& entry);
    // The entry of the old side's file `index`, when the old side was not given whole.
    void add_old(std::size_t index, DiffEntry&& entry);
    // Compares old entry `old_index` with new entry `new_index` (both added) if they share an
    // id, each valid. Threads may compare at once, each its own entries.
    void compare_early(std::size_t old_index, std::size_t new_index);
    // The result, once every entry was added. Entries are paired by id; besides, an entry
    // whose id could not be read, alone on its side, is paired with the entry alone at the
    // same place on the other side, when there is one.
    DiffResult finish();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace aijri
