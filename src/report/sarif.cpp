// `--format sarif`: SARIF 2.1.0 (OASIS), the format GitHub code scanning, editors and the
// SARIF SDK read. One run of the tool "aijri"; each problem a result under a rule of
// code_scanning.hpp, located at its file (a URI relative to %SRCROOT%, the checkout GitHub
// resolves it against), line and column, with the JSON pointer as a logical location and a
// fingerprint that ignores lines and figures. A run with no problem has no results.
#include <string>
#include <string_view>

#include "aijri/json/writer.hpp"
#include "aijri/util/text.hpp"

#include "code_scanning.hpp"

namespace aijri::report_detail {

namespace {

using detail::JsonWriter;

constexpr std::string_view k_schema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
constexpr std::string_view k_help_anchor = "#code-scanning-rules";
constexpr std::string_view k_fingerprint_key = "aijri/v1";

void write_text(JsonWriter& w, std::string_view key, std::string_view text) {
    w.key(key);
    w.begin_object();
    w.key("text");
    w.string(text);
    w.end_object();
}

void write_rule(JsonWriter& w, const CheckRule& rule) {
    w.begin_object();
    w.key("id");
    w.string(rule.id);
    w.key("name");
    w.string(rule.name);
    write_text(w, "shortDescription", rule.summary);
    write_text(w, "fullDescription", rule.description);
    w.key("helpUri");
    w.string(std::string(k_information_uri) + "README.html" + std::string(k_help_anchor));
    w.key("defaultConfiguration");
    w.begin_object();
    w.key("level");
    w.string(sarif_level(rule.level));
    w.end_object();
    w.end_object();
}

// Everything before the first result: the tool and its rules, then the results array open.
std::string header(std::span<const Check> checks, std::string_view version) {
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.key("$schema");
    w.string(k_schema);
    w.key("version");
    w.string("2.1.0");
    w.key("runs");
    w.begin_array();
    w.begin_object();
    w.key("tool");
    w.begin_object();
    w.key("driver");
    w.begin_object();
    w.key("name");
    w.string("aijri");
    w.key("version");
    w.string(version);
    w.key("semanticVersion");
    w.string(version);
    w.key("informationUri");
    w.string(k_information_uri);
    w.key("rules");
    w.begin_array();
    for (const Check check : checks) {
        write_rule(w, rule_of(check));
    }
    w.end_array();
    w.end_object();
    w.end_object();
    // Columns count characters, as every message of aijri does.
    w.key("columnKind");
    w.string("unicodeCodePoints");
    w.key("results");
    w.begin_array();
    return out; // left open: the results follow, then footer()
}

// After the last result: the invocation, with what the walk warned of as notifications.
// aijri ran to its end whatever it found (a file it could not read is a result): a run that
// cannot start writes no report at all.
std::string footer(const std::vector<std::string>& warnings) {
    std::string out = "],\"invocations\":";
    JsonWriter w(out);
    w.begin_array();
    w.begin_object();
    w.key("executionSuccessful");
    w.boolean(true);
    if (!warnings.empty()) {
        w.key("toolExecutionNotifications");
        w.begin_array();
        for (const std::string& warning : warnings) {
            w.begin_object();
            w.key("level");
            w.string("warning");
            write_text(w, "message", sanitize(warning));
            w.end_object();
        }
        w.end_array();
    }
    w.end_object();
    w.end_array();
    return out + "}]}\n";
}

// One result a line, each beginning with its line break: the array reads "[]" when empty.
std::string result_text(const Finding& f, std::span<const Check> checks) {
    std::string out = "\n";
    JsonWriter w(out);
    const CheckRule& rule = rule_of(f.check);
    w.begin_object();
    w.key("ruleId");
    w.string(rule.id);
    for (std::size_t i = 0; i < checks.size(); ++i) {
        if (checks[i] == f.check) {
            w.key("ruleIndex");
            w.integer(static_cast<std::int64_t>(i));
        }
    }
    w.key("level");
    w.string(sarif_level(f.level));
    write_text(w, "message", sanitize(f.message));
    w.key("locations");
    w.begin_array();
    w.begin_object();
    w.key("physicalLocation");
    w.begin_object();
    w.key("artifactLocation");
    w.begin_object();
    w.key("uri");
    w.string(file_uri(f.file));
    if (!is_absolute_path(f.file)) {
        w.key("uriBaseId");
        w.string("%SRCROOT%");
    }
    w.end_object();
    // A problem of the file as a whole is shown at its first line (the SDK asks every
    // location for a region, SARIF2017).
    w.key("region");
    w.begin_object();
    w.key("startLine");
    w.integer(static_cast<std::int64_t>(std::max<std::size_t>(f.position.line, 1)));
    if (f.position.line > 0 && f.position.column > 0) {
        w.key("startColumn");
        w.integer(static_cast<std::int64_t>(f.position.column));
    }
    w.end_object();
    w.end_object();
    if (!f.pointer.empty()) {
        w.key("logicalLocations");
        w.begin_array();
        w.begin_object();
        w.key("fullyQualifiedName");
        w.string(sanitize(f.pointer));
        w.key("kind");
        w.string("value"); // of a JSON document
        w.end_object();
        w.end_array();
    }
    w.end_object();
    w.end_array();
    w.key("partialFingerprints");
    w.begin_object();
    w.key(k_fingerprint_key);
    w.string(f.fingerprint);
    w.end_object();
    if (!f.role_id.empty() || !f.role_title.empty()) {
        w.key("properties");
        w.begin_object();
        if (!f.role_id.empty()) {
            w.key("roleId");
            w.string(sanitize(f.role_id));
        }
        if (!f.role_title.empty()) {
            w.key("roleTitle");
            w.string(sanitize(f.role_title));
        }
        w.end_object();
    }
    w.end_object();
    return out;
}

std::string results_text(const std::vector<Finding>& findings, std::span<const Check> checks) {
    std::string out;
    for (const Finding& f : findings) {
        out += (out.empty() ? "" : ",") + result_text(f, checks);
    }
    return out;
}

class Sarif final : public BatchReport {
public:
    Sarif(const Methodology& m, const ReportStyle& style, std::span<const Check> checks)
        : m_methodology(m), m_style(style), m_checks(checks) {}

    std::string begin(const BatchTotals*) const override {
        return header(m_checks, m_style.tool_version);
    }
    std::string render(const Evaluation& e, const std::optional<std::string>& gate) const override {
        std::vector<GateReason> gates;
        if (gate) {
            gates = gate_reasons(summarize(e), m_style.gates, m_methodology);
        }
        return results_text(findings_of(e, gates, m_style.working_dir), m_checks);
    }
    std::string separator() const override { return ","; }
    std::vector<std::string> closing_results(const BatchTotals& t) const override {
        std::vector<std::string> out;
        for (const DuplicateId& d : t.duplicate_ids) {
            out.push_back(result_text(finding_of(d, m_style.working_dir), m_checks));
        }
        return out;
    }
    std::string end(const BatchTotals& t) const override { return footer(t.warnings); }

private:
    const Methodology& m_methodology;
    ReportStyle m_style;
    std::span<const Check> m_checks;
};

} // namespace

std::unique_ptr<BatchReport> make_sarif_report(const Methodology& methodology,
                                               const ReportStyle& style,
                                               std::span<const Check> checks) {
    return std::make_unique<Sarif>(methodology, style, checks);
}

void write_diff_sarif(Pieces& out, const DiffResult& result, const DiffReportStyle& style) {
    out.text() += header(k_diff_checks, style.tool_version);
    bool first = true;
    for (const RoleDiff& r : result.roles) {
        const std::string text = results_text(findings_of(r, style), k_diff_checks);
        if (!text.empty()) {
            out.text() += (first ? "" : ",") + text;
            first = false;
        }
        out.role_done();
    }
    std::vector<std::string> warnings = style.walk_warnings;
    warnings.insert(warnings.end(), result.warnings.begin(), result.warnings.end());
    out.text() += footer(warnings);
}

} // namespace aijri::report_detail
