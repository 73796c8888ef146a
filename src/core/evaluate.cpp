#include "aijri/evaluate.hpp"
#include <algorithm>
#include <cstdint>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

namespace aijri {
namespace {

// Errors are collected as the reader meets them (a missing key only once its object is
// closed); people read them in file order.
void sort_by_position(Diagnostics& diagnostics) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         if (a.severity != b.severity) {
                             return a.severity == Severity::error;
                         }
                         return std::pair(a.position.line, a.position.column) <
                                std::pair(b.position.line, b.position.column);
                     });
}

// Every figure a report prints is rounded to at most 6 decimals or shown exactly; doing both
// here means that an overflow is found while scoring, not halfway through writing a report.
void check_printable(const Score& s) {
    for (const Rational* figure :
         {&s.task_weighted_total, &s.task_resistance, &s.evidence_modifier, &s.barrier_modifier,
          &s.growth_modifier, &s.raw, &s.aijri_exact, &s.pct_time_3plus, &s.split.displacement,
          &s.split.augmentation, &s.split.not_involved, &s.formula.aijri, &s.final_.aijri}) {
        // Printing multiplies by at most 2·10^18 < 2^61: a figure whose numerator and
        // denominator fit in 64 bits cannot overflow, and that is every figure of a
        // real methodology. Only the others are tried.
        constexpr Int128 k_small = std::numeric_limits<std::int64_t>::max();
        if (figure->numerator() <= k_small && -figure->numerator() <= k_small &&
            figure->denominator() <= k_small) {
            continue;
        }
        (void)to_fixed(*figure, 6);
        (void)to_exact_string(*figure);
    }
}

// The inputs a stated figure follows from, as JSON pointer prefixes of the assessment.
std::vector<std::string_view> inputs_of_stated(std::string_view stated_pointer) {
    const std::string_view figure = stated_pointer.substr(std::string_view("/stated/").size());
    if (figure == "protective_total") {
        return {"/protective_principles"};
    }
    if (figure == "evidence_total" || figure == "evidence_modifier") {
        return {"/evidence"};
    }
    if (figure == "barrier_total" || figure == "barrier_modifier") {
        return {"/barriers"};
    }
    if (figure == "growth_modifier") {
        return {"/growth_correlation"};
    }
    if (figure == "task_weighted_total" || figure == "task_resistance" ||
        figure == "pct_time_3plus" || figure.starts_with("split")) {
        return {"/tasks"};
    }
    // raw, aijri, zone, sub-label: the whole formula.
    return {"/tasks", "/evidence", "/barriers", "/growth_correlation"};
}

// Whether an error leaves a figure of these inputs unknown. Prose moves no figure, and a
// task's impact only the displacement/augmentation split.
bool touches(const Diagnostic& error, const std::vector<std::string_view>& inputs,
             bool uses_impact) {
    const std::string& at = error.pointer;
    if (at.empty()) {
        return true; // the document itself (a missing section): nothing can be trusted
    }
    if (at.ends_with("/name") || at.ends_with("/rationale") ||
        (at.ends_with("/impact") && !uses_impact)) {
        return false;
    }
    return std::any_of(inputs.begin(), inputs.end(), [&at](std::string_view input) {
        return at == input || (at.starts_with(input) && at[input.size()] == '/');
    });
}

// Every error of a file in one run: where a file has errors, its stated figures are still
// checked against what can be computed, each only when no error touches its inputs (a typo
// in an impact does not hide a wrong stated raw score).
void audit_what_can_be(const Assessment& partial, std::string_view text,
                       const Methodology& methodology, Diagnostics& diagnostics) {
    Diagnostics mismatches;
    try {
        const Score score = compute_score(partial, methodology);
        const LineIndex lines(strip_bom(text));
        mismatches = check_stated_figures(partial, score, methodology, &lines);
    } catch (const std::exception&) {
        return; // what was read cannot even be computed: the errors say why
    }
    Diagnostics errors;
    for (const Diagnostic& d : diagnostics) {
        if (d.severity == Severity::error) {
            errors.push_back(d);
        }
    }
    for (Diagnostic& mismatch : mismatches) {
        const auto inputs = inputs_of_stated(mismatch.pointer);
        const bool uses_impact = mismatch.pointer.starts_with("/stated/split");
        const bool stated_itself_bad =
            std::any_of(errors.begin(), errors.end(),
                        [&](const Diagnostic& e) { return e.pointer == mismatch.pointer; });
        if (!stated_itself_bad &&
            std::none_of(errors.begin(), errors.end(),
                         [&](const Diagnostic& e) { return touches(e, inputs, uses_impact); })) {
            diagnostics.push_back(std::move(mismatch));
        }
    }
}

} // namespace

Evaluation evaluate(AssessmentReader& reader, std::string_view text, std::string file,
                    const Methodology& methodology, bool padded) {
    Evaluation result;
    result.file = std::move(file);
    ReadResult read =
        padded ? reader.read_padded(text, result.file) : reader.read(text, result.file);
    result.diagnostics = std::move(read.diagnostics);
    if (!read.assessment) {
        result.declared_id = std::move(read.declared_id);
        if (read.partial) {
            audit_what_can_be(*read.partial, text, methodology, result.diagnostics);
        }
        sort_by_position(result.diagnostics);
        return result;
    }
    Score score;
    Diagnostics mismatches;
    try {
        score = compute_score(*read.assessment, methodology);
        const LineIndex lines(strip_bom(text)); // built only if a mismatch needs a position
        mismatches = check_stated_figures(*read.assessment, score, methodology, &lines);
        check_printable(score);
    } catch (const std::overflow_error&) {
        // Exact arithmetic refuses to wrap (Rational); only a methodology with extreme
        // constants gets there, so the file is not to blame.
        result.methodology_error = true;
        result.assessment = std::move(read.assessment);
        result.diagnostics.push_back(make_error(
            "", {},
            fmt::format("cannot be scored with the methodology \"{}\": its constants take exact "
                        "arithmetic beyond 128 bits (use fewer decimals or smaller constants)",
                        methodology.name)));
        return result;
    }
    result.assessment = std::move(read.assessment);
    if (!mismatches.empty()) {
        result.diagnostics.insert(result.diagnostics.end(), mismatches.begin(), mismatches.end());
        sort_by_position(result.diagnostics);
        return result;
    }
    result.diagnostics.insert(result.diagnostics.end(), score.warnings.begin(),
                              score.warnings.end());
    result.score = std::move(score);
    return result;
}

} // namespace aijri
