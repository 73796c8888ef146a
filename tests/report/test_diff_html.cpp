// `diff --format html`: the page of tests/data/diff (a role down across the Green line with a
// scenario that follows it, one up across it, one added, one removed, one unchanged, and one
// whose id, title and task name are markup), its exact figures, and what hostile text becomes.
#include <regex>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "aijri/diff/sides.hpp"
#include "aijri/model/methodology.hpp"
#include "aijri/report/diff.hpp"

#include "support/builder.hpp"

using namespace aijri;

namespace {

DiffResult fixture_diff() {
    DiffSideOptions options;
    options.old_methodology = &builtin_methodology();
    options.new_methodology = &builtin_methodology();
    options.max_bytes = 1U << 20U;
    return diff_folders(test::source_path("tests/data/diff/old"),
                        test::source_path("tests/data/diff/new"), options);
}

std::string page_of(const DiffResult& result, bool show_unchanged = false) {
    DiffReportStyle style;
    style.show_unchanged = show_unchanged;
    std::string page;
    write_diff_report(result, DiffFormat::html, style,
                      [&page](std::string_view piece) { page += piece; });
    return page;
}

// The section of the role whose anchor is `id`, from its opening tag to its end.
std::string section(const std::string& page, const std::string& id) {
    const std::size_t begin = page.find("<section class=\"role\" id=\"" + id + "\">");
    REQUIRE(begin != std::string::npos);
    return page.substr(begin, page.find("</section>", begin) - begin);
}

// A figure as the page writes it exactly: "2.16", "-1/3".
Rational exact(const std::string& text) {
    const std::size_t slash = text.find('/');
    const auto number = [](std::string_view part) {
        const ParsedNumber n = parse_json_number(part);
        REQUIRE(n.problem == NumberProblem::none);
        return n.literal.value;
    };
    if (slash == std::string::npos) {
        return number(text);
    }
    return number(std::string_view(text).substr(0, slash)) /
           number(std::string_view(text).substr(slash + 1));
}

// A figure as the page shows it: "+2.16", "−4.18" (a true minus sign).
Rational shown_figure(std::string text) {
    if (text.starts_with("+")) {
        text.erase(0, 1);
    } else if (text.starts_with("−")) {
        text.replace(0, std::string("−").size(), "-");
    }
    return exact(text);
}

struct StepRow {
    std::string label;
    Rational points;
    std::string shown;
};

// The rows of the waterfall's table in a role's section.
std::vector<StepRow> steps(const std::string& role_section) {
    static const std::regex row(
        "<tr><t[hd][^>]*>([^<]*)</t[hd]><td>[^<]*</td><td>[^<]*</td>"
        "<td class=\"num\" data-exact=\"([^\"]+)\" title=\"exactly [^\"]+\">([^<]+)</td></tr>");
    std::vector<StepRow> out;
    for (std::sregex_iterator i(role_section.begin(), role_section.end(), row), end; i != end;
         ++i) {
        out.push_back({(*i)[1], exact((*i)[2]), (*i)[3]});
    }
    return out;
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos;
         at = text.find(part, at + part.size())) {
        ++n;
    }
    return n;
}

} // namespace

TEST_CASE("diff html: the zone changes come first, counted by line and direction, with links",
          "[diff-html]") {
    const std::string page = page_of(fixture_diff());
    CHECK(page.starts_with("<!DOCTYPE html>\n"));
    CHECK(page.ends_with("</html>\n"));
    const std::size_t summary = page.find("<section id=\"zone-changes\">");
    const std::size_t table = page.find("<section id=\"all-roles\">");
    const std::size_t roles = page.find("<section class=\"role\"");
    CHECK(summary < table);
    CHECK(table < roles);
    const std::string cards = page.substr(summary, table - summary);
    CHECK(test::contains(cards, "<b>1</b>up across the Green line (48.0)"));
    CHECK(test::contains(cards, "<b>1</b>down across the Green line (48.0)"));
    CHECK(test::contains(cards, "<b>0</b>up across the Yellow line (25.0)"));
    CHECK(test::contains(cards, "<b>0</b>down across the Yellow line (25.0)"));
    CHECK(test::contains(cards, "<b>1</b>added"));
    CHECK(test::contains(cards, "<b>1</b>removed"));
    CHECK(test::contains(cards, "<b>0</b>renamed"));
    CHECK(test::contains(cards, "<li><a href=\"#role-data-engineer\">data-engineer</a>: 64.6 "
                                "<span class=\"zone green\">Green (Accelerated)</span> → "
                                "43.7 <span class=\"zone yellow\">Yellow</span> (−20.9)</li>"));
    CHECK(test::contains(cards, "<li><a href=\"#role-support-analyst\">support-analyst</a>: "));
    CHECK(count(cards, "<li>") == 2);
}

TEST_CASE("diff html: each waterfall goes from the old AIJRI by steps that add up to Δ",
          "[diff-html]") {
    const std::string page = page_of(fixture_diff());
    const std::string role = section(page, "role-data-engineer");
    CHECK(test::contains(role, "<p class=\"figures\">64.6 <span class=\"zone green\">Green "
                               "(Accelerated)</span> → 43.7 <span class=\"zone yellow\">"
                               "Yellow</span> · Δ −20.9 · <strong>⚠ zone change</strong></p>"));
    // A scenario whose verdict changed, its name escaped, its zones told by badge.
    CHECK(test::contains(role, "<li>scenario \"Tooling matures &lt;b&gt;fast&lt;/b&gt;\": 51.3 "
                               "<span class=\"zone green\">Green (Accelerated)</span> → 33.6 "
                               "<span class=\"zone yellow\">Yellow</span> · <strong>⚠ zone "
                               "change</strong></li>"));
    const std::vector<StepRow> rows = steps(role);
    REQUIRE(rows.size() >= 3);
    CHECK(rows.front().label == "Old AIJRI");
    CHECK(rows.front().shown == "64.6");
    CHECK(rows.back().label == "New AIJRI");
    CHECK(rows.back().shown == "43.7");
    Rational moved;
    for (std::size_t i = 1; i + 1 < rows.size(); ++i) {
        moved += rows[i].points;
    }
    CHECK(rows.front().points + moved == rows.back().points);
    CHECK(to_fixed(moved, 1) == "-20.9");
    // The figures shown add up too: a reader's sum of the column is Δ.
    Rational shown_moves;
    for (std::size_t i = 1; i + 1 < rows.size(); ++i) {
        shown_moves += shown_figure(rows[i].shown);
    }
    CHECK(shown_moves == exact("-20.9"));
    CHECK(rows[rows.size() - 2].label == "Rounding");
    CHECK(rows[rows.size() - 2].shown == "+0.01");
    CHECK(rows[rows.size() - 2].points == exact("11/610")); // −20.9 less the inputs' exact sum
}

TEST_CASE("diff html: text from files is shown as text, never as markup or a link", "[diff-html]") {
    const std::string page = page_of(fixture_diff());
    CHECK_FALSE(test::contains(page, "<script>alert"));
    CHECK_FALSE(test::contains(page, "<img"));
    CHECK_FALSE(test::contains(page, "javascript:"));
    CHECK(count(page, "<script") == 1); // the page's own, at its end
    CHECK(test::contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK(test::contains(page, "&lt;img src=x onerror=alert(2)&gt;"));
    // Every link is to a section of the page.
    static const std::regex link("href=\"([^\"]*)\"");
    const std::string& text = page;
    std::size_t links = 0;
    for (std::sregex_iterator i(text.begin(), text.end(), link), end; i != end; ++i) {
        CHECK(std::string((*i)[1]).starts_with("#role-"));
        ++links;
    }
    CHECK(links > 0);
}

TEST_CASE("diff html: unchanged roles get a section only as --all lists them", "[diff-html]") {
    const DiffResult result = fixture_diff();
    const std::string page = page_of(result);
    CHECK(test::contains(page, "<td>archivist</td><td>unchanged</td>"));
    CHECK_FALSE(test::contains(page, "id=\"role-archivist\""));
    const std::string all = page_of(result, /*show_unchanged=*/true);
    CHECK(test::contains(all,
                         "<td><a href=\"#role-archivist\">archivist</a></td><td>unchanged</td>"));
    CHECK(test::contains(section(all, "role-archivist"), "<p class=\"figures\">"));
}

TEST_CASE("diff html: a move past the top of the scale is clamped in the Rounding step",
          "[diff-html]") {
    test::AssessmentSpec spec;
    spec.principles = {3, 3, 3};
    for (test::TaskSpec& task : spec.tasks) {
        task.score = 1;
    }
    spec.barriers = {2, 2, 2, 2, 2};
    spec.evidence = {0, 0, 0, 0, 0};
    const std::string old_dir = test::temp_dir();
    const std::string new_dir = test::temp_dir();
    test::write_text_file(old_dir + "/r.json", test::to_json(spec));
    spec.evidence = {2, 2, 2, 2, 2};
    test::write_text_file(new_dir + "/r.json", test::to_json(spec));
    DiffSideOptions options;
    options.old_methodology = &builtin_methodology();
    options.new_methodology = &builtin_methodology();
    options.max_bytes = 1U << 20U;
    const std::string page = page_of(diff_folders(old_dir, new_dir, options));
    const std::string role = section(page, "role-r");
    const std::vector<StepRow> rows = steps(role);
    REQUIRE(rows.size() == 8);
    CHECK(rows[0].shown == "76.4");
    for (std::size_t i = 1; i <= 5; ++i) {
        CHECK(rows[i].shown == "+6.66");
        CHECK(rows[i].points == exact("5280/793"));
    }
    // The inputs move the formula to 109.7…; the published AIJRI stops at 100.0.
    CHECK(rows[6].label == "Rounding");
    CHECK(rows[6].shown == "−9.70");
    CHECK(rows[6].points == exact("23.6") - exact("26400/793"));
    CHECK(rows[7].shown == "100.0");
    // The waterfall's axis reaches past 100 to show where the inputs took it.
    CHECK(test::contains(role, "text-anchor=\"middle\">110.0</text>"));
}

TEST_CASE("diff html: past 200 roles, sections keep their figures and steps but no charts",
          "[diff-html]") {
    const std::string old_dir = test::temp_dir();
    const std::string new_dir = test::temp_dir();
    test::AssessmentSpec moved;
    moved.growth = 1;
    for (int i = 0; i < 203; ++i) {
        const std::string name = fmt::format("/role-{:03}.json", i);
        test::write_text_file(old_dir + name, test::to_json({}));
        test::write_text_file(new_dir + name, test::to_json(moved));
    }
    DiffSideOptions options;
    options.old_methodology = &builtin_methodology();
    options.new_methodology = &builtin_methodology();
    options.max_bytes = 1U << 20U;
    const std::string page = page_of(diff_folders(old_dir, new_dir, options));
    CHECK(test::contains(page, " The first 200 roles, largest moves first, are drawn; the other 3 "
                               "have their figures and steps.</p>"));
    CHECK(count(page, "<section class=\"role\"") == 203);
    CHECK(count(page, "<table class=\"steps\">") == 203);
    CHECK(count(page, "<svg") == 400);
    // Same moves, listed by id: the last three are not drawn.
    CHECK(test::contains(section(page, "role-role-199"), "<svg"));
    CHECK_FALSE(test::contains(section(page, "role-role-200"), "<svg"));
    CHECK(steps(section(page, "role-role-202")).size() >= 3);
}
