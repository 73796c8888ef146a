// aijri.toml through the real binary, in real folders: found upward (the closest), named
// (--config) or ignored (--no-config), beaten by the command line, and its thresholds gating
// one folder.
#include <algorithm>
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "support/builder.hpp"

using aijri::test::CommandResult;
using aijri::test::contains;
using aijri::test::run_aijri_in;
using aijri::test::seed_json_with;
using aijri::test::write_text_file;

namespace {

// A project: a git repository's root (so the search stops there) with two folders of roles,
// both the seed (AIJRI 64.6, Green) under another id.
std::string make_project() {
    const std::string dir = aijri::test::temp_dir();
    std::filesystem::create_directories(dir + "/.git");
    std::filesystem::create_directories(dir + "/assessments/clinical");
    std::filesystem::create_directories(dir + "/assessments/tech");
    write_text_file(dir + "/assessments/clinical/nurse.json",
                    seed_json_with("\"id\": \"deep-learning-engineer\"", "\"id\": \"nurse\""));
    write_text_file(dir + "/assessments/tech/dev.json",
                    seed_json_with("\"id\": \"deep-learning-engineer\"", "\"id\": \"dev\""));
    return dir;
}

} // namespace

TEST_CASE("aijri.toml is found from the working folder upward, and the closest one wins") {
    const std::string dir = make_project();
    write_text_file(dir + "/aijri.toml", "[score]\nformat = \"csv\"\n");
    const std::string role = "clinical/nurse.json";
    const CommandResult below = run_aijri_in(dir + "/assessments", "score " + role);
    CHECK(below.status == 0);
    CHECK(below.out.starts_with("file,id,title,status,aijri,"));
    write_text_file(dir + "/assessments/aijri.toml", "[score]\nformat = \"jsonl\"\n");
    const CommandResult closest = run_aijri_in(dir + "/assessments", "score " + role);
    CHECK(closest.out.starts_with("{\"file\":\"clinical/nurse.json\""));
    CHECK(run_aijri_in(dir, "score assessments/clinical/nurse.json").out.starts_with("file,id,"));
}

TEST_CASE("aijri.toml above a repository's root is not the repository's") {
    const std::string dir = make_project();
    write_text_file(dir + "/../aijri.toml", "jobs = \"bad\"\n"); // would stop every command
    const CommandResult r = run_aijri_in(dir, "score -f csv assessments");
    std::filesystem::remove(dir + "/../aijri.toml");
    CHECK(r.status == 0);
    CHECK(r.err.empty());
}

TEST_CASE("a config file named by --config is read, and none with --no-config") {
    const std::string dir = make_project();
    write_text_file(dir + "/aijri.toml", "[score]\nformat = \"csv\"\n");
    std::filesystem::create_directories(dir + "/ci");
    write_text_file(dir + "/ci/strict.toml", "[score]\nformat = \"jsonl\"\n");
    const std::string role = "assessments/tech/dev.json";
    CHECK(run_aijri_in(dir, "score --config ci/strict.toml " + role).out.starts_with("{\"file\":"));
    const CommandResult none = run_aijri_in(dir, "score --no-config " + role);
    CHECK(none.status == 0);
    CHECK(contains(none.out, "AIJRI"));
    CHECK_FALSE(none.out.starts_with("file,id,"));
    const CommandResult both =
        run_aijri_in(dir, "score --no-config --config ci/strict.toml " + role);
    CHECK(both.status == 2);
    CHECK(both.err == "aijri: --config and --no-config cannot be used together\n");
    const CommandResult missing = run_aijri_in(dir, "validate --config nowhere.toml " + role);
    CHECK(missing.status == 2);
    CHECK(contains(missing.err, "aijri: nowhere.toml: "));
}

TEST_CASE("a flag on the command line wins over aijri.toml") {
    const std::string dir = make_project();
    write_text_file(dir + "/aijri.toml", "fail-under = 90\n[score]\nformat = \"csv\"\n");
    const CommandResult file = run_aijri_in(dir, "score assessments");
    CHECK(file.status == 1);
    CHECK(contains(file.out, "AIJRI 64.6 is under fail-under 90 (aijri.toml:1:1)"));
    const CommandResult flags = run_aijri_in(dir, "score -f jsonl --fail-under 20 assessments");
    CHECK(flags.status == 0);
    CHECK(flags.out.starts_with("{\"file\":"));
    const CommandResult stricter = run_aijri_in(dir, "score --fail-under 95 assessments");
    CHECK(stricter.status == 1);
    CHECK(contains(stricter.out, "AIJRI 64.6 is under --fail-under 95"));
}

TEST_CASE("aijri.toml's paths and methodology are relative to its folder") {
    const std::string dir = make_project();
    std::filesystem::create_directories(dir + "/m");
    std::filesystem::copy_file(aijri::test::source_path("methodologies/aijri-1.json"),
                               dir + "/m/method.json");
    write_text_file(dir + "/aijri.toml", "paths = [\"assessments/tech\"]\n"
                                         "methodology = \"m/method.json\"\n"
                                         "[score]\nformat = \"csv\"\n");
    const CommandResult r = run_aijri_in(dir + "/assessments/clinical", "score");
    CHECK(r.status == 0);
    CHECK(contains(r.out, "\n../tech/dev.json,dev,"));
    const CommandResult validate = run_aijri_in(dir + "/assessments", "validate");
    CHECK(validate.out == "tech/dev.json: ok\n1 valid, 0 invalid\n");
    write_text_file(dir + "/aijri.toml", "methodology = \"m/missing.json\"\n");
    const CommandResult missing = run_aijri_in(dir + "/assessments", "score tech/dev.json");
    CHECK(missing.status == 2);
    CHECK(contains(missing.err, "aijri: ../m/missing.json: "));
}

TEST_CASE("a threshold in aijri.toml gates only the folder it names") {
    const std::string dir = make_project();
    write_text_file(dir + "/aijri.toml", "fail-under = 10\n"
                                         "\n"
                                         "[[thresholds]]\n"
                                         "paths = [\"assessments/clinical/**\"]\n"
                                         "fail-under = 70\n");
    const CommandResult all = run_aijri_in(dir, "score -f csv assessments");
    CHECK(all.status == 1);
    CHECK(contains(all.out, "assessments/clinical/nurse.json,nurse,"));
    CHECK(contains(all.out, "AIJRI 64.6 is under fail-under 70 (aijri.toml:5:1)"));
    CHECK(contains(all.out, "\nassessments/tech/dev.json,dev,Deep Learning Engineer,scored,64.6,"
                            "Green,Accelerated,Green (Accelerated),3.75,1.32,1.04,1.10,5.6628,"
                            "40,aijri-1,\r\n"));
    const CommandResult tech = run_aijri_in(dir, "score assessments/tech");
    CHECK(tech.status == 0);
    // From a folder below: the patterns are still the config file's folder's.
    const CommandResult github = run_aijri_in(dir + "/assessments", "score -f github clinical");
    CHECK(github.status == 1);
    CHECK(github.out.starts_with("::error file=clinical/nurse.json,title=aijri gate::AIJRI 64.6 "
                                 "is under fail-under 70 (../aijri.toml:5:1)\n"));
    const CommandResult one = run_aijri_in(dir, "score assessments/clinical/nurse.json");
    CHECK(one.status == 1);
    CHECK(contains(one.err, "assessments/clinical/nurse.json: gate: AIJRI 64.6 is under "
                            "fail-under 70 (aijri.toml:5:1)\n"));
    const CommandResult json = run_aijri_in(dir, "score -f json assessments/clinical/nurse.json");
    CHECK(contains(json.out, "\"gate\": \"AIJRI 64.6 is under fail-under 70 (aijri.toml:5:1)\""));
    // The command line's gate is every file's.
    CHECK(run_aijri_in(dir, "score --fail-under 20 assessments").status == 0);
}

TEST_CASE("a bad aijri.toml stops every command that reads it, each problem located") {
    const std::string dir = make_project();
    write_text_file(dir + "/aijri.toml", "jobs = 0\n"
                                         "[score]\n"
                                         "formt = \"csv\"\n"
                                         "[[thresholds]]\n"
                                         "paths = [\"a/b**\"]\n"
                                         "fail-on-zone = \"Green\"\n");
    const std::string expected =
        "aijri.toml:1:8: error: jobs: expected a whole number from 1 to 1024, found 0\n"
        "    jobs = 0\n"
        "           ^\n"
        "aijri.toml:3:1: error: score.formt: unknown key \"formt\"; did you mean \"format\"?\n"
        "    formt = \"csv\"\n"
        "    ^\n"
        "aijri.toml:5:10: error: thresholds[0].paths[0]: expected \"**\" as a whole segment (as "
        "in a/**/b.json), found \"a/b**\"\n"
        "    paths = [\"a/b**\"]\n"
        "             ^\n"
        "aijri.toml:6:16: error: thresholds[0].fail-on-zone: expected one of \"Red\", "
        "\"Yellow\", found \"Green\"\n"
        "    fail-on-zone = \"Green\"\n"
        "                   ^\n";
    for (const char* command : {"score assessments", "robustness assessments",
                                "validate assessments", "config", "render x.json"}) {
        INFO(command);
        const CommandResult r = run_aijri_in(dir, command);
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK(r.err == expected);
    }
    write_text_file(dir + "/aijri.toml", "jobs = [1\n");
    const CommandResult syntax = run_aijri_in(dir + "/assessments", "score tech");
    CHECK(syntax.status == 2);
    CHECK(syntax.err == "../aijri.toml:1:11: error: TOML syntax error (array): encountered "
                        "end-of-file\n"
                        "    jobs = [1\n"
                        "             ^\n");
    CHECK(run_aijri_in(dir + "/assessments", "score --no-config tech").status == 0);
}

namespace {

constexpr const char* k_project_toml = "paths = [\"assessments\"]\n"
                                       "fail-under = 10\n"
                                       "fail-on-zone = \"red\"\n"
                                       "[score]\n"
                                       "format = \"csv\"\n"
                                       "\n"
                                       "[[thresholds]]\n"
                                       "paths = [\"assessments/clinical/**\"]\n"
                                       "fail-under = 70\n";

} // namespace

TEST_CASE("aijri config prints every key, its value and where it came from") {
    const std::string dir = make_project();
    write_text_file(dir + "/aijri.toml", k_project_toml);
    const CommandResult r = run_aijri_in(dir + "/assessments", "config");
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out == "config file: ../aijri.toml\n"
                   "key                       value                    from\n"
                   "methodology               -                        default\n"
                   "paths                     .                        ../aijri.toml:1:1\n"
                   "jobs                      -                        default\n"
                   "max-bytes                 16777216                 default\n"
                   "input-format              auto                     default\n"
                   "color                     auto                     default\n"
                   "allow-empty               false                    default\n"
                   "fail-under                10                       ../aijri.toml:2:1\n"
                   "fail-on-zone              Red                      ../aijri.toml:3:1\n"
                   "fail-if-fragile           -                        default\n"
                   "score.format              csv                      ../aijri.toml:5:1\n"
                   "score.sort                path                     default\n"
                   "score.reports             -                        default\n"
                   "robustness.format         text                     default\n"
                   "robustness.sort           path                     default\n"
                   "robustness.uncertainty    default                  default\n"
                   "robustness.reports        -                        default\n"
                   "validate.format           text                     default\n"
                   "diff.format               text                     default\n"
                   "diff.fail-on-zone-change  false                    default\n"
                   "diff.fail-on-drop         -                        default\n"
                   "diff.reports              -                        default\n"
                   "history.format            text                     default\n"
                   "[[thresholds]]            assessments/clinical/**  ../aijri.toml:7:1\n"
                   "  fail-under              70                       ../aijri.toml:9:1\n");
}

TEST_CASE("aijri config COMMAND ARGS marks what the command line sets, which beats the file") {
    const std::string dir = make_project();
    write_text_file(dir + "/aijri.toml", k_project_toml);
    const CommandResult r =
        run_aijri_in(dir, "config score --fail-under 30 -f json assessments/tech");
    CHECK(r.status == 0);
    CHECK(r.out == "config file: aijri.toml\n"
                   "key             value                    from\n"
                   "methodology     -                        default\n"
                   "paths           assessments/tech         command line\n"
                   "jobs            -                        default\n"
                   "max-bytes       16777216                 default\n"
                   "input-format    auto                     default\n"
                   "color           auto                     default\n"
                   "allow-empty     false                    default\n"
                   "fail-under      30                       command line\n"
                   "fail-on-zone    Red                      aijri.toml:3:1\n"
                   "score.format    json                     command line\n"
                   "score.sort      path                     default\n"
                   "score.reports   -                        default\n"
                   "[[thresholds]]  assessments/clinical/**  aijri.toml:7:1\n"
                   "  fail-under    70                       aijri.toml:9:1\n");
    const CommandResult none = run_aijri_in(dir, "config --no-config score");
    CHECK(none.status == 0);
    CHECK(none.out == "config file: none (--no-config)\n"
                      "key            value     from\n"
                      "methodology    -         default\n"
                      "paths          -         default\n"
                      "jobs           -         default\n"
                      "max-bytes      16777216  default\n"
                      "input-format   auto      default\n"
                      "color          auto      default\n"
                      "allow-empty    false     default\n"
                      "fail-under     -         default\n"
                      "fail-on-zone   -         default\n"
                      "score.format   text      default\n"
                      "score.sort     path      default\n"
                      "score.reports  -         default\n");
    const CommandResult unknown = run_aijri_in(dir, "config scre");
    CHECK(unknown.status == 2);
    CHECK(unknown.err == "aijri config: \"scre\" is no command that reads aijri.toml (expected "
                         "one of score, robustness, validate, import, render, diff, history); "
                         "did you mean \"score\"?\n"
                         "Run `aijri config --help` for usage.\n");
}

TEST_CASE("aijri config --format json gives each setting and each threshold") {
    const std::string dir = make_project();
    write_text_file(dir + "/aijri.toml", k_project_toml);
    const CommandResult r = run_aijri_in(dir, "config --format json");
    CHECK(r.status == 0);
    CHECK(r.out.starts_with("{\n"
                            "  \"file\": \"aijri.toml\",\n"
                            "  \"settings\": [\n"
                            "    {\n"
                            "      \"key\": \"methodology\",\n"
                            "      \"value\": null,\n"
                            "      \"origin\": \"default\"\n"
                            "    },\n"
                            "    {\n"
                            "      \"key\": \"paths\",\n"
                            "      \"value\": [\n"
                            "        \"assessments\"\n"
                            "      ],\n"
                            "      \"origin\": \"aijri.toml:1:1\"\n"
                            "    },\n"));
    CHECK(contains(r.out, "  \"thresholds\": [\n"
                          "    {\n"
                          "      \"paths\": [\n"
                          "        \"assessments/clinical/**\"\n"
                          "      ],\n"
                          "      \"origin\": \"aijri.toml:7:1\",\n"
                          "      \"gates\": [\n"
                          "        {\n"
                          "          \"key\": \"fail-under\",\n"
                          "          \"value\": \"70\",\n"
                          "          \"origin\": \"aijri.toml:9:1\"\n"
                          "        }\n"
                          "      ]\n"
                          "    }\n"
                          "  ]\n"
                          "}\n"));
    const CommandResult none = run_aijri_in(dir, "config --no-config -f json");
    CHECK(none.out.starts_with("{\n  \"file\": null,\n"));
    CHECK(contains(none.out, "  \"thresholds\": []\n}\n"));
}

TEST_CASE("aijri.toml's reports are written from the same run, and --report replaces them") {
    const std::string dir = make_project();
    std::filesystem::create_directories(dir + "/out");
    write_text_file(dir + "/aijri.toml",
                    "[score]\nreports = [\"junit=out/junit.xml\", \"CSV=out/roles.csv\"]\n");
    // From a folder below: the files are the config file's folder's.
    const CommandResult r = run_aijri_in(dir + "/assessments", "score tech");
    CHECK(r.status == 0);
    CHECK(contains(r.out, "\n 64.6  Green (Accelerated)     Deep Learning Engineer          "
                          "tech/dev.json\n"));
    CHECK(aijri::test::read_text_file(dir + "/out/roles.csv")
              .starts_with("file,id,title,status,aijri,zone,sub_label,label,"));
    CHECK(contains(aijri::test::read_text_file(dir + "/out/roles.csv"), "\r\ntech/dev.json,dev,"));
    CHECK(contains(aijri::test::read_text_file(dir + "/out/junit.xml"),
                   "<testcase classname=\"aijri\" name=\"tech/dev.json\""));
    std::filesystem::remove(dir + "/out/roles.csv");
    std::filesystem::remove(dir + "/out/junit.xml");
    // --report takes one value: the PATH after it is a PATH.
    const CommandResult flag = run_aijri_in(dir, "score --report json=out/one.json assessments");
    CHECK(flag.status == 0);
    CHECK(std::filesystem::exists(dir + "/out/one.json"));
    CHECK_FALSE(std::filesystem::exists(dir + "/out/roles.csv"));
    CHECK_FALSE(std::filesystem::exists(dir + "/out/junit.xml"));
    const CommandResult config = run_aijri_in(dir, "config score");
    CHECK(contains(config.out,
                   "\nscore.reports  junit=out/junit.xml, csv=out/roles.csv  aijri.toml:2:1\n"));
}

TEST_CASE("diff takes its gates and format from aijri.toml's [diff]") {
    const std::string dir = make_project();
    aijri::test::AssessmentSpec before;
    before.evidence = aijri::test::spread(8, -2, 2);
    aijri::test::AssessmentSpec after;
    after.evidence = aijri::test::spread(-6, -2, 2);
    std::filesystem::create_directories(dir + "/old");
    std::filesystem::create_directories(dir + "/new");
    write_text_file(dir + "/old/role.json", aijri::test::to_json(before));
    write_text_file(dir + "/new/role.json", aijri::test::to_json(after));
    write_text_file(dir + "/aijri.toml", "[diff]\n"
                                         "fail-on-zone-change = true\n"
                                         "format = \"markdown\"\n");
    const CommandResult r = run_aijri_in(dir, "diff old new");
    CHECK(r.status == 1);
    CHECK(r.out.starts_with("### AIJRI changes\n"));
    CHECK(contains(r.err, "gate: role: zone changed from Green to Yellow (fail-on-zone-change "
                          "(aijri.toml:2:1))"));
    const CommandResult flag = run_aijri_in(dir, "diff -f text --fail-on-zone-change old new");
    CHECK(flag.status == 1);
    CHECK_FALSE(flag.out.starts_with("### AIJRI changes\n"));
    CHECK(contains(flag.err, "gate: role: zone changed from Green to Yellow "
                             "(--fail-on-zone-change)"));
    CHECK(run_aijri_in(dir, "diff --no-config old new").status == 0);
    write_text_file(dir + "/aijri.toml", "[diff]\nfail-on-drop = 5\n");
    const CommandResult drop = run_aijri_in(dir, "diff old new");
    CHECK(drop.status == 1);
    CHECK(contains(drop.err, " points (fail-on-drop 5 (aijri.toml:2:1))"));
}

TEST_CASE("robustness takes a folder's fail-if-fragile from aijri.toml's thresholds") {
    const std::string dir = make_project();
    // The seed is 4 unit steps from Yellow: 4 trips the gate, 3 does not.
    write_text_file(dir + "/aijri.toml", "[[thresholds]]\n"
                                         "paths = [\"assessments/clinical\"]\n"
                                         "fail-if-fragile = 4\n");
    const CommandResult r = run_aijri_in(dir, "robustness -f github assessments");
    CHECK(r.status == 1);
    CHECK(r.out.starts_with(
        "::error file=assessments/clinical/nurse.json,title=aijri gate::4 unit steps move the "
        "formula's zone to Yellow (/tasks/0/score 2 → 4, /tasks/1/score 3 → 5): trips "
        "fail-if-fragile 4 (aijri.toml:3:1)\n"));
    CHECK_FALSE(contains(r.out, "file=assessments/tech/dev.json,title=aijri gate"));
    CHECK(run_aijri_in(dir, "robustness assessments/tech").status == 0);
    CHECK(run_aijri_in(dir, "robustness --fail-if-fragile 3 assessments").status == 0);
}

TEST_CASE("aijri.toml's paths stand aside for --jsonl-input, as named PATHs would") {
    const std::string dir = make_project();
    write_text_file(dir + "/aijri.toml", "paths = [\"assessments\"]\n");
    std::string record = aijri::test::seed_json();
    record.erase(std::remove(record.begin(), record.end(), '\n'), record.end());
    write_text_file(dir + "/roles.jsonl", record + "\n");
    const CommandResult r = run_aijri_in(dir, "score -f csv --jsonl-input roles.jsonl");
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(contains(r.out, "\r\nroles.jsonl:1,deep-learning-engineer,"));
    CHECK_FALSE(contains(r.out, "nurse"));
}

TEST_CASE("validate takes its format from aijri.toml's [validate]") {
    const std::string dir = make_project();
    write_text_file(dir + "/aijri.toml", "[validate]\nformat = \"GitLab\"\n");
    write_text_file(dir + "/assessments/tech/broken.json", "{\"id\": 3}\n");
    const CommandResult r = run_aijri_in(dir, "validate assessments/tech");
    CHECK(r.status == 1);
    CHECK(r.out.starts_with("[\n{\"description\":\"missing required key \\\"aijri\\\"\","
                            "\"check_name\":\"aijri/InvalidAssessment\","));
    CHECK(contains(r.out, "\"location\":{\"path\":\"assessments/tech/broken.json\""));
    const CommandResult text = run_aijri_in(dir, "validate -f text assessments/tech");
    CHECK(text.status == 1);
    CHECK(contains(text.out, "assessments/tech/dev.json: ok\n"));
}
