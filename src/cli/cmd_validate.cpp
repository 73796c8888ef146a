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
    InputFormatOption input_format;
};

int run_validate(const ValidateOptions& options) {
    const Methodology methodology = options.methodology.load();
    const WalkResult walk = collect_inputs(options.paths, options.input_format.get());
    for (const std::string& warning : walk.warnings) {
        eprint("aijri: warning: {}\n", sanitize(warning));
    }
    const unsigned jobs =
        options.jobs != 0 ? options.jobs : std::max(1U, std::thread::hardware_concurrency());
    BatchOptions batch{jobs, options.max_bytes, &methodology};
    batch.input_format = options.input_format.get();
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
    run_batch(
        walk.files, batch, render,
        [&](RenderedResult&& r) {
            out.write(r.text);
            (r.summary.valid ? valid : invalid) += 1;
            io_error = io_error || r.summary.io_error || r.summary.methodology_error;
        },
        [](const std::string& warning) { eprint("aijri: warning: {}\n", sanitize(warning)); });
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
                    "Assessment files and folders: JSON or documents (folders are searched for "
                    "*.json and *.md; - reads standard input)")
        ->required()
        ->type_name("PATH...");
    options->methodology.add_to(command);
    command
        .add_option("-j,--jobs", options->jobs, "Files checked at once (default: the core count)")
        ->check(CLI::Range(1U, 1024U));
    add_max_bytes_option(command, options->max_bytes);
    options->input_format.add_to(command);
    command.add_flag("-q,--quiet", options->quiet, "Print only errors");
    command.footer("Every error of every file is printed as file:line:col: error: /pointer: "
                   "message, with the\nline and a caret; stated figures are checked against "
                   "the computation.\n\nExamples:\n  aijri validate role.json\n"
                   "  aijri validate role.md          # a document: errors at its own lines\n"
                   "  aijri validate -q assessments/");
    return [options] { return run_validate(*options); };
}

} // namespace aijri::cli
