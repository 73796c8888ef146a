// The Scenarios section of a document: rendered from the JSON, imported back exactly, and
// every error at its line.
#include <string>

#include <catch2/catch.hpp>

#include "aijri/assessment/reader.hpp"
#include "aijri/assessment/writer.hpp"
#include "aijri/batch/evaluate.hpp"
#include "aijri/document/document.hpp"

#include "support/builder.hpp"

using namespace aijri;

namespace {

const std::string k_row =
    "| AutoML compression (3–5 years) | /tasks/1/score = 4; /tasks/2/score = 4 | aijri = 57.0; "
    "zone = Green; sub_label = Accelerated | What the Numbers Don't Capture: \"Tasks scored 3 "
    "today (training optimization, infrastructure) could shift toward 4 within 3-5 years.\" |";

std::string seed_document() {
    return test::read_text_file(test::source_path("tests/data/deep-learning-engineer.md"));
}

std::string with_row(const std::string& row) {
    std::string text = seed_document();
    const auto at = text.find(k_row);
    REQUIRE(at != std::string::npos);
    return text.replace(at, k_row.size(), row);
}

// Every message of an import, one a line, as the CLI prints them.
std::string messages_of(const std::string& text) {
    const ImportResult result = import_document(text, "doc.md");
    std::string out;
    for (const Diagnostic& d : result.diagnostics) {
        out += format_diagnostic("doc.md", d) + "\n";
    }
    return out;
}

std::string render_json(const std::string& json) {
    AssessmentReader reader;
    const Evaluation e = evaluate(reader, json, "role.json", builtin_methodology());
    REQUIRE(e.valid());
    return render_markdown(*e.assessment, *e.score, builtin_methodology());
}

} // namespace

TEST_CASE("render writes the scenarios as a table after the sub-label", "[render]") {
    const std::string document = render_json(
        test::read_text_file(test::source_path("assessments/deep-learning-engineer.json")));
    CHECK(document.find("Assessor override: None — formula score accepted.\n\n## Scenarios\n\n"
                        "| Scenario | Set | Stated | Note |\n|---|---|---|---|\n" +
                        k_row + "\n\n## Assessor Commentary\n") != std::string::npos);
}

TEST_CASE("scenarios come back from render and import exactly", "[render][import]") {
    for (const char* file :
         {"assessments/deep-learning-engineer.json", "tests/schema/valid/scenarios.json"}) {
        INFO(file);
        const std::string json = test::read_text_file(test::source_path(file));
        const ImportResult back = import_document(render_json(json), "role.md");
        REQUIRE(back.assessment);
        Assessment expected = *AssessmentReader().read(json, "role.json").assessment;
        Assessment got = *back.assessment;
        got.schema = expected.schema;
        CHECK(assessment_to_json(got) == assessment_to_json(expected));
    }
}

TEST_CASE("a scenario row's errors are at their place in the document", "[import]") {
    CHECK(messages_of(with_row("| x | /tasks/9/score = 4 | | |")) ==
          "doc.md:77:7: error: expected a task from /tasks/0 to /tasks/5, found "
          "\"/tasks/9/score\"\n");
    CHECK(messages_of(with_row("| x | /tasks/1/score = six | | |")) ==
          "doc.md:77:24: error: expected a number, found \"six\"\n");
    CHECK(messages_of(with_row("| x | /tasks/1/score = 4 | zone = Yelow | |")) ==
          "doc.md:77:35: error: expected one of \"Green\", \"Yellow\", \"Red\", found \"Yelow\"; "
          "did you mean \"Yellow\"?\n");
    CHECK(messages_of(with_row("| x | /tasks/1/score = 4 | aijri = 59.8; zone = Yellow | |")) ==
          "doc.md:77:49: error: /scenarios/0/stated/zone: stated zone \"Yellow\" does not match "
          "the computed \"Green\"\n");
    CHECK(messages_of(with_row("| x | /tasks/1/score = 4 | | |\n| x | /tasks/2/score = 4 | | |")) ==
          "doc.md:78:3: error: duplicate scenario name \"x\"\n");
    CHECK(messages_of(with_row("| x | | | |")) ==
          "doc.md:77:1: error: expected the inputs the scenario sets (/tasks/1/score = 4; …), "
          "found an empty cell\n");
}
