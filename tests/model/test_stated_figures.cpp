#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "aijri/assessment/reader.hpp"
#include "aijri/assessment/writer.hpp"
#include "aijri/model/schema.hpp"
#include "aijri/model/stated_figures.hpp"

#include "support/builder.hpp"

using namespace aijri;

namespace {

// The keys of an object of the schema, in its order.
std::vector<std::string> property_names(const nlohmann::ordered_json& object) {
    std::vector<std::string> names;
    for (const auto& [key, value] : object.at("properties").items()) {
        names.push_back(key);
    }
    return names;
}

template <std::size_t N>
std::vector<std::string> as_strings(const std::array<std::string_view, N>& keys) {
    return {keys.begin(), keys.end()};
}

// A number no two figures share, with a trailing zero that must survive a round trip.
std::string number_for(const StatedFigure& figure) {
    return fmt::format("{}.50", static_cast<int>(figure.id) + 1);
}

// Every figure of the table stated once, as JSON members of "stated".
std::string every_stated_figure() {
    std::string top;
    std::string split;
    for (const StatedFigure& figure : k_stated_figures) {
        std::string value = number_for(figure);
        if (figure.id == StatedId::zone) {
            value = "\"Yellow\"";
        } else if (figure.id == StatedId::sub_label) {
            value = "\"Stable\"";
        }
        std::string& object = figure.group.empty() ? top : split;
        object += fmt::format("{}\"{}\": {}", object.empty() ? "" : ", ", figure.key, value);
    }
    return fmt::format(",\n  \"stated\": {{{}, \"{}\": {{{}}}}}", top, k_stated_split, split);
}

} // namespace

TEST_CASE("the stated figures are the schema's, in its order") {
    const nlohmann::ordered_json stated =
        nlohmann::ordered_json::parse(assessment_schema()).at("properties").at("stated");
    CHECK(property_names(stated) == as_strings(k_stated_keys));
    CHECK(property_names(stated.at("properties").at(std::string(k_stated_split))) ==
          as_strings(k_stated_split_keys));
    std::size_t figures = 0;
    for (const StatedFigure& figure : k_stated_figures) {
        CAPTURE(figure.key);
        const auto& object =
            figure.group.empty() ? stated : stated.at("properties").at(std::string(figure.group));
        CHECK(object.at("properties").contains(std::string(figure.key)));
        ++figures;
    }
    CHECK(figures == k_stated_keys.size() - 1 + k_stated_split_keys.size());
}

TEST_CASE("the reader keeps every stated figure and the writer writes it back") {
    test::AssessmentSpec spec;
    spec.extra = every_stated_figure();
    const std::string text = test::to_json(spec);
    AssessmentReader reader;
    const ReadResult result = reader.read(text, "a.json");
    REQUIRE(result.assessment);
    const StatedFigures& stated = result.assessment->stated;
    for (const StatedFigure& figure : k_stated_figures) {
        CAPTURE(figure.key);
        if (figure.number) {
            const auto& number = stated.*figure.number;
            REQUIRE(number);
            CHECK(to_fixed(number->value.value, number->value.decimals) == number_for(figure));
            const std::string group = figure.group.empty() ? "" : fmt::format("/{}", figure.group);
            CHECK(number->pointer == fmt::format("/stated{}/{}", group, figure.key));
        }
    }
    REQUIRE(stated.zone);
    CHECK(stated.zone->value == Zone::yellow);
    REQUIRE(stated.sub_label);
    CHECK(stated.sub_label->value == "Stable");

    const auto original = nlohmann::ordered_json::parse(text).at("stated");
    const auto written =
        nlohmann::ordered_json::parse(assessment_to_json(*result.assessment)).at("stated");
    CHECK(written.dump() == original.dump());
}

TEST_CASE("an unknown stated key is refused with the table's keys offered") {
    test::AssessmentSpec spec;
    spec.extra = ",\n  \"stated\": {\"task_weighted_totl\": 2.25}";
    AssessmentReader reader;
    const ReadResult result = reader.read(test::to_json(spec), "a.json");
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].message ==
          "unknown key \"task_weighted_totl\"; did you mean \"task_weighted_total\"?");
}
