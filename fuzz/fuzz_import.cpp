// The document importer (`aijri import`) on arbitrary bytes, then everything that follows an
// import: the assessment JSON it writes, read back and scored, every report format, the
// rendered document (`aijri render`) imported again, and every diff output. Properties:
// nothing throws, crashes or leaks; a document imports iff it has no error but figures
// that do not match (which validate finds again in the JSON), and every
// diagnostic has a position; what import writes is JSON that the reader accepts and that is
// safe to print; a scored import survives render → import (the same inputs, so a diff of
// the two finds nothing) and render → import → render is a fixed point; the document read
// as an input (score, validate, diff) scores as the JSON it imports to; every output is
// safe to print.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "aijri/assessment/writer.hpp"
#include "aijri/batch/evaluate.hpp"
#include "aijri/document/document.hpp"

#include "fuzz_support.hpp"

using aijri::fuzz::check;

namespace {

constexpr std::string_view k_document_name = "dir/role.md";

void check_diagnostics(const aijri::Diagnostics& diagnostics) {
    for (const aijri::Diagnostic& d : diagnostics) {
        check(d.position.line > 0 && d.position.column > 0, "every diagnostic has a position");
        check(aijri::fuzz::is_safe_to_print(
                  aijri::format_diagnostic_with_source(aijri::fuzz::k_hostile_name, d)),
              "a diagnostic of a document is safe to print");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static aijri::AssessmentReader reader;
    const aijri::Methodology& methodology = aijri::builtin_methodology();
    aijri::ImportOptions options;
    options.methodology = &methodology;
    const aijri::ImportResult imported =
        aijri::import_document(aijri::fuzz::as_text(data, size), k_document_name, options);
    std::size_t errors = 0;
    for (const aijri::Diagnostic& d : imported.diagnostics) {
        errors += d.severity == aijri::Severity::error ? 1 : 0;
    }
    check(imported.assessment.has_value() ==
              (errors == imported.mismatches && !imported.methodology_error),
          "a document imports iff it has no error but the audit's mismatches");
    check_diagnostics(imported.diagnostics);
    // The same bytes as an input of score, validate and diff: read as a document by the one
    // decoder, with import's errors and audit.
    const aijri::Evaluation as_input = aijri::evaluate(reader, aijri::fuzz::as_text(data, size),
                                                       std::string(k_document_name), methodology);
    aijri::fuzz::check_evaluation(as_input);
    aijri::fuzz::render_everything(as_input, methodology);
    check(!as_input.valid() || (imported.assessment && imported.mismatches == 0),
          "a document scores only when it imports without a mismatch");
    if (!imported.assessment) {
        return 0;
    }

    const std::string json = aijri::assessment_to_json(*imported.assessment);
    check(aijri::fuzz::is_safe_to_print(json), "the imported assessment JSON is safe to print");
    check(nlohmann::json::accept(json), "the imported assessment is JSON");
    const aijri::ReadResult read = reader.read(json, "role.json");
    check(read.assessment.has_value(), "the reader accepts every imported assessment");

    const aijri::Evaluation e = aijri::evaluate(reader, json, "role.json", methodology);
    aijri::fuzz::check_evaluation(e);
    check(!as_input.valid() ||
              (e.valid() && e.score->final_.aijri == as_input.score->final_.aijri &&
               e.score->final_.label == as_input.score->final_.label &&
               e.assessment->id == as_input.assessment->id),
          "a document scores as the JSON it imports to");
    aijri::fuzz::render_everything(e, methodology);
    aijri::fuzz::render_document_and_diffs(e, methodology);
    if (!e.valid()) {
        return 0; // a stated figure that does not match: render refuses it, as the CLI does
    }

    // render → import: the same assessment, its stated figures filled in.
    const std::string document = aijri::render_markdown(*e.assessment, *e.score, methodology);
    const aijri::ImportResult again = aijri::import_document(document, k_document_name, options);
    if (!again.assessment) {
        for (const aijri::Diagnostic& d : again.diagnostics) {
            std::fprintf(stderr, "%s\n", aijri::format_diagnostic_with_source("render", d).c_str());
        }
    }
    check(again.assessment.has_value(), "a rendered document imports");
    check(again.diagnostics.empty(), "a rendered document states no wrong figure");
    const std::string json_again = aijri::assessment_to_json(*again.assessment);
    const aijri::Evaluation e_again = aijri::evaluate(reader, json_again, "role.json", methodology);
    check(e_again.valid(), "the import of a rendered document scores");
    const aijri::DiffResult diff = aijri::diff_entries(
        {aijri::make_diff_entry(e)}, {aijri::make_diff_entry(e_again)}, methodology, methodology);
    check(diff.roles.size() == 1 && diff.roles.front().status == aijri::RoleStatus::unchanged,
          "render → import keeps every input and verdict");
    const std::string document_again =
        aijri::render_markdown(*e_again.assessment, *e_again.score, methodology);
    if (document_again != document) {
        std::fprintf(stderr, "render → import → render differs:\n--- first\n%s\n--- second\n%s\n",
                     aijri::sanitize(document, true).c_str(),
                     aijri::sanitize(document_again, true).c_str());
    }
    check(document_again == document, "render → import → render is a fixed point");
    return 0;
}
