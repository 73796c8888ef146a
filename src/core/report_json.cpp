#include "aijri/report_json.hpp"
#include <charconv>
#include <string>

#include <fmt/format.h>

#include "aijri/text.hpp"

#include "json_syntax.hpp"

namespace aijri {

nlohmann::ordered_json json_number(const Rational& value, int decimals) {
    const Rational shown = value.rounded(decimals);
    if (shown.is_integer() && decimals == 0) {
        return static_cast<std::int64_t>(shown.numerator());
    }
    const std::string text = to_fixed(shown, decimals);
    double number = 0;
    std::from_chars(text.data(), text.data() + text.size(), number);
    return number;
}

std::string dump_json(const nlohmann::ordered_json& value, int indent) {
    const std::string text =
        value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    // nlohmann escapes C0 controls itself; what is left to escape (DEL, and multi-byte
    // characters) occurs only inside strings, where a \u escape means the same character.
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = std::max<std::size_t>(detail::utf8_sequence_length(text, i), 1);
        if (text[i] == '\x7f') {
            out += "\\u007f";
            ++i;
            continue;
        }
        if (length > 1) {
            std::uint32_t cp = static_cast<unsigned char>(text[i]) & (0xFFU >> (length + 1));
            for (std::size_t k = 1; k < length; ++k) {
                cp = (cp << 6U) | (static_cast<unsigned char>(text[i + k]) & 0x3FU);
            }
            if (is_unsafe_code_point(cp)) {
                out += fmt::format("\\u{:04x}", cp);
                i += length;
                continue;
            }
        }
        out.append(text, i, length);
        i += length;
    }
    return out;
}

namespace {

using Json = nlohmann::ordered_json;

// Exact figures are shown with as many decimals as they have (up to 6).
Json exact_number(const Rational& value) {
    const int decimals = value.exact_decimals().value_or(6);
    return json_number(value, decimals > 6 ? 6 : decimals);
}

Json optional_text(const std::optional<std::string>& text) {
    return text ? Json(*text) : Json(nullptr);
}

Json verdict_json(const Verdict& verdict, int decimals) {
    return Json{{"aijri", json_number(verdict.aijri, decimals)},
                {"zone", verdict.zone},
                {"sub_label", optional_text(verdict.sub_label)}};
}

Json override_json(const Assessment& assessment, int decimals) {
    if (!assessment.override_) {
        return nullptr;
    }
    const Override& o = *assessment.override_;
    Json out = Json::object();
    if (o.aijri) {
        out["aijri"] = json_number(*o.aijri, decimals);
    }
    if (o.zone) {
        out["zone"] = *o.zone;
    }
    if (o.has_sub_label) {
        out["sub_label"] = optional_text(o.sub_label);
    }
    out["reason"] = o.reason;
    return out;
}

Json errors_json(const Evaluation& evaluation) {
    Json errors = Json::array();
    for (const Diagnostic& d : evaluation.diagnostics) {
        if (d.severity != Severity::error) {
            continue;
        }
        errors.push_back(Json{{"pointer", d.pointer},
                              {"line", d.position.line},
                              {"column", d.position.column},
                              {"message", d.message}});
    }
    return Json{{"file", evaluation.file}, {"errors", std::move(errors)}};
}

} // namespace

Json result_json(const Evaluation& evaluation, const Methodology& methodology) {
    if (!evaluation.valid()) {
        return errors_json(evaluation);
    }
    const Assessment& a = *evaluation.assessment;
    const Score& s = *evaluation.score;
    const int decimals = methodology.published_decimals;
    Json warnings = Json::array();
    for (const Diagnostic& d : evaluation.diagnostics) {
        if (d.severity == Severity::warning) {
            warnings.push_back(d.message);
        }
    }
    return Json{
        {"file", evaluation.file},
        {"id", a.id},
        {"title", a.role.title},
        {"methodology", s.methodology},
        {"task_weighted_total", exact_number(s.task_weighted_total)},
        {"task_resistance", exact_number(s.task_resistance)},
        {"protective_total", s.protective_total},
        {"growth_correlation", s.growth_correlation},
        {"evidence_total", s.evidence_total},
        {"evidence_modifier", exact_number(s.evidence_modifier)},
        {"barrier_total", s.barrier_total},
        {"barrier_modifier", exact_number(s.barrier_modifier)},
        {"growth_modifier", exact_number(s.growth_modifier)},
        {"raw", json_number(s.raw, 4)},
        {"aijri", json_number(s.final_.aijri, decimals)},
        {"zone", s.final_.zone},
        {"sub_label", optional_text(s.final_.sub_label)},
        {"label", s.final_.label},
        {"pct_time_3plus", exact_number(s.pct_time_3plus)},
        {"split", Json{{"displacement", exact_number(s.split.displacement)},
                       {"augmentation", exact_number(s.split.augmentation)},
                       {"not_involved", exact_number(s.split.not_involved)}}},
        {"quick_screen", s.quick_screen},
        {"override", override_json(a, decimals)},
        {"formula", verdict_json(s.formula, decimals)},
        {"warnings", std::move(warnings)},
        {"exact", Json{{"raw", to_exact_string(s.raw)}, {"aijri", to_exact_string(s.aijri_exact)}}},
    };
}

} // namespace aijri
