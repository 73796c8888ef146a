// Batch scoring as CI runs it: folders, formats read back by real parsers, gates, output.
#include <filesystem>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "support/builder.hpp"

using aijri::test::run_aijri;
using aijri::test::run_command;
using aijri::test::write_text_file;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A folder of assessments of every zone, with two broken files among them.
std::string make_corpus(int count) {
    const std::string root = aijri::test::temp_dir();
    std::filesystem::create_directories(root + "/team-a");
    std::filesystem::create_directories(root + "/team-b");
    for (int i = 0; i < count; ++i) {
        aijri::test::AssessmentSpec spec;
        spec.evidence = aijri::test::spread(i % 21 - 10, -2, 2);
        spec.growth = i % 5 - 2;
        spec.tasks = {{std::to_string(10 + i % 80), 1 + i % 5},
                      {std::to_string(90 - i % 80), 5 - i % 3}};
        write_text_file(fmt::format("{}/team-{}/role-{:03}.json", root, i % 2 ? "a" : "b", i),
                        aijri::test::to_json(spec));
    }
    write_text_file(root + "/team-a/broken-syntax.json",
                    "{\"aijri\": 1,\n  \"role\": {\"title\": \"x\"");
    write_text_file(root + "/team-b/broken-range.json",
                    aijri::test::to_json({}).replace(aijri::test::to_json({}).find("\"score\": 3"),
                                                     10, "\"score\": 9"));
    return root;
}

} // namespace

TEST_CASE("a batch scores every good file and reports every broken one in its place") {
    const std::string root = make_corpus(40);
    const auto r = run_aijri("score -f json '" + root + "'");
    CHECK(r.status == 1);
    const auto results = nlohmann::json::parse(r.out);
    REQUIRE(results.size() == 42);
    std::size_t broken = 0;
    std::string previous;
    for (const auto& result : results) {
        const std::string file = result["file"];
        CHECK(previous < file); // path order
        previous = file;
        if (result.contains("errors")) {
            ++broken;
            CHECK(result["errors"][0]["line"].get<int>() > 0);
        } else {
            CHECK(result["aijri"].is_number());
        }
    }
    CHECK(broken == 2);
    const auto syntax = std::find_if(results.begin(), results.end(), [](const auto& x) {
        return x["file"].template get<std::string>().find("broken-syntax") != std::string::npos;
    });
    CHECK((*syntax)["errors"][0]["message"] ==
          "unexpected end of file: the object is not closed (expected '}')");
}

TEST_CASE("output is byte-identical for any number of jobs") {
    const std::string root = make_corpus(60);
    const auto one = run_aijri("score -f jsonl -j 1 '" + root + "'");
    for (const char* jobs : {"2", "3", "8"}) {
        const auto many = run_aijri(std::string("score -f jsonl -j ") + jobs + " '" + root + "'");
        CHECK(many.out == one.out);
        CHECK(many.status == one.status);
    }
    CHECK(run_aijri("score -f text -j 5 '" + root + "'").out ==
          run_aijri("score -f text -j 1 '" + root + "'").out);
}

TEST_CASE("the text format prints a table with zone counts, errors on stderr") {
    const std::string root = make_corpus(6);
    const auto r = run_aijri("score '" + root + "'");
    CHECK(r.status == 1);
    CHECK(contains(r.out, "AIJRI  Label"));
    CHECK(contains(r.out, "8 files: "));
    CHECK(contains(r.out, ", 2 invalid\n"));
    CHECK(contains(r.err, root + "/team-b/broken-range.json:12:50: error: /tasks/1/score: expected "
                                 "an integer from 1 to 5, found 9"));
    const auto sorted = run_aijri("score --sort score '" + root + "'");
    CHECK(sorted.out.find("invalid") > sorted.out.find("Test Role")); // invalid files last
}

TEST_CASE("csv is RFC 4180 and reads back with Python's csv module") {
    const std::string root = make_corpus(10);
    write_text_file(root + "/team-a/quoted.json",
                    aijri::test::to_json({}).replace(aijri::test::to_json({}).find("Test Role"), 9,
                                                     "Nurse, \\\"Senior\\\"\\nNights"));
    const auto r = run_aijri("score -f csv -o '" + root + "/out.csv' '" + root + "'");
    CHECK(r.status == 1);
    const auto check = run_command(
        "python3 -c \"import csv,sys; rows=list(csv.DictReader(open(sys.argv[1], newline=''))); "
        "print(len(rows)); print([r['title'] for r in rows if 'Nurse' in r['title']][0]); "
        "print(sorted(set(r['status'] for r in rows)))\" '" +
        root + "/out.csv'");
    REQUIRE(check.status == 0);
    // A line break from the file becomes a space: text from a file never starts a line of
    // output, where a CI log would read "::error::…" as a workflow command.
    CHECK(check.out == "13\nNurse, \"Senior\" Nights\n['invalid', 'scored']\n");
}

TEST_CASE("junit is valid XML with a failing testcase per invalid file or tripped gate") {
    const std::string root = make_corpus(10);
    const auto r =
        run_aijri("score -f junit --fail-on-zone Red -o '" + root + "/junit.xml' '" + root + "'");
    CHECK(r.status == 1);
    const auto check = run_command(
        "python3 -c \"import sys,xml.etree.ElementTree as E; t=E.parse(sys.argv[1]).getroot(); "
        "s=t.find('testsuite'); cases=s.findall('testcase'); "
        "fails=[c for c in cases if c.find('failure') is not None]; "
        "print(s.get('tests'), len(cases), s.get('failures'), len(fails)); "
        "print(sorted(set(c.find('failure').get('type') for c in fails)))\" '" +
        root + "/junit.xml'");
    REQUIRE(check.status == 0);
    const std::string first_line = check.out.substr(0, check.out.find('\n'));
    int tests = 0, cases = 0, failures = 0, failing = 0;
    REQUIRE(std::sscanf(first_line.c_str(), "%d %d %d %d", &tests, &cases, &failures, &failing) ==
            4);
    CHECK(tests == 12);
    CHECK(cases == 12);
    CHECK(failures == failing);
    CHECK(failing > 2); // the two broken files and at least one Red role
    CHECK(contains(check.out, "['gate', 'invalid']"));
}

TEST_CASE("github workflow commands are escaped as GitHub documents") {
    const std::string root = aijri::test::temp_dir();
    write_text_file(root + "/a,b:c.json", "{\"aijri\": 1,\n \"role\": {\"title\": \"50%\\nx\"}}");
    const auto r = run_aijri("score -f github '" + root + "'");
    CHECK(r.status == 1);
    CHECK(contains(r.out, "::error file=" + root +
                              "/a%2Cb%3Ac.json,line=1,col=1,title=aijri::"
                              "missing required key \"protective_principles\"\n"));
}

TEST_CASE("markdown is a GFM table") {
    const std::string root = make_corpus(3);
    const auto r = run_aijri("score -f markdown '" + root + "'");
    CHECK(contains(r.out, "| Role | AIJRI | Label | File |\n|---|---:|---|---|\n"));
    const auto html =
        run_command("'" AIJRI_BINARY "' score -f markdown '" + root + "' | cmark-gfm -e table");
    CHECK(contains(html.out, "<table>"));
    CHECK(contains(html.out, "<td>Test Role</td>"));
}

TEST_CASE("gates exit 1, name the roles, and leave the report complete") {
    const std::string root = aijri::test::temp_dir();
    write_text_file(root + "/good.json", aijri::test::to_json({}));
    aijri::test::AssessmentSpec red;
    red.evidence = aijri::test::spread(-10, -2, 2);
    red.growth = -2;
    red.barriers = {0, 0, 0, 0, 0}; // 3.75 × 0.6 × 1.0 × 0.9: AIJRI 18.7
    write_text_file(root + "/red.json", aijri::test::to_json(red));
    CHECK(run_aijri("score '" + root + "'").status == 0);
    const auto under = run_aijri("score --fail-under 60 '" + root + "'");
    CHECK(under.status == 1);
    CHECK(contains(under.out, "1 role tripped a gate:\n  " + root + "/red.json: AIJRI "));
    CHECK(contains(under.out, "is under --fail-under 60\n"));
    CHECK(contains(under.out, root + "/good.json"));
    const auto zone = run_aijri("score -f json --fail-on-zone Yellow '" + root + "'");
    CHECK(zone.status == 1);
    const auto results = nlohmann::json::parse(zone.out);
    CHECK(results[1]["gate"] == "zone Red trips --fail-on-zone Yellow");
    CHECK_FALSE(results[0].contains("gate"));
    CHECK(run_aijri("score --fail-under abc '" + root + "'").status == 2);
    CHECK(run_aijri("score --fail-on-zone Blue '" + root + "'").status == 2);
}

TEST_CASE("output files appear whole or not at all, and never over an input") {
    const std::string root = make_corpus(5);
    const std::string out = root + "/report.json";
    CHECK(run_aijri("score -f json -o '" + out + "' '" + root + "/team-a'").status == 1);
    CHECK(nlohmann::json::parse(aijri::test::read_text_file(out)).size() == 3);
    for (const auto& entry : std::filesystem::directory_iterator(root)) {
        CHECK_FALSE(contains(entry.path().filename().string(), ".aijri-")); // no temporary left
    }
    const std::string input = root + "/team-a/role-001.json";
    const std::string before = aijri::test::read_text_file(input);
    const auto refused = run_aijri("score -o '" + input + "' '" + root + "'");
    CHECK(refused.status == 2);
    CHECK(contains(refused.err, "is one of the inputs; inputs are never written"));
    CHECK(aijri::test::read_text_file(input) == before);
    const auto nowhere = run_aijri("score -o '" + root + "/missing-dir/x.json' '" + root + "'");
    CHECK(nowhere.status == 2);
    CHECK(nowhere.err == "aijri: " + root +
                             "/missing-dir/x.json: cannot create a temporary file "
                             "beside it: No such file or directory\n");
    CHECK_FALSE(std::filesystem::exists(root + "/missing-dir"));
}

TEST_CASE("a JSON Lines stream is scored, reporting bad lines by line number") {
    const std::string root = aijri::test::temp_dir();
    std::string stream;
    for (int i = 0; i < 3; ++i) {
        auto one = nlohmann::json::parse(aijri::test::to_json({})).dump();
        stream += one + "\n";
    }
    stream.insert(stream.find('\n') + 1, "\n{\"aijri\": 1, \"role\": 7}\n");
    write_text_file(root + "/in.jsonl", stream);
    const auto r = run_aijri("score --jsonl-input '" + root + "/in.jsonl' -f jsonl");
    CHECK(r.status == 1);
    std::vector<nlohmann::json> lines;
    std::size_t start = 0;
    while (start < r.out.size()) {
        const auto end = r.out.find('\n', start);
        lines.push_back(nlohmann::json::parse(r.out.substr(start, end - start)));
        start = end + 1;
    }
    REQUIRE(lines.size() == 4);
    CHECK(lines[0]["aijri"] == 64.6);
    CHECK(lines[0]["line"] == 1);
    const auto& errors = lines[1]["errors"];
    CHECK(errors[0]["line"] == 3);
    CHECK(std::any_of(errors.begin(), errors.end(), [](const auto& e) {
        return e["message"] == "expected an object, found 7" && e["pointer"] == "/role" &&
               e["line"] == 3 && e["column"] == 22;
    }));
    CHECK(lines[3]["line"] == 5);
    const auto piped =
        run_command("'" AIJRI_BINARY "' score --jsonl-input - -f csv < '" + root + "/in.jsonl'");
    CHECK(contains(piped.out, "<stdin>:3,"));
    CHECK(run_aijri("score --jsonl-input x.jsonl some/path").status == 2);
}

TEST_CASE("a FIFO named in a folder is skipped without blocking") {
    const std::string root = aijri::test::temp_dir();
    REQUIRE(::mkfifo((root + "/pipe.json").c_str(), 0600) == 0);
    write_text_file(root + "/ok.json", aijri::test::to_json({}));
    const auto r = run_command("timeout 20 '" AIJRI_BINARY "' score -f jsonl '" + root + "'");
    CHECK(r.status == 0);
    CHECK(contains(r.err, "pipe.json: skipped: a FIFO, not a regular file"));
    const auto named = run_command("timeout 20 '" AIJRI_BINARY "' score '" + root + "/pipe.json'");
    CHECK(named.status == 2);
    CHECK(contains(named.err, "is not a regular file"));
}

TEST_CASE("a walk streams: its warnings come where it met them, the same for any jobs") {
    // 70 files in a.../z... folders with a FIFO between them: the walk meets the FIFO after
    // the 35 files of "a" (more than two chunks of work), and the github format writes its
    // warning to standard output, between those results and the next.
    const std::string root = aijri::test::temp_dir();
    std::filesystem::create_directories(root + "/a");
    std::filesystem::create_directories(root + "/z");
    for (int i = 0; i < 35; ++i) {
        write_text_file(fmt::format("{}/a/{:02}.json", root, i), aijri::test::to_json({}));
        // Ids come from the file names: z's are their own, not a's again.
        write_text_file(fmt::format("{}/z/z{:02}.json", root, i), aijri::test::to_json({}));
    }
    REQUIRE(::mkfifo((root + "/m.json").c_str(), 0600) == 0);
    const auto one = run_command(
        "timeout 20 '" AIJRI_BINARY "' score -f github --fail-under 100 -j 1 '" + root + "'");
    CHECK(one.status == 1); // every role trips the gate, so that every file has a line
    const std::size_t warning =
        one.out.find("::warning title=aijri::" + root + "/m.json: skipped: a FIFO");
    REQUIRE(warning != std::string::npos);
    CHECK(one.out.rfind("/a/34.json", warning) != std::string::npos);
    CHECK(one.out.find("/a/", warning) == std::string::npos);
    CHECK(one.out.find("/z/z00.json", warning) != std::string::npos);
    for (const char* jobs : {"2", "3", "8"}) {
        const auto many = run_command(
            std::string("timeout 20 '" AIJRI_BINARY "' score -f github --fail-under 100 -j ") +
            jobs + " '" + root + "'");
        CHECK(many.out == one.out);
        CHECK(many.status == one.status);
    }
}
