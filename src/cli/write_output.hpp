// Writing a command's single output, whole or not at all.
#pragma once

#include <string>
#include <string_view>

namespace aijri::cli {

// Writes `text` to `path` through OutputFile ("" or "-" is standard output). A failure is a
// Failure with exit status 2 and the path in its message. `input`, when given, is the file
// the text was made from: writing over it is refused, as `score` refuses it.
void write_output(const std::string& path, std::string_view text, const std::string& input = "");

} // namespace aijri::cli
