// What a CI gate reports: every gate a role trips, a run that found nothing, an id that more
// than one file uses, and validate's one line a file.
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "support/builder.hpp"

using aijri::test::CommandResult;
using aijri::test::contains;
using aijri::test::run_aijri;
using aijri::test::shell_quote;
using aijri::test::write_text_file;

namespace {

// A Red role (16.8) whose quick screen disagrees with its zone: a warning.
std::string red_role() {
    aijri::test::AssessmentSpec spec;
    spec.tasks = {{"60", 5, "displacement"}, {"40", 4, "displacement"}};
    spec.evidence = {-2, -2, -2, -1, -1};
    spec.barriers = {0, 0, 0, 1, 0};
    spec.growth = -1;
    spec.principles = {2, 2, 2};
    return aijri::test::to_json(spec);
}

} // namespace

TEST_CASE("every gate a role trips is reported, not only the first") {
    const std::string dir = aijri::test::temp_dir();
    write_text_file(dir + "/red.json", red_role());
    const std::string file = shell_quote(dir + "/red.json");
    const CommandResult csv = run_aijri("score -f csv --fail-under 50 --fail-on-zone Red " + file);
    CHECK(csv.status == 1);
    const std::string aijri = run_aijri("score -f csv " + file).out;
    REQUIRE(contains(aijri, ",Red,"));
    CHECK(contains(csv.out, "is under --fail-under 50; zone Red trips --fail-on-zone Red"));
    const CommandResult text = run_aijri("score --fail-under 50 --fail-on-zone Red " + file);
    CHECK(contains(text.err, "is under --fail-under 50; zone Red trips --fail-on-zone Red\n"));
}

TEST_CASE("finding no assessment is exit 2, unless --allow-empty") {
    const std::string dir = aijri::test::temp_dir();
    std::filesystem::create_directories(dir + "/empty");
    std::filesystem::create_directories(dir + "/prose");
    write_text_file(dir + "/prose/notes.txt", "not an assessment");
    for (const char* folder : {"/empty", "/prose"}) {
        INFO(folder);
        const std::string path = shell_quote(dir + folder);
        const CommandResult score =
            run_aijri("score -f junit -o " + shell_quote(dir + "/report.xml") + " " + path);
        CHECK(score.status == 2);
        CHECK(score.err == "aijri score: no assessment found in " + dir + folder +
                               " (folders are searched for *.json); --allow-empty accepts that\n");
        CHECK_FALSE(std::filesystem::exists(dir + "/report.xml")); // no report of nothing
        CHECK(run_aijri("score --allow-empty " + path).status == 0);
        const CommandResult validate = run_aijri("validate " + path);
        CHECK(validate.status == 2);
        CHECK(contains(validate.err, "aijri validate: no assessment found in "));
        CHECK(run_aijri("validate --allow-empty " + path).status == 0);
        CHECK(run_aijri("diff " + path + " " + path).status == 2);
        CHECK(run_aijri("diff --allow-empty " + path + " " + path).status == 0);
    }
    write_text_file(dir + "/empty.jsonl", "\n\n");
    CHECK(run_aijri("score --jsonl-input " + shell_quote(dir + "/empty.jsonl")).status == 2);
}

TEST_CASE("an id that more than one file uses is reported by score and validate") {
    const std::string dir = aijri::test::temp_dir();
    std::filesystem::create_directories(dir + "/a");
    std::filesystem::create_directories(dir + "/b");
    // A document that is no assessment is skipped, and still counts among the walk's places.
    write_text_file(dir + "/a/README.md", "# Roles\n");
    write_text_file(dir + "/a/role.json", aijri::test::to_json({}));
    write_text_file(dir + "/b/role.json", aijri::test::to_json({}));
    write_text_file(dir + "/b/other.json", aijri::test::to_json({}));
    const std::string expected = "the id \"role\" is used by more than one file: " + dir +
                                 "/a/role.json, " + dir + "/b/role.json";
    const CommandResult score = run_aijri("score " + shell_quote(dir));
    CHECK(score.status == 1);
    CHECK(score.err == "aijri: warning: " + dir +
                           "/a/README.md: skipped: not an assessment document (not one of its "
                           "lines is the title of a section of one)\naijri: error: " +
                           expected + "\n");
    // The table's footer says it too, wrapped to the width.
    CHECK(contains(score.out, "\nerror: the id \"role\" is used by more than one file:"));
    for (const char* jobs : {"1", "3"}) {
        CHECK(run_aijri(std::string("score -f csv -j ") + jobs + " " + shell_quote(dir)).err ==
              score.err);
    }
    const CommandResult github = run_aijri("score -f github " + shell_quote(dir));
    CHECK(contains(github.out, "::error file=" + dir + "/b/role.json,title=aijri duplicate id::"));
    const CommandResult validate = run_aijri("validate " + shell_quote(dir));
    CHECK(validate.status == 1);
    CHECK(validate.out == dir + "/a/role.json: ok\n" + dir + "/b/other.json: ok\n" + dir +
                              "/b/role.json: ok\nerror: " + expected +
                              "\n3 valid, 0 invalid, 1 id used by more than one file\n");
}

TEST_CASE("validate: one status line a file, warnings under it, -q prints only errors") {
    const std::string dir = aijri::test::temp_dir();
    write_text_file(dir + "/good.json", aijri::test::to_json({}));
    write_text_file(dir + "/warned.json", red_role());
    const CommandResult all = run_aijri("validate " + shell_quote(dir));
    CHECK(all.status == 0);
    const std::size_t status_line = all.out.find(dir + "/warned.json: ok, 1 warning\n");
    REQUIRE(status_line != std::string::npos);
    CHECK(all.out.find(dir + "/warned.json: warning: ", status_line) != std::string::npos);
    CHECK_FALSE(contains(all.out, "warned.json: ok\n"));
    const CommandResult quiet = run_aijri("validate -q " + shell_quote(dir));
    CHECK(quiet.status == 0);
    CHECK(quiet.out.empty());
    write_text_file(dir + "/bad.json", "{");
    const CommandResult bad = run_aijri("validate -q " + shell_quote(dir));
    CHECK(bad.status == 1);
    CHECK(bad.out == dir + "/bad.json:1:2: error: unexpected end of file: the object is not "
                           "closed (expected '}')\n    {\n     ^\n");
}
