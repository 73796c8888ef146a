#include <algorithm>
#include <atomic>
#include <stdexcept>

#include "aijri/util/threads.hpp"

#include "builder.hpp"
#include "compare.hpp"
#include "pairing.hpp"

namespace aijri {

namespace {

using detail::Keyed;
using detail::Side;
using detail::SideCheck;

// The roles at `order`, in that order (the others are dropped).
RoleList::Held in_order(RoleList::Held& roles, const std::vector<std::size_t>& order) {
    RoleList::Held ordered;
    ordered.reserve(order.size());
    for (const std::size_t i : order) {
        ordered.push_back(std::move(roles[i]));
    }
    return ordered;
}

int rank(RoleStatus s) {
    return static_cast<int>(s);
}

Rational magnitude(const std::optional<Rational>& r) {
    return r ? (*r < Rational(0) ? -*r : *r) : Rational(0);
}

// Changed roles first (largest move first), then added, removed, fixed, broken, invalid and
// unchanged; ties keep the pairing order. Then the counts.
void order_and_count(DiffResult& result) {
    // Sorted by key (a magnitude is worked out once, not at every comparison), then put in
    // that order.
    struct SortKey {
        int rank;
        Rational magnitude;
        std::size_t index;
    };
    RoleList::Held& roles = result.roles.held();
    std::vector<SortKey> keys;
    keys.reserve(roles.size());
    for (std::size_t i = 0; i < roles.size(); ++i) {
        keys.push_back({rank(roles[i]->status), magnitude(roles[i]->delta_exact), i});
    }
    std::stable_sort(keys.begin(), keys.end(), [](const SortKey& x, const SortKey& y) {
        if (x.rank != y.rank) {
            return x.rank < y.rank;
        }
        return x.magnitude > y.magnitude;
    });
    std::vector<std::size_t> order(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        order[i] = keys[i].index;
    }
    roles = in_order(roles, order);
    for (const RoleDiff& r : result.roles) {
        DiffSummary& s = result.summary;
        (r.status == RoleStatus::added     ? s.added
         : r.status == RoleStatus::removed ? s.removed
         : r.status == RoleStatus::changed ? s.changed
         : r.status == RoleStatus::fixed   ? s.fixed
         : r.status == RoleStatus::broken  ? s.broken
         : r.status == RoleStatus::invalid ? s.invalid
                                           : s.unchanged) += 1;
        s.zone_changes += r.zone_changed ? 1 : 0;
        s.renamed += r.renamed() ? 1U : 0U;
    }
}

} // namespace

struct DiffBuilder::Impl {
    Impl(std::vector<DiffEntry> old, bool old_whole, std::size_t new_count, const Methodology& om,
         const Methodology& nm)
        : old_side(std::move(old)), old_complete(old_whole),
          old_keys(old_whole ? detail::sorted_by_id(old_side) : std::vector<Keyed>{}),
          new_side(new_count), compared(new_count, 0), old_m(om), new_m(nm) {
        roles.reserve(new_count + old_side.size());
        roles.resize(new_count);
    }

    // Compares two valid entries of one id into roles[new_index] (finish() adds their file
    // names), then drops their figures: needed only to compare, their memory goes to the
    // next file this thread scores rather than to fresh pages.
    void compare_into(DiffEntry& old, std::size_t new_index) {
        DiffEntry& added = new_side[new_index];
        RoleDiff role;
        role.id = added.id;
        detail::compare_or_refuse(role, old, added, old_m, new_m);
        roles[new_index] = std::make_unique<RoleDiff>(std::move(role));
        compared[new_index] = 1;
        added.figures.reset();
        // An old side given whole is shared: two new files with one id (an error of that
        // id, found in finish()) may be compared with the same old entry at once.
        if (!old_complete) {
            old.figures.reset();
        }
    }

    std::vector<DiffEntry> old_side;
    const bool old_complete;         // given whole: new entries are compared as they are added
    std::vector<Keyed> old_keys;     // views of old_side's ids, which never move
    std::vector<DiffEntry> new_side; // without their figures, once compared
    // roles[i] for new entry i: its comparison, made before finish() when its id has one
    // valid entry on each side (compared[i]); used when the id has one on the new side.
    // finish() adds the roles of ids only the old side has.
    RoleList::Held roles;
    std::vector<unsigned char> compared; // not vector<bool>: threads set neighbouring flags
    const Methodology& old_m;
    const Methodology& new_m;
};

DiffBuilder::DiffBuilder(std::vector<DiffEntry> old_side, std::size_t new_count,
                         const Methodology& old_methodology, const Methodology& new_methodology)
    : m_impl(std::make_unique<Impl>(std::move(old_side), true, new_count, old_methodology,
                                    new_methodology)) {}

DiffBuilder::DiffBuilder(std::size_t old_count, std::size_t new_count,
                         const Methodology& old_methodology, const Methodology& new_methodology)
    : m_impl(std::make_unique<Impl>(std::vector<DiffEntry>(old_count), false, new_count,
                                    old_methodology, new_methodology)) {}

DiffBuilder::~DiffBuilder() = default;

void DiffBuilder::add(std::size_t index, DiffEntry&& entry) {
    Impl& d = *m_impl;
    DiffEntry& added = d.new_side.at(index);
    added = std::move(entry);
    if (!d.old_complete) {
        return;
    }
    const auto [first, last] =
        std::equal_range(d.old_keys.begin(), d.old_keys.end(), Keyed{added.id, 0},
                         [](const Keyed& a, const Keyed& b) { return a.id < b.id; });
    if (added.valid && last - first == 1 && d.old_side[first->index].valid) {
        d.compare_into(d.old_side[first->index], index);
    }
}

void DiffBuilder::add_old(std::size_t index, DiffEntry&& entry) {
    Impl& d = *m_impl;
    if (d.old_complete) {
        throw std::logic_error("DiffBuilder::add_old: the old side was given whole");
    }
    d.old_side.at(index) = std::move(entry);
}

void DiffBuilder::compare_early(std::size_t old_index, std::size_t new_index) {
    Impl& d = *m_impl;
    DiffEntry& old = d.old_side.at(old_index);
    const DiffEntry& added = d.new_side.at(new_index);
    // Another entry of either side may still share the id (an error of that id): the
    // comparison is then not used, and was only wasted work.
    if (old.figures && added.figures && old.id == added.id) {
        d.compare_into(old, new_index);
    }
}

DiffResult DiffBuilder::finish() {
    Impl& d = *m_impl;
    if (!d.old_complete) {
        d.old_keys = detail::sorted_by_id(d.old_side);
    }
    const std::vector<Keyed> new_keys = detail::sorted_by_id(d.new_side);
    auto pairs = detail::pair_by_id(d.old_side, d.old_keys, d.new_side, new_keys);
    detail::pair_unread_by_place(pairs);
    RoleList::Held& roles = d.roles;
    std::vector<std::size_t> in_pair_order; // where each pair's role is in `roles`
    in_pair_order.reserve(pairs.size());
    for (const auto& [old_run, new_run] : pairs) {
        const Side* old_s = old_run ? &*old_run : nullptr;
        const Side* new_s = new_run ? &*new_run : nullptr;
        // A role of the new side stays in its first file's place; one of the old side only
        // goes at the end (there is room).
        const std::size_t slot = new_s ? new_s->keyed.front().index : roles.size();
        if (new_s == nullptr) {
            roles.emplace_back();
        }
        in_pair_order.push_back(slot);
        RoleDiff role;
        // The id a file gives, rather than one from a file name (pair_unread_by_place).
        const bool old_id_read = old_s != nullptr && !(new_s && old_s->front().id_unread);
        role.id = (old_id_read ? old_s : new_s)->front().id;
        SideCheck old_check = detail::check_side(old_s, role.id);
        SideCheck new_check = detail::check_side(new_s, role.id);
        if (old_check.valid && new_check.valid) {
            // One valid entry a side: compared already (the role is in its place), or now.
            // The entries end with finish(): their file names move to the role.
            DiffEntry& old = d.old_side[old_s->keyed.front().index];
            if (d.compared[slot] == 0) {
                d.compare_into(old, slot);
            }
            RoleDiff& compared = *roles[slot];
            compared.old_file = std::move(old.file);
            compared.new_file = std::move(d.new_side[slot].file);
            compared.old_place = std::move(old.place);
            compared.new_place = std::move(d.new_side[slot].place);
            continue;
        }
        if (old_s != nullptr) {
            role.old_file = old_s->front().file;
            role.old_place = old_s->front().place;
        }
        if (new_s != nullptr) {
            role.new_file = new_s->front().file;
            role.new_place = new_s->front().place;
        }
        detail::settle_uncompared(role, std::move(old_check), std::move(new_check),
                                  old_s ? &old_s->front() : nullptr,
                                  new_s ? &new_s->front() : nullptr);
        roles[slot] = std::make_unique<RoleDiff>(std::move(role));
    }
    // The places of new entries whose id has more than one file are left out.
    DiffResult result;
    result.roles.held() = in_order(roles, in_pair_order);
    order_and_count(result);
    for (const std::vector<DiffEntry>* side : {&d.old_side, &d.new_side}) {
        for (const DiffEntry& entry : *side) {
            if (!entry.skipped.empty()) {
                result.warnings.push_back(entry.skipped);
            }
        }
    }
    return result;
}

DiffResult diff_entries(std::vector<DiffEntry> old_side, std::vector<DiffEntry> new_side,
                        const Methodology& old_m, const Methodology& new_m, unsigned jobs) {
    DiffBuilder builder(std::move(old_side), new_side.size(), old_m, new_m);
    // Attributing a change is the costly part (an exact Shapley split per role), and roles
    // are independent: they are compared on all cores.
    std::atomic<std::size_t> next{0};
    detail::run_on_threads(
        std::min<std::size_t>(std::max(jobs, 1U), new_side.size()),
        [&] {
            for (std::size_t i = next++; i < new_side.size(); i = next++) {
                builder.add(i, std::move(new_side[i]));
            }
        },
        [&] { next = new_side.size(); });
    return builder.finish();
}

} // namespace aijri
