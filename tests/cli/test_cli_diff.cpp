// `aijri diff` on real git repositories made here: several commits, renames, deletions.
#include <filesystem>
#include <map>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "aijri/util/rational.hpp"

#include "support/builder.hpp"

using aijri::test::run_command;
using aijri::test::write_text_file;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

struct Repo {
    std::string dir = aijri::test::temp_dir();

    Repo() {
        git("init -q -b main");
        git("config user.email test@example.com");
        git("config user.name test");
        std::filesystem::create_directories(dir + "/assessments");
    }
    void git(const std::string& args) const {
        const auto r = run_command(fmt::format("cd '{}' && git {}", dir, args));
        REQUIRE(r.status == 0);
    }
    void write(const std::string& path, const aijri::test::AssessmentSpec& spec) const {
        std::filesystem::create_directories(std::filesystem::path(dir + "/" + path).parent_path());
        write_text_file(dir + "/" + path, aijri::test::to_json(spec));
    }
    void commit(const std::string& message) const {
        git("add -A && git commit -q -m '" + message + "'");
    }
    aijri::test::CommandResult aijri(const std::string& args) const {
        return run_command(fmt::format("cd '{}' && '{}' {}", dir, AIJRI_BINARY, args));
    }
};

aijri::test::AssessmentSpec with_evidence(int total) {
    aijri::test::AssessmentSpec spec;
    spec.evidence = aijri::test::spread(total, -2, 2);
    return spec;
}

const nlohmann::json* role(const nlohmann::json& diff, const std::string& id) {
    for (const auto& r : diff["roles"]) {
        if (r["id"] == id) {
            return &r;
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE("diff --git lists added, removed and changed roles with their causes") {
    Repo repo;
    repo.write("assessments/stable.json", {});
    repo.write("assessments/mover.json", with_evidence(8));
    repo.write("assessments/leaving.json", {});
    repo.write("assessments/renamed-old.json", {});
    repo.commit("first");
    repo.write("assessments/mover.json", with_evidence(-6)); // Green → Yellow
    repo.git("rm -q assessments/leaving.json");
    repo.git("mv assessments/renamed-old.json assessments/renamed-new.json");
    repo.write("assessments/arriving.json", with_evidence(2));
    repo.commit("second");

    const auto r = repo.aijri("diff --git HEAD~1 HEAD --format json");
    REQUIRE(r.status == 0);
    const auto diff = nlohmann::json::parse(r.out);
    CHECK(diff["summary"] == nlohmann::json{{"added", 2},
                                            {"removed", 2},
                                            {"changed", 1},
                                            {"fixed", 0},
                                            {"broken", 0},
                                            {"unchanged", 1},
                                            {"invalid", 0},
                                            {"zone_changes", 1},
                                            {"renamed", 0}});
    const auto* mover = role(diff, "mover");
    REQUIRE(mover != nullptr);
    CHECK((*mover)["status"] == "changed");
    CHECK((*mover)["old"]["aijri"] == 64.6);
    CHECK((*mover)["new"]["zone"] == "Yellow");
    CHECK((*mover)["zone_changed"] == true);
    // The contributions add up to the exact change.
    aijri::Rational total;
    for (const auto& c : (*mover)["contributions"]) {
        const std::string exact = c["points_exact"];
        const auto slash = exact.find('/');
        total += slash == std::string::npos
                     ? aijri::parse_json_number(exact).literal.value
                     : aijri::Rational::fraction(std::stoll(exact.substr(0, slash)),
                                                 std::stoll(exact.substr(slash + 1)));
    }
    CHECK(aijri::to_exact_string(total) == (*mover)["delta_exact"].get<std::string>());
    CHECK((*mover)["contributions"].size() == 4); // four evidence rows moved
    // Renaming changes the id (the file name): the old id is removed, the new one added.
    CHECK((*role(diff, "renamed-old"))["status"] == "removed");
    CHECK((*role(diff, "renamed-new"))["status"] == "added");
    CHECK((*role(diff, "leaving"))["status"] == "removed");
    CHECK((*role(diff, "stable"))["status"] == "unchanged");
    CHECK(diff["roles"][0]["id"] == "mover"); // changed roles first
}

TEST_CASE("the working tree is the default new side, and paths narrow the diff") {
    Repo repo;
    repo.write("assessments/a/one.json", {});
    repo.write("assessments/b/two.json", {});
    repo.commit("first");
    repo.write("assessments/a/one.json", with_evidence(0));
    repo.write("assessments/b/two.json", with_evidence(0));
    repo.write("assessments/b/three.json", {}); // not committed: added
    const auto all = repo.aijri("diff --git HEAD");
    CHECK(all.status == 0);
    CHECK(contains(all.out, "2 changed, 1 added, 0 removed"));
    CHECK(contains(all.out, "added     three"));
    const auto narrowed = repo.aijri("diff --git HEAD -- assessments/a");
    CHECK(contains(narrowed.out, "changed   one"));
    CHECK(contains(narrowed.out, "1 changed, 0 added, 0 removed"));
}

TEST_CASE("gates fail a pull request that crosses a zone line or drops too far") {
    Repo repo;
    repo.write("assessments/role.json", with_evidence(8));
    repo.commit("first");
    repo.write("assessments/role.json", with_evidence(-6));
    repo.commit("second");
    const auto zone = repo.aijri("diff --git HEAD~1 HEAD --fail-on-zone-change");
    CHECK(zone.status == 1);
    CHECK(contains(zone.err,
                   "gate: role: zone changed from Green to Yellow (--fail-on-zone-change)"));
    CHECK(contains(zone.out, "⚠ ZONE CHANGE"));
    const auto drop = repo.aijri("diff --git HEAD~1 HEAD --fail-on-drop 5");
    CHECK(drop.status == 1);
    CHECK(contains(drop.err, "gate: role: dropped "));
    CHECK(repo.aijri("diff --git HEAD~1 HEAD --fail-on-drop 50").status == 0);
    const auto md = repo.aijri("diff --git HEAD~1 HEAD --format markdown");
    CHECK(contains(md.out, "| role | changed | 64.6 Green (Accelerated) | "));
    CHECK(contains(md.out, "⚠️ **zone change**"));
    const auto html = run_command(
        fmt::format("cd '{}' && '{}' diff --git HEAD~1 HEAD -f markdown | cmark-gfm -e table",
                    repo.dir, AIJRI_BINARY));
    CHECK(contains(html.out, "<table>"));
}

TEST_CASE("revisions: unknown ones, ones beginning with '-', shell metacharacters") {
    Repo repo;
    repo.write("assessments/role.json", {});
    repo.commit("first");
    const auto unknown = repo.aijri("diff --git no-such-rev");
    CHECK(unknown.status == 2);
    CHECK(unknown.err == "aijri: diff: unknown revision \"no-such-rev\"\n");
    const auto dash = repo.aijri("diff --git -- --upload-pack=x");
    CHECK(dash.status == 2);
    const auto shell = repo.aijri("diff --git 'HEAD;touch pwned' HEAD");
    CHECK(shell.status == 2);
    CHECK(contains(shell.err, "unknown revision \"HEAD;touch pwned\""));
    CHECK_FALSE(std::filesystem::exists(repo.dir + "/pwned"));
    const auto outside = run_command(
        fmt::format("cd '{}' && '{}' diff --git HEAD", aijri::test::temp_dir(), AIJRI_BINARY));
    CHECK(outside.status == 2);
    CHECK(contains(outside.err, "not in a git repository"));
}

TEST_CASE("diff of two folders, and of a methodology change") {
    const std::string old_dir = aijri::test::temp_dir();
    const std::string new_dir = aijri::test::temp_dir();
    write_text_file(old_dir + "/r.json", aijri::test::to_json(with_evidence(4)));
    write_text_file(new_dir + "/r.json", aijri::test::to_json(with_evidence(5)));
    const auto r = aijri::test::run_aijri("diff '" + old_dir + "' '" + new_dir + "'");
    CHECK(r.status == 0);
    CHECK(contains(r.out, "changed   r  "));
    CHECK(contains(r.out, "/evidence/"));

    std::string m = aijri::test::run_aijri("methodology").out;
    m.replace(m.find("\"green_min\": 48.0"), 17, "\"green_min\": 70.0");
    write_text_file(new_dir + "/../m.json", m);
    const auto method = aijri::test::run_aijri("diff --format json --methodology-new '" + new_dir +
                                               "/../m.json' '" + old_dir + "' '" + old_dir + "'");
    const auto diff = nlohmann::json::parse(method.out);
    CHECK(diff["roles"][0]["zone_changed"] == true);
    CHECK(diff["roles"][0]["contributions"][0]["input"] == "methodology:/zones/green_min");
    CHECK(diff["roles"][0]["contributions"][0]["points"] == 0);
    CHECK(aijri::test::run_aijri("diff only-one").status == 2);
}

TEST_CASE("a role repaired is fixed (exit 0), one broken fails (exit 1), as does one invalid") {
    Repo repo;
    const std::string broken_text = "{\"aijri\": 1}";
    repo.write("assessments/repaired.json", {});
    write_text_file(repo.dir + "/assessments/repaired.json", broken_text);
    repo.write("assessments/stays.json", {});
    repo.commit("an invalid file");
    // The pull request repairs it: no failure, and the new score is shown.
    repo.write("assessments/repaired.json", {});
    repo.commit("repaired");
    const auto fixed = repo.aijri("diff --git HEAD~1 HEAD");
    CHECK(fixed.status == 0);
    CHECK(fixed.err.empty());
    CHECK(fixed.out == "fixed     repaired  invalid → 64.6 Green (Accelerated)\n"
                       "0 changed, 0 added, 0 removed, 1 fixed, 0 broken, 1 unchanged, 0 invalid; "
                       "0 zone changes, 0 renamed\n");
    const auto json = nlohmann::json::parse(repo.aijri("diff --git HEAD~1 HEAD -f json").out);
    const auto* repaired = role(json, "repaired");
    REQUIRE(repaired != nullptr);
    CHECK((*repaired)["status"] == "fixed");
    CHECK((*repaired)["old"] == nullptr);
    CHECK((*repaired)["new"] ==
          nlohmann::json{{"aijri", 64.6}, {"zone", "Green"}, {"label", "Green (Accelerated)"}});
    CHECK((*repaired)["delta"] == nullptr);
    CHECK_FALSE(repaired->contains("errors"));
    CHECK(json["summary"]["fixed"] == 1);
    const auto markdown = repo.aijri("diff --git HEAD~1 HEAD -f markdown");
    CHECK(markdown.status == 0);
    CHECK(contains(markdown.out,
                   "| repaired | fixed | invalid | 64.6 Green (Accelerated) |  |  |\n"));
    // A gate has no old score to judge a repaired role by.
    CHECK(repo.aijri("diff --git HEAD~1 HEAD --fail-on-zone-change --fail-on-drop 0.1").status ==
          0);

    // The reverse fails, with the new version's errors.
    const auto broken = repo.aijri("diff --git HEAD HEAD~1");
    CHECK(broken.status == 1);
    CHECK(broken.out == "broken    repaired  64.6 Green (Accelerated) → invalid\n"
                        "          HEAD~1:assessments/repaired.json:1:1: error: missing required "
                        "key \"role\"\n"
                        "          HEAD~1:assessments/repaired.json:1:1: error: missing required "
                        "key \"protective_principles\"\n"
                        "          HEAD~1:assessments/repaired.json:1:1: error: missing required "
                        "key \"growth_correlation\"\n"
                        "          HEAD~1:assessments/repaired.json:1:1: error: missing required "
                        "key \"tasks\"\n"
                        "          HEAD~1:assessments/repaired.json:1:1: error: missing required "
                        "key \"evidence\"\n"
                        "          HEAD~1:assessments/repaired.json:1:1: error: missing required "
                        "key \"barriers\"\n"
                        "0 changed, 0 added, 0 removed, 0 fixed, 1 broken, 1 unchanged, 0 invalid; "
                        "0 zone changes, 0 renamed\n");
    const auto broken_json =
        nlohmann::json::parse(repo.aijri("diff --git HEAD HEAD~1 -f json").out);
    CHECK((*role(broken_json, "repaired"))["status"] == "broken");
    CHECK((*role(broken_json, "repaired"))["old"]["aijri"] == 64.6);
    CHECK((*role(broken_json, "repaired"))["new"] == nullptr);
    CHECK((*role(broken_json, "repaired"))["errors"].size() == 6);
    CHECK(broken_json["summary"]["broken"] == 1);
    const auto broken_md = repo.aijri("diff --git HEAD HEAD~1 -f markdown");
    CHECK(broken_md.status == 1);
    CHECK(contains(broken_md.out,
                   "| repaired | broken | 64.6 Green (Accelerated) | invalid |  |  |\n"));
    CHECK(contains(broken_md.out, "\n**repaired** (broken)\n\n- ❌ HEAD\\~1\\:assessments/"));

    // Invalid in both versions: still a failure, with the errors of the new one only.
    write_text_file(repo.dir + "/assessments/stays.json", "{\"aijri\": 2}");
    repo.commit("stays broken");
    write_text_file(repo.dir + "/assessments/stays.json", "[]");
    const auto still = repo.aijri("diff --git HEAD");
    CHECK(still.status == 1);
    CHECK(still.out == "invalid   stays\n"
                       "          assessments/stays.json:1:1: error: expected a JSON object (one "
                       "role assessment), found an array\n"
                       "0 changed, 0 added, 0 removed, 0 fixed, 0 broken, 1 unchanged, 1 invalid; "
                       "0 zone changes, 0 renamed\n");
    // An invalid file removed leaves nothing to fix.
    std::filesystem::remove(repo.dir + "/assessments/stays.json");
    const auto gone = repo.aijri("diff --git HEAD");
    CHECK(gone.status == 0);
    CHECK(gone.out == "removed   stays  invalid  (HEAD:assessments/stays.json)\n"
                      "0 changed, 0 added, 1 removed, 0 fixed, 0 broken, 1 unchanged, 0 invalid; "
                      "0 zone changes, 0 renamed\n");
    // A new file that is invalid fails.
    write_text_file(repo.dir + "/assessments/new.json", "{}");
    CHECK(repo.aijri("diff --git HEAD").status == 1);
    std::filesystem::remove(repo.dir + "/assessments/new.json");

    // A file whose id is not its name is paired by the id it gives, even while it is invalid.
    aijri::test::AssessmentSpec clerk;
    clerk.extra = ",\n  \"id\": \"clerk\"";
    repo.write("assessments/c.json", clerk);
    repo.commit("clerk");
    clerk.tasks[1].score = 9;
    repo.write("assessments/c.json", clerk);
    repo.commit("clerk broken");
    const auto clerk_broken = repo.aijri("diff --git HEAD~1 HEAD");
    CHECK(clerk_broken.status == 1);
    CHECK(clerk_broken.out == "broken    clerk  64.6 Green (Accelerated) → invalid\n"
                              "          HEAD:assessments/c.json:12:50: error: /tasks/1/score: "
                              "expected an integer from 1 to 5, found 9\n"
                              "0 changed, 0 added, 0 removed, 0 fixed, 1 broken, 1 unchanged, 0 "
                              "invalid; 0 zone changes, 0 renamed\n");
    const auto clerk_fixed = repo.aijri("diff --git HEAD HEAD~1");
    CHECK(clerk_fixed.status == 0);
    CHECK(clerk_fixed.out == "fixed     clerk  invalid → 64.6 Green (Accelerated)\n"
                             "0 changed, 0 added, 0 removed, 1 fixed, 0 broken, 1 unchanged, 0 "
                             "invalid; 0 zone changes, 0 renamed\n");

    // A file broken before its id can be read (a conflict marker on its first line) is the
    // role of the file at the same place in the other version.
    clerk.tasks[1].score = 3;
    write_text_file(repo.dir + "/assessments/c.json",
                    "<<<<<<< HEAD\n" + aijri::test::to_json(clerk));
    const auto conflict = repo.aijri("diff --git HEAD~1");
    CHECK(conflict.status == 1);
    CHECK(conflict.out == "broken    clerk  64.6 Green (Accelerated) → invalid\n"
                          "          assessments/c.json:1:1: error: expected a JSON value, "
                          "found '<'\n"
                          "0 changed, 0 added, 0 removed, 0 fixed, 1 broken, 1 unchanged, 0 "
                          "invalid; 0 zone changes, 0 renamed\n");
    repo.commit("conflict");
    repo.write("assessments/c.json", clerk);
    const auto resolved = repo.aijri("diff --git HEAD");
    CHECK(resolved.status == 0);
    CHECK(resolved.out == "fixed     clerk  invalid → 64.6 Green (Accelerated)\n"
                          "0 changed, 0 added, 0 removed, 1 fixed, 0 broken, 1 unchanged, 0 "
                          "invalid; 0 zone changes, 0 renamed\n");
}

TEST_CASE("markdown: a role id with spaces at its ends is still shown whole and bold") {
    const std::string old_dir = aijri::test::temp_dir();
    const std::string new_dir = aijri::test::temp_dir();
    aijri::test::AssessmentSpec spec;
    spec.extra = ",\n  \"id\": \"spaced \"";
    write_text_file(old_dir + "/r.json", aijri::test::to_json(spec));
    spec.evidence = {2, 2, 2, 1, 2};
    write_text_file(new_dir + "/r.json", aijri::test::to_json(spec));
    const auto html = run_command(fmt::format(
        "'{}' diff '{}' '{}' -f markdown | cmark-gfm -e table", AIJRI_BINARY, old_dir, new_dir));
    CHECK(contains(html.out, "<td>spaced </td>"));
    CHECK(contains(html.out, "<strong>spaced </strong>"));
}

TEST_CASE("reordered tasks: each input names its task and its old place, a reorder moves nothing") {
    const std::string root = aijri::test::temp_dir();
    for (const char* side : {"/old", "/reordered", "/changed"}) {
        std::filesystem::create_directories(root + side);
    }
    aijri::test::AssessmentSpec spec;
    spec.tasks = {{"30", 3, "augmentation", "Chart"},
                  {"60", 2, "augmentation", "Triage"},
                  {"10", 1, "not_involved", "File"}};
    write_text_file(root + "/old/r.json", aijri::test::to_json(spec));
    std::swap(spec.tasks[0], spec.tasks[1]);
    write_text_file(root + "/reordered/r.json", aijri::test::to_json(spec));
    spec.tasks[1].score = 4; // Chart, at /tasks/0 before and /tasks/1 now
    write_text_file(root + "/changed/r.json", aijri::test::to_json(spec));

    const auto reorder =
        aijri::test::run_aijri("diff --all '" + root + "/old' '" + root + "/reordered'");
    CHECK(reorder.status == 0);
    CHECK(reorder.out == "unchanged r  65.6 Green (Accelerated) → 65.6 Green (Accelerated)  (0.0)\n"
                         "0 changed, 0 added, 0 removed, 0 fixed, 0 broken, 1 unchanged, 0 "
                         "invalid; 0 zone changes, 0 renamed\n");

    const auto text = aijri::test::run_aijri("diff '" + root + "/old' '" + root + "/changed'");
    CHECK(text.status == 0);
    CHECK(text.out == "changed   r  65.6 Green (Accelerated) → 59.8 Green (Accelerated)  (−5.8)\n"
                      "            −5.71  /tasks/1/score \"Chart\" (was /tasks/0/score)  3 → 4\n"
                      "1 changed, 0 added, 0 removed, 0 fixed, 0 broken, 0 unchanged, 0 invalid; 0 "
                      "zone changes, 0 renamed\n");
    const auto markdown =
        aijri::test::run_aijri("diff -f markdown '" + root + "/old' '" + root + "/changed'");
    CHECK(contains(markdown.out,
                   "\n- `/tasks/1/score` \"Chart\" (was `/tasks/0/score`): 3 → 4: **−5.71**\n"));
    const auto json =
        aijri::test::run_aijri("diff -f json '" + root + "/old' '" + root + "/changed'");
    const auto contribution = nlohmann::json::parse(json.out)["roles"][0]["contributions"][0];
    CHECK(contribution["input"] == "/tasks/1/score");
    CHECK(contribution["old_input"] == "/tasks/0/score");
    CHECK(contribution["task"] == "Chart");
    CHECK(contribution["old"] == 3);
    CHECK(contribution["new"] == 4);
}

TEST_CASE("a file renamed or moved shows as renamed, whatever its status") {
    Repo repo;
    aijri::test::AssessmentSpec spec;
    spec.extra = ",\n  \"id\": \"bookkeeper\"";
    repo.write("assessments/bookkeeper.json", spec);
    repo.write("assessments/stays.json", {});
    repo.commit("first");
    repo.git("mv assessments/bookkeeper.json assessments/bookkeeping-clerk.json");
    repo.commit("renamed");

    // Unchanged, but listed: a rename is worth a reviewer's look.
    const auto text = repo.aijri("diff --git HEAD~1 HEAD");
    CHECK(text.status == 0);
    CHECK(text.out == "unchanged bookkeeper  64.6 Green (Accelerated) → 64.6 Green (Accelerated)  "
                      "(0.0)\n"
                      "          renamed assessments/bookkeeper.json → "
                      "assessments/bookkeeping-clerk.json\n"
                      "0 changed, 0 added, 0 removed, 0 fixed, 0 broken, 2 unchanged, 0 invalid; "
                      "0 zone changes, 1 renamed\n");
    const auto markdown = repo.aijri("diff --git HEAD~1 HEAD -f markdown");
    CHECK(contains(markdown.out, "| bookkeeper | unchanged; renamed `assessments/bookkeeper.json` "
                                 "→ `assessments/bookkeeping-clerk.json` | 64.6 Green "
                                 "(Accelerated) | 64.6 Green (Accelerated) | 0.0 |  |\n"));
    const auto json = nlohmann::json::parse(repo.aijri("diff --git HEAD~1 HEAD -f json").out);
    CHECK((*role(json, "bookkeeper"))["renamed"] ==
          nlohmann::json{{"old", "assessments/bookkeeper.json"},
                         {"new", "assessments/bookkeeping-clerk.json"}});
    CHECK((*role(json, "stays"))["renamed"] == nullptr);
    CHECK(json["summary"]["renamed"] == 1);

    // Against the working tree, from a folder below the top: places are still paths from
    // the top, so files that stayed put are not renamed.
    spec.evidence = {2, 2, 2, 1, 2};
    repo.write("assessments/team/bookkeeping-clerk.json", spec);
    std::filesystem::remove(repo.dir + "/assessments/bookkeeping-clerk.json");
    const auto below = run_command(
        fmt::format("cd '{}/assessments' && '{}' diff --git HEAD", repo.dir, AIJRI_BINARY));
    CHECK(below.status == 0);
    CHECK(below.out == "changed   bookkeeper  64.6 Green (Accelerated) → 66.8 Green (Accelerated)  "
                       "(+2.2)\n"
                       "          renamed assessments/bookkeeping-clerk.json → "
                       "assessments/team/bookkeeping-clerk.json\n"
                       "            +2.16  /evidence/wage_trends/score  1 → 2\n"
                       "1 changed, 0 added, 0 removed, 0 fixed, 0 broken, 1 unchanged, 0 invalid; "
                       "0 zone changes, 1 renamed\n");

    // Between folders, a place is the path below the folder named; two files named alone are
    // simply compared.
    const std::string root = aijri::test::temp_dir();
    write_text_file(root + "/a.json", aijri::test::to_json(spec));
    std::filesystem::create_directories(root + "/new/team");
    std::filesystem::create_directories(root + "/old");
    write_text_file(root + "/old/bookkeeper.json", aijri::test::to_json(spec));
    write_text_file(root + "/new/team/clerk.json", aijri::test::to_json(spec));
    const auto folders = aijri::test::run_aijri("diff '" + root + "/old' '" + root + "/new'");
    CHECK(folders.out == "unchanged bookkeeper  66.8 Green (Accelerated) → 66.8 Green "
                         "(Accelerated)  (0.0)\n"
                         "          renamed bookkeeper.json → team/clerk.json\n"
                         "0 changed, 0 added, 0 removed, 0 fixed, 0 broken, 1 unchanged, 0 "
                         "invalid; 0 zone changes, 1 renamed\n");
    const auto files =
        aijri::test::run_aijri("diff '" + root + "/a.json' '" + root + "/new/team/clerk.json'");
    CHECK(files.out == "0 changed, 0 added, 0 removed, 0 fixed, 0 broken, 1 unchanged, 0 "
                       "invalid; 0 zone changes, 0 renamed\n");
}

namespace {

// A repository whose last commit changes a role past a drop gate, repairs one, breaks one,
// renames one, and changes one whose id a spreadsheet would take for a formula.
Repo four_kinds_of_change() {
    Repo repo;
    const auto with_id = [](aijri::test::AssessmentSpec spec, const std::string& id) {
        spec.extra = ",\n  \"id\": " + nlohmann::json(id).dump();
        return spec;
    };
    repo.write("assessments/mover.json", with_id({}, "mover"));
    aijri::test::AssessmentSpec invalid;
    invalid.tasks[0].score = 9;
    repo.write("assessments/fixme.json", with_id(invalid, "fixme"));
    repo.write("assessments/breaks.json", with_id({}, "breaks"));
    repo.write("assessments/bookkeeper.json", with_id({}, "bookkeeper"));
    repo.write("assessments/formula.json", with_id({}, "=HYPERLINK(\"x\"), \"quoted\""));
    repo.commit("first");
    aijri::test::AssessmentSpec mover;
    mover.evidence = aijri::test::spread(-6, -2, 2); // Green → Yellow
    repo.write("assessments/mover.json", with_id(mover, "mover"));
    repo.write("assessments/fixme.json", with_id({}, "fixme"));
    invalid.tasks[0].score = 7;
    repo.write("assessments/breaks.json", with_id(invalid, "breaks"));
    repo.git("mv assessments/bookkeeper.json assessments/bookkeeping-clerk.json");
    aijri::test::AssessmentSpec formula;
    formula.growth = 1;
    repo.write("assessments/formula.json", with_id(formula, "=HYPERLINK(\"x\"), \"quoted\""));
    repo.commit("second");
    return repo;
}

} // namespace

TEST_CASE("diff -f csv is RFC 4180, one row a role, and reads back with Python's csv module") {
    const Repo repo = four_kinds_of_change();
    const auto r = repo.aijri("diff --git HEAD~1 HEAD -f csv --fail-on-drop 5 -o out.csv");
    CHECK(r.status == 1); // broken, and a gate
    write_text_file(repo.dir + "/read.py", "import csv, json, sys\n"
                                           "with open(sys.argv[1], newline='') as f:\n"
                                           "    rows = list(csv.DictReader(f))\n"
                                           "print(json.dumps(rows))\n");
    const auto read = run_command(fmt::format("cd '{}' && python3 read.py out.csv", repo.dir));
    REQUIRE(read.status == 0);
    const auto rows = nlohmann::json::parse(read.out);
    REQUIRE(rows.size() == 5);
    std::map<std::string, nlohmann::json> by_id;
    for (const auto& row : rows) {
        by_id[row["id"]] = row;
    }
    const auto& mover = by_id.at("mover");
    CHECK(mover["status"] == "changed");
    CHECK(mover["old_aijri"] == "64.6");
    CHECK(mover["old_zone"] == "Green");
    CHECK(mover["new_zone"] == "Yellow");
    CHECK(mover["zone_changed"] == "true");
    CHECK(mover["delta"].get<std::string>().starts_with("-"));
    CHECK(contains(mover["gate"], " points (--fail-on-drop 5)"));
    CHECK(contains(mover["contributions"], "/evidence/company_actions/score: 2 → -2: −"));
    CHECK(mover["old_file"] == "HEAD~1:assessments/mover.json");
    const auto& fixme = by_id.at("fixme");
    CHECK(fixme["status"] == "fixed");
    CHECK(fixme["old_aijri"] == "");
    CHECK(fixme["new_aijri"] == "64.6");
    CHECK(fixme["messages"] == "");
    const auto& breaks = by_id.at("breaks");
    CHECK(breaks["status"] == "broken");
    CHECK(breaks["new_aijri"] == "");
    CHECK(breaks["messages"] == "HEAD:assessments/breaks.json:11:50: error: /tasks/0/score: "
                                "expected an integer from 1 to 5, found 7");
    const auto& bookkeeper = by_id.at("bookkeeper");
    CHECK(bookkeeper["status"] == "unchanged");
    CHECK(bookkeeper["renamed"] == "true");
    CHECK(bookkeeper["new_file"] == "HEAD:assessments/bookkeeping-clerk.json");
    // Text from a file that begins like a formula is kept as text by a leading apostrophe;
    // commas and quotes survive the round trip.
    CHECK(by_id.count("'=HYPERLINK(\"x\"), \"quoted\"") == 1);
    CHECK(by_id.at("'=HYPERLINK(\"x\"), \"quoted\"")["renamed"] == "false");
}

TEST_CASE("diff -f junit is valid XML: a testcase a role, broken, invalid and gates fail") {
    const Repo repo = four_kinds_of_change();
    const auto r = repo.aijri("diff --git HEAD~1 HEAD -f junit --fail-on-zone-change -o out.xml");
    CHECK(r.status == 1);
    write_text_file(repo.dir + "/read.py",
                    "import json, sys, xml.etree.ElementTree as E\n"
                    "root = E.parse(sys.argv[1]).getroot()\n"
                    "suite = root.find('testsuite')\n"
                    "cases = {}\n"
                    "for c in suite.findall('testcase'):\n"
                    "    f = c.find('failure')\n"
                    "    cases[c.get('name')] = {\n"
                    "        'failure': None if f is None else [f.get('type'), f.get('message'),\n"
                    "                                           f.text],\n"
                    "        'error': c.find('error') is not None,\n"
                    "        'out': c.find('system-out').text}\n"
                    "print(json.dumps({'tests': suite.get('tests'),\n"
                    "                  'failures': suite.get('failures'),\n"
                    "                  'errors': suite.get('errors'),\n"
                    "                  'top': [root.get('tests'), root.get('failures')],\n"
                    "                  'cases': cases}))\n");
    const auto read = run_command(fmt::format("cd '{}' && python3 read.py out.xml", repo.dir));
    REQUIRE(read.status == 0);
    const auto report = nlohmann::json::parse(read.out);
    CHECK(report["tests"] == "5");
    CHECK(report["failures"] == "2");
    CHECK(report["errors"] == "0");
    CHECK(report["top"] == nlohmann::json{"5", "2"});
    const auto& cases = report["cases"];
    CHECK(cases["mover"]["failure"] ==
          nlohmann::json{"gate", "zone changed from Green to Yellow (--fail-on-zone-change)",
                         nullptr});
    CHECK(cases["breaks"]["failure"] ==
          nlohmann::json{"broken",
                         "HEAD:assessments/breaks.json:11:50: error: /tasks/0/score: expected an "
                         "integer from 1 to 5, found 7",
                         "HEAD:assessments/breaks.json:11:50: error: /tasks/0/score: expected an "
                         "integer from 1 to 5, found 7"});
    CHECK(cases["fixme"]["failure"] == nullptr);
    CHECK(cases["fixme"]["out"] == "fixed fixme  invalid → 64.6 Green (Accelerated)");
    CHECK(cases["bookkeeper"]["out"] ==
          "unchanged bookkeeper  64.6 Green (Accelerated) → 64.6 Green (Accelerated)  (0.0)\n"
          "renamed assessments/bookkeeper.json → assessments/bookkeeping-clerk.json");
    CHECK(cases["=HYPERLINK(\"x\"), \"quoted\""]["failure"] == nullptr);
    CHECK(contains(cases["mover"]["out"], "/evidence/company_actions/score: 2 → -2: −"));
}

TEST_CASE("diff -f github: an annotation a role on its file, errors at their line") {
    const Repo repo = four_kinds_of_change();
    const auto r = repo.aijri("diff --git HEAD~1 HEAD -f github --fail-on-drop 50");
    CHECK(r.status == 1); // broken
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < r.out.size()) {
        const std::size_t end = r.out.find('\n', start);
        lines.push_back(r.out.substr(start, end - start));
        start = end + 1;
    }
    REQUIRE(lines.size() == 6);
    // Files are named as GitHub knows them, from the top of the repository.
    CHECK(lines[0].starts_with("::warning file=assessments/mover.json,title=aijri diff::changed "
                               "mover  64.6 Green (Accelerated) → "));
    CHECK(contains(lines[0], "%0A/evidence/company_actions/score: 2 → -2: −"));
    CHECK(lines[1].starts_with("::notice file=assessments/formula.json,title=aijri diff::changed "
                               "=HYPERLINK(\"x\"), \"quoted\"  64.6 Green (Accelerated) → "));
    CHECK(lines[2] == "::notice file=assessments/fixme.json,title=aijri diff::fixed fixme  "
                      "invalid → 64.6 Green (Accelerated)");
    CHECK(lines[3] == "::error file=assessments/breaks.json,line=11,col=50,title=aijri "
                      "diff::broken breaks  64.6 Green (Accelerated) → invalid%0A"
                      "HEAD:assessments/breaks.json:11:50: error: /tasks/0/score: expected an "
                      "integer from 1 to 5, found 7");
    CHECK(lines[4] == "::notice file=assessments/bookkeeping-clerk.json,title=aijri "
                      "diff::unchanged bookkeeper  64.6 Green (Accelerated) → 64.6 Green "
                      "(Accelerated)  (0.0)%0Arenamed assessments/bookkeeper.json → "
                      "assessments/bookkeeping-clerk.json");
    CHECK(lines[5] == "2 changed, 0 added, 0 removed, 1 fixed, 1 broken, 1 unchanged, 0 invalid; "
                      "1 zone change, 1 renamed");
    // A gate makes its role's annotation an error that says why.
    const auto gated = repo.aijri("diff --git HEAD~1 HEAD -f github --fail-on-zone-change");
    CHECK(gated.out.starts_with("::error file=assessments/mover.json,title=aijri gate::zone "
                                "changed from Green to Yellow (--fail-on-zone-change)%0Achanged "
                                "mover  64.6 Green (Accelerated) → "));
    CHECK(gated.err == "gate: mover: zone changed from Green to Yellow (--fail-on-zone-change)\n");
    // Between two folders a file is named as it was read; an unchanged role is a plain line.
    const std::string root = aijri::test::temp_dir();
    std::filesystem::create_directories(root + "/old");
    std::filesystem::create_directories(root + "/new");
    write_text_file(root + "/old/r.json", aijri::test::to_json({}));
    write_text_file(root + "/new/r.json", aijri::test::to_json({}));
    write_text_file(root + "/new/s.json", aijri::test::to_json({}));
    const auto folders =
        aijri::test::run_aijri("diff -f github '" + root + "/old' '" + root + "/new'");
    CHECK(folders.status == 0);
    CHECK(folders.out == "::notice file=" + root +
                             "/new/s.json,title=aijri diff::added s  64.6 Green (Accelerated)  (" +
                             root +
                             "/new/s.json)\n"
                             "unchanged r  64.6 Green (Accelerated) → 64.6 Green (Accelerated)  "
                             "(0.0)\n"
                             "0 changed, 1 added, 0 removed, 0 fixed, 0 broken, 1 unchanged, 0 "
                             "invalid; 0 zone changes, 0 renamed\n");
}

TEST_CASE("diff -f html -o writes one page: renames, gates and errors in each role's section") {
    const Repo repo = four_kinds_of_change();
    const auto r = repo.aijri("diff --git HEAD~1 HEAD -f html --fail-on-zone-change -o out.html");
    CHECK(r.status == 1); // broken, and a gate
    CHECK(r.out.empty());
    const std::string page = aijri::test::read_text_file(repo.dir + "/out.html");
    CHECK(page.starts_with("<!DOCTYPE html>\n"));
    CHECK(page.ends_with("</html>\n"));
    CHECK(contains(page, "<div class=\"card\"><b>1</b>down across the Green line (48.0)</div>"));
    CHECK(contains(page, "<div class=\"card\"><b>1</b>renamed</div>"));
    // Unchanged but renamed: a section, as the text report lists it.
    CHECK(contains(page, "<section class=\"role\" id=\"role-bookkeeper\">"));
    CHECK(contains(page, "<p class=\"note\">renamed assessments/bookkeeper.json → "
                         "assessments/bookkeeping-clerk.json</p>"));
    CHECK(contains(page, "<p><strong>Gate:</strong> zone changed from Green to Yellow "
                         "(--fail-on-zone-change)</p>"));
    CHECK(contains(page, "<ul class=\"errors\">\n<li>HEAD:assessments/breaks.json:11:50: error: "
                         "/tasks/0/score: expected an integer from 1 to 5, found 7</li>"));
    // An id with quotes and commas: escaped as text, encoded in its anchor.
    CHECK(contains(page, "<h3>=HYPERLINK(&quot;x&quot;), &quot;quoted&quot;</h3>"));
    CHECK(contains(page, "<a href=\"#role-_3dHYPERLINK_28_22x_22_29_2c_20_22quoted_22\">"));
    // As a browser reads it: Debian's html5lib in strict mode refuses any parse error.
    if (run_command("/usr/bin/python3 -c 'import html5lib'").status == 0) {
        const auto parse = run_command(
            fmt::format("cd '{}' && /usr/bin/python3 -c 'import html5lib, sys; html5lib.HTMLParser("
                        "strict=True).parse(open(sys.argv[1], \"rb\"))' out.html",
                        repo.dir));
        CHECK(parse.err.empty());
        CHECK(parse.status == 0);
    } else {
        WARN("html5lib is missing (Debian: python3-html5lib): the page was not parsed");
    }
}
