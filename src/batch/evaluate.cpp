#include "aijri/batch/evaluate.hpp"
#include <algorithm>
#include <cstdint>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

#include "aijri/document/document.hpp"
#include "aijri/util/file_name.hpp"

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

// The stated figure a mismatch is reported at ("/stated/split/displacement").
const StatedFigure* stated_figure_at(std::string_view pointer) {
    for (const StatedFigure& figure : k_stated_figures) {
        const std::string at = figure.group.empty()
                                   ? fmt::format("/stated/{}", figure.key)
                                   : fmt::format("/stated/{}/{}", figure.group, figure.key);
        if (pointer == at) {
            return &figure;
        }
    }
    return nullptr;
}

// Whether an error leaves a figure of these inputs unknown. Prose moves no figure, and a
// task's impact only the displacement/augmentation split.
bool touches(const Diagnostic& error, const std::array<std::string_view, 4>& inputs,
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
        return !input.empty() &&
               (at == input || (at.starts_with(input) && at[input.size()] == '/'));
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
        const StatedFigure* figure = stated_figure_at(mismatch.pointer);
        const auto& inputs = figure ? figure->inputs : k_formula_inputs;
        const bool uses_impact = figure && figure->uses_impact;
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

// The methodology could not score the assessment in exact arithmetic: not the file's fault.
void refuse_methodology(Evaluation& result, const Methodology& methodology) {
    result.methodology_error = true;
    result.score.reset();
    result.diagnostics.push_back(make_error(
        "", {},
        fmt::format("cannot be scored with the methodology \"{}\": its constants take exact "
                    "arithmetic beyond 128 bits (use fewer decimals or smaller constants)",
                    methodology.name)));
}

enum class Form { json, document, neither };

// The one place that decides how a text is read.
Form form_of(std::string_view name, std::string_view text, InputFormat format) {
    if (format == InputFormat::json ||
        (format == InputFormat::automatic && has_json_extension(name))) {
        return Form::json;
    }
    if (format == InputFormat::markdown || has_document_extension(name)) {
        return Form::document;
    }
    // Neither extension (standard input, "role.txt"): by what the text holds.
    const std::string_view body = strip_bom(text);
    const auto first = body.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && (body[first] == '{' || body[first] == '[')) {
        return Form::json;
    }
    return looks_like_document(body) ? Form::document : Form::neither;
}

bool starts_like_json(std::string_view text) {
    const std::string_view body = strip_bom(text);
    const auto first = body.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && body[first] == '{';
}

// A document: imported as `aijri import` reads it, audited as it audits, then scored.
Evaluation evaluate_document(std::string_view text, std::string file,
                             const Methodology& methodology, bool found_in_folder) {
    Evaluation result;
    result.file = std::move(file);
    ImportOptions options;
    options.methodology = &methodology;
    ImportResult imported = import_document(text, result.file, options);
    if (!imported.is_document && found_in_folder) {
        result.skipped = fmt::format("{}: skipped: not an assessment document (not one of its "
                                     "lines is the title of a section of one)",
                                     result.file);
        return result;
    }
    result.diagnostics = std::move(imported.diagnostics);
    if (!imported.is_document && starts_like_json(text) && !result.diagnostics.empty()) {
        result.diagnostics.front().message +=
            "; it reads as JSON: name it *.json, or pass --input-format json";
    }
    if (imported.methodology_error) {
        result.methodology_error = true;
        sort_by_position(result.diagnostics);
        return result;
    }
    if (!imported.assessment) {
        sort_by_position(result.diagnostics);
        return result;
    }
    result.assessment = std::move(imported.assessment);
    if (imported.mismatches > 0) {
        // Stated figures that do not match: errors of the assessment, as in JSON.
        sort_by_position(result.diagnostics);
        return result;
    }
    try {
        Score score = compute_score(*result.assessment, methodology);
        check_printable(score);
        result.diagnostics.insert(result.diagnostics.end(), score.warnings.begin(),
                                  score.warnings.end());
        result.score = std::move(score);
    } catch (const std::overflow_error&) {
        refuse_methodology(result, methodology);
    }
    sort_by_position(result.diagnostics);
    return result;
}

// `padded`: the same text, readable in place.
Evaluation evaluate_text(AssessmentReader& reader, std::string_view text, const PaddedText* padded,
                         std::string file, const Methodology& methodology, const ReadOptions& how) {
    const Form form = form_of(file, text, how.format);
    if (form == Form::document) {
        return evaluate_document(text, std::move(file), methodology, how.found_in_folder);
    }
    if (form == Form::neither) {
        Evaluation result;
        result.file = std::move(file);
        result.diagnostics.push_back(make_error(
            "", {},
            "expected an assessment: a JSON object (\"{…}\"), or a document with the sections "
            "of one (\"Role Definition\", \"Task Decomposition\", …), found neither (name it "
            "*.json or *.md, or pass --input-format)"));
        return result;
    }
    Evaluation result;
    result.file = std::move(file);
    ReadResult read =
        padded != nullptr ? reader.read(*padded, result.file) : reader.read(text, result.file);
    result.diagnostics = std::move(read.diagnostics);
    if (!read.assessment) {
        result.declared_id = std::move(read.declared_id);
        if (read.partial) {
            audit_what_can_be(*read.partial, text, methodology, result.diagnostics);
        }
        sort_by_position(result.diagnostics);
        // Only on failure, so the JSON path costs nothing more: a document named *.json.
        if (!result.diagnostics.empty() && looks_like_document(strip_bom(text))) {
            result.diagnostics.front().message +=
                "; it reads as an assessment document: name it *.md, or pass --input-format "
                "markdown";
        }
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
        result.assessment = std::move(read.assessment);
        refuse_methodology(result, methodology);
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

} // namespace

void analyse_robustness_of(Evaluation& e, const Methodology& methodology, UncertaintyModel model) {
    if (!e.valid()) {
        return;
    }
    try {
        e.robustness = analyse_robustness(*e.assessment, methodology, model);
    } catch (const std::overflow_error&) {
        refuse_methodology(e, methodology);
    } catch (const std::domain_error& refused) {
        e.methodology_error = true;
        e.score.reset();
        e.diagnostics.insert(e.diagnostics.begin(),
                             make_error("", {},
                                        fmt::format("cannot be analysed with the methodology "
                                                    "\"{}\": {}",
                                                    methodology.name, refused.what())));
    }
}

Evaluation evaluate(AssessmentReader& reader, std::string_view text, std::string file,
                    const Methodology& methodology, const ReadOptions& how) {
    return evaluate_text(reader, text, nullptr, std::move(file), methodology, how);
}

Evaluation evaluate(AssessmentReader& reader, PaddedText text, std::string file,
                    const Methodology& methodology, const ReadOptions& how) {
    return evaluate_text(reader, text.view(), &text, std::move(file), methodology, how);
}

} // namespace aijri
