// The man pages, in roff (man(7) macros), written from the command table (command_docs.hpp):
// aijri(1), and aijri-COMMAND(1) for each command.
#pragma once

#include <string>
#include <string_view>

#include "command_docs.hpp"

namespace aijri::cli {

// aijri(1): the commands, the program's options, the exit status and examples.
std::string program_man_page(const ProgramDoc& program);
// aijri-COMMAND(1): synopsis, description, every option --help lists (with its choices and
// default), the exit status, the examples of its help, and the other pages.
std::string command_man_page(const CommandDoc& command, const ProgramDoc& program);
// "aijri-score": a command's page, and its file name without ".1".
std::string command_page_name(const CommandDoc& command, const ProgramDoc& program);

// Text made safe for roff: backslashes and hyphens escaped, every character past ASCII as
// its \[uXXXX] escape (groff reads its input as Latin-1 otherwise), and a line that would
// start with a control character ('.' or '\'') guarded.
std::string roff_escape(std::string_view text);

} // namespace aijri::cli
