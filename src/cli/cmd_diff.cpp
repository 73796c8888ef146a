#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <sys/stat.h>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "aijri/batch/batch.hpp"
#include "aijri/diff/diff.hpp"
#include "aijri/io/git_source.hpp"
#include "aijri/io/output_file.hpp"
#include "aijri/io/walk.hpp"
#include "aijri/json/dump.hpp"
#include "aijri/report/diff.hpp"
#include "aijri/util/text.hpp"

#include "commands.hpp"
#include "common.hpp"
#include "console.hpp"
#include "terminal.hpp"
#include "write_output.hpp"

namespace aijri::cli {
namespace {

struct DiffOptions {
    std::vector<std::string> arguments; // OLD NEW, or REV_A [REV_B] with --git
    bool git = false;
    std::string format = "text";
    std::string methodology;
    std::string methodology_old;
    std::string methodology_new;
    bool fail_on_zone_change = false;
    std::string fail_on_drop;
    bool all = false;
    std::string color = "auto";
    std::string output;
    std::size_t max_bytes = k_default_max_bytes;
    unsigned jobs = 0;
    bool allow_empty = false;
    InputFormatOption input_format;
};

DiffArguments g_split; // see set_diff_arguments

Methodology load_methodology_file(const std::string& file) {
    MethodologyOption option;
    option.file = file;
    return option.load();
}

// A walk's files, its warnings printed.
std::vector<InputFile> walked(WalkResult walk) {
    for (const std::string& warning : walk.warnings) {
        eprint("aijri: warning: {}\n", sanitize(warning)); // names file names
    }
    return std::move(walk.files);
}

// The files of one side's folders, walked (their warnings printed), in folder order.
std::vector<InputFile> walk_folders(const std::vector<std::string>& paths, InputFormat format) {
    std::vector<InputFile> files;
    for (const std::string& path : paths) {
        std::vector<InputFile> more = walked(collect_inputs({path}, format));
        std::move(more.begin(), more.end(), std::back_inserter(files));
    }
    return files;
}

// Files are read as a batch reads them, and their texts dropped at once: a diff compares
// inputs and figures only.
BatchOptions side_options(const Methodology& m, const DiffOptions& o) {
    BatchOptions options;
    options.jobs = job_count(o.jobs);
    options.max_bytes = o.max_bytes;
    options.methodology = &m;
    options.keep_prose = false;
    options.input_format = o.input_format.get();
    return options;
}

// The new side is compared as it is scored (DiffBuilder): its files are never all held.
// They are the working tree's, walked from the current folder: `prefix` (git_prefix) makes
// their places paths from the top of the repository, as a revision's are.
DiffResult diff_with_side(std::vector<DiffEntry> old_side, const std::vector<InputFile>& files,
                          const std::string& prefix, const Methodology& old_m,
                          const Methodology& new_m, const DiffOptions& o) {
    DiffBuilder builder(std::move(old_side), files.size(), old_m, new_m);
    evaluate_all(files, side_options(new_m, o), [&](std::size_t i, Evaluation&& e) {
        DiffEntry entry = make_diff_entry(e);
        entry.place = std::filesystem::path(prefix + e.file).lexically_normal().generic_string();
        builder.add(i, std::move(entry));
    });
    return builder.finish();
}

// The files of one or two revisions, scored as they are read (see git_read_blobs); content
// that did not change between the revisions is read once.
struct GitSide {
    std::string revision;
    std::vector<GitFile> files;
    const Methodology* methodology = nullptr;
    std::vector<DiffEntry> entries;
};

// Every file of the sides, each file's old version just before its new one: git stores one
// of them as a delta of the other, and reads it cheaply while the other is still in its
// small cache of inflated objects (see git_read_blobs).
std::vector<std::pair<GitSide*, std::size_t>> reading_order(const std::vector<GitSide*>& sides) {
    std::vector<std::pair<GitSide*, std::size_t>> order;
    if (sides.size() != 2) {
        for (GitSide* side : sides) {
            for (std::size_t i = 0; i < side->files.size(); ++i) {
                order.emplace_back(side, i);
            }
        }
        return order;
    }
    std::unordered_map<std::string_view, std::size_t> newer;
    for (std::size_t i = 0; i < sides[1]->files.size(); ++i) {
        newer.emplace(sides[1]->files[i].path, i);
    }
    std::vector<bool> taken(sides[1]->files.size(), false);
    for (std::size_t i = 0; i < sides[0]->files.size(); ++i) {
        order.emplace_back(sides[0], i);
        if (const auto it = newer.find(sides[0]->files[i].path); it != newer.end()) {
            order.emplace_back(sides[1], it->second);
            taken[it->second] = true;
        }
    }
    for (std::size_t i = 0; i < taken.size(); ++i) {
        if (!taken[i]) {
            order.emplace_back(sides[1], i);
        }
    }
    return order;
}

void read_git_sides(std::vector<GitSide*> sides, const DiffOptions& o) {
    std::vector<std::string> unique_blobs;
    std::map<std::string, std::size_t> index_of;
    // For each unique blob, the (side, file) pairs that hold it.
    std::vector<std::vector<std::pair<GitSide*, std::size_t>>> users;
    for (GitSide* side : sides) {
        side->entries.resize(side->files.size());
    }
    for (const auto& [side, i] : reading_order(sides)) {
        const auto [it, inserted] = index_of.emplace(side->files[i].blob, unique_blobs.size());
        if (inserted) {
            unique_blobs.push_back(side->files[i].blob);
            users.emplace_back();
        }
        users[it->second].emplace_back(side, i);
    }
    const auto name = [](const GitSide& side, std::size_t i) {
        return fmt::format("{}:{}", side.revision, side.files[i].path);
    };
    git_read_blobs(
        unique_blobs, job_count(o.jobs), o.max_bytes,
        [&](std::size_t blob, std::string&& text) {
            // One reader per thread: a reader's buffers grow to fit a file once, then are reused.
            thread_local AssessmentReader reader;
            reader.keep_prose(false);
            for (const auto& [side, i] : users[blob]) {
                // Each slot is written by one thread only. A file of a tree is read as one
                // found in a folder: a document that is no assessment is skipped.
                side->entries[i] = make_diff_entry(
                    evaluate(reader, text, name(*side, i), *side->methodology,
                             ReadOptions{o.input_format.get(), /*found_in_folder=*/true}));
                side->entries[i].place = side->files[i].path;
            }
        },
        [&](std::size_t blob, std::size_t size) {
            // Refused from its size, as a file over --max-bytes is: an invalid file.
            for (const auto& [side, i] : users[blob]) {
                Evaluation e;
                e.file = name(*side, i);
                e.diagnostics.push_back(make_error("", {}, too_large(o.max_bytes, size).message));
                side->entries[i] = make_diff_entry(e);
                side->entries[i].place = side->files[i].path;
            }
        });
}

std::vector<std::string> default_paths() {
    if (!g_split.paths.empty()) {
        return g_split.paths;
    }
    // A repository holds other JSON (schemas, methodologies, tool configuration): by
    // default only its assessments folder is compared, when it has one.
    struct stat info {};
    if (::stat("assessments", &info) == 0 && S_ISDIR(info.st_mode)) {
        return {"assessments"};
    }
    return {"."};
}

// Everything the diff reads from files: --output must be none of them. With one revision,
// the new side is the working tree.
std::vector<std::string> inputs_of(const DiffOptions& o, const std::vector<std::string>& sides) {
    std::vector<std::string> inputs{o.methodology, o.methodology_old, o.methodology_new};
    if (!o.git) {
        inputs.insert(inputs.end(), sides.begin(), sides.end());
    } else if (sides.size() == 1) {
        const std::vector<std::string> tree = default_paths();
        inputs.insert(inputs.end(), tree.begin(), tree.end());
    }
    return inputs;
}

int run_diff(DiffOptions o) {
    o.arguments.insert(o.arguments.end(), g_split.operands.begin(), g_split.operands.end());
    refuse_output_over_inputs(o.output, inputs_of(o, o.arguments));
    const std::string both = o.methodology;
    const Methodology old_m =
        load_methodology_file(o.methodology_old.empty() ? both : o.methodology_old);
    const Methodology new_m =
        load_methodology_file(o.methodology_new.empty() ? both : o.methodology_new);
    DiffGates gates;
    gates.fail_on_zone_change = o.fail_on_zone_change;
    if (!o.fail_on_drop.empty()) {
        const ParsedNumber n = parse_json_number(o.fail_on_drop);
        if (n.problem != NumberProblem::none || n.literal.value < Rational(0)) {
            throw Failure(
                fmt::format("aijri: --fail-on-drop: expected a number of points, found \"{}\"",
                            o.fail_on_drop),
                k_exit_usage);
        }
        gates.fail_on_drop = n.literal.value;
    }

    DiffResult result;
    if (o.git) {
        if (o.arguments.empty() || o.arguments.size() > 2) {
            throw Failure("aijri: diff --git takes REV_A [REV_B] [-- PATH...]", k_exit_usage);
        }
        const std::vector<std::string> paths = default_paths();
        const auto list = [&paths, &o](const std::string& revision) {
            return git_list_json(git_resolve_commit(revision), paths, o.input_format.get());
        };
        try {
            // Each side costs two git processes; the second side's run alongside the first's.
            std::future<std::vector<GitFile>> new_files;
            if (o.arguments.size() == 2) {
                new_files = std::async(std::launch::async, list, o.arguments[1]);
            }
            GitSide a{o.arguments[0], list(o.arguments[0]), &old_m, {}};
            if (o.arguments.size() == 2) {
                GitSide b{o.arguments[1], new_files.get(), &new_m, {}};
                read_git_sides({&a, &b}, o);
                result = diff_entries(std::move(a.entries), std::move(b.entries), old_m, new_m,
                                      job_count(o.jobs));
            } else {
                read_git_sides({&a}, o);
                result =
                    diff_with_side(std::move(a.entries), walk_folders(paths, o.input_format.get()),
                                   git_prefix(), old_m, new_m, o);
            }
        } catch (const GitError& e) {
            throw Failure(fmt::format("aijri: diff: {}", e.what()), k_exit_usage);
        }
    } else {
        if (o.arguments.size() != 2 || !g_split.paths.empty()) {
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
        // The sides are walked at once, on two threads; the old side's warnings still come
        // first.
        const InputFormat format = o.input_format.get();
        auto new_walk = std::async(
            std::launch::async, [&o, format] { return collect_inputs({o.arguments[1]}, format); });
        std::vector<InputFile> old_files = walk_folders({o.arguments[0]}, format);
        result = diff_files(std::move(old_files), o.arguments[0], walked(new_walk.get()),
                            o.arguments[1], old_m, new_m, side_options(new_m, o));
    }

    for (const std::string& warning : result.warnings) {
        eprint("aijri: warning: {}\n", sanitize(warning)); // documents that are no assessment
    }
    if (result.roles.empty() && !o.allow_empty) {
        fail_nothing_found("diff", o.git ? fmt::format("{}", fmt::join(default_paths(), ", "))
                                         : fmt::format("{}", fmt::join(o.arguments, " or ")));
    }
    const int decimals = new_m.published_decimals;
    apply_gates(result, gates, decimals);
    const DiffFormat format = *diff_format_from_string(o.format);
    // JSON guards its own strings, and the github format's commands are meant (it guards its
    // plain lines): every other report passes through the CI log command filter.
    OutputFile out(o.output, format == DiffFormat::json || format == DiffFormat::github
                                 ? GuardLines::no
                                 : GuardLines::yes);
    DiffReportStyle style;
    style.decimals = decimals;
    style.color = format == DiffFormat::text &&
                  use_color(o.color, o.output.empty() || o.output == "-" ? stdout : nullptr);
    style.show_unchanged = o.all;
    style.annotate_places = o.git;
    write_diff_report(result, format, style, [&out](std::string_view piece) { out.write(piece); });
    out.commit();
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

void set_diff_arguments(DiffArguments arguments) {
    g_split = std::move(arguments);
}

Runner setup_diff(CLI::App& command) {
    auto options = std::make_shared<DiffOptions>();
    command
        .add_option("args", options->arguments,
                    "OLD NEW (files or folders), or REV_A [REV_B] with --git")
        ->type_name("OLD NEW | REV_A [REV_B]");
    command.add_flag("--git", options->git,
                     "Compare the assessments at two revisions of the repository in the current "
                     "folder (REV_B defaults to the working tree); paths after --");
    add_format_option(command, options->format,
                      {"text", "json", "markdown", "csv", "junit", "github"},
                      "text, json, markdown, csv, junit or github (workflow commands)");
    command.add_option("--methodology", options->methodology, "Methodology for both sides")
        ->type_name("FILE");
    command
        .add_option("--methodology-old", options->methodology_old, "Methodology for the old side")
        ->type_name("FILE");
    command
        .add_option("--methodology-new", options->methodology_new, "Methodology for the new side")
        ->type_name("FILE");
    command.add_flag("--fail-on-zone-change", options->fail_on_zone_change,
                     "Exit 1 when a role crosses a zone line");
    add_threshold_option(command, "--fail-on-drop", options->fail_on_drop,
                         "Exit 1 when a role's AIJRI drops by at least POINTS", "POINTS");
    command.add_flag("--all", options->all, "List unchanged roles too (text format)");
    add_color_option(command, options->color);
    add_output_option(command, options->output, "the report");
    add_jobs_option(command, options->jobs, "Files scored");
    add_max_bytes_option(command, options->max_bytes);
    add_allow_empty_option(command, options->allow_empty);
    options->input_format.add_to(command);
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
        "  aijri diff --git --end-of-options \"$OLD\" \"$NEW\"   # revisions from a script: never "
        "options\n"
        "  aijri diff --methodology-old aijri-1.json --methodology-new draft.json a/ a/");
    return [options] { return run_diff(*options); };
}

} // namespace aijri::cli
