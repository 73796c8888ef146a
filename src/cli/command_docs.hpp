// aijri's commands as their documentation sees them, read from the CLI11 tree that run()
// parses with (build_app()): the man pages (man_page.*) and the shell completions
// (completions.*) are written from this, so a command or an option added to the table is
// documented and completed without being written again.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace aijri::cli {

// An option, or an operand (a positional argument).
struct OptionDoc {
    std::vector<std::string> short_names; // "f" for -f
    std::vector<std::string> long_names;  // "format" for --format
    std::string value_name;               // "FORMAT"; empty for a flag
    std::string help;
    std::vector<std::string> choices; // the enumerated values (one_of()), else none
    // A KEY=VALUE value (--report FORMAT=FILE): the keys (keys_of()), else none; the VALUE
    // is a file name when takes_file().
    std::vector<std::string> keys;
    std::string default_value; // as --help shows it; empty when there is none
    bool repeatable = false;   // given several times, or several values
    bool required = false;
    bool exits = false; // --help and --version: nothing else is read after them

    // "-f, --format", as help lists it; an operand is its value name.
    std::string names() const;
    // Whether its value is a file name (FILE, PATH, DOC, …), for the completions.
    bool takes_file() const;
    // "FORMAT" of "FORMAT=FILE": what the keys are, for the man page.
    std::string key_name() const;
};

struct ExitStatusDoc {
    std::string code;    // "1"
    std::string meaning; // "an assessment is invalid, or a gate (…) tripped"
};

// A command's footer taken apart: its prose, the examples and the exit status.
struct FooterDoc {
    std::vector<std::string> prose;    // lines; an empty line between paragraphs
    std::vector<std::string> examples; // one command line each (with its comment)
    std::vector<ExitStatusDoc> exit_status;
};

struct CommandDoc {
    std::string name;    // "score"; "aijri" for the program itself
    std::string summary; // the one line of the command table
    std::vector<OptionDoc> operands;
    std::vector<OptionDoc> options;
    FooterDoc footer;
};

struct ProgramDoc {
    CommandDoc program;               // aijri itself: --help, --version, the general footer
    std::vector<CommandDoc> commands; // in the order of the command table
    std::string version;              // "0.2.0"
};

// Reads the tree that build_app() made: the program, and each subcommand in its order.
ProgramDoc describe_program(CLI::App& app, const std::string& version);

// A footer split at its headings ("Examples:", "Example:", "Exit status:"): a section is the
// indented lines after its heading; an unindented line ends it and belongs to the prose.
FooterDoc split_footer(const std::string& footer);

// The exit status a command's page states: its own when its footer has one, else the
// program's.
const std::vector<ExitStatusDoc>& exit_status_of(const CommandDoc& command,
                                                 const ProgramDoc& program);

} // namespace aijri::cli
