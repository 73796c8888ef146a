// One assessment from text to verdict: read, validate, score, audit stated figures.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "aijri/assessment.hpp"
#include "aijri/diagnostic.hpp"
#include "aijri/engine.hpp"
#include "aijri/methodology.hpp"
#include "aijri/reader.hpp"

namespace aijri {

struct Evaluation {
    std::string file; // as the user named it, for messages
    std::optional<Assessment> assessment;
    std::string declared_id;        // without an assessment: see ReadResult::declared_id
    std::optional<Score> score;     // set when the assessment has no error
    Diagnostics diagnostics;        // errors, then warnings
    bool io_error = false;          // the file could not be read at all (exit status 2)
    bool methodology_error = false; // the methodology could not score it (exit status 2)
    std::size_t record_line = 0;    // for a record of a JSON Lines stream: its line

    bool valid() const { return score.has_value(); }
};

// `text` must be followed by k_read_padding readable bytes when `padded` is true.
// A methodology whose constants take exact arithmetic beyond 128 bits (see Rational) does
// not throw: the evaluation gets an error saying so, and `methodology_error`.
Evaluation evaluate(AssessmentReader& reader, std::string_view text, std::string file,
                    const Methodology& methodology, bool padded = false);

} // namespace aijri
