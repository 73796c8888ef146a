#include <memory>

#include <fmt/format.h>

#include "aijri/file_source.hpp"
#include "aijri/report_json.hpp"
#include "aijri/report_text.hpp"

#include "commands.hpp"
#include "common.hpp"
#include "terminal.hpp"

namespace aijri::cli {
namespace {

struct ScoreOptions {
    std::vector<std::string> paths;
    std::string format = "text";
    MethodologyOption methodology;
    std::string color = "auto";
    bool wide = false;
    std::size_t width = 0;
    std::size_t max_bytes = k_default_max_bytes;
};

int run_score(const ScoreOptions& options) {
    const Methodology methodology = options.methodology.load();
    AssessmentReader reader;
    FileBuffer buffer;
    TextStyle style;
    style.width = options.width != 0 ? options.width : terminal_width();
    style.color = use_color(options.color, stdout);
    style.wide = options.wide;
    const bool diagnostics_with_source = true;
    int status = k_exit_ok;
    for (const std::string& path : options.paths) {
        Evaluation evaluation;
        if (const auto problem = load_file(path, options.max_bytes, buffer)) {
            evaluation.file = display_name(path);
            evaluation.io_error = true;
            evaluation.diagnostics.push_back(make_error("", {}, *problem));
        } else {
            evaluation =
                evaluate(reader, buffer.text(), display_name(path), methodology, /*padded=*/true);
        }
        if (options.format == "json") {
            fmt::print("{}\n", result_json(evaluation, methodology).dump(2));
        } else if (evaluation.valid()) {
            fmt::print("{}", render_text_report(evaluation, methodology, style));
        }
        if (!evaluation.valid() && options.format == "text") {
            print_diagnostics(stderr, evaluation, diagnostics_with_source);
        }
        if (evaluation.io_error) {
            status = k_exit_usage;
        } else if (!evaluation.valid() && status == k_exit_ok) {
            status = k_exit_invalid;
        }
    }
    return status;
}

} // namespace

Runner setup_score(CLI::App& command) {
    auto options = std::make_shared<ScoreOptions>();
    command.add_option("paths", options->paths, "Assessment files (- reads standard input)")
        ->required()
        ->type_name("PATH...");
    command.add_option("-f,--format", options->format, "Output format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    options->methodology.add_to(command);
    command.add_option("--color", options->color, "Colour the zones: auto, always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    command.add_flag("--wide", options->wide, "Show rationales whole instead of shortened");
    command.add_option("--width", options->width,
                       "Columns to lay the report out in "
                       "(default: the terminal's, else 100)");
    command.add_option("--max-bytes", options->max_bytes, "Refuse files larger than this")
        ->capture_default_str();
    command.footer("Examples:\n"
                   "  aijri score assessments/deep-learning-engineer.json\n"
                   "  aijri score --wide role.json | less -R\n"
                   "  aijri score --format json role.json\n"
                   "  cat role.json | aijri score -\n"
                   "NO_COLOR=1 turns colour off; --color always forces it.");
    return [options] { return run_score(*options); };
}

} // namespace aijri::cli
