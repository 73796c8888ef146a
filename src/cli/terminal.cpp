#include "terminal.hpp"
#include <algorithm>
#include <cstdlib>
#include <string_view>
#include <sys/ioctl.h>
#include <unistd.h>

namespace aijri::cli {

bool is_terminal(std::FILE* stream) {
    return ::isatty(::fileno(stream)) == 1;
}

std::size_t terminal_width() {
    constexpr std::size_t k_default = 100;
    struct winsize size {};
    if (is_terminal(stdout) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        return std::clamp<std::size_t>(size.ws_col, k_narrowest, k_widest);
    }
    if (const char* columns = std::getenv("COLUMNS")) {
        const long value = std::strtol(columns, nullptr, 10);
        if (value > 0) {
            return std::clamp<std::size_t>(static_cast<std::size_t>(value), k_narrowest, k_widest);
        }
    }
    return k_default;
}

bool use_color(ColorChoice choice, std::FILE* stream) {
    if (choice == ColorChoice::always) {
        return true;
    }
    if (choice == ColorChoice::never ||
        stream == nullptr) { // nullptr: a file, never coloured by default
        return false;
    }
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color != nullptr && *no_color != '\0') {
        return false;
    }
    const char* term = std::getenv("TERM");
    if (term != nullptr && std::string_view(term) == "dumb") {
        return false;
    }
    return is_terminal(stream);
}

} // namespace aijri::cli
