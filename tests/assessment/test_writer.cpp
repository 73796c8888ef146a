#include <string>

#include <catch2/catch.hpp>

#include "aijri/assessment/reader.hpp"
#include "aijri/assessment/writer.hpp"

#include "support/builder.hpp"

using namespace aijri;

namespace {

Assessment read_valid(const std::string& text) {
    AssessmentReader reader;
    ReadResult result = reader.read(text, "a.json");
    REQUIRE(result.assessment);
    return std::move(*result.assessment);
}

} // namespace

TEST_CASE("the writer puts a range after its score, on one line, and reads back the same",
          "[range]") {
    Assessment a = read_valid(test::to_json(test::AssessmentSpec{}));
    a.tasks[1].range = ScoreRange{2, 4};
    a.growth.range = ScoreRange{1, 2};
    a.evidence[2].range = ScoreRange{-1, 1};
    a.barriers[4].range = ScoreRange{0, 2};
    const std::string json = assessment_to_json(a);
    CHECK(json.find("  \"growth_correlation\": {\n"
                    "    \"score\": 2,\n"
                    "    \"range\": [1, 2]\n"
                    "  },\n") != std::string::npos);
    CHECK(json.find("      \"name\": \"Task 2\",\n"
                    "      \"time_pct\": 25,\n"
                    "      \"score\": 3,\n"
                    "      \"range\": [2, 4],\n"
                    "      \"impact\": \"augmentation\"\n") != std::string::npos);
    CHECK(json.find("    \"wage_trends\": {\n"
                    "      \"score\": 1,\n"
                    "      \"range\": [-1, 1],\n"
                    "      \"rationale\": \"r\"\n") != std::string::npos);
    CHECK(json.find("\"range\": [0, 2]") != std::string::npos);

    const Assessment back = read_valid(json);
    CHECK(back.tasks[1].range == ScoreRange{2, 4});
    CHECK_FALSE(back.tasks[0].range);
    CHECK(back.growth.range == ScoreRange{1, 2});
    CHECK(back.evidence[2].range == ScoreRange{-1, 1});
    CHECK(back.barriers[4].range == ScoreRange{0, 2});
    CHECK(assessment_to_json(back) == json);
}

TEST_CASE("an assessment without ranges is written without a range key", "[range]") {
    const Assessment a = read_valid(test::to_json(test::AssessmentSpec{}));
    CHECK(assessment_to_json(a).find("range") == std::string::npos);
}
