#include <fmt/format.h>

#include "aijri/schema.hpp"

#include "commands.hpp"
#include "common.hpp"

namespace aijri::cli {

Runner setup_schema(CLI::App& command) {
    command.footer("Example:\n  aijri schema > schema/assessment.schema.json\n"
                   "Point your editor's JSON validation at the file for completion and checks.");
    return [] {
        fmt::print("{}\n", assessment_schema().dump(2));
        return k_exit_ok;
    };
}

} // namespace aijri::cli
