#include "aijri/model/schema.hpp"
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "aijri/model/assessment.hpp"

namespace aijri {
namespace {

using Json = nlohmann::ordered_json;

// Every object in the format refuses unknown keys but accepts "x-" extensions.
Json strict_object(Json properties, Json required, std::string description) {
    Json schema{{"type", "object"}, {"description", std::move(description)}};
    schema["properties"] = std::move(properties);
    if (!required.empty()) {
        schema["required"] = std::move(required);
    }
    schema["patternProperties"] = Json{{"^x-", Json::object()}};
    schema["additionalProperties"] = false;
    return schema;
}

Json integer_range(ScoreBounds bounds, std::string description) {
    // multipleOf 1 rather than "type": "integer" so that 2.0 is accepted, as aijri does.
    return Json{{"type", "number"},
                {"multipleOf", 1},
                {"minimum", bounds.min},
                {"maximum", bounds.max},
                {"description", std::move(description)}};
}

// "range": [lo, hi], each end within the score's own bounds.
Json score_range(ScoreBounds bounds) {
    return Json{{"type", "array"},
                {"items", integer_range(bounds, "An end of the range, within the score's bounds.")},
                {"minItems", 2},
                {"maxItems", 2},
                {"description",
                 "[lo, hi]: the values the analyst is unsure between, both included; `aijri "
                 "robustness` takes the input as uniform over them. lo <= score <= hi is checked "
                 "by `aijri validate`, not here: a JSON Schema cannot compare two values."}};
}

Json text(std::string description) {
    return Json{{"type", "string"}, {"description", std::move(description)}};
}

// aijri reads a string of spaces, tabs and line breaks only as empty. Spelt out rather
// than "\\S", which also takes other Unicode spaces (a no-break space) for blanks.
constexpr std::string_view k_not_blank = "[^ \\t\\r\\n]";

// A string that must hold more than blanks.
Json nonempty_text(std::string description) {
    return Json{{"type", "string"},
                {"minLength", 1},
                {"pattern", k_not_blank},
                {"description", std::move(description)}};
}

// A sub-label: a non-empty string, or null for none.
Json sub_label(std::string description) {
    return Json{{"type", Json::array({"string", "null"})},
                {"pattern", k_not_blank},
                {"description", std::move(description)}};
}

// Principles take no range: they do not enter the composite.
enum class RangeKey { allowed, refused };

Json scored_item(ScoreBounds bounds, const std::string& what, RangeKey range) {
    Json properties{{"score", integer_range(bounds, what)}};
    if (range == RangeKey::allowed) {
        properties["range"] = score_range(bounds);
    }
    properties["rationale"] = text("Why this score.");
    return strict_object(std::move(properties), Json::array({"score"}), what);
}

template <std::size_t N>
Json scored_group(const std::array<std::string_view, N>& keys,
                  const std::array<std::string_view, N>& titles, ScoreBounds bounds, RangeKey range,
                  const std::string& description) {
    Json properties = Json::object();
    Json required = Json::array();
    for (std::size_t i = 0; i < N; ++i) {
        properties[std::string(keys[i])] =
            scored_item(bounds,
                        std::string(titles[i]) + ", " + std::to_string(bounds.min) + " to " +
                            std::to_string(bounds.max),
                        range);
        required.push_back(keys[i]);
    }
    return strict_object(std::move(properties), std::move(required), description);
}

Json zone_enum() {
    Json names = Json::array();
    for (const std::string_view name : k_zone_names) {
        names.push_back(name);
    }
    return Json{{"enum", std::move(names)}};
}

Json task_schema() {
    return strict_object(
        Json{{"name", nonempty_text("The task; distinct within the role (diffs match tasks by "
                                    "name).")},
             {"time_pct",
              Json{{"type", "number"},
                   {"exclusiveMinimum", 0},
                   {"maximum", 100},
                   {"description",
                    "Share of working time in percent, greater than 0 and at most 100, with at "
                    "most 2 decimals (9.38); the shares of a role sum to exactly 100. The "
                    "decimals and the sum are checked by `aijri validate`, not here: common "
                    "validators (python-jsonschema, ajv) evaluate \"multipleOf\": 0.01 in binary "
                    "floating point and would refuse valid shares such as 9.38."}}},
             {"score",
              integer_range(k_task_score_bounds, "1 = AI not involved … 5 = AI does it alone")},
             {"range", score_range(k_task_score_bounds)},
             {"impact",
              Json{{"enum", Json::array({"displacement", "augmentation", "not_involved"})}}},
             {"rationale", text("Why this score.")}},
        Json::array({"name", "time_pct", "score", "impact"}), "One task of the role.");
}

Json stated_schema() {
    const Json number{{"type", "number"}};
    Json properties = Json::object();
    Json split = Json::object();
    for (const StatedFigure& figure : k_stated_figures) {
        Json& object = figure.group.empty() ? properties : split;
        if (figure.group == k_stated_split && split.empty()) {
            properties[std::string(k_stated_split)] = Json(); // its place; filled below
        }
        if (figure.number) {
            object[std::string(figure.key)] = number;
        } else if (figure.id == StatedId::zone) {
            object[std::string(figure.key)] = zone_enum();
        } else {
            object[std::string(figure.key)] =
                sub_label("The sub-label the author wrote, or null for none.");
        }
    }
    properties[std::string(k_stated_split)] = strict_object(
        std::move(split), Json::array(), "Time shares by impact, as the author wrote them.");
    return strict_object(std::move(properties), Json::array(),
                         "Figures the author wrote down; each is checked against the computation "
                         "at the precision it is written with.");
}

Json override_schema() {
    Json object = strict_object(
        Json{{"aijri",
              Json{{"type", "number"},
                   {"minimum", 0},
                   {"maximum", 100},
                   {"description",
                    "The AIJRI to publish, 0.0 to 100.0 with at most 1 decimal (the decimal is "
                    "checked by `aijri validate`, for the reason given at time_pct)."}}},
             {"zone", zone_enum()},
             {"sub_label", sub_label("The sub-label to publish, or null for none.")},
             {"reason", nonempty_text("Why the formula's figures are overridden.")}},
        Json::array({"reason"}), "The assessor's override of the formula, with a reason.");
    object["anyOf"] = Json::array({Json{{"required", Json::array({"aijri"})}},
                                   Json{{"required", Json::array({"zone"})}},
                                   Json{{"required", Json::array({"sub_label"})}}});
    return Json{{"oneOf", Json::array({Json{{"type", "null"}}, object})}};
}

} // namespace

std::string assessment_schema() {
    Json role = strict_object(Json{{"title", nonempty_text("The role's title.")},
                                   {"seniority", text("Seniority level.")},
                                   {"primary_function", text("What the role does.")},
                                   {"not_this_role", text("Neighbouring roles this is not.")},
                                   {"typical_experience", text("Typical experience.")},
                                   {"seniority_note", text("How other seniorities would score.")}},
                              Json::array({"title"}), "The role being assessed.");
    Json properties{
        {"$schema", Json{{"type", "string"}}},
        {"aijri", Json{{"const", 1}, {"description", "Format version."}}},
        {"id", nonempty_text("Stable key for diffs; default: file name without .json.")},
        {"role", std::move(role)},
        {"protective_principles",
         scored_group(k_principle_keys, k_principle_titles, k_principle_bounds, RangeKey::refused,
                      "The three protective principles.")},
        {"growth_correlation",
         scored_item(k_growth_bounds, "AI growth correlation, -2 to +2", RangeKey::allowed)},
        {"tasks",
         Json{{"type", "array"}, {"minItems", 1}, {"maxItems", 50}, {"items", task_schema()}}},
        {"reinstatement",
         strict_object(Json{{"new_tasks", Json{{"type", "boolean"}}}, {"note", text("")}},
                       Json::array({"new_tasks"}), "Does AI create new tasks for this role?")},
        {"evidence", scored_group(k_evidence_keys, k_evidence_titles, k_evidence_bounds,
                                  RangeKey::allowed, "Labour-market evidence, five dimensions.")},
        {"barriers", scored_group(k_barrier_keys, k_barrier_titles, k_barrier_bounds,
                                  RangeKey::allowed, "Barriers to automation, five dimensions.")},
        {"override", override_schema()},
        {"stated", stated_schema()},
        {"commentary", Json{{"type", "array"},
                            {"items", strict_object(Json{{"heading", text("")}, {"text", text("")}},
                                                    Json::array(), "A commentary section.")}}}};
    Json schema{{"$schema", "https://json-schema.org/draft/2020-12/schema"},
                {"$id", "https://aijri.invalid/schema/assessment.schema.json"},
                {"title", "AIJRI role assessment, format 1"}};
    Json root = strict_object(std::move(properties),
                              Json::array({"aijri", "role", "protective_principles",
                                           "growth_correlation", "tasks", "evidence", "barriers"}),
                              "One job-role AI-resilience assessment (aijri format 1). This "
                              "schema checks structure, types, ranges and names. `aijri "
                              "validate` checks, besides, what a JSON Schema cannot say, or what "
                              "common validators do not evaluate exactly: time shares with at "
                              "most 2 decimals that sum to exactly 100, distinct task names, an "
                              "override's AIJRI with at most 1 decimal, a score within its "
                              "range, no key given twice in an object, and the stated figures "
                              "against the computation.");
    for (auto& [key, value] : root.items()) {
        schema[key] = value;
    }
    return schema.dump(2);
}

} // namespace aijri
