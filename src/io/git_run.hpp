// Running git to completion, for the readers of the repository in this module
// (git_source.cpp, git_log.cpp): always without a shell, its output and errors read together.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace aijri::detail {

struct Completed {
    int status = -1; // git's exit status; -1 when it died of a signal
    std::string out;
    std::string err;
};

// Runs `git ARGUMENTS...` with /dev/null as its input.
Completed run_git(const std::vector<std::string>& arguments);

// The first line of git's output or errors, for a message.
std::string first_line(const std::string& text);

// A path with a hidden file or folder in it (a name beginning with '.'), which a folder walk
// skips.
bool is_hidden_path(std::string_view path);

} // namespace aijri::detail
