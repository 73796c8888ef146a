#include <memory>
#include <thread>

#include <fmt/format.h>

#include "aijri/batch.hpp"
#include "aijri/file_source.hpp"
#include "aijri/output_file.hpp"
#include "aijri/text.hpp"
#include "aijri/walk.hpp"

#include "commands.hpp"
#include "common.hpp"
#include "console.hpp"

namespace aijri::cli {
namespace {

struct ValidateOptions {
    std::vector<std::string> paths;
    MethodologyOption methodology;
    std::size_t max_bytes = k_default_max_bytes;
    unsigned jobs = 0;
    bool quiet = false;
};

int run_validate(const ValidateOptions& options) {
    if (options.paths.empty()) {
        throw Failure("aijri validate: name at least one PATH (a file, a folder, or - for "
                      "standard input)\nRun `aijri validate --help` for usage.",
                      k_exit_usage);
    }
    const Methodology methodology = options.methodology.load();
    const WalkResult walk = collect_inputs(options.paths);
    for (const std::string& warning : walk.warnings) {
        eprint("aijri: warning: {}\n", sanitize(warning));
    }
    const BatchOptions batch{job_count(options.jobs), options.max_bytes, &methodology};
    std::size_t valid = 0;
    std::size_t invalid = 0;
    bool io_error = false;
    const auto render = [&options](const Evaluation& e) {
        RenderedResult r;
        r.summary = summarize(e);
        if (e.valid() && !options.quiet) {
            r.text = fmt::format("{}: ok\n", sanitize(e.file));
        }
        if (!e.valid() || !options.quiet) {
            for (const Diagnostic& d : e.diagnostics) {
                r.text += format_diagnostic_with_source(e.file, d) + "\n";
            }
        }
        return r;
    };
    OutputFile out("-", GuardLines::yes);
    run_batch(walk.files, batch, render, [&](RenderedResult&& r) {
        out.write(r.text);
        (r.summary.valid ? valid : invalid) += 1;
        io_error = io_error || r.summary.io_error || r.summary.methodology_error;
    });
    if (!options.quiet || invalid > 0) {
        out.write(fmt::format("{} valid, {} invalid\n", valid, invalid));
    }
    out.commit();
    if (io_error) {
        return k_exit_usage;
    }
    return invalid > 0 ? k_exit_invalid : k_exit_ok;
}

} // namespace

Runner setup_validate(CLI::App& command) {
    auto options = std::make_shared<ValidateOptions>();
    command
        .add_option("paths", options->paths,
                    "Assessment files and folders (folders are searched for *.json; - reads "
                    "standard input)")
        ->type_name("PATH");
    options->methodology.add_to(command);
    add_jobs_option(command, options->jobs, "Files checked");
    add_max_bytes_option(command, options->max_bytes);
    command.add_flag("-q,--quiet", options->quiet, "Print only errors");
    command.footer("Every error of every file is printed as file:line:col: error: /pointer: "
                   "message, with the\nline and a caret; stated figures are checked against "
                   "the computation.\n\nExamples:\n  aijri validate role.json\n"
                   "  aijri validate -q assessments/");
    return [options] { return run_validate(*options); };
}

} // namespace aijri::cli
