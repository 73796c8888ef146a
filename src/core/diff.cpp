#include "aijri/diff.hpp"
#include <algorithm>
#include <atomic>
#include <span>
#include <stdexcept>
#include <string_view>

#include <fmt/format.h>

#include "aijri/report_batch.hpp"
#include "aijri/report_json.hpp"
#include "aijri/report_text.hpp"
#include "aijri/text.hpp"

#include "json_writer.hpp"
#include "threads.hpp"

namespace aijri {

std::string_view to_string(RoleStatus status) {
    switch (status) {
    case RoleStatus::changed:
        return "changed";
    case RoleStatus::added:
        return "added";
    case RoleStatus::removed:
        return "removed";
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
        j["aijri"] = json_number(*o.aijri, 1);
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

// A side is usable when it is one valid entry; otherwise its errors are collected.
bool usable(const Side* side, RoleDiff& role) {
    if (side == nullptr) {
        return true;
    }
    if (side->size() > 1) {
        std::string files;
        for (std::size_t i = 0; i < side->size(); ++i) {
            files += (files.empty() ? "" : ", ") + side->at(i).file;
        }
        role.errors.push_back(
            fmt::format("the id \"{}\" is used by more than one file: {}", role.id, files));
        return false;
    }
    const DiffEntry& e = side->front();
    if (!e.valid) {
        role.methodology_error = role.methodology_error || e.methodology_error;
        role.io_error = role.io_error || e.io_error;
        role.errors.insert(role.errors.end(), e.errors.begin(), e.errors.end());
        return false;
    }
    return true;
}

RoleVerdict role_verdict(const Verdict& v) {
    return RoleVerdict{v.aijri, v.zone, v.label};
}

void compare(RoleDiff& role, const DiffFigures& a, const DiffFigures& b, const Methodology& old_m,
             const Methodology& new_m) {
    role.old_verdict = role_verdict(a.final_);
    role.new_verdict = role_verdict(b.final_);
    role.delta = b.final_.aijri - a.final_.aijri;
    role.zone_changed = a.final_.zone != b.final_.zone;
    role.contributions = attribute_change(a.inputs, b.inputs, old_m, new_m);
    Rational exact = b.aijri_exact - a.aijri_exact;
    if (a.override_value != b.override_value) {
        // The override's own effect on the final AIJRI, named as a contribution.
        const Rational effect =
            (b.final_.aijri - b.formula_aijri) - (a.final_.aijri - a.formula_aijri);
        role.contributions.push_back({"/override", a.override_value, b.override_value, effect});
        exact += effect;
    }
    role.delta_exact = exact;
    const bool moved = *role.delta != Rational(0) || a.final_.label != b.final_.label ||
                       !role.contributions.empty();
    role.status = moved ? RoleStatus::changed : RoleStatus::unchanged;
}

// What the reports print of a compared role, computed once here so that exact arithmetic
// that overflows is found while comparing, not halfway through writing a report.
void check_printable(const RoleDiff& role, int decimals) {
    for (const Contribution& c : role.contributions) {
        (void)to_fixed(c.points, 2);
        (void)json_number(c.points, 4);
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
        compare(role, *a.figures, *b.figures, old_m, new_m);
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
    : file(other.file), id(other.id), valid(other.valid),
      methodology_error(other.methodology_error), io_error(other.io_error), errors(other.errors),
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
    entry.id = e.assessment ? e.assessment->id : id_from_path(e.file);
    entry.valid = e.valid();
    entry.methodology_error = e.methodology_error;
    entry.io_error = e.io_error;
    if (!entry.valid) {
        for (const Diagnostic& d : e.diagnostics) {
            if (d.severity == Severity::error) {
                entry.errors.push_back(format_diagnostic(e.file, d));
            }
        }
        return entry;
    }
    entry.figures = std::make_unique<DiffFigures>(
        DiffFigures{scored_inputs(*e.assessment, *e.score), e.score->final_, e.score->formula.aijri,
                    e.score->aijri_exact, override_value(*e.assessment)});
    return entry;
}

namespace {

// Changed roles first (largest move first), then added, removed, invalid and unchanged;
// ties keep the pairing order. Then the counts.
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
         : r.status == RoleStatus::invalid ? s.invalid
                                           : s.unchanged) += 1;
        s.zone_changes += r.zone_changed ? 1 : 0;
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
    const auto pairs = pair_by_id(d.old_side, d.old_keys, d.new_side, new_keys);
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
        role.id = (old_s ? old_s : new_s)->front().id;
        const bool old_ok = usable(old_s, role);
        const bool new_ok = usable(new_s, role);
        if (old_ok && new_ok && old_s != nullptr && new_s != nullptr) {
            // One valid entry a side: compared already (the role is in its place), or now.
            // The entries end with finish(): their file names move to the role.
            DiffEntry& old = d.old_side[old_s->keyed.front().index];
            if (d.compared[slot] == 0) {
                d.compare_into(old, slot);
            }
            roles[slot]->old_file = std::move(old.file);
            roles[slot]->new_file = std::move(d.new_side[slot].file);
            continue;
        }
        role.old_file = old_s ? old_s->front().file : "";
        role.new_file = new_s ? new_s->front().file : "";
        if (!old_ok || !new_ok) {
            role.status = RoleStatus::invalid;
        } else if (old_s == nullptr) {
            role.status = RoleStatus::added;
            role.new_verdict = role_verdict(new_s->front().figures->final_);
        } else {
            role.status = RoleStatus::removed;
            role.old_verdict = role_verdict(old_s->front().figures->final_);
        }
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
            if (at.old_side) {
                builder.add_old(at.index, make_diff_entry(e));
            } else {
                builder.add(at.index, make_diff_entry(e));
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
    if (gates.fail_on_zone_change && role.zone_changed) {
        return fmt::format("zone changed from {} to {} (--fail-on-zone-change)",
                           role.old_verdict->zone, role.new_verdict->zone);
    }
    if (gates.fail_on_drop && role.delta && -*role.delta >= *gates.fail_on_drop) {
        return fmt::format("dropped {} points (--fail-on-drop {})",
                           to_fixed(-*role.delta, decimals), to_decimal(*gates.fail_on_drop, 0, 6));
    }
    return std::nullopt;
}

namespace {

std::string signed_fixed(const Rational& value, int decimals) {
    const std::string text = to_fixed(value, decimals);
    return value > Rational(0) ? "+" + text : (text.front() == '-' ? "−" + text.substr(1) : text);
}

std::string value_text(const Json& value) {
    if (value.is_null()) {
        return "(none)";
    }
    if (value.is_object()) {
        return value.contains("name") ? fmt::format("task \"{}\"", value["name"].get<std::string>())
                                      : std::string("override");
    }
    return value.is_string() ? value.get<std::string>() : value.dump();
}

} // namespace

namespace {

void write_verdict(detail::JsonWriter& w, const std::optional<RoleVerdict>& v, int decimals) {
    if (!v) {
        w.null();
        return;
    }
    w.begin_object();
    w.key("aijri");
    w.decimal(v->aijri, decimals);
    w.key("zone");
    w.string(v->zone);
    w.key("label");
    w.string(v->label);
    w.end_object();
}

void write_optional_text(detail::JsonWriter& w, const std::string& text) {
    if (text.empty()) {
        w.null();
    } else {
        w.string(text);
    }
}

void write_role(detail::JsonWriter& w, const RoleDiff& r, int decimals) {
    w.begin_object();
    w.key("id");
    w.string(r.id);
    w.key("status");
    w.string(to_string(r.status));
    w.key("old");
    write_verdict(w, r.old_verdict, decimals);
    w.key("new");
    write_verdict(w, r.new_verdict, decimals);
    w.key("delta");
    if (r.delta) {
        w.decimal(*r.delta, decimals);
    } else {
        w.null();
    }
    w.key("delta_exact");
    if (r.delta_exact) {
        w.string(to_exact_string(*r.delta_exact));
    } else {
        w.null();
    }
    w.key("zone_changed");
    w.boolean(r.zone_changed);
    w.key("contributions");
    w.begin_array();
    for (const Contribution& c : r.contributions) {
        w.begin_object();
        w.key("input");
        w.string(c.input);
        w.key("old");
        w.value(c.old_value);
        w.key("new");
        w.value(c.new_value);
        w.key("points");
        w.decimal(c.points, 4);
        w.key("points_exact");
        w.string(to_exact_string(c.points));
        w.end_object();
    }
    w.end_array();
    w.key("old_file");
    write_optional_text(w, r.old_file);
    w.key("new_file");
    write_optional_text(w, r.new_file);
    if (!r.errors.empty()) {
        w.key("errors");
        w.begin_array();
        for (const std::string& error : r.errors) {
            w.string(error);
        }
        w.end_array();
    }
    w.end_object();
}

} // namespace

void write_diff_json(const DiffResult& result, int decimals,
                     const std::vector<std::string>& gate_trips, int indent,
                     const std::function<void(std::string_view)>& write) {
    constexpr std::size_t k_piece = 64U * 1024U;
    std::string out;
    out.reserve(k_piece + 4096);
    detail::JsonWriter w(out, indent);
    w.begin_object();
    w.key("roles");
    w.begin_array();
    for (const RoleDiff& r : result.roles) {
        write_role(w, r, decimals);
        if (out.size() >= k_piece) {
            write(out);
            out.clear(); // the writer appends; it keeps no place in the text
        }
    }
    w.end_array();
    const DiffSummary& s = result.summary;
    w.key("summary");
    w.begin_object();
    for (const auto& [name, count] :
         {std::pair{"added", s.added}, std::pair{"removed", s.removed},
          std::pair{"changed", s.changed}, std::pair{"unchanged", s.unchanged},
          std::pair{"invalid", s.invalid}, std::pair{"zone_changes", s.zone_changes}}) {
        w.key(name);
        w.integer(static_cast<std::int64_t>(count));
    }
    w.end_object();
    w.key("gates");
    w.begin_array();
    for (const std::string& trip : gate_trips) {
        w.string(trip);
    }
    w.end_array();
    w.end_object();
    out += '\n';
    write(out);
}

std::string diff_json(const DiffResult& result, int decimals,
                      const std::vector<std::string>& gate_trips, int indent) {
    std::string text;
    write_diff_json(result, decimals, gate_trips, indent,
                    [&text](std::string_view piece) { text.append(piece); });
    return text;
}

namespace {

std::string summary_line(const DiffSummary& s) {
    return fmt::format("{} changed, {} added, {} removed, {} unchanged, {} invalid; {} zone "
                       "change{}",
                       s.changed, s.added, s.removed, s.unchanged, s.invalid, s.zone_changes,
                       s.zone_changes == 1 ? "" : "s");
}

// The label is text from a file (an override's sub-label): each format escapes it.
std::string verdict_text(const std::optional<RoleVerdict>& v, int decimals) {
    return v ? fmt::format("{} {}", to_fixed(v->aijri, decimals), v->label) : "—";
}

} // namespace

std::string diff_text(const DiffResult& result, int decimals, bool color, bool show_unchanged) {
    std::string out;
    for (const RoleDiff& r : result.roles) {
        if (r.status == RoleStatus::unchanged && !show_unchanged) {
            continue;
        }
        const std::string marker =
            r.zone_changed ? (color ? "\x1b[1;31m⚠ ZONE CHANGE\x1b[0m" : "⚠ ZONE CHANGE") : "";
        switch (r.status) {
        case RoleStatus::changed:
        case RoleStatus::unchanged:
            out +=
                fmt::format("{:<9} {}  {} → {}  ({}){}\n", to_string(r.status), sanitize(r.id),
                            sanitize(verdict_text(r.old_verdict, decimals)),
                            sanitize(verdict_text(r.new_verdict, decimals)),
                            signed_fixed(*r.delta, decimals), marker.empty() ? "" : "  " + marker);
            for (const Contribution& c : r.contributions) {
                out += fmt::format("          {:>7}  {}  {} → {}\n", signed_fixed(c.points, 2),
                                   sanitize(c.input), sanitize(value_text(c.old_value)),
                                   sanitize(value_text(c.new_value)));
            }
            break;
        case RoleStatus::added:
            out +=
                fmt::format("added     {}  {}  ({})\n", sanitize(r.id),
                            sanitize(verdict_text(r.new_verdict, decimals)), sanitize(r.new_file));
            break;
        case RoleStatus::removed:
            out +=
                fmt::format("removed   {}  {}  ({})\n", sanitize(r.id),
                            sanitize(verdict_text(r.old_verdict, decimals)), sanitize(r.old_file));
            break;
        case RoleStatus::invalid:
            out += fmt::format("invalid   {}\n", sanitize(r.id));
            for (const std::string& e : r.errors) {
                out += fmt::format("          {}\n", sanitize(e));
            }
            break;
        }
    }
    return out + summary_line(result.summary) + "\n";
}

std::string diff_markdown(const DiffResult& result, int decimals) {
    std::string out = "### AIJRI changes\n\n" + summary_line(result.summary) + "\n\n";
    bool any = false;
    for (const RoleDiff& r : result.roles) {
        if (r.status == RoleStatus::unchanged) {
            continue;
        }
        if (!any) {
            out += "| Role | Status | Old | New | Δ | Zone |\n|---|---|---|---|---:|---|\n";
            any = true;
        }
        out +=
            fmt::format("| {} | {} | {} | {} | {} | {} |\n", markdown_cell(r.id),
                        to_string(r.status), markdown_cell(verdict_text(r.old_verdict, decimals)),
                        markdown_cell(verdict_text(r.new_verdict, decimals)),
                        r.delta ? signed_fixed(*r.delta, decimals) : "",
                        r.zone_changed ? "⚠️ **zone change**" : "");
    }
    for (const RoleDiff& r : result.roles) {
        if (r.contributions.empty() && r.errors.empty()) {
            continue;
        }
        out += fmt::format("\n**{}** ({})\n\n", markdown_cell(r.id),
                           r.delta ? signed_fixed(*r.delta, decimals) + " points"
                                   : std::string(to_string(r.status)));
        for (const Contribution& c : r.contributions) {
            // A code span shows backslashes as they are: the input is fenced, not escaped.
            out += fmt::format("- {}: {} → {}: **{}**\n", markdown_code(c.input),
                               markdown_cell(value_text(c.old_value)),
                               markdown_cell(value_text(c.new_value)), signed_fixed(c.points, 2));
        }
        for (const std::string& e : r.errors) {
            out += fmt::format("- ❌ {}\n", markdown_cell(e));
        }
    }
    return out;
}

} // namespace aijri
