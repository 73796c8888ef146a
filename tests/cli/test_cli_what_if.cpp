// What-if (--set) and scenarios, through the built binary.
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/builder.hpp"

using aijri::test::contains;
using aijri::test::read_text_file;
using aijri::test::run_aijri;
using aijri::test::run_command;
using aijri::test::shell_quote;
using aijri::test::source_path;
using aijri::test::temp_dir;
using aijri::test::write_text_file;

namespace {

const std::string k_seed = shell_quote(source_path("assessments/deep-learning-engineer.json"));
const std::string k_automl = " --set /tasks/1/score=4 --set /tasks/2/score=4";

} // namespace

TEST_CASE("score --set scores the edited role and shows what the edits did") {
    const std::string before =
        read_text_file(source_path("assessments/deep-learning-engineer.json"));
    const auto r = run_aijri("score --color never " + k_seed + k_automl);
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.starts_with("Deep Learning Engineer — AIJRI 57.0 Green (Accelerated)\n"));
    CHECK(contains(r.out, "  Task resistance: 6.00 − 2.65 = 3.35\n"));
    CHECK(contains(r.out,
                   "\nWhat-If (--set)\n"
                   "  Set /tasks/1/score = 4\n"
                   "  Set /tasks/2/score = 4\n"
                   "  As the file has it: 64.6 Green (Accelerated)\n"
                   "  Edited:             57.0 Green (Accelerated)  (Δ −7.6)\n"
                   "    −4.76  /tasks/1/score \"Train & optimize deep learning models\"  3 → 4\n"
                   "    −2.86  /tasks/2/score \"Build & maintain training infrastructure\"  "
                   "3 → 4\n"));
    CHECK(read_text_file(source_path("assessments/deep-learning-engineer.json")) == before);
}

TEST_CASE("score --set in JSON: the edited figures and a what_if object") {
    const auto r = run_aijri("score -f json " + k_seed + " --set /tasks/1/score=4");
    REQUIRE(r.status == 0);
    const auto j = nlohmann::ordered_json::parse(r.out);
    CHECK(j["aijri"].dump() == "59.8");
    CHECK(
        j["what_if"].dump() ==
        R"J({"set":[{"pointer":"/tasks/1/score","value":4}],)J"
        R"J("original":{"aijri":64.6,"zone":"Green","sub_label":"Accelerated",)J"
        R"J("label":"Green (Accelerated)"},)J"
        R"J("edited":{"aijri":59.8,"zone":"Green","sub_label":"Accelerated",)J"
        R"J("label":"Green (Accelerated)","delta":-4.8,"contributions":[{"input":"/tasks/1/score",)J"
        R"J("old_input":"/tasks/1/score","task":"Train & optimize deep learning models","old":3,)J"
        R"J("new":4,"points":-4.7607,"points_exact":"-1452/305"}]}})J");
}

TEST_CASE("score --set reaches the batch formats") {
    const auto r = run_aijri("score -f csv " + k_seed + k_automl);
    REQUIRE(r.status == 0);
    CHECK(contains(r.out, "/assessments/deep-learning-engineer.json,deep-learning-engineer,"
                          "Deep Learning Engineer,scored,57.0,Green,"));
    const auto line = run_aijri("score -f jsonl " + k_seed +
                                " --set /evidence/job_posting_trends/score=-2"
                                " --set /evidence/company_actions/score=-2");
    REQUIRE(line.status == 0);
    const auto record = nlohmann::ordered_json::parse(line.out);
    CHECK(record["aijri"].dump() == "47.3");
    CHECK(record["zone"] == "Yellow");
}

TEST_CASE("a --set that is malformed or that the role cannot take is a usage error, exit 2") {
    const auto expect = [](const std::string& set, const std::string& err) {
        const auto r = run_aijri("score " + k_seed + " --set " + shell_quote(set));
        INFO(set);
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK(r.err == err);
    };
    expect("/tasks/1/score", "aijri: --set /tasks/1/score: expected POINTER=VALUE, such as "
                             "/tasks/1/score=4, found no \"=\"\n");
    expect("tasks/1/score=4", "aijri: --set tasks/1/score=4: expected a JSON pointer before "
                              "\"=\", such as /tasks/1/score, found \"tasks/1/score\"\n");
    expect("/tasks/1/score=four", "aijri: --set /tasks/1/score=four: expected a number after "
                                  "\"=\", such as 4 or 12.5, found \"four\"\n");
    expect("/tasks/9/score=4", "aijri: --set /tasks/9/score=4: expected a task from /tasks/0 to "
                               "/tasks/5, found \"/tasks/9/score\"\n");
    expect("/tasks/1/score=6",
           "aijri: --set /tasks/1/score=6: expected an integer from 1 to 5, found 6\n");
    expect("/tasks/1/score=3.5",
           "aijri: --set /tasks/1/score=3.5: expected an integer from 1 to 5, found 3.5\n");
    expect("/evidence/wage_trend/score=2",
           "aijri: --set /evidence/wage_trend/score=2: expected a pointer to an input that can "
           "be edited (/tasks/N/score, /tasks/N/time_pct, /evidence/KEY/score, "
           "/barriers/KEY/score, /protective_principles/KEY/score or /growth_correlation/score), "
           "found \"/evidence/wage_trend/score\"; did you mean \"/evidence/wage_trends/score\"?\n");
    expect("/tasks/0/time_pct=30", "aijri: --set: expected time shares that sum to exactly 100, "
                                   "found a sum of 110 after the edits\n");
    expect("/tasks/0/time_pct=20.005", "aijri: --set /tasks/0/time_pct=20.005: expected a time "
                                       "share with at most 2 decimals, found 20.005\n");
}

TEST_CASE("shares moved together by --set keep their sum") {
    const auto r = run_aijri("score -f json " + k_seed +
                             " --set /tasks/0/time_pct=30 --set /tasks/1/time_pct=15");
    REQUIRE(r.status == 0);
    CHECK(nlohmann::ordered_json::parse(r.out)["task_weighted_total"].dump() == "2.15");
}

TEST_CASE("a batch names the file whose role cannot take a --set, and exits 2") {
    const std::string dir = temp_dir();
    write_text_file(dir + "/a.json",
                    aijri::test::seed_json_with("\"deep-learning-engineer\"", "\"a\""));
    const auto r = run_aijri("score -f csv " + shell_quote(dir) + " --set /tasks/6/score=4");
    CHECK(r.status == 2);
    CHECK(contains(r.out, ",invalid,"));
    CHECK(contains(r.out, "--set /tasks/6/score=4: expected a task from /tasks/0 to /tasks/5"));
}

TEST_CASE("the seed's AutoML scenario is scored after the sub-label and in JSON") {
    const auto r = run_aijri("score --color never --width 100 " + k_seed);
    REQUIRE(r.status == 0);
    CHECK(contains(r.out, "\nScenarios\n"
                          "  AutoML compression (3–5 years): 57.0 Green (Accelerated)  (Δ −7.6 "
                          "against the role)\n"));
    CHECK(contains(r.out, "    −4.76  /tasks/1/score \"Train & optimize deep learning models\""));
    const auto j = nlohmann::ordered_json::parse(run_aijri("score -f json " + k_seed).out);
    REQUIRE(j["scenarios"].size() == 1);
    const auto& s = j["scenarios"][0];
    CHECK(s["name"] == "AutoML compression (3–5 years)");
    CHECK(s["aijri"].dump() == "57.0");
    CHECK(s["zone"] == "Green");
    CHECK(s["sub_label"] == "Accelerated");
    CHECK(s["label"] == "Green (Accelerated)");
    CHECK(s["delta"].dump() == "-7.6");
    CHECK(s["contributions"][1]["points_exact"] == "-4356/1525");
}

TEST_CASE("validate fails, with a location, on a scenario whose stated zone is wrong") {
    const std::string dir = temp_dir();
    const std::string file = dir + "/role.json";
    write_text_file(file,
                    aijri::test::seed_json_with("\"zone\": \"Green\",\n        \"sub_label\"",
                                                "\"zone\": \"Yellow\",\n        \"sub_label\""));
    const auto r = run_aijri("validate " + shell_quote(file));
    CHECK(r.status == 1);
    CHECK(contains(r.out + r.err,
                   file + ":154:17: error: /scenarios/0/stated/zone: stated zone \"Yellow\" "
                          "does not match the computed \"Green\""));
    CHECK(run_aijri("validate " + k_seed).status == 0);
}

TEST_CASE("the junior example states what its illustrative inputs compute: Yellow") {
    const auto r = run_aijri(
        "score -f json " +
        shell_quote(source_path("assessments/examples/deep-learning-engineer-junior.json")));
    REQUIRE(r.status == 0);
    const auto j = nlohmann::ordered_json::parse(r.out);
    CHECK(j["aijri"].dump() == "41.5");
    CHECK(j["label"] == "Yellow");
}

TEST_CASE("diff reports a scenario whose verdict changed between two versions") {
    const std::string dir = temp_dir();
    std::filesystem::create_directories(dir + "/old");
    std::filesystem::create_directories(dir + "/new");
    write_text_file(dir + "/old/role.json", aijri::test::seed_json());
    // The same role; its scenario now also has job postings and company actions at -2: Yellow.
    std::string scenario_moved = aijri::test::seed_json_with(
        "\"/tasks/2/score\": 4\n      },\n      \"stated\": {\n        \"aijri\": 57.0,\n"
        "        \"zone\": \"Green\",\n        \"sub_label\": \"Accelerated\"\n      }",
        "\"/tasks/2/score\": 4,\n        \"/evidence/job_posting_trends/score\": -2,\n"
        "        \"/evidence/company_actions/score\": -2\n      }");
    write_text_file(dir + "/new/role.json", scenario_moved);
    const auto text =
        run_aijri("diff " + shell_quote(dir + "/old") + " " + shell_quote(dir + "/new"));
    CHECK(text.status == 0);
    CHECK(contains(text.out, "changed   deep-learning-engineer  64.6 Green (Accelerated) → 64.6 "
                             "Green (Accelerated)  (0.0)\n"
                             "          scenario \"AutoML compression (3–5 years)\": 57.0 Green "
                             "(Accelerated) → 41.5 Yellow  ⚠ ZONE CHANGE\n"));
    const auto json =
        run_aijri("diff -f json " + shell_quote(dir + "/old") + " " + shell_quote(dir + "/new"));
    const auto j = nlohmann::ordered_json::parse(json.out);
    CHECK(
        j["roles"][0]["scenarios"].dump() ==
        R"J([{"name":"AutoML compression (3–5 years)","old":{"aijri":57.0,"zone":"Green",)J"
        R"J("label":"Green (Accelerated)"},"new":{"aijri":41.5,"zone":"Yellow","label":"Yellow"},)J"
        R"J("zone_changed":true}])J");
    const auto markdown = run_aijri("diff -f markdown " + shell_quote(dir + "/old") + " " +
                                    shell_quote(dir + "/new"));
    CHECK(contains(markdown.out, "scenario \"AutoML compression (3–5 years)\""));
    const auto csv = run_command("'" AIJRI_BINARY "' diff -f csv " + shell_quote(dir + "/old") +
                                 " " + shell_quote(dir + "/new") +
                                 " | python3 -c \"import csv,sys; rows=list(csv.DictReader("
                                 "sys.stdin)); print(rows[0]['scenarios'])\"");
    CHECK(csv.out == "scenario \"AutoML compression (3–5 years)\": 57.0 Green (Accelerated) → "
                     "41.5 Yellow\n");
}
