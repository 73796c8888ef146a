#include <array>
#include <memory>

#include <fmt/format.h>

#include "aijri/document/document.hpp"
#include "aijri/io/file_source.hpp"
#include "aijri/util/text.hpp"

#include "commands.hpp"
#include "common.hpp"
#include "console.hpp"
#include "project_config.hpp"
#include "write_output.hpp"

namespace aijri::cli {
namespace {

// What render writes: Markdown, for now the one document format.
enum class DocumentFormat { markdown };
constexpr std::array<EnumName<DocumentFormat>, 1> k_document_format_names = {{
    {"markdown", DocumentFormat::markdown},
}};

struct RenderOptions {
    std::string path;
    DocumentFormat format = DocumentFormat::markdown;
    std::string output;
    MethodologyOption methodology;
    std::size_t max_bytes = k_default_max_bytes;
    InputFormatOption input_format;
    ConfigOption config;
};

int run_render(const RenderOptions& options) {
    if (options.path.empty()) {
        fail_usage("render", "name the assessment to render (FILE, or - for standard input)");
    }
    refuse_output_over_inputs(options.output, {options.path, options.methodology.file});
    const Methodology methodology = options.methodology.load();
    FileBuffer buffer;
    if (const auto problem = load_file(options.path, options.max_bytes, buffer)) {
        // The name may come from a glob over files anyone can add: never raw.
        eprint("{}: error: {}\n", sanitize(display_path(options.path)), sanitize(problem->message));
        return problem->too_large ? k_exit_invalid : k_exit_usage;
    }
    AssessmentReader reader;
    const Evaluation evaluation =
        evaluate(reader, buffer.padded(), display_path(options.path), methodology,
                 ReadOptions{options.input_format.get(), false});
    print_diagnostics(evaluation, true); // errors, or the warnings of a valid one
    if (!evaluation.valid()) {
        return exit_status_of(evaluation);
    }
    Assessment assessment = *evaluation.assessment;
    if (options.path == "-" && assessment.id_from_file_name) {
        // Standard input has no name to give an id ("stdin" stands in for one): the
        // document gets no ID row rather than one every piped role would share.
        assessment.id.clear();
    }
    write_output(options.output, render_markdown(assessment, *evaluation.score, methodology),
                 GuardLines::yes);
    return k_exit_ok;
}

} // namespace

constexpr const char* k_footer =
    R"(Writes the assessment as a document in the form of the seed, with the computed figures,
as GitHub-flavoured Markdown. `aijri import` reads it back to the same assessment.

Examples:
  aijri render --format markdown assessments/deep-learning-engineer.json
  aijri render role.json -o role.md)";

Runner setup_render(CLI::App& command) {
    auto options = std::make_shared<RenderOptions>();
    command
        .add_option("path", options->path,
                    "Assessment file, JSON or a document (- reads standard input)")
        ->type_name("FILE");
    add_format_option(command, options->format, k_document_format_names, "Document format");
    add_output_option(command, options->output, "the document");
    options->methodology.add_to(command);
    add_max_bytes_option(command, options->max_bytes);
    options->input_format.add_to(command);
    options->config.add_to(command);
    command.footer(k_footer);
    return [options, &command] {
        options->config.apply(command);
        return run_render(*options);
    };
}

} // namespace aijri::cli
