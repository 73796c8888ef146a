// Which old file goes with which new one (src/diff/pairing.cpp): by id, then, for a file
// whose id could not be read, by place.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "aijri/assessment/reader.hpp"
#include "aijri/model/methodology.hpp"
#include "aijri/util/diagnostic.hpp"

#include "diff/builder.hpp"
#include "diff/pairing.hpp"
#include "support/builder.hpp"

using namespace aijri;
using namespace aijri::detail;

namespace {

DiffEntry keyed(const std::string& id, const std::string& place = "", bool id_unread = false) {
    DiffEntry e;
    e.file = "f/" + id;
    e.id = id;
    e.place = place;
    e.id_unread = id_unread;
    return e;
}

// Each pair as "old ids | new ids", a side's ids by its entries' files.
std::vector<std::string> described(const std::vector<Pair>& pairs) {
    const auto files = [](const std::optional<Side>& side) {
        std::string out;
        for (std::size_t i = 0; side && i < side->size(); ++i) {
            out += (out.empty() ? "" : ",") + side->at(i).file;
        }
        return out;
    };
    std::vector<std::string> out;
    for (const Pair& pair : pairs) {
        out.push_back(files(pair.first) + " | " + files(pair.second));
    }
    return out;
}

// The pairs of two sides, by id then by place, described.
std::vector<std::string> paired(const std::vector<DiffEntry>& old_side,
                                const std::vector<DiffEntry>& new_side) {
    const std::vector<Keyed> old_keys = sorted_by_id(old_side);
    const std::vector<Keyed> new_keys = sorted_by_id(new_side);
    std::vector<Pair> pairs = pair_by_id(old_side, old_keys, new_side, new_keys);
    pair_unread_by_place(pairs);
    return described(pairs);
}

DiffEntry scored(const std::string& file) {
    AssessmentReader reader;
    return make_diff_entry(evaluate(reader, test::to_json({}), file, builtin_methodology()));
}

} // namespace

TEST_CASE("pairing: the old side's ids in byte order, then the ids only the new side has") {
    const std::vector<DiffEntry> old_side{keyed("b"), keyed("a"), keyed("c")};
    const std::vector<DiffEntry> new_side{keyed("z"), keyed("a"), keyed("0")};
    CHECK(paired(old_side, new_side) ==
          std::vector<std::string>{"f/a | f/a", "f/b | ", "f/c | ", " | f/0", " | f/z"});
}

TEST_CASE("pairing: the files of one side with one id stay one pair, in file order") {
    std::vector<DiffEntry> old_side{keyed("d"), keyed("x"), keyed("d")};
    old_side[0].file = "old/sub2/d";
    old_side[2].file = "old/sub1/d";
    const std::vector<DiffEntry> new_side{keyed("d")};
    CHECK(paired(old_side, new_side) ==
          std::vector<std::string>{"old/sub2/d,old/sub1/d | f/d", "f/x | "});
}

TEST_CASE("pairing: a skipped file is no role") {
    std::vector<DiffEntry> new_side{keyed("a"), keyed("b")};
    new_side[1].skipped = "b.md: skipped: not an assessment document";
    REQUIRE(sorted_by_id(new_side).size() == 1);
    CHECK(paired({}, new_side) == std::vector<std::string>{" | f/a"});
}

TEST_CASE("pairing: a file whose id was read is paired by it wherever it is (a rename)") {
    const std::vector<DiffEntry> old_side{keyed("r", "a/r.json"), keyed("s", "s.json")};
    const std::vector<DiffEntry> new_side{keyed("r", "b/renamed.json"), keyed("t", "s.json")};
    // s and t are at one place but both their ids were read: two roles.
    CHECK(paired(old_side, new_side) == std::vector<std::string>{"f/r | f/r", "f/s | ", " | f/t"});

    std::vector<DiffEntry> old_scored{scored("old/a/r.json")};
    old_scored[0].place = "a/r.json";
    std::vector<DiffEntry> new_scored{scored("new/b/renamed.json")};
    new_scored[0].place = "b/renamed.json";
    new_scored[0].id = old_scored[0].id;
    const DiffResult result = diff_entries(std::move(old_scored), std::move(new_scored),
                                           builtin_methodology(), builtin_methodology());
    REQUIRE(result.roles.size() == 1);
    CHECK(result.roles[0].status == RoleStatus::unchanged);
    CHECK(result.roles[0].renamed());
    CHECK(result.roles[0].old_place == "a/r.json");
    CHECK(result.roles[0].new_place == "b/renamed.json");
    CHECK(result.summary.renamed == 1);
}

TEST_CASE("pairing: a file whose id was not read goes with the file alone at its place") {
    SECTION("either side unread, each alone: one pair") {
        const std::vector<DiffEntry> old_side{keyed("x", "p.json", true), keyed("q", "q.json")};
        const std::vector<DiffEntry> new_side{keyed("r", "p.json"), keyed("y", "q.json", true)};
        CHECK(paired(old_side, new_side) == std::vector<std::string>{"f/q | f/y", "f/x | f/r"});
    }
    SECTION("no place (a file named alone), or no file alone there: no pair") {
        const std::vector<DiffEntry> old_side{keyed("x", "", true), keyed("u", "u.json", true)};
        const std::vector<DiffEntry> new_side{keyed("r", ""), keyed("v", "u.json"),
                                              keyed("v", "elsewhere.json")};
        CHECK(paired(old_side, new_side) ==
              std::vector<std::string>{"f/u | ", "f/x | ", " | f/r", " | f/v,f/v"});
    }
}

TEST_CASE("pairing: an invalid file is paired by the id it declares, not its file name") {
    Evaluation invalid;
    invalid.file = "new/renamed.json";
    invalid.declared_id = "role";
    invalid.diagnostics.push_back(make_error("/tasks", {3, 5}, "expected a task"));
    const DiffEntry entry = make_diff_entry(invalid);
    CHECK(entry.id == "role");
    CHECK_FALSE(entry.id_unread);
    CHECK_FALSE(entry.valid);

    std::vector<DiffEntry> old_side{scored("old/role.json")};
    std::vector<DiffEntry> new_side{entry};
    const DiffResult result = diff_entries(std::move(old_side), std::move(new_side),
                                           builtin_methodology(), builtin_methodology());
    REQUIRE(result.roles.size() == 1);
    const RoleDiff& role = result.roles[0];
    CHECK(role.id == "role");
    CHECK(role.status == RoleStatus::broken);
    CHECK(role.old_file == "old/role.json");
    CHECK(role.new_file == "new/renamed.json");
    CHECK(role.errors ==
          std::vector<std::string>{"new/renamed.json:3:5: error: /tasks: expected a task"});
}

TEST_CASE("pairing: without a declared id an invalid file takes its file name's, unread") {
    Evaluation invalid;
    invalid.file = "new/sub/nurse.json";
    invalid.diagnostics.push_back(make_error("", {1, 1}, "expected a JSON value"));
    const DiffEntry entry = make_diff_entry(invalid);
    CHECK(entry.id == "nurse");
    CHECK(entry.id_unread);
}
