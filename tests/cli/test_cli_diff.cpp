// `aijri diff` on real git repositories made here: several commits, renames, deletions.
#include <filesystem>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "aijri/rational.hpp"

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

TEST_CASE("a role repaired is fixed (exit 0); one broken fails (exit 1), as does one invalid") {
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

TEST_CASE("reordered tasks: each input names its task and its old place; a reorder moves nothing") {
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
