// The man pages and completions are read from the command line that run() parses
// (build_app()): the footers taken apart, the choices of an enumerated option read back from
// its option, and roff and shell text escaped. tests/install/ checks the installed files with
// man, groff, bash, zsh, fish and dpkg.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "aijri/report/batch.hpp"
#include "aijri/robustness/robustness.hpp"

#include "cli/app.hpp"
#include "cli/batch_command.hpp"
#include "cli/command_docs.hpp"
#include "cli/common.hpp"
#include "cli/completions.hpp"
#include "cli/man_page.hpp"
#include "cli/terminal.hpp"

using namespace aijri;
using namespace aijri::cli;

namespace {

ProgramDoc aijri_docs() {
    CLI::App app;
    Runner runner;
    DiffArguments split;
    build_app(app, runner, split);
    return describe_program(app, "9.9.9");
}

const CommandDoc& command_named(const ProgramDoc& program, const std::string& name) {
    for (const CommandDoc& command : program.commands) {
        if (command.name == name) {
            return command;
        }
    }
    FAIL("no command " << name);
    throw;
}

const OptionDoc& option_named(const CommandDoc& command, const std::string& name) {
    for (const OptionDoc& option : command.options) {
        for (const std::string& long_name : option.long_names) {
            if (long_name == name) {
                return option;
            }
        }
    }
    FAIL("aijri " << command.name << " has no --" << name);
    throw;
}

} // namespace

TEST_CASE("a footer splits into prose, examples and exit status") {
    const FooterDoc footer = split_footer("Exit status:\n"
                                          "  0  every assessment scored / valid\n"
                                          "  1  an assessment is invalid, or a gate\n"
                                          "     tripped\n"
                                          "\n"
                                          "Examples:\n"
                                          "  aijri score role.json   # one role\n"
                                          "  aijri validate -q a/\n"
                                          "Every figure is exact: the margin\n"
                                          "and the swing.");
    REQUIRE(footer.exit_status.size() == 2);
    CHECK(footer.exit_status[0].code == "0");
    CHECK(footer.exit_status[0].meaning == "every assessment scored / valid");
    CHECK(footer.exit_status[1].code == "1");
    CHECK(footer.exit_status[1].meaning == "an assessment is invalid, or a gate tripped");
    CHECK(footer.examples ==
          std::vector<std::string>{"aijri score role.json   # one role", "aijri validate -q a/"});
    CHECK(footer.prose ==
          std::vector<std::string>{"Every figure is exact: the margin", "and the swing."});

    const FooterDoc prose_around = split_footer("First paragraph.\n\nExample:\n  aijri version\n"
                                                "After the example.");
    CHECK(prose_around.prose ==
          std::vector<std::string>{"First paragraph.", "", "After the example."});
    CHECK(prose_around.examples == std::vector<std::string>{"aijri version"});
    CHECK(prose_around.exit_status.empty());
}

TEST_CASE("an enumerated option's choices are read back from the option") {
    CLI::App app;
    std::string zone;
    CLI::Option* gate = app.add_option("--zone", zone)->transform(one_of({"Red", "Yellow"}));
    CLI::Option* plain = app.add_option("--name", zone)->check(whole_number(1, 2));
    CHECK(choices_of(*gate) == std::vector<std::string>{"Red", "Yellow"});
    CHECK(choices_of(*plain).empty());
    CHECK(keys_of(*gate).empty());
    CLI::Option* keyed =
        app.add_option("--to", zone)
            ->check(CLI::Validator([](const std::string&) { return std::string(); }, "",
                                   keyed_by({"json", "csv"})));
    CHECK(keys_of(*keyed) == std::vector<std::string>{"json", "csv"});
    CHECK(choices_of(*keyed).empty());
    // The validator still takes a choice in any case and spells it as listed.
    app.parse(std::vector<std::string>{"red", "--zone"});
    CHECK(zone == "Red");
}

TEST_CASE("the documentation is aijri's command line, read from the tree run() parses") {
    const ProgramDoc program = aijri_docs();
    CHECK(program.program.name == "aijri");
    std::vector<std::string> names;
    for (const CommandDoc& command : program.commands) {
        names.push_back(command.name);
    }
    // The table's order; a command added to the table is documented with nothing else to do.
    REQUIRE(names.size() >= 10);
    CHECK(std::vector<std::string>(names.begin(), names.begin() + 3) ==
          std::vector<std::string>{"score", "robustness", "validate"});

    const CommandDoc& score = command_named(program, "score");
    CHECK(score.summary == "Score assessments and report the AIJRI, zone and sub-label");
    const OptionDoc& format = option_named(score, "format");
    CHECK(format.short_names == std::vector<std::string>{"f"});
    CHECK(format.value_name == "FORMAT");
    CHECK(format.choices == choice_names(k_batch_format_names));
    CHECK(format.default_value == "text");
    CHECK(option_named(score, "fail-on-zone").choices == std::vector<std::string>{"Red", "Yellow"});
    CHECK(option_named(score, "color").choices == choice_names(k_color_choice_names));
    CHECK(option_named(score, "sort").choices == choice_names(k_score_sort_names));
    CHECK(option_named(command_named(program, "robustness"), "sort").choices ==
          choice_names(k_robustness_sort_names));
    CHECK(option_named(command_named(program, "robustness"), "uncertainty").choices ==
          choice_names(k_uncertainty_model_names));
    const OptionDoc& report = option_named(score, "report");
    CHECK(report.keys == choice_names(k_batch_format_names));
    CHECK(report.choices.empty());
    CHECK(report.key_name() == "FORMAT");
    CHECK(report.takes_file());
    CHECK(report.repeatable);
    CHECK(option_named(score, "set").repeatable);
    CHECK(option_named(score, "wide").value_name.empty());
    CHECK(option_named(score, "help").exits);
    CHECK(option_named(score, "output").takes_file());
    CHECK_FALSE(option_named(score, "jobs").takes_file());
    REQUIRE(score.operands.size() == 1);
    CHECK(score.operands[0].value_name == "PATH");
    CHECK(score.operands[0].repeatable);
    CHECK(score.operands[0].takes_file());
    CHECK(score.footer.examples.front() == "aijri score assessments/deep-learning-engineer.json");

    // The exit status is the program's, where a command states none of its own.
    REQUIRE(program.program.footer.exit_status.size() == 3);
    CHECK(&exit_status_of(score, program) == &program.program.footer.exit_status);
}

TEST_CASE("roff text is escaped") {
    CHECK(roff_escape("sub-label") == "sub\\-label");
    CHECK(roff_escape("a\\b") == "a\\eb");
    CHECK(roff_escape("score \xC2\xB1 1 \xC2\xB7 Green") == "score \\[u00B1] 1 \\[u00B7] Green");
    CHECK(roff_escape("\xFF") == "\\[uFFFD]");

    const ProgramDoc program = aijri_docs();
    const std::string page = command_man_page(command_named(program, "score"), program);
    CHECK(page.find(".TH AIJRI\\-SCORE 1 \"\" \"aijri 9.9.9\" \"aijri manual\"\n") !=
          std::string::npos);
    CHECK(page.find(".SH NAME\naijri\\-score \\- Score assessments and report the AIJRI, zone "
                    "and sub\\-label\n") != std::string::npos);
    CHECK(page.find(".SH SYNOPSIS\n\\fBaijri score\\fR [\\fIOPTIONS\\fR] [\\fIPATH\\fR...]\n") !=
          std::string::npos);
    CHECK(page.find("\\fB\\-f\\fR, \\fB\\-\\-format\\fR \\fIFORMAT\\fR\n") != std::string::npos);
}

TEST_CASE("a completion menu shows the first clause of an option's help") {
    CHECK(short_help("Colour the zones: auto, always or never") == "Colour the zones");
    CHECK(short_help("Exit 1 when a role's AIJRI is below SCORE") ==
          "Exit 1 when a role's AIJRI is below SCORE");
    // A colon inside parentheses does not end the clause; asides go when it is too long.
    CHECK(short_help("Files scored at once, 1 to 1024 (default: the core count)") ==
          "Files scored at once, 1 to 1024 (default: the core count)");
    CHECK(short_help("text (a report for one file, a table for many), json, jsonl, csv, markdown, "
                     "junit, github, html or badge (shields.io endpoint JSON of the counts)") ==
          "text, json, jsonl, csv, markdown, junit, github, html or badge");
    CHECK(short_help("Methodology definition to score with (default: the embedded aijri-1; "
                     "`aijri methodology` prints it as a starting point)") ==
          "Methodology definition to score with");
    const std::string long_help(100, 'x');
    CHECK(short_help("word " + long_help) == "word...");
}
