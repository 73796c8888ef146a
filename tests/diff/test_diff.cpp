// Pairing the roles of two sides by id, and the order the report lists them in.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "aijri/assessment/reader.hpp"
#include "aijri/diff/diff.hpp"
#include "aijri/diff/sides.hpp"
#include "aijri/io/walk.hpp"
#include "aijri/report/diff.hpp"

#include "diff/builder.hpp"
#include "support/builder.hpp"

using namespace aijri;

namespace {

DiffEntry entry(const std::string& file, const test::AssessmentSpec& spec = {}) {
    AssessmentReader reader;
    return make_diff_entry(evaluate(reader, test::to_json(spec), file, builtin_methodology()));
}

std::vector<std::string> ids_and_statuses(const DiffResult& result) {
    std::vector<std::string> out;
    for (const RoleDiff& role : result.roles) {
        out.push_back(role.id + " " + std::string(to_string(role.status)));
    }
    return out;
}

} // namespace

TEST_CASE("roles are paired by id and listed changed, added, removed, fixed, broken, invalid, "
          "unchanged") {
    test::AssessmentSpec moved;
    moved.evidence = {2, 2, 2, 1, 2};
    test::AssessmentSpec bad; // not valid: time shares that sum to 101
    bad.tasks[0].time_pct = "21";
    std::vector<DiffEntry> old_side;
    old_side.push_back(entry("old/b.json"));
    old_side.push_back(entry("old/a.json"));
    old_side.push_back(entry("old/sub2/d.json"));
    old_side.push_back(entry("old/c.json"));
    old_side.push_back(entry("old/sub1/d.json"));
    old_side.push_back(entry("old/e.json", bad));
    old_side.push_back(entry("old/f.json"));
    old_side.push_back(entry("old/g.json", bad));
    old_side.push_back(entry("old/h.json", bad));
    std::vector<DiffEntry> new_side;
    new_side.push_back(entry("new/z.json"));
    new_side.push_back(entry("new/a.json", moved));
    new_side.push_back(entry("new/b.json"));
    new_side.push_back(entry("new/d.json"));
    new_side.push_back(entry("new/0.json"));
    new_side.push_back(entry("new/e.json"));
    new_side.push_back(entry("new/f.json", bad));
    new_side.push_back(entry("new/g.json", bad));
    new_side.push_back(entry("new/i.json", bad));
    const DiffResult result = diff_entries(std::move(old_side), std::move(new_side),
                                           builtin_methodology(), builtin_methodology(), 2);
    // d: two old files with one id, one new file: repaired, like e. h: an invalid file
    // removed. g: invalid before and after; i: a new file that is invalid.
    CHECK(ids_and_statuses(result) == std::vector<std::string>{"a changed", "0 added", "z added",
                                                               "c removed", "h removed", "d fixed",
                                                               "e fixed", "f broken", "g invalid",
                                                               "i invalid", "b unchanged"});
    const RoleDiff& a = result.roles[0];
    CHECK(a.old_file == "old/a.json");
    CHECK(a.new_file == "new/a.json");
    REQUIRE(a.contributions.size() == 1);
    CHECK(a.contributions[0].input == "/evidence/wage_trends/score");
    const auto role = [&result](const std::string& id) -> const RoleDiff& {
        return *std::find_if(result.roles.begin(), result.roles.end(),
                             [&id](const RoleDiff& r) { return r.id == id; });
    };
    // A repaired role shows its new score, and nothing of what was wrong before.
    for (const std::string id : {"d", "e"}) {
        CHECK_FALSE(role(id).old_verdict);
        REQUIRE(role(id).new_verdict);
        CHECK(to_fixed(role(id).new_verdict->aijri, 1) == "64.6");
        CHECK(role(id).errors.empty());
        CHECK_FALSE(role(id).delta);
    }
    // A broken role shows its old score and the new version's errors.
    const std::string sum_error = ": error: /tasks: expected time shares that sum to exactly "
                                  "100, found a sum of 101";
    CHECK(to_fixed(role("f").old_verdict->aijri, 1) == "64.6");
    CHECK_FALSE(role("f").new_verdict);
    CHECK(role("f").errors == std::vector<std::string>{"new/f.json:10:12" + sum_error});
    // Invalid before and after: the errors of the new version only.
    CHECK(role("g").errors == std::vector<std::string>{"new/g.json:10:12" + sum_error});
    CHECK(role("h").errors.empty());
    CHECK_FALSE(role("h").old_verdict);
    CHECK(result.summary.changed == 1);
    CHECK(result.summary.added == 2);
    CHECK(result.summary.removed == 2);
    CHECK(result.summary.fixed == 2);
    CHECK(result.summary.broken == 1);
    CHECK(result.summary.invalid == 2);
    CHECK(result.summary.unchanged == 1);
}

TEST_CASE("two files of one side with one id are named in the order the side lists them") {
    std::vector<DiffEntry> old_side;
    old_side.push_back(entry("old/d.json"));
    std::vector<DiffEntry> new_side;
    new_side.push_back(entry("new/sub2/d.json"));
    new_side.push_back(entry("new/sub1/d.json"));
    const DiffResult result = diff_entries(std::move(old_side), std::move(new_side),
                                           builtin_methodology(), builtin_methodology(), 2);
    REQUIRE(ids_and_statuses(result) == std::vector<std::string>{"d broken"});
    CHECK(result.roles[0].errors == std::vector<std::string>{"the id \"d\" is used by more than "
                                                             "one file: new/sub2/d.json, "
                                                             "new/sub1/d.json"});
}

TEST_CASE("every report is handed out in pieces of about 64 KiB, the same text") {
    test::AssessmentSpec moved;
    moved.tasks[0].score = 3;
    std::vector<DiffEntry> old_side;
    std::vector<DiffEntry> new_side;
    for (int i = 0; i < 1000; ++i) {
        const std::string name = "role-" + std::to_string(1000 + i) + ".json";
        old_side.push_back(entry("old/" + name));
        new_side.push_back(entry("new/" + name, moved));
    }
    DiffResult result = diff_entries(std::move(old_side), std::move(new_side),
                                     builtin_methodology(), builtin_methodology(), 2);
    DiffGates gates;
    gates.fail_on_drop.value = Rational(1);
    apply_gates(result, gates, 1);
    for (const DiffFormat format :
         {DiffFormat::text, DiffFormat::json, DiffFormat::markdown, DiffFormat::csv,
          DiffFormat::junit, DiffFormat::github, DiffFormat::html}) {
        INFO(static_cast<int>(format));
        std::vector<std::string> pieces;
        write_diff_report(result, format, DiffReportStyle{},
                          [&](std::string_view piece) { pieces.emplace_back(piece); });
        REQUIRE(pieces.size() > 1);
        std::string whole;
        // A piece ends after the role that filled it: an HTML role's section, with its two
        // charts, is some 9 KiB.
        const std::size_t role_size = format == DiffFormat::html ? 16 * 1024 : 4096;
        for (const std::string& piece : pieces) {
            CHECK(piece.size() < 64 * 1024 + role_size);
            whole += piece;
        }
        CHECK(whole.ends_with("\n"));
        if (format == DiffFormat::json) {
            const auto parsed = nlohmann::json::parse(whole);
            CHECK(parsed["roles"].size() == 1000);
            REQUIRE(parsed["gates"].size() == 1000);
            CHECK(parsed["gates"][0] == "role-1000: dropped 3.8 points (--fail-on-drop 1)");
            CHECK(parsed["roles"][0]["gate"] == "dropped 3.8 points (--fail-on-drop 1)");
        }
    }
}

TEST_CASE("DiffBuilder: threads adding neighbouring entries at once lose none") {
    // Two threads add alternate entries, with uneven pauses so that their writes meet: the
    // builder's bookkeeping must not share memory between entries (as vector<bool> does).
    constexpr std::size_t k_roles = 1000;
    test::AssessmentSpec moved;
    moved.growth = 1;
    const DiffEntry old_entry = entry("old/r.json");
    const DiffEntry new_entry = entry("new/r.json", moved);
    for (int round = 0; round < 8; ++round) {
        std::vector<DiffEntry> old_side;
        std::vector<DiffEntry> new_side;
        for (std::size_t i = 0; i < k_roles; ++i) {
            old_side.push_back(old_entry);
            old_side.back().id = "role-" + std::to_string(i);
            new_side.push_back(new_entry);
            new_side.back().id = "role-" + std::to_string(i);
        }
        DiffBuilder builder(std::move(old_side), k_roles, builtin_methodology(),
                            builtin_methodology());
        std::vector<std::thread> threads;
        for (std::size_t t = 0; t < 2; ++t) {
            threads.emplace_back([&, t] {
                std::uint32_t state =
                    static_cast<std::uint32_t>(round) * 2U + static_cast<std::uint32_t>(t) + 1U;
                [[maybe_unused]] volatile std::uint32_t sink = 0;
                for (std::size_t i = t; i < k_roles; i += 2) {
                    state = state * 1664525U + 1013904223U;
                    for (std::uint32_t spin = state >> 22U; spin > 0; --spin) {
                        sink = spin; // a pause of up to a thousand steps
                    }
                    builder.add(i, std::move(new_side[i]));
                }
            });
        }
        for (std::thread& thread : threads) {
            thread.join();
        }
        const DiffResult result = builder.finish();
        REQUIRE(result.summary.changed == k_roles);
        CHECK(result.roles[0].contributions.at(0).input == "/growth_correlation/score");
    }
}

TEST_CASE("diff_files pairs files by id, whatever their paths say") {
    // Files at the same path are read together and compared early when their ids match;
    // every other pairing (swapped ids, a moved file, a duplicate id) is made at the end.
    const std::string root = test::temp_dir();
    test::AssessmentSpec moved;
    moved.growth = 1;
    const auto with_id = [](test::AssessmentSpec spec, const std::string& id) {
        spec.extra = ",\n  \"id\": \"" + id + "\"";
        return test::to_json(spec);
    };
    std::filesystem::create_directories(root + "/old/sub");
    std::filesystem::create_directories(root + "/new");
    test::write_text_file(root + "/old/a.json", with_id({}, "x"));
    test::write_text_file(root + "/old/b.json", with_id({}, "y"));
    test::write_text_file(root + "/new/a.json", with_id(moved, "y"));
    test::write_text_file(root + "/new/b.json", with_id(moved, "x"));
    test::write_text_file(root + "/old/sub/c.json", test::to_json({}));
    test::write_text_file(root + "/new/c.json", test::to_json(moved));
    test::write_text_file(root + "/old/d.json", test::to_json({}));
    test::write_text_file(root + "/old/e.json", with_id({}, "d"));
    test::write_text_file(root + "/new/d.json", test::to_json(moved));
    test::write_text_file(root + "/new/f.json", test::to_json({}));
    test::write_text_file(root + "/old/g.json", test::to_json({}));
    test::write_text_file(root + "/old/h.json", test::to_json({}));
    test::write_text_file(root + "/new/h.json", test::to_json(moved));
    // k is compared early (the same path, the same id), then found to have a second new file.
    test::write_text_file(root + "/old/k.json", test::to_json({}));
    test::write_text_file(root + "/new/k.json", test::to_json(moved));
    test::write_text_file(root + "/new/l.json", with_id({}, "k"));
    BatchOptions options;
    options.jobs = 2;
    options.max_bytes = 1 << 20;
    const std::string old_root = root + "/old";
    const std::string new_root = root + "/new/"; // a trailing slash changes no pairing
    const DiffResult result =
        diff_files(collect_inputs({old_root}).files, old_root, collect_inputs({new_root}).files,
                   new_root, builtin_methodology(), builtin_methodology(), options);
    CHECK(ids_and_statuses(result) == std::vector<std::string>{"c changed", "h changed",
                                                               "x changed", "y changed", "f added",
                                                               "g removed", "d fixed", "k broken"});
    const auto role = [&result](const std::string& id) {
        return *std::find_if(result.roles.begin(), result.roles.end(),
                             [&id](const RoleDiff& r) { return r.id == id; });
    };
    CHECK(role("x").old_file == old_root + "/a.json");
    CHECK(role("x").new_file == new_root + "b.json");
    CHECK(role("c").old_file == old_root + "/sub/c.json");
    for (const std::string id : {"c", "h", "x", "y"}) {
        REQUIRE(role(id).contributions.size() == 1);
        CHECK(role(id).contributions[0].input == "/growth_correlation/score");
        CHECK(role(id).contributions[0].points == *role(id).delta_exact);
    }
    // Both d and k were compared early, which drops what comparing needs: the score of their
    // valid side is still shown.
    CHECK(role("d").errors.empty());
    CHECK(to_fixed(role("d").new_verdict.value().aijri, 1) == "61.4");
    CHECK(to_fixed(role("k").old_verdict.value().aijri, 1) == "64.6");
    CHECK(role("k").errors ==
          std::vector<std::string>{"the id \"k\" is used by more than one file: " + new_root +
                                   "k.json, " + new_root + "l.json"});
}

TEST_CASE("DiffBuilder: two new files with one id, added at once, share the old entry") {
    // Both are compared with the one old entry of their id, on two threads; the id is then
    // an error of the new version (broken). The old entry must stay whole for both (under
    // ASan this is checked).
    test::AssessmentSpec moved;
    moved.growth = 1;
    const DiffEntry old_entry = entry("old/r.json");
    const DiffEntry new_entry = entry("new/r.json", moved);
    for (int round = 0; round < 50; ++round) {
        DiffBuilder builder(std::vector<DiffEntry>{old_entry}, 2, builtin_methodology(),
                            builtin_methodology());
        std::vector<std::thread> threads;
        for (std::size_t t = 0; t < 2; ++t) {
            threads.emplace_back([&, t] {
                DiffEntry added = new_entry;
                added.file = "new/r" + std::to_string(t) + ".json";
                builder.add(t, std::move(added));
            });
        }
        for (std::thread& thread : threads) {
            thread.join();
        }
        const DiffResult result = builder.finish();
        REQUIRE(ids_and_statuses(result) == std::vector<std::string>{"r broken"});
        CHECK(to_fixed(result.roles[0].old_verdict.value().aijri, 1) == "64.6");
        CHECK(result.roles[0].errors ==
              std::vector<std::string>{
                  "the id \"r\" is used by more than one file: new/r0.json, new/r1.json"});
    }
}

TEST_CASE("a file read too little to know its id is paired by its place, and only such a file") {
    const auto placed = [](DiffEntry e, const std::string& place) {
        e.place = place;
        return e;
    };
    AssessmentReader reader;
    const auto unread = [&reader](const std::string& file) {
        return make_diff_entry(evaluate(reader, "<<<<<<< HEAD\n{}", file, builtin_methodology()));
    };
    test::AssessmentSpec declared;
    declared.extra = ",\n  \"id\": \"declared\"";
    declared.tasks[0].score = 9; // invalid, its id read
    std::vector<DiffEntry> old_side;
    old_side.push_back(placed(entry("old/a.json"), "a.json"));  // id a
    old_side.push_back(placed(entry("old/b.json"), "b.json"));  // id b
    old_side.push_back(placed(unread("old/c.json"), "c.json")); // id c, unread
    old_side.push_back(placed(entry("old/d.json"), "d.json"));  // id d
    std::vector<DiffEntry> new_side;
    new_side.push_back(placed(unread("new/x.json"), "a.json"));          // id x, unread: a's
    new_side.push_back(placed(entry("new/b.json", declared), "b.json")); // id declared
    DiffEntry renamed = placed(entry("new/y.json"), "c.json");
    renamed.id = "y";
    new_side.push_back(std::move(renamed));                             // id y, valid: c's
    new_side.push_back(placed(unread("new/z.json"), "elsewhere.json")); // no partner
    const DiffResult result = diff_entries(std::move(old_side), std::move(new_side),
                                           builtin_methodology(), builtin_methodology(), 1);
    CHECK(ids_and_statuses(result) == std::vector<std::string>{"b removed", "d removed", "y fixed",
                                                               "a broken", "declared invalid",
                                                               "z invalid"});
    CHECK(entry("old/a.json").id_unread == false);
    CHECK(unread("new/x.json").id_unread == true);
}
