// What every subcommand shares: exit codes, the methodology option, printing diagnostics.
#pragma once

#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>

#include <CLI/CLI.hpp>

#include "aijri/batch/evaluate.hpp"
#include "aijri/io/input_format.hpp"
#include "aijri/model/methodology.hpp"

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

// Options every subcommand that scores accepts.
struct MethodologyOption {
    std::string file;
    void add_to(CLI::App& app);
    // The embedded aijri-1, or the file; a bad file is a usage error (exit 2).
    Methodology load() const;
};

// --input-format auto|json|markdown: how assessment files are read (see InputFormat).
struct InputFormatOption {
    std::string value = "auto";
    void add_to(CLI::App& app);
    InputFormat get() const;
};

// Checks that speak aijri's words, not the option library's: "expected a whole number from 1
// to 1024, found 0", "expected one of text, json, …, found \"jsno\"; did you mean \"json\"?".
// A choice is matched without regard to case and rewritten in its listed spelling, so
// `--fail-on-zone red` is Red: one_of() is a transform (->transform), not a check.
CLI::Validator whole_number(std::int64_t min, std::int64_t max);
CLI::Validator one_of(std::vector<std::string> choices);

// The options several commands share, each declared and checked in one place.
// --max-bytes N: from 1 to 1 TiB. A negative number is refused rather than wrapped round to
// a huge limit.
void add_max_bytes_option(CLI::App& app, std::size_t& max_bytes);
// -j, --jobs N: from 1 to 1024; 0 (not given) means the core count, see job_count().
void add_jobs_option(CLI::App& app, unsigned& jobs, const std::string& what);
unsigned job_count(unsigned requested);
// --allow-empty: finding no assessment is not an error. Without it, a gate pointed at the
// wrong folder fails (exit 2) instead of passing over nothing.
void add_allow_empty_option(CLI::App& app, bool& allow_empty);
[[noreturn]] void fail_nothing_found(const std::string& command, const std::string& where);
// -o, --output FILE.
void add_output_option(CLI::App& app, std::string& output, const std::string& what);
// --color auto|always|never.
void add_color_option(CLI::App& app, std::string& color);
// -f, --format FORMAT, one of `formats`.
void add_format_option(CLI::App& app, std::string& format, std::vector<std::string> formats,
                       const std::string& help);

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
