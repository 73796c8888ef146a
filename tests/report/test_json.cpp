// The result object of ASSESSMENT-FORMAT.md, byte for byte: key order, number forms, the
// errors object, and the members a JSONL record and a tripped gate add.
#include <optional>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "aijri/assessment/reader.hpp"
#include "aijri/batch/evaluate.hpp"
#include "aijri/report/json.hpp"

#include "support/builder.hpp"

using namespace aijri;

namespace {

Evaluation evaluate_text(const std::string& text, const std::string& file) {
    AssessmentReader reader;
    return evaluate(reader, text, file, builtin_methodology());
}

Evaluation seed() {
    const Evaluation e =
        // The role's own keys: its scenario (an "x-" key here, so ignored) is the CLI tests'.
        evaluate_text(test::seed_json_with("\"scenarios\"", "\"x-scenarios\""),
                      "assessments/deep-learning-engineer.json");
    REQUIRE(e.valid());
    return e;
}

std::string result(const Evaluation& e, const std::optional<std::string>& gate = std::nullopt,
                   int indent = -1) {
    std::string out;
    append_result_json(out, e, builtin_methodology(), gate, indent);
    return out;
}

// The seed's result without the closing brace, for records that add members after it.
const std::string k_seed_line =
    R"J({"file":"assessments/deep-learning-engineer.json","id":"deep-learning-engineer",)J"
    R"J("title":"Deep Learning Engineer","methodology":"aijri-1","task_weighted_total":2.25,)J"
    R"J("task_resistance":3.75,"protective_total":2,"growth_correlation":2,"evidence_total":8,)J"
    R"J("evidence_modifier":1.32,"barrier_total":2,"barrier_modifier":1.04,)J"
    R"J("growth_modifier":1.1,"raw":5.6628,"aijri":64.6,"zone":"Green",)J"
    R"J("sub_label":"Accelerated","label":"Green (Accelerated)","pct_time_3plus":40,)J"
    R"J("split":{"displacement":0,"augmentation":75,"not_involved":25},)J"
    R"J("quick_screen":"Likely Green (Accelerated)","override":null,)J"
    R"J("formula":{"aijri":64.6,"zone":"Green","sub_label":"Accelerated"},"warnings":[],)J"
    R"J("exact":{"raw":"5.6628","aijri":"51228/793"})J";

} // namespace

TEST_CASE("result json: the seed's result on one line, key for key") {
    CHECK(result(seed()) == k_seed_line + "}");
}

TEST_CASE("result json: indent 2 lays out the same object") {
    CHECK(result(seed(), std::nullopt, 2) == R"J({
  "file": "assessments/deep-learning-engineer.json",
  "id": "deep-learning-engineer",
  "title": "Deep Learning Engineer",
  "methodology": "aijri-1",
  "task_weighted_total": 2.25,
  "task_resistance": 3.75,
  "protective_total": 2,
  "growth_correlation": 2,
  "evidence_total": 8,
  "evidence_modifier": 1.32,
  "barrier_total": 2,
  "barrier_modifier": 1.04,
  "growth_modifier": 1.1,
  "raw": 5.6628,
  "aijri": 64.6,
  "zone": "Green",
  "sub_label": "Accelerated",
  "label": "Green (Accelerated)",
  "pct_time_3plus": 40,
  "split": {
    "displacement": 0,
    "augmentation": 75,
    "not_involved": 25
  },
  "quick_screen": "Likely Green (Accelerated)",
  "override": null,
  "formula": {
    "aijri": 64.6,
    "zone": "Green",
    "sub_label": "Accelerated"
  },
  "warnings": [],
  "exact": {
    "raw": "5.6628",
    "aijri": "51228/793"
  }
})J");
}

TEST_CASE("result json: appends to what the buffer holds, a JSON object in key order") {
    std::string out = "[";
    append_result_json(out, seed(), builtin_methodology());
    CHECK(out == "[" + k_seed_line + "}");
    const auto value = nlohmann::ordered_json::parse(out.substr(1));
    CHECK(value.dump() == k_seed_line + "}");
    CHECK(value.begin().key() == "file");
    CHECK((--value.end()).key() == "exact");
}

TEST_CASE("result json: an override, and the formula's verdict beside the final one") {
    std::string text = test::seed_json_with(
        "\"override\": null",
        R"J("override": {"aijri": 50, "zone": "Green", "sub_label": null, "reason": "r"})J");
    text.replace(text.find("\"stated\""), 8, "\"x-stated\""); // the stated verdict no longer holds
    const std::string out = result(evaluate_text(text, "o.json"));
    CHECK(out.find(R"J("aijri":50.0,"zone":"Green","sub_label":null,"label":"Green",)J") !=
          std::string::npos);
    CHECK(out.find(R"J("override":{"aijri":50.0,"zone":"Green","sub_label":null,"reason":"r"},)J"
                   R"J("formula":{"aijri":64.6,"zone":"Green","sub_label":"Accelerated"},)J") !=
          std::string::npos);
}

TEST_CASE("result json: an invalid file is its name and its errors, warnings left out") {
    const Evaluation invalid = evaluate_text(
        test::seed_json_with("\"score\": 3", "\"score\": 7").replace(0, 1, "{\n  \"x\": 1,"),
        "bad.json");
    REQUIRE_FALSE(invalid.valid());
    CHECK(
        result(invalid) ==
        R"J({"file":"bad.json","errors":[)J"
        R"J({"pointer":"/x","line":2,"column":3,"message":"unknown key \"x\" (expected one of: )J"
        R"J($schema, aijri, id, role, protective_principles, growth_correlation, tasks, )J"
        R"J(reinstatement, evidence, barriers, override, stated, scenarios, commentary; keys beginning )J"
        R"J(with \"x-\" are ignored)"},)J"
        R"J({"pointer":"/tasks/1/score","line":43,"column":16,)J"
        R"J("message":"expected an integer from 1 to 5, found 7"}]})J");
    CHECK(result(evaluate_text("{\"id\": \"x\"}", "b.json"), std::nullopt, 2).starts_with(R"J({
  "file": "b.json",
  "errors": [
    {
      "pointer": "",
      "line": 1,
      "column": 1,
      "message": "missing required key \"aijri\""
    },)J"));
}

TEST_CASE("result json: a JSONL record says its line, a tripped gate its message") {
    Evaluation record = seed();
    record.record_line = 7;
    CHECK(result(record) == k_seed_line + R"J(,"line":7})J");
    CHECK(result(record, std::string("AIJRI 64.6 is under --fail-under 70")) ==
          k_seed_line + R"J(,"line":7,"gate":"AIJRI 64.6 is under --fail-under 70"})J");
    CHECK(result(seed(), std::string("AIJRI 64.6 is under --fail-under 70"), 2)
              .ends_with("\n  },\n  \"gate\": \"AIJRI 64.6 is under --fail-under 70\"\n}"));
    Evaluation bad_record = evaluate_text("{\"id\": 1}", "roles.jsonl");
    bad_record.record_line = 3;
    const std::string bad = result(bad_record);
    CHECK(bad.starts_with(R"J({"file":"roles.jsonl","errors":[{"pointer":"","line":1,)J"));
    CHECK(bad.ends_with(
        R"J({"pointer":"/id","line":1,"column":8,"message":"expected a string, found 1"}],"line":3})J"));
}
