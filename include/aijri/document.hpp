// Assessment documents: the form people write and publish (sections, pipe tables, the
// composite worked out by hand), imported into an Assessment and rendered from one.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "aijri/assessment.hpp"
#include "aijri/diagnostic.hpp"
#include "aijri/engine.hpp"
#include "aijri/methodology.hpp"

namespace aijri {

struct ImportOptions {
    std::string schema;                       // "$schema" for the assessment; "" for none
    const Methodology* methodology = nullptr; // for the audit; nullptr: the embedded aijri-1
};

struct ImportResult {
    std::optional<Assessment> assessment; // set when the document has no error
    // Errors (file line and column of the document), or, for an imported document, the
    // warnings of its audit: figures it states that do not follow from its inputs.
    Diagnostics diagnostics;
};

// Reads a document in the form of the seed (../shared/seed/deep-learning-engineer.md).
// Every figure the author wrote is kept in `stated`, with its place in the document.
ImportResult import_document(std::string_view text, std::string_view source_name,
                             const ImportOptions& options = {});

// The id of a document: its file name without folders and extension; "stdin" for "-".
std::string document_id(std::string_view path);

// The document form of a scored assessment, as GitHub-flavoured Markdown, with the
// computed figures. Each figure the assessment states is shown at the precision it was
// stated with (it matches, or the assessment would not have scored), so that importing
// the document gives the assessment back.
std::string render_markdown(const Assessment& assessment, const Score& score,
                            const Methodology& methodology);

} // namespace aijri
