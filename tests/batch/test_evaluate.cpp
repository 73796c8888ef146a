// evaluate(): how a text is read (JSON or document, by format, extension or content), and
// what an evaluation holds when it cannot be scored.
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "aijri/assessment/reader.hpp"
#include "aijri/batch/evaluate.hpp"
#include "aijri/json/limits.hpp"
#include "aijri/json/padded_text.hpp"
#include "aijri/model/methodology.hpp"

#include "support/builder.hpp"

using namespace aijri;

namespace {

using Lines = std::vector<std::string>;

std::string seed_document() {
    return test::read_text_file(test::source_path("tests/data/deep-learning-engineer.md"));
}

Evaluation evaluate_as(const std::string& text, const std::string& file,
                       InputFormat format = InputFormat::automatic, bool found_in_folder = false) {
    AssessmentReader reader;
    ReadOptions how;
    how.format = format;
    how.found_in_folder = found_in_folder;
    return evaluate(reader, text, file, builtin_methodology(), how);
}

// Every diagnostic as the CLI prints it (without the source line).
Lines messages(const Evaluation& e) {
    Lines out;
    for (const Diagnostic& d : e.diagnostics) {
        out.push_back(format_diagnostic(e.file, d));
    }
    return out;
}

std::string aijri_of(const Evaluation& e) {
    REQUIRE(e.score);
    return to_fixed(e.score->final_.aijri, 1);
}

const std::string k_neither =
    "expected an assessment: a JSON object (\"{…}\"), or a document with the sections of one "
    "(\"Role Definition\", \"Task Decomposition\", …), found neither (name it *.json or *.md, or "
    "pass --input-format)";

const std::string k_no_section =
    "expected an assessment document, with the sections \"Role Definition\", \"Protective "
    "Principles + AI Growth Correlation\", \"Task Decomposition\", \"Evidence Score\", "
    "\"Barrier Assessment\", found none of them";

const std::string k_mismatch = "/stated/aijri: stated AIJRI 65.0 does not match the computed "
                               "64.6 (exact 64.6002522068…)";

} // namespace

TEST_CASE("evaluate: the extension decides between JSON and a document") {
    const Evaluation json = evaluate_as(test::seed_json(), "role.json");
    CHECK(messages(json).empty());
    CHECK(aijri_of(json) == "64.6");
    for (const char* name : {"role.md", "role.markdown", "ROLE.MD"}) {
        INFO(name);
        const Evaluation document = evaluate_as(seed_document(), name);
        CHECK(messages(document).empty());
        CHECK(aijri_of(document) == "64.6");
    }
}

TEST_CASE("evaluate: without a known extension, the content decides") {
    for (const char* name : {"-", "role.txt", "role"}) {
        INFO(name);
        CHECK(aijri_of(evaluate_as(test::seed_json(), name)) == "64.6");
        CHECK(aijri_of(evaluate_as("\xEF\xBB\xBF  \n" + test::seed_json(), name)) == "64.6");
        CHECK(aijri_of(evaluate_as(seed_document(), name)) == "64.6");
        const Evaluation neither = evaluate_as("just some notes\n", name);
        CHECK_FALSE(neither.valid());
        CHECK(messages(neither) == Lines{std::string(name) + ": error: " + k_neither});
    }
    // "[" reads as JSON too, which then says what it expected.
    CHECK(messages(evaluate_as("[1]", "-")) ==
          Lines{"-:1:1: error: expected a JSON object (one role assessment), found an array"});
}

TEST_CASE("evaluate: --input-format overrides the extension") {
    CHECK(aijri_of(evaluate_as(test::seed_json(), "role.md", InputFormat::json)) == "64.6");
    CHECK(aijri_of(evaluate_as(seed_document(), "role.json", InputFormat::markdown)) == "64.6");
    CHECK(aijri_of(evaluate_as(seed_document(), "role.txt", InputFormat::markdown)) == "64.6");
    // As JSON, a document is malformed JSON, with the hint that it is a document.
    CHECK(messages(evaluate_as(seed_document(), "role.txt", InputFormat::json)) ==
          Lines{"role.txt:1:1: error: expected a JSON value, found 'R'; it reads as an assessment "
                "document: name it *.md, or pass --input-format markdown"});
}

TEST_CASE("evaluate: a document named *.json, or JSON named *.md, gets the hint") {
    CHECK(messages(evaluate_as(seed_document(), "role.json")) ==
          Lines{"role.json:1:1: error: expected a JSON value, found 'R'; it reads as an assessment "
                "document: name it *.md, or pass --input-format markdown"});
    const Lines json_as_document = messages(evaluate_as(test::seed_json(), "role.md"));
    REQUIRE_FALSE(json_as_document.empty());
    CHECK(json_as_document.front() == "role.md:1:1: error: " + k_no_section +
                                          "; it reads as JSON: name it *.json, or pass "
                                          "--input-format json");
}

TEST_CASE("evaluate: a document found in a folder that is no assessment is skipped") {
    const std::string readme = "# Assessments\n\nOne file a role; run `aijri score .`\n";
    const Evaluation found = evaluate_as(readme, "roles/README.md", InputFormat::automatic, true);
    CHECK(found.skipped == "roles/README.md: skipped: not an assessment document (not one of "
                           "its lines is the title of a section of one)");
    CHECK(found.diagnostics.empty());
    CHECK_FALSE(found.valid());
    CHECK_FALSE(found.io_error);
    CHECK_FALSE(found.methodology_error);
    // Named on the command line, the same file is an error: it was asked for.
    const Evaluation named = evaluate_as(readme, "roles/README.md");
    CHECK(named.skipped.empty());
    CHECK(messages(named) == Lines{"roles/README.md:1:1: error: " + k_no_section});
    // A document with one section is an assessment document with errors, not skipped.
    const Evaluation partial = evaluate_as("Role Definition\n| Field | Value |\n", "roles/x.md",
                                           InputFormat::automatic, true);
    CHECK(partial.skipped.empty());
    CHECK_FALSE(partial.diagnostics.empty());
}

TEST_CASE("evaluate: a methodology that overflows exact arithmetic sets methodology_error") {
    std::string text = test::read_text_file(test::source_path("methodologies/aijri-1.json"));
    for (const std::string key : {"\"evidence_weight\": 0.04", "\"barrier_weight\": 0.02",
                                  "\"growth_weight\": 0.05", "\"raw_span\": 7.93"}) {
        const auto at = text.find(key);
        REQUIRE(at != std::string::npos);
        text.replace(at, key.size(), key.substr(0, key.find(':')) + ": 999999.999999");
    }
    text.replace(text.find("\"aijri-1\""), 9, "\"huge\"");
    const MethodologyLoad load = read_methodology(text);
    REQUIRE(load.methodology);
    const std::string beyond = "with the methodology \"huge\": its constants take exact "
                               "arithmetic beyond 128 bits (use fewer decimals or smaller "
                               "constants)";
    AssessmentReader reader;
    const Evaluation json = evaluate(reader, test::seed_json(), "a.json", *load.methodology);
    CHECK(json.methodology_error);
    CHECK_FALSE(json.io_error);
    CHECK_FALSE(json.valid());
    CHECK(json.assessment); // the file itself is fine
    CHECK(messages(json) == Lines{"a.json: error: cannot be scored " + beyond});
    const Evaluation document = evaluate(reader, seed_document(), "a.md", *load.methodology);
    CHECK(document.methodology_error);
    CHECK_FALSE(document.valid());
    REQUIRE_FALSE(document.diagnostics.empty());
    // A document's stated figures are audited as it is imported: the arithmetic fails there,
    // at the first figure it audits.
    CHECK(messages(document).back() == "a.md:97:1: error: cannot be audited " + beyond);
}

TEST_CASE("evaluate: a stated figure that does not match is an error at the figure") {
    const Evaluation e =
        evaluate_as(test::seed_json_with("\"aijri\": 64.6", "\"aijri\": 65.0"), "role.json");
    CHECK_FALSE(e.valid());
    CHECK(e.assessment);
    CHECK(messages(e) == Lines{"role.json:134:14: error: " + k_mismatch});
    // An error in an input the figure follows from hides the mismatch (it would be noise);
    // one in prose does not.
    const std::string bad_score = test::seed_json_with("\"aijri\": 64.6", "\"aijri\": 65.0");
    std::string prose_error = bad_score;
    prose_error.replace(prose_error.find("\"title\": \"Deep Learning Engineer\""), 33,
                        "\"title\": 5");
    CHECK(messages(evaluate_as(prose_error, "role.json")) ==
          Lines{"role.json:6:14: error: /role/title: expected a string, found 5",
                "role.json:134:14: error: " + k_mismatch});
    std::string input_error = bad_score;
    input_error.replace(input_error.find("\"score\": 3"), 10, "\"score\": 9");
    CHECK(messages(evaluate_as(input_error, "role.json")) ==
          Lines{"role.json:42:16: error: /tasks/1/score: expected an integer from 1 to 5, found "
                "9"});
}

TEST_CASE("evaluate: an invalid file keeps the id it declares") {
    const Evaluation invalid =
        evaluate_as(test::seed_json_with("\"score\": 3", "\"score\": 9"), "x.json");
    CHECK_FALSE(invalid.valid());
    CHECK_FALSE(invalid.assessment);
    CHECK(invalid.declared_id == "deep-learning-engineer");
    // An id that is not a non-empty string declares nothing.
    CHECK(evaluate_as(test::seed_json_with("\"id\": \"deep-learning-engineer\"", "\"id\": 7"),
                      "x.json")
              .declared_id.empty());
    CHECK(evaluate_as("{\"id\": \"just-an-id\"}", "x.json").declared_id == "just-an-id");
    // Malformed JSON still declares the id read before the fault.
    CHECK(evaluate_as("{\"id\": \"cut-off\", ", "x.json").declared_id == "cut-off");
    // A valid file's id is its assessment's; declared_id is only for files without one.
    const Evaluation valid = evaluate_as(test::seed_json(), "x.json");
    CHECK(valid.declared_id.empty());
    REQUIRE(valid.assessment);
    CHECK(valid.assessment->id == "deep-learning-engineer");
}

TEST_CASE("evaluate: a byte order mark is read past, and moves no column") {
    const std::string bad = test::seed_json_with("\"score\": 3", "\"score\": 9");
    const Lines expected{"role.json:42:16: error: /tasks/1/score: expected an integer from 1 to "
                         "5, found 9"};
    CHECK(messages(evaluate_as(bad, "role.json")) == expected);
    CHECK(messages(evaluate_as("\xEF\xBB\xBF" + bad, "role.json")) == expected);
    const Lines first_line{"role.json:1:1: error: expected a JSON object (one role assessment), "
                           "found an array"};
    CHECK(messages(evaluate_as("\xEF\xBB\xBF[]", "role.json")) == first_line);
}

TEST_CASE("evaluate: text read in place ends where its view ends, whatever follows it") {
    // The seed without its closing brace, read in place from a buffer that holds the whole
    // seed: the brace that follows the view must not close it. Read in place and copied, it
    // is the same unfinished document.
    const std::string seed = test::seed_json();
    const std::string cut = seed.substr(0, seed.rfind('}'));
    PaddedBuffer buffer;
    buffer.assign(seed);
    AssessmentReader reader;
    const PaddedText in_place_text = buffer.part(0, cut.size());
    REQUIRE(in_place_text.view().data()[cut.size()] == '}');
    const Evaluation in_place = evaluate(reader, in_place_text, "role.json", builtin_methodology());
    const Evaluation copied = evaluate(reader, cut, "role.json", builtin_methodology());
    const Lines expected{"role.json:185:1: error: unexpected end of file: the object is not "
                         "closed (expected '}')"};
    CHECK(messages(in_place) == expected);
    CHECK(messages(copied) == expected);
    // And a whole text reads the same both ways.
    CHECK(aijri_of(evaluate(reader, buffer.text(), "role.json", builtin_methodology())) == "64.6");
}
