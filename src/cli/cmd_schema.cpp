#include <fmt/format.h>

#include "aijri/model/schema.hpp"

#include "commands.hpp"
#include "common.hpp"
#include "write_output.hpp"

namespace aijri::cli {

Runner setup_schema(CLI::App& command) {
    command.footer("Example:\n  aijri schema > schema/assessment.schema.json\n"
                   "Point your editor's JSON validation at the file for completion and checks.");
    return [] {
        write_output("-", assessment_schema() + "\n");
        return k_exit_ok;
    };
}

} // namespace aijri::cli
