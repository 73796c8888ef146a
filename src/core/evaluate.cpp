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
