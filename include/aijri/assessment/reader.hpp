// Reading assessments: text in, an Assessment or every error of the text out.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "aijri/json/padded_text.hpp"
#include "aijri/model/assessment.hpp"
#include "aijri/util/diagnostic.hpp"
#include "aijri/util/text.hpp"

namespace aijri {

struct ReadResult {
    std::optional<Assessment> assessment; // set only when there is no error
    // With errors, what could be read of a document that parsed: its stated figures can
    // still be audited where no error touches the inputs they follow from.
    std::optional<Assessment> partial;
    Diagnostics diagnostics;
    // Without an assessment: the "id" the text gives, when it could be read (a non-empty
    // string), else "". A diff pairs an invalid file with its other version by it.
    std::string declared_id;
};

// Reads assessments one after another, reusing its buffers: one per thread in a batch.
class AssessmentReader {
public:
    AssessmentReader();
    ~AssessmentReader();
    AssessmentReader(const AssessmentReader&) = delete;
    AssessmentReader& operator=(const AssessmentReader&) = delete;

    // `source_name` is used for the default id (file name without .json).
    ReadResult read(std::string_view text, std::string_view source_name);
    // As read(), in place: the copy into a padded buffer is saved.
    ReadResult read(PaddedText text, std::string_view source_name);

    // Whether the prose is kept in the assessment read: rationales, the reinstatement note,
    // commentary and the role's descriptions (the title and an override's reason always
    // are). Every value is read and checked either way; scoring, batch reports and diffs
    // need none of the prose, and copying it was a sixth of reading a file. Default: kept.
    void keep_prose(bool keep);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace aijri
