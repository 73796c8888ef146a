// What the batch formats of `score` and of `robustness` share: the formats whose every
// result is a record of its own (json, jsonl, junit, github), made with the function that
// writes one result, and the helpers every format uses for a file that could not be scored.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "aijri/batch/evaluate.hpp"
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

std::size_t count_errors(const Evaluation& e);
// The first error, as "file:line:col: message".
std::string first_error(const Evaluation& e);
// The csv `status` of a file that has no score: unreadable, unscorable or invalid.
std::string status_of_invalid(const Evaluation& e);
// The file, with a JSON Lines record's line: "roles.jsonl:3".
std::string display_file(const Evaluation& e);
// "3 files: 1 Green, 1 Yellow, 0 Red, 1 invalid"
std::string zone_counts(const BatchTotals& t);
// After the rows of a text table: the counts, the gates tripped, ids used twice.
std::string text_footer(const BatchTotals& t, std::size_t width);
// The same after a Markdown table.
std::string markdown_footer(const BatchTotals& t);

} // namespace aijri::report_detail
