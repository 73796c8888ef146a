#include "write_output.hpp"
#include <stdexcept>

#include <fmt/format.h>

#include "aijri/output_file.hpp"

#include "common.hpp"

namespace aijri::cli {

void write_output(const std::string& path, std::string_view text, const std::string& input) {
    if (!input.empty() && input != "-" && same_file(input, path)) {
        throw Failure(fmt::format("aijri: --output {} is the input; write elsewhere", path),
                      k_exit_usage);
    }
    try {
        OutputFile out(path);
        out.write(text);
        out.commit();
    } catch (const std::runtime_error& e) {
        throw Failure(fmt::format("aijri: {}", e.what()), k_exit_usage);
    }
}

} // namespace aijri::cli
