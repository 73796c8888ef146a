// The importer's shared state and its parts: the driver (document_import.cpp) reads the
// sections in order and hands each table or labelled line to the reader of its kind
// (document_tables.cpp, document_task_table.cpp, document_lines.cpp).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "aijri/model/assessment.hpp"
#include "aijri/model/methodology.hpp"
#include "aijri/scoring/engine.hpp"

#include "blocks.hpp"
#include "statements.hpp"

namespace aijri::detail {

struct ImportContext {
    DocumentSource& source;
    const Methodology& methodology;
    Assessment out;
    Statements statements;
    std::string_view seniority_note_row; // a seniority note given in the role table
    std::string id;                      // the role table's ID row, if it has one
    // The figures of the tables read so far, when they were read without error: messages
    // about a labelled line show its expected form with the document's own figures.
    std::optional<Score> preview;
};

// "\"two\"", or "an empty cell", for messages.
std::string quote(std::string_view text);
// The text of a cell or value: bold around all of it is presentation; escapes are decoded.
std::string text_of(std::string_view raw);

template <std::size_t N>
std::string list_names(const std::array<std::string_view, N>& names) {
    std::string out;
    for (std::size_t i = 0; i < N; ++i) {
        out += fmt::format("{}\"{}\"", i == 0 ? "" : ", ", names[i]);
    }
    return out;
}

// A column of rationales: "Rationale", "Evidence", "Notes", …, as a word_key.
bool is_rationale_header(const std::string& key);
// A column of score ranges: "Range", "Score range".
bool is_range_header(const std::string& key);
// Checks every table shares.
bool check_cell_count(DocumentSource& source, const Table& table, const Row& row);
// A table of a name and a value; more columns than two are dropped with a warning.
bool check_two_columns(DocumentSource& source, const Table& table, std::string_view what,
                       std::string_view example);
// A column that is not part of the format: dropped with a warning that names it.
void extra_column(DocumentSource& source, std::string_view header, std::string_view what,
                  std::string_view columns);
void duplicate_row(DocumentSource& source, const Row& row, std::string_view name,
                   std::string_view first);
// The figures of a total row: its non-empty cells after the label.
std::vector<std::string_view> total_values(const Row& row);
// An integer score from min to max, written "2", "+2" or "2/max".
std::optional<int> read_score(DocumentSource& source, std::string_view cell, std::string_view at,
                              int min, int max, std::string_view what);

// A score range cell ("2–4"; empty: no range) of an input of `bounds` scored `score`
// (nullopt: the score could not be read, and says nothing of the range).
std::optional<ScoreRange> read_range(DocumentSource& source, std::string_view cell,
                                     ScoreBounds bounds, std::optional<int> score);

// The tables of the sections.
void read_role_table(ImportContext& context, const Table& table);
void read_principles(ImportContext& context, const Table& table);
void read_evidence(ImportContext& context, const Table& table);
void read_barriers(ImportContext& context, const Table& table);
void read_tasks(ImportContext& context, const Table& table);
// The rows of a two-column table (JobZone Composite Score, Sub-Label Determination) are
// read as labelled lines.
void add_table_items(ImportContext& context, SectionKind kind, const Table& table,
                     std::vector<Item>& items);
// Labelled lines ("Raw: …"), section by section, in document order.
void read_items(ImportContext& context, std::vector<std::vector<Item>>& sections);

} // namespace aijri::detail
