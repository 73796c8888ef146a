#include "common.hpp"

#include <fmt/format.h>

#include "aijri/file_source.hpp"
#include "aijri/text.hpp"

#include "console.hpp"

namespace aijri::cli {

void MethodologyOption::add_to(CLI::App& app) {
    app.add_option("--methodology", file,
                   "Methodology definition to score with (default: the embedded aijri-1; "
                   "`aijri methodology` prints it as a starting point)")
        ->type_name("FILE");
}

Methodology MethodologyOption::load() const {
    if (file.empty()) {
        return builtin_methodology();
    }
    FileBuffer buffer;
    if (const auto problem = load_file(file, k_default_max_bytes, buffer)) {
        throw Failure(fmt::format("aijri: {}: {}", file, problem->message), k_exit_usage);
    }
    MethodologyLoad load = read_methodology(buffer.text());
    if (!load.methodology) {
        std::string message;
        for (const Diagnostic& d : load.diagnostics) {
            message += (message.empty() ? "" : "\n") + format_diagnostic_with_source(file, d);
        }
        throw Failure(message, k_exit_usage);
    }
    return *load.methodology;
}

void InputFormatOption::add_to(CLI::App& app) {
    app.add_option("--input-format", value,
                   "How files are read: auto (*.json as JSON, *.md and *.markdown as documents, "
                   "folders walked for both; other names by content), json or markdown (every "
                   "file as one kind; folders walked for that kind only)")
        ->check(CLI::IsMember({"auto", "json", "markdown"}))
        ->capture_default_str();
}

InputFormat InputFormatOption::get() const {
    return input_format_from_string(value).value_or(InputFormat::automatic);
}

void add_max_bytes_option(CLI::App& app, std::size_t& max_bytes) {
    // CLI11 reads "-5" into a size_t as 2^64 - 5; validating the text as a signed number
    // first refuses it with its own value in the message.
    app.add_option("--max-bytes", max_bytes,
                   "Refuse files (and --jsonl-input lines) larger than N bytes, from their size, "
                   "before reading them")
        ->type_name("N")
        ->check(CLI::Range(std::int64_t{1}, static_cast<std::int64_t>(k_largest_max_bytes)))
        ->capture_default_str();
}

int exit_status_of(const Evaluation& evaluation) {
    if (evaluation.io_error || evaluation.methodology_error) {
        return k_exit_usage;
    }
    return evaluation.valid() ? k_exit_ok : k_exit_invalid;
}

void print_diagnostics(const Evaluation& evaluation, bool with_source) {
    for (const Diagnostic& d : evaluation.diagnostics) {
        const std::string text = with_source ? format_diagnostic_with_source(evaluation.file, d)
                                             : sanitize(format_diagnostic(evaluation.file, d));
        eprint("{}\n", text);
    }
}

CLI::Option* add_threshold_option(CLI::App& app, const std::string& name, std::string& value,
                                  const std::string& help, const std::string& type_name) {
    return app.add_option(name, value, help)
        ->type_name(type_name)
        ->check(CLI::Validator(
            [](const std::string& text) -> std::string {
                return text.empty() ? "expected a number, found an empty value" : "";
            },
            "", "not empty"));
}

} // namespace aijri::cli
