#include "aijri/report/json.hpp"
#include <charconv>
#include <string>

#include <fmt/format.h>

#include "aijri/json/syntax.hpp"
#include "aijri/json/writer.hpp"
#include "aijri/util/text.hpp"

#include "contribution.hpp"
#include "formats.hpp"

namespace aijri {

namespace {

using detail::JsonWriter;

// Exact figures are shown with as many decimals as they have (up to 6).
void exact_number(JsonWriter& w, std::string_view key, const Rational& value) {
    const int decimals = value.exact_decimals().value_or(6);
    w.key(key);
    w.decimal(value, decimals > 6 ? 6 : decimals);
}

void optional_text(JsonWriter& w, const std::optional<std::string>& text) {
    if (text) {
        w.string(*text);
    } else {
        w.null();
    }
}

// A verdict's aijri, zone and sub_label, the members every verdict object begins with.
void write_verdict_figures(JsonWriter& w, const Verdict& verdict, int decimals) {
    w.key("aijri");
    w.decimal(verdict.aijri, decimals);
    w.key("zone");
    w.string(to_string(verdict.zone));
    w.key("sub_label");
    optional_text(w, verdict.sub_label);
}

void write_verdict(JsonWriter& w, const Verdict& verdict, int decimals) {
    w.begin_object();
    write_verdict_figures(w, verdict, decimals);
    w.end_object();
}

void write_override(JsonWriter& w, const Assessment& assessment, int decimals) {
    if (!assessment.override_) {
        w.null();
        return;
    }
    const Override& o = *assessment.override_;
    w.begin_object();
    if (o.aijri) {
        w.key("aijri");
        w.decimal(*o.aijri, decimals);
    }
    if (o.zone) {
        w.key("zone");
        w.string(to_string(*o.zone));
    }
    if (o.has_sub_label) {
        w.key("sub_label");
        optional_text(w, o.sub_label);
    }
    w.key("reason");
    w.string(o.reason);
    w.end_object();
}

// A verdict's figures and its label.
void write_verdict_members(JsonWriter& w, const Verdict& verdict, int decimals) {
    write_verdict_figures(w, verdict, decimals);
    w.key("label");
    w.string(verdict.label);
}

// The figures of an edited role that both a what-if and a scenario give.
void write_edited(JsonWriter& w, const EditedVerdict& edited, int decimals) {
    write_verdict_members(w, edited.verdict, decimals);
    w.key("delta");
    w.decimal(edited.delta, decimals);
    w.key("contributions");
    w.begin_array();
    for (const Contribution& c : edited.contributions) {
        report_detail::write_contribution(w, c);
    }
    w.end_array();
}

void write_scenarios(JsonWriter& w, const Evaluation& evaluation, int decimals) {
    w.begin_array();
    for (const ScenarioResult& scenario : evaluation.scenarios) {
        w.begin_object();
        w.key("name");
        w.string(scenario.name);
        write_edited(w, scenario.edited, decimals);
        w.end_object();
    }
    w.end_array();
}

void write_errors(JsonWriter& w, const Evaluation& evaluation) {
    w.key("file");
    w.string(evaluation.file);
    w.key("errors");
    w.begin_array();
    for (const Diagnostic& d : evaluation.diagnostics) {
        if (d.severity != Severity::error) {
            continue;
        }
        w.begin_object();
        w.key("pointer");
        w.string(d.pointer);
        w.key("line");
        w.integer(static_cast<std::int64_t>(d.position.line));
        w.key("column");
        w.integer(static_cast<std::int64_t>(d.position.column));
        w.key("message");
        w.string(d.message);
        w.end_object();
    }
    w.end_array();
}

void write_result(JsonWriter& w, const Evaluation& evaluation, const Methodology& methodology) {
    const Assessment& a = *evaluation.assessment;
    const Score& s = *evaluation.score;
    const int decimals = methodology.published_decimals;
    const auto text = [&](std::string_view key, std::string_view value) {
        w.key(key);
        w.string(value);
    };
    const auto integer = [&](std::string_view key, int value) {
        w.key(key);
        w.integer(value);
    };
    text("file", evaluation.file);
    text("id", a.id);
    text("title", a.role.title);
    text("methodology", s.methodology);
    exact_number(w, "task_weighted_total", s.task_weighted_total);
    exact_number(w, "task_resistance", s.task_resistance);
    integer("protective_total", s.protective_total);
    integer("growth_correlation", s.growth_correlation);
    integer("evidence_total", s.evidence_total);
    exact_number(w, "evidence_modifier", s.evidence_modifier);
    integer("barrier_total", s.barrier_total);
    exact_number(w, "barrier_modifier", s.barrier_modifier);
    exact_number(w, "growth_modifier", s.growth_modifier);
    w.key("raw");
    w.decimal(s.raw, 4);
    w.key("aijri");
    w.decimal(s.final_.aijri, decimals);
    text("zone", to_string(s.final_.zone));
    w.key("sub_label");
    optional_text(w, s.final_.sub_label);
    text("label", s.final_.label);
    exact_number(w, "pct_time_3plus", s.pct_time_3plus);
    w.key("split");
    w.begin_object();
    exact_number(w, "displacement", s.split.displacement);
    exact_number(w, "augmentation", s.split.augmentation);
    exact_number(w, "not_involved", s.split.not_involved);
    w.end_object();
    text("quick_screen", s.quick_screen);
    w.key("override");
    write_override(w, a, decimals);
    w.key("formula");
    write_verdict(w, s.formula, decimals);
    w.key("warnings");
    w.begin_array();
    for (const Diagnostic& d : evaluation.diagnostics) {
        if (d.severity == Severity::warning) {
            w.string(d.message);
        }
    }
    w.end_array();
    w.key("exact");
    w.begin_object();
    text("raw", to_exact_string(s.raw));
    text("aijri", to_exact_string(s.aijri_exact));
    w.end_object();
    if (evaluation.what_if) {
        w.key("what_if");
        report_detail::write_what_if(w, *evaluation.what_if, decimals);
    }
    if (!evaluation.scenarios.empty()) {
        w.key("scenarios");
        write_scenarios(w, evaluation, decimals);
    }
}

} // namespace

void append_result_json(std::string& out, const Evaluation& evaluation,
                        const Methodology& methodology, const std::optional<std::string>& gate,
                        int indent) {
    out.reserve(out.size() + 1024); // a result is about 800 bytes: one allocation, not seven
    JsonWriter w(out, indent);
    w.begin_object();
    if (evaluation.valid()) {
        write_result(w, evaluation, methodology);
    } else {
        write_errors(w, evaluation);
    }
    report_detail::write_record_end(w, evaluation, gate);
    w.end_object();
}

namespace report_detail {

void write_record_end(JsonWriter& w, const Evaluation& e, const std::optional<std::string>& gate) {
    if (e.record_line > 0) {
        w.key("line");
        w.integer(static_cast<std::int64_t>(e.record_line));
    }
    if (gate) {
        w.key("gate");
        w.string(*gate);
    }
}

void write_what_if(JsonWriter& w, const WhatIf& what_if, int decimals) {
    w.begin_object();
    w.key("set");
    w.begin_array();
    for (const InputSetting& edit : what_if.edits) {
        w.begin_object();
        w.key("pointer");
        w.string(edit.pointer);
        w.key("value");
        w.decimal(edit.value.value, edit.value.decimals);
        w.end_object();
    }
    w.end_array();
    w.key("original");
    w.begin_object();
    write_verdict_members(w, what_if.original, decimals);
    w.end_object();
    w.key("edited");
    w.begin_object();
    write_edited(w, what_if.edited, decimals);
    w.end_object();
    w.end_object();
}

} // namespace report_detail

} // namespace aijri
