// The code-scanning formats (sarif, gitlab): every problem filed under its rule, at its file,
// line and pointer, with a fingerprint that survives edits elsewhere in the file and changes
// of the figures it quotes.
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "aijri/batch/evaluate.hpp"
#include "aijri/model/methodology.hpp"
#include "aijri/report/batch.hpp"

#include "report/code_scanning.hpp"
#include "support/builder.hpp"

using namespace aijri;
using namespace aijri::report_detail;

namespace {

Evaluation evaluated(const std::string& text, const std::string& file = "roles/seed.json") {
    AssessmentReader reader;
    return evaluate(reader, text, file, builtin_methodology());
}

// The seed with its stated raw score wrong.
std::string seed_stating_raw(const std::string& raw) {
    return test::seed_json_with("\"raw\": 5.6628", "\"raw\": " + raw);
}

// A whole report of one file, as the batch writes it: header, the file's results, footer.
nlohmann::json whole_report(BatchFormat format, const Evaluation& e, const ReportStyle& style,
                            const std::optional<std::string>& gate = std::nullopt) {
    const auto report = make_batch_report(format, builtin_methodology(), style);
    BatchTotals totals;
    totals.files = 1;
    return nlohmann::json::parse(report->begin(nullptr) + report->render(e, gate) +
                                 report->end(totals));
}

} // namespace

TEST_CASE("code scanning: a stated figure that does not match is AIJ1002 at its line") {
    const std::vector<Finding> found = findings_of(evaluated(seed_stating_raw("5.8")), {});
    REQUIRE(found.size() == 1);
    const Finding& f = found.front();
    CHECK(f.check == Check::stated_mismatch);
    CHECK(rule_of(f.check).id == "AIJ1002");
    CHECK(f.level == Level::error);
    CHECK(f.file == "roles/seed.json");
    CHECK(f.position == SourcePosition{133, 12});
    CHECK(f.pointer == "/stated/raw");
    CHECK(f.message ==
          "/stated/raw: stated raw score 5.8 does not match the computed 5.7 (exact 5.6628)");
    CHECK(f.role_id == "deep-learning-engineer");
    CHECK(f.fingerprint.size() == 16);
}

TEST_CASE("code scanning: fingerprints ignore lines, columns and the figures quoted") {
    const std::string text = seed_stating_raw("5.8");
    const Finding first = findings_of(evaluated(text), {}).front();
    // The same run twice: the same fingerprint.
    CHECK(findings_of(evaluated(text), {}).front().fingerprint == first.fingerprint);
    // Two lines added above it: another line, the same problem.
    const Finding shifted = findings_of(evaluated("\n\n" + text), {}).front();
    CHECK(shifted.position.line == first.position.line + 2);
    CHECK(shifted.fingerprint == first.fingerprint);
    // Another wrong figure at the same place is still that problem.
    CHECK(findings_of(evaluated(seed_stating_raw("5.95")), {}).front().fingerprint ==
          first.fingerprint);
    // Another file, or another stated figure, is another problem.
    CHECK(findings_of(evaluated(text, "roles/other.json"), {}).front().fingerprint !=
          first.fingerprint);
    const std::string wrong_aijri = test::seed_json_with("\"aijri\": 64.6", "\"aijri\": 60.1");
    CHECK(findings_of(evaluated(wrong_aijri), {}).front().fingerprint != first.fingerprint);
}

TEST_CASE("code scanning: two equal problems of one file keep fingerprints of their own") {
    std::vector<Finding> two(2);
    for (Finding& f : two) {
        f.file = "a.json";
        f.identity = "same";
    }
    set_fingerprints(two);
    CHECK(two[0].fingerprint != two[1].fingerprint);
    std::vector<Finding> one(1, two[0]);
    set_fingerprints(one);
    CHECK(one[0].fingerprint == two[0].fingerprint); // the first is what it would be alone
}

TEST_CASE("code scanning: a file has one name however the command line spells it") {
    for (const char* spelling : {"roles/a.json", "./roles/a.json", "././roles/a.json",
                                 ".//roles//a.json", "roles/./x/../a.json", "/top/roles/a.json"}) {
        CAPTURE(spelling);
        CHECK(report_path(spelling, "/top") == "roles/a.json");
    }
    CHECK(report_path("/top/roles/a.json", "/top/") == "roles/a.json");
    // Outside the working folder, or without one, an absolute path stays absolute.
    CHECK(report_path("/elsewhere/a.json", "/top") == "/elsewhere/a.json");
    CHECK(report_path("/top2/a.json", "/top") == "/top2/a.json");
    CHECK(report_path("/top//roles/a.json", "") == "/top/roles/a.json");
    CHECK(report_path("../x/a.json", "/top") == "../x/a.json");
}

TEST_CASE("code scanning: a file is a relative URI reference, percent-encoded") {
    CHECK(file_uri("roles/a b.json") == "roles/a%20b.json");
    CHECK(file_uri("roles/\xc3\xa9:1%#?\".json") == "roles/%C3%A9%3A1%25%23%3F%22.json");
    CHECK(file_uri("../x/it's(1).json") == "../x/it's(1).json");
    CHECK(file_uri("/srv/roles/a b.json") == "file:///srv/roles/a%20b.json");
}

TEST_CASE("sarif: the run names aijri and its rules, and a result says where and why") {
    ReportStyle style;
    style.tool_version = "9.8.7";
    const nlohmann::json sarif =
        whole_report(BatchFormat::sarif, evaluated(seed_stating_raw("5.8")), style);
    CHECK(sarif.at("version") == "2.1.0");
    const nlohmann::json& run = sarif.at("runs").at(0);
    const nlohmann::json& driver = run.at("tool").at("driver");
    CHECK(driver.at("name") == "aijri");
    CHECK(driver.at("version") == "9.8.7");
    CHECK(driver.at("informationUri") == "https://aijri.invalid/");
    std::vector<std::string> ids;
    std::vector<std::string> levels;
    for (const nlohmann::json& rule : driver.at("rules")) {
        ids.push_back(rule.at("id"));
        levels.push_back(rule.at("defaultConfiguration").at("level"));
        CHECK(rule.at("helpUri") == "https://aijri.invalid/README.html#code-scanning-rules");
    }
    CHECK(ids == std::vector<std::string>{"AIJ1001", "AIJ1002", "AIJ1003", "AIJ1004", "AIJ1005",
                                          "AIJ2001", "AIJ2002"});
    CHECK(levels == std::vector<std::string>{"error", "error", "warning", "error", "error", "error",
                                             "error"});
    CHECK(run.at("columnKind") == "unicodeCodePoints");
    REQUIRE(run.at("results").size() == 1);
    const nlohmann::json& result = run.at("results").at(0);
    CHECK(result.at("ruleId") == "AIJ1002");
    CHECK(result.at("ruleIndex") == 1);
    CHECK(result.at("level") == "error");
    CHECK(result.at("message").at("text") ==
          "/stated/raw: stated raw score 5.8 does not match the computed 5.7 (exact 5.6628)");
    const nlohmann::json& location = result.at("locations").at(0);
    CHECK(location.at("physicalLocation") ==
          nlohmann::json::parse(R"({"artifactLocation": {"uri": "roles/seed.json",
                                    "uriBaseId": "%SRCROOT%"},
                                    "region": {"startLine": 133, "startColumn": 12}})"));
    CHECK(location.at("logicalLocations") ==
          nlohmann::json::parse(R"([{"fullyQualifiedName": "/stated/raw", "kind": "value"}])"));
    CHECK(result.at("partialFingerprints").at("aijri/v1") ==
          findings_of(evaluated(seed_stating_raw("5.8")), {}).front().fingerprint);
    CHECK(result.at("properties").at("roleId") == "deep-learning-engineer");
    CHECK(run.at("invocations") == nlohmann::json::parse(R"([{"executionSuccessful": true}])"));
}

TEST_CASE("sarif: a valid role with no problem gives no result, a gate gives one per gate") {
    ReportStyle style;
    const Evaluation seed = evaluated(test::seed_json());
    REQUIRE(seed.valid());
    CHECK(make_batch_report(BatchFormat::sarif, builtin_methodology(), style)
              ->render(seed, std::nullopt)
              .empty());
    CHECK(whole_report(BatchFormat::sarif, seed, style).at("runs").at(0).at("results") ==
          nlohmann::json::array());

    style.gates.fail_under = Rational(90);
    style.gates.fail_on_zone = Zone::green;
    const auto gate = gate_failure(summarize(seed), style.gates, builtin_methodology());
    REQUIRE(gate);
    const nlohmann::json results =
        whole_report(BatchFormat::sarif, seed, style, gate).at("runs").at(0).at("results");
    REQUIRE(results.size() == 2);
    CHECK(results.at(0).at("ruleId") == "AIJ2001");
    CHECK(results.at(0).at("message").at("text") ==
          "role \"Deep Learning Engineer\" (deep-learning-engineer): AIJRI 64.6 is under "
          "--fail-under 90");
    CHECK(results.at(1).at("ruleId") == "AIJ2002");
    // A gate is about the role as a whole: at the top of its file.
    CHECK(results.at(1).at("locations").at(0).at("physicalLocation").at("region") ==
          nlohmann::json::parse(R"({"startLine": 1})"));
    CHECK(results.at(0).at("partialFingerprints") != results.at(1).at("partialFingerprints"));
}

TEST_CASE("gitlab: an issue has exactly the fields GitLab reads") {
    ReportStyle style;
    const nlohmann::json issues = whole_report(
        BatchFormat::gitlab, evaluated(seed_stating_raw("5.8"), "./roles/s.json"), style);
    REQUIRE(issues.size() == 1);
    const Finding f = findings_of(evaluated(seed_stating_raw("5.8"), "./roles/s.json"), {}).front();
    CHECK(issues.at(0) ==
          nlohmann::json{
              {"description",
               "/stated/raw: stated raw score 5.8 does not match the computed 5.7 (exact 5.6628)"},
              {"check_name", "aijri/StatedFigureMismatch"},
              {"fingerprint", f.fingerprint},
              {"severity", "major"},
              {"location", {{"path", "roles/s.json"}, {"lines", {{"begin", 133}}}}},
          });
    CHECK(whole_report(BatchFormat::gitlab, evaluated(test::seed_json()), style) ==
          nlohmann::json::array());
}
