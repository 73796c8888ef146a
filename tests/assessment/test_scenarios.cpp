// Scenarios in the assessment: read with located errors, scored, audited, written back.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "aijri/assessment/reader.hpp"
#include "aijri/assessment/writer.hpp"
#include "aijri/batch/evaluate.hpp"

#include "support/builder.hpp"

using namespace aijri;

namespace {

using Errors = std::vector<std::string>;

// The builder's assessment (the seed's figures: 64.6 Green (Accelerated)) with scenarios.
std::string with_scenarios(const std::string& scenarios) {
    test::AssessmentSpec spec;
    spec.extra = ",\n  \"scenarios\": " + scenarios;
    return test::to_json(spec);
}

Evaluation evaluated(const std::string& text) {
    AssessmentReader reader;
    return evaluate(reader, text, "a.json", builtin_methodology());
}

Errors errors_of(const std::string& text) {
    Errors out;
    for (const Diagnostic& d : evaluated(text).diagnostics) {
        if (d.severity == Severity::error) {
            out.push_back(format_diagnostic("a.json", d));
        }
    }
    return out;
}

const std::string k_automl =
    R"([{"name": "AutoML", "note": "Training and infrastructure move to 4.",)"
    R"( "set": {"/tasks/1/score": 4, "/tasks/2/score": 4},)"
    R"( "stated": {"aijri": 57.0, "zone": "Green", "sub_label": "Accelerated"}}])";

} // namespace

TEST_CASE("a scenario is read, scored against the role and its stated figures audited") {
    const Evaluation e = evaluated(with_scenarios(k_automl));
    REQUIRE(e.valid());
    const Scenario& s = e.assessment->scenarios.at(0);
    CHECK(s.name == "AutoML");
    CHECK(s.note == "Training and infrastructure move to 4.");
    REQUIRE(s.set.size() == 2);
    CHECK(s.set[1].pointer == "/tasks/2/score");
    CHECK(s.set[1].value.value == Rational(4));
    REQUIRE(e.scenarios.size() == 1);
    const EditedVerdict& v = e.scenarios[0].edited;
    CHECK(to_fixed(v.verdict.aijri, 1) == "57.0");
    CHECK(v.verdict.label == "Green (Accelerated)");
    CHECK(v.delta == Rational::decimal(-76, 1));
    REQUIRE(v.contributions.size() == 2);
    CHECK(v.contributions[0].input == "/tasks/1/score");
    // TRS falls by 0.25 and 0.15, times the other factors 1.32 × 1.04 × 1.10 = 1.51008, over
    // 7.93, times 100: −4.7606… and −2.8563…
    CHECK(v.contributions[0].points == Rational::fraction(-25 * 151008, 793 * 1000));
    CHECK(v.contributions[1].points == Rational::fraction(-15 * 151008, 793 * 1000));
    CHECK(v.contributions[0].points == Rational::fraction(-1452, 305));
    // The role itself is untouched.
    CHECK(to_fixed(e.score->final_.aijri, 1) == "64.6");
}

TEST_CASE("a scenario's wrong stated figure is a located error") {
    std::string automl = k_automl;
    automl.replace(automl.find("\"Green\""), 7, "\"Yellow\"");
    const std::string text = with_scenarios(automl);
    const Evaluation e = evaluated(text);
    CHECK_FALSE(e.valid());
    CHECK(errors_of(text) ==
          Errors{"a.json:33:171: error: /scenarios/0/stated/zone: stated zone \"Yellow\" does not "
                 "match the computed \"Green\""});
}

TEST_CASE("a scenario's edits are checked as --set's are, at the key or the value") {
    CHECK(errors_of(with_scenarios(R"([{"name": "x", "set": {"/tasks/9/score": 4}}])")) ==
          Errors{"a.json:33:39: error: /scenarios/0/set/~1tasks~19~1score: expected a task from "
                 "/tasks/0 to /tasks/5, found \"/tasks/9/score\""});
    CHECK(errors_of(with_scenarios(R"([{"name": "x", "set": {"/tasks/1/score": 6}}])")) ==
          Errors{"a.json:33:57: error: /scenarios/0/set/~1tasks~11~1score: expected an integer "
                 "from 1 to 5, found 6"});
    CHECK(errors_of(with_scenarios(R"([{"name": "x", "set": {"/tasks/0/time_pct": 30}}])")) ==
          Errors{"a.json:33:38: error: /scenarios/0/set: expected time shares that sum to exactly "
                 "100, found a sum of 110 after the edits"});
    CHECK(errors_of(with_scenarios(R"([{"name": "x", "set": {"/tasks/1/score": "4"}}])")) ==
          Errors{"a.json:33:57: error: /scenarios/0/set/~1tasks~11~1score: expected a number, "
                 "the input's value, found a string \"4\""});
    CHECK(errors_of(with_scenarios(R"([{"name": "x", "set": {}}])")) ==
          Errors{"a.json:33:38: error: /scenarios/0/set: expected at least one input to set, "
                 "found none"});
}

TEST_CASE("scenario names are required and distinct") {
    CHECK(errors_of(with_scenarios(R"([{"name": "x", "set": {"/tasks/1/score": 4}},)"
                                   R"( {"name": "x", "set": {"/tasks/2/score": 4}}])")) ==
          Errors{"a.json:33:71: error: /scenarios/1/name: duplicate scenario name \"x\" (also "
                 "/scenarios/0/name)"});
    CHECK(errors_of(with_scenarios(R"([{"set": {"/tasks/1/score": 4}}])")) ==
          Errors{"a.json:33:17: error: /scenarios/0: missing required key \"name\""});
}

TEST_CASE("scenarios are written back as they were read") {
    const std::string text =
        test::read_text_file(test::source_path("assessments/deep-learning-engineer.json"));
    AssessmentReader reader;
    const ReadResult read = reader.read(text, "deep-learning-engineer.json");
    REQUIRE(read.assessment);
    REQUIRE(read.assessment->scenarios.size() == 1);
    CHECK(assessment_to_json(*read.assessment) == text);
}
