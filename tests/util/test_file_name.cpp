// The extensions of assessments, and the id a file without one is named by.
#include <catch2/catch.hpp>

#include "aijri/util/file_name.hpp"

using namespace aijri;

TEST_CASE("an extension follows at least one character of the name") {
    CHECK(has_json_extension("role.json"));
    CHECK(has_json_extension("a/b.json"));
    CHECK_FALSE(has_json_extension(".json")); // a hidden file's whole name
    CHECK_FALSE(has_json_extension("role.jsonl"));
    CHECK(has_document_extension("role.md"));
    CHECK(has_document_extension("role.markdown"));
    CHECK_FALSE(has_document_extension(".md"));
    CHECK_FALSE(has_document_extension("role.json"));
}

TEST_CASE("without_assessment_extension drops one extension of an assessment, no other") {
    CHECK(without_assessment_extension("role.json") == "role");
    CHECK(without_assessment_extension("role.md") == "role");
    CHECK(without_assessment_extension("role.markdown") == "role");
    CHECK(without_assessment_extension("role.md.json") == "role.md");
    CHECK(without_assessment_extension("role.txt") == "role.txt");
    CHECK(without_assessment_extension(".json") == ".json");
}
