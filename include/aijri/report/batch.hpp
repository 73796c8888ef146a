// The formats a batch of results can be written in: one per reader of them (people, CI
// test reports, pull-request annotations, spreadsheets, data pipelines).
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aijri/batch/batch.hpp"
#include "aijri/model/methodology.hpp"
#include "aijri/util/enum_names.hpp"
#include "aijri/util/gate.hpp"

namespace aijri {

enum class BatchFormat {
    text,
    json,
    jsonl,
    csv,
    markdown,
    junit,
    github,
    html,
    badge,
    sarif,
    gitlab
};
inline constexpr std::array<EnumName<BatchFormat>, 11> k_batch_format_names = {{
    {"text", BatchFormat::text},
    {"json", BatchFormat::json},
    {"jsonl", BatchFormat::jsonl},
    {"csv", BatchFormat::csv},
    {"markdown", BatchFormat::markdown},
    {"junit", BatchFormat::junit},
    {"github", BatchFormat::github},
    {"html", BatchFormat::html},
    {"badge", BatchFormat::badge},
    {"sarif", BatchFormat::sarif},
    {"gitlab", BatchFormat::gitlab},
}};

// Gates a CI pipeline can fail on; the report is complete either way.
struct Gates {
    GateValue<Rational> fail_under; // published AIJRI below this
    GateValue<Zone> fail_on_zone;   // a role in this zone or below fails
    GateValue<int> fail_if_fragile; // a zone that N or fewer unit steps change fails
};

enum class Gate { fail_under, fail_on_zone, fail_if_fragile };
struct GateReason {
    Gate gate;
    std::string text; // "AIJRI 23.4 is under --fail-under 25"
};
// Each gate a result trips, in the order of Gate, and why.
std::vector<GateReason> gate_reasons(const ResultSummary& summary, const Gates& gates,
                                     const Methodology& methodology);
// Why a result trips a gate, every reason joined by "; ", if it does.
std::optional<std::string> gate_failure(const ResultSummary& summary, const Gates& gates,
                                        const Methodology& methodology);

struct GateTrip {
    std::string file;
    std::string title;
    std::string reason;
};

// "the id \"x\" is used by more than one file: a.json, b.json"
std::string describe_duplicate(const DuplicateId& duplicate);

struct BatchTotals {
    std::vector<DuplicateId> duplicate_ids;
    std::size_t files = 0;
    std::size_t scored = 0;
    std::size_t invalid = 0;           // including unreadable files
    std::map<Zone, std::size_t> zones; // final zone → count
    std::vector<GateTrip> gate_trips;
    // What the walk warned of (a document that is no assessment, a folder that could not be
    // opened), for a report that carries them (sarif: the run's notifications).
    std::vector<std::string> warnings;
    // Every result's summary, in report order, kept only for a report that draws them all
    // in its header (BatchReport::needs_results()).
    std::vector<ResultSummary> results;
};

struct ReportStyle {
    bool color = false;
    std::size_t width = 100;
    // html: the input is one file, named: a page of that role, not a portfolio.
    bool one_role = false;
    // sarif, gitlab: the gates, so that each one a role trips is a rule of its own.
    Gates gates{};
    // sarif: the version of aijri, which the run names (the CLI knows it).
    std::string tool_version{};
    // sarif, gitlab: the folder aijri runs in, which files are named relative to.
    std::string working_dir{};
};

class BatchReport {
public:
    virtual ~BatchReport() = default;
    // Written before the first result; `totals` is set only for formats whose header
    // needs them (see header_needs_totals).
    virtual std::string begin(const BatchTotals* totals) const;
    // One file's output. Called on worker threads: implementations keep no mutable state.
    virtual std::string render(const Evaluation& evaluation,
                               const std::optional<std::string>& gate) const = 0;
    // Written between two results.
    virtual std::string separator() const;
    virtual std::string end(const BatchTotals& totals) const;
    // Results known only at the end (sarif, gitlab: the ids used by more than one file),
    // written after the others, each as a result (separators between them), before end().
    virtual std::vector<std::string> closing_results(const BatchTotals& totals) const;
    // JUnit's header carries the counts, so its results are held until the end.
    virtual bool header_needs_totals() const { return false; }
    // The HTML portfolio draws every result in its header (a histogram, a scatter, a
    // table): BatchTotals::results is kept for it.
    virtual bool needs_results() const { return false; }
    // Batch reports show figures, not rationales, and the batch reads none
    // (BatchOptions::keep_prose), unless the report shows a role whole.
    virtual bool needs_prose() const { return false; }
};

std::unique_ptr<BatchReport> make_batch_report(BatchFormat format, const Methodology& methodology,
                                               const ReportStyle& style);

// Escapes for the formats (exposed for tests). Every one of them also makes control
// characters, escape sequences, bidi overrides and bytes that are not UTF-8 visible (see
// sanitize()), so that no format carries them to a terminal, a log or a rendered page, and
// turns line breaks into spaces: text from a file never starts a line of output (where a CI
// log would take "::error::…" for a workflow command).
// RFC 4180 quoting and the formula guard; `keep_newlines` for a cell of lines the caller
// has made safe one by one.
std::string csv_field(std::string_view text, bool keep_newlines = false);
// Lines from a file, each made safe (sanitize), in one cell: line breaks are ours.
std::string csv_lines(const std::vector<std::string>& lines);
std::string xml_escape(std::string_view text);             // markup characters
std::string github_escape_data(std::string_view text);     // %, CR, LF
std::string github_escape_property(std::string_view text); // also ':' and ','
std::string markdown_cell(std::string_view text);          // Markdown syntax, '|', newlines
std::string markdown_code(std::string_view text);          // a code span (file names)

} // namespace aijri
