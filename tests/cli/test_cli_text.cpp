// The text reports people read: laid out within --width at any width from 40, the one-file
// report with the analyst's commentary and with its mismatches marked, the batch table with
// what a reader must not miss, and --sort in every format that keeps an order.
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/builder.hpp"

using aijri::test::CommandResult;
using aijri::test::contains;
using aijri::test::read_text_file;
using aijri::test::run_aijri;
using aijri::test::shell_quote;
using aijri::test::write_text_file;

namespace {

// Characters, not bytes: "—" and "…" are one cell each.
std::size_t widest_line(const std::string& text) {
    std::size_t widest = 0;
    std::size_t cells = 0;
    for (const char c : text) {
        if (c == '\n') {
            widest = std::max(widest, cells);
            cells = 0;
        } else if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) {
            ++cells;
        }
    }
    return std::max(widest, cells);
}

} // namespace

TEST_CASE("text reports stay within --width at every width from 40") {
    const std::string dir = aijri::test::temp_dir();
    write_text_file(dir + "/seed.json", aijri::test::seed_json());
    write_text_file(dir + "/override.json",
                    aijri::test::seed_json_with(
                        "\"override\": null",
                        "\"override\": {\"aijri\": 23.8, \"zone\": \"Yellow\", \"reason\": "
                        "\"A long reason that has to be wrapped at narrow widths.\"}")
                        .replace(aijri::test::seed_json().find("\"deep-learning-engineer\""), 24,
                                 "\"overridden\""));
    for (std::size_t width = 40; width <= 130; width += 3) {
        INFO(width);
        for (const std::string& arguments :
             {shell_quote(dir + "/seed.json"), "--wide " + shell_quote(dir + "/seed.json"),
              shell_quote(dir + "/override.json"), shell_quote(dir)}) {
            INFO(arguments);
            const CommandResult r =
                run_aijri("score --width " + std::to_string(width) + " " + arguments);
            REQUIRE(r.status == 0);
            CHECK(widest_line(r.out) <= width);
        }
    }
    // At 40 columns the task table keeps one row a task, its impact and rationale under it.
    const std::string narrow = run_aijri("score --width 40 " + shell_quote(dir + "/seed.json")).out;
    CHECK(contains(narrow, "  Task          Time %  Score  Weighted\n      Impact — Rationale\n"));
    CHECK(contains(narrow, "\n      Augmentation — Each problem has u…\n"));
}

TEST_CASE("the one-file report shows the commentary after the figures") {
    const std::string file =
        shell_quote(aijri::test::source_path("assessments/deep-learning-engineer.json"));
    const std::string report = run_aijri("score " + file).out;
    const auto composite = report.find("JobZone Composite Score (AIJRI)\n");
    const auto reality = report.find("\nScore vs Reality Check\n  The 64.6 AIJRI is comfortably "
                                     "above the Green threshold (48)");
    REQUIRE(composite != std::string::npos);
    REQUIRE(reality != std::string::npos);
    CHECK(composite < reality);
    CHECK(contains(report, "\nWhat This Means\n"));
    CHECK(contains(report, "\n  - Supply shortage confound."));
}

TEST_CASE("a stated figure that does not match no longer hides the report") {
    const std::string dir = aijri::test::temp_dir();
    write_text_file(dir + "/off.json",
                    aijri::test::seed_json_with("\"aijri\": 64.6,", "\"aijri\": 64.5,"));
    const CommandResult r = run_aijri("score " + shell_quote(dir + "/off.json"));
    CHECK(r.status == 1);
    CHECK(r.out.starts_with("Deep Learning Engineer — AIJRI 64.6 Green (Accelerated)\n"));
    CHECK(contains(r.out, "\nStated figures that do not match\n  ✗ /stated/aijri: stated AIJRI "
                          "64.5 does not match the computed 64.6 (exact 64.6002522068…)\n"));
    // The error itself, located, with its line and caret, as every other error.
    CHECK(contains(r.err, "/off.json:134:14: error: /stated/aijri: stated AIJRI 64.5 does not "
                          "match the computed 64.6 (exact 64.6002522068…)\n        \"aijri\": "
                          "64.5,\n                 ^\n"));
    // The JSON keeps the exact fraction.
    const auto json = nlohmann::json::parse(run_aijri("score -f json " + shell_quote(dir)).out);
    CHECK(json[0]["errors"][0]["message"] ==
          "stated AIJRI 64.5 does not match the computed 64.6 (exact 64.6002522068…)");
}

TEST_CASE("the batch table marks overrides and shows each role's warnings") {
    const std::string dir = aijri::test::temp_dir();
    write_text_file(dir + "/over.json",
                    aijri::test::seed_json_with(
                        "\"override\": null",
                        "\"override\": {\"aijri\": 23.8, \"zone\": \"Yellow\", \"reason\": "
                        "\"r\"}"));
    const CommandResult r = run_aijri("score " + shell_quote(dir));
    CHECK(r.status == 0);
    const auto row = r.out.find(" 23.8  Yellow ");
    REQUIRE(row != std::string::npos);
    CHECK(r.out.find("\n       override: the formula gives 64.6 Green (Accelerated)\n", row) !=
          std::string::npos);
    CHECK(r.out.find("\n       warning: ", row) != std::string::npos);
}

TEST_CASE("score --sort score orders every format that keeps an order, jsonl refuses it") {
    const std::string dir = aijri::test::temp_dir();
    aijri::test::AssessmentSpec low;
    low.tasks = {{"50", 5, "displacement"}, {"50", 4, "displacement"}};
    low.evidence = {-2, -2, -2, -2, -2};
    write_text_file(dir + "/a-low.json", aijri::test::to_json(low));
    write_text_file(dir + "/b-high.json", aijri::test::seed_json());
    write_text_file(dir + "/c-bad.json", "{");
    const CommandResult csv = run_aijri("score -f csv --sort score " + shell_quote(dir));
    const auto high = csv.out.find("b-high.json");
    const auto low_row = csv.out.find("a-low.json");
    const auto bad = csv.out.find("c-bad.json");
    CHECK((high < low_row && low_row < bad));
    const auto json =
        nlohmann::json::parse(run_aijri("score -f json --sort score " + shell_quote(dir)).out);
    REQUIRE(json.size() == 3);
    CHECK(json[0]["file"].get<std::string>().ends_with("b-high.json"));
    CHECK(json[1]["file"].get<std::string>().ends_with("a-low.json"));
    CHECK(json[2]["file"].get<std::string>().ends_with("c-bad.json"));
    const CommandResult jsonl = run_aijri("score -f jsonl --sort score " + shell_quote(dir));
    CHECK(jsonl.status == 2);
    CHECK(jsonl.err == "aijri score: --sort score cannot be honoured by -f jsonl, which is "
                       "written as results come; use -f json (an array) to sort, or sort the "
                       "lines afterwards\nRun `aijri score --help` for usage.\n");
}
