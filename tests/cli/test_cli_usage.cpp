// The command line speaks aijri's words: a mistyped command or option is named with what was
// meant, every usage error points to the help of its command, and no wording of the option
// library reaches a person.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/builder.hpp"

using aijri::test::CommandResult;
using aijri::test::contains;
using aijri::test::run_aijri;
using aijri::test::shell_quote;

namespace {

const std::string k_seed =
    shell_quote(aijri::test::source_path("assessments/deep-learning-engineer.json"));

} // namespace

TEST_CASE("an unknown command is named, with what was meant") {
    const CommandResult scor = run_aijri("scor x");
    CHECK(scor.status == 2);
    CHECK(scor.out.empty());
    CHECK(scor.err == "aijri: unknown command \"scor\"; did you mean \"score\"?\n"
                      "Run `aijri --help` for the commands.\n");
    const CommandResult far = run_aijri("frobnicate");
    CHECK(far.status == 2);
    CHECK(far.err ==
          "aijri: unknown command \"frobnicate\"\nRun `aijri --help` for the commands.\n");
    CHECK(run_aijri("DIFF").err == "aijri: unknown command \"DIFF\"; did you mean \"diff\"?\n"
                                   "Run `aijri --help` for the commands.\n");
    const CommandResult none = run_aijri("");
    CHECK(none.status == 2);
    CHECK(none.err ==
          "aijri: name a command: score, robustness, validate, init, schema, methodology, import, "
          "render, diff, history, config\nRun `aijri --help` for usage.\n");
}

TEST_CASE("version, -V and help CMD do what they say") {
    for (const char* arguments : {"version", "-V", "--version"}) {
        INFO(arguments);
        const CommandResult r = run_aijri(arguments);
        CHECK(r.status == 0);
        // The embedded methodology is named: it decides the figures as much as the code.
        CHECK(r.out == std::string("aijri ") + AIJRI_VERSION + " (methodology aijri-1)\n");
    }
    const CommandResult help = run_aijri("help score");
    CHECK(help.status == 0);
    CHECK(help.out == run_aijri("score --help").out);
    CHECK(contains(help.out, "Usage: aijri score [OPTIONS]"));
    CHECK(run_aijri("help").out == run_aijri("--help").out);
    const CommandResult unknown = run_aijri("help scor");
    CHECK(unknown.status == 2);
    CHECK(contains(unknown.err, "unknown command \"scor\"; did you mean \"score\"?"));
}

TEST_CASE("usage errors name the command and point to its help") {
    struct Case {
        std::string arguments;
        std::string message;
    };
    const std::vector<Case> cases = {
        {"validate", "aijri validate: name at least one PATH (a file, a folder, or - for standard "
                     "input)\nRun `aijri validate --help` for usage.\n"},
        {"import", "aijri import: name the document to read (DOC, or - for standard input)\nRun "
                   "`aijri import --help` for usage.\n"},
        {"render", "aijri render: name the assessment to render (FILE, or - for standard "
                   "input)\nRun `aijri render --help` for usage.\n"},
        {"score", "aijri score: name at least one PATH (a file, a folder, or - for standard "
                  "input), or use --jsonl-input\nRun `aijri score --help` for usage.\n"},
        {"score --max-bytes 0 " + k_seed,
         "aijri score: --max-bytes: expected a whole number from 1 to 1099511627776, found "
         "\"0\"\nRun `aijri score --help` for usage.\n"},
        {"import --max-bytes 0 x.md",
         "aijri import: --max-bytes: expected a whole number from 1 to 1099511627776, found "
         "\"0\"\nRun `aijri import --help` for usage.\n"},
        {"validate --jobs 2000 " + k_seed,
         "aijri validate: --jobs: expected a whole number from 1 to 1024, found \"2000\"\nRun "
         "`aijri validate --help` for usage.\n"},
        {"score --fromat json " + k_seed,
         "aijri score: unknown option \"--fromat\"; did you mean \"--format\"?\nRun `aijri "
         "score --help` for usage.\n"},
        {"score --format jsno " + k_seed,
         "aijri score: --format: expected one of text, json, jsonl, csv, markdown, junit, "
         "github, html, badge, sarif, gitlab, found \"jsno\"; did you mean \"json\"?\nRun `aijri "
         "score --help` "
         "for "
         "usage.\n"},
        {"validate --format json " + k_seed,
         "aijri validate: --format: expected one of text, sarif, gitlab, found \"json\"\nRun "
         "`aijri validate --help` for usage.\n"},
        {"diff --format sarf a b",
         "aijri diff: --format: expected one of text, json, markdown, csv, junit, github, html, "
         "sarif, gitlab, found \"sarf\"; did you mean \"sarif\"?\nRun `aijri diff --help` for "
         "usage.\n"},
        {"diff --colr never a b",
         "aijri diff: unknown option \"--colr\"; did you mean \"--color\"?\nRun `aijri diff "
         "--help` for usage.\n"},
        {"score " + k_seed + " --format",
         "aijri score: --format needs a value\nRun `aijri score --help` for usage.\n"},
        {"schema extra", "aijri schema: unexpected argument \"extra\"\nRun `aijri schema --help` "
                         "for usage.\n"},
    };
    for (const Case& c : cases) {
        INFO(c.arguments);
        const CommandResult r = run_aijri(c.arguments);
        CHECK(r.status == 2);
        CHECK(r.err == c.message);
    }
}

TEST_CASE("enumerated option values are matched without regard to case") {
    const CommandResult red = run_aijri("score --fail-on-zone red " + k_seed);
    CHECK(red.status == 0);
    const CommandResult yellow = run_aijri("score --fail-on-zone YELLOW -f csv " + k_seed);
    CHECK(yellow.status == 0);
    CHECK(run_aijri("score --format JSON " + k_seed).out ==
          run_aijri("score -f json " + k_seed).out);
    // And the gate works in that spelling: a Red role trips `red`.
    aijri::test::AssessmentSpec red_role;
    red_role.tasks = {{"60", 5, "displacement"}, {"40", 5, "displacement"}};
    red_role.evidence = {-2, -2, -2, -2, -2};
    red_role.barriers = {0, 0, 0, 0, 0};
    red_role.growth = -2;
    const std::string file = aijri::test::temp_dir() + "/red.json";
    aijri::test::write_text_file(file, aijri::test::to_json(red_role));
    const CommandResult tripped = run_aijri("score -f csv --fail-on-zone red " + shell_quote(file));
    CHECK(tripped.status == 1);
    CHECK(contains(tripped.out, ",gate,"));
}

TEST_CASE("no wording of the option library reaches a person, in errors or in help") {
    const std::vector<std::string> forbidden = {
        "is required", "Value ", "not in range", "The following argument",
        "PATH... ...", "UINT",   "TEXT:{",       "A subcommand is required",
        "INT in ["};
    std::vector<std::string> outputs;
    for (const char* command :
         {"score", "validate", "diff", "import", "render", "schema", "methodology", "version"}) {
        outputs.push_back(run_aijri(std::string(command) + " --help").out);
        outputs.push_back(run_aijri(command).err);
    }
    outputs.push_back(run_aijri("--help").out);
    outputs.push_back(run_aijri("score --jobs x " + k_seed).err);
    outputs.push_back(run_aijri("score --width -1 " + k_seed).err);
    outputs.push_back(run_aijri("").err);
    for (const std::string& text : outputs) {
        for (const std::string& phrase : forbidden) {
            INFO(text);
            CHECK_FALSE(contains(text, phrase));
        }
    }
}

TEST_CASE("an option several commands share is checked alike in every one of them") {
    struct Shared {
        std::string option;  // as --help lists it
        std::string refused; // the option with a value every command refuses
        std::string message; // what follows "aijri COMMAND: "
        std::size_t expected_commands = 0;
        std::size_t commands = 0;
    };
    std::vector<Shared> options = {
        {"--max-bytes", "--max-bytes 0",
         "--max-bytes: expected a whole number from 1 to 1099511627776, found \"0\"", 5},
        {"--jobs", "--jobs 0", "--jobs: expected a whole number from 1 to 1024, found \"0\"", 3},
        {"--color", "--color sometimes",
         "--color: expected one of auto, always, never, found \"sometimes\"", 2},
        {"--input-format", "--input-format jsn",
         "--input-format: expected one of auto, json, markdown, found \"jsn\"; did you mean "
         "\"json\"?",
         4},
        // Last on the line, so that it lacks its value.
        {"--output", "--output", "--output needs a value", 5},
        {"--format", "--format", "--format needs a value", 4},
    };
    for (const std::string command :
         {"score", "validate", "diff", "import", "render", "schema", "methodology", "version"}) {
        const std::string help = run_aijri(command + " --help").out;
        const std::string operands = command == "diff" ? " old/ new/ " : " x.json ";
        for (Shared& shared : options) {
            if (!contains(help, shared.option + " ")) {
                continue;
            }
            ++shared.commands;
            INFO(command << operands << shared.refused);
            const CommandResult r = run_aijri(command + operands + shared.refused);
            CHECK(r.status == 2);
            CHECK(r.out.empty());
            CHECK(r.err == "aijri " + command + ": " + shared.message + "\nRun `aijri " + command +
                               " --help` for usage.\n");
        }
    }
    for (const Shared& shared : options) {
        INFO(shared.option);
        CHECK(shared.commands == shared.expected_commands);
    }
    // A methodology that cannot be read stops each command that scores with the same words.
    std::vector<std::string> methodology_errors;
    for (const std::string command : {"score", "validate", "diff", "import", "render"}) {
        INFO(command);
        CHECK(contains(run_aijri(command + " --help").out, "--methodology FILE"));
        const std::string operands = command == "diff" ? " old/ new/" : " x.json";
        const CommandResult r = run_aijri(command + operands + " --methodology no-such.json");
        CHECK(r.status == 2);
        methodology_errors.push_back(r.err);
    }
    CHECK(contains(methodology_errors.front(), "aijri: no-such.json: "));
    for (const std::string& err : methodology_errors) {
        CHECK(err == methodology_errors.front());
    }
}
