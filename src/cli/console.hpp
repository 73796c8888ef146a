// Standard error, for people. A write that fails (a closed or full stderr, a reader that has
// gone) never stops the command: the exit status still says how it went. Every line passes
// through a LineGuard, since messages quote file names and file text.
#pragma once

#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace aijri::cli {

void print_error(std::string_view text);

template <typename... Args>
void eprint(fmt::format_string<Args...> format, Args&&... args) {
    print_error(fmt::format(format, std::forward<Args>(args)...));
}

// Before anything else: a standard descriptor that was closed at start is opened on
// /dev/null the wrong way round (stdin for writing, stdout and stderr for reading), so that
// no file aijri opens takes its number (a report would go where diagnostics were meant to)
// and every use of it fails as a closed one would. SIGPIPE is ignored (a git that dies is an
// error, not our death); a stdout whose reader has gone ends the process quietly instead
// (see die_of_broken_pipe). SIGINT, SIGTERM and SIGHUP clean up (aijri/interrupt.hpp).
void prepare_process();

// Ends the process as SIGPIPE would have, as `cat` ends in `cat file | head -1`.
[[noreturn]] void die_of_broken_pipe();

} // namespace aijri::cli
