// aijri init [ID]: a new assessment to fill in, complete and valid, that warns of each of its
// placeholders until it is written, and never replaces a file.
#include <algorithm>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "aijri/assessment/reader.hpp"
#include "aijri/assessment/template.hpp"
#include "aijri/assessment/writer.hpp"
#include "aijri/io/file_source.hpp"
#include "aijri/io/output_file.hpp"
#include "aijri/util/text.hpp"

#include "commands.hpp"
#include "common.hpp"
#include "console.hpp"
#include "write_output.hpp"

namespace aijri::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t k_longest_id = 100;

struct InitOptions {
    std::string id = "new-role";
    std::string output;
};

// The id names the file: letters, digits, '-', '_' and '.', beginning with a letter or digit,
// so that it is one safe file name wherever the repository goes.
void check_id(const std::string& id) {
    const auto allowed = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_' || c == '.';
    };
    const auto bad = std::find_if_not(id.begin(), id.end(), allowed);
    const bool starts_well = !id.empty() && allowed(id.front()) && id.front() != '-' &&
                             id.front() != '_' && id.front() != '.';
    if (bad != id.end() || !starts_well || id.size() > k_longest_id) {
        fail_usage("init", fmt::format("ID: expected up to {} letters, digits, '-', '_' and '.', "
                                       "beginning with a letter or a digit (it names the file), "
                                       "found \"{}\"",
                                       k_longest_id, id));
    }
}

// The file to write: --output, else ID.json in the assessments folder when there is one.
std::string target_of(const InitOptions& o) {
    if (!o.output.empty()) {
        return o.output;
    }
    return git_paths_or_default({}).front() == "assessments" ? "assessments/" + o.id + ".json"
                                                             : o.id + ".json";
}

// "$schema": the project's schema/assessment.schema.json, found from the new file's folder
// upward and named relative to it, so that editors check the file as it is written.
std::optional<std::string> find_schema(const std::string& target) {
    std::error_code error;
    const fs::path folder = fs::absolute(target, error).parent_path();
    for (fs::path at = folder; !at.empty(); at = at.parent_path()) {
        if (fs::is_regular_file(at / "schema" / "assessment.schema.json", error)) {
            return (at / "schema" / "assessment.schema.json").lexically_relative(folder).string();
        }
        if (at == at.parent_path()) {
            break;
        }
    }
    return std::nullopt;
}

int run_init(const InitOptions& o) {
    check_id(o.id);
    const bool to_stdout = o.output == "-";
    const std::string target = target_of(o);
    // For standard output ("-"), relative to the working directory.
    const std::optional<std::string> schema = find_schema(target);
    const std::string text = assessment_to_json(
        new_assessment(o.id, schema.value_or("assessment.schema.json")), EmptyTexts::write);

    // What every command will say of it: valid, with its placeholders as warnings.
    AssessmentReader reader;
    const ReadResult read = reader.read(text, target);
    if (!read.assessment) {
        throw Failure("aijri init: internal error: the new assessment does not validate",
                      k_exit_usage);
    }
    const auto placeholders =
        std::count_if(read.diagnostics.begin(), read.diagnostics.end(),
                      [](const Diagnostic& d) { return d.severity == Severity::warning; });
    if (to_stdout) {
        write_output("-", text);
        return k_exit_ok;
    }
    try {
        create_new_file(target, text);
    } catch (const IoError& e) {
        throw Failure(fmt::format("aijri init: {}; init never replaces a file (name another ID, "
                                  "or -o FILE)",
                                  e.what()),
                      k_exit_usage);
    }
    eprint("aijri init: wrote {}, with {} placeholders to fill; `aijri validate {}` lists those "
           "left\n",
           sanitize(display_path(target)), placeholders, sanitize(display_path(target)));
    if (!schema) {
        eprint("aijri init: no schema/assessment.schema.json above it: write one beside it "
               "(aijri schema > assessment.schema.json) for editors to check the file\n");
    }
    return k_exit_ok;
}

} // namespace

Runner setup_init(CLI::App& command) {
    auto options = std::make_shared<InitOptions>();
    command
        .add_option("ID", options->id,
                    "The role's id, which names the file ID.json (default: new-role)")
        ->type_name("ID");
    command
        .add_option("-o,--output", options->output,
                    "Write to FILE (- for standard output) instead of assessments/ID.json, or "
                    "ID.json where there is no assessments folder; never over an existing file")
        ->type_name("FILE");
    command.footer(
        "Examples:\n"
        "  aijri init radiologist            # writes assessments/radiologist.json\n"
        "  aijri init radiologist -o - | less\n"
        "  aijri validate assessments/radiologist.json   # lists the placeholders left\n"
        "Every text is empty and the title and task begin with \"TODO\": each is a warning "
        "until it is written. Scores start neutral: set each one.");
    return [options] { return run_init(*options); };
}

} // namespace aijri::cli
