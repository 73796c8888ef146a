// aijri init [ID]: a complete new assessment, valid as written, that warns of each placeholder
// until it is filled, and never replaces a file.
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/builder.hpp"

using aijri::test::CommandResult;
using aijri::test::read_text_file;
using aijri::test::run_aijri_in;
using aijri::test::shell_quote;
using aijri::test::write_text_file;

namespace {

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++count;
    }
    return count;
}

constexpr std::size_t k_placeholders = 23;

} // namespace

TEST_CASE("init: writes every section, valid, each placeholder a warning") {
    const std::string dir = aijri::test::temp_dir();
    const CommandResult run = run_aijri_in(dir, "init radiologist");
    CHECK(run.status == 0);
    CHECK(run.out.empty());
    CHECK(run.err ==
          "aijri init: wrote radiologist.json, with 23 placeholders to fill; `aijri validate "
          "radiologist.json` lists those left\n"
          "aijri init: no schema/assessment.schema.json above it: write one beside it (aijri "
          "schema > assessment.schema.json) for editors to check the file\n");

    const nlohmann::json j = nlohmann::json::parse(read_text_file(dir + "/radiologist.json"));
    CHECK(j.at("$schema") == "assessment.schema.json");
    CHECK(j.at("aijri") == 1);
    CHECK(j.at("id") == "radiologist");
    CHECK(j.at("role").at("title") == "TODO: the role's title");
    for (const char* key : {"seniority", "primary_function", "not_this_role", "typical_experience",
                            "seniority_note"}) {
        CHECK(j.at("role").at(key) == "");
    }
    CHECK(j.at("protective_principles").size() == 3);
    CHECK(j.at("evidence").size() == 5);
    CHECK(j.at("barriers").size() == 5);
    REQUIRE(j.at("tasks").size() == 1);
    CHECK(j.at("tasks").at(0).at("rationale") == "");
    for (const char* section : {"protective_principles", "evidence", "barriers"}) {
        for (const auto& [name, row] : j.at(section).items()) {
            INFO(section << "/" << name);
            CHECK(row.at("score") == 0);
            CHECK(row.at("rationale") == "");
        }
    }
    CHECK(j.contains("growth_correlation"));
    CHECK(j.contains("reinstatement"));

    // Valid as written: every command takes it, and lists what is left to write.
    const CommandResult validate = run_aijri_in(dir, "validate radiologist.json");
    CHECK(validate.status == 0);
    CHECK(count_of(validate.out, ": warning: ") == k_placeholders + 1); // + the quick screen
    CHECK(count_of(validate.out, "placeholder: ") == k_placeholders);
    CHECK(aijri::test::contains(
        validate.out, "radiologist.json:6:14: warning: /role/title: placeholder: \"TODO: the "
                      "role's title\" is still to be written\n"));
    CHECK(aijri::test::contains(
        validate.out, "radiologist.json:16:20: warning: "
                      "/protective_principles/embodied_physicality/rationale: placeholder: the "
                      "text is empty; write it, or remove the key\n"));
    CHECK(run_aijri_in(dir, "score radiologist.json").status == 0);
}

TEST_CASE("init: a placeholder written is no longer a warning") {
    const std::string dir = aijri::test::temp_dir();
    REQUIRE(run_aijri_in(dir, "init r").status == 0);
    std::string text = read_text_file(dir + "/r.json");
    text = std::regex_replace(text, std::regex("TODO: the role's title"), "Radiologist");
    text = std::regex_replace(text, std::regex("\"seniority\": \"\""), "\"seniority\": \"Senior\"");
    write_text_file(dir + "/r.json", text);
    const CommandResult validate = run_aijri_in(dir, "validate r.json");
    CHECK(validate.status == 0);
    CHECK(count_of(validate.out, "placeholder: ") == k_placeholders - 2);
    CHECK_FALSE(aijri::test::contains(validate.out, "/role/title"));
    CHECK_FALSE(aijri::test::contains(validate.out, "/role/seniority:"));
    // A text that still begins with the mark is still a placeholder, whatever follows it.
    text = std::regex_replace(text, std::regex("Radiologist"), "TODO Radiologist");
    write_text_file(dir + "/r.json", text);
    CHECK(aijri::test::contains(run_aijri_in(dir, "validate r.json").out,
                                "r.json:6:14: warning: /role/title: placeholder: \"TODO "
                                "Radiologist\" is still to be written\n"));
}

TEST_CASE("init: in a repository, into assessments/, with $schema pointing at the schema") {
    const std::string dir = aijri::test::temp_dir();
    std::filesystem::create_directories(dir + "/assessments");
    std::filesystem::create_directories(dir + "/schema");
    write_text_file(dir + "/schema/assessment.schema.json",
                    read_text_file(aijri::test::source_path("schema/assessment.schema.json")));
    const CommandResult run = run_aijri_in(dir, "init nurse");
    CHECK(run.status == 0);
    CHECK(run.err == "aijri init: wrote assessments/nurse.json, with 23 placeholders to fill; "
                     "`aijri validate assessments/nurse.json` lists those left\n");
    const nlohmann::json j = nlohmann::json::parse(read_text_file(dir + "/assessments/nurse.json"));
    CHECK(j.at("$schema") == "../schema/assessment.schema.json");

    // Without an ID: new-role; -o names the file, with its own relative $schema.
    CHECK(run_aijri_in(dir, "init").status == 0);
    CHECK(std::filesystem::exists(dir + "/assessments/new-role.json"));
    CHECK(run_aijri_in(dir, "init x -o x.json").status == 0);
    CHECK(nlohmann::json::parse(read_text_file(dir + "/x.json")).at("$schema") ==
          "schema/assessment.schema.json");
}

TEST_CASE("init: never overwrites, and refuses an id that is not a file name") {
    const std::string dir = aijri::test::temp_dir();
    write_text_file(dir + "/taken.json", "mine\n");
    const CommandResult taken = run_aijri_in(dir, "init taken");
    CHECK(taken.status == 2);
    CHECK(taken.err == "aijri init: taken.json: already exists; init never replaces a file "
                       "(name another ID, or -o FILE)\n");
    CHECK(read_text_file(dir + "/taken.json") == "mine\n");
    const CommandResult named = run_aijri_in(dir, "init other -o taken.json");
    CHECK(named.status == 2);
    CHECK(read_text_file(dir + "/taken.json") == "mine\n");
    CHECK(run_aijri_in(dir, "init other -o /dev/null").status == 2); // exists, so never written

    for (const std::string& id :
         std::vector<std::string>{"Bad ID", "../up", "-x", ".hidden", std::string(101, 'a')}) {
        INFO(id);
        const CommandResult bad = run_aijri_in(dir, "init -- " + shell_quote(id));
        CHECK(bad.status == 2);
        CHECK(bad.err == "aijri init: ID: expected up to 100 letters, digits, '-', '_' and '.', "
                         "beginning with a letter or a digit (it names the file), found \"" +
                             id + "\"\nRun `aijri init --help` for usage.\n");
    }
    CHECK(std::filesystem::directory_iterator(dir) != std::filesystem::directory_iterator());
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) {
        ++files;
    }
    CHECK(files == 1); // only taken.json: no temporary file left behind
}

TEST_CASE("init: -o - writes the same assessment to standard output") {
    const std::string dir = aijri::test::temp_dir();
    const CommandResult shown = run_aijri_in(dir, "init r -o -");
    CHECK(shown.status == 0);
    CHECK(shown.err.empty());
    REQUIRE(run_aijri_in(dir, "init r -o r.json").status == 0);
    CHECK(shown.out == read_text_file(dir + "/r.json"));
}
