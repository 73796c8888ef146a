#include "pairing.hpp"
#include <algorithm>
#include <unordered_map>

namespace aijri::detail {

std::vector<Keyed> sorted_by_id(const std::vector<DiffEntry>& entries) {
    std::vector<Keyed> keys;
    keys.reserve(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].skipped.empty()) { // a skipped file is no role
            keys.push_back({entries[i].id, i});
        }
    }
    std::sort(keys.begin(), keys.end(), [](const Keyed& a, const Keyed& b) {
        return a.id != b.id ? a.id < b.id : a.index < b.index;
    });
    return keys;
}

namespace {

// The run of keys at `at` that share its id, as a Side; `at` moves past it.
Side next_run(const std::vector<DiffEntry>& all, const std::vector<Keyed>& keys, std::size_t& at) {
    const std::size_t begin = at;
    while (at < keys.size() && keys[at].id == keys[begin].id) {
        ++at;
    }
    return Side{&all, std::span<const Keyed>(keys).subspan(begin, at - begin)};
}

} // namespace

std::vector<Pair> pair_by_id(const std::vector<DiffEntry>& old_side,
                             const std::vector<Keyed>& old_keys,
                             const std::vector<DiffEntry>& new_side,
                             const std::vector<Keyed>& new_keys) {
    std::vector<Pair> pairs;
    std::vector<Side> only_new;
    std::size_t o = 0;
    std::size_t n = 0;
    while (o < old_keys.size()) {
        const Side old_run = next_run(old_side, old_keys, o);
        const std::string_view id = old_run.keyed.front().id;
        while (n < new_keys.size() && new_keys[n].id < id) {
            only_new.push_back(next_run(new_side, new_keys, n));
        }
        std::optional<Side> new_run;
        if (n < new_keys.size() && new_keys[n].id == id) {
            new_run = next_run(new_side, new_keys, n);
        }
        pairs.emplace_back(old_run, new_run);
    }
    while (n < new_keys.size()) {
        only_new.push_back(next_run(new_side, new_keys, n));
    }
    for (const Side& side : only_new) {
        pairs.emplace_back(std::nullopt, side);
    }
    return pairs;
}

void pair_unread_by_place(std::vector<Pair>& pairs) {
    const auto alone = [](const std::optional<Side>& side) -> const DiffEntry* {
        return side && side->size() == 1 && !side->front().place.empty() ? &side->front() : nullptr;
    };
    std::unordered_map<std::string_view, std::size_t> new_only; // place → pair
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        if (!pairs[i].first) {
            if (const DiffEntry* e = alone(pairs[i].second)) {
                new_only.emplace(e->place, i);
            }
        }
    }
    if (new_only.empty()) {
        return;
    }
    std::vector<bool> merged(pairs.size(), false);
    for (Pair& pair : pairs) {
        const DiffEntry* old_entry = pair.second ? nullptr : alone(pair.first);
        if (old_entry == nullptr) {
            continue;
        }
        const auto it = new_only.find(old_entry->place);
        if (it == new_only.end()) {
            continue;
        }
        Pair& other = pairs[it->second];
        if (old_entry->id_unread || other.second->front().id_unread) {
            pair.second = other.second;
            merged[it->second] = true;
        }
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        if (!merged[i]) {
            pairs[kept++] = std::move(pairs[i]);
        }
    }
    pairs.resize(kept);
}

} // namespace aijri::detail
