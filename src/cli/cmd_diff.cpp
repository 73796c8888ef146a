#include <memory>
#include <sys/stat.h>

#include <fmt/format.h>

#include "aijri/diff/diff.hpp"
#include "aijri/diff/sides.hpp"
#include "aijri/io/git_source.hpp"
#include "aijri/io/output_file.hpp"
#include "aijri/json/dump.hpp"
#include "aijri/report/diff.hpp"
#include "aijri/util/text.hpp"

#include "commands.hpp"
#include "common.hpp"
#include "console.hpp"
#include "project_config.hpp"
#include "report_option.hpp"
#include "terminal.hpp"
#include "write_output.hpp"

namespace aijri::cli {
namespace {

struct DiffOptions {
    std::vector<std::string> arguments; // OLD NEW, or REV_A [REV_B] with --git
    bool git = false;
    DiffFormat format = DiffFormat::text;
    std::string methodology;
    std::string methodology_old;
    std::string methodology_new;
    bool fail_on_zone_change = false;
    std::string fail_on_drop;
    bool all = false;
    ColorChoice color = ColorChoice::automatic;
    std::string output;
    std::vector<std::string> reports; // --report FORMAT=FILE
    std::size_t max_bytes = k_default_max_bytes;
    unsigned jobs = 0;
    bool allow_empty = false;
    InputFormatOption input_format;
    ConfigOption config;
};

Methodology load_methodology_file(const std::string& file) {
    MethodologyOption option;
    option.file = file;
    return option.load();
}

// Everything the diff reads from files: --output must be none of them. With one revision,
// the new side is the working tree.
std::vector<std::string> inputs_of(const DiffOptions& o, const std::vector<std::string>& sides,
                                   const std::vector<std::string>& paths) {
    std::vector<std::string> inputs{o.methodology, o.methodology_old, o.methodology_new};
    if (!o.git) {
        inputs.insert(inputs.end(), sides.begin(), sides.end());
    } else if (sides.size() == 1) {
        const std::vector<std::string> tree = git_paths_or_default(paths);
        inputs.insert(inputs.end(), tree.begin(), tree.end());
    }
    return inputs;
}

int run_diff(DiffOptions o, const DiffArguments& split) {
    o.arguments.insert(o.arguments.end(), split.operands.begin(), split.operands.end());
    const std::vector<std::string> inputs = inputs_of(o, o.arguments, split.paths);
    refuse_output_over_inputs(o.output, inputs);
    const auto reports =
        parse_reports<DiffFormat>("diff", o.reports, o.output, k_diff_format_names);
    for (const ReportRequest<DiffFormat>& report : reports) {
        refuse_output_over_inputs(report.path, inputs, "--report");
    }
    const std::string both = o.methodology;
    const Methodology old_m =
        load_methodology_file(o.methodology_old.empty() ? both : o.methodology_old);
    const Methodology new_m =
        load_methodology_file(o.methodology_new.empty() ? both : o.methodology_new);
    DiffGates gates;
    if (o.fail_on_zone_change) {
        gates.fail_on_zone_change.value = true;
    }
    if (!o.fail_on_drop.empty()) {
        const ParsedNumber n = parse_json_number(o.fail_on_drop);
        if (n.problem != NumberProblem::none || n.literal.value < Rational(0)) {
            throw Failure(
                fmt::format("aijri: --fail-on-drop: expected a number of points, found \"{}\"",
                            o.fail_on_drop),
                k_exit_usage);
        }
        gates.fail_on_drop.value = n.literal.value;
    }
    // A gate the config file set is named with its place in the reason.
    gates.fail_on_zone_change.origin = o.config.settings.origin_of("diff.fail-on-zone-change");
    gates.fail_on_drop.origin = o.config.settings.origin_of("diff.fail-on-drop");

    DiffSideOptions sides;
    sides.old_methodology = &old_m;
    sides.new_methodology = &new_m;
    sides.jobs = job_count(o.jobs);
    sides.max_bytes = o.max_bytes;
    sides.input_format = o.input_format.get();
    std::vector<std::string> walk_warnings; // sarif: the run's notifications
    sides.on_walk_warning = [&walk_warnings](const std::string& warning) {
        eprint("aijri: warning: {}\n", sanitize(warning)); // names file names
        walk_warnings.push_back(warning);
    };
    DiffResult result;
    if (o.git) {
        if (o.arguments.empty() || o.arguments.size() > 2) {
            throw Failure("aijri: diff --git takes REV_A [REV_B] [-- PATH...]", k_exit_usage);
        }
        try {
            result = diff_git(o.arguments, git_paths_or_default(split.paths), sides);
        } catch (const GitError& e) {
            throw Failure(fmt::format("aijri: diff: {}", e.what()), k_exit_usage);
        }
    } else {
        if (o.arguments.size() != 2 || !split.paths.empty()) {
            throw Failure("aijri: diff takes OLD NEW (two files or two folders), or --git REV_A "
                          "[REV_B] [-- PATH...]",
                          k_exit_usage);
        }
        for (const std::string& side : o.arguments) {
            struct stat info {};
            if (::stat(side.c_str(), &info) != 0) {
                throw Failure(fmt::format("aijri: {}: no such file or folder", side), k_exit_usage);
            }
        }
        result = diff_folders(o.arguments[0], o.arguments[1], sides);
    }

    for (const std::string& warning : result.warnings) {
        eprint("aijri: warning: {}\n", sanitize(warning)); // documents that are no assessment
    }
    if (result.roles.empty() && !o.allow_empty) {
        fail_nothing_found(
            "diff", o.git ? fmt::format("{}", fmt::join(git_paths_or_default(split.paths), ", "))
                          : fmt::format("{}", fmt::join(o.arguments, " or ")));
    }
    const int decimals = new_m.published_decimals;
    apply_gates(result, gates, decimals);
    DiffReportStyle style;
    style.decimals = decimals;
    style.show_unchanged = o.all;
    style.annotate_places = o.git;
    style.methodology = &new_m;
    style.gates = gates;
    style.tool_version = AIJRI_VERSION;
    style.working_dir = working_dir();
    style.walk_warnings = std::move(walk_warnings);
    // The console's report, then each --report's, from the one result: every file opened and
    // written before any is committed, so that a failure leaves none behind.
    std::vector<std::unique_ptr<OutputFile>> files;
    const auto write = [&](DiffFormat format, const std::string& path, bool console) {
        // JSON guards its own strings, and the github format's commands are meant (it guards
        // its plain lines): every other report passes through the CI log command filter.
        const bool json = format == DiffFormat::json || format == DiffFormat::sarif ||
                          format == DiffFormat::gitlab;
        auto& out = files.emplace_back(std::make_unique<OutputFile>(
            path, json || format == DiffFormat::github ? GuardLines::no : GuardLines::yes));
        DiffReportStyle shown = style;
        shown.color = console && format == DiffFormat::text &&
                      use_color(o.color, path.empty() || path == "-" ? stdout : nullptr);
        write_diff_report(result, format, shown,
                          [&out](std::string_view piece) { out->write(piece); });
    };
    write(o.format, o.output, true);
    for (const ReportRequest<DiffFormat>& report : reports) {
        write(report.format, report.path, false);
    }
    for (const auto& out : files) {
        out->commit();
    }
    bool tripped = false;
    for (const RoleDiff& r : result.roles) {
        if (r.gate) {
            eprint("gate: {}: {}\n", sanitize(r.id), sanitize(*r.gate)); // the id is from a file
            tripped = true;
        }
    }
    // As for score: a methodology that cannot score or attribute in exact arithmetic is a
    // usage error, after every role is reported.
    for (const RoleDiff& r : result.roles) {
        if (r.methodology_error || r.io_error) {
            return k_exit_usage;
        }
    }
    // A role repaired (fixed) or one invalid file removed leaves nothing invalid behind.
    if (result.summary.invalid > 0 || result.summary.broken > 0 || tripped) {
        return k_exit_invalid;
    }
    return k_exit_ok;
}

} // namespace

Runner setup_diff(CLI::App& command, const DiffArguments& split) {
    auto options = std::make_shared<DiffOptions>();
    command
        .add_option("args", options->arguments,
                    "OLD NEW (files or folders), or REV_A [REV_B] with --git")
        ->type_name("OLD NEW | REV_A [REV_B]");
    command.add_flag("--git", options->git,
                     "Compare the assessments at two revisions of the repository in the current "
                     "folder (REV_B defaults to the working tree); paths after --");
    add_format_option(
        command, options->format, k_diff_format_names,
        list_choices(k_diff_format_names, {{"github", "workflow commands"},
                                           {"sarif", "SARIF 2.1.0, for code scanning"},
                                           {"gitlab", "GitLab Code Quality"}}));
    add_methodology_option(command, "--methodology", options->methodology,
                           "Methodology for both sides");
    add_methodology_option(command, "--methodology-old", options->methodology_old,
                           "Methodology for the old side");
    add_methodology_option(command, "--methodology-new", options->methodology_new,
                           "Methodology for the new side");
    command.add_flag("--fail-on-zone-change", options->fail_on_zone_change,
                     "Exit 1 when a role crosses a zone line");
    add_threshold_option(command, "--fail-on-drop", options->fail_on_drop,
                         "Exit 1 when a role's AIJRI drops by at least POINTS", "POINTS");
    command.add_flag("--all", options->all, "List unchanged roles too (text and html formats)");
    add_color_option(command, options->color);
    add_output_option(command, options->output, "the report");
    add_report_option(command, options->reports, choice_names(k_diff_format_names));
    add_jobs_option(command, options->jobs, "Files scored");
    add_max_bytes_option(command, options->max_bytes);
    add_allow_empty_option(command, options->allow_empty);
    options->input_format.add_to(command);
    options->config.add_to(command);
    command.footer(
        "Sides hold JSON assessments and documents (*.md) alike. Roles are paired by \"id\" (a\n"
        "document's ID row; else the file name without its extension). For each: added,\n"
        "removed, changed, unchanged, fixed (invalid before, valid now), broken (the reverse:\n"
        "exit 1) or invalid; old and new AIJRI; the change; and the inputs that caused it, with\n"
        "the points each one moved (they add up to the exact change of the formula).\n\n"
        "Examples:\n"
        "  aijri diff old/ new/\n"
        "  aijri diff --git HEAD~1 HEAD\n"
        "  aijri diff --git origin/main -- assessments/nursing\n"
        "  aijri diff --git main --format markdown --fail-on-zone-change > comment.md\n"
        "  aijri diff --git origin/main HEAD --format github --fail-on-drop 5\n"
        "  aijri diff --git origin/main HEAD --format junit -o diff.xml\n"
        "  aijri diff --git origin/main HEAD --format html -o diff.html\n"
        "  aijri diff --git origin/main HEAD --format sarif --fail-on-zone-change -o diff.sarif\n"
        "  aijri diff --git origin/main --format github --report markdown=comment.md --report "
        "sarif=diff.sarif\n"
        "  aijri diff --git --end-of-options \"$OLD\" \"$NEW\"   # revisions from a script: never "
        "options\n"
        "  aijri diff --methodology-old aijri-1.json --methodology-new draft.json a/ a/");
    // `split` is filled in after this, before the command runs (see DiffArguments).
    return [options, &split, &command] {
        options->config.apply(command);
        return run_diff(*options, split);
    };
}

} // namespace aijri::cli
