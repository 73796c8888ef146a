#include <memory>

#include <fmt/format.h>

#include "aijri/history/history.hpp"
#include "aijri/io/git_source.hpp"
#include "aijri/io/output_file.hpp"
#include "aijri/report/history.hpp"
#include "aijri/util/text.hpp"

#include "commands.hpp"
#include "common.hpp"
#include "console.hpp"
#include "project_config.hpp"
#include "terminal.hpp"
#include "write_output.hpp"

namespace aijri::cli {
namespace {

struct HistoryCommandOptions {
    std::vector<std::string> revisions;
    bool git = false; // history always reads git: accepted as `aijri diff --git` takes it
    HistoryFormat format = HistoryFormat::text;
    MethodologyOption methodology;
    ColorChoice color = ColorChoice::automatic;
    std::string output;
    std::size_t max_bytes = k_default_max_bytes;
    unsigned jobs = 0;
    bool allow_empty = false;
    InputFormatOption input_format;
    ConfigOption config;
};

int run_history(HistoryCommandOptions o, const DiffArguments& split) {
    o.revisions.insert(o.revisions.end(), split.operands.begin(), split.operands.end());
    refuse_output_over_inputs(o.output, {o.methodology.file});
    const Methodology methodology = o.methodology.load();
    HistoryOptions options;
    options.revisions = o.revisions;
    options.paths = git_paths_or_default(split.paths);
    options.methodology = &methodology;
    options.methodology_file = o.methodology.file;
    options.jobs = job_count(o.jobs);
    options.max_bytes = o.max_bytes;
    options.input_format = o.input_format.get();
    History history;
    try {
        history = read_history(options);
    } catch (const GitError& e) {
        throw Failure(fmt::format("aijri: history: {}", e.what()), k_exit_usage);
    } catch (const HistoryError& e) {
        throw Failure(fmt::format("aijri: history: {}", e.what()), k_exit_usage);
    }
    for (const std::string& warning : history.warnings) {
        eprint("aijri: warning: {}\n", sanitize(warning)); // documents that are no assessment
    }
    if (history.roles.empty() && !o.allow_empty) {
        fail_nothing_found("history", fmt::format("{}", fmt::join(options.paths, ", ")));
    }
    // JSON guards its own strings; the others pass through the CI log command filter.
    OutputFile out(o.output, o.format == HistoryFormat::json ? GuardLines::no : GuardLines::yes);
    HistoryReportStyle style;
    style.color = o.format == HistoryFormat::text &&
                  use_color(o.color, o.output.empty() || o.output == "-" ? stdout : nullptr);
    style.green_min = methodology.green_min;
    style.yellow_min = methodology.yellow_min;
    style.decimals = methodology.published_decimals;
    write_history_report(history, o.format, style,
                         [&out](std::string_view piece) { out.write(piece); });
    out.commit();
    // A history reports its invalid versions, and exits 0 for them: they are the past, and a
    // gate belongs on the present (score, validate, diff). A methodology that cannot score in
    // exact arithmetic is a usage error, as for score.
    return history.methodology_error ? k_exit_usage : k_exit_ok;
}

} // namespace

Runner setup_history(CLI::App& command, const DiffArguments& split) {
    auto options = std::make_shared<HistoryCommandOptions>();
    command
        .add_option("revisions", options->revisions,
                    "The commits to read, as git log takes them (A..B, a branch; default HEAD)")
        ->type_name("REV_RANGE");
    command.add_flag("--git", options->git,
                     "Accepted as diff takes it: history always reads the repository in the "
                     "current folder");
    add_format_option(command, options->format, k_history_format_names,
                      list_choices(k_history_format_names));
    options->methodology.add_to(command);
    add_color_option(command, options->color);
    add_output_option(command, options->output, "the report");
    add_jobs_option(command, options->jobs, "git readers and files scored");
    add_max_bytes_option(command, options->max_bytes);
    add_allow_empty_option(command, options->allow_empty);
    options->input_format.add_to(command);
    options->config.add_to(command);
    command.footer(
        "Each role's AIJRI and zone at every commit of the range that added, changed, renamed\n"
        "or deleted its file, or changed the methodology (when --methodology names a file of\n"
        "the repository, each commit is scored with its own version of it). Merges are\n"
        "followed along their first parent. A role is known by its \"id\" and keeps its series\n"
        "across renames. Paths after -- (default: assessments/ when there is one).\n\n"
        "Examples:\n"
        "  aijri history\n"
        "  aijri history v1.0..HEAD -- assessments/nursing\n"
        "  aijri history --format json -o history.json\n"
        "  aijri history --format html -o history.html\n"
        "  aijri history --methodology methodologies/aijri-1.json --format csv\n"
        "  aijri history --end-of-options \"$RANGE\"   # a range from a script: never an option");
    // `split` is filled in after this, before the command runs (see DiffArguments).
    return [options, &split, &command] {
        options->config.apply(command);
        return run_history(*options, split);
    };
}

} // namespace aijri::cli
