#include "app.hpp"
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <exception>
#include <iostream>
#include <string_view>
#include <sys/stat.h>

#include <fmt/format.h>

#include "aijri/io/file_source.hpp"
#include "aijri/io/output_file.hpp"
#include "aijri/util/text.hpp"

#include "commands.hpp"
#include "common.hpp"
#include "console.hpp"

namespace aijri::cli {
namespace {

struct CommandEntry {
    const char* name;
    const char* help;
    Runner (*setup)(CLI::App&);
    // A command whose revisions and paths are split off before CLI11 parses (DiffArguments).
    Runner (*setup_split)(CLI::App&, const DiffArguments&) = nullptr;
};

constexpr std::array<CommandEntry, 12> k_commands = {{
    {"score", "Score assessments and report the AIJRI, zone and sub-label", setup_score},
    {"robustness",
     "How firm each verdict is: margin, fewest edits to change the zone, swing, exact "
     "probabilities, sensitivity",
     setup_robustness},
    {"validate", "Check assessments: every error of every file, then the exit status",
     setup_validate},
    {"init", "Write a new assessment to fill in: every section, valid, never over a file",
     setup_init},
    {"schema", "Print the JSON Schema (2020-12) of the assessment format", setup_schema},
    {"methodology", "Print the embedded methodology definition (aijri-1)", setup_methodology},
    {"import", "Read an assessment document (Markdown, as published) into assessment JSON",
     setup_import},
    {"render", "Write an assessment as a document (Markdown) with the computed figures",
     setup_render},
    {"diff", "Compare scores between two folders or git revisions, and say which edits moved them",
     nullptr, setup_diff},
    {"history",
     "Each role's AIJRI and zone at every commit that changed its file or the methodology", nullptr,
     setup_history},
    {"config",
     "Print the settings taken from aijri.toml (the project config file) and where each came "
     "from",
     setup_config},
    {"version", "Print aijri's version (as --version does)", setup_version},
}};

// Where the command's name stands: the first argument that is not an option (options before
// it are aijri's own: --help, --version). argc when there is none.
int command_index(int argc, char** argv) {
    int first = 1;
    while (first < argc && argv[first][0] == '-') {
        ++first;
    }
    return first;
}

const CommandEntry* find_command(std::string_view name) {
    for (const CommandEntry& entry : k_commands) {
        if (name == entry.name) {
            return &entry;
        }
    }
    return nullptr;
}

// The commands that do something, as the table lists them (`version` is --version's twin).
std::string command_names() {
    std::string names;
    for (const CommandEntry& entry : k_commands) {
        if (std::string_view(entry.name) != "version") {
            names += (names.empty() ? "" : ", ") + std::string(entry.name);
        }
    }
    return names;
}

std::string unknown_command(std::string_view name) {
    std::vector<std::string_view> names;
    for (const CommandEntry& entry : k_commands) {
        names.emplace_back(entry.name);
    }
    std::string message = fmt::format("aijri: unknown command \"{}\"", sanitize(name));
    if (const auto near = closest_match(name, names)) {
        message += fmt::format("; did you mean \"{}\"?", *near);
    }
    return message + "\nRun `aijri --help` for the commands.\n";
}

// What CLI11 says of a command line, in aijri's words: the check messages are aijri's own
// already (common.hpp); what is left is an unknown option or argument, and a missing value.
std::string describe_parse_error(const CLI::ParseError& e, const CLI::App* command) {
    const std::string what = e.what();
    if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr && command != nullptr) {
        std::string message;
        for (const std::string& extra : command->remaining()) {
            if (!message.empty()) {
                message += "\n";
            }
            if (extra.size() > 1 && extra.front() == '-') {
                std::vector<std::string> names;
                for (const CLI::Option* option : command->get_options()) {
                    for (const std::string& name : option->get_lnames()) {
                        names.push_back("--" + name);
                    }
                }
                std::vector<std::string_view> views(names.begin(), names.end());
                const std::string name = extra.substr(0, extra.find('='));
                message += fmt::format("unknown option \"{}\"", sanitize(name));
                if (const auto near = closest_match(name, views)) {
                    message += fmt::format("; did you mean \"{}\"?", *near);
                }
            } else {
                message += fmt::format("unexpected argument \"{}\"", sanitize(extra));
            }
        }
        if (!message.empty()) {
            return message;
        }
    }
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
        // "--format: 1 required TEXT missing"
        const auto colon = what.find(':');
        if (colon != std::string::npos && what.find("missing") != std::string::npos) {
            return fmt::format("{} needs a value", what.substr(0, colon));
        }
    }
    return sanitize(what);
}

// For `aijri diff` and `aijri history`, everything after `--` is a path, and everything after
// `--end-of-options` (up to a `--`) is a revision or a side, never an option: CLI11 cannot
// tell these apart, so they are taken out here and handed over (see DiffArguments).
int split_diff_arguments(int argc, char** argv, DiffArguments& split) {
    int first = 1;
    while (first < argc && argv[first][0] == '-') {
        ++first;
    }
    if (first >= argc) {
        return argc;
    }
    const CommandEntry* command = find_command(argv[first]);
    if (command == nullptr || command->setup_split == nullptr) {
        return argc;
    }
    int end = argc;
    for (int i = first + 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--") {
            split.paths.assign(argv + i + 1, argv + argc);
            end = std::min(end, i);
            break;
        }
        if (end == argc && arg == "--end-of-options") {
            end = i;
            split.after_end_of_options = true;
        } else if (end != argc) {
            split.operands.emplace_back(arg);
        }
    }
    return end;
}

constexpr const char* k_footer = R"(Exit status:
  0  every assessment scored / valid
  1  an assessment is invalid, or a gate (--fail-under, --fail-on-zone, --fail-if-fragile)
     tripped
  2  usage or I/O error (unknown option, missing or unreadable file, a bad aijri.toml)

Examples:
  aijri score assessments/deep-learning-engineer.json
  aijri score --format json role.json
  aijri robustness assessments/deep-learning-engineer.json
  aijri validate assessments/*.json
  aijri schema > assessment.schema.json
  aijri diff --git HEAD~1 HEAD
Run `aijri COMMAND --help` for the options and examples of each command.)";

// `aijri score -x.json` reads -x.json as an option. When an argument that looks like an option
// is an existing file, the message says how to name it.
std::string dash_file_hint(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--") {
            break;
        }
        struct stat info {};
        if (arg.size() > 1 && arg.front() == '-' && ::stat(argv[i], &info) == 0) {
            return fmt::format("\n{0} is a file: to name a file that begins with '-', write "
                               "./{0} or put -- before the file names.",
                               sanitize(arg));
        }
    }
    return {};
}

// Help and the version go to standard output; a failed write there is an I/O error.
int exit_with_help(const CLI::App& app, const CLI::Error& e) {
    errno = 0;
    const int status = app.exit(e);
    std::cout.flush();
    if (!std::cout) {
        if (errno == EPIPE) {
            die_of_broken_pipe();
        }
        eprint("aijri: <stdout>: write failed: {}\n", std::strerror(errno));
        return k_exit_usage;
    }
    return status;
}

} // namespace

void build_app(CLI::App& app, Runner& runner, DiffArguments& split) {
    app.name("aijri");
    app.description("aijri: scores job-role AI-resilience assessments (AIJRI methodology)");
    // A callback: the embedded methodology is parsed only when the version is asked for.
    app.set_version_flag("-V,--version", std::function<std::string()>(version_line));
    app.require_subcommand(0, 1);
    app.footer(k_footer);
    for (const CommandEntry& entry : k_commands) {
        CLI::App* command = app.add_subcommand(entry.name, entry.help);
        Runner command_runner =
            entry.setup != nullptr ? entry.setup(*command) : entry.setup_split(*command, split);
        command->callback([&runner, command_runner] { runner = command_runner; });
    }
}

int run(int argc, char** argv) {
    prepare_process();
    CLI::App app;
    Runner runner;
    DiffArguments diff_split; // split off before CLI11 parses (split_diff_arguments)
    build_app(app, runner, diff_split);

    // The command is found here rather than by CLI11, so that a mistyped one is named.
    std::vector<std::string> arguments(argv, argv + argc);
    const int at = command_index(argc, argv);
    if (at < argc && std::string_view(argv[at]) == "help") {
        // `aijri help` and `aijri help CMD`, as `aijri --help` and `aijri CMD --help`.
        arguments.erase(arguments.begin() + at);
        if (at + 1 < argc && find_command(argv[at + 1]) == nullptr) {
            print_error(unknown_command(argv[at + 1]));
            return k_exit_usage;
        }
        arguments.emplace_back("--help");
    } else if (at < argc && find_command(argv[at]) == nullptr) {
        print_error(unknown_command(argv[at]));
        return k_exit_usage;
    }
    const CLI::App* command = nullptr;
    const std::size_t command_at = static_cast<std::size_t>(at);
    if (command_at < arguments.size() && find_command(arguments[command_at]) != nullptr) {
        command = app.get_subcommand(arguments[command_at]);
    }

    std::vector<char*> pointers;
    for (std::string& argument : arguments) {
        pointers.push_back(argument.data());
    }
    const int count = static_cast<int>(pointers.size());
    try {
        app.parse(split_diff_arguments(count, pointers.data(), diff_split), pointers.data());
    } catch (const CLI::CallForHelp& e) {
        return exit_with_help(app, e);
    } catch (const CLI::CallForAllHelp& e) {
        return exit_with_help(app, e);
    } catch (const CLI::CallForVersion& e) {
        return exit_with_help(app, e);
    } catch (const CLI::ParseError& e) {
        // Arguments may be file names from a glob, which can hold anything.
        const std::string where = command != nullptr ? " " + command->get_name() : "";
        eprint("aijri{}: {}{}\nRun `aijri{} --help` for usage.\n", where,
               describe_parse_error(e, command), dash_file_hint(argc, argv), where);
        return k_exit_usage;
    }
    if (!runner) {
        eprint("aijri: name a command: {}\nRun `aijri --help` for usage.\n", command_names());
        return k_exit_usage;
    }
    // A copy runs: `aijri config COMMAND ARGS` parses that command, whose callback sets
    // `runner` again while this one runs, and the command's options live in the closure.
    const Runner chosen = runner;
    try {
        return chosen();
    } catch (const Failure& failure) {
        // The one place errors are printed: messages name files, which can hold anything.
        eprint("{}\n", sanitize(failure.what(), /*keep_newlines=*/true));
        return failure.code;
    } catch (const BrokenPipe&) {
        die_of_broken_pipe();
    } catch (const IoError& e) {
        eprint("aijri: {}\n", sanitize(e.what(), true));
        return k_exit_usage;
    } catch (const std::exception& e) {
        eprint("aijri: internal error: {}\n", sanitize(e.what(), true));
        return k_exit_usage;
    }
}

} // namespace aijri::cli
