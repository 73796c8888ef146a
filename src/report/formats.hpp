// What the batch formats of `score` and of `robustness` share: the formats whose every
// result is a record of its own (json, jsonl, junit, github), made with the function that
// writes one result, and the helpers every format uses for a file that could not be scored.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aijri/batch/evaluate.hpp"
#include "aijri/json/writer.hpp"
#include "aijri/model/methodology.hpp"
#include "aijri/report/batch.hpp"

namespace aijri::report_detail {

// Writes one result as JSON (indent < 0: one line), with its gate if it tripped one.
using AppendJson = void (*)(std::string& out, const Evaluation& evaluation,
                            const Methodology& methodology, const std::optional<std::string>& gate,
                            int indent);
// A valid result in one line, for a JUnit test case's output and a CI log.
using SummaryLine = std::string (*)(const Evaluation& evaluation, const Methodology& methodology);

// format: json, jsonl, junit or github.
std::unique_ptr<BatchReport> make_record_report(BatchFormat format, const Methodology& methodology,
                                                AppendJson append, SummaryLine summary);

// `--format badge`, the same for score and robustness: shields.io endpoint JSON of the
// zone counts, written at the end.
std::unique_ptr<BatchReport> make_badge_report();

std::size_t count_errors(const Evaluation& e);
// The first error, as "file:line:col: message".
std::string first_error(const Evaluation& e);
// The csv `status` of a file that has no score: unreadable, unscorable or invalid.
std::string status_of_invalid(const Evaluation& e);
// The file, with a JSON Lines record's line: "roles.jsonl:3".
std::string display_file(const Evaluation& e);
// "3 files: 1 Green, 1 Yellow, 0 Red, 1 invalid"
std::string zone_counts(const BatchTotals& t);
// A line of a table without the spaces a last empty cell leaves.
std::string trimmed(std::string line);
// A CSV record: the cells (each already a field) joined, ended by CRLF.
std::string csv_row(const std::vector<std::string>& cells);
// The record of a file with no result in a CSV of `columns` columns: file, id, title,
// status, empty cells, and the diagnostics (one a line) last.
std::string csv_invalid_row(const Evaluation& e, std::size_t columns);
// The last cell of a result's record: its gate, then its warnings, one a line.
std::string csv_messages(const Evaluation& e, const std::optional<std::string>& gate);
// What closes every JSON result: a JSON Lines record's "line", a tripped gate's "gate".
void write_record_end(detail::JsonWriter& w, const Evaluation& e,
                      const std::optional<std::string>& gate);
// After the rows of a text table: the counts, the gates tripped, ids used twice.
std::string text_footer(const BatchTotals& t, std::size_t width);
// The same after a Markdown table.
std::string markdown_footer(const BatchTotals& t);

} // namespace aijri::report_detail
