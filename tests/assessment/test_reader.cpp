#include <algorithm>
#include <string>

#include <catch2/catch.hpp>

#include "aijri/assessment/reader.hpp"
#include "aijri/batch/evaluate.hpp"
#include "aijri/json/limits.hpp"

#include "support/builder.hpp"

using namespace aijri;

namespace {

// All the errors of one text, formatted as the CLI prints them (without the source line).
std::vector<std::string> errors_of(const std::string& text) {
    AssessmentReader reader;
    const Evaluation e = evaluate(reader, text, "a.json", builtin_methodology());
    std::vector<std::string> out;
    for (const Diagnostic& d : e.diagnostics) {
        if (d.severity == Severity::error) {
            out.push_back(format_diagnostic("a.json", d));
        }
    }
    return out;
}

std::string valid() {
    return test::to_json(test::AssessmentSpec{});
}

// Replaces the first occurrence of `from` in the valid assessment.
std::string with(const std::string& from, const std::string& to) {
    std::string text = valid();
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    return text;
}

using Errors = std::vector<std::string>;

} // namespace

TEST_CASE("a valid assessment has no error") {
    CHECK(errors_of(valid()).empty());
}

TEST_CASE("scores out of range name the range and what was found") {
    CHECK(errors_of(with("\"time_pct\": 25, \"score\": 3", "\"time_pct\": 25, \"score\": 7")) ==
          Errors{"a.json:12:50: error: /tasks/1/score: expected an integer from 1 to 5, found 7"});
    CHECK(errors_of(with("\"score\": 2, \"rationale\": \"r\" }\n  },\n  \"growth",
                         "\"score\": 4, \"rationale\": \"r\" }\n  },\n  \"growth")) ==
          Errors{"a.json:7:47: error: /protective_principles/goal_setting_moral_judgment/score: "
                 "expected an integer from 0 to 3, found 4"});
    CHECK(errors_of(with("\"growth_correlation\": { \"score\": 2 }",
                         "\"growth_correlation\": { \"score\": -3 }")) ==
          Errors{"a.json:9:36: error: /growth_correlation/score: expected an integer from -2 "
                 "to 2, found -3"});
    CHECK(errors_of(with("\"job_posting_trends\": { \"score\": 2",
                         "\"job_posting_trends\": { \"score\": 3")) ==
          Errors{"a.json:19:38: error: /evidence/job_posting_trends/score: expected an integer "
                 "from -2 to 2, found 3"});
    CHECK(errors_of(with("\"regulatory_licensing\": { \"score\": 1",
                         "\"regulatory_licensing\": { \"score\": -1")) ==
          Errors{"a.json:26:40: error: /barriers/regulatory_licensing/score: expected an integer "
                 "from 0 to 2, found -1"});
}

TEST_CASE("integral values written with decimals are integers, others are not") {
    CHECK(errors_of(with("\"growth_correlation\": { \"score\": 2 }",
                         "\"growth_correlation\": { \"score\": 2.0 }"))
              .empty());
    CHECK(errors_of(with("\"growth_correlation\": { \"score\": 2 }",
                         "\"growth_correlation\": { \"score\": 1.5 }")) ==
          Errors{"a.json:9:36: error: /growth_correlation/score: expected an integer from -2 "
                 "to 2, found 1.5"});
    CHECK(errors_of(with("\"growth_correlation\": { \"score\": 2 }",
                         "\"growth_correlation\": { \"score\": 1e999 }")) ==
          Errors{"a.json:9:36: error: /growth_correlation/score: expected an integer from -2 "
                 "to 2, found 1e999"});
}

TEST_CASE("types are checked with what was found") {
    CHECK(errors_of(with("\"time_pct\": 20,", "\"time_pct\": \"20%\",")) ==
          Errors{"a.json:11:37: error: /tasks/0/time_pct: expected a time share in percent, "
                 "greater than 0 and at most 100, found a string \"20%\""});
    CHECK(errors_of(with("\"role\": { \"title\": \"Test Role\" }", "\"role\": [1]")) ==
          Errors{"a.json:3:11: error: /role: expected an object, found an array"});
    CHECK(errors_of(with("\"title\": \"Test Role\"", "\"title\": null")) ==
          Errors{"a.json:3:22: error: /role/title: expected a string, found null"});
    CHECK(errors_of(with("\"title\": \"Test Role\"", "\"title\": \"  \"")) ==
          Errors{"a.json:3:22: error: /role/title: expected a non-empty string, found an empty "
                 "one"});
    CHECK(errors_of(with("\"aijri\": 1", "\"aijri\": 2")) ==
          Errors{"a.json:2:12: error: /aijri: expected the format version 1, found 2"});
    CHECK(errors_of(with("\"aijri\": 1", "\"aijri\": \"1\"")) ==
          Errors{"a.json:2:12: error: /aijri: expected the format version 1, found a string "
                 "\"1\""});
}

TEST_CASE("impact is one of three words") {
    CHECK(errors_of(with("\"impact\": \"augmentation\"", "\"impact\": \"Augmentation\"")) ==
          Errors{"a.json:11:63: error: /tasks/0/impact: expected one of \"displacement\", "
                 "\"augmentation\", \"not_involved\", found \"Augmentation\"; did you mean "
                 "\"augmentation\"?"});
    CHECK(errors_of(with("\"impact\": \"augmentation\"", "\"impact\": \"displacment\"")) ==
          Errors{"a.json:11:63: error: /tasks/0/impact: expected one of \"displacement\", "
                 "\"augmentation\", \"not_involved\", found \"displacment\"; did you mean "
                 "\"displacement\"?"});
    CHECK(errors_of(with("\"impact\": \"augmentation\"", "\"impact\": \"robots\"")) ==
          Errors{"a.json:11:63: error: /tasks/0/impact: expected one of \"displacement\", "
                 "\"augmentation\", \"not_involved\", found \"robots\""});
}

TEST_CASE("unknown keys are errors, x- keys are ignored at any level") {
    // A mistyped required key is one error with its suggestion, not "missing" as well.
    CHECK(errors_of(with("\"physical_presence\"", "\"phyiscal_presence\"")) ==
          Errors{"a.json:27:5: error: /barriers/phyiscal_presence: unknown key "
                 "\"phyiscal_presence\"; did you mean \"physical_presence\"?"});
    CHECK(errors_of(with("\"aijri\": 1", "\"aijri\": 1, \"colour\": 1")) ==
          Errors{"a.json:2:15: error: /colour: unknown key \"colour\" (expected one of: "
                 "$schema, aijri, id, role, protective_principles, growth_correlation, tasks, "
                 "reinstatement, evidence, barriers, override, stated, commentary; keys "
                 "beginning with \"x-\" are ignored)"});
    CHECK(errors_of(with("\"title\": \"Test Role\"",
                         "\"title\": \"Test Role\", \"x-notes\": {\"deep\": [1, {\"x\": null}]}"))
              .empty());
}

TEST_CASE("missing required keys are reported at their object") {
    CHECK(errors_of(with("\"score\": 2, \"impact\"", "\"impact\"")) ==
          Errors{"a.json:11:5: error: /tasks/0: missing required key \"score\""});
}

TEST_CASE("duplicate keys are errors") {
    CHECK(errors_of(with("\"title\": \"Test Role\"", "\"title\": \"A\", \"title\": \"B\"")) ==
          Errors{"a.json:3:27: error: /role/title: duplicate key \"title\" (first at line 3, "
                 "column 13)"});
}

TEST_CASE("time shares: positive, at most 100, two decimals, summing to exactly 100") {
    CHECK(errors_of(with("\"time_pct\": 20,", "\"time_pct\": 20.125,")) ==
          Errors{"a.json:11:37: error: /tasks/0/time_pct: expected a time share with at most 2 "
                 "decimals, found 20.125"});
    CHECK(errors_of(with("\"time_pct\": 20,", "\"time_pct\": 0,")) ==
          Errors{"a.json:11:37: error: /tasks/0/time_pct: expected a time share in percent, "
                 "greater than 0 and at most 100, found 0"});
    CHECK(errors_of(with("\"time_pct\": 20,", "\"time_pct\": 19.99,")) ==
          Errors{"a.json:10:12: error: /tasks: expected time shares that sum to exactly 100, "
                 "found a sum of 99.99"});
    CHECK(errors_of(with("\"time_pct\": 20,", "\"time_pct\": 20.00,")).empty());
}

TEST_CASE("1 to 50 tasks, with distinct names") {
    test::AssessmentSpec spec;
    spec.tasks.clear();
    for (int i = 0; i < 51; ++i) {
        spec.tasks.push_back({i == 0 ? "50" : "1", 2});
    }
    CHECK(errors_of(test::to_json(spec)) ==
          Errors{"a.json:10:12: error: /tasks: expected 1 to 50 tasks, found 51"});
    spec.tasks.clear();
    CHECK(errors_of(test::to_json(spec)) ==
          Errors{"a.json:10:12: error: /tasks: expected 1 to 50 tasks, found none"});
    CHECK(errors_of(with("\"name\": \"Task 2\"", "\"name\": \"Task 1\"")) ==
          Errors{"a.json:12:15: error: /tasks/1/name: duplicate task name \"Task 1\" (also "
                 "/tasks/0/name)"});
}

TEST_CASE("an override needs a reason and something to override") {
    CHECK(errors_of(with("\"override\": null", "\"override\": {\"zone\": \"Yellow\"}")) ==
          Errors{"a.json:32:15: error: /override: missing required key \"reason\""});
    CHECK(errors_of(with("\"override\": null", "\"override\": {\"reason\": \"because\"}")) ==
          Errors{"a.json:32:15: error: /override: expected an override of at least one of "
                 "\"aijri\", \"zone\", \"sub_label\" (or \"override\": null)"});
    CHECK(errors_of(with("\"override\": null", "\"override\": {\"zone\": \"Blue\", \"reason\": "
                                               "\"r\"}")) ==
          Errors{"a.json:32:24: error: /override/zone: expected one of \"Green\", \"Yellow\", "
                 "\"Red\", found \"Blue\""});
    CHECK(errors_of(with("\"override\": null", "\"override\": {\"aijri\": 64.55, \"reason\": "
                                               "\"r\"}")) ==
          Errors{"a.json:32:25: error: /override/aijri: expected an AIJRI from 0.0 to 100.0 with "
                 "at most 1 decimal, found 64.55"});
}

TEST_CASE("malformed JSON gives one precise error") {
    CHECK(errors_of(with("\"aijri\": 1,", "\"aijri\": 1,,")) ==
          Errors{"a.json:2:14: error: expected a string key, found ','"});
    CHECK(errors_of("") == Errors{"a.json:1:1: error: the file is empty: expected a JSON object"});
    CHECK(errors_of("[1, 2]") ==
          Errors{"a.json:1:1: error: expected a JSON object (one role assessment), found an "
                 "array"});
    CHECK(errors_of(valid() + "x") ==
          Errors{"a.json:34:1: error: unexpected 'x' after the end of the JSON document"});
    CHECK(errors_of(valid().substr(0, 200)).size() == 1);
    CHECK(errors_of("{\"a\": \"\xff\"}") ==
          Errors{"a.json:1:8: error: /a: invalid UTF-8: byte 0xff"});
}

TEST_CASE("a byte order mark is accepted and not counted in columns") {
    CHECK(errors_of("\xEF\xBB\xBF" + valid()).empty());
    const auto errors = errors_of("\xEF\xBB\xBF{\"aijri\": 1, \"aijri\": 1}");
    CHECK(std::find(errors.begin(), errors.end(),
                    "a.json:1:14: error: /aijri: duplicate key \"aijri\" (first at line 1, "
                    "column 2)") != errors.end());
}

TEST_CASE("the id defaults to the file name") {
    AssessmentReader reader;
    const ReadResult r = reader.read(valid(), "some/dir/nurse-practitioner.json");
    REQUIRE(r.assessment);
    CHECK(r.assessment->id == "nurse-practitioner");
    const ReadResult named =
        reader.read(with("\"aijri\": 1", "\"aijri\": 1, \"id\": \"np\""), "x.json");
    CHECK(named.assessment->id == "np");
}

TEST_CASE("the reader and the strict scanner agree on the depth limit") {
    // 64 levels (the root object is one) are read; the 65th is refused with the scanner's
    // message, not simdjson's.
    const auto nested = [](std::size_t levels) {
        return with("\"aijri\": 1", "\"aijri\": 1, \"x-deep\": " + std::string(levels - 1, '[') +
                                        std::string(levels - 1, ']'));
    };
    CHECK(errors_of(nested(k_max_json_depth)).empty());
    const auto errors = errors_of(nested(k_max_json_depth + 1));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("a.json:2:88: error: /x-deep/0/0/") == 0);
    CHECK(errors[0].find(": nesting deeper than 64 levels") != std::string::npos);
    const auto deep =
        errors_of("{\"x-a\": " + std::string(200'000, '[') + std::string(200'000, ']') + "}");
    REQUIRE(deep.size() == 1);
    CHECK(deep[0].find(": nesting deeper than 64 levels") != std::string::npos);
}

TEST_CASE("a document that is a bare value says what it is") {
    const std::string expected =
        "a.json:1:1: error: expected a JSON object (one role assessment), ";
    CHECK(errors_of("\"x\"") == Errors{expected + "found a string \"x\""});
    CHECK(errors_of("7") == Errors{expected + "found 7"});
    CHECK(errors_of("1e999") == Errors{expected + "found 1e999"});
    // simdjson 3.0 refuses these valid documents (trailing white space after a root scalar):
    // they are described from their text instead.
    CHECK(errors_of("null ") == Errors{expected + "found null"});
    CHECK(errors_of("true   ") == Errors{expected + "found true"});
    CHECK(errors_of(" \"\\u001b[31m\" ") ==
          Errors{"a.json:1:2: error: expected a JSON object (one role assessment), found a string "
                 "\"\\u001b[31m\""});
    CHECK(errors_of("7 x") == Errors{"a.json:1:3: error: unexpected 'x' after the end of the JSON "
                                     "document"});
    CHECK(errors_of("nul") == Errors{"a.json:1:1: error: invalid literal: expected null"});
}

TEST_CASE("numbers beyond what aijri reads are out of range, not 'not a number'") {
    CHECK(
        errors_of(with("\"override\": null", "\"stated\": {\"raw\": 1e999}")) ==
        Errors{"a.json:32:21: error: /stated/raw: expected a number, found 1e999, which is out of "
               "range (at most 18 digits before and 18 after the decimal point, 24 in all)"});
}

TEST_CASE("a file with very many errors gets the first hundred and a note") {
    std::string tasks = "[1";
    for (int i = 0; i < 200'000; ++i) {
        tasks += ",1";
    }
    const auto errors = errors_of(with("\"tasks\": [", "\"tasks\": " + tasks + "], \"x\": ["));
    REQUIRE(errors.size() == k_max_errors + 1);
    CHECK(errors.back().find("error: too many errors: stopped checking after 100; fix these "
                             "first") != std::string::npos);
}

TEST_CASE(
    "hostile sizes: a long key, many tasks and a long line get their errors, exactly placed") {
    // Each of these once took quadratic time: a long unknown key (edit distances), many task
    // names (duplicate check), errors on one long line (columns counted from its start).
    // Timing belongs in bench/; here each gets its errors and no more.
    const std::string long_key(4'000'000, 'k');
    const auto key_errors = errors_of("{\"" + long_key + "\": 1}");
    REQUIRE(key_errors.size() == 8); // seven missing keys, and this one
    CHECK(key_errors.back() == "a.json:1:2: error: /" + long_key + ": unknown key \"" +
                                   std::string(60, 'k') +
                                   "…\" (expected one of: $schema, aijri, id, role, "
                                   "protective_principles, growth_correlation, tasks, "
                                   "reinstatement, evidence, barriers, override, stated, "
                                   "commentary; keys beginning with \"x-\" are ignored)");
    std::string many_tasks = "{\"tasks\": [";
    for (int i = 0; i < 100'000; ++i) {
        many_tasks += (i == 0 ? "" : ",") + std::string("{\"name\": \"t") + std::to_string(i) +
                      "\", \"time_pct\": 1, \"score\": 1, \"impact\": \"displacement\"}";
    }
    const auto task_errors = errors_of(many_tasks + "]}");
    CHECK(task_errors.size() == 7); // six missing keys, and the tasks: none a task
    CHECK(std::find(task_errors.begin(), task_errors.end(),
                    "a.json:1:11: error: /tasks: expected 1 to 50 tasks, found 100000") !=
          task_errors.end());
    // A minified file: one line of 4 MB, an error at its end, placed by character.
    const std::string padding(4'000'000, ' ');
    const auto end_errors = errors_of("{\"aijri\": 1," + padding + "\"é\": 1}");
    CHECK(std::find(end_errors.begin(), end_errors.end(),
                    "a.json:1:4000013: error: /é: unknown key \"é\" (expected one of: $schema, "
                    "aijri, id, role, protective_principles, growth_correlation, tasks, "
                    "reinstatement, evidence, barriers, override, stated, commentary; keys "
                    "beginning with \"x-\" are ignored)") != end_errors.end());
}

TEST_CASE("a reader for scores checks the prose but does not keep it") {
    const std::string seed =
        test::read_text_file(AIJRI_SOURCE_DIR "/assessments/deep-learning-engineer.json");
    AssessmentReader full;
    AssessmentReader scores;
    scores.keep_prose(false);
    const ReadResult kept = full.read(seed, "a.json");
    const ReadResult dropped = scores.read(seed, "a.json");
    REQUIRE(kept.assessment);
    REQUIRE(dropped.assessment);
    const Assessment& a = *kept.assessment;
    const Assessment& b = *dropped.assessment;
    CHECK_FALSE(a.tasks[0].rationale.empty());
    CHECK(b.tasks[0].rationale.empty());
    CHECK(b.principles[0].rationale.empty());
    CHECK(b.role.primary_function.empty());
    CHECK(b.commentary.size() == a.commentary.size());
    CHECK(b.commentary[0].text.empty());
    // What the figures and reports use is all there.
    CHECK(b.id == a.id);
    CHECK(b.role.title == a.role.title);
    CHECK(b.tasks.size() == a.tasks.size());
    CHECK(b.tasks[1].name == a.tasks[1].name);
    CHECK(b.tasks[1].time_pct == a.tasks[1].time_pct);
    CHECK(b.evidence[2].score == a.evidence[2].score);
    // And the prose is still checked, with the same message.
    std::string bad = seed;
    const std::string from = "\"rationale\": \"";
    bad.replace(bad.find(from), from.size() + 1, "\"rationale\": 7, \"x-was\": \"");
    const ReadResult refused = scores.read(bad, "a.json");
    CHECK_FALSE(refused.assessment);
    REQUIRE(refused.diagnostics.size() == 1);
    CHECK(refused.diagnostics[0].message == "expected a string, found 7");
    CHECK(refused.diagnostics == full.read(bad, "a.json").diagnostics);
}

TEST_CASE("a file with errors still gives the id it declares, for a diff to pair it by") {
    AssessmentReader reader;
    test::AssessmentSpec spec;
    spec.tasks[1].score = 9;
    spec.extra = ",\n  \"id\": \"clerk\"";
    const ReadResult invalid = reader.read(test::to_json(spec), "dir/c.json");
    CHECK_FALSE(invalid.assessment);
    CHECK(invalid.declared_id == "clerk");
    // No id, or one that is not a non-empty string: nothing is declared.
    spec.extra.clear();
    CHECK(reader.read(test::to_json(spec), "dir/c.json").declared_id.empty());
    spec.extra = ",\n  \"id\": 7";
    CHECK(reader.read(test::to_json(spec), "dir/c.json").declared_id.empty());
    // A valid file's id is its assessment's.
    spec.tasks[1].score = 3;
    spec.extra = ",\n  \"id\": \"clerk\"";
    const ReadResult valid_read = reader.read(test::to_json(spec), "dir/c.json");
    REQUIRE(valid_read.assessment);
    CHECK(valid_read.assessment->id == "clerk");
    CHECK(valid_read.declared_id.empty());
    const Evaluation e =
        evaluate(reader, "{\"id\": \"clerk\", \"aijri\": 2}", "c.json", builtin_methodology());
    CHECK(e.declared_id == "clerk");
}

namespace {

// The valid assessment with `range` given to its second task (scored 3).
std::string with_task_range(const std::string& range) {
    return with("\"time_pct\": 25, \"score\": 3",
                "\"time_pct\": 25, \"score\": 3, \"range\": " + range);
}

} // namespace

TEST_CASE("a scored input's range is read, with its ends as integers", "[range]") {
    std::string text = with_task_range("[2, 4.0]");
    const auto replace = [&text](const std::string& from, const std::string& to) {
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
    };
    replace("\"growth_correlation\": { \"score\": 2 }",
            "\"growth_correlation\": { \"range\": [1, 2], \"score\": 2 }");
    replace("\"job_posting_trends\": { \"score\": 2",
            "\"job_posting_trends\": { \"score\": 2, \"range\": [-2, 2]");
    replace("\"physical_presence\": { \"score\": 0",
            "\"physical_presence\": { \"score\": 0, \"range\": [0, 0]");
    AssessmentReader reader;
    const ReadResult result = reader.read(text, "a.json");
    REQUIRE(result.assessment);
    const Assessment& a = *result.assessment;
    CHECK(a.tasks[1].range == ScoreRange{2, 4});
    CHECK_FALSE(a.tasks[0].range);
    CHECK(a.growth.range == ScoreRange{1, 2});
    CHECK(a.evidence[0].range == ScoreRange{-2, 2});
    CHECK_FALSE(a.evidence[1].range);
    CHECK(a.barriers[1].range == ScoreRange{0, 0});
}

TEST_CASE("a range that is not two integers is an error at the range", "[range]") {
    CHECK(errors_of(with_task_range("\"2-4\"")) ==
          Errors{"a.json:12:62: error: /tasks/1/range: expected a range [lo, hi] of 2 integers "
                 "from 1 to 5, found a string \"2-4\""});
    CHECK(errors_of(with_task_range("[2, 3, 4]")) ==
          Errors{"a.json:12:62: error: /tasks/1/range: expected a range [lo, hi] of 2 integers "
                 "from 1 to 5, found 3 elements"});
    CHECK(errors_of(with_task_range("[3]")) ==
          Errors{"a.json:12:62: error: /tasks/1/range: expected a range [lo, hi] of 2 integers "
                 "from 1 to 5, found 1 element"});
    CHECK(errors_of(with_task_range("[]")) ==
          Errors{"a.json:12:62: error: /tasks/1/range: expected a range [lo, hi] of 2 integers "
                 "from 1 to 5, found an empty array"});
}

TEST_CASE("each end of a range is an integer within the input's bounds", "[range]") {
    CHECK(errors_of(with_task_range("[2.5, 4]")) ==
          Errors{"a.json:12:63: error: /tasks/1/range/0: expected an integer from 1 to 5, found "
                 "2.5"});
    CHECK(errors_of(with_task_range("[0, 4]")) ==
          Errors{"a.json:12:63: error: /tasks/1/range/0: expected an integer from 1 to 5, found "
                 "0"});
    CHECK(errors_of(with_task_range("[\"2\", 4]")) ==
          Errors{"a.json:12:63: error: /tasks/1/range/0: expected an integer from 1 to 5, found "
                 "a string \"2\""});
    CHECK(errors_of(with("\"regulatory_licensing\": { \"score\": 1",
                         "\"regulatory_licensing\": { \"score\": 1, \"range\": [0, 3]")) ==
          Errors{"a.json:26:56: error: /barriers/regulatory_licensing/range/1: expected an "
                 "integer from 0 to 2, found 3"});
    CHECK(errors_of(with("\"job_posting_trends\": { \"score\": 2",
                         "\"job_posting_trends\": { \"score\": 2, \"range\": [-3, 2]")) ==
          Errors{"a.json:19:51: error: /evidence/job_posting_trends/range/0: expected an "
                 "integer from -2 to 2, found -3"});
}

TEST_CASE("a range runs from low to high and includes the score", "[range]") {
    CHECK(errors_of(with_task_range("[4, 2]")) ==
          Errors{"a.json:12:62: error: /tasks/1/range: expected a range whose low end is at most "
                 "its high end, found [4, 2]"});
    CHECK(errors_of(with_task_range("[4, 5]")) ==
          Errors{"a.json:12:62: error: /tasks/1/range: expected a range that includes the score "
                 "3, found [4, 5]"});
    // The score may come after the range: the range is checked once the item is read.
    CHECK(errors_of(with("\"growth_correlation\": { \"score\": 2 }",
                         "\"growth_correlation\": { \"range\": [-1, 1], \"score\": 2 }")) ==
          Errors{"a.json:9:36: error: /growth_correlation/range: expected a range that includes "
                 "the score 2, found [-1, 1]"});
    // A score that cannot be read is one error, not a second about the range.
    CHECK(errors_of(with_task_range("[4, 5]").replace(
              with_task_range("[4, 5]").find("\"score\": 3"), 10, "\"score\": 9")) ==
          Errors{"a.json:12:50: error: /tasks/1/score: expected an integer from 1 to 5, found 9"});
}

TEST_CASE("a principle takes no range: it does not enter the composite", "[range]") {
    CHECK(errors_of(with("\"embodied_physicality\": { \"score\": 0",
                         "\"embodied_physicality\": { \"score\": 0, \"range\": [0, 1]")) ==
          Errors{"a.json:5:43: error: /protective_principles/embodied_physicality/range: unknown "
                 "key \"range\" (expected one of: score, rationale; keys beginning with \"x-\" "
                 "are ignored)"});
}
