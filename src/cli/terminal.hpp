// Everything aijri knows about terminals lives here, outside the core library.
#pragma once

#include <array>
#include <cstddef>
#include <cstdio>

#include "aijri/util/enum_names.hpp"

namespace aijri::cli {

bool is_terminal(std::FILE* stream);
// The widest layout: a report is built in memory line by line, and $COLUMNS or --width
// of a billion would make each line a billion bytes.
inline constexpr std::size_t k_widest = 10000;
// The narrowest layout every report keeps (its columns shrink, its separators fit).
inline constexpr std::size_t k_narrowest = 40;

// Columns of the terminal on stdout, else $COLUMNS, else 100; at least k_narrowest, at most
// k_widest.
std::size_t terminal_width();
// --color auto|always|never; auto means a terminal, no NO_COLOR and TERM is not "dumb".
enum class ColorChoice { automatic, always, never };
inline constexpr std::array<EnumName<ColorChoice>, 3> k_color_choice_names = {{
    {"auto", ColorChoice::automatic},
    {"always", ColorChoice::always},
    {"never", ColorChoice::never},
}};
bool use_color(ColorChoice choice, std::FILE* stream);

} // namespace aijri::cli
