// `--format gitlab`: GitLab's Code Quality report, the subset of the Code Climate issue that
// GitLab reads (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format):
// a JSON array of issues, each with description, check_name, fingerprint, severity,
// location.path and location.lines.begin. The findings are those of the SARIF report, with
// the same fingerprints.
#include <string>

#include <fmt/format.h>

#include "aijri/json/writer.hpp"
#include "aijri/util/text.hpp"

#include "code_scanning.hpp"

namespace aijri::report_detail {

namespace {

// One issue a line, each beginning with its line break: the array reads "[]" when empty.
std::string issue_text(const Finding& f) {
    std::string out = "\n";
    detail::JsonWriter w(out);
    w.begin_object();
    w.key("description");
    w.string(sanitize(f.message));
    w.key("check_name");
    w.string(fmt::format("aijri/{}", rule_of(f.check).name));
    w.key("fingerprint");
    w.string(f.fingerprint);
    w.key("severity");
    w.string(gitlab_severity(f.level));
    w.key("location");
    w.begin_object();
    w.key("path");
    // GitLab wants a path relative to the repository, without "./" (report_path); the bytes
    // of a file name that are not UTF-8 are shown as escapes (sanitize), as in every other
    // format.
    w.string(sanitize(f.file));
    w.key("lines");
    w.begin_object();
    w.key("begin");
    w.integer(static_cast<std::int64_t>(std::max<std::size_t>(f.position.line, 1)));
    w.end_object();
    w.end_object();
    w.end_object();
    return out;
}

std::string issues_text(const std::vector<Finding>& findings) {
    std::string out;
    for (const Finding& f : findings) {
        out += (out.empty() ? "" : ",") + issue_text(f);
    }
    return out;
}

class GitLab final : public BatchReport {
public:
    GitLab(const Methodology& m, const ReportStyle& style) : m_methodology(m), m_style(style) {}

    std::string begin(const BatchTotals*) const override { return "["; }
    std::string render(const Evaluation& e, const std::optional<std::string>& gate) const override {
        std::vector<GateReason> gates;
        if (gate) {
            gates = gate_reasons(summarize(e), m_style.gates, m_methodology);
        }
        return issues_text(findings_of(e, gates, m_style.working_dir));
    }
    std::string separator() const override { return ","; }
    std::vector<std::string> closing_results(const BatchTotals& t) const override {
        std::vector<std::string> out;
        for (const DuplicateId& d : t.duplicate_ids) {
            out.push_back(issue_text(finding_of(d, m_style.working_dir)));
        }
        return out;
    }
    std::string end(const BatchTotals&) const override { return "]\n"; }

private:
    const Methodology& m_methodology;
    ReportStyle m_style;
};

} // namespace

std::unique_ptr<BatchReport> make_gitlab_report(const Methodology& methodology,
                                                const ReportStyle& style) {
    return std::make_unique<GitLab>(methodology, style);
}

void write_diff_gitlab(Pieces& out, const DiffResult& result, const DiffReportStyle& style) {
    out.text() += "[";
    bool first = true;
    for (const RoleDiff& r : result.roles) {
        const std::string text = issues_text(findings_of(r, style));
        if (!text.empty()) {
            out.text() += (first ? "" : ",") + text;
            first = false;
        }
        out.role_done();
    }
    out.text() += "]\n";
}

} // namespace aijri::report_detail
