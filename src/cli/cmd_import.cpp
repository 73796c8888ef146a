#include <memory>
#include <optional>

#include <fmt/format.h>

#include "aijri/assessment/writer.hpp"
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

struct ImportCliOptions {
    std::string path;
    std::string output;
    std::string schema;
    std::optional<std::string> id;
    MethodologyOption methodology;
    std::size_t max_bytes = k_default_max_bytes;
    bool quiet = false;
    ConfigOption config;
};

void print(const std::string& file, const Diagnostics& diagnostics, bool warnings) {
    for (const Diagnostic& d : diagnostics) {
        if (warnings || d.severity == Severity::error) {
            eprint("{}\n", format_diagnostic_with_source(file, d));
        }
    }
}

int run_import(const ImportCliOptions& options) {
    if (options.path.empty()) {
        fail_usage("import", "name the document to read (DOC, or - for standard input)");
    }
    if (options.id && options.id->empty()) {
        throw Failure("aijri: import: --id: expected an id, found an empty value", k_exit_usage);
    }
    refuse_output_over_inputs(options.output, {options.path, options.methodology.file});
    const Methodology methodology = options.methodology.load();
    const std::string file = display_path(options.path);
    FileBuffer buffer;
    if (const auto problem = load_file(options.path, options.max_bytes, buffer)) {
        // The name may come from a glob over files anyone can add: never raw.
        eprint("{}: error: {}\n", sanitize(file), sanitize(problem->message));
        return problem->too_large ? k_exit_invalid : k_exit_usage;
    }
    ImportOptions import_options;
    import_options.schema = options.schema;
    import_options.methodology = &methodology;
    import_options.id = options.id.value_or("");
    const ImportResult result = import_document(buffer.text(), options.path, import_options);
    if (!result.assessment) {
        print(file, result.diagnostics, true);
        return result.methodology_error ? k_exit_usage : k_exit_invalid;
    }
    if (result.id_source == IdSource::standard_input) {
        // A file name gives a document its id; standard input has none to give, and an id
        // made up here ("stdin") would make every piped role the same role to diff.
        throw Failure("aijri: import: a document read from standard input needs an id: give "
                      "--id ID, or an ID row in its Role Definition table",
                      k_exit_usage);
    }
    // Written even when figures do not match: the JSON keeps them as the document states
    // them, where validate finds the same errors; the exit status says the assessment is
    // not valid yet.
    write_output(options.output, assessment_to_json(*result.assessment));
    print(file, result.diagnostics, !options.quiet);
    if (result.mismatches > 0) {
        eprint("aijri: {}: the assessment was written, but {} figure{} the document states "
               "{} not match {} computation\n",
               sanitize(file), result.mismatches, result.mismatches == 1 ? "" : "s",
               result.mismatches == 1 ? "does" : "do", result.mismatches == 1 ? "its" : "their");
        return k_exit_invalid;
    }
    return k_exit_ok;
}

} // namespace

constexpr const char* k_footer =
    R"(Reads a document in the form of the seed assessment (sections, pipe tables, the composite
worked out by hand) and writes the format-1 assessment JSON. Every figure the document
states is kept in "stated" and audited: one that does not follow from its inputs is an
error at its line, as `aijri validate` reports it; the JSON is written all the same, and
the exit status is 1. A document it cannot read is an error at its line (exit status 1,
nothing written).

Examples:
  aijri import role.md > role.json
  aijri import role.md -o assessments/role.json --schema ../schema/assessment.schema.json
  cat role.md | aijri import --id registered-nurse -)";

Runner setup_import(CLI::App& command) {
    auto options = std::make_shared<ImportCliOptions>();
    command.add_option("document", options->path, "Assessment document (- reads standard input)")
        ->type_name("DOC");
    add_output_option(command, options->output, "the assessment JSON");
    command
        .add_option("--id", options->id,
                    "The assessment's id (default: the document's ID row, else its file name "
                    "without the extension; required for - without an ID row)")
        ->type_name("ID");
    command
        .add_option("--schema", options->schema,
                    "Add \"$schema\": REF to the assessment, for editors "
                    "(e.g. ../schema/assessment.schema.json)")
        ->type_name("REF");
    options->methodology.add_to(command);
    add_max_bytes_option(command, options->max_bytes);
    add_quiet_option(command, options->quiet,
                     "Do not print warnings (columns the format has no place for); errors are "
                     "always printed");
    options->config.add_to(command);
    command.footer(k_footer);
    return [options, &command] {
        options->config.apply(command);
        return run_import(*options);
    };
}

} // namespace aijri::cli
