#pragma once

namespace aijri::cli {

// Parses the command line, runs one subcommand and returns the exit status.
int run(int argc, char** argv);

} // namespace aijri::cli
