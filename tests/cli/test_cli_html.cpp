// `--format html` of score and robustness, as the page's readers get it: the figures in the
// markup, one script and no other, links that go to sections of the same page, and text from
// files that stays text. tests/browser/ loads the same pages in Chromium.
#include <algorithm>
#include <regex>
#include <set>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "support/builder.hpp"

using aijri::test::read_text_file;
using aijri::test::run_aijri;
using aijri::test::write_text_file;

namespace {

const std::string k_seed = "assessments/deep-learning-engineer.json";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++n;
    }
    return n;
}

// A folder of the seed (Green, 4 steps from Yellow) and a Yellow role.
std::string seed_and_yellow() {
    const std::string root = aijri::test::temp_dir();
    write_text_file(root + "/a-seed.json", read_text_file(aijri::test::source_path(k_seed)));
    aijri::test::AssessmentSpec yellow;
    yellow.growth = 0;
    yellow.evidence = {0, 0, 0, 0, 0};
    yellow.barriers = {0, 0, 0, 0, 0};
    write_text_file(root + "/b-yellow.json", aijri::test::to_json(yellow));
    return root;
}

// The page `arguments` write with -o.
std::string page_of(const std::string& arguments, int status = 0) {
    const std::string out = aijri::test::temp_dir() + "/page.html";
    const auto r = run_aijri(arguments + " --format html -o " + out);
    INFO(r.err);
    CHECK(r.status == status);
    return read_text_file(out);
}

// Every fragment link goes to an element of the page.
void check_links_resolve(const std::string& page) {
    std::set<std::string> ids;
    const std::regex id_attribute(" id=\"([^\"]+)\"");
    for (auto it = std::sregex_iterator(page.begin(), page.end(), id_attribute);
         it != std::sregex_iterator(); ++it) {
        ids.insert((*it)[1]);
    }
    const std::regex href(" href=\"([^\"]*)\"");
    std::size_t links = 0;
    for (auto it = std::sregex_iterator(page.begin(), page.end(), href);
         it != std::sregex_iterator(); ++it) {
        const std::string target = (*it)[1];
        INFO(target);
        REQUIRE(target.rfind('#', 0) == 0);
        CHECK(ids.count(target.substr(1)) == 1);
        ++links;
    }
    CHECK(links > 0);
}

} // namespace

TEST_CASE("html of one role carries the seed's figures, charts and sections") {
    const std::string page = page_of("score " + k_seed);
    CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK(contains(page, "<title>Deep Learning Engineer — aijri</title>"));
    CHECK(contains(page, "<p class=\"verdict\">AIJRI <b>64.6</b> <span class=\"zone green\">Green "
                         "(Accelerated)</span></p>"));
    CHECK(contains(page, "<li>Raw: 3.75 × 1.32 × 1.04 × 1.10 = 5.6628</li>"));
    CHECK(contains(page, "<li>AIJRI: (5.6628 − 0.54) / 7.93 × 100 = 64.6</li>"));
    CHECK(contains(page, "<h2>Task Decomposition</h2>"));
    // The prose too: the page shows the role whole, rationales and all.
    CHECK(contains(page, "<td>Fully digital. All work occurs in code, cloud GPU clusters, and "
                         "experiment tracking platforms.</td>"));
    CHECK(contains(page, "<h2>Assessor Override</h2>"));
    // The band, the waterfall, the tasks, the evidence and the barriers, each titled.
    CHECK(count(page, "<svg class=\"chart\"") == 5);
    CHECK(contains(page, "<title>The AIJRI on the 0–100 scale, with the zone lines</title>"));
    CHECK(contains(page, "<desc>Red 0.0–25.0, Yellow 25.0–48.0, Green 48.0–100.0; 64.6 Green "
                         "(Accelerated)"));
    CHECK(contains(page, "Raw: 5.6628</desc>"));
    // One script, the page's own, allowed by its hash; nothing may be fetched.
    CHECK(count(page, "<script") == 1);
    CHECK(contains(page, "content=\"default-src 'none'; style-src 'sha256-"));
    CHECK_FALSE(contains(page, "http://"));
    CHECK_FALSE(contains(page, "https://"));
    CHECK(page.substr(page.size() - 16) == "</body>\n</html>\n");
    // A dark scheme for readers who ask for one, and a sheet for paper.
    CHECK(contains(page, "@media (prefers-color-scheme:dark)"));
    CHECK(contains(page, "@media print{"));
}

TEST_CASE("html of one role with stated figures that do not match shows the role and them") {
    const std::string root = aijri::test::temp_dir();
    write_text_file(root + "/stated.json",
                    aijri::test::seed_json_with("\"aijri\": 64.6", "\"aijri\": 61.0"));
    const std::string page = page_of("score " + root + "/stated.json", 1);
    CHECK(contains(page, "<p class=\"verdict\">AIJRI <b>64.6</b>"));
    CHECK(contains(page, "<h2>Stated figures that do not match</h2>"));
    CHECK(contains(page, "stated.json:"));
}

TEST_CASE("html of a folder is a portfolio whose table links to each role's section") {
    const std::string root = seed_and_yellow();
    write_text_file(root + "/c-broken.json", "{\"aijri\": 1,\n  \"role\": {\"title\": \"x\"");
    const std::string page = page_of("score " + root, 1);
    CHECK(contains(page, "<h1>Portfolio of 3 roles</h1>"));
    CHECK(contains(page, "3 files: 1 Green, 1 Yellow, 0 Red, 1 invalid"));
    CHECK(contains(page, "<title>How many roles have each AIJRI, with the zone bands</title>"));
    CHECK(contains(page, "<polyline points="));
    CHECK(contains(page, "<title>AIJRI 48.0 (Green line)</title>"));
    CHECK(contains(page, "<title>AIJRI 25.0 (Yellow line)</title>"));
    CHECK(contains(page, "<table class=\"sortable\" id=\"roles\""));
    CHECK(count(page, "<tr data-zone=") == 3);
    CHECK(contains(page, "<tr data-zone=\"green\"><td><a href=\"#role-"));
    CHECK(contains(page, ">Deep Learning Engineer</a></td>"));
    CHECK(contains(page, "<td class=\"num\">64.6</td>"));
    // Each role's section: its figures and its tasks, its heading a way back to the table.
    CHECK(contains(page, "<h3><a href=\"#roles\">Deep Learning Engineer</a> <span class=\"zone "
                         "green\">Green (Accelerated)</span></h3>"));
    CHECK(contains(page, "<p>Tasks: Design novel neural network architectures (20% · score 2); "
                         "Train &amp; optimize deep learning models (25% · score 3);"));
    // The invalid file, with its error where it is, in the table and in its section.
    CHECK(count(page, "c-broken.json:2:") >= 2);
    CHECK(contains(page, "<span class=\"zone invalid\">invalid</span>"));
    check_links_resolve(page);
}

TEST_CASE("html of a JSON Lines stream is a portfolio of its records") {
    const std::string root = aijri::test::temp_dir();
    std::string seed = read_text_file(aijri::test::source_path(k_seed));
    seed.erase(std::remove(seed.begin(), seed.end(), '\n'), seed.end());
    write_text_file(root + "/roles.jsonl", seed + "\n" + seed + "\n");
    const std::string page = page_of("score --jsonl-input " + root + "/roles.jsonl");
    CHECK(contains(page, "<h1>Portfolio of 2 roles</h1>"));
    CHECK(count(page, "<td class=\"num\">64.6</td>") == 2);
    check_links_resolve(page);
}

TEST_CASE("html of robustness shows the margin, the fewest edits and the odds") {
    const std::string page = page_of("robustness " + k_seed);
    CHECK(contains(page, "<h2>Robustness of the formula&#39;s verdict</h2>"));
    CHECK(contains(page, "<li>16.6 points above the Green line at 48.0</li>"));
    CHECK(contains(page, "<h3>Fewest edits down: 4 unit steps to Yellow</h3>"));
    CHECK(contains(page, "<li>/tasks/0/score “Design novel neural network architectures"));
    CHECK(contains(page, "<td>Green</td><td class=\"num\">0.961743</td><td>1211519/1259712</td>"));
    CHECK(contains(page, "5th percentile 48.8, median 60.2, 95th percentile 72.7"));
    CHECK(contains(page, "<title>Tornado: the published AIJRI"));
}

TEST_CASE("html of robustness over a folder ranks how near each role is to a zone change") {
    const std::string root = seed_and_yellow();
    const std::string page = page_of("robustness " + root);
    CHECK(contains(page, "<h1>Robustness of 2 roles</h1>"));
    CHECK(contains(page, "<th class=\"num\">Steps to change zone</th>"));
    CHECK(contains(page, "<td class=\"num\" data-v=\"4\">4 → Yellow</td>"));
    CHECK(contains(page, "<p>Fewest edits to change the zone: 4 unit steps to Yellow.</p>"));
    check_links_resolve(page);
}

TEST_CASE("html never lets text from a file run or become a link") {
    std::string json = aijri::test::seed_json_with(
        "\"title\": \"Deep Learning Engineer\"",
        "\"title\": \"<script>window.__aijri_pwned=1</script><img src=x onerror=alert(1)>\"");
    const std::string rationale = "Fully digital. All work occurs in code";
    json = json.replace(json.find(rationale), rationale.size(),
                        "javascript:alert(1) <a href=\\\"javascript:alert(2)\\\">x</a>");
    const std::string root = aijri::test::temp_dir();
    write_text_file(root + "/hostile.json", json);
    for (const std::string& arguments : {"score " + root + "/hostile.json", "score " + root}) {
        const std::string page = page_of(arguments);
        CHECK(count(page, "<script") == 1);
        CHECK_FALSE(contains(page, "<img"));
        CHECK_FALSE(contains(page, "<a href=\"javascript"));
        CHECK_FALSE(contains(page, "href=\"javascript"));
        CHECK(contains(page, "&lt;script&gt;window.__aijri_pwned=1&lt;/script&gt;&lt;img src=x "
                             "onerror=alert(1)&gt;"));
    }
}
