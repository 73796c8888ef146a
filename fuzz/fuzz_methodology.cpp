// The methodology loader on arbitrary bytes, then scoring fixed assessments with whatever
// loads, in every report format, as a document, and diffed against aijri-1. Properties:
// nothing throws or crashes, whatever the constants (exact arithmetic that would overflow is
// an error of the evaluation, not an exception); a methodology loads iff it has no error, and
// every error has a position; an evaluation is valid iff it has no error; every output is
// safe to print; the contributions of a diff add up exactly to its change.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "aijri/batch/evaluate.hpp"
#include "aijri/model/methodology.hpp"

#include "fuzz_support.hpp"

using aijri::fuzz::check;

namespace {

// Typical, extreme and overridden assessments, one with stated figures (which the fuzzed
// methodology will mostly contradict, so that mismatch messages are exercised too).
constexpr std::array<std::string_view, 3> k_assessments = {
    R"({"aijri": 1, "role": {"title": "Typical"},
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
    "cultural_ethical": {"score": 0}},
  "stated": {"task_weighted_total": 2.25, "raw": 5.6628, "aijri": 64.6, "zone": "Green",
    "sub_label": "Accelerated", "pct_time_3plus": 40,
    "split": {"displacement": 0, "augmentation": 75, "not_involved": 25}}})",
    R"({"aijri": 1, "role": {"title": "Lowest"},
  "protective_principles": {"embodied_physicality": {"score": 3},
    "deep_interpersonal_connection": {"score": 3}, "goal_setting_moral_judgment": {"score": 3}},
  "growth_correlation": {"score": -2},
  "tasks": [{"name": "a", "time_pct": 33.33, "score": 5, "impact": "displacement"},
            {"name": "b", "time_pct": 33.33, "score": 5, "impact": "augmentation"},
            {"name": "c", "time_pct": 33.34, "score": 4, "impact": "not_involved"}],
  "evidence": {"job_posting_trends": {"score": -2}, "company_actions": {"score": -2},
    "wage_trends": {"score": -2}, "ai_tool_maturity": {"score": -2},
    "expert_consensus": {"score": -2}},
  "barriers": {"regulatory_licensing": {"score": 2}, "physical_presence": {"score": 2},
    "union_collective_bargaining": {"score": 2}, "liability_accountability": {"score": 2},
    "cultural_ethical": {"score": 2}},
  "override": {"zone": "Yellow", "reason": "fuzz"}})",
    R"({"aijri": 1, "role": {"title": "Highest"},
  "protective_principles": {"embodied_physicality": {"score": 0},
    "deep_interpersonal_connection": {"score": 0}, "goal_setting_moral_judgment": {"score": 0}},
  "growth_correlation": {"score": 2},
  "tasks": [{"name": "a", "time_pct": 99.99, "score": 1, "impact": "augmentation"},
            {"name": "b", "time_pct": 0.01, "score": 3, "impact": "displacement"}],
  "evidence": {"job_posting_trends": {"score": 2}, "company_actions": {"score": 2},
    "wage_trends": {"score": 2}, "ai_tool_maturity": {"score": 2},
    "expert_consensus": {"score": 2}},
  "barriers": {"regulatory_licensing": {"score": 0}, "physical_presence": {"score": 0},
    "union_collective_bargaining": {"score": 0}, "liability_accountability": {"score": 0},
    "cultural_ethical": {"score": 0}},
  "override": {"aijri": 99.9, "reason": "fuzz"}})",
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const aijri::MethodologyLoad load = aijri::read_methodology(aijri::fuzz::as_text(data, size));
    check(load.methodology.has_value() == !aijri::has_errors(load.diagnostics),
          "a methodology loads iff it has no error");
    for (const aijri::Diagnostic& d : load.diagnostics) {
        check(d.position.line > 0 && d.position.column > 0, "every error has a position");
        check(aijri::fuzz::is_safe_to_print(
                  aijri::format_diagnostic_with_source(aijri::fuzz::k_hostile_name, d)),
              "a methodology error is safe to print");
    }
    if (!load.methodology) {
        return 0;
    }
    static aijri::AssessmentReader reader;
    const aijri::Methodology& builtin = aijri::builtin_methodology();
    for (const std::string_view assessment : k_assessments) {
        const aijri::Evaluation e = aijri::evaluate(
            reader, assessment, std::string(aijri::fuzz::k_hostile_name), *load.methodology);
        aijri::fuzz::check_evaluation(e);
        aijri::fuzz::render_everything(e, *load.methodology);
        aijri::fuzz::render_document_and_diffs(e, *load.methodology);
        // `aijri diff --methodology-new`: the same assessment, scored with aijri-1 and with
        // this methodology, its change attributed to the constants that differ.
        const aijri::Evaluation before =
            aijri::evaluate(reader, assessment, std::string(aijri::fuzz::k_hostile_name), builtin);
        aijri::fuzz::check_diff(aijri::diff_entries({aijri::make_diff_entry(before)},
                                                    {aijri::make_diff_entry(e)}, builtin,
                                                    *load.methodology),
                                *load.methodology);
    }
    return 0;
}
