#include "aijri/evaluate.hpp"
#include <algorithm>

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

} // namespace

Evaluation evaluate(AssessmentReader& reader, std::string_view text, std::string file,
                    const Methodology& methodology, bool padded) {
    Evaluation result;
    result.file = std::move(file);
    ReadResult read =
        padded ? reader.read_padded(text, result.file) : reader.read(text, result.file);
    result.diagnostics = std::move(read.diagnostics);
    if (!read.assessment) {
        sort_by_position(result.diagnostics);
        return result;
    }
    Score score = compute_score(*read.assessment, methodology);
    const LineIndex lines(strip_bom(text)); // built only if a mismatch needs a position
    Diagnostics mismatches = check_stated_figures(*read.assessment, score, methodology, &lines);
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
