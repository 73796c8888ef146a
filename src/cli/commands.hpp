// One file per subcommand: each declares its options on its CLI11 subcommand and returns
// the function that runs it once the command line is parsed.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace aijri::cli {

using Runner = std::function<int()>;

Runner setup_score(CLI::App& command);
Runner setup_validate(CLI::App& command);
Runner setup_schema(CLI::App& command);
Runner setup_methodology(CLI::App& command);
Runner setup_import(CLI::App& command);
Runner setup_render(CLI::App& command);

} // namespace aijri::cli
