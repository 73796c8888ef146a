// What every subcommand shares: exit codes, the methodology option, printing diagnostics.
#pragma once

#include <cstdio>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "aijri/batch/evaluate.hpp"
#include "aijri/io/input_format.hpp"
#include "aijri/model/methodology.hpp"
#include "aijri/util/enum_names.hpp"

#include "terminal.hpp"

namespace aijri::cli {

enum ExitCode : int {
    k_exit_ok = 0,      // scored / valid
    k_exit_invalid = 1, // an assessment is invalid, or a gate tripped
    k_exit_usage = 2,   // usage or I/O error
};

// Thrown by a subcommand to stop with a message and an exit code; caught in run() only.
struct Failure : std::runtime_error {
    Failure(std::string message, int exit_code)
        : std::runtime_error(std::move(message)), code(exit_code) {}
    int code;
};

// What --version and `aijri version` print: "aijri 0.2.0 (methodology aijri-1)". The
// embedded methodology is named because it decides every figure as much as the code does.
std::string version_line();

// The folder aijri runs in ("" when it cannot be known, as when it was removed): the
// code-scanning reports name files relative to it, as CI names them from its checkout.
std::string working_dir();

// A usage error of `command`, pointing to its help (exit 2): "aijri render: MESSAGE\nRun
// `aijri render --help` for usage."
[[noreturn]] void fail_usage(const std::string& command, const std::string& message);

// --methodology FILE, which every subcommand that scores accepts.
struct MethodologyOption {
    std::string file;
    void add_to(CLI::App& app);
    // The embedded aijri-1, or the file; a bad file is a usage error (exit 2).
    Methodology load() const;
};
// A methodology file option under another name or help (diff's --methodology-old).
void add_methodology_option(CLI::App& app, const std::string& name, std::string& file,
                            const std::string& help);

// --set POINTER=VALUE, repeatable: every role is scored with these inputs set to these
// values (a what-if), its file untouched. The form of each is checked here; whether the
// pointer names an input of a role and the value keeps that input's rules is checked
// against each role (Evaluation::edit_error: "aijri: --set /tasks/9/score=4: …", exit 2).
struct SetOption {
    std::vector<std::string> texts;
    void add_to(CLI::App& app);
    // The edits in the order given; a malformed one is a usage error (exit 2).
    std::vector<InputSetting> edits() const;
};

// --input-format auto|json|markdown: how assessment files are read (see InputFormat).
struct InputFormatOption {
    InputFormat value = InputFormat::automatic;
    void add_to(CLI::App& app);
    InputFormat get() const { return value; }
};

// Checks that speak aijri's words, not the option library's: "expected a whole number from 1
// to 1024, found 0", "expected one of text, json, …, found \"jsno\"; did you mean \"json\"?".
// A choice is matched without regard to case and rewritten in its listed spelling, so
// `--fail-on-zone red` is Red: one_of() is a transform (->transform), not a check.
CLI::Validator whole_number(std::int64_t min, std::int64_t max);
CLI::Validator one_of(std::vector<std::string> choices);
// The choices of an option checked by one_of(), in their order; empty for any other option.
// one_of() is where the choices are written, and it records them in its validator's name:
// the man pages and the shell completions (aijri-docgen) read them back from the option, so
// they are never listed a second time.
std::vector<std::string> choices_of(CLI::Option& option);
// For an option whose value is KEY=VALUE with KEY one of `keys` (--report FORMAT=FILE): the
// name to give its validator, which records the keys as one_of() records its choices, and
// keys_of() reads them back (empty for any other option).
std::string keyed_by(const std::vector<std::string>& keys);
std::vector<std::string> keys_of(CLI::Option& option);

// The names of a table of EnumName (enum_names.hpp), in its order.
template <typename Names>
std::vector<std::string> choice_names(const Names& names) {
    std::vector<std::string> out;
    for (const auto& entry : names) {
        out.emplace_back(entry.name);
    }
    return out;
}

// How help lists the choices: "auto, always or never", a name followed by its note in
// brackets where `notes` has one; `last` joins the last two.
std::string join_choices(const std::vector<std::string>& names,
                         const std::map<std::string, std::string>& notes, const std::string& last);
template <typename Names>
std::string list_choices(const Names& names, const std::map<std::string, std::string>& notes = {},
                         const std::string& last = " or ") {
    return join_choices(choice_names(names), notes, last);
}

// An option whose value is one of the names in `names`, a table of EnumName that outlives
// the parse: one_of() checks it, `value` is set to the value it names, and help shows the
// name of the value `value` starts with as the default.
template <typename Names, typename Enum>
CLI::Option* add_choice_option(CLI::App& app, const std::string& name, Enum& value,
                               const Names& names, const std::string& help,
                               const std::string& type_name) {
    return app
        .add_option_function<std::string>(
            name,
            [&value, &names](const std::string& text) { value = *enum_from_name(names, text); },
            help)
        ->type_name(type_name)
        ->transform(one_of(choice_names(names)))
        ->default_str(std::string(enum_name(names, value)));
}

// The options several commands share, each declared and checked in one place.
// --max-bytes N: from 1 to 1 TiB. A negative number is refused rather than wrapped round to
// a huge limit.
void add_max_bytes_option(CLI::App& app, std::size_t& max_bytes);
// -j, --jobs N: from 1 to k_max_jobs; 0 (not given) means the core count, see job_count().
inline constexpr std::int64_t k_max_jobs = 1024;
void add_jobs_option(CLI::App& app, unsigned& jobs, const std::string& what);
unsigned job_count(unsigned requested);
// --allow-empty: finding no assessment is not an error. Without it, a gate pointed at the
// wrong folder fails (exit 2) instead of passing over nothing.
void add_allow_empty_option(CLI::App& app, bool& allow_empty);
[[noreturn]] void fail_nothing_found(const std::string& command, const std::string& where);
// -o, --output FILE.
void add_output_option(CLI::App& app, std::string& output, const std::string& what);
// --color auto|always|never.
void add_color_option(CLI::App& app, ColorChoice& color);
// -f, --format FORMAT, one of the names in `formats` (see add_choice_option).
template <typename Names, typename Format>
void add_format_option(CLI::App& app, Format& format, const Names& formats,
                       const std::string& help) {
    add_choice_option(app, "-f,--format", format, formats, help, "FORMAT");
}
// PATH...: the files and folders of assessments a command reads.
void add_paths_argument(CLI::App& app, std::vector<std::string>& paths);
// The paths named after `--` for a command that reads git (diff --git, history), else the
// default: the folder "assessments" when there is one, else ".".
std::vector<std::string> git_paths_or_default(const std::vector<std::string>& named);
// -q, --quiet.
void add_quiet_option(CLI::App& app, bool& quiet, const std::string& help);

// A gate's threshold (--fail-under SCORE, --fail-on-drop POINTS), parsed by the command: an
// empty value is refused, never taken for a gate turned off.
CLI::Option* add_threshold_option(CLI::App& app, const std::string& name, std::string& value,
                                  const std::string& help, const std::string& type_name);

// The exit status one file's evaluation calls for, the same in every command: 2 when it could
// not be read or the methodology cannot score it in exact arithmetic, 1 when it is invalid.
int exit_status_of(const Evaluation& evaluation);

// A file's diagnostics, on standard error.
void print_diagnostics(const Evaluation& evaluation, bool with_source);

} // namespace aijri::cli
