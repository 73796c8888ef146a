// `aijri import` and `aijri render`, run as a user would.
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

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
    CHECK(piped.out == r.out); // the seed has its "id"
    // JSON piped in without an id has no name to give one: no ID row is made up.
    std::string no_id = read_text_file(source_path("assessments/deep-learning-engineer.json"));
    no_id = replace_once(no_id, "  \"id\": \"deep-learning-engineer\",\n", "");
    write_text_file(dir + "/no-id.json", no_id);
    const auto anonymous =
        run_command("'" AIJRI_BINARY "' render - < " + quoted(dir + "/no-id.json"));
    CHECK(anonymous.status == 0);
    CHECK_FALSE(contains(anonymous.out, "| ID |"));
    CHECK(contains(run_aijri("render " + quoted(dir + "/no-id.json")).out, "| ID | no-id |\n"));

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
    CHECK(tables == 8); // the seed's seven and its Scenarios
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

// Documents as inputs: score, validate, diff and render read *.md as they read *.json.
namespace {

std::string seed_document() {
    return read_text_file(source_path("tests/data/deep-learning-engineer.md"));
}

std::string nurse_document() {
    return read_text_file(source_path("tests/data/registered-nurse.md"));
}

void write_file(const std::string& path, const std::string& text) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    write_text_file(path, text);
}

} // namespace

TEST_CASE("score and validate read a document as they read JSON", "[documents]") {
    const std::string dir = temp_dir();
    write_file(dir + "/role.md", seed_document());
    const auto report = run_aijri("score " + quoted(dir + "/role.md"));
    CHECK(report.status == 0);
    CHECK(report.err.empty());
    // The report of the JSON, but for the file it names.
    CHECK(report.out == replace_once(run_aijri("score " + k_seed_json).out,
                                     source_path("assessments/deep-learning-engineer.json"),
                                     dir + "/role.md"));

    const auto json = run_aijri("score --format json " + quoted(dir + "/role.md"));
    CHECK(json.status == 0);
    const auto result = nlohmann::json::parse(json.out);
    CHECK(result["file"] == dir + "/role.md");
    CHECK(result["id"] == "role"); // the id import gives: the file name, without an ID row
    CHECK(result["aijri"] == 64.6);

    const auto valid = run_aijri("validate " + quoted(dir + "/role.md"));
    CHECK(valid.status == 0);
    CHECK(valid.out == dir + "/role.md: ok\n1 valid, 0 invalid\n");

    // A document piped in, by its content.
    const auto piped =
        run_command("'" AIJRI_BINARY "' score --format json - < " + quoted(dir + "/role.md"));
    CHECK(piped.status == 0);
    CHECK(nlohmann::json::parse(piped.out)["id"] == "stdin");
    // render takes a document too: the document as render writes it.
    write_file(dir + "/deep-learning-engineer.md", seed_document());
    CHECK(run_aijri("render " + quoted(dir + "/deep-learning-engineer.md")).out ==
          run_aijri("render " + k_seed_json).out);
}

TEST_CASE("a document's errors are at its own lines and its figures are audited", "[documents]") {
    const std::string dir = temp_dir();
    std::string doc =
        replace_once(seed_document(), "| Company Actions | 2 |", "| Company Actions | two |");
    write_file(dir + "/bad.md", doc);
    const std::string message = dir + "/bad.md:36:21: error: expected a score from -2 to 2, "
                                      "found \"two\"\n"
                                      "    | Company Actions | two | Every frontier lab";
    // As import says it.
    CHECK(contains(run_aijri("import " + quoted(dir + "/bad.md")).err, message));
    const auto score = run_aijri("score " + quoted(dir + "/bad.md"));
    CHECK(score.status == 1);
    CHECK(contains(score.err, message));
    const auto validate = run_aijri("validate " + quoted(dir + "/bad.md"));
    CHECK(validate.status == 1);
    CHECK(contains(validate.out, message));
    CHECK(contains(validate.out, "0 valid, 1 invalid\n"));

    // A stated figure that does not follow, and one the format has no place for: errors in
    // score and validate as in import.
    doc = replace_once(seed_document(), "= 5.6628", "= 5.6627");
    doc = replace_once(doc, "(5.6628 - 0.54)", "(5.6628 - 0.55)");
    write_file(dir + "/sloppy.md", doc);
    const auto audit = run_aijri("validate " + quoted(dir + "/sloppy.md"));
    CHECK(audit.status == 1);
    CHECK(contains(audit.out, dir + "/sloppy.md:64:34: error: stated raw score 5.6627 does not "
                                    "match the computed 5.6628\n"));
    CHECK(contains(audit.out, dir + "/sloppy.md:65:26: error: stated lowest raw score 0.55 does "
                                    "not match the methodology's 0.54\n"));
    CHECK(run_aijri("score " + quoted(dir + "/sloppy.md")).status == 1);
}

TEST_CASE("a folder may hold JSON and documents and a README that is neither", "[documents]") {
    const std::string dir = temp_dir();
    write_file(dir + "/roles/deep-learning-engineer.json",
               read_text_file(source_path("assessments/deep-learning-engineer.json")));
    write_file(dir + "/roles/nursing/registered-nurse.md", nurse_document());
    write_file(dir + "/roles/README.md", "# Role assessments\n\nOne file per role.\n");
    write_file(dir + "/roles/notes.txt", "not read");
    const auto r = run_aijri("score --format csv " + quoted(dir + "/roles"));
    CHECK(r.status == 0);
    CHECK(contains(r.out, dir + "/roles/deep-learning-engineer.json,"));
    CHECK(contains(r.out, dir + "/roles/nursing/registered-nurse.md,"));
    CHECK_FALSE(contains(r.out, "README"));
    CHECK(r.err == "aijri: warning: " + dir +
                       "/roles/README.md: skipped: not an assessment document (not one of its "
                       "lines is the title of a section of one)\n");
    const auto table = run_aijri("score " + quoted(dir + "/roles"));
    CHECK(contains(table.out, "\n2 files: 2 Green, 0 Yellow, 0 Red, 0 invalid"));
    const auto validate = run_aijri("validate -q " + quoted(dir + "/roles"));
    CHECK(validate.status == 0);
    CHECK(contains(validate.err, "/roles/README.md: skipped: not an assessment document"));

    // --input-format json reads the folder as before: no document, no warning.
    const auto json_only =
        run_aijri("score --input-format json --format csv " + quoted(dir + "/roles"));
    CHECK(json_only.status == 0);
    CHECK(json_only.err.empty());
    CHECK_FALSE(contains(json_only.out, "registered-nurse"));
    // A README named on the command line is an error that says what was expected.
    const auto named = run_aijri("score " + quoted(dir + "/roles/README.md"));
    CHECK(named.status == 1);
    CHECK(contains(named.err, dir + "/roles/README.md:1:1: error: expected an assessment "
                                    "document, with the sections \"Role Definition\""));
}

TEST_CASE("a file in neither form is named with what aijri expected", "[documents]") {
    const std::string dir = temp_dir();
    write_file(dir + "/notes.txt", "Remember to ask about the nurse.\n");
    const auto neither = run_aijri("score " + quoted(dir + "/notes.txt"));
    CHECK(neither.status == 1);
    CHECK(neither.err ==
          dir + "/notes.txt: error: expected an assessment: a JSON object (\"{…}\"), or a "
                "document with the sections of one (\"Role Definition\", \"Task "
                "Decomposition\", …), found neither (name it *.json or *.md, or pass "
                "--input-format)\n");
    // A document named *.json, and JSON named *.md: the error says what it reads as.
    write_file(dir + "/role.json", seed_document());
    const auto misnamed = run_aijri("validate " + quoted(dir + "/role.json"));
    CHECK(misnamed.status == 1);
    CHECK(contains(misnamed.out, dir + "/role.json:1:1: error: expected a JSON value, found "
                                       "'R'; it reads as an assessment document: name it *.md, "
                                       "or pass --input-format markdown\n"));
    CHECK(run_aijri("score --input-format markdown " + quoted(dir + "/role.json")).status == 0);
    write_file(dir + "/role.md",
               read_text_file(source_path("assessments/deep-learning-engineer.json")));
    const auto json_md = run_aijri("score " + quoted(dir + "/role.md"));
    CHECK(json_md.status == 1);
    CHECK(contains(json_md.err, "found none of them; it reads as JSON: name it *.json, or pass "
                                "--input-format json\n"));
    // The text of a file named as neither decides: JSON, or a document.
    write_file(dir + "/role.txt", seed_document());
    CHECK(run_aijri("score " + quoted(dir + "/role.txt")).status == 0);
    CHECK(run_aijri("score --input-format nonsense " + quoted(dir + "/role.txt")).status == 2);
}

TEST_CASE("diff pairs documents and JSON by id, in folders and in git", "[documents]") {
    const std::string dir = temp_dir();
    // The same role kept as JSON on one side and as a document on the other; a change of
    // evidence in the document.
    write_file(dir + "/old/registered-nurse.json",
               run_aijri("import " + quoted(source_path("tests/data/registered-nurse.md"))).out);
    write_file(dir + "/new/registered-nurse.md",
               replace_once(nurse_document(), "| Job Posting Trends | +1 |",
                            "| Job Posting Trends | -1 |"));
    write_file(dir + "/new/README.md", "# Roles\n");
    const auto r =
        run_aijri("diff --format json " + quoted(dir + "/old") + " " + quoted(dir + "/new"));
    // The stated totals of the document no longer follow: the role, valid before, broke.
    CHECK(r.status == 1);
    const auto diff = nlohmann::json::parse(r.out);
    REQUIRE(diff["roles"].size() == 1);
    CHECK(diff["roles"][0]["id"] == "registered-nurse");
    CHECK(diff["roles"][0]["status"] == "broken");
    CHECK(contains(r.err, "/new/README.md: skipped: not an assessment document"));

    // With its figures brought up to date (render writes them), the role changed.
    write_file(dir + "/edited.json",
               run_aijri("import " + quoted(source_path("tests/data/registered-nurse.md"))).out);
    std::string edited = read_text_file(dir + "/edited.json");
    edited = replace_once(edited, "\"job_posting_trends\": {\n      \"score\": 1",
                          "\"job_posting_trends\": {\n      \"score\": -1");
    edited = edited.substr(0, edited.find(",\n  \"stated\"")) +
             edited.substr(edited.find("\n  },\n  \"commentary\"") + 4);
    write_text_file(dir + "/edited.json", edited);
    REQUIRE(run_aijri("render " + quoted(dir + "/edited.json") + " -o " +
                      quoted(dir + "/new/registered-nurse.md"))
                .status == 0);
    const auto changed =
        run_aijri("diff --format json " + quoted(dir + "/old") + " " + quoted(dir + "/new"));
    CHECK(changed.status == 0);
    const auto moved = nlohmann::json::parse(changed.out)["roles"][0];
    CHECK(moved["id"] == "registered-nurse");
    CHECK(moved["status"] == "changed");
    CHECK(moved["contributions"][0]["input"] == "/evidence/job_posting_trends/score");

    // The same, between two revisions of a repository that keeps its roles as documents.
    const std::string repo = dir + "/repo";
    std::filesystem::create_directories(repo + "/assessments");
    const auto git = [&](const std::string& args) {
        REQUIRE(run_command("cd " + quoted(repo) + " && git " + args).status == 0);
    };
    git("init -q -b main");
    git("config user.email test@example.com");
    git("config user.name test");
    write_file(repo + "/assessments/registered-nurse.md", nurse_document());
    write_file(repo + "/assessments/README.md", "How we assess roles.\n");
    git("add -A");
    git("commit -q -m first");
    write_text_file(repo + "/assessments/registered-nurse.md",
                    read_text_file(dir + "/new/registered-nurse.md"));
    git("commit -q -am second");
    const auto revisions =
        run_command("cd " + quoted(repo) + " && '" AIJRI_BINARY "' diff --git HEAD~1 HEAD");
    CHECK(revisions.status == 0);
    CHECK(contains(revisions.out, "changed   registered-nurse  55.2 Green (Transforming) → "));
    CHECK(contains(revisions.out, "/evidence/job_posting_trends/score  1 → -1\n"));
    CHECK(contains(revisions.err, "HEAD~1:assessments/README.md: skipped: not an assessment "
                                  "document"));
    const auto working =
        run_command("cd " + quoted(repo) + " && '" AIJRI_BINARY "' diff --git HEAD~1");
    CHECK(working.status == 0);
    CHECK(working.out == revisions.out);
}
