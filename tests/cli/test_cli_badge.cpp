// --format badge: shields.io endpoint JSON (https://shields.io/badges/endpoint-badge) of a
// run's zone counts, read back by nlohmann and checked against the endpoint's schema.
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/builder.hpp"

using aijri::test::run_aijri;
using aijri::test::shell_quote;
using aijri::test::source_path;
using aijri::test::write_text_file;

namespace {

// The seed (Green), the junior example (Yellow) and, when asked, a file that does not parse.
std::string make_folder(bool with_broken_file) {
    const std::string root = aijri::test::temp_dir();
    write_text_file(root + "/seed.json", aijri::test::seed_json());
    write_text_file(root + "/junior.json",
                    aijri::test::read_text_file(
                        source_path("assessments/examples/deep-learning-engineer-junior.json")));
    if (with_broken_file) {
        write_text_file(root + "/broken.json", "{\"aijri\": 1,\n");
    }
    return root;
}

std::string badge(const std::string& message, const std::string& color) {
    return "{\n  \"schemaVersion\": 1,\n  \"label\": \"aijri\",\n  \"message\": \"" + message +
           "\",\n  \"color\": \"" + color + "\"\n}\n";
}

// What shields.io requires of an endpoint's answer: schemaVersion 1, a label and a message
// that are strings (the message not empty), and an optional colour that is a string.
void check_endpoint_schema(const std::string& text) {
    const nlohmann::json j = nlohmann::json::parse(text);
    REQUIRE(j.is_object());
    CHECK(j.at("schemaVersion") == 1);
    CHECK(j.at("label").is_string());
    CHECK(!j.at("label").get<std::string>().empty());
    CHECK(j.at("message").is_string());
    CHECK(!j.at("message").get<std::string>().empty());
    CHECK(j.at("color").is_string());
}

} // namespace

TEST_CASE("badge: a folder with a Yellow role and a broken file is red, its counts exact") {
    const std::string folder = shell_quote(make_folder(true));
    const auto result = run_aijri("score -f badge " + folder);
    CHECK(result.out == badge("1 Green · 1 Yellow · 0 Red · 1 invalid", "red"));
    check_endpoint_schema(result.out);
    // The format changes what is written, never the exit status.
    CHECK(result.status == 1);
    CHECK(run_aijri("score -f json " + folder).status == 1);
}

TEST_CASE("badge: the colour follows the lowest zone, and a tripped gate turns it red") {
    const std::string folder = shell_quote(make_folder(false));
    const auto yellow = run_aijri("score -f badge " + folder);
    CHECK(yellow.status == 0);
    CHECK(yellow.out == badge("1 Green · 1 Yellow · 0 Red", "yellow"));
    check_endpoint_schema(yellow.out);

    const auto green =
        run_aijri("score --format BADGE " +
                  shell_quote(source_path("assessments/deep-learning-engineer.json")));
    CHECK(green.status == 0);
    CHECK(green.out == badge("1 Green · 0 Yellow · 0 Red", "green"));

    const auto gated = run_aijri("score -f badge --fail-under 50 " + folder);
    CHECK(gated.status == 1);
    CHECK(gated.out == badge("1 Green · 1 Yellow · 0 Red", "red"));
}

TEST_CASE("badge: robustness writes the same badge as score") {
    const std::string folder = shell_quote(make_folder(true));
    const auto score = run_aijri("score -f badge " + folder);
    const auto robustness = run_aijri("robustness -f badge " + folder);
    CHECK(robustness.out == score.out);
    CHECK(robustness.status == score.status);
}

TEST_CASE("badge: a run that found nothing, allowed by --allow-empty, is grey") {
    const auto empty =
        run_aijri("score -f badge --allow-empty " + shell_quote(aijri::test::temp_dir()));
    CHECK(empty.status == 0);
    CHECK(empty.out == badge("no assessments", "lightgrey"));
    check_endpoint_schema(empty.out);
}
