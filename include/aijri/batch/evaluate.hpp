// One assessment from text to verdict: read, validate, score, audit stated figures.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "aijri/assessment/reader.hpp"
#include "aijri/io/input_format.hpp"
#include "aijri/json/padded_text.hpp"
#include "aijri/model/assessment.hpp"
#include "aijri/model/methodology.hpp"
#include "aijri/robustness/robustness.hpp"
#include "aijri/scoring/engine.hpp"
#include "aijri/util/diagnostic.hpp"

namespace aijri {

struct Evaluation {
    std::string file; // as the user named it, for messages
    std::optional<Assessment> assessment;
    std::string declared_id;              // without an assessment: see ReadResult::declared_id
    std::optional<Score> score;           // set when the assessment has no error
    std::optional<Robustness> robustness; // set by analyse_robustness_of()
    Diagnostics diagnostics;              // errors, then warnings
    bool io_error = false;                // the file could not be read at all (exit status 2)
    bool methodology_error = false;       // the methodology could not score it (exit status 2)
    std::size_t record_line = 0;          // for a record of a JSON Lines stream: its line
    // A document found in a folder that is not an assessment document at all (a README.md
    // among the assessments): why it is skipped, worded as a walk's warning. Nothing else
    // is set, and it is no result: the caller reports it as a warning.
    std::string skipped;

    bool valid() const { return score.has_value(); }
};

// How evaluate() reads a text.
struct ReadOptions {
    InputFormat format = InputFormat::automatic;
    // The file was found in a folder (or a git tree) rather than named: a document in which
    // not one section of an assessment stands is skipped, not an error.
    bool found_in_folder = false;
};

// Reads `text` as JSON or as an assessment document, and nothing else decides which: by
// `how.format`, else by the extension of `file` (*.json; *.md, *.markdown), else by the
// content ("{" is JSON; a document has a section's title). A document's errors are at its
// own lines, its stated figures are audited as import audits them, and its id is the one
// import gives it. A text that is neither is an error that says what was expected.
// A methodology whose constants take exact arithmetic beyond 128 bits (see Rational) does
// not throw: the evaluation gets an error saying so, and `methodology_error`.
Evaluation evaluate(AssessmentReader& reader, std::string_view text, std::string file,
                    const Methodology& methodology, const ReadOptions& how = {});
// As above, reading the text in place (a loaded file, a JSON Lines record): no copy.
Evaluation evaluate(AssessmentReader& reader, PaddedText text, std::string file,
                    const Methodology& methodology, const ReadOptions& how = {});

// Analyses how firm a valid evaluation's formula verdict is (`aijri robustness`). A
// methodology the analysis cannot work with (a factor that can reach zero, constants beyond
// 128 bits) makes it an evaluation with that error and `methodology_error`, as scoring does.
void analyse_robustness_of(Evaluation& evaluation, const Methodology& methodology,
                           UncertaintyModel model);

} // namespace aijri
