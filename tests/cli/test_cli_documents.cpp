// `aijri import` and `aijri render`, run as a user would.
#include <string>

#include <catch2/catch.hpp>

#include "support/builder.hpp"

using aijri::test::read_text_file;
using aijri::test::run_aijri;
using aijri::test::run_command;
using aijri::test::source_path;
using aijri::test::temp_dir;
using aijri::test::write_text_file;

namespace {

const std::string k_seed_document = "'" + source_path("tests/data/deep-learning-engineer.md") + "'";
const std::string k_seed_json = "'" + source_path("assessments/deep-learning-engineer.json") + "'";

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

std::string quoted(const std::string& path) {
    return "'" + path + "'";
}

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

} // namespace

TEST_CASE("import writes the assessment JSON that validate accepts", "[import]") {
    const auto r = run_aijri("import --schema ../schema/assessment.schema.json " + k_seed_document);
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out == read_text_file(source_path("assessments/deep-learning-engineer.json")));

    const std::string dir = temp_dir();
    write_text_file(dir + "/role.json", r.out);
    const auto valid = run_aijri("validate " + quoted(dir + "/role.json"));
    CHECK(valid.status == 0);
    CHECK(contains(valid.out, "1 valid, 0 invalid"));
    const auto score = run_aijri("score " + quoted(dir + "/role.json"));
    CHECK(contains(score.out, "Deep Learning Engineer — AIJRI 64.6 Green (Accelerated)\n"));
}

TEST_CASE("import -o replaces the file whole and - reads standard input", "[import]") {
    const std::string dir = temp_dir();
    const std::string out = dir + "/deep-learning-engineer.json";
    write_text_file(out, "old content");
    const auto r = run_aijri("import " + k_seed_document + " -o " + quoted(out));
    REQUIRE(r.status == 0);
    CHECK(r.out.empty());
    const std::string written = read_text_file(out);
    CHECK(written.starts_with("{\n  \"aijri\": 1,\n  \"id\": \"deep-learning-engineer\",\n"));
    CHECK(run_command("ls -A " + quoted(dir)).out == "deep-learning-engineer.json\n");

    // Standard input has no file name to give an id: import asks for one rather than
    // inventing "stdin", and writes nothing.
    const auto piped = run_command("'" AIJRI_BINARY "' import - < " + k_seed_document);
    CHECK(piped.status == 2);
    CHECK(piped.out.empty());
    CHECK(piped.err == "aijri: import: a document read from standard input needs an id: give "
                       "--id ID, or an ID row in its Role Definition table\n");
    const auto named =
        run_command("'" AIJRI_BINARY "' import --id dl-engineer - < " + k_seed_document);
    CHECK(named.status == 0);
    CHECK(contains(named.out, "\"id\": \"dl-engineer\",\n"));
    CHECK(run_aijri("import --id '' " + k_seed_document).status == 2);

    // A document that cannot be imported leaves the output file alone.
    write_text_file(dir + "/bad.md", "Role Definition\n| Field | Value |\n");
    const auto bad = run_aijri("import " + quoted(dir + "/bad.md") + " -o " + quoted(out));
    CHECK(bad.status == 1);
    CHECK(read_text_file(out) == written);
}

TEST_CASE("import: errors at the document's lines are exit 1 and I/O and usage exit 2",
          "[import]") {
    const std::string dir = temp_dir();
    std::string doc = read_text_file(source_path("tests/data/deep-learning-engineer.md"));
    doc = replace_once(doc, "| Company Actions | 2 |", "| Company Actions | lots |");
    write_text_file(dir + "/bad.md", doc);
    const auto bad = run_aijri("import " + quoted(dir + "/bad.md"));
    CHECK(bad.status == 1);
    CHECK(bad.out.empty());
    CHECK(contains(bad.err, dir + "/bad.md:36:21: error: expected a score from -2 to 2, found "
                                  "\"lots\"\n    | Company Actions | lots |"));

    const auto missing = run_aijri("import " + quoted(dir + "/missing.md"));
    CHECK(missing.status == 2);
    CHECK(missing.err == dir + "/missing.md: error: no such file\n");
    CHECK(run_aijri("import").status == 2);
    const auto no_folder =
        run_aijri("import " + k_seed_document + " -o " + quoted(dir + "/no/such/dir/x.json"));
    CHECK(no_folder.status == 2);
    CHECK(no_folder.err.starts_with("aijri: " + dir + "/no/such/dir/x.json: cannot create"));
    write_text_file(dir + "/same.md",
                    read_text_file(source_path("tests/data/deep-learning-engineer.md")));
    const auto over_input =
        run_aijri("import " + quoted(dir + "/same.md") + " -o " + quoted(dir + "/same.md"));
    CHECK(over_input.status == 2);
    CHECK(over_input.err ==
          "aijri: --output " + dir + "/same.md is one of the inputs; inputs are never written\n");

    // A figure that does not follow from the inputs is an error in import as in validate:
    // the JSON is written (with the figure as the document states it), and the exit status
    // is 1 in both.
    doc = read_text_file(source_path("tests/data/deep-learning-engineer.md"));
    doc = replace_once(doc, "= 5.6628", "= 5.6627");
    write_text_file(dir + "/sloppy.md", doc);
    const auto sloppy =
        run_aijri("import " + quoted(dir + "/sloppy.md") + " -o " + quoted(dir + "/sloppy.json"));
    CHECK(sloppy.status == 1);
    CHECK(sloppy.err == dir +
                            "/sloppy.md:64:34: error: stated raw score 5.6627 does not match "
                            "the computed 5.6628\n"
                            "    Raw: 3.75 x 1.32 x 1.04 x 1.10 = 5.6627\n"
                            "                                     ^\n"
                            "aijri: " +
                            dir +
                            "/sloppy.md: the assessment was written, but 1 figure the "
                            "document states does not match its computation\n");
    CHECK(contains(read_text_file(dir + "/sloppy.json"), "\"raw\": 5.6627,"));
    CHECK(run_aijri("import -q " + quoted(dir + "/sloppy.md")).status == 1); // errors all the same
    const auto audit = run_aijri("validate " + quoted(dir + "/sloppy.json"));
    CHECK(audit.status == 1);
    CHECK(contains(audit.out, "/stated/raw: stated raw score 5.6627 does not match the computed "
                              "5.6628"));
}

TEST_CASE("render writes the document and import reads it back", "[render]") {
    const auto r = run_aijri("render --format markdown " + k_seed_json);
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.starts_with(
        "# Deep Learning Engineer\n\n## Role Definition\n\n| Field | Value |\n|---|---|\n"));
    CHECK(contains(r.out, "\nRaw: 3.75 x 1.32 x 1.04 x 1.10 = 5.6628\n"));

    const std::string dir = temp_dir();
    const std::string doc = dir + "/deep-learning-engineer.md";
    REQUIRE(run_aijri("render " + k_seed_json + " -o " + quoted(doc)).status == 0);
    CHECK(read_text_file(doc) == r.out);
    const auto back = run_aijri("import --schema ../schema/assessment.schema.json " + quoted(doc));
    REQUIRE(back.status == 0);
    CHECK(back.out == read_text_file(source_path("assessments/deep-learning-engineer.json")));

    const auto piped = run_command("'" AIJRI_BINARY "' render - < " + k_seed_json);
    CHECK(piped.out == r.out);

    // The document carries the id: whatever it is called, or piped, it is the same role.
    const std::string renamed = dir + "/rendered.md";
    REQUIRE(run_aijri("render " + k_seed_json + " -o " + quoted(renamed)).status == 0);
    CHECK(run_aijri("import --schema ../schema/assessment.schema.json " + quoted(renamed)).out ==
          back.out);
    CHECK(run_command("'" AIJRI_BINARY "' import --schema ../schema/assessment.schema.json - < " +
                      quoted(renamed))
              .out == back.out);

    // Through cmark-gfm, the tables are tables.
    const auto html = run_command("cmark-gfm -e table " + quoted(doc));
    REQUIRE(html.status == 0);
    std::size_t tables = 0;
    for (auto at = html.out.find("<table>"); at != std::string::npos;
         at = html.out.find("<table>", at + 1)) {
        ++tables;
    }
    CHECK(tables == 7);
}

TEST_CASE("render: an invalid assessment is reported as score reports it", "[render]") {
    const std::string dir = temp_dir();
    write_text_file(dir + "/bad.json", "{\"aijri\": 1,\n \"role\": 3}");
    const auto bad =
        run_aijri("render " + quoted(dir + "/bad.json") + " -o " + quoted(dir + "/bad.md"));
    CHECK(bad.status == 1);
    CHECK(contains(bad.err, dir + "/bad.json:2:10: error: /role: expected an object, found 3\n"));
    CHECK(run_command("ls -A " + quoted(dir)).out == "bad.json\n");

    std::string text = read_text_file(source_path("assessments/deep-learning-engineer.json"));
    text = replace_once(text, "\"aijri\": 64.6", "\"aijri\": 64.5");
    write_text_file(dir + "/mismatch.json", text);
    const auto mismatch = run_aijri("render " + quoted(dir + "/mismatch.json"));
    CHECK(mismatch.status == 1);
    CHECK(contains(mismatch.err, "stated AIJRI 64.5 does not match the computed 64.6"));

    CHECK(run_aijri("render " + quoted(dir + "/missing.json")).status == 2);
    CHECK(run_aijri("render --format html " + k_seed_json).status == 2);
}

TEST_CASE("import and render have help with examples", "[import][render]") {
    CHECK(contains(run_aijri("import --help").out, "Examples:"));
    CHECK(contains(run_aijri("render --help").out, "Examples:"));
    const auto help = run_aijri("--help");
    CHECK(contains(help.out, "import"));
    CHECK(contains(help.out, "render"));
}
