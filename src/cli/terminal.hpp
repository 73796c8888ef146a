// Everything aijri knows about terminals lives here, outside the core library.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

namespace aijri::cli {

bool is_terminal(std::FILE* stream);
// Columns of the terminal on stdout, else $COLUMNS, else 100.
std::size_t terminal_width();
// --color auto|always|never; auto means a terminal, no NO_COLOR and TERM is not "dumb".
bool use_color(const std::string& mode, std::FILE* stream);

} // namespace aijri::cli
