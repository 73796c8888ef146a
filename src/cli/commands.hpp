// One file per subcommand: each declares its options on its CLI11 subcommand and returns
// the function that runs it once the command line is parsed.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace aijri::cli {

using Runner = std::function<int()>;

Runner setup_score(CLI::App& command);
Runner setup_robustness(CLI::App& command);
Runner setup_validate(CLI::App& command);
Runner setup_schema(CLI::App& command);
Runner setup_methodology(CLI::App& command);
Runner setup_import(CLI::App& command);
Runner setup_render(CLI::App& command);
Runner setup_version(CLI::App& command);
Runner setup_init(CLI::App& command);
Runner setup_config(CLI::App& command);

// What run() takes out of diff's arguments before CLI11 sees them: CLI11 cannot tell
// positionals before `--` from those after it (`aijri diff --git A B`, B a revision, and
// `aijri diff --git A -- B`, B a path), nor keep a revision such as "--output=x" from being
// read as an option.
struct DiffArguments {
    std::vector<std::string> operands; // after --end-of-options: sides or revisions
    std::vector<std::string> paths;    // after --
    bool after_end_of_options = false;
};
// `split` is filled by run() once the command line is split, before the command runs.
Runner setup_diff(CLI::App& command, const DiffArguments& split);
// `aijri history [REV_RANGE] [-- PATH...]` splits its arguments as diff does.
Runner setup_history(CLI::App& command, const DiffArguments& split);

} // namespace aijri::cli
