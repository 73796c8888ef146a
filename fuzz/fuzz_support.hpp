// What the fuzz targets share: a check that stops the run with a message (libFuzzer then
// saves the input as a crash), and everything the CLI does with an evaluation, each output
// checked to be safe to print.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "aijri/batch.hpp"
#include "aijri/evaluate.hpp"
#include "aijri/report_batch.hpp"
#include "aijri/report_json.hpp"
#include "aijri/report_text.hpp"
#include "aijri/text.hpp"

#include "json_syntax.hpp"

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
        const std::string json = dump_json(result_json(e, methodology), indent);
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
    gates.fail_under = Rational(50);
    gates.fail_on_zone = "Yellow";
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
          BatchFormat::markdown, BatchFormat::junit, BatchFormat::github}) {
        const auto report = make_batch_report(format, methodology, ReportStyle{false, 100});
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

} // namespace aijri::fuzz
