// Shell completions for bash, zsh and fish, written from the command table
// (command_docs.hpp): the commands, each command's options, the enumerated values of an
// option (formats, --color, --sort, …), and file names where a value or an operand is one.
#pragma once

#include <string>

#include "command_docs.hpp"

namespace aijri::cli {

// For bash-completion's folder (share/bash-completion/completions/aijri): defines _aijri and
// registers it with `complete`; needs nothing of bash-completion's framework.
std::string bash_completion(const ProgramDoc& program);
// For zsh's fpath (share/zsh/site-functions/_aijri): a #compdef function on _arguments.
std::string zsh_completion(const ProgramDoc& program);
// For fish (share/fish/vendor_completions.d/aijri.fish): `complete` lines.
std::string fish_completion(const ProgramDoc& program);

// What a completion menu shows beside an option: the first clause of its help (up to ": " or
// "; " outside parentheses); past 80 characters, without its parenthesised asides; still
// longer, cut at a word with "...".
std::string short_help(const std::string& help);

} // namespace aijri::cli
