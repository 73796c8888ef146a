// Path patterns of the config file's [[thresholds]].
#include <catch2/catch.hpp>

#include "aijri/util/glob.hpp"

using namespace aijri;

TEST_CASE("a glob's star stays in its segment and a double star crosses folders") {
    CHECK(glob_matches("assessments/*.json", "assessments/nurse.json"));
    CHECK_FALSE(glob_matches("assessments/*.json", "assessments/clinical/nurse.json"));
    CHECK(glob_matches("assessments/**/*.json", "assessments/nurse.json"));
    CHECK(glob_matches("assessments/**/*.json", "assessments/clinical/icu/nurse.json"));
    CHECK(glob_matches("**/nurse.json", "nurse.json"));
    CHECK(glob_matches("**/nurse.json", "a/b/nurse.json"));
    CHECK_FALSE(glob_matches("**/nurse.json", "a/b/nurse.md"));
    CHECK(glob_matches("*/nurse-*.json", "clinical/nurse-icu.json"));
    CHECK_FALSE(glob_matches("*/nurse-*.json", "clinical/doctor.json"));
    CHECK(glob_matches("a*b*c", "abbbc"));
    CHECK_FALSE(glob_matches("a*b*c", "abbbd"));
}

TEST_CASE("a glob that names a folder matches every file under it") {
    CHECK(glob_matches("assessments/clinical", "assessments/clinical/nurse.json"));
    CHECK(glob_matches("assessments/clinical/", "assessments/clinical/icu/nurse.json"));
    CHECK(glob_matches("assessments/clinical/**", "assessments/clinical/icu/nurse.json"));
    CHECK_FALSE(glob_matches("assessments/clinical/**", "assessments/clinicals/nurse.json"));
    CHECK_FALSE(glob_matches("assessments/clinical", "assessments/nurse.json"));
    CHECK(glob_matches("assessments/*", "assessments/clinical/nurse.json"));
}

TEST_CASE("a glob's question mark is one character and a class one of a set") {
    CHECK(glob_matches("role-?.json", "role-1.json"));
    CHECK(glob_matches("role-?.json", "role-é.json")); // one character, two bytes
    CHECK_FALSE(glob_matches("role-?.json", "role-12.json"));
    CHECK(glob_matches("role-[0-9].json", "role-7.json"));
    CHECK_FALSE(glob_matches("role-[0-9].json", "role-x.json"));
    CHECK(glob_matches("role-[!0-9].json", "role-x.json"));
    CHECK(glob_matches("role-[]x].json", "role-].json"));
    CHECK(glob_matches("[ab]/*", "b/c.json"));
}

TEST_CASE("a glob that is no relative path pattern is named with what is wrong") {
    CHECK_FALSE(glob_problem("assessments/**").has_value());
    CHECK_FALSE(glob_problem("a/[!x]y/*.json").has_value());
    CHECK(glob_problem("") == "expected a path pattern, found an empty string");
    CHECK(glob_problem("/etc/*") ==
          "expected a path relative to the config file's folder, found \"/etc/*\"");
    CHECK(glob_problem("../x") == "expected folder names between the slashes (no empty, \".\" or "
                                  "\"..\" segment), found \"../x\"");
    CHECK(glob_problem("a//b") == "expected folder names between the slashes (no empty, \".\" or "
                                  "\"..\" segment), found \"a//b\"");
    CHECK(glob_problem("a/b**") ==
          "expected \"**\" as a whole segment (as in a/**/b.json), found \"a/b**\"");
    CHECK(glob_problem("a/[bc") ==
          "expected a ']' to close the '[' of a character class, found \"a/[bc\"");
    CHECK(glob_problem("a/[b]c[d") ==
          "expected a ']' to close the '[' of a character class, found \"a/[b]c[d\"");
    CHECK_FALSE(glob_matches("/etc/*", "etc/passwd"));
}
