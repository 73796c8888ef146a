#pragma once

#include <CLI/CLI.hpp>

#include "commands.hpp"

namespace aijri::cli {

// aijri's whole command line on `app`: the program's name, help, --version and footer, and a
// subcommand for each command of the table, its options declared by the command's setup_*
// function. `runner` is set to the work of the subcommand the command line names once it is
// parsed; `split` is filled by run() before the command runs (DiffArguments). run() parses
// with it; aijri-docgen (docgen.cpp) writes the man pages and shell completions from it, so
// that neither says a command or an option a second time.
void build_app(CLI::App& app, Runner& runner, DiffArguments& split);

// Parses the command line, runs one subcommand and returns the exit status.
int run(int argc, char** argv);

} // namespace aijri::cli
