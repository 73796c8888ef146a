// Assessment documents: the form people write and publish (sections, pipe tables, the
// composite worked out by hand), imported into an Assessment and rendered from one.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "aijri/model/assessment.hpp"
#include "aijri/model/methodology.hpp"
#include "aijri/scoring/engine.hpp"
#include "aijri/util/diagnostic.hpp"

namespace aijri {

struct ImportOptions {
    std::string schema;                       // "$schema" for the assessment; "" for none
    const Methodology* methodology = nullptr; // for the audit; nullptr: the embedded aijri-1
    std::string id;                           // the assessment's id; "" for the document's
};

// Where an imported assessment's id comes from: ImportOptions::id, the ID row of the
// document's role table, or its file name. A document read from standard input without
// either has none of its own: it gets "stdin", as JSON read from there does.
enum class IdSource { option, document, file_name, standard_input };

struct ImportResult {
    // Set when the document could be read whole: it has no error, or only the audit's.
    std::optional<Assessment> assessment;
    // At the document's lines: what could not be read, the columns it dropped (warnings),
    // and the audit's errors: figures it states that do not follow from its inputs.
    Diagnostics diagnostics;
    // How many of the errors are the audit's. They are errors of the assessment, as
    // `validate` finds a stated figure that does not match in JSON; the assessment is still
    // given, holding the figures as the document states them.
    std::size_t mismatches = 0;
    // The methodology takes the audit beyond exact arithmetic (an error among the
    // diagnostics; no assessment): not the document's fault.
    bool methodology_error = false;
    IdSource id_source = IdSource::file_name;
    // False when the text has not one section of an assessment document, not even one
    // misnamed (an error says so): a README, not a broken assessment.
    bool is_document = true;
};

// Reads a document in the form of the seed (../shared/seed/deep-learning-engineer.md).
// Every figure the author wrote is kept in `stated`, with its place in the document.
ImportResult import_document(std::string_view text, std::string_view source_name,
                             const ImportOptions& options = {});

// Whether a line of `text` is the title of a section of an assessment document.
bool looks_like_document(std::string_view text);

// The document form of a scored assessment, as GitHub-flavoured Markdown, with the
// computed figures. Each figure the assessment states is shown at the precision it was
// stated with (it matches, or the assessment would not have scored), so that importing
// the document gives the assessment back.
std::string render_markdown(const Assessment& assessment, const Score& score,
                            const Methodology& methodology);

} // namespace aijri
