// First pass over a document: lines become sections, each with its table, its labelled
// lines ("Raw: …") and its free text. Nothing is interpreted beyond the kind of each line.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aijri/util/diagnostic.hpp"

#include "syntax.hpp"

namespace aijri::detail {

// One document and its messages. Every piece of text handed around is a view into the
// document, so its line and column follow from where it points.
class DocumentSource {
public:
    DocumentSource(std::string_view text, Diagnostics& diagnostics)
        : m_text(text), m_index(text), m_diagnostics(diagnostics) {}

    std::string_view text() const { return m_text; }
    SourcePosition position_of(std::string_view piece) const;
    std::string line_text(std::size_t line) const { return std::string(m_index.line_text(line)); }
    // Just after the last line: where a missing section would have been.
    SourcePosition end() const;

    void error(std::string_view at, std::string message);
    void error_at(SourcePosition position, std::string message);
    // A stated figure that does not match the computed one (DiagnosticKind::stated_figure).
    void mismatch_at(SourcePosition position, std::string message);
    void warning_at(SourcePosition position, std::string message);
    bool has_errors() const { return aijri::has_errors(m_diagnostics); }

private:
    std::string_view m_text;
    LineIndex m_index;
    Diagnostics& m_diagnostics;
};

struct Row {
    std::string_view line;               // the trimmed line
    std::vector<std::string_view> cells; // trimmed, without the separating pipes
};

struct Table {
    Row header;
    std::vector<Row> rows;
};

struct Item {
    Label label;
    std::string_view label_text;
    std::string_view value;
};

// Free text: the section's own (heading = the section title) or under a sub-heading.
struct TextEntry {
    std::string heading;
    std::string_view line; // where it begins
    std::vector<std::string> lines;
};

struct Section {
    SectionKind kind = SectionKind::preamble;
    std::string_view title_line;
    std::size_t level = k_plain_level; // of its title (see TitleText)
    std::vector<Table> tables;         // more than one is an error, reported here
    std::vector<Item> items;
    std::vector<TextEntry> entries;
    bool duplicate = false; // an error, reported here; its content is not used
    // For an unknown section (an error, reported here; its content is not used): the
    // section its title was likely meant to be.
    std::optional<SectionKind> suggestion;
};

// The preamble (possibly empty) and then the sections in document order.
std::vector<Section> split_sections(DocumentSource& source);

} // namespace aijri::detail
