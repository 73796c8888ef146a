// The reports of `aijri robustness`: how firm each role's formula verdict is, in every format
// `score` writes. They read the analysis an Evaluation carries (analyse_robustness_of()).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "aijri/batch/evaluate.hpp"
#include "aijri/model/methodology.hpp"
#include "aijri/report/batch.hpp"
#include "aijri/report/text.hpp"

namespace aijri {

// The full section of one role: margin, fewest edits, the tornado of swings, the zone
// probabilities and quantiles, the indices.
std::string render_robustness_text(const Evaluation& evaluation, const Methodology& methodology,
                                   const TextStyle& style);

// The robustness object of a role (the keys of README "aijri robustness"), or the errors of a
// file that could not be analysed, as append_result_json() writes them.
void append_robustness_json(std::string& out, const Evaluation& evaluation,
                            const Methodology& methodology,
                            const std::optional<std::string>& gate = std::nullopt, int indent = -1);

// text: a table, one row a role; json, jsonl, csv (a row a role), markdown, junit, github.
std::unique_ptr<BatchReport> make_robustness_report(BatchFormat format,
                                                    const Methodology& methodology,
                                                    const ReportStyle& style);

} // namespace aijri
