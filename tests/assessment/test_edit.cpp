#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "aijri/assessment/edit.hpp"
#include "aijri/assessment/reader.hpp"

#include "support/builder.hpp"

using namespace aijri;

namespace {

Assessment seed() {
    AssessmentReader reader;
    ReadResult read = reader.read(test::seed_json(), "deep-learning-engineer.json");
    REQUIRE(read.assessment);
    return *read.assessment;
}

InputSetting edit(std::string pointer, const std::string& value) {
    return InputSetting{std::move(pointer), parse_json_number(value).literal};
}

// The messages of edits that cannot be made on the seed, each with the edit it is about.
std::vector<std::string> problems(const std::vector<InputSetting>& edits) {
    Assessment a = seed();
    std::vector<std::string> out;
    for (const EditError& e : apply_edits(a, edits)) {
        out.push_back((e.edit == k_every_edit ? std::string("all") : std::to_string(e.edit)) +
                      (e.at_value ? " value: " : " pointer: ") + e.message);
    }
    return out;
}

} // namespace

TEST_CASE("edits set every kind of scored input, a principle and a time share") {
    Assessment a = seed();
    const std::vector<InputSetting> edits = {
        edit("/tasks/1/score", "4"),
        edit("/tasks/0/time_pct", "19.5"),
        edit("/tasks/5/time_pct", "10.50"),
        edit("/evidence/wage_trends/score", "-2"),
        edit("/barriers/physical_presence/score", "2"),
        edit("/protective_principles/embodied_physicality/score", "3"),
        edit("/growth_correlation/score", "-1"),
    };
    REQUIRE(apply_edits(a, edits).empty());
    CHECK(a.tasks[1].score == 4);
    CHECK(a.tasks[0].time_pct == Rational::decimal(195, 1));
    CHECK(a.tasks[5].time_pct == Rational::decimal(105, 1));
    CHECK(a.evidence[2].score == -2);
    CHECK(a.barriers[1].score == 2);
    CHECK(a.principles[0].score == 3);
    CHECK(a.growth.score == -1);
}

TEST_CASE("edit values are held to the file's rules") {
    CHECK(problems({edit("/tasks/1/score", "6")}) ==
          std::vector<std::string>{"0 value: expected an integer from 1 to 5, found 6"});
    CHECK(problems({edit("/tasks/1/score", "3.5")}) ==
          std::vector<std::string>{"0 value: expected an integer from 1 to 5, found 3.5"});
    CHECK(problems({edit("/evidence/company_actions/score", "3")}) ==
          std::vector<std::string>{"0 value: expected an integer from -2 to 2, found 3"});
    CHECK(problems({edit("/barriers/cultural_ethical/score", "-1")}) ==
          std::vector<std::string>{"0 value: expected an integer from 0 to 2, found -1"});
    CHECK(problems({edit("/protective_principles/deep_interpersonal_connection/score", "4")}) ==
          std::vector<std::string>{"0 value: expected an integer from 0 to 3, found 4"});
    CHECK(problems({edit("/growth_correlation/score", "-3")}) ==
          std::vector<std::string>{"0 value: expected an integer from -2 to 2, found -3"});
    CHECK(problems({edit("/tasks/0/time_pct", "0")}) ==
          std::vector<std::string>{"0 value: expected a time share in percent, greater than 0 "
                                   "and at most 100, found 0"});
    CHECK(problems({edit("/tasks/0/time_pct", "19.995")}) ==
          std::vector<std::string>{
              "0 value: expected a time share with at most 2 decimals, found 19.995"});
}

TEST_CASE("edited shares must still sum to 100, once every edit is made") {
    CHECK(problems({edit("/tasks/0/time_pct", "30")}) ==
          std::vector<std::string>{"all value: expected time shares that sum to exactly 100, "
                                   "found a sum of 110 after the edits"});
    CHECK(problems({edit("/tasks/0/time_pct", "30"), edit("/tasks/1/time_pct", "15")}).empty());
}

TEST_CASE("a pointer that names nothing editable says what can be edited") {
    CHECK(problems({edit("/tasks/9/score", "4")}) ==
          std::vector<std::string>{
              "0 pointer: expected a task from /tasks/0 to /tasks/5, found \"/tasks/9/score\""});
    const std::string editable =
        "expected a pointer to an input that can be edited (/tasks/N/score, /tasks/N/time_pct, "
        "/evidence/KEY/score, /barriers/KEY/score, /protective_principles/KEY/score or "
        "/growth_correlation/score), found ";
    CHECK(problems({edit("/evidence/wage_trend/score", "1")}) ==
          std::vector<std::string>{"0 pointer: " + editable +
                                   "\"/evidence/wage_trend/score\"; did you mean "
                                   "\"/evidence/wage_trends/score\"?"});
    CHECK(problems({edit("/tasks/1/impact", "1")}) ==
          std::vector<std::string>{"0 pointer: " + editable + "\"/tasks/1/impact\""});
    // An index as RFC 6901 writes it: no leading zero.
    CHECK(problems({edit("/tasks/01/score", "4")}) ==
          std::vector<std::string>{"0 pointer: " + editable +
                                   "\"/tasks/01/score\"; did you mean \"/tasks/0/score\"?"});
    CHECK(problems({edit("/tasks/1/score", "4"), edit("/tasks/1/score", "5")}) ==
          std::vector<std::string>{
              "1 pointer: expected each input set once, found \"/tasks/1/score\" set again"});
}

TEST_CASE("editable pointers list every input an edit may name, in file order") {
    const std::vector<std::string> pointers = editable_pointers(seed());
    REQUIRE(pointers.size() == 3 + 1 + 2 * 6 + 5 + 5);
    CHECK(pointers.front() == "/protective_principles/embodied_physicality/score");
    CHECK(pointers[4] == "/tasks/0/time_pct");
    CHECK(pointers.back() == "/barriers/cultural_ethical/score");
}

TEST_CASE("an edited score leaves its declared range behind, an untouched one keeps it") {
    Assessment a = seed();
    a.tasks[1].range = ScoreRange{2, 4};
    a.tasks[2].range = ScoreRange{3, 4};
    a.growth.range = ScoreRange{1, 2};
    const std::vector<InputSetting> edits{edit("/tasks/1/score", "5"),
                                          edit("/growth_correlation/score", "1")};
    REQUIRE(apply_edits(a, edits).empty());
    CHECK(a.tasks[1].score == 5);
    CHECK_FALSE(a.tasks[1].range);
    CHECK_FALSE(a.growth.range);
    CHECK(a.tasks[2].range == ScoreRange{3, 4});
}
