#include <fmt/format.h>

#include "commands.hpp"
#include "common.hpp"
#include "write_output.hpp"

namespace aijri::cli {

Runner setup_methodology(CLI::App& command) {
    command.footer("Example:\n  aijri methodology > my-method.json   # edit, rename, then\n"
                   "  aijri score --methodology my-method.json role.json");
    return [] {
        write_output("-", builtin_methodology_json());
        return k_exit_ok;
    };
}

} // namespace aijri::cli
