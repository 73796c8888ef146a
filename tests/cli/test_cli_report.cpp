// --report FORMAT=FILE: several reports from one run. Each file must be byte for byte what
// `-f FORMAT -o FILE` writes alone, the console must keep its own format, and a stream read
// from a pipe (which can be read only once) must reach every report: one scoring pass.
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
using aijri::test::run_command;
using aijri::test::shell_quote;
using aijri::test::source_path;
using aijri::test::write_text_file;

namespace {

std::string junior_json() {
    return read_text_file(source_path("assessments/examples/deep-learning-engineer-junior.json"));
}

// The seed (Green), the junior example (Yellow) and a file that does not parse.
std::string make_folder() {
    const std::string root = aijri::test::temp_dir() + "/roles";
    std::filesystem::create_directory(root);
    write_text_file(root + "/seed.json", aijri::test::seed_json());
    write_text_file(root + "/junior.json", junior_json());
    write_text_file(root + "/broken.json", "{\"aijri\": 1,\n");
    return root;
}

// What `-f FORMAT -o FILE` writes alone, for comparison.
std::string alone(const std::string& command, const std::string& format,
                  const std::string& arguments) {
    const std::string file = aijri::test::temp_dir() + "/alone." + format;
    run_aijri(command + " -f " + format + " -o " + shell_quote(file) + " " + arguments);
    return read_text_file(file);
}

bool exists(const std::string& path) {
    return std::filesystem::exists(path);
}

} // namespace

TEST_CASE("report: a folder's run writes each --report as -f writes it, the console keeps text") {
    const std::string folder = shell_quote(make_folder());
    const std::string out = aijri::test::temp_dir();
    const std::vector<std::string> formats = {"junit", "csv",  "json",  "markdown",
                                              "jsonl", "html", "badge", "github"};
    std::string reports;
    for (const std::string& format : formats) {
        reports += " --report " + format + "=" + shell_quote(out + "/r." + format);
    }
    const CommandResult run = run_aijri("score --width 100 " + folder + reports);
    const CommandResult console = run_aijri("score --width 100 " + folder);
    CHECK(run.status == 1); // the broken file, as without --report
    CHECK(run.out == console.out);
    CHECK(run.err == console.err);
    for (const std::string& format : formats) {
        INFO(format);
        CHECK(read_text_file(out + "/r." + format) == alone("score", format, folder));
    }
}

TEST_CASE("report: a stream read once from a pipe reaches every report") {
    std::string lines;
    for (const std::string& text : {aijri::test::seed_json(), junior_json()}) {
        lines += nlohmann::json::parse(text).dump() + "\n";
    }
    const std::string dir = aijri::test::temp_dir();
    write_text_file(dir + "/in.jsonl", lines);
    const std::string input = shell_quote(dir + "/in.jsonl");
    const CommandResult run = run_command(
        "cat " + input + " | '" AIJRI_BINARY "' score --jsonl-input - -f csv --report junit=" +
        shell_quote(dir + "/r.xml") + " --report jsonl=" + shell_quote(dir + "/r.jsonl") +
        " --report badge=" + shell_quote(dir + "/r.badge"));
    CHECK(run.status == 0);
    // What the same pipe gives each format alone: the records are named <stdin>:LINE.
    const auto piped = [&](const std::string& format) {
        const std::string file = dir + "/alone." + format;
        run_command("cat " + input + " | '" AIJRI_BINARY "' score --jsonl-input - -f " + format +
                    " -o " + shell_quote(file));
        return read_text_file(file);
    };
    CHECK(run.out ==
          run_command("cat " + input + " | '" AIJRI_BINARY "' score --jsonl-input - -f csv").out);
    CHECK(read_text_file(dir + "/r.xml") == piped("junit"));
    CHECK(read_text_file(dir + "/r.jsonl") == piped("jsonl"));
    CHECK(read_text_file(dir + "/r.badge") ==
          "{\n  \"schemaVersion\": 1,\n  \"label\": \"aijri\",\n  \"message\": \"1 Green · 1 "
          "Yellow · 0 Red\",\n  \"color\": \"yellow\"\n}\n");
}

TEST_CASE("report: one named file keeps its full console report and writes whole reports") {
    const std::string dir = aijri::test::temp_dir();
    const std::string seed = shell_quote(source_path("assessments/deep-learning-engineer.json"));
    const CommandResult run =
        run_aijri("score --width 100 " + seed + " --report json=" + shell_quote(dir + "/r.json") +
                  " --report html=" + shell_quote(dir + "/r.html") +
                  " --report junit=" + shell_quote(dir + "/r.xml"));
    CHECK(run.status == 0);
    CHECK(run.out == run_aijri("score --width 100 " + seed).out);
    CHECK(read_text_file(dir + "/r.json") == alone("score", "json", seed));
    CHECK(read_text_file(dir + "/r.html") == alone("score", "html", seed));
    CHECK(read_text_file(dir + "/r.xml") == alone("score", "junit", seed));
    CHECK(nlohmann::json::parse(read_text_file(dir + "/r.json")).at("aijri").dump() == "64.6");
}

TEST_CASE("report: one named file gives each report the form -f gives it, whatever the console") {
    const std::string dir = aijri::test::temp_dir();
    const std::string seed = shell_quote(source_path("assessments/deep-learning-engineer.json"));
    const std::string gate = " --fail-under 70 ";
    const CommandResult run =
        run_aijri("score -f csv" + gate + seed + " --report json=" + shell_quote(dir + "/r.json") +
                  " --report text=" + shell_quote(dir + "/r.txt") + " --width 100");
    CHECK(run.status == 1);
    CHECK(run.out == run_aijri("score -f csv" + gate + seed).out);
    CHECK(run.err.empty()); // csv carries the gate in its rows, as without --report
    CHECK(read_text_file(dir + "/r.json") == alone("score", "json", gate + seed));
    CHECK(read_text_file(dir + "/r.txt") == alone("score", "text", gate + seed + " --width 100"));
    CHECK(nlohmann::json::parse(read_text_file(dir + "/r.json")).at("gate") ==
          "AIJRI 64.6 is under --fail-under 70");
}

TEST_CASE("report: --sort and the gates apply to every report, and robustness takes --report") {
    const std::string folder = shell_quote(make_folder());
    const std::string dir = aijri::test::temp_dir();
    const std::string options = " --sort score --fail-under 60 " + folder;
    const CommandResult run =
        run_aijri("score -f markdown --report csv=" + shell_quote(dir + "/r.csv") + options);
    CHECK(run.status == 1);
    CHECK(run.out == run_aijri("score -f markdown" + options).out);
    CHECK(read_text_file(dir + "/r.csv") == alone("score", "csv", options));

    const std::string analysed = " --sort fragility " + folder;
    CHECK(
        run_aijri("robustness -f csv -o /dev/null --report junit=" + shell_quote(dir + "/rob.xml") +
                  " --report json=" + shell_quote(dir + "/rob.json") + analysed)
            .status == 1);
    CHECK(read_text_file(dir + "/rob.xml") == alone("robustness", "junit", analysed));
    CHECK(read_text_file(dir + "/rob.json") == alone("robustness", "json", analysed));
}

TEST_CASE("report: FORMAT is checked as -f checks it, in any case") {
    const std::string dir = aijri::test::temp_dir();
    const std::string seed = shell_quote(source_path("assessments/deep-learning-engineer.json"));
    CHECK(run_aijri("score " + seed + " --report JUnit=" + shell_quote(dir + "/r.xml")).status ==
          0);
    CHECK(read_text_file(dir + "/r.xml") == alone("score", "junit", seed));

    const CommandResult unknown = run_aijri("score " + seed + " --report xml=out.xml");
    CHECK(unknown.status == 2);
    CHECK(unknown.out.empty());
    CHECK(unknown.err ==
          "aijri score: --report: expected one of text, json, jsonl, csv, "
          "markdown, junit, github, html, badge, sarif, gitlab, found \"xml\"; did you mean "
          "\"html\"?\n"
          "Run `aijri score --help` for usage.\n");
    const CommandResult near = run_aijri("score " + seed + " --report jnuit=out.xml");
    CHECK(contains(near.err, "found \"jnuit\"; did you mean \"junit\"?"));

    const CommandResult no_file = run_aijri("score " + seed + " --report junit");
    CHECK(no_file.status == 2);
    CHECK(no_file.err == "aijri score: --report: expected FORMAT=FILE, such as "
                         "sarif=aijri.sarif, found \"junit\"\n"
                         "Run `aijri score --help` for usage.\n");
    const CommandResult stdout_file = run_aijri("score " + seed + " --report junit=-");
    CHECK(stdout_file.status == 2);
    CHECK(stdout_file.err == "aijri score: --report: expected a file after \"junit=\" (the "
                             "console shows --format), found \"-\"\n"
                             "Run `aijri score --help` for usage.\n");
}

TEST_CASE("report: two outputs naming one file, or an input, are refused before anything") {
    const std::string folder = make_folder();
    const std::string dir = aijri::test::temp_dir();
    const std::string a = shell_quote(dir + "/a");
    const CommandResult twice = run_aijri("score " + shell_quote(folder) + " --report junit=" + a +
                                          " --report csv=" + shell_quote(dir + "/./a"));
    CHECK(twice.status == 2);
    CHECK(twice.err == "aijri score: --report junit=" + dir + "/a and --report csv=" + dir +
                           "/./a name the same file\nRun `aijri score --help` for usage.\n");
    CHECK_FALSE(exists(dir + "/a"));

    const CommandResult with_output =
        run_aijri("score " + shell_quote(folder) + " -o " + a + " --report csv=" + a);
    CHECK(with_output.status == 2);
    CHECK(with_output.err == "aijri score: --report csv=" + dir + "/a and --output " + dir +
                                 "/a name the same file\nRun `aijri score --help` for usage.\n");

    const std::string before = read_text_file(folder + "/seed.json");
    const CommandResult over_input = run_aijri(
        "score " + shell_quote(folder) + " --report csv=" + shell_quote(folder + "/seed.json"));
    CHECK(over_input.status == 2);
    CHECK(over_input.err == "aijri: --report " + folder +
                                "/seed.json is one of the inputs; inputs are never written\n");
    CHECK(read_text_file(folder + "/seed.json") == before);
}

TEST_CASE("report: a run that fails writes no report at all") {
    const std::string dir = aijri::test::temp_dir();
    const std::string folder = shell_quote(make_folder());
    // The second report's folder does not exist: the first is not left behind either.
    const CommandResult missing =
        run_aijri("score " + folder + " --report junit=" + shell_quote(dir + "/r.xml") +
                  " --report csv=" + shell_quote(dir + "/no/such/folder/r.csv"));
    CHECK(missing.status == 2);
    CHECK(missing.err == "aijri: " + dir +
                             "/no/such/folder/r.csv: cannot create a temporary file beside it: "
                             "No such file or directory\n");
    CHECK_FALSE(exists(dir + "/r.xml"));

    // Nothing found: no report of nothing to pass a gate.
    const std::string empty = aijri::test::temp_dir() + "/empty";
    std::filesystem::create_directory(empty);
    const CommandResult nothing =
        run_aijri("score " + shell_quote(empty) + " --report junit=" + shell_quote(dir + "/r.xml"));
    CHECK(nothing.status == 2);
    CHECK_FALSE(exists(dir + "/r.xml"));
    CHECK(std::filesystem::is_empty(dir));
}

TEST_CASE("report: diff writes each format from one comparison, as -f writes it") {
    const std::string dir = aijri::test::temp_dir();
    std::filesystem::create_directories(dir + "/old");
    std::filesystem::create_directories(dir + "/new");
    write_text_file(dir + "/old/seed.json", aijri::test::seed_json());
    write_text_file(dir + "/old/junior.json", junior_json());
    // The junior role drops a zone (its fewest edits down to Red), the stated figures removed.
    nlohmann::json junior = nlohmann::json::parse(junior_json());
    junior["tasks"][1]["score"] = 5;
    junior["tasks"][5]["score"] = 5;
    junior.erase("stated");
    write_text_file(dir + "/new/junior.json", junior.dump(2));
    write_text_file(dir + "/new/seed.json", aijri::test::seed_json());
    const std::string sides = " " + shell_quote(dir + "/old") + " " + shell_quote(dir + "/new");
    const std::string gate = " --fail-on-zone-change";

    const CommandResult run =
        run_aijri("diff" + sides + gate + " --report markdown=" + shell_quote(dir + "/c.md") +
                  " --report sarif=" + shell_quote(dir + "/d.sarif") +
                  " --report json=" + shell_quote(dir + "/d.json"));
    const CommandResult console = run_aijri("diff" + sides + gate);
    CHECK(run.status == 1);
    CHECK(console.status == 1);
    CHECK(run.out == console.out);
    CHECK(run.err == console.err);
    for (const std::string format : {"markdown", "sarif", "json"}) {
        INFO(format);
        const std::string file = dir + "/alone." + format;
        run_aijri("diff" + sides + gate + " -f " + format + " -o " + shell_quote(file));
        const std::string name = format == "markdown" ? "c.md" : "d." + format;
        CHECK(read_text_file(dir + "/" + name) == read_text_file(file));
    }
    CHECK(contains(read_text_file(dir + "/c.md"),
                   "| deep-learning-engineer-junior | changed | 41.5 Yellow | 24.4 Red | −17.1 | "
                   "⚠️ **zone change** |"));

    // The refusals of score's --report, in diff's words.
    const CommandResult twice =
        run_aijri("diff" + sides + " --report markdown=" + shell_quote(dir + "/x") +
                  " --report csv=" + shell_quote(dir + "/./x"));
    CHECK(twice.status == 2);
    CHECK(twice.err == "aijri diff: --report markdown=" + dir + "/x and --report csv=" + dir +
                           "/./x name the same file\nRun `aijri diff --help` for usage.\n");
    const std::string before = read_text_file(dir + "/new/seed.json");
    const CommandResult over_input =
        run_aijri("diff" + sides + " --report csv=" + shell_quote(dir + "/new/seed.json"));
    CHECK(over_input.status == 2);
    CHECK(over_input.err == "aijri: --report " + dir +
                                "/new/seed.json is one of the inputs; inputs are never written\n");
    CHECK(read_text_file(dir + "/new/seed.json") == before);
    const CommandResult unknown = run_aijri("diff" + sides + " --report badge=b.json");
    CHECK(unknown.status == 2);
    CHECK(unknown.err == "aijri diff: --report: expected one of text, json, markdown, csv, junit, "
                         "github, html, sarif, gitlab, found \"badge\"\n"
                         "Run `aijri diff --help` for usage.\n");

    // aijri.toml's [diff] reports stand for --report, their files beside the config file.
    write_text_file(dir + "/aijri.toml", "[diff]\nreports = [\"csv=from-config.csv\"]\n");
    const CommandResult configured = aijri::test::run_aijri_in(dir, "diff old new");
    CHECK(configured.status == 0);
    CHECK(read_text_file(dir + "/from-config.csv") ==
          aijri::test::run_aijri_in(dir, "diff old new -f csv").out);
}
