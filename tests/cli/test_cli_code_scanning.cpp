// --format sarif and --format gitlab from the built binary, run where CI runs it (from the top
// of a checkout, files named relative to it): the exact problems of score (a file, a folder),
// validate, robustness with its gates and diff with its gates, each under its rule, at its
// line and column, with fingerprints that are the same in both formats, from run to run and
// however the command line spells the paths. tests/cli/check_code_scanning.py has the SARIF
// SDK's multitool validate the same kinds of report.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "support/builder.hpp"

using aijri::test::CommandResult;
using aijri::test::read_text_file;
using aijri::test::run_command;
using aijri::test::seed_json_with;
using aijri::test::shell_quote;
using aijri::test::source_path;
using aijri::test::write_text_file;

namespace {

// A checkout: roles/ (the seed, Green 64.6, and the junior example, Yellow 41.5), bad/ (a
// syntax error, an evidence score out of range, a stated raw score that is wrong), dup/ (one
// id in two files), and diff/old, diff/new (tests/data/diff).
std::string make_checkout() {
    const std::string top = aijri::test::temp_dir();
    for (const char* folder : {"roles", "bad", "dup", "diff/old", "diff/new"}) {
        std::filesystem::create_directories(top + "/" + folder);
    }
    write_text_file(top + "/roles/seed.json", aijri::test::seed_json());
    write_text_file(
        top + "/roles/junior.json",
        read_text_file(source_path("assessments/examples/deep-learning-engineer-junior.json")));
    write_text_file(top + "/bad/syntax.json", "{\"id\": \"x\",\n  \"role\": }\n");
    write_text_file(top + "/bad/evidence-score-3.json",
                    read_text_file(source_path("tests/schema/invalid/evidence-score-3.json")));
    const std::string mismatch = seed_json_with("\"raw\": 5.6628", "\"raw\": 5.8");
    write_text_file(top + "/bad/mismatch.json",
                    mismatch.substr(0, mismatch.find("\"deep-learning-engineer\"")) +
                        "\"mismatch\"" +
                        mismatch.substr(mismatch.find("\"deep-learning-engineer\"") +
                                        std::string("\"deep-learning-engineer\"").size()));
    write_text_file(top + "/dup/a.json", aijri::test::seed_json());
    write_text_file(top + "/dup/b.json", aijri::test::seed_json());
    for (const char* side : {"old", "new"}) {
        for (const char* role : {"archivist", "data-engineer", "hostile", "prompt-librarian",
                                 "support-analyst", "typesetter"}) {
            const std::string from =
                source_path(fmt::format("tests/data/diff/{}/{}.json", side, role));
            if (std::ifstream(from)) {
                write_text_file(fmt::format("{}/diff/{}/{}.json", top, side, role),
                                read_text_file(from));
            }
        }
    }
    return top;
}

CommandResult aijri_in(const std::string& folder, const std::string& arguments) {
    return run_command("cd " + shell_quote(folder) + " && '" AIJRI_BINARY "' " + arguments);
}

// Each SARIF result in one line: "RULE level uri:line:column pointer | message".
std::vector<std::string> sarif_lines(const std::string& text) {
    const nlohmann::json sarif = nlohmann::json::parse(text);
    std::vector<std::string> lines;
    for (const nlohmann::json& r : sarif.at("runs").at(0).at("results")) {
        const nlohmann::json& location = r.at("locations").at(0);
        const nlohmann::json& physical = location.at("physicalLocation");
        const nlohmann::json& region = physical.at("region");
        std::string line = fmt::format("{} {} {}:{}", r.at("ruleId").get<std::string>(),
                                       r.at("level").get<std::string>(),
                                       physical.at("artifactLocation").at("uri").get<std::string>(),
                                       region.at("startLine").get<int>());
        if (region.contains("startColumn")) {
            line += fmt::format(":{}", region.at("startColumn").get<int>());
        }
        if (location.contains("logicalLocations")) {
            line +=
                " " +
                location.at("logicalLocations").at(0).at("fullyQualifiedName").get<std::string>();
        }
        lines.push_back(line + " | " + r.at("message").at("text").get<std::string>());
    }
    return lines;
}

// Each GitLab issue in one line: "check_name severity path:line | description".
std::vector<std::string> gitlab_lines(const std::string& text) {
    std::vector<std::string> lines;
    for (const nlohmann::json& issue : nlohmann::json::parse(text)) {
        lines.push_back(fmt::format("{} {} {}:{} | {}", issue.at("check_name").get<std::string>(),
                                    issue.at("severity").get<std::string>(),
                                    issue.at("location").at("path").get<std::string>(),
                                    issue.at("location").at("lines").at("begin").get<int>(),
                                    issue.at("description").get<std::string>()));
    }
    return lines;
}

std::vector<std::string> sarif_fingerprints(const std::string& text) {
    std::vector<std::string> out;
    const nlohmann::json sarif = nlohmann::json::parse(text); // outlives the loop
    for (const nlohmann::json& r : sarif.at("runs").at(0).at("results")) {
        out.push_back(r.at("partialFingerprints").at("aijri/v1").get<std::string>());
    }
    return out;
}

std::vector<std::string> gitlab_fingerprints(const std::string& text) {
    std::vector<std::string> out;
    for (const nlohmann::json& issue : nlohmann::json::parse(text)) {
        out.push_back(issue.at("fingerprint").get<std::string>());
    }
    return out;
}

// A command in both formats: the exit status, the problems of each, and the fingerprints the
// same in both, and again in a second run.
struct Reports {
    std::vector<std::string> sarif;
    std::vector<std::string> gitlab;
    std::vector<std::string> fingerprints;
};

Reports both_formats(const std::string& top, const std::string& arguments, int status) {
    const CommandResult sarif = aijri_in(top, arguments + " -f sarif");
    const CommandResult gitlab = aijri_in(top, arguments + " -f gitlab");
    CHECK(sarif.status == status);
    CHECK(gitlab.status == status);
    CHECK(sarif_fingerprints(sarif.out) == gitlab_fingerprints(gitlab.out));
    // A second run writes the same bytes.
    CHECK(aijri_in(top, arguments + " -f sarif").out == sarif.out);
    CHECK(aijri_in(top, arguments + " -f gitlab").out == gitlab.out);
    return {sarif_lines(sarif.out), gitlab_lines(gitlab.out), sarif_fingerprints(sarif.out)};
}

const std::string k_junior = "role \"Deep Learning Engineer (Junior, 0-2 years)\" "
                             "(deep-learning-engineer-junior): ";
const std::string k_raw_mismatch =
    "/stated/raw: stated raw score 5.8 does not match the computed 5.7 (exact 5.6628)";

} // namespace

TEST_CASE("code scanning: score of a folder with invalid files, exact in both formats") {
    const std::string top = make_checkout();
    const Reports r = both_formats(top, "score bad", 1);
    CHECK(r.sarif ==
          std::vector<std::string>{
              "AIJ1001 error bad/evidence-score-3.json:48:16 /evidence/wage_trends/score | "
              "/evidence/wage_trends/score: expected an integer from -2 to 2, found 3",
              "AIJ1002 error bad/mismatch.json:133:12 /stated/raw | " + k_raw_mismatch,
              "AIJ1001 error bad/syntax.json:2:11 /role | /role: expected a JSON value, found "
              "'}'"});
    CHECK(r.gitlab ==
          std::vector<std::string>{
              "aijri/InvalidAssessment major bad/evidence-score-3.json:48 | "
              "/evidence/wage_trends/score: expected an integer from -2 to 2, found 3",
              "aijri/StatedFigureMismatch major bad/mismatch.json:133 | " + k_raw_mismatch,
              "aijri/InvalidAssessment major bad/syntax.json:2 | /role: expected a JSON value, "
              "found '}'"});
    // The fingerprints are part of the interface: code scanning matches alerts by them, so
    // that a change of the hash would reopen every alert (README "Fingerprints").
    CHECK(r.fingerprints ==
          std::vector<std::string>{"1c1d08d2df60dc96", "22c8b9c313df7cd2", "3641bc8e15bd2fbc"});
    // validate reports the same problems, with the same fingerprints.
    const Reports v = both_formats(top, "validate bad", 1);
    CHECK(v.sarif == r.sarif);
    CHECK(v.gitlab == r.gitlab);
    CHECK(v.fingerprints == r.fingerprints);
}

TEST_CASE("code scanning: one file, named however the command line spells it") {
    const std::string top = make_checkout();
    const Reports plain = both_formats(top, "score bad/mismatch.json", 1);
    CHECK(plain.sarif ==
          std::vector<std::string>{"AIJ1002 error bad/mismatch.json:133:12 /stated/raw | " +
                                   k_raw_mismatch});
    for (const std::string& spelling :
         std::vector<std::string>{"./bad/mismatch.json", ".//bad/./mismatch.json",
                                  "bad/../bad/mismatch.json", top + "/bad/mismatch.json"}) {
        CAPTURE(spelling);
        const Reports spelt = both_formats(top, "score " + shell_quote(spelling), 1);
        CHECK(spelt.sarif == plain.sarif);
        CHECK(spelt.gitlab == plain.gitlab);
        CHECK(spelt.fingerprints == plain.fingerprints);
    }
    // The folder, however spelt, names the file as the file itself does.
    for (const std::string& folder : std::vector<std::string>{"bad", "./bad/", top + "/bad"}) {
        CAPTURE(folder);
        const Reports walked = both_formats(top, "score " + shell_quote(folder), 1);
        REQUIRE(walked.fingerprints.size() == 3);
        CHECK(walked.fingerprints[1] == plain.fingerprints[0]);
    }
}

TEST_CASE("code scanning: score's gates, one result a gate a role trips") {
    const std::string top = make_checkout();
    const Reports r = both_formats(top, "score roles --fail-under 50 --fail-on-zone Yellow", 1);
    CHECK(r.sarif == std::vector<std::string>{"AIJ2001 error roles/junior.json:1 | " + k_junior +
                                                  "AIJRI 41.5 is under --fail-under 50",
                                              "AIJ2002 error roles/junior.json:1 | " + k_junior +
                                                  "zone Yellow trips --fail-on-zone Yellow"});
    CHECK(r.gitlab ==
          std::vector<std::string>{"aijri/ScoreUnderThreshold major roles/junior.json:1 | " +
                                       k_junior + "AIJRI 41.5 is under --fail-under 50",
                                   "aijri/ZoneAtOrBelowThreshold major roles/junior.json:1 | " +
                                       k_junior + "zone Yellow trips --fail-on-zone Yellow"});
    // Another threshold, the same problem: its fingerprint ignores the figures.
    const Reports lower = both_formats(top, "score roles --fail-under 45 --fail-on-zone Yellow", 1);
    CHECK(lower.fingerprints == r.fingerprints);
}

TEST_CASE("code scanning: an id used by two files is a result at the last of them") {
    const std::string top = make_checkout();
    const Reports r = both_formats(top, "score dup", 1);
    CHECK(r.sarif == std::vector<std::string>{
                         "AIJ1005 error dup/b.json:1 | the id \"deep-learning-engineer\" is "
                         "used by more than one file: dup/a.json, dup/b.json"});
    CHECK(r.gitlab == std::vector<std::string>{
                          "aijri/DuplicateId major dup/b.json:1 | the id "
                          "\"deep-learning-engineer\" is used by more than one file: dup/a.json, "
                          "dup/b.json"});
}

TEST_CASE("code scanning: robustness's gates, --fail-if-fragile the rule FragileZone") {
    const std::string top = make_checkout();
    const Reports r = both_formats(top, "robustness roles --fail-if-fragile 3 --fail-under 50", 1);
    CHECK(r.sarif ==
          std::vector<std::string>{"AIJ2001 error roles/junior.json:1 | " + k_junior +
                                       "AIJRI 41.5 is under --fail-under 50",
                                   "AIJ2003 error roles/junior.json:1 | " + k_junior +
                                       "2 unit steps move the formula's zone to Green "
                                       "(/tasks/1/score 3 → 1): trips --fail-if-fragile 3"});
    CHECK(r.gitlab ==
          std::vector<std::string>{"aijri/ScoreUnderThreshold major roles/junior.json:1 | " +
                                       k_junior + "AIJRI 41.5 is under --fail-under 50",
                                   "aijri/FragileZone major roles/junior.json:1 | " + k_junior +
                                       "2 unit steps move the formula's zone to Green "
                                       "(/tasks/1/score 3 → 1): trips --fail-if-fragile 3"});
    // The gate under score and under robustness is one problem.
    CHECK(r.fingerprints.front() ==
          both_formats(top, "score roles --fail-under 50", 1).fingerprints.front());
}

TEST_CASE("code scanning: diff's zone drops and gates") {
    const std::string top = make_checkout();
    const std::string data = "role \"data-engineer\": ";
    const Reports warned = both_formats(top, "diff diff/old diff/new", 0);
    CHECK(warned.sarif ==
          std::vector<std::string>{"AIJ3001 warning diff/new/data-engineer.json:1 | " + data +
                                   "zone dropped from Green to Yellow (AIJRI 64.6 → 43.7)"});
    CHECK(warned.gitlab ==
          std::vector<std::string>{"aijri/ZoneDrop minor diff/new/data-engineer.json:1 | " + data +
                                   "zone dropped from Green to Yellow (AIJRI 64.6 → 43.7)"});

    const Reports gated =
        both_formats(top, "diff --fail-on-drop 1 --fail-on-zone-change diff/old diff/new", 1);
    CHECK(gated.sarif ==
          std::vector<std::string>{
              "AIJ3001 error diff/new/data-engineer.json:1 | " + data +
                  "zone dropped from Green to Yellow (AIJRI 64.6 → 43.7) (--fail-on-zone-change)",
              "AIJ3003 error diff/new/data-engineer.json:1 | " + data +
                  "dropped 20.9 points (--fail-on-drop 1)",
              "AIJ3002 error diff/new/support-analyst.json:1 | role \"support-analyst\": zone "
              "rose from Yellow to Green (AIJRI 44.8 → 55.2) (--fail-on-zone-change)"});
    CHECK(gated.gitlab ==
          std::vector<std::string>{
              "aijri/ZoneDrop major diff/new/data-engineer.json:1 | " + data +
                  "zone dropped from Green to Yellow (AIJRI 64.6 → 43.7) (--fail-on-zone-change)",
              "aijri/ScoreDrop major diff/new/data-engineer.json:1 | " + data +
                  "dropped 20.9 points (--fail-on-drop 1)",
              "aijri/ZoneRise major diff/new/support-analyst.json:1 | role \"support-analyst\": "
              "zone rose from Yellow to Green (AIJRI 44.8 → 55.2) (--fail-on-zone-change)"});
    // A gate makes the drop an error; it is still the same problem.
    CHECK(gated.fingerprints.front() == warned.fingerprints.front());
    // However the folders are spelt.
    CHECK(both_formats(top,
                       "diff --fail-on-drop 1 --fail-on-zone-change ./diff//old " +
                           shell_quote(top + "/diff/new/"),
                       1)
              .fingerprints == gated.fingerprints);
}

TEST_CASE("code scanning: a run with nothing to report is an empty run, an empty array") {
    const std::string top = make_checkout();
    const std::string empty_run = "\"results\":[],\"invocations\":[{\"executionSuccessful\":true}]";
    for (const std::string command : {"score roles/seed.json", "score roles", "validate roles",
                                      "robustness roles --fail-if-fragile 1", "diff roles roles"}) {
        CAPTURE(command);
        const CommandResult sarif = aijri_in(top, command + " -f sarif");
        CHECK(sarif.status == 0);
        CHECK(sarif.out.find(empty_run) != std::string::npos);
        CHECK(sarif_lines(sarif.out).empty());
        const CommandResult gitlab = aijri_in(top, command + " -f gitlab");
        CHECK(gitlab.status == 0);
        CHECK(gitlab.out == "[]\n");
    }
}

TEST_CASE("code scanning: --report sarif=FILE --report gitlab=FILE write what -f writes") {
    const std::string top = make_checkout();
    for (const std::string command :
         {"score roles dup bad --fail-under 50", "score bad/mismatch.json", "score roles/seed.json",
          "robustness roles --fail-if-fragile 3"}) {
        CAPTURE(command);
        const CommandResult both =
            aijri_in(top, command + " --report sarif=x.sarif --report gitlab=y.json");
        const CommandResult sarif = aijri_in(top, command + " -f sarif");
        const CommandResult gitlab = aijri_in(top, command + " -f gitlab");
        CHECK(both.status == sarif.status);
        CHECK(both.status == gitlab.status);
        // The console keeps the text report.
        CHECK(both.out.find("Deep Learning Engin") != std::string::npos);
        CHECK(read_text_file(top + "/x.sarif") == sarif.out);
        CHECK(read_text_file(top + "/y.json") == gitlab.out);
    }
    // The reports of a run hold the same problems with the same fingerprints.
    CHECK(sarif_fingerprints(read_text_file(top + "/x.sarif")) ==
          gitlab_fingerprints(read_text_file(top + "/y.json")));
}
