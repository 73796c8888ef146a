// The figures of a score as every report for people writes them: the text report and the
// HTML page say "Evidence modifier: 1.0 + (4 × 0.06) = 1.24" in one wording, made here.
#pragma once

#include <string>
#include <vector>

#include "aijri/model/assessment.hpp"
#include "aijri/model/methodology.hpp"
#include "aijri/scoring/engine.hpp"

namespace aijri::report_detail {

std::string signed_int(int value); // "+2", "0", "-1"
// Two decimals by default; more only when the exact value needs them (shares with decimals).
std::string fig(const Rational& value);
std::string pct(const Rational& value); // "25%", "12.5%"
std::string impact_title(Impact impact);
// "Displacement/augmentation split: …" and the lines of the composite, from the task
// resistance to the zone; `zone_shown` is the zone's name as the report shows it (coloured,
// for a terminal).
std::string task_resistance_line(const Score& s, const Methodology& m);
std::string split_line(const Score& s);
std::vector<std::string> composite_lines(const Score& s, const Methodology& m,
                                         const std::string& zone_shown);
// The weighted points of a task: its share of time times its score.
Rational weighted_points(const Task& task);

// The rows of the assessment's tables, cell by cell, as every report for people lays them
// out (the text report and the page; each escapes and aligns them its own way).
using Rows = std::vector<std::vector<std::string>>;
Rows role_rows(const Assessment& a);                      // Field, Value
Rows principle_rows(const Assessment& a, const Score& s); // Principle, Score, Rationale
Rows task_rows(const Assessment& a,
               const Score& s); // Task, Time %, Score, Weighted, Impact, Rationale
Rows evidence_rows(const Assessment& a, const Score& s); // Dimension, Score, Rationale
Rows barrier_rows(const Assessment& a, const Score& s);  // Barrier, Score, Rationale
std::string quick_screen_line(const Score& s);
std::string reinstatement_text(const Reinstatement& r); // "Yes — note"

} // namespace aijri::report_detail
