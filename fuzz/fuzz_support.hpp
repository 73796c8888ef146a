// What the fuzz targets share: a check that stops the run with a message (libFuzzer then
// saves the input as a crash), and everything the CLI does with an evaluation, each output
// checked to be safe to print.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "aijri/batch/batch.hpp"
#include "aijri/batch/evaluate.hpp"
#include "aijri/diff/diff.hpp"
#include "aijri/document/document.hpp"
#include "aijri/json/syntax.hpp"
#include "aijri/report/batch.hpp"
#include "aijri/report/diff.hpp"
#include "aijri/report/json.hpp"
#include "aijri/report/robustness.hpp"
#include "aijri/report/text.hpp"
#include "aijri/util/text.hpp"

#include "diff/builder.hpp"

namespace aijri::fuzz {

// The input being run, for messages (set by the replay driver; libFuzzer names it itself).
inline std::string& current_input() {
    static std::string name;
    return name;
}

inline void check(bool ok, const char* property) {
    if (!ok) {
        std::fprintf(stderr, "fuzz check failed: %s%s%s\n", property,
                     current_input().empty() ? "" : "\n  input: ", current_input().c_str());
        std::abort();
    }
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size}; // NOLINT: bytes are text here
}

// A name that every escape must handle: an escape sequence, a byte that is not UTF-8, a line
// break, and characters that mean something in CSV, XML, Markdown and workflow commands.
inline constexpr std::string_view k_hostile_name =
    "dir/-x \x1b]0;title\x07\x1b[31m,\"'<&>|`*:%\xff\n::error::x.json";

// Output meant for people and their tools: valid UTF-8 without a control character, escape
// sequence or bidi override. Line breaks are allowed, and CR only before LF (CSV's CRLF).
inline bool is_safe_to_print(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = detail::utf8_sequence_length(text, i);
        if (length == 0) {
            return false;
        }
        std::uint32_t cp = static_cast<unsigned char>(text[i]);
        if (length > 1) {
            cp &= 0xFFU >> (length + 1);
            for (std::size_t k = 1; k < length; ++k) {
                cp = (cp << 6U) | (static_cast<unsigned char>(text[i + k]) & 0x3FU);
            }
        }
        const bool crlf = cp == '\r' && i + 1 < text.size() && text[i + 1] == '\n';
        if (is_unsafe_code_point(cp) && cp != '\n' && !crlf) {
            return false;
        }
        i += length;
    }
    return true;
}

// Checks what must hold of any evaluation, whatever the input.
inline void check_evaluation(const Evaluation& e) {
    check(e.valid() == !has_errors(e.diagnostics), "an evaluation is valid iff it has no error");
    check(!e.valid() || e.assessment.has_value(), "a scored evaluation has its assessment");
}

// Writes `e` in every format the CLI has, as the CLI does, and checks that each output is
// safe to print (and that the JSON reads back).
inline void render_everything(const Evaluation& e, const Methodology& methodology) {
    for (const Diagnostic& d : e.diagnostics) {
        check(is_safe_to_print(format_diagnostic_with_source(e.file, d)),
              "a diagnostic with its source line is safe to print");
    }
    for (const int indent : {-1, 2}) {
        std::string json; // as score writes it
        append_result_json(json, e, methodology, std::nullopt, indent);
        check(is_safe_to_print(json), "JSON output is safe to print");
        check(nlohmann::json::accept(json), "JSON output is JSON");
    }
    if (e.valid()) {
        for (const TextStyle& style : {TextStyle{100, false, false}, TextStyle{24, false, true}}) {
            check(is_safe_to_print(render_text_report(e, methodology, style)),
                  "the text report is safe to print");
        }
        (void)render_text_report(e, methodology, TextStyle{60, true, false});
    }
    const ResultSummary summary = summarize(e);
    Gates gates;
    gates.fail_under.value = Rational(50);
    gates.fail_on_zone.value = Zone::yellow;
    const auto gate = gate_failure(summary, gates, methodology);
    BatchTotals totals;
    totals.files = 1;
    (summary.valid ? totals.scored : totals.invalid) += 1;
    if (summary.valid) {
        totals.zones[summary.zone] += 1;
    }
    if (gate) {
        totals.gate_trips.push_back(GateTrip{summary.file, summary.title, *gate});
    }
    for (const BatchFormat format :
         {BatchFormat::text, BatchFormat::json, BatchFormat::jsonl, BatchFormat::csv,
          BatchFormat::markdown, BatchFormat::junit, BatchFormat::github, BatchFormat::sarif,
          BatchFormat::gitlab}) {
        ReportStyle style{false, 100};
        style.gates = gates;
        const auto report = make_batch_report(format, methodology, style);
        const std::string out = report->begin(&totals) + report->render(e, gate) +
                                report->separator() + report->render(e, std::nullopt) +
                                report->end(totals);
        if (!is_safe_to_print(out)) {
            std::fprintf(stderr, "unsafe output (escaped here):\n%s\n",
                         sanitize(out, /*keep_newlines=*/true).c_str());
        }
        check(is_safe_to_print(out), "every batch format is safe to print");
    }
}

// The robustness analysis of a valid evaluation, and its every format. Properties: aijri-1
// analyses every valid assessment; a fewest-edits set counts its steps, stays within the
// bounds and reaches a zone on the side it says; the zone probabilities add up to one and
// the percentiles are in order; every index lies in [0, 1], the first-order one at most the
// total; every output is safe to print and the JSON is JSON.
inline void check_robustness(const Evaluation& scored, const Methodology& methodology) {
    if (!scored.valid()) {
        return;
    }
    for (const UncertaintyModel model : {UncertaintyModel::standard, UncertaintyModel::declared}) {
        Evaluation e = scored;
        analyse_robustness_of(e, methodology, model);
        check(!e.methodology_error && e.robustness.has_value(),
              "aijri-1 analyses every valid assessment");
        const Robustness& r = *e.robustness;
        for (const auto& [change, lower] :
             {std::pair(r.fewest_edits.down, true), std::pair(r.fewest_edits.up, false)}) {
            if (!change) {
                continue;
            }
            int steps = 0;
            for (const InputEdit& edit : change->edits) {
                steps += std::abs(edit.to - edit.from);
                const auto input =
                    std::find_if(r.inputs.begin(), r.inputs.end(),
                                 [&](const auto& in) { return in.pointer == edit.pointer; });
                check(input != r.inputs.end() && edit.to >= input->min && edit.to <= input->max &&
                          edit.from == input->value,
                      "an edit moves a scored input from its value within its bounds");
            }
            check(steps == change->count && steps > 0, "a set of edits counts its steps");
            check(lower ? is_at_or_below(change->zone, r.zone) && change->zone != r.zone
                        : is_at_or_below(r.zone, change->zone) && change->zone != r.zone,
                  "the fewest edits reach a zone on their side");
        }
        Rational sum;
        for (const Probability& p : r.uncertainty.zones) {
            sum += p.rounded;
        }
        check(sum >= Rational::decimal(999997, 6) && sum <= Rational::decimal(1000003, 6),
              "the zone probabilities add up to one");
        check(r.uncertainty.p05 <= r.uncertainty.median &&
                  r.uncertainty.median <= r.uncertainty.p95,
              "the percentiles are in order");
        for (const Sensitivity& s : r.sensitivity) {
            if (s.total) {
                check(s.first_order->sign() >= 0 && *s.first_order <= *s.total &&
                          *s.total <= Rational(1),
                      "an index lies in [0, 1], the first-order one at most the total");
            }
        }
        for (const int indent : {-1, 2}) {
            std::string json;
            append_robustness_json(json, e, methodology, std::nullopt, indent);
            check(is_safe_to_print(json) && nlohmann::json::accept(json),
                  "robustness JSON is JSON, safe to print");
        }
        for (const TextStyle& style : {TextStyle{100, false, false}, TextStyle{40, true, false}}) {
            const std::string text = render_robustness_text(e, methodology, style);
            check(style.color || is_safe_to_print(text), "the robustness text is safe to print");
        }
        BatchTotals totals;
        totals.files = 1;
        for (const BatchFormat format :
             {BatchFormat::text, BatchFormat::json, BatchFormat::jsonl, BatchFormat::csv,
              BatchFormat::markdown, BatchFormat::junit, BatchFormat::github, BatchFormat::sarif,
              BatchFormat::gitlab}) {
            const auto report = make_robustness_report(format, methodology, ReportStyle{});
            check(is_safe_to_print(report->begin(&totals) + report->render(e, std::nullopt) +
                                   report->end(totals)),
                  "every robustness format is safe to print");
        }
    }
}

// A valid assessment (the seed's figures), the other side of the diffs below.
inline constexpr std::string_view k_reference_assessment =
    R"({"aijri": 1, "id": "role", "role": {"title": "Reference"},
  "protective_principles": {"embodied_physicality": {"score": 0},
    "deep_interpersonal_connection": {"score": 0}, "goal_setting_moral_judgment": {"score": 2}},
  "growth_correlation": {"score": 2},
  "tasks": [{"name": "a", "time_pct": 20, "score": 2, "impact": "augmentation"},
            {"name": "b", "time_pct": 25, "score": 3, "impact": "augmentation"},
            {"name": "c", "time_pct": 15, "score": 3, "impact": "augmentation"},
            {"name": "d", "time_pct": 15, "score": 2, "impact": "augmentation"},
            {"name": "e", "time_pct": 15, "score": 1, "impact": "not_involved"},
            {"name": "f", "time_pct": 10, "score": 2, "impact": "not_involved"}],
  "evidence": {"job_posting_trends": {"score": 2}, "company_actions": {"score": 2},
    "wage_trends": {"score": 1}, "ai_tool_maturity": {"score": 1},
    "expert_consensus": {"score": 2}},
  "barriers": {"regulatory_licensing": {"score": 1}, "physical_presence": {"score": 0},
    "union_collective_bargaining": {"score": 0}, "liability_accountability": {"score": 1},
    "cultural_ethical": {"score": 0}}})";

// Every diff output of `result`, as `aijri diff` writes it with its gates on (a drop of 0
// trips every compared role), checked to be safe to print; the contributions of a changed
// role add up exactly to its change.
inline void check_diff(DiffResult result, const Methodology& methodology) {
    const int decimals = methodology.published_decimals;
    DiffGates gates;
    gates.fail_on_zone_change.value = true;
    gates.fail_on_drop.value = Rational(0);
    apply_gates(result, gates, decimals);
    for (const DiffFormat format :
         {DiffFormat::text, DiffFormat::json, DiffFormat::markdown, DiffFormat::csv,
          DiffFormat::junit, DiffFormat::github, DiffFormat::sarif, DiffFormat::gitlab}) {
        for (const bool flag : {false, true}) {
            DiffReportStyle style;
            style.decimals = decimals;
            style.gates = gates;
            style.show_unchanged = flag;
            style.annotate_places = flag;
            std::string report;
            write_diff_report(result, format, style,
                              [&report](std::string_view piece) { report.append(piece); });
            check(is_safe_to_print(report), "every diff format is safe to print");
            if (format == DiffFormat::json || format == DiffFormat::sarif ||
                format == DiffFormat::gitlab) {
                check(nlohmann::json::accept(report), "the diff JSON is JSON");
            }
        }
    }
    for (const RoleDiff& role : result.roles) {
        if (role.status != RoleStatus::changed && role.status != RoleStatus::unchanged) {
            continue;
        }
        check(role.delta_exact.has_value(), "a compared role has its exact change");
        Rational sum(0);
        try {
            for (const Contribution& c : role.contributions) {
                sum += c.points;
            }
        } catch (const std::overflow_error&) {
            continue; // each is exact, but their sum's denominator needs more than 128 bits
        }
        check(sum == *role.delta_exact, "the contributions add up exactly to the change");
    }
}

// What `aijri render` and `aijri diff` do with an evaluation: the document of a scored one,
// and its diffs against itself (unchanged), against the reference (paired by id), and with
// nothing (added, removed), each output checked to be safe to print.
inline void render_document_and_diffs(const Evaluation& e, const Methodology& methodology) {
    if (e.valid()) {
        check(is_safe_to_print(render_markdown(*e.assessment, *e.score, methodology)),
              "the rendered document is safe to print");
    }
    static AssessmentReader reader;
    const Evaluation reference =
        evaluate(reader, k_reference_assessment, "reference.json", methodology);
    const DiffEntry entry = make_diff_entry(e);
    DiffEntry paired = entry;
    paired.id = "role";
    DiffResult self = diff_entries({entry}, {entry}, methodology, methodology);
    check(self.roles.size() == 1, "a diff of one role with itself has one role");
    check(!e.valid() || (self.roles.front().status == RoleStatus::unchanged &&
                         self.roles.front().contributions.empty()),
          "a scored role diffed with itself is unchanged");
    check_diff(std::move(self), methodology);
    check_diff(diff_entries({make_diff_entry(reference)}, {paired}, methodology, methodology),
               methodology);
    check_diff(diff_entries({paired}, {make_diff_entry(reference)}, methodology, methodology),
               methodology);
    check_diff(diff_entries({entry}, {}, methodology, methodology), methodology);
    check_diff(diff_entries({}, {entry}, methodology, methodology), methodology);
}

} // namespace aijri::fuzz
