#include <string>

#include "commands.hpp"
#include "common.hpp"
#include "write_output.hpp"

namespace aijri::cli {

Runner setup_version(CLI::App& command) {
    command.footer("Example:\n  aijri version   # the same as aijri --version");
    return [] {
        write_output("-", version_line() + "\n");
        return k_exit_ok;
    };
}

} // namespace aijri::cli
