// aijri.toml read and checked: every problem at its line and column, in the words of the
// assessment reader; gates per folder; the file found from a folder upward.
#include <array>
#include <fstream>

#include <catch2/catch.hpp>

#include "aijri/config/config.hpp"
#include "aijri/util/diagnostic.hpp"

using namespace aijri;

namespace {

constexpr std::array<std::string_view, 3> k_formats = {"text", "json", "junit"};
constexpr std::array<std::string_view, 2> k_zones = {"Red", "Yellow"};

const std::array<ConfigKey, 10> k_keys = {{
    {"", "methodology", ConfigKind::string, {}, {}, {}, ConfigPath::whole},
    {"", "paths", ConfigKind::string_list, {}, {}, {}, ConfigPath::whole},
    {"", "jobs", ConfigKind::integer, {}, 1, 1024},
    {"", "allow-empty", ConfigKind::boolean},
    {"", "fail-under", ConfigKind::number},
    {"", "fail-on-zone", ConfigKind::choice, k_zones},
    {"", "fail-if-fragile", ConfigKind::integer, {}, 0, 1000},
    {"score", "format", ConfigKind::choice, k_formats},
    {"score", "reports", ConfigKind::assignments, k_formats, {}, {}, ConfigPath::after_equals},
    {"diff", "fail-on-drop", ConfigKind::number, {}, 0},
}};

// Every message of a text, one a line, as the CLI prints them (without the source lines).
std::string messages(std::string_view text) {
    const ConfigRead read = read_config(text, "aijri.toml", k_keys);
    std::string out;
    for (const Diagnostic& d : read.diagnostics) {
        out += format_diagnostic("aijri.toml", d) + "\n";
    }
    return out;
}

ProjectConfig config_of(std::string_view text) {
    ConfigRead read = read_config(text, "aijri.toml", k_keys);
    REQUIRE(read.diagnostics.empty());
    REQUIRE(read.config);
    return std::move(*read.config);
}

} // namespace

TEST_CASE("a config file's values are read as the options take them, with their places") {
    const ProjectConfig config = config_of("methodology = \"m/draft.json\"\n"
                                           "paths = [\"assessments\", \"more\"]\n"
                                           "jobs = 4\n"
                                           "allow-empty = true\n"
                                           "fail-under = 47.5\n"
                                           "fail-on-zone = \"yellow\"\n"
                                           "x-note = \"ignored, as in an assessment\"\n"
                                           "\n"
                                           "[score]\n"
                                           "format = \"JUnit\"\n");
    const auto texts = [&config](std::string_view table, std::string_view name) {
        const ConfigValue* value = config.find(table, name);
        REQUIRE(value != nullptr);
        return value->texts;
    };
    CHECK(texts("", "methodology") == std::vector<std::string>{"m/draft.json"});
    CHECK(texts("", "paths") == std::vector<std::string>{"assessments", "more"});
    CHECK(texts("", "jobs") == std::vector<std::string>{"4"});
    CHECK(texts("", "allow-empty") == std::vector<std::string>{"true"});
    CHECK(texts("", "fail-under") == std::vector<std::string>{"47.5"});
    CHECK(texts("", "fail-on-zone") == std::vector<std::string>{"Yellow"}); // listed spelling
    CHECK(texts("score", "format") == std::vector<std::string>{"junit"});
    CHECK(config.find("", "fail-if-fragile") == nullptr);
    CHECK(config.find("score", "format")->position == SourcePosition{10, 1});
    CHECK(config.values.size() == 7);
}

TEST_CASE("a config file's unknown key is named with the key it is nearest") {
    CHECK(messages("jbos = 4\n[score]\nformt = \"json\"\n[scor]\n") ==
          "aijri.toml:1:1: error: jbos: unknown key \"jbos\"; did you mean \"jobs\"?\n"
          "aijri.toml:3:1: error: score.formt: unknown key \"formt\"; did you mean \"format\"?\n"
          "aijri.toml:4:2: error: scor: unknown key \"scor\"; did you mean \"score\"?\n");
    CHECK(messages("[[thresholds]]\npaths = [\"a\"]\nfail-unde = 3\n") ==
          "aijri.toml:3:1: error: thresholds[0].fail-unde: unknown key \"fail-unde\"; did you "
          "mean \"fail-under\"?\n");
    CHECK(messages("colour_scheme = 1\n") ==
          "aijri.toml:1:1: error: colour_scheme: unknown key \"colour_scheme\" (expected one "
          "of: methodology, paths, jobs, allow-empty, fail-under, fail-on-zone, "
          "fail-if-fragile, score, diff, thresholds; keys beginning with \"x-\" are ignored)\n");
}

TEST_CASE("a config file's key in the wrong table is named with the table it belongs to") {
    CHECK(messages("[score]\nfail-under = 50\n[diff]\nformat = \"json\"\nmethodology = \"m\"\n") ==
          "aijri.toml:2:1: error: score.fail-under: unknown key \"fail-under\" in [score]; it is "
          "a key of the top level\n"
          "aijri.toml:4:1: error: diff.format: unknown key \"format\" in [diff]; it is a key of "
          "[score]\n"
          "aijri.toml:5:1: error: diff.methodology: unknown key \"methodology\" in [diff]; it is "
          "a key of the top level\n");
    CHECK(messages("format = \"json\"\n") == "aijri.toml:1:1: error: format: unknown key "
                                             "\"format\" at the top level; it is a key of "
                                             "[score]\n");
}

TEST_CASE("a config file's value of the wrong type says what was expected and found") {
    CHECK(messages("jobs = \"4\"\n") == "aijri.toml:1:8: error: jobs: expected a whole number "
                                        "from 1 to 1024, found a string \"4\"\n");
    CHECK(messages("methodology = 3\n") ==
          "aijri.toml:1:15: error: methodology: expected a string, found 3\n");
    CHECK(messages("allow-empty = \"yes\"\n") ==
          "aijri.toml:1:15: error: allow-empty: expected true or false, found a string \"yes\"\n");
    CHECK(messages("paths = \"assessments\"\n") ==
          "aijri.toml:1:9: error: paths: expected an array of strings, at least one, found a "
          "string \"assessments\"\n");
    CHECK(messages("paths = [\"a\", 2]\n") ==
          "aijri.toml:1:15: error: paths[1]: expected a string, found 2\n");
    CHECK(messages("score = 1\n") == "aijri.toml:1:9: error: score: expected a table, found 1\n");
    CHECK(messages("thresholds = 1\n") ==
          "aijri.toml:1:14: error: thresholds: expected [[thresholds]] tables, found 1\n");
}

TEST_CASE("a config file's zone, number and range are checked as the options check them") {
    CHECK(messages("fail-on-zone = \"Green\"\n") ==
          "aijri.toml:1:16: error: fail-on-zone: expected one of \"Red\", \"Yellow\", found "
          "\"Green\"\n");
    CHECK(messages("fail-on-zone = \"Yelow\"\n") ==
          "aijri.toml:1:16: error: fail-on-zone: expected one of \"Red\", \"Yellow\", found "
          "\"Yelow\"; did you mean \"Yellow\"?\n");
    CHECK(messages("fail-under = nan\n") ==
          "aijri.toml:1:14: error: fail-under: expected a number such as 25 or 47.5, found nan\n");
    CHECK(messages("fail-under = \"25\"\n") ==
          "aijri.toml:1:14: error: fail-under: expected a "
          "number such as 25 or 47.5, found a string \"25\"\n");
    CHECK(messages("fail-under = 1e300\n") ==
          "aijri.toml:1:14: error: fail-under: 1e+300 is out of range (at most 18 digits before "
          "and 18 after the decimal point)\n");
    CHECK(messages("[diff]\nfail-on-drop = -2\n") ==
          "aijri.toml:2:16: error: diff.fail-on-drop: expected a number of at least 0, found -2\n");
    CHECK(messages("jobs = 0\n") ==
          "aijri.toml:1:8: error: jobs: expected a whole number from 1 to 1024, found 0\n");
    CHECK(messages("fail-if-fragile = 1.5\n") == "aijri.toml:1:19: error: fail-if-fragile: "
                                                 "expected a whole number from 0 to 1000, found "
                                                 "1.5\n");
}

TEST_CASE("a config file's thresholds need paths that are relative globs") {
    CHECK(messages("[[thresholds]]\npaths = [\"/abs/**\", \"a/b**\"]\n") ==
          "aijri.toml:2:10: error: thresholds[0].paths[0]: expected a path relative to the "
          "config file's folder, found \"/abs/**\"\n"
          "aijri.toml:2:21: error: thresholds[0].paths[1]: expected \"**\" as a whole segment "
          "(as in a/**/b.json), found \"a/b**\"\n");
    CHECK(messages("[[thresholds]]\nfail-under = 50\n") ==
          "aijri.toml:1:1: error: thresholds[0]: expected \"paths\", the patterns of the files "
          "these gates are for, found none\n");
    CHECK(messages("[[thresholds]]\npaths = []\n") ==
          "aijri.toml:2:9: error: thresholds[0].paths: expected an array of strings, at least "
          "one, found an empty array\n");
}

TEST_CASE("a config file's TOML syntax error is located") {
    CHECK(messages("jobs = 4\nfail-under = = 3\n") ==
          "aijri.toml:2:14: error: TOML syntax error (value): could not determine value type\n");
    CHECK(messages("jobs = 4\njobs = 5\n") ==
          "aijri.toml:2:8: error: TOML syntax error (key-value pair): cannot redefine existing "
          "integer 'jobs'\n");
    CHECK(messages("[score\n") == "aijri.toml:1:7: error: TOML syntax error (table header): "
                                  "expected ']', saw '\\n'\n");
    CHECK(messages("jobs = [1\n") ==
          "aijri.toml:1:11: error: TOML syntax error (array): encountered end-of-file\n");
}

TEST_CASE("a config file's messages show the line they point at") {
    const ConfigRead read = read_config("# aijri\njobs = 2000\n", "aijri.toml", k_keys);
    REQUIRE(read.diagnostics.size() == 1);
    CHECK(format_diagnostic_with_source("aijri.toml", read.diagnostics[0]) ==
          "aijri.toml:2:8: error: jobs: expected a whole number from 1 to 1024, found 2000\n"
          "    jobs = 2000\n"
          "           ^");
}

TEST_CASE("the last [[thresholds]] entry that matches a file sets each of its gates") {
    const ProjectConfig config = config_of("[[thresholds]]\n"
                                           "paths = [\"assessments/**\"]\n"
                                           "fail-under = 30\n"
                                           "fail-on-zone = \"Red\"\n"
                                           "\n"
                                           "[[thresholds]]\n"
                                           "paths = [\"assessments/clinical\"]\n"
                                           "fail-under = 50\n");
    Gates top;
    top.fail_if_fragile = {2, "aijri.toml:1:1"};
    const Gates clinical = gates_for(config.thresholds, "assessments/clinical/nurse.json", top);
    CHECK(*clinical.fail_under == Rational(50));
    CHECK(clinical.fail_under.origin == "aijri.toml:8:1");
    CHECK(*clinical.fail_on_zone == Zone::red); // the first entry's, which the last leaves
    CHECK(clinical.fail_on_zone.origin == "aijri.toml:4:1");
    CHECK(*clinical.fail_if_fragile == 2);
    const Gates other = gates_for(config.thresholds, "assessments/tech/dev.json", top);
    CHECK(*other.fail_under == Rational(30));
    const Gates outside = gates_for(config.thresholds, "elsewhere/dev.json", top);
    CHECK_FALSE(outside.fail_under);
    CHECK(config.thresholds[1].position == SourcePosition{6, 1});
}

TEST_CASE("a gate set on the command line is never replaced by a threshold") {
    const ProjectConfig config =
        config_of("[[thresholds]]\npaths = [\"**\"]\nfail-under = 50\nfail-on-zone = \"Red\"\n");
    Gates command_line;
    command_line.fail_under = {Rational(10), ""};
    command_line.fail_on_zone = {Zone::yellow, "aijri.toml:1:1"}; // the file's top level
    const Gates gates = gates_for(config.thresholds, "a.json", command_line);
    CHECK(*gates.fail_under == Rational(10));
    CHECK(gates.fail_under.origin.empty());
    CHECK(*gates.fail_on_zone == Zone::red);
}

TEST_CASE("the config file is found in the closest folder upward, not above a repository") {
    namespace fs = std::filesystem;
    const fs::path root = fs::temp_directory_path() / "aijri-config-find";
    fs::remove_all(root);
    fs::create_directories(root / "repo/a/b");
    fs::create_directories(root / "repo/.git");
    std::ofstream(root / "aijri.toml") << "jobs = 1\n";
    CHECK_FALSE(find_config_file(root / "repo/a/b")); // stops at the repository's root
    std::ofstream(root / "repo/aijri.toml") << "jobs = 2\n";
    CHECK(find_config_file(root / "repo/a/b") == root / "repo/aijri.toml");
    std::ofstream(root / "repo/a/aijri.toml") << "jobs = 3\n";
    CHECK(find_config_file(root / "repo/a/b") == root / "repo/a/aijri.toml");
    CHECK(find_config_file(root) == root / "aijri.toml");
    fs::remove_all(root);
}

TEST_CASE("a config file's reports are FORMAT=FILE, as --report takes them") {
    const ProjectConfig config =
        config_of("[score]\nreports = [\"JUnit=out/junit.xml\", \"json=a=b.json\"]\n");
    const ConfigValue* reports = config.find("score", "reports");
    REQUIRE(reports != nullptr);
    CHECK(reports->texts == std::vector<std::string>{"junit=out/junit.xml", "json=a=b.json"});
    CHECK(messages("[score]\nreports = [\"junit\", \"jnuit=a\", \"json=\", \"text=-\", 3]\n") ==
          "aijri.toml:2:12: error: score.reports[0]: expected FORMAT=FILE, such as "
          "\"sarif=aijri.sarif\", found \"junit\"\n"
          "aijri.toml:2:21: error: score.reports[1]: expected one of \"text\", \"json\", "
          "\"junit\", found \"jnuit\"; did you mean \"junit\"?\n"
          "aijri.toml:2:32: error: score.reports[2]: expected a file after \"json=\" (the "
          "console shows the format), found \"\"\n"
          "aijri.toml:2:41: error: score.reports[3]: expected a file after \"text=\" (the "
          "console shows the format), found \"-\"\n"
          "aijri.toml:2:51: error: score.reports[4]: expected a string, found 3\n");
    CHECK(messages("[score]\nreports = \"junit=x.xml\"\n") ==
          "aijri.toml:2:11: error: score.reports: expected an array of strings, at least one, "
          "found a string \"junit=x.xml\"\n");
}
