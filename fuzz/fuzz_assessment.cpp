// The assessment reader, validator and engine on arbitrary bytes, and every report format,
// the rendered document and every diff output on what comes out. Properties: nothing throws,
// crashes or leaks; an evaluation is valid iff it has no error, and every error has a position;
// aijri-1 scores every valid assessment; reading in place (padded, as the CLI reads files and JSON
// Lines) and from a copy give the same diagnostics; every output is safe to print.
#include <cstdint>
#include <string>
#include <string_view>

#include "aijri/assessment/reader.hpp"
#include "aijri/batch/evaluate.hpp"

#include "fuzz_support.hpp"

using aijri::fuzz::check;

namespace {

aijri::Evaluation evaluate_padded(aijri::AssessmentReader& reader, std::string_view text,
                                  std::string_view followed_by) {
    // The bytes after the text are the reader's padding: zeros after a file, the rest of the
    // stream after a JSON Lines record.
    aijri::PaddedBuffer buffer;
    buffer.assign(std::string(text) + std::string(followed_by));
    return aijri::evaluate(reader, buffer.part(0, text.size()),
                           std::string(aijri::fuzz::k_hostile_name), aijri::builtin_methodology());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // One reader for every input, as each thread of a batch reuses its reader.
    static aijri::AssessmentReader reader;
    const aijri::Methodology& methodology = aijri::builtin_methodology();
    const std::string_view text = aijri::fuzz::as_text(data, size);

    const aijri::Evaluation e =
        aijri::evaluate(reader, text, std::string(aijri::fuzz::k_hostile_name), methodology);
    aijri::fuzz::check_evaluation(e);
    check(!e.methodology_error, "aijri-1 scores every valid assessment without overflow");
    for (const aijri::Diagnostic& d : e.diagnostics) {
        check(d.severity != aijri::Severity::error ||
                  (d.position.line > 0 && d.position.column > 0),
              "every error in a text has a line and column");
    }
    aijri::fuzz::render_everything(e, methodology);
    aijri::fuzz::check_robustness(e, methodology);
    aijri::fuzz::render_document_and_diffs(e, methodology);

    check(evaluate_padded(reader, text, "").diagnostics == e.diagnostics,
          "reading in place gives the diagnostics of reading a copy");
    // A JSON Lines record is read in place, followed by the rest of the stream.
    const auto newline = text.find('\n');
    if (newline != std::string_view::npos) {
        const std::string_view line = text.substr(0, newline);
        const aijri::Evaluation in_place = evaluate_padded(reader, line, text.substr(newline));
        const aijri::Evaluation copied =
            aijri::evaluate(reader, line, std::string(aijri::fuzz::k_hostile_name), methodology);
        check(in_place.diagnostics == copied.diagnostics,
              "a JSON Lines record read in place gives the diagnostics of a copy");
    }
    return 0;
}
