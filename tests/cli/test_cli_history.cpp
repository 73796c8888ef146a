// `aijri history` on a real repository (support/history_repo.hpp): the text lines, the JSON
// keys, the CSV read back with Python's csv module, and the exit statuses.
#include <set>
#include <string>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "support/builder.hpp"
#include "support/history_repo.hpp"

using aijri::test::CommandResult;
using aijri::test::run_command;
using aijri::test::shell_quote;

namespace {

CommandResult history_in(const std::string& dir, const std::string& args) {
    return run_command(
        fmt::format("cd {} && {} history {}", shell_quote(dir), shell_quote(AIJRI_BINARY), args));
}

std::string short_id(const std::string& id) {
    return id.substr(0, 8);
}

} // namespace

TEST_CASE("history -f text: a heading a role, a line a point, aligned", "[cli][history]") {
    const auto repo = aijri::test::make_history_repo();
    const auto& c = repo.commits;
    const auto r = history_in(repo.dir, "--methodology methodologies/m.json");
    INFO(r.err);
    REQUIRE(r.status == 0);
    const std::string expected = fmt::format(
        "late\n"
        "  2026-01-08  {7}  64.6         Yellow                        assessments/late.json\n"
        "mover\n"
        "  2026-01-01  {0}  64.6         Green (Accelerated)           assessments/mover.json\n"
        "  2026-01-02  {1}  25.6  −39.0  Green → Yellow                assessments/mover.json\n"
        "  2026-01-05  {4}     —         invalid (1 error)             assessments/mover.json\n"
        "  2026-01-06  {5}  64.6  +39.0  Yellow → Green (Accelerated)  assessments/mover.json\n"
        "  2026-01-07  {6}  64.6    0.0  Green → Yellow                assessments/mover.json "
        "(methodology changed)\n"
        "steady\n"
        "  2026-01-01  {0}  64.6         Green (Accelerated)           assessments/steady.json\n"
        "  2026-01-03  {2}  64.6    0.0  Green (Accelerated)           "
        "assessments/team/steady-role.json (renamed from assessments/steady.json)\n"
        "  2026-01-06  {5}     —         deleted                       "
        "assessments/team/steady-role.json\n"
        "3 roles, 9 points over 7 commits, 3 zone changes\n",
        short_id(c[0]), short_id(c[1]), short_id(c[2]), short_id(c[3]), short_id(c[4]),
        short_id(c[5]), short_id(c[6]), short_id(c[7]));
    CHECK(r.out == expected);
}

TEST_CASE("history -f json: roles by id, points oldest first, with exactly the keys documented",
          "[cli][history]") {
    const auto repo = aijri::test::make_history_repo();
    const auto& c = repo.commits;
    // --git is accepted and changes nothing.
    const auto r = history_in(repo.dir, "--git -f json --methodology methodologies/m.json");
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["commits"] == 7);
    REQUIRE(j["roles"].size() == 3);
    const auto& mover = j["roles"][1];
    CHECK(mover["id"] == "mover");
    REQUIRE(mover["points"].size() == 5);
    const auto& first = mover["points"][0];
    std::set<std::string> keys;
    for (const auto& [key, value] : first.items()) {
        keys.insert(key);
    }
    CHECK(keys == std::set<std::string>{"commit", "date", "aijri", "zone", "label", "file",
                                        "status", "delta", "zone_changed", "old_file",
                                        "file_changed", "methodology_changed"});
    CHECK(first["commit"] == c[0]);
    CHECK(first["date"] == "2026-01-01T10:00:00+00:00");
    CHECK(first["aijri"].dump() == "64.6"); // a number, the published figure
    CHECK(first["zone"] == "Green");
    CHECK(first["label"] == "Green (Accelerated)");
    CHECK(first["file"] == "assessments/mover.json");
    CHECK(first["delta"].is_null());
    const auto& yellow = mover["points"][1];
    CHECK(yellow["delta"].dump() == "-39.0");
    CHECK(yellow["zone_changed"] == true);
    const auto& invalid = mover["points"][2];
    CHECK(invalid["status"] == "invalid");
    CHECK(invalid["aijri"].is_null());
    CHECK(invalid["zone"].is_null());
    CHECK(invalid["label"].is_null());
    REQUIRE(invalid["errors"].size() == 1);
    CHECK(invalid["errors"][0].get<std::string>().starts_with(short_id(c[4]) +
                                                              ":assessments/mover.json:"));
    const auto& methodology = mover["points"][4];
    CHECK(methodology["commit"] == c[6]);
    CHECK(methodology["methodology_changed"] == true);
    CHECK(methodology["file_changed"] == false);
    const auto& steady = j["roles"][2]["points"];
    CHECK(steady[1]["old_file"] == "assessments/steady.json");
    CHECK(steady[1]["file"] == "assessments/team/steady-role.json");
    CHECK(steady[2]["status"] == "deleted");
}

TEST_CASE("history -f csv is RFC 4180, a row a point, and reads back with Python's csv module",
          "[cli][history]") {
    const auto repo = aijri::test::make_history_repo();
    const auto& c = repo.commits;
    const auto r = history_in(repo.dir, "-f csv -o out.csv");
    REQUIRE(r.status == 0);
    CHECK(r.out.empty());
    aijri::test::write_text_file(repo.dir + "/read.py", "import csv, json, sys\n"
                                                        "with open(sys.argv[1], newline='') as f:\n"
                                                        "    rows = list(csv.DictReader(f))\n"
                                                        "print(json.dumps(rows))\n");
    const auto read =
        run_command(fmt::format("cd {} && python3 read.py out.csv", shell_quote(repo.dir)));
    REQUIRE(read.status == 0);
    const auto rows = nlohmann::json::parse(read.out);
    // late 1, mover 4, steady 3: the embedded methodology, so the commit that only changes
    // methodologies/m.json is no point.
    REQUIRE(rows.size() == 8);
    CHECK(rows[0]["id"] == "late");
    const auto& yellow = rows[2];
    CHECK(yellow["id"] == "mover");
    CHECK(yellow["commit"] == c[1]);
    CHECK(yellow["date"] == "2026-01-02T10:00:00+00:00");
    CHECK(yellow["status"] == "valid");
    CHECK(yellow["aijri"] == "25.6");
    CHECK(yellow["zone"] == "Yellow");
    CHECK(yellow["label"] == "Yellow");
    CHECK(yellow["delta"] == "-39.0");
    CHECK(yellow["zone_changed"] == "true");
    CHECK(yellow["file"] == "assessments/mover.json");
    CHECK(yellow["methodology_changed"] == "false");
    const auto& invalid = rows[3];
    CHECK(invalid["status"] == "invalid");
    CHECK(invalid["aijri"] == "");
    CHECK(invalid["messages"].get<std::string>().starts_with(short_id(c[4])));
    const auto& deleted = rows[7];
    CHECK(deleted["id"] == "steady");
    CHECK(deleted["status"] == "deleted");
    CHECK(deleted["file"] == "assessments/team/steady-role.json");
}

TEST_CASE("history: a range, and paths after --", "[cli][history]") {
    const auto repo = aijri::test::make_history_repo();
    const auto r = history_in(repo.dir, "-f json HEAD~3..HEAD~1 -- assessments/team");
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    // Commits 6 and 7 of the range; only 6 touches assessments/team (the deletion).
    CHECK(j["commits"] == 1);
    REQUIRE(j["roles"].size() == 1);
    CHECK(j["roles"][0]["id"] == "steady");
    REQUIRE(j["roles"][0]["points"].size() == 1);
    CHECK(j["roles"][0]["points"][0]["status"] == "deleted");
}

TEST_CASE("history: git's errors are usage errors (exit 2)", "[cli][history]") {
    const auto repo = aijri::test::make_history_repo();
    const auto bad = history_in(repo.dir, "nope");
    CHECK(bad.status == 2);
    CHECK(bad.err == "aijri: history: git log failed: fatal: bad revision 'nope'\n");
    const auto option = history_in(repo.dir, "--end-of-options --output=x");
    CHECK(option.status == 2);
    CHECK(option.err == "aijri: history: git log failed: fatal: bad revision '--output=x'\n");
    const std::string outside = aijri::test::temp_dir();
    const auto none = history_in(outside, "");
    CHECK(none.status == 2);
    CHECK(none.err.starts_with("aijri: history: git log failed: fatal: not a git repository"));
    const auto empty = history_in(repo.dir, "-- nothing-here");
    CHECK(empty.status == 2);
    CHECK(empty.err.starts_with("aijri history: no assessment found in nothing-here"));
    CHECK(history_in(repo.dir, "--allow-empty -- nothing-here").status == 0);
}

TEST_CASE("history: a version of the tracked methodology that cannot be read names its commit",
          "[cli][history]") {
    const auto repo = aijri::test::make_history_repo();
    // Broken in one commit and repaired in the next: the file on disk reads.
    const auto broke = run_command(fmt::format(
        "cd {} && cp methodologies/m.json good.json && echo '{{\"name\": 1}}' > "
        "methodologies/m.json && git add -A && git -c user.email=t@t -c user.name=t commit -qm "
        "broken && git rev-parse HEAD && mv good.json methodologies/m.json && git add -A && git "
        "-c user.email=t@t -c user.name=t commit -qm repaired",
        shell_quote(repo.dir)));
    REQUIRE(broke.status == 0);
    const auto r = history_in(repo.dir, "--methodology methodologies/m.json");
    CHECK(r.status == 2);
    CHECK(r.err.starts_with("aijri: history: " + short_id(broke.out) + ":methodologies/m.json:"));
}

TEST_CASE("history -f html: one self-contained page, a chart a role, every text escaped",
          "[cli][history]") {
    const auto repo = aijri::test::make_history_repo();
    aijri::test::AssessmentSpec hostile;
    hostile.extra = ",\n  \"id\": \"<img src=x onerror=alert(1)>\"";
    aijri::test::write_text_file(repo.dir + "/assessments/hostile.json",
                                 aijri::test::to_json(hostile));
    REQUIRE(run_command(fmt::format("cd {} && git add -A && git -c user.email=t@t -c "
                                    "user.name=t commit -qm hostile",
                                    shell_quote(repo.dir)))
                .status == 0);
    const auto r = history_in(repo.dir, "-f html --methodology methodologies/m.json");
    REQUIRE(r.status == 0);
    const std::string& page = r.out;
    CHECK(page.starts_with("<!DOCTYPE html>"));
    CHECK(aijri::test::contains(page, "<meta http-equiv=\"Content-Security-Policy\" "
                                      "content=\"default-src 'none'"));
    CHECK(aijri::test::contains(page, "<title>Roles in each zone after each commit</title>"));
    CHECK(aijri::test::contains(page, "<section class=\"role\" id=\"role-mover\">"));
    CHECK(aijri::test::contains(page, "<title>AIJRI of mover at each commit that changed it"));
    // Every point's figure, in the chart's text and in the table beside it.
    CHECK(aijri::test::contains(page, "2026-01-02 " + short_id(repo.commits[1]) + ": 25.6 Yellow"));
    CHECK(aijri::test::contains(page, "<td class=\"num\">25.6</td><td class=\"num\">−39.0</td>"
                                      "<td>Green → <span class=\"zone yellow\">Yellow</span>"));
    CHECK(aijri::test::contains(page, "invalid (1 error)"));
    CHECK(aijri::test::contains(page, "&lt;img src=x onerror=alert(1)&gt;"));
    CHECK_FALSE(aijri::test::contains(page, "<img"));
    CHECK(page.ends_with("</html>\n"));
}
