#include <memory>

#include <fmt/format.h>

#include "aijri/batch/batch.hpp"
#include "aijri/io/file_source.hpp"
#include "aijri/io/output_file.hpp"
#include "aijri/io/walk.hpp"
#include "aijri/report/batch.hpp"
#include "aijri/util/text.hpp"

#include "batch_command.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "console.hpp"
#include "project_config.hpp"
#include "write_output.hpp"

namespace aijri::cli {
namespace {

struct ValidateOptions {
    std::vector<std::string> paths;
    BatchFormat format = BatchFormat::text;
    std::string output;
    MethodologyOption methodology;
    std::size_t max_bytes = k_default_max_bytes;
    unsigned jobs = 0;
    bool quiet = false;
    bool allow_empty = false;
    InputFormatOption input_format;
    ConfigOption config;
};

std::vector<DuplicateId> find_duplicates(IdCensus& census, const WalkResult& walk,
                                         const BatchOptions& batch) {
    return confirm_duplicate_ids(
        census,
        [&walk](const std::vector<std::size_t>& positions) {
            std::vector<InputFile> files;
            for (const std::size_t at : positions) {
                files.push_back(walk.files[at]);
            }
            return files;
        },
        batch);
}

// -f sarif, -f gitlab: the report of the batch format, every file's problems as they come.
int run_report(const ValidateOptions& options, const Methodology& methodology,
               const WalkResult& walk, const BatchOptions& batch) {
    ReportStyle style;
    style.tool_version = AIJRI_VERSION;
    style.working_dir = working_dir();
    const auto report = make_batch_report(options.format, methodology, style);
    BatchTotals totals;
    totals.warnings = walk.warnings;
    IdCensus census;
    bool io_error = false;
    // Written as results come, through a temporary file: a run that finds nothing to
    // validate leaves -o as it was, and standard output without half a report (the header
    // goes out with the first result).
    OutputFile out(options.output, GuardLines::no);
    bool begun = false;
    bool first = true;
    const auto begin = [&] {
        if (!begun) {
            out.write(report->begin(nullptr));
            begun = true;
        }
    };
    const auto write = [&](const std::string& result) {
        if (!result.empty()) {
            begin();
            out.write((first ? "" : report->separator()) + result);
            first = false;
        }
    };
    run_batch(
        walk.files, batch,
        [&report](const Evaluation& e) {
            RenderedResult r;
            r.summary = summarize(e);
            r.text = report->render(e, std::nullopt);
            return r;
        },
        [&](RenderedResult&& r) {
            ++totals.files;
            (r.summary.valid ? totals.scored : totals.invalid) += 1;
            io_error = io_error || r.summary.io_error || r.summary.methodology_error;
            if (!r.summary.id.empty()) {
                census.add(r.summary.id, r.position);
            }
            write(r.text);
        },
        [&totals](const std::string& warning) {
            eprint("aijri: warning: {}\n", sanitize(warning));
            totals.warnings.push_back(warning);
        });
    if (totals.files == 0 && !options.allow_empty) {
        fail_nothing_found("validate", fmt::format("{}", fmt::join(options.paths, ", ")));
    }
    totals.duplicate_ids = find_duplicates(census, walk, batch);
    for (const DuplicateId& d : totals.duplicate_ids) {
        eprint("aijri: error: {}\n", sanitize(describe_duplicate(d)));
    }
    for (const std::string& result : report->closing_results(totals)) {
        write(result);
    }
    begin();
    out.write(report->end(totals));
    out.commit();
    if (io_error) {
        return k_exit_usage;
    }
    return totals.invalid > 0 || !totals.duplicate_ids.empty() ? k_exit_invalid : k_exit_ok;
}

int run_validate(const ValidateOptions& options) {
    if (options.paths.empty()) {
        fail_usage("validate",
                   "name at least one PATH (a file, a folder, or - for standard input)");
    }
    std::vector<std::string> inputs = options.paths;
    inputs.push_back(options.methodology.file);
    refuse_output_over_inputs(options.output, inputs);
    const Methodology methodology = options.methodology.load();
    const WalkResult walk = collect_inputs(options.paths, options.input_format.get());
    for (const std::string& warning : walk.warnings) {
        eprint("aijri: warning: {}\n", sanitize(warning));
    }
    BatchOptions batch{job_count(options.jobs), options.max_bytes, &methodology};
    batch.input_format = options.input_format.get();
    if (options.format != BatchFormat::text) {
        return run_report(options, methodology, walk, batch);
    }
    std::size_t valid = 0;
    std::size_t invalid = 0;
    bool io_error = false;
    // One status line a valid file, its warnings under it; an invalid file is its errors.
    // -q: errors only.
    const auto render = [&options](const Evaluation& e) {
        RenderedResult r;
        r.summary = summarize(e);
        if (e.valid() && options.quiet) {
            return r;
        }
        if (e.valid()) {
            const std::size_t warnings = r.summary.warnings;
            r.text = fmt::format(
                "{}: ok{}\n", sanitize(e.file),
                warnings == 0 ? ""
                              : fmt::format(", {} warning{}", warnings, warnings == 1 ? "" : "s"));
        }
        for (const Diagnostic& d : e.diagnostics) {
            r.text += format_diagnostic_with_source(e.file, d) + "\n";
        }
        return r;
    };
    OutputFile out(options.output, GuardLines::yes);
    IdCensus census;
    run_batch(
        walk.files, batch, render,
        [&](RenderedResult&& r) {
            out.write(r.text);
            (r.summary.valid ? valid : invalid) += 1;
            io_error = io_error || r.summary.io_error || r.summary.methodology_error;
            if (!r.summary.id.empty()) {
                census.add(r.summary.id, r.position);
            }
        },
        [](const std::string& warning) { eprint("aijri: warning: {}\n", sanitize(warning)); });
    if (valid + invalid == 0 && !options.allow_empty) {
        // Nothing was written yet: no "0 valid, 0 invalid" to pass a gate.
        fail_nothing_found("validate", fmt::format("{}", fmt::join(options.paths, ", ")));
    }
    const std::vector<DuplicateId> duplicates = find_duplicates(census, walk, batch);
    for (const DuplicateId& d : duplicates) {
        out.write("error: " + sanitize(describe_duplicate(d)) + "\n");
    }
    if (!options.quiet) {
        out.write(
            fmt::format("{} valid, {} invalid{}\n", valid, invalid,
                        duplicates.empty()
                            ? ""
                            : fmt::format(", {} id{} used by more than one file", duplicates.size(),
                                          duplicates.size() == 1 ? "" : "s")));
    }
    out.commit();
    if (io_error) {
        return k_exit_usage;
    }
    return invalid > 0 || !duplicates.empty() ? k_exit_invalid : k_exit_ok;
}

} // namespace

constexpr const char* k_footer =
    R"(Every error of every file is printed as file:line:col: error: /pointer: message, with the
line and a caret; stated figures are checked against the computation.

Examples:
  aijri validate role.json
  aijri validate role.md          # a document: errors at its own lines
  aijri validate -q assessments/
  aijri validate -f sarif -o aijri.sarif assessments/   # for GitHub code scanning
  aijri validate -f gitlab -o gl-code-quality-report.json assessments/)";

Runner setup_validate(CLI::App& command) {
    auto options = std::make_shared<ValidateOptions>();
    add_paths_argument(command, options->paths);
    add_format_option(
        command, options->format, k_validate_format_names,
        list_choices(k_validate_format_names, {{"sarif", "SARIF 2.1.0, for code scanning"},
                                               {"gitlab", "GitLab Code Quality"}}));
    add_output_option(command, options->output, "the report");
    options->methodology.add_to(command);
    add_jobs_option(command, options->jobs, "Files checked");
    add_max_bytes_option(command, options->max_bytes);
    add_allow_empty_option(command, options->allow_empty);
    options->input_format.add_to(command);
    add_quiet_option(command, options->quiet, "Print only errors");
    options->config.add_to(command);
    command.footer(k_footer);
    return [options, &command] {
        options->config.apply(command);
        return run_validate(*options);
    };
}

} // namespace aijri::cli
