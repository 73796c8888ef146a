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
Runner setup_validate(CLI::App& command);
Runner setup_schema(CLI::App& command);
Runner setup_methodology(CLI::App& command);
Runner setup_import(CLI::App& command);
Runner setup_render(CLI::App& command);
Runner setup_diff(CLI::App& command);

// CLI11 cannot tell positionals before `--` from those after it; `aijri diff --git A B`
// (B a revision) and `aijri diff --git A -- B` (B a path) differ only there, so run()
// splits diff's arguments at `--` itself and hands the paths over here.
void set_diff_trailing_paths(std::vector<std::string> paths);

} // namespace aijri::cli
