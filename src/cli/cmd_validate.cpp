#include <memory>

#include <fmt/format.h>

#include "aijri/file_source.hpp"

#include "commands.hpp"
#include "common.hpp"
#include "terminal.hpp"

namespace aijri::cli {
namespace {

struct ValidateOptions {
    std::vector<std::string> paths;
    MethodologyOption methodology;
    std::size_t max_bytes = k_default_max_bytes;
    bool quiet = false;
};

int run_validate(const ValidateOptions& options) {
    const Methodology methodology = options.methodology.load();
    AssessmentReader reader;
    FileBuffer buffer;
    std::size_t valid = 0;
    std::size_t invalid = 0;
    bool io_error = false;
    for (const std::string& path : options.paths) {
        if (const auto problem = load_file(path, options.max_bytes, buffer)) {
            fmt::print("{}: error: {}\n", display_name(path), *problem);
            io_error = true;
            continue;
        }
        const Evaluation evaluation =
            evaluate(reader, buffer.text(), display_name(path), methodology, /*padded=*/true);
        if (evaluation.valid()) {
            ++valid;
            if (!options.quiet) {
                fmt::print("{}: ok\n", path);
            }
        } else {
            ++invalid;
        }
        if (!evaluation.valid() || !options.quiet) {
            print_diagnostics(stdout, evaluation, true);
        }
    }
    if (!options.quiet || invalid > 0) {
        fmt::print("{} valid, {} invalid\n", valid, invalid);
    }
    if (io_error) {
        return k_exit_usage;
    }
    return invalid > 0 ? k_exit_invalid : k_exit_ok;
}

} // namespace

Runner setup_validate(CLI::App& command) {
    auto options = std::make_shared<ValidateOptions>();
    command.add_option("paths", options->paths, "Assessment files (- reads standard input)")
        ->required()
        ->type_name("PATH...");
    options->methodology.add_to(command);
    command.add_option("--max-bytes", options->max_bytes, "Refuse files larger than this")
        ->capture_default_str();
    command.add_flag("-q,--quiet", options->quiet, "Print only errors");
    command.footer("Every error of every file is printed as file:line:col: error: /pointer: "
                   "message, with the\nline and a caret; stated figures are checked against "
                   "the computation.\n\nExamples:\n  aijri validate role.json\n"
                   "  aijri validate -q assessments/*.json");
    return [options] { return run_validate(*options); };
}

} // namespace aijri::cli
