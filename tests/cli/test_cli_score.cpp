// Runs the built binary on real files, as a user would.
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/builder.hpp"

using aijri::test::run_aijri;
using aijri::test::source_path;

namespace {

const std::string k_seed = "'" + source_path("assessments/deep-learning-engineer.json") + "'";

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

} // namespace

TEST_CASE("score prints the composite worked out as in the seed") {
    const auto r = run_aijri("score --color never " + k_seed);
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    for (const char* line : {
             "Deep Learning Engineer — AIJRI 64.6 Green (Accelerated)\n",
             "  Quick screen result: Protective 2 + Correlation 2 = Likely Green (Accelerated)\n",
             "  Total                               100%             2.25\n",
             "  Task resistance: 6.00 − 2.25 = 3.75\n",
             "  Displacement/augmentation split: 0% displacement, 75% augmentation, 25% not "
             "involved\n",
             "  Evidence modifier: 1.0 + (8 × 0.04) = 1.32\n",
             "  Barrier modifier: 1.0 + (2 × 0.02) = 1.04\n",
             "  Growth modifier: 1.0 + (2 × 0.05) = 1.10\n",
             "  Raw: 3.75 × 1.32 × 1.04 × 1.10 = 5.6628\n",
             "  AIJRI: (5.6628 − 0.54) / 7.93 × 100 = 64.6\n",
             "  Zone: Green (Green >= 48.0, Yellow 25.0–47.9, Red < 25.0)\n",
             "  Sub-label: Green (Accelerated) — Growth Correlation = 2 AND AIJRI 64.6 >= 48.0\n",
             "  Assessor override: none — formula score accepted.\n",
         }) {
        INFO(line);
        CHECK(contains(r.out, line));
    }
    CHECK_FALSE(contains(r.out, "\x1b["));
}

TEST_CASE("the text report fits the width, and --wide shows rationales whole") {
    const auto narrow = run_aijri("score --width 80 " + k_seed);
    std::size_t longest = 0;
    std::size_t start = 0;
    while (start < narrow.out.size()) {
        const auto end = narrow.out.find('\n', start);
        const std::string line = narrow.out.substr(start, end - start);
        std::size_t cells = 0;
        for (const char c : line) {
            cells += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
        }
        longest = std::max(longest, cells);
        start = end + 1;
    }
    CHECK(longest <= 80);
    const auto wide = run_aijri("score --wide " + k_seed);
    CHECK(contains(wide.out, "specific domains.\n"));
    CHECK_FALSE(contains(narrow.out, "specific domains."));
}

TEST_CASE("colour: always, never, and NO_COLOR") {
    CHECK(
        contains(run_aijri("score --color always " + k_seed).out, "\x1b[1;32mGreen (Accelerated)"));
    CHECK_FALSE(contains(run_aijri("score " + k_seed).out, "\x1b[")); // not a terminal
    const auto r = aijri::test::run_command("NO_COLOR=1 script -qec \"'" AIJRI_BINARY "' score " +
                                            k_seed + "\" /dev/null");
    if (r.status == 0) { // `script` gives the program a terminal, where it exists
        CHECK_FALSE(contains(r.out, "\x1b[1;32m"));
    }
}

TEST_CASE("score --format json gives the result object") {
    const auto r = run_aijri("score --format json " + k_seed);
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["aijri"] == 64.6);
    CHECK(j["zone"] == "Green");
    CHECK(j["sub_label"] == "Accelerated");
    CHECK(j["label"] == "Green (Accelerated)");
    CHECK(j["raw"] == 5.6628);
    CHECK(j["task_resistance"] == 3.75);
    CHECK(j["task_weighted_total"] == 2.25);
    CHECK(j["growth_modifier"] == 1.1);
    CHECK(j["evidence_modifier"] == 1.32);
    CHECK(j["barrier_modifier"] == 1.04);
    CHECK(j["pct_time_3plus"] == 40);
    CHECK(j["split"] ==
          nlohmann::json{{"displacement", 0}, {"augmentation", 75}, {"not_involved", 25}});
    CHECK(j["quick_screen"] == "Likely Green (Accelerated)");
    CHECK(j["override"].is_null());
    CHECK(j["formula"] ==
          nlohmann::json{{"aijri", 64.6}, {"zone", "Green"}, {"sub_label", "Accelerated"}});
    CHECK(j["methodology"] == "aijri-1");
    CHECK(j["id"] == "deep-learning-engineer");
    CHECK(j["warnings"] == nlohmann::json::array());
    CHECK(contains(r.out, "\"aijri\": 64.6,"));
}

TEST_CASE("score reads standard input") {
    const auto r = aijri::test::run_command("'" AIJRI_BINARY "' score --format json - < " + k_seed);
    REQUIRE(r.status == 0);
    CHECK(nlohmann::json::parse(r.out)["aijri"] == 64.6);
}

TEST_CASE("exit codes: 1 for an invalid assessment, 2 for usage and I/O") {
    const std::string dir = aijri::test::temp_dir();
    aijri::test::write_text_file(dir + "/bad.json", "{\"aijri\": 1,\n \"role\": 3}");
    const auto bad = run_aijri("score '" + dir + "/bad.json'");
    CHECK(bad.status == 1);
    CHECK(contains(bad.err, dir + "/bad.json:2:10: error: /role: expected an object, found 3\n"));
    CHECK(bad.out.empty());

    const auto missing = run_aijri("score '" + dir + "/missing.json'");
    CHECK(missing.status == 2);
    CHECK(missing.err == dir + "/missing.json: error: no such file\n");

    // Folders are walked for assessments; where only a file will do, a folder is an error.
    const auto directory = run_aijri("score --methodology '" + dir + "' " + k_seed);
    CHECK(directory.status == 2);
    CHECK(directory.err == "aijri: " + dir + ": is a directory, expected a file\n");

    const auto flag = run_aijri("score --bogus " + k_seed);
    CHECK(flag.status == 2);
    CHECK(flag.err == "aijri score: unknown option \"--bogus\"\nRun `aijri score --help` for "
                      "usage.\n");
    CHECK(run_aijri("").status == 2);
    CHECK(run_aijri("score --format yaml " + k_seed).status == 2);
}

TEST_CASE("control characters from a file never reach the terminal raw") {
    const std::string dir = aijri::test::temp_dir();
    std::string text =
        aijri::test::read_text_file(source_path("assessments/deep-learning-engineer.json"));
    text.replace(text.find("\"Deep Learning Engineer\""), 24,
                 "\"Deep \\u001b]0;pwned\\u0007 \\u001b[31mEngineer\\u202e\"");
    aijri::test::write_text_file(dir + "/evil.json", text);
    const auto r = run_aijri("score --color never '" + dir + "/evil.json'");
    CHECK(r.status == 0); // a title is free text: it is shown, made harmless, not refused
    const auto report = run_aijri("score --color never '" + dir + "/evil.json'");
    CHECK_FALSE(contains(report.out + report.err, "\x1b"));
    CHECK_FALSE(contains(report.out + report.err, "\x07"));
}

TEST_CASE("validate reports every error of every file") {
    const std::string dir = aijri::test::temp_dir();
    aijri::test::write_text_file(dir + "/two.json", "{\"aijri\": 2,\n \"bogus\": 1}");
    const auto r = run_aijri("validate " + k_seed + " '" + dir + "/two.json'");
    CHECK(r.status == 1);
    CHECK(contains(r.out, "deep-learning-engineer.json: ok\n"));
    CHECK(contains(r.out, dir + "/two.json:1:11: error: /aijri: expected the format version 1, "
                                "found 2\n    {\"aijri\": 2,\n              ^\n"));
    CHECK(contains(r.out, dir + "/two.json:2:2: error: /bogus: unknown key \"bogus\""));
    CHECK(contains(r.out, "missing required key \"role\""));
    CHECK(contains(r.out, "1 valid, 1 invalid\n"));
    CHECK(run_aijri("validate -q " + k_seed).out.empty());
}

TEST_CASE("schema: the committed copy is what the command prints") {
    const auto r = run_aijri("schema");
    REQUIRE(r.status == 0);
    CHECK(r.out == aijri::test::read_text_file(source_path("schema/assessment.schema.json")));
    const auto schema = nlohmann::json::parse(r.out);
    CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
    CHECK(schema["additionalProperties"] == false);
}

TEST_CASE("version and help") {
    CHECK(run_aijri("--version").out == "aijri " AIJRI_VERSION " (methodology aijri-1)\n");
    const auto help = run_aijri("--help");
    CHECK(help.status == 0);
    CHECK(contains(help.out, "Exit status:"));
    CHECK(contains(run_aijri("score --help").out, "Examples:"));
    CHECK(contains(run_aijri("validate --help").out, "Examples:"));
}

TEST_CASE("a methodology file replaces the embedded one, a bad one is a usage error") {
    const std::string dir = aijri::test::temp_dir();
    std::string m = run_aijri("methodology").out;
    // An assessment without stated figures: the seed's would (rightly) disagree with a new
    // threshold.
    aijri::test::write_text_file(dir + "/role.json", aijri::test::to_json({}));
    m.replace(m.find("\"green_min\": 48.0"), 17, "\"green_min\": 70.0");
    aijri::test::write_text_file(dir + "/m.json", m);
    const auto r =
        run_aijri("score --format json --methodology '" + dir + "/m.json' '" + dir + "/role.json'");
    CHECK(r.status == 0);
    CHECK(nlohmann::json::parse(r.out)["zone"] == "Yellow");
    aijri::test::write_text_file(dir + "/broken.json", "{\"name\": 1}");
    const auto broken = run_aijri("score --methodology '" + dir + "/broken.json' " + k_seed);
    CHECK(broken.status == 2);
    CHECK(
        contains(broken.err, dir + "/broken.json:1:10: error: /name: expected a string, found 1"));
}
