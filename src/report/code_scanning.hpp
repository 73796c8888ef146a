// What the two code-scanning formats share: `sarif` (SARIF 2.1.0, for GitHub code scanning
// and editors) and `gitlab` (GitLab's Code Quality report). Every problem of a run is a
// Finding, filed under one check of a fixed table (the SARIF rules), at a file and a place in
// it, with a fingerprint that follows it from run to run. The formats only lay findings out.
#pragma once

#include <array>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aijri/batch/evaluate.hpp"
#include "aijri/diff/diff.hpp"
#include "aijri/model/methodology.hpp"
#include "aijri/report/batch.hpp"
#include "aijri/report/diff.hpp"
#include "aijri/util/diagnostic.hpp"

#include "diff_parts.hpp"

namespace aijri::report_detail {

// Every kind of problem aijri reports, each a SARIF rule (README "Code scanning").
enum class Check {
    invalid_assessment, // an error of a file that breaks the format
    stated_mismatch,    // a stated figure that is not the computed one
    assessment_warning, // a warning of an assessment
    not_scored,         // a file that could not be read, or scored with the methodology
    duplicate_id,       // an id used by more than one file
    fail_under,         // --fail-under
    fail_on_zone,       // --fail-on-zone
    fragile_zone,       // --fail-if-fragile
    zone_drop,          // diff: a role moved down a zone
    zone_rise,          // diff: a role moved up a zone, under --fail-on-zone-change
    score_drop,         // diff: --fail-on-drop
};

enum class Level { error, warning, note };
std::string_view sarif_level(Level level);     // "error", "warning", "note"
std::string_view gitlab_severity(Level level); // "major", "minor", "info"

struct CheckRule {
    Check check;
    std::string_view id;          // "AIJ1001": the SARIF rule id
    std::string_view name;        // "InvalidAssessment": its friendly name, GitLab's check_name
    std::string_view summary;     // one sentence
    std::string_view description; // what it means and what to do
    Level level;                  // when nothing raises or lowers it
};
const CheckRule& rule_of(Check check);

// The rules each command can report, in the order a SARIF run lists them.
inline constexpr std::array<Check, 7> k_score_checks = {
    Check::invalid_assessment, Check::stated_mismatch, Check::assessment_warning, Check::not_scored,
    Check::duplicate_id,       Check::fail_under,      Check::fail_on_zone};
inline constexpr std::array<Check, 8> k_robustness_checks = {
    Check::invalid_assessment, Check::stated_mismatch, Check::assessment_warning,
    Check::not_scored,         Check::duplicate_id,    Check::fail_under,
    Check::fail_on_zone,       Check::fragile_zone};
inline constexpr std::array<Check, 6> k_diff_checks = {
    Check::invalid_assessment, Check::stated_mismatch, Check::not_scored,
    Check::zone_drop,          Check::zone_rise,       Check::score_drop};

// Where the project is documented: the driver's informationUri, and each rule's helpUri is
// an anchor of it. One constant, for the day the project has a home of its own.
inline constexpr std::string_view k_information_uri = "https://aijri.invalid/";

struct Finding {
    Check check = Check::invalid_assessment;
    Level level = Level::error;
    std::string file;        // as read, or a place in a repository (diff --git)
    SourcePosition position; // line 0: the file as a whole
    std::string pointer;     // the JSON pointer of the value, "" for none
    std::string message;     // unescaped: each format makes it safe
    std::string role_id;     // "" when the file has none
    std::string role_title;
    // The facts that name the problem from run to run: never a line, a column or a figure,
    // which move with edits elsewhere in the file.
    std::string identity;
    std::string fingerprint; // set by set_fingerprints()
};

// Every problem of one evaluated file: each error of an invalid file (the stated figures that
// do not match apart), each warning, and each gate it trips, with their fingerprints.
// Files are named as report_path() has them, relative to `working_dir`.
std::vector<Finding> findings_of(const Evaluation& evaluation, const std::vector<GateReason>& gates,
                                 std::string_view working_dir = {});
// An id used by more than one file, at the last of them.
Finding finding_of(const DuplicateId& duplicate, std::string_view working_dir = {});
// A role of a diff: broken or invalid, not scored, moved down a zone, or tripping a gate.
std::vector<Finding> findings_of(const RoleDiff& role, const DiffReportStyle& style);

// The fingerprint of each finding: the FNV-1a hash (64 bits, 16 hex digits) of the rule id,
// the file's URI, the identity, and the finding's rank among those of the list with the same
// three (so that two equal problems of one file stay two).
void set_fingerprints(std::vector<Finding>& findings);

// The file as both formats name it, so that one file has one name however the command line
// spelled it ("./a//b.json", "a/b.json", "/top/a/b.json" run from /top): lexically normal,
// and relative to `working_dir` (where CI runs, the top of its checkout) when it is under it.
// GitLab's location.path as it is; SARIF's URI is made of it by file_uri().
std::string report_path(std::string_view file, std::string_view working_dir);
// A path of report_path() as an RFC 3986 reference: a relative path (what SARIF resolves
// against %SRCROOT%) percent-encoded; an absolute path as a file: URI.
std::string file_uri(std::string_view file);
bool is_absolute_path(std::string_view file);

std::unique_ptr<BatchReport> make_sarif_report(const Methodology& methodology,
                                               const ReportStyle& style,
                                               std::span<const Check> checks);
std::unique_ptr<BatchReport> make_gitlab_report(const Methodology& methodology,
                                                const ReportStyle& style);
void write_diff_sarif(Pieces& out, const DiffResult& result, const DiffReportStyle& style);
void write_diff_gitlab(Pieces& out, const DiffResult& result, const DiffReportStyle& style);

} // namespace aijri::report_detail
