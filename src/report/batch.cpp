#include "aijri/report/batch.hpp"
#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "aijri/report/json.hpp"
#include "aijri/report/text.hpp"
#include "aijri/util/text.hpp"

#include "code_scanning.hpp"
#include "formats.hpp"
#include "html_report.hpp"

namespace aijri {

std::vector<GateReason> gate_reasons(const ResultSummary& s, const Gates& gates,
                                     const Methodology& m) {
    if (!s.valid) {
        return {}; // an invalid file already fails, for its own reasons
    }
    // Every gate a role trips is named, not only the first.
    const int d = m.published_decimals;
    std::vector<GateReason> reasons;
    if (gates.fail_under && s.aijri < *gates.fail_under) {
        reasons.push_back({Gate::fail_under,
                           fmt::format("AIJRI {} is under {}", to_fixed(s.aijri, d),
                                       gate_label("fail-under", to_decimal(*gates.fail_under, 0, 6),
                                                  gates.fail_under.origin))});
    }
    if (gates.fail_on_zone && is_at_or_below(s.zone, *gates.fail_on_zone)) {
        reasons.push_back({Gate::fail_on_zone,
                           fmt::format("zone {} trips {}", to_string(s.zone),
                                       gate_label("fail-on-zone", to_string(*gates.fail_on_zone),
                                                  gates.fail_on_zone.origin))});
    }
    if (gates.fail_if_fragile && s.nearest_change &&
        s.nearest_change->count <= *gates.fail_if_fragile) {
        const ZoneChange& change = *s.nearest_change;
        std::vector<std::string> edits;
        for (const InputEdit& e : change.edits) {
            edits.push_back(fmt::format("{} {} → {}", e.pointer, e.from, e.to));
        }
        reasons.push_back(
            {Gate::fail_if_fragile,
             fmt::format("{} unit step{} move{} the formula's zone to {} ({}): trips {}",
                         change.count, change.count == 1 ? "" : "s", change.count == 1 ? "s" : "",
                         to_string(change.zone), fmt::join(edits, ", "),
                         gate_label("fail-if-fragile", std::to_string(*gates.fail_if_fragile),
                                    gates.fail_if_fragile.origin))});
    }
    return reasons;
}

std::optional<std::string> gate_failure(const ResultSummary& s, const Gates& gates,
                                        const Methodology& m) {
    const std::vector<GateReason> reasons = gate_reasons(s, gates, m);
    if (reasons.empty()) {
        return std::nullopt;
    }
    std::string joined;
    for (const GateReason& reason : reasons) {
        joined += (joined.empty() ? "" : "; ") + reason.text;
    }
    return joined;
}

std::string describe_duplicate(const DuplicateId& d) {
    return fmt::format("the id \"{}\" is used by more than one file: {}", d.id,
                       fmt::join(d.files, ", "));
}

std::string BatchReport::begin(const BatchTotals*) const {
    return {};
}
std::string BatchReport::separator() const {
    return {};
}
std::string BatchReport::end(const BatchTotals&) const {
    return {};
}
std::vector<std::string> BatchReport::closing_results(const BatchTotals&) const {
    return {};
}

std::string csv_lines(const std::vector<std::string>& lines) {
    std::string cell;
    for (const std::string& line : lines) {
        cell += (cell.empty() ? "" : "\n") + sanitize(line);
    }
    return csv_field(cell, /*keep_newlines=*/true);
}

std::string csv_field(std::string_view text, bool keep_newlines) {
    // A CSV file is opened in spreadsheets and also printed to terminals and CI logs: control
    // characters, escape sequences and bidi overrides are shown as escapes, and a line break
    // from a file could start a log line of its own (a workflow command such as ::error::).
    std::string value = sanitize(text, keep_newlines);
    // A cell that begins like a formula is executed by spreadsheets, even after spaces; a
    // leading apostrophe keeps it text (OWASP's advice for CSV injection).
    const auto first = value.find_first_not_of(" \n");
    if (first != std::string::npos &&
        std::string_view("=+-@").find(value[first]) != std::string_view::npos) {
        value.insert(0, 1, '\'');
    }
    if (value.find_first_of(",\"\n") == std::string::npos) {
        return value;
    }
    std::string out = "\"";
    for (const char c : value) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

std::string xml_escape(std::string_view text) {
    // sanitize() also leaves only characters XML 1.0 allows (it forbids most C0 controls even
    // escaped) and only valid UTF-8, which XML parsers insist on; line breaks become spaces,
    // as in a CSV cell.
    const std::string clean = sanitize(text);
    std::string out;
    out.reserve(clean.size());
    for (const char c : clean) {
        switch (c) {
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '&':
            out += "&amp;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string github_escape_data(std::string_view text) {
    // Workflow commands are read from the log line by line, and the log shows ANSI colours:
    // line breaks are percent-encoded as GitHub documents, and everything else that could
    // act on the log is made visible.
    std::string out;
    for (const char c : sanitize(text, /*keep_newlines=*/true)) {
        if (c == '%') {
            out += "%25";
        } else if (c == '\n') {
            out += "%0A";
        } else {
            out += c;
        }
    }
    return out;
}

std::string github_escape_property(std::string_view text) {
    std::string out;
    for (const char c : github_escape_data(text)) {
        if (c == ':') {
            out += "%3A";
        } else if (c == ',') {
            out += "%2C";
        } else {
            out += c;
        }
    }
    return out;
}

namespace {

bool follows_www(std::string_view text, std::size_t dot) {
    if (dot < 3) {
        return false;
    }
    for (std::size_t i = dot - 3; i < dot; ++i) {
        if (text[i] != 'w' && text[i] != 'W') {
            return false;
        }
    }
    return true;
}

} // namespace

std::string markdown_cell(std::string_view text) {
    // Text from a file is shown as text: no links, images, emphasis, HTML or entities
    // (an entity such as &#x202e; would bring back what sanitize() took out). GFM's
    // autolinks are broken too: ':' is escaped ("https\://"), and so is the '.' of "www.";
    // an e-mail address is found after escapes are read, so its '@' is followed by an empty
    // HTML comment, which ends the text GFM looks in and shows nothing.
    constexpr std::string_view k_markdown_specials = "\\`*_[]<>&|~:";
    const std::string clean = sanitize(text);
    // Spaces at either end are written as references: Markdown drops them from a table
    // cell, and `**id **` is not bold.
    const std::size_t first = std::min(clean.find_first_not_of(' '), clean.size());
    const std::size_t last = clean.find_last_not_of(' ');
    std::string out;
    for (std::size_t i = 0; i < clean.size(); ++i) {
        const char c = clean[i];
        if (c == ' ' && (i < first || last == std::string::npos || i > last)) {
            out += "&#32;";
            continue;
        }
        if (k_markdown_specials.find(c) != std::string_view::npos ||
            (c == '.' && follows_www(clean, i))) {
            out += '\\';
        }
        out += c;
        if (c == '@') {
            out += "<!-- -->";
        }
    }
    return out;
}

std::string markdown_code(std::string_view text) {
    // Backslashes do not escape inside a code span, so the span is fenced by more backticks
    // than the text holds in a row; '|' still needs its backslash in a GFM table.
    const std::string clean = sanitize(text);
    std::size_t longest = 0;
    std::size_t run = 0;
    for (const char c : clean) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    std::string body;
    for (const char c : clean) {
        if (c == '|') {
            body += '\\';
        }
        body += c;
    }
    const std::string fence(longest + 1, '`');
    const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
    return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

namespace report_detail {

std::size_t count_errors(const Evaluation& e) {
    std::size_t n = 0;
    for (const Diagnostic& d : e.diagnostics) {
        n += d.severity == Severity::error ? 1 : 0;
    }
    return n;
}

std::string first_error(const Evaluation& e) {
    for (const Diagnostic& d : e.diagnostics) {
        if (d.severity == Severity::error) {
            return format_diagnostic(e.file, d);
        }
    }
    return "invalid";
}

// The csv `status` of a file that has no score.
std::string status_of_invalid(const Evaluation& e) {
    if (e.io_error) {
        return "unreadable";
    }
    return e.methodology_error ? "unscorable" : "invalid";
}

std::string display_file(const Evaluation& e) {
    return e.record_line > 0 ? fmt::format("{}:{}", e.file, e.record_line) : e.file;
}

std::string zone_counts(const BatchTotals& t) {
    std::string out = fmt::format("{} file{}: ", t.files, t.files == 1 ? "" : "s");
    bool first = true;
    for (const Zone zone : k_zones) {
        const auto it = t.zones.find(zone);
        out += fmt::format("{}{} {}", first ? "" : ", ", it == t.zones.end() ? 0 : it->second,
                           to_string(zone));
        first = false;
    }
    out += fmt::format(", {} invalid", t.invalid);
    return out;
}

namespace {

// Lines of a footer, wrapped to the width; `indent` before each.
std::string wrapped(const std::string& text, std::size_t indent, std::size_t width) {
    std::string out;
    const std::size_t room = width > indent + 20 ? width - indent : 20;
    for (const std::string& part : wrap(text, room)) {
        out += std::string(indent, ' ') + part + "\n";
    }
    return out;
}

} // namespace

std::string trimmed(std::string line) {
    while (!line.empty() && line.back() == ' ') {
        line.pop_back();
    }
    return line;
}

std::string csv_row(const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        out += (i == 0 ? "" : ",") + cells[i];
    }
    return out + "\r\n";
}

std::string csv_invalid_row(const Evaluation& e, std::size_t columns) {
    std::string messages; // one line per diagnostic; no line break from the file
    for (const Diagnostic& d : e.diagnostics) {
        messages += (messages.empty() ? "" : "\n") + sanitize(format_diagnostic(e.file, d));
    }
    std::vector<std::string> cells{
        csv_field(display_file(e)), e.assessment ? csv_field(e.assessment->id) : "",
        e.assessment ? csv_field(e.assessment->role.title) : "", status_of_invalid(e)};
    cells.resize(columns - 1, "");
    cells.push_back(csv_field(messages, /*keep_newlines=*/true));
    return csv_row(cells);
}

std::string csv_messages(const Evaluation& e, const std::optional<std::string>& gate) {
    std::string messages = sanitize(gate.value_or(""));
    for (const Diagnostic& d : e.diagnostics) {
        messages += (messages.empty() ? "" : "\n") + sanitize(d.message);
    }
    return csv_field(messages, /*keep_newlines=*/true);
}

std::string text_footer(const BatchTotals& t, std::size_t width) {
    std::string out = "\n" + wrapped(zone_counts(t), 0, width);
    if (!t.gate_trips.empty()) {
        out += wrapped(fmt::format("{} role{} tripped a gate:", t.gate_trips.size(),
                                   t.gate_trips.size() == 1 ? "" : "s"),
                       0, width);
        for (const GateTrip& trip : t.gate_trips) {
            out += wrapped(fmt::format("{}: {}", sanitize(trip.file), sanitize(trip.reason)), 2,
                           width);
        }
    }
    for (const DuplicateId& d : t.duplicate_ids) {
        out += wrapped("error: " + sanitize(describe_duplicate(d)), 0, width);
    }
    return out;
}

std::string markdown_footer(const BatchTotals& t) {
    std::string out = "\n**" + zone_counts(t) + "**\n";
    if (!t.gate_trips.empty()) {
        out += "\nGates tripped:\n\n";
        for (const GateTrip& trip : t.gate_trips) {
            out += fmt::format("- {}: {}\n", markdown_code(trip.file), markdown_cell(trip.reason));
        }
    }
    if (!t.duplicate_ids.empty()) {
        out += "\nIds used by more than one file:\n\n";
        for (const DuplicateId& d : t.duplicate_ids) {
            out += "- " + markdown_cell(describe_duplicate(d)) + "\n";
        }
    }
    return out;
}

} // namespace report_detail

namespace {

using namespace report_detail;

class TextSummary final : public BatchReport {
public:
    TextSummary(const Methodology& m, const ReportStyle& style)
        : m_methodology(m), m_style(style) {}

    std::string begin(const BatchTotals*) const override {
        return trimmed(fmt::format("{:>5}  {:<{}}  {:<{}}  {}", "AIJRI", "Label", label_width(),
                                   "Role", title_width(), "File")) +
               "\n";
    }

    // A row: AIJRI, label, role, file, in --width columns (the file shortened from its start,
    // which keeps its name); then what a reader must not miss: an override beside the formula's
    // verdict, a tripped gate, the assessment's warnings (the quick screen's among them).
    std::string render(const Evaluation& e, const std::optional<std::string>& gate) const override {
        const std::string file = shorten_start(sanitize(display_file(e)), file_width());
        if (!e.valid()) {
            const std::size_t errors = count_errors(e);
            const std::string what =
                e.io_error ? "unreadable"
                : e.methodology_error
                    ? "not scored: methodology"
                    : fmt::format("invalid: {} error{}", errors, errors == 1 ? "" : "s");
            return trimmed(fmt::format("{:>5}  {}  {:<{}}  {}", "—", pad(what, label_width()), "",
                                       title_width(), file)) +
                   "\n";
        }
        const Score& s = *e.score;
        const int d = m_methodology.published_decimals;
        const std::string label =
            pad(shorten(sanitize(s.final_.label), label_width()), label_width());
        std::string out = fmt::format(
            "{:>5}  {}  {}  {}\n", to_fixed(s.final_.aijri, d),
            colored_label(s.final_.zone, label, m_style.color),
            pad(shorten(sanitize(e.assessment->role.title), title_width()), title_width()), file);
        const auto note = [&](const std::string& text) {
            out += "       " + shorten(text, m_style.width > 7 ? m_style.width - 7 : 1) + "\n";
        };
        if (e.assessment->override_) {
            note(fmt::format("override: the formula gives {} {}", to_fixed(s.formula.aijri, d),
                             sanitize(s.formula.label)));
        }
        if (gate) {
            note("gate: " + sanitize(*gate));
        }
        for (const Diagnostic& diagnostic : e.diagnostics) {
            if (diagnostic.severity == Severity::warning) {
                note("warning: " + sanitize(diagnostic.message));
            }
        }
        return out;
    }

    std::string end(const BatchTotals& t) const override { return text_footer(t, m_style.width); }

private:
    // 5 + 2 + label + 2 + title + 2 + file: the label and the title give way at narrow
    // widths, down to 12 cells each, and the file takes what is left (at least 12).
    static constexpr std::size_t k_min_cell = 8;
    std::size_t label_width() const {
        const std::size_t room = m_style.width > 11 + 3 * k_min_cell ? m_style.width - 11 : 0;
        return std::clamp<std::size_t>(room / 3, k_min_cell, 22);
    }
    std::size_t title_width() const {
        const std::size_t preferred = m_style.width > 100 ? 40 : 30;
        const std::size_t used = 11 + label_width() + k_min_cell;
        return std::clamp<std::size_t>(m_style.width > used ? m_style.width - used : 0, k_min_cell,
                                       preferred);
    }
    std::size_t file_width() const {
        const std::size_t used = 11 + label_width() + title_width();
        return std::max(m_style.width > used ? m_style.width - used : 0, k_min_cell);
    }
    const Methodology& m_methodology;
    ReportStyle m_style;
};

class JsonArray final : public BatchReport {
public:
    JsonArray(const Methodology& m, AppendJson append) : m_methodology(m), m_append(append) {}
    std::string begin(const BatchTotals*) const override { return "[\n"; }
    std::string render(const Evaluation& e, const std::optional<std::string>& gate) const override {
        std::string text;
        m_append(text, e, m_methodology, gate, -1);
        return text;
    }
    std::string separator() const override { return ",\n"; }
    std::string end(const BatchTotals& t) const override { return t.files == 0 ? "]\n" : "\n]\n"; }

private:
    const Methodology& m_methodology;
    AppendJson m_append;
};

class JsonLines final : public BatchReport {
public:
    JsonLines(const Methodology& m, AppendJson append) : m_methodology(m), m_append(append) {}
    std::string render(const Evaluation& e, const std::optional<std::string>& gate) const override {
        std::string text;
        m_append(text, e, m_methodology, gate, -1);
        text += '\n';
        return text;
    }

private:
    const Methodology& m_methodology;
    AppendJson m_append;
};

class Csv final : public BatchReport {
public:
    explicit Csv(const Methodology& m) : m_methodology(m) {}
    std::string begin(const BatchTotals*) const override {
        return "file,id,title,status,aijri,zone,sub_label,label,task_resistance,"
               "evidence_modifier,barrier_modifier,growth_modifier,raw,pct_time_3plus,"
               "methodology,messages\r\n";
    }
    std::string render(const Evaluation& e, const std::optional<std::string>& gate) const override {
        if (!e.valid()) {
            return csv_invalid_row(e, 16);
        }
        const Score& s = *e.score;
        std::vector<std::string> cells{csv_field(display_file(e))};
        cells.insert(
            cells.end(),
            {csv_field(e.assessment->id), csv_field(e.assessment->role.title),
             gate ? "gate" : "scored", to_fixed(s.final_.aijri, m_methodology.published_decimals),
             std::string(to_string(s.final_.zone)), csv_field(s.final_.sub_label.value_or("")),
             csv_field(s.final_.label), to_decimal(s.task_resistance, 2, 6),
             to_decimal(s.evidence_modifier, 2, 6), to_decimal(s.barrier_modifier, 2, 6),
             to_decimal(s.growth_modifier, 2, 6), to_fixed(s.raw, 4),
             to_decimal(s.pct_time_3plus, 0, 2), csv_field(s.methodology), csv_messages(e, gate)});
        return csv_row(cells);
    }

private:
    const Methodology& m_methodology;
};

class Markdown final : public BatchReport {
public:
    explicit Markdown(const Methodology& m) : m_methodology(m) {}
    std::string begin(const BatchTotals*) const override {
        return "| Role | AIJRI | Label | File |\n|---|---:|---|---|\n";
    }
    std::string render(const Evaluation& e, const std::optional<std::string>& gate) const override {
        const std::string file = markdown_code(display_file(e));
        if (!e.valid()) {
            const std::size_t errors = count_errors(e);
            return fmt::format("| {} | — | ❌ {}{} | {} |\n",
                               e.assessment ? markdown_cell(e.assessment->role.title) : "",
                               markdown_cell(first_error(e)),
                               errors > 1 ? fmt::format(" (+{} more)", errors - 1) : "", file);
        }
        const Score& s = *e.score;
        return fmt::format("| {} | {} | {}{} | {} |\n", markdown_cell(e.assessment->role.title),
                           to_fixed(s.final_.aijri, m_methodology.published_decimals),
                           markdown_cell(s.final_.label),
                           gate ? " ⚠️ " + markdown_cell(*gate) : "", file);
    }
    std::string end(const BatchTotals& t) const override { return markdown_footer(t); }

private:
    const Methodology& m_methodology;
};

class JUnit final : public BatchReport {
public:
    JUnit(const Methodology& m, SummaryLine summary) : m_methodology(m), m_summary(summary) {}
    bool header_needs_totals() const override { return true; }
    std::string begin(const BatchTotals* t) const override {
        const std::size_t failures = t->invalid + t->gate_trips.size();
        return fmt::format(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"aijri\" tests=\"{0}\" failures=\"{1}\" errors=\"0\">\n"
            "  <testsuite name=\"aijri\" tests=\"{0}\" failures=\"{1}\" errors=\"0\" "
            "skipped=\"0\">\n",
            t->files, failures);
    }
    std::string render(const Evaluation& e, const std::optional<std::string>& gate) const override {
        const std::string name = xml_escape(display_file(e));
        std::string out =
            fmt::format("    <testcase classname=\"aijri\" name=\"{}\" time=\"0\">\n", name);
        if (!e.valid()) {
            std::string details; // escaped line by line: the line breaks are ours
            for (const Diagnostic& d : e.diagnostics) {
                details += xml_escape(format_diagnostic(e.file, d)) + "\n";
            }
            out += fmt::format("      <failure type=\"invalid\" message=\"{}\">{}</failure>\n",
                               xml_escape(first_error(e)), details);
        } else {
            if (gate) {
                out += fmt::format("      <failure type=\"gate\" message=\"{}\"/>\n",
                                   xml_escape(*gate));
            }
            out += fmt::format("      <system-out>{}</system-out>\n",
                               xml_escape(m_summary(e, m_methodology)));
        }
        return out + "    </testcase>\n";
    }
    std::string end(const BatchTotals&) const override { return "  </testsuite>\n</testsuites>\n"; }

private:
    const Methodology& m_methodology;
    SummaryLine m_summary;
};

class GitHub final : public BatchReport {
public:
    GitHub(const Methodology& m, SummaryLine summary) : m_methodology(m), m_summary(summary) {}
    std::string render(const Evaluation& e, const std::optional<std::string>& gate) const override {
        std::string out;
        for (const Diagnostic& d : e.diagnostics) {
            out += fmt::format("::{} file={}", d.severity == Severity::error ? "error" : "warning",
                               github_escape_property(e.file));
            if (d.position.line > 0) {
                out += fmt::format(",line={},col={}", d.position.line, d.position.column);
            }
            const std::string message =
                d.pointer.empty() ? d.message : d.pointer + ": " + d.message;
            out += fmt::format(",title=aijri::{}\n", github_escape_data(message));
        }
        if (gate) {
            out += fmt::format("::error file={},title=aijri gate::{}\n",
                               github_escape_property(e.file), github_escape_data(*gate));
        }
        if (e.valid()) {
            // A plain log line: a file name must not make a workflow command of its own.
            out += guard_lines(fmt::format("{}: {}\n", sanitize(display_file(e)),
                                           sanitize(m_summary(e, m_methodology))));
        }
        return out;
    }
    std::string begin(const BatchTotals*) const override { return {}; }
    std::string end(const BatchTotals& t) const override {
        std::string out;
        for (const DuplicateId& d : t.duplicate_ids) {
            out += fmt::format("::error file={},title=aijri duplicate id::{}\n",
                               github_escape_property(d.files.back()),
                               github_escape_data(describe_duplicate(d)));
        }
        return out + zone_counts(t) + "\n";
    }

private:
    const Methodology& m_methodology;
    SummaryLine m_summary;
};

// A scored file in one line: "64.6 Green (Accelerated)".
std::string score_summary(const Evaluation& e, const Methodology& m) {
    return fmt::format("{} {}", to_fixed(e.score->final_.aijri, m.published_decimals),
                       e.score->final_.label);
}

} // namespace

std::unique_ptr<BatchReport> make_batch_report(BatchFormat format, const Methodology& m,
                                               const ReportStyle& style) {
    switch (format) {
    case BatchFormat::text:
        return std::make_unique<TextSummary>(m, style);
    case BatchFormat::json:
    case BatchFormat::jsonl:
    case BatchFormat::junit:
    case BatchFormat::github:
        return report_detail::make_record_report(format, m, append_result_json, score_summary);
    case BatchFormat::csv:
        return std::make_unique<Csv>(m);
    case BatchFormat::markdown:
        return std::make_unique<Markdown>(m);
    case BatchFormat::html:
        return report_detail::make_html_report(m, style, false);
    case BatchFormat::badge:
        return report_detail::make_badge_report();
    case BatchFormat::sarif:
        return report_detail::make_sarif_report(m, style, report_detail::k_score_checks);
    case BatchFormat::gitlab:
        return report_detail::make_gitlab_report(m, style);
    }
    return nullptr;
}

namespace report_detail {

std::unique_ptr<BatchReport> make_record_report(BatchFormat format, const Methodology& m,
                                                AppendJson append, SummaryLine summary) {
    switch (format) {
    case BatchFormat::json:
        return std::make_unique<JsonArray>(m, append);
    case BatchFormat::jsonl:
        return std::make_unique<JsonLines>(m, append);
    case BatchFormat::junit:
        return std::make_unique<JUnit>(m, summary);
    case BatchFormat::github:
        return std::make_unique<GitHub>(m, summary);
    default:
        break;
    }
    throw std::logic_error("not a format of records");
}

} // namespace report_detail

} // namespace aijri
