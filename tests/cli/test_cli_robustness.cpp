// `aijri robustness` as analysts and CI use it: the seed's section, the result object's keys,
// every batch format read back by the program that reads it, the gate and the sort.
#include <algorithm>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "support/builder.hpp"

using aijri::test::run_aijri;
using aijri::test::run_command;
using aijri::test::write_text_file;

namespace {

const std::string k_seed = "assessments/deep-learning-engineer.json";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Three roles: the seed (4 steps from Yellow), a Yellow one (3 from Green), a broken one.
std::string make_folder() {
    const std::string root = aijri::test::temp_dir();
    write_text_file(root + "/a-seed.json",
                    aijri::test::read_text_file(aijri::test::source_path(k_seed)));
    aijri::test::AssessmentSpec yellow;
    yellow.growth = 0;
    yellow.evidence = {0, 0, 0, 0, 0};
    yellow.barriers = {0, 0, 0, 0, 0};
    write_text_file(root + "/b-yellow.json", aijri::test::to_json(yellow));
    write_text_file(root + "/c-broken.json", "{\"aijri\": 1,\n  \"role\": {\"title\": \"x\"");
    return root;
}

} // namespace

TEST_CASE("robustness of the seed prints its margin, fewest edits, tornado, odds and indices") {
    const auto r = run_aijri("robustness --width 100 " + k_seed);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(contains(r.out, "Deep Learning Engineer — AIJRI 64.6 Green (Accelerated)\n"));
    CHECK(contains(r.out, "Margin\n  16.6 points above the Green line (48.0)\n  Green is the "
                          "highest zone\n"));
    CHECK(contains(r.out, "  Down to Yellow: 4 unit steps on 2 inputs\n"));
    CHECK(contains(r.out, "  Design novel neural network arc…     2     4  /tasks/0/score\n"));
    CHECK(contains(r.out, "  Train & optimize deep learning…      3     5  /tasks/1/score\n"));
    CHECK(contains(r.out, "--set /tasks/0/score=4"));
    CHECK(contains(r.out, "  Up: none — Green is the highest zone\n"));
    CHECK(contains(r.out, "  Growth Correlation                 51.6 ██████████████████│        "
                          "      64.6   -2 … +2\n"));
    CHECK(contains(r.out, "  Green      0.961743  1211519/1259712\n"));
    CHECK(contains(r.out, "  Yellow     0.038257  48193/1259712\n"));
    CHECK(contains(r.out, "  AIJRI: 5th percentile 48.8 · median 60.2 · 95th percentile 72.7\n"));
    CHECK(contains(r.out,
                   "  Train & optimize deep learning…        0.2662  0.2671  /tasks/1/score\n"));
}

TEST_CASE("robustness json has exactly the keys of the contract") {
    const auto r = run_aijri("robustness --format json " + k_seed);
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    std::vector<std::string> keys;
    for (const auto& [key, value] : j.items()) {
        keys.push_back(key);
    }
    std::sort(keys.begin(), keys.end());
    CHECK(keys == std::vector<std::string>{"aijri", "fewest_edits", "file", "id", "label", "margin",
                                           "methodology", "override", "sensitivity", "swing",
                                           "title", "uncertainty", "zone"});
    CHECK(j["aijri"].dump() == "64.6");
    CHECK(j["margin"].dump() == R"({"above":{"line":48.0,"points":16.6},"below":null})");
    CHECK(j["fewest_edits"].dump() ==
          R"({"down":{"count":4,"edits":[{"from":2,"pointer":"/tasks/0/score","to":4},)"
          R"({"from":3,"pointer":"/tasks/1/score","to":5}],"zone":"Yellow"},"up":null})");
    CHECK(j["swing"][0].dump() ==
          R"({"at_max":{"aijri":55.1,"value":5},"at_min":{"aijri":74.1,"value":1},)"
          R"("name":"Train & optimize deep learning models","pointer":"/tasks/1/score"})");
    CHECK(j["uncertainty"].dump() ==
          R"({"aijri":{"median":60.2,"p05":48.8,"p95":72.7},"model":"default","zones":)"
          R"({"Green":{"exact":"1211519/1259712","probability":0.961743},)"
          R"("Red":{"exact":"0/1","probability":0.0},)"
          R"("Yellow":{"exact":"48193/1259712","probability":0.038257}}})");
    CHECK(j["sensitivity"][0].dump() ==
          R"({"first_order":0.2662,"pointer":"/tasks/1/score","total":0.2671})");
    CHECK(j["sensitivity"].size() == 17);
}

TEST_CASE("robustness --uncertainty declared treats inputs without a range as certain") {
    const auto r = run_aijri("robustness --format json --uncertainty declared " + k_seed);
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["uncertainty"]["model"] == "declared");
    CHECK(j["uncertainty"]["zones"]["Green"]["exact"] == "1/1");
    CHECK(j["sensitivity"][0]["total"].is_null());
}

TEST_CASE("robustness --fail-if-fragile trips on a zone that few steps change, naming the edits") {
    const auto tight = run_aijri("robustness --fail-if-fragile 4 " + k_seed);
    CHECK(tight.status == 1);
    CHECK(contains(tight.err, k_seed + ": gate: 4 unit steps move the formula's zone to Yellow "
                                       "(/tasks/0/score 2 → 4, /tasks/1/score 3 → 5): trips "
                                       "--fail-if-fragile 4\n"));
    const auto loose = run_aijri("robustness --fail-if-fragile 3 " + k_seed);
    CHECK(loose.status == 0);
    const std::string root = make_folder();
    const auto batch = run_aijri("robustness --width 1000 --fail-if-fragile 3 '" + root +
                                 "/a-seed.json' '" + root + "/b-yellow.json'");
    CHECK(batch.status == 1);
    CHECK(contains(batch.out, "1 role tripped a gate:\n  " + root +
                                  "/b-yellow.json: 3 unit steps move the formula's zone to Green "
                                  "(/growth_correlation/score 0 → 2, /tasks/0/score 2 → 1): trips "
                                  "--fail-if-fragile 3\n"));
    const auto usage = run_aijri("robustness --fail-if-fragile -1 " + k_seed);
    CHECK(usage.status == 2);
    CHECK(contains(usage.err, "--fail-if-fragile: expected a whole number from 0 to 1000, "
                              "found \"-1\""));
}

TEST_CASE("robustness --sort fragility puts the least firm verdicts first, invalid last") {
    const std::string root = make_folder();
    const auto r = run_aijri("robustness -f json --sort fragility '" + root + "'");
    CHECK(r.status == 1); // the broken file
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j.size() == 3);
    CHECK(j[0]["file"] == root + "/b-yellow.json");
    CHECK(j[1]["file"] == root + "/a-seed.json");
    CHECK(j[2]["file"] == root + "/c-broken.json");
    CHECK(j[2].contains("errors"));
    const auto jsonl = run_aijri("robustness -f jsonl --sort fragility '" + root + "'");
    CHECK(jsonl.status == 2);
    CHECK(contains(jsonl.err, "--sort fragility cannot be honoured by -f jsonl"));
    const auto on_score = run_aijri("score --sort fragility '" + root + "'");
    CHECK(on_score.status == 2);
}

TEST_CASE("robustness csv is one row a role and reads back with Python's csv module") {
    const std::string root = make_folder();
    const auto r = run_aijri("robustness -f csv -o '" + root + "/out.csv' '" + root + "'");
    CHECK(r.status == 1);
    const auto check = run_command(
        "python3 -c \"import csv,sys; rows=list(csv.DictReader(open(sys.argv[1], newline=''))); "
        "print(len(rows)); r=rows[0]; print(r['status'], r['aijri'], r['margin_above'], "
        "r['down_count'], r['down_zone'], r['down_edits'], r['p_green'], r['p05'], "
        "r['largest_swing'], r['most_sensitive_total']); print(rows[2]['status'])\" '" +
        root + "/out.csv'");
    REQUIRE(check.status == 0);
    CHECK(check.out == "3\nanalysed 64.6 16.6 4 Yellow /tasks/0/score=4 /tasks/1/score=5 "
                       "0.961743 48.8 /tasks/1/score 0.2671\ninvalid\n");
}

TEST_CASE("robustness junit, github and markdown are read by their readers") {
    const std::string root = make_folder();
    const auto junit = run_aijri("robustness -f junit --fail-if-fragile 3 -o '" + root +
                                 "/junit.xml' '" + root + "'");
    CHECK(junit.status == 1);
    const auto xml = run_command(
        "python3 -c \"import sys,xml.etree.ElementTree as E; t=E.parse(sys.argv[1]).getroot(); "
        "s=t.find('testsuite'); print(s.get('tests'), s.get('failures')); "
        "print(sorted(f.get('type') for c in s.findall('testcase') for f in "
        "c.findall('failure'))); "
        "print(s.findall('testcase')[0].find('system-out').text)\" '" +
        root + "/junit.xml'");
    REQUIRE(xml.status == 0);
    CHECK(xml.out == "3 2\n['gate', 'invalid']\n64.6 Green (Accelerated): 16.6 above 48.0; 4 unit "
                     "steps to Yellow; P(Green) 0.961743\n");
    const auto github = run_aijri("robustness -f github --fail-if-fragile 3 '" + root + "'");
    CHECK(contains(github.out, "::error file=" + root +
                                   "/b-yellow.json,title=aijri gate::3 unit "
                                   "steps move the formula's zone to Green"));
    const auto html = run_command("'" AIJRI_BINARY "' robustness -f markdown '" + root +
                                  "' | cmark-gfm -e table");
    CHECK(contains(html.out, "<th>Fewest edits down</th>"));
    CHECK(contains(html.out, "<td>4 unit steps → Yellow: <code>/tasks/0/score=4 "
                             "/tasks/1/score=5</code></td>"));
}

TEST_CASE("robustness of a broken file reports its errors and analyses nothing") {
    const std::string root = make_folder();
    const auto r = run_aijri("robustness '" + root + "/c-broken.json'");
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(contains(r.err, root + "/c-broken.json:2:"));
}

TEST_CASE("robustness shows an override but analyses the formula's verdict") {
    const std::string root = aijri::test::temp_dir();
    aijri::test::AssessmentSpec spec;
    spec.override_json = R"({"zone": "Yellow", "reason": "Junior-heavy market"})";
    write_text_file(root + "/o.json", aijri::test::to_json(spec));
    const auto r = run_aijri("robustness -f json '" + root + "/o.json'");
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["zone"] == "Green");
    CHECK(j["override"]["zone"] == "Yellow");
    CHECK(j["override"]["reason"] == "Junior-heavy market");
    const auto text = run_aijri("robustness '" + root + "/o.json'");
    CHECK(contains(text.out, "Assessor override: "));
    CHECK(contains(text.out, "shown, not analysed"));
}

TEST_CASE("robustness --set analyses the edited role and says what the edits did") {
    const auto r =
        run_aijri("robustness -f json --set /tasks/0/score=4 --set /tasks/1/score=5 " + k_seed);
    CHECK(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["aijri"].dump() == "47.5");
    CHECK(j["zone"] == "Yellow");
    CHECK(j["what_if"]["original"]["aijri"].dump() == "64.6");
    CHECK(j["what_if"]["edited"]["delta"].dump() == "-17.1");
    CHECK(j["margin"].dump() ==
          R"({"above":{"line":25.0,"points":22.5},"below":{"line":48.0,"points":0.5}})");
    const auto text = run_aijri("robustness --width 200 --set /tasks/0/score=4 " + k_seed);
    CHECK(contains(text.out, "What-if (--set /tasks/0/score=4): the file as it is gives 64.6 Green "
                             "(Accelerated); every figure below is the edited role's (Δ −7.6)\n"));
    const auto bad = run_aijri("robustness --set /tasks/0/score=9 " + k_seed);
    CHECK(bad.status == 2);
    CHECK(contains(bad.err, "aijri: --set /tasks/0/score=9: "));
}

TEST_CASE("robustness writes the same bytes whatever the number of jobs") {
    const std::string root = aijri::test::temp_dir();
    for (int i = 0; i < 30; ++i) {
        aijri::test::AssessmentSpec spec;
        spec.evidence = aijri::test::spread(i % 21 - 10, -2, 2);
        spec.growth = i % 5 - 2;
        spec.tasks = {{std::to_string(10 + i % 80), 1 + i % 5},
                      {std::to_string(90 - i % 80), 5 - i % 3}};
        write_text_file(fmt::format("{}/role-{:02}.json", root, i), aijri::test::to_json(spec));
    }
    const auto one = run_aijri("robustness -f jsonl --jobs 1 '" + root + "'");
    const auto four = run_aijri("robustness -f jsonl --jobs 4 '" + root + "'");
    CHECK(one.status == 0);
    CHECK(one.out == four.out);
    CHECK(std::count(one.out.begin(), one.out.end(), '\n') == 30);
}
