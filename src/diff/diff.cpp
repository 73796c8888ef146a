#include "aijri/diff/diff.hpp"
#include <algorithm>
#include <atomic>
#include <span>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "aijri/json/writer.hpp"
#include "aijri/util/threads.hpp"

namespace aijri {

std::string_view to_string(RoleStatus status) {
    switch (status) {
    case RoleStatus::changed:
        return "changed";
    case RoleStatus::added:
        return "added";
    case RoleStatus::removed:
        return "removed";
    case RoleStatus::fixed:
        return "fixed";
    case RoleStatus::broken:
        return "broken";
    case RoleStatus::invalid:
        return "invalid";
    case RoleStatus::unchanged:
        return "unchanged";
    }
    return "unchanged";
}

namespace {

using Json = nlohmann::ordered_json;

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

Json override_value(const Assessment& a) {
    if (!a.override_) {
        return nullptr;
    }
    const Override& o = *a.override_;
    Json j = Json::object();
    if (o.aijri) {
        j["aijri"] = Json::parse(detail::json_decimal_text(*o.aijri, 1));
    }
    if (o.zone) {
        j["zone"] = *o.zone;
    }
    if (o.has_sub_label) {
        j["sub_label"] = o.sub_label ? Json(*o.sub_label) : Json(nullptr);
    }
    j["reason"] = o.reason;
    return j;
}

// The entries by id, then file order. Pairing sorts these keys rather than moving entries
// into a map: an entry is large, and moving thousands of them cost as much as comparing.
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

// The run of keys at `at` that share its id, as a Side; `at` moves past it.
Side next_run(const std::vector<DiffEntry>& all, const std::vector<Keyed>& keys, std::size_t& at) {
    const std::size_t begin = at;
    while (at < keys.size() && keys[at].id == keys[begin].id) {
        ++at;
    }
    return Side{&all, std::span<const Keyed>(keys).subspan(begin, at - begin)};
}

// Every id with its entries on each side (nullopt: none), in the order the report breaks
// ties in: the ids of the old side in byte order, then the ids only the new side has.
std::vector<std::pair<std::optional<Side>, std::optional<Side>>>
pair_by_id(const std::vector<DiffEntry>& old_side, const std::vector<Keyed>& old_keys,
           const std::vector<DiffEntry>& new_side, const std::vector<Keyed>& new_keys) {
    std::vector<std::pair<std::optional<Side>, std::optional<Side>>> pairs;
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

using Pair = std::pair<std::optional<Side>, std::optional<Side>>;

// A file that could not be read as far as its id has its file name's, which is often not
// its role's: a role whose file breaks (a conflict marker on its first line) would show as
// one role removed and another invalid, and the reverse as one removed and one added. Such a
// file, alone in its pair, is paired instead with the file alone at the same place on the
// other side. (A pair of two files whose ids were both read stays two roles.)
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

// What one side has of an id: nothing, one valid file, or errors (an invalid file, more
// than one file with the id, a file that could not be read or scored).
struct SideCheck {
    bool present = false;
    bool valid = false;
    bool io_error = false;          // see RoleDiff
    bool methodology_error = false; // see RoleDiff
    std::vector<std::string> errors;
    SourcePosition error_position;
};

SideCheck check_side(const Side* side, std::string_view id) {
    SideCheck check;
    if (side == nullptr) {
        return check;
    }
    check.present = true;
    if (side->size() > 1) {
        std::string files;
        for (std::size_t i = 0; i < side->size(); ++i) {
            files += (files.empty() ? "" : ", ") + side->at(i).file;
        }
        check.errors.push_back(
            fmt::format("the id \"{}\" is used by more than one file: {}", id, files));
        return check;
    }
    const DiffEntry& e = side->front();
    check.valid = e.valid;
    check.io_error = e.io_error;
    check.methodology_error = e.methodology_error;
    check.errors = e.errors;
    check.error_position = e.error_position;
    return check;
}

// The status of a role that was not compared (at most one side valid), with its verdict and
// errors. What was invalid in the old version and is fixed or gone in the new one is no
// fault of the new version: only a side that could not be read or scored is reported
// whatever its version, since nothing can be said of its role.
void settle_uncompared(RoleDiff& role, SideCheck old_side, SideCheck new_side,
                       const DiffEntry* old_entry, const DiffEntry* new_entry) {
    const auto append = [&role](std::vector<std::string>& errors) {
        role.errors.insert(role.errors.end(), std::make_move_iterator(errors.begin()),
                           std::make_move_iterator(errors.end()));
    };
    if (old_side.io_error || old_side.methodology_error || new_side.io_error ||
        new_side.methodology_error) {
        role.status = RoleStatus::invalid;
        role.io_error = old_side.io_error || new_side.io_error;
        role.methodology_error = old_side.methodology_error || new_side.methodology_error;
        append(old_side.errors);
        append(new_side.errors);
        return;
    }
    if (old_side.valid) {
        role.old_verdict = old_entry->verdict;
    }
    if (new_side.valid) {
        role.new_verdict = new_entry->verdict;
    }
    if (!new_side.present) {
        role.status = RoleStatus::removed;
    } else if (new_side.valid) {
        role.status = old_side.present ? RoleStatus::fixed : RoleStatus::added;
    } else {
        role.status = old_side.valid ? RoleStatus::broken : RoleStatus::invalid;
        append(new_side.errors);
        role.error_position = new_side.error_position;
    }
}

void compare(RoleDiff& role, const DiffEntry& old_entry, const DiffEntry& new_entry,
             const Methodology& old_m, const Methodology& new_m) {
    const DiffFigures& a = *old_entry.figures;
    const DiffFigures& b = *new_entry.figures;
    const RoleVerdict& old_v = *old_entry.verdict;
    const RoleVerdict& new_v = *new_entry.verdict;
    role.old_verdict = old_v;
    role.new_verdict = new_v;
    role.delta = new_v.aijri - old_v.aijri;
    role.zone_changed = old_v.zone != new_v.zone;
    role.contributions = attribute_change(a.inputs, b.inputs, old_m, new_m);
    Rational exact = b.aijri_exact - a.aijri_exact;
    if (a.override_value != b.override_value) {
        // The override's own effect on the final AIJRI, named as a contribution.
        const Rational effect = (new_v.aijri - b.formula_aijri) - (old_v.aijri - a.formula_aijri);
        role.contributions.push_back(
            {"/override", a.override_value, b.override_value, effect, "/override", ""});
        exact += effect;
    }
    role.delta_exact = exact;
    const bool moved =
        *role.delta != Rational(0) || old_v.label != new_v.label || !role.contributions.empty();
    role.status = moved ? RoleStatus::changed : RoleStatus::unchanged;
}

// What the reports print of a compared role, computed once here so that exact arithmetic
// that overflows is found while comparing, not halfway through writing a report.
void check_printable(const RoleDiff& role, int decimals) {
    for (const Contribution& c : role.contributions) {
        (void)to_fixed(c.points, 2);
        (void)detail::json_decimal_text(c.points, 4);
        (void)to_exact_string(c.points);
    }
    (void)to_fixed(*role.delta, decimals);
    (void)to_exact_string(*role.delta_exact);
}

std::string methodology_names(const Methodology& old_m, const Methodology& new_m) {
    return old_m.name == new_m.name
               ? fmt::format("the methodology \"{}\"", new_m.name)
               : fmt::format("the methodologies \"{}\" and \"{}\"", old_m.name, new_m.name);
}

// Compares two valid entries. Attribution works in exact arithmetic, over more products than
// scoring does: a methodology whose constants scored each side may still overflow it, which
// makes the role an error that names the methodology (never an exception out of the diff).
void compare_or_refuse(RoleDiff& role, const DiffEntry& a, const DiffEntry& b,
                       const Methodology& old_m, const Methodology& new_m) {
    try {
        compare(role, a, b, old_m, new_m);
        check_printable(role, new_m.published_decimals);
    } catch (const std::overflow_error&) {
        role.status = RoleStatus::invalid;
        role.old_verdict.reset();
        role.new_verdict.reset();
        role.delta.reset();
        role.delta_exact.reset();
        role.zone_changed = false;
        role.contributions.clear();
        role.methodology_error = true;
        role.errors.push_back(fmt::format(
            "{}: error: the change cannot be attributed with {}: its constants take exact "
            "arithmetic beyond 128 bits (use fewer decimals or smaller constants)",
            b.file, methodology_names(old_m, new_m)));
    }
}

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

} // namespace

DiffEntry::DiffEntry(const DiffEntry& other)
    : file(other.file), place(other.place), id(other.id), id_unread(other.id_unread),
      valid(other.valid), methodology_error(other.methodology_error), io_error(other.io_error),
      errors(other.errors), error_position(other.error_position), verdict(other.verdict),
      figures(other.figures ? std::make_unique<DiffFigures>(*other.figures) : nullptr),
      skipped(other.skipped) {}

DiffEntry& DiffEntry::operator=(const DiffEntry& other) {
    if (this != &other) {
        *this = DiffEntry(other);
    }
    return *this;
}

DiffEntry make_diff_entry(const Evaluation& e) {
    DiffEntry entry;
    entry.file = e.file;
    if (!e.skipped.empty()) {
        entry.skipped = e.skipped;
        return entry;
    }
    // An invalid file is paired by the id it gives when that much of it could be read: a
    // role whose file breaks, or is repaired, is one role, whatever its file is called.
    entry.id = e.assessment             ? e.assessment->id
               : !e.declared_id.empty() ? e.declared_id
                                        : id_from_path(e.file);
    entry.id_unread = !e.assessment && e.declared_id.empty();
    entry.valid = e.valid();
    entry.methodology_error = e.methodology_error;
    entry.io_error = e.io_error;
    if (!entry.valid) {
        for (const Diagnostic& d : e.diagnostics) {
            if (d.severity == Severity::error) {
                entry.errors.push_back(format_diagnostic(e.file, d));
                if (entry.error_position.line == 0) {
                    entry.error_position = d.position;
                }
            }
        }
        return entry;
    }
    const Verdict& final_verdict = e.score->final_;
    entry.verdict = RoleVerdict{final_verdict.aijri, final_verdict.zone, final_verdict.label};
    entry.figures = std::make_unique<DiffFigures>(
        DiffFigures{scored_inputs(*e.assessment, *e.score), e.score->formula.aijri,
                    e.score->aijri_exact, override_value(*e.assessment)});
    return entry;
}

namespace {

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
          old_keys(old_whole ? sorted_by_id(old_side) : std::vector<Keyed>{}), new_side(new_count),
          compared(new_count, 0), old_m(om), new_m(nm) {
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
        compare_or_refuse(role, old, added, old_m, new_m);
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
        d.old_keys = sorted_by_id(d.old_side);
    }
    const std::vector<Keyed> new_keys = sorted_by_id(d.new_side);
    auto pairs = pair_by_id(d.old_side, d.old_keys, d.new_side, new_keys);
    pair_unread_by_place(pairs);
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
        SideCheck old_check = check_side(old_s, role.id);
        SideCheck new_check = check_side(new_s, role.id);
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
        settle_uncompared(role, std::move(old_check), std::move(new_check),
                          old_s ? &old_s->front() : nullptr, new_s ? &new_s->front() : nullptr);
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

namespace {

// A walked file's path below its side's root: "" for the root itself (a file named).
std::string_view below_root(std::string_view path, std::string_view root) {
    if (!path.starts_with(root)) {
        return path;
    }
    path.remove_prefix(root.size());
    while (!path.empty() && path.front() == '/') {
        path.remove_prefix(1);
    }
    return path;
}

} // namespace

namespace {

// The order a walk gives its files in: folder by folder, each folder's names in byte order,
// so paths compare component by component ('/' ends a component: it sorts before any byte).
bool walk_order_less(std::string_view a, std::string_view b) {
    const std::size_t common = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < common; ++i) {
        if (a[i] != b[i]) {
            if (a[i] == '/' || b[i] == '/') {
                return a[i] == '/';
            }
            return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]);
        }
    }
    return a.size() < b.size();
}

constexpr std::size_t k_no_pair = ~std::size_t{0};

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

// Both walks list their files in walk order, so one pass over the two lists finds the
// files at the same path below their roots.
ReadingPlan plan_reading(const std::vector<InputFile>& old_files, std::string_view old_root,
                         const std::vector<InputFile>& new_files, std::string_view new_root) {
    ReadingPlan plan;
    plan.origin.reserve(old_files.size() + new_files.size());
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < old_files.size() || j < new_files.size()) {
        const std::string_view old_path =
            i < old_files.size() ? below_root(old_files[i].path, old_root) : "";
        const std::string_view new_path =
            j < new_files.size() ? below_root(new_files[j].path, new_root) : "";
        if (j == new_files.size() ||
            (i < old_files.size() && walk_order_less(old_path, new_path))) {
            plan.origin.push_back({true, i++, k_no_pair});
        } else if (i == old_files.size() || walk_order_less(new_path, old_path)) {
            plan.origin.push_back({false, j++, k_no_pair});
        } else {
            plan.origin.push_back({true, i, plan.pairs.size()});
            plan.origin.push_back({false, j, plan.pairs.size()});
            plan.pairs.emplace_back(i++, j++);
        }
    }
    return plan;
}

} // namespace

DiffResult diff_files(std::vector<InputFile> old_files, std::string_view old_root,
                      std::vector<InputFile> new_files, std::string_view new_root,
                      const Methodology& old_m, const Methodology& new_m,
                      const BatchOptions& options) {
    const ReadingPlan plan = plan_reading(old_files, old_root, new_files, new_root);
    std::vector<InputFile> files;
    files.reserve(plan.origin.size());
    for (const Origin& at : plan.origin) {
        files.push_back(std::move(at.old_side ? old_files[at.index] : new_files[at.index]));
    }
    DiffBuilder builder(old_files.size(), new_files.size(), old_m, new_m);
    // Whichever file of a pair is scored second compares the two, on its thread.
    const auto& pairs = plan.pairs;
    const auto arrived = std::make_unique<std::atomic<unsigned char>[]>(pairs.size());
    evaluate_all(
        files, options,
        [&](std::size_t k) -> const Methodology& {
            return plan.origin[k].old_side ? old_m : new_m;
        },
        [&](std::size_t k, Evaluation&& e) {
            const Origin at = plan.origin[k];
            DiffEntry entry = make_diff_entry(e);
            entry.place = below_root(e.file, at.old_side ? old_root : new_root);
            if (at.old_side) {
                builder.add_old(at.index, std::move(entry));
            } else {
                builder.add(at.index, std::move(entry));
            }
            if (at.pair != k_no_pair &&
                arrived[at.pair].fetch_add(1, std::memory_order_acq_rel) == 1) {
                builder.compare_early(pairs[at.pair].first, pairs[at.pair].second);
            }
        });
    return builder.finish();
}

std::optional<std::string> diff_gate_failure(const RoleDiff& role, const DiffGates& gates,
                                             int decimals) {
    // Every gate a role trips is named, not only the first.
    std::vector<std::string> reasons;
    if (gates.fail_on_zone_change && role.zone_changed) {
        reasons.push_back(fmt::format("zone changed from {} to {} (--fail-on-zone-change)",
                                      role.old_verdict->zone, role.new_verdict->zone));
    }
    if (gates.fail_on_drop && role.delta && -*role.delta >= *gates.fail_on_drop) {
        reasons.push_back(fmt::format("dropped {} points (--fail-on-drop {})",
                                      to_fixed(-*role.delta, decimals),
                                      to_decimal(*gates.fail_on_drop, 0, 6)));
    }
    if (reasons.empty()) {
        return std::nullopt;
    }
    return fmt::format("{}", fmt::join(reasons, "; "));
}

void apply_gates(DiffResult& result, const DiffGates& gates, int decimals) {
    for (const std::unique_ptr<RoleDiff>& role : result.roles.held()) {
        role->gate = diff_gate_failure(*role, gates, decimals);
    }
}

} // namespace aijri
