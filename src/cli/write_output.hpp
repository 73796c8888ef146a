// Writing a command's single output, whole or not at all, and never over one of its inputs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "aijri/io/output_file.hpp"

namespace aijri::cli {

// Refuses (exit 2) when `output` names an existing file that the command reads: one of
// `inputs` (a file named directly, or any file a walk of a folder among them would read),
// however the path reaches it: a symbolic link, a hard link, "./". Called before anything is
// read or written. "" and "-" (standard output) are never inputs. `option` names the output in
// the message.
void refuse_output_over_inputs(const std::string& output, const std::vector<std::string>& inputs,
                               const std::string& option = "--output");

// Writes `text` to `path` through OutputFile ("" or "-" is standard output).
void write_output(const std::string& path, std::string_view text,
                  GuardLines guard = GuardLines::no);

} // namespace aijri::cli
