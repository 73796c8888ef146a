// Rendering assessments as documents, and the round trip render → import.
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "aijri/assessment/reader.hpp"
#include "aijri/assessment/writer.hpp"
#include "aijri/batch/evaluate.hpp"
#include "aijri/document/document.hpp"

#include "support/builder.hpp"

using namespace aijri;

namespace {

const Methodology& m() {
    return builtin_methodology();
}

Assessment read_json(const std::string& json) {
    AssessmentReader reader;
    const ReadResult read = reader.read(json, "doc.json");
    for (const Diagnostic& d : read.diagnostics) {
        UNSCOPED_INFO(format_diagnostic("doc.json", d));
    }
    REQUIRE(read.assessment);
    Assessment a = *read.assessment;
    a.id = "doc"; // as import_document(…, "doc.md") names it
    a.schema.clear();
    return a;
}

std::string render(const Assessment& a) {
    return render_markdown(a, compute_score(a, m()), m());
}

Assessment import_ok(const std::string& document) {
    const ImportResult result = import_document(document, "doc.md");
    for (const Diagnostic& d : result.diagnostics) {
        UNSCOPED_INFO(format_diagnostic("doc.md", d));
    }
    REQUIRE(result.assessment);
    CHECK(result.diagnostics.empty()); // a rendered document is consistent: no warning
    return *result.assessment;
}

std::string json(const Assessment& a) {
    return assessment_to_json(a);
}

// No byte of the document can act on a terminal or reorder what a reviewer sees.
void check_no_raw_controls(const std::string& document) {
    for (std::size_t i = 0; i < document.size(); ++i) {
        const auto c = static_cast<unsigned char>(document[i]);
        INFO("byte " << i);
        CHECK((c >= 0x20U || c == '\n'));
        CHECK(c != 0x7FU);
        if (c == 0xC2U && i + 1 < document.size()) {
            CHECK(static_cast<unsigned char>(document[i + 1]) > 0x9FU); // no C1 control
        }
    }
    CHECK(document.find("\u202E") == std::string::npos);
    CHECK(document.find("<script") == std::string::npos);
}

// render → import gives the assessment back, with every figure stated; from there on,
// render and import are a fixed point.
void check_round_trip(const Assessment& original) {
    const std::string document = render(original);
    check_no_raw_controls(document);
    const Assessment imported = import_ok(document);
    Assessment without_stated = imported;
    without_stated.stated = StatedFigures{};
    Assessment original_without_stated = original;
    original_without_stated.stated = StatedFigures{};
    CHECK(json(without_stated) == json(original_without_stated));
    CHECK(check_stated_figures(imported, compute_score(imported, m()), m()).empty());

    CHECK(render(imported) == document);
    CHECK(json(import_ok(render(imported))) == json(imported));
    AssessmentReader reader;
    const Evaluation e = evaluate(reader, json(imported), "doc.json", m());
    CHECK(e.valid());
}

// Text that tries every way of breaking a document: table pipes, line breaks, Markdown,
// HTML, character references, terminal escapes, and lines that look like structure.
const std::vector<std::string> k_fragments = {"plain words",
                                              "a | pipe",
                                              "two || pipes",
                                              "back\\slash",
                                              "\\|",
                                              "<br>",
                                              "<BR/>",
                                              "<script>alert(1)</script>",
                                              "&amp;",
                                              "&copy;",
                                              "&#169;",
                                              "R&D",
                                              "line\nbreak",
                                              "\n",
                                              "\x1b[31mred\x1b[0m",
                                              "\x07",
                                              "\u202Eevil",
                                              "\r",
                                              "\t",
                                              "\u0085",
                                              "**bold**",
                                              "*",
                                              "**",
                                              "# hash",
                                              "- bullet",
                                              "+ plus",
                                              "`code`",
                                              "```",
                                              "~~~",
                                              "Total",
                                              "**Total**",
                                              "Raw: 5",
                                              "Evidence Score",
                                              "  spaced  ",
                                              "",
                                              "日本語",
                                              "—",
                                              " x ",
                                              "Yes — maybe",
                                              "None",
                                              "\"quoted\"",
                                              "[link](http://x)",
                                              "---",
                                              "***",
                                              "Score vs Reality Check",
                                              "### Heading",
                                              "> quote",
                                              "1. item",
                                              "%",
                                              "2/9",
                                              ":",
                                              "Seniority note: x",
                                              "Quick screen result: Protective 2",
                                              "Zone: GREEN",
                                              "Assessor override: none",
                                              "\\",
                                              " ",
                                              "What This Means",
                                              "(a)",
                                              "3."};

class RandomAssessments {
public:
    explicit RandomAssessments(unsigned seed) : m_rng(seed) {}

    Assessment make() {
        Assessment a;
        a.id = "doc";
        a.role.title = "Role " + text(2);
        a.role.seniority = text(1);
        a.role.primary_function = text(3);
        a.role.not_this_role = text(2);
        a.role.typical_experience = text(1);
        a.role.seniority_note = text(2);
        for (ScoredItem& p : a.principles) {
            p = {uniform(0, 3), text(3), std::nullopt};
        }
        a.growth = {uniform(-2, 2), text(3), std::nullopt};
        make_tasks(a);
        if (uniform(0, 2) > 0) {
            a.reinstatement = Reinstatement{uniform(0, 1) == 1, text(2)};
        }
        for (ScoredItem& e : a.evidence) {
            e = {uniform(-2, 2), text(2), std::nullopt};
        }
        for (ScoredItem& b : a.barriers) {
            b = {uniform(0, 2), text(2), std::nullopt};
        }
        if (uniform(0, 2) == 0) {
            a.override_ = make_override();
        }
        const int sections = uniform(0, 6);
        for (int i = 0; i < sections; ++i) {
            a.commentary.push_back({heading(), lines()});
        }
        return a;
    }

private:
    int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }

    std::string text(int most) {
        std::string out;
        const int count = uniform(0, most);
        for (int i = 0; i < count; ++i) {
            static const std::array<const char*, 3> separators = {"", " ", "\n"};
            out += separators[static_cast<std::size_t>(uniform(0, 2))];
            out += k_fragments[static_cast<std::size_t>(
                uniform(0, static_cast<int>(k_fragments.size()) - 1))];
        }
        return out;
    }

    std::string lines() {
        std::string out;
        const int count = uniform(0, 4);
        for (int i = 0; i < count; ++i) {
            out += (i == 0 ? "" : "\n") + text(3);
        }
        return out;
    }

    std::string heading() {
        switch (uniform(0, 4)) {
        case 0: {
            static const std::array<const char*, 12> titles = {
                "Role Definition",         "Task Decomposition",
                "Barrier Assessment",      "AI Growth Correlation Check",
                "Sub-Label Determination", "Assessor Commentary",
                "What This Means",         "",
                "barrier assessment",      "Score vs Reality Check",
                "Evidence Score",          "JobZone Composite Score"};
            return titles[static_cast<std::size_t>(uniform(0, 11))];
        }
        case 1:
            return "";
        default:
            return text(2);
        }
    }

    void make_tasks(Assessment& a) {
        const int count = uniform(1, 8);
        const bool decimals = uniform(0, 1) == 1;
        const int units = decimals ? 10000 : 100;
        std::vector<int> cuts{0, units};
        while (static_cast<int>(cuts.size()) < count + 1) {
            const int cut = uniform(1, units - 1);
            if (std::find(cuts.begin(), cuts.end(), cut) == cuts.end()) {
                cuts.push_back(cut);
            }
        }
        std::sort(cuts.begin(), cuts.end());
        for (int i = 0; i < count; ++i) {
            Task t;
            t.name = i == 0 && uniform(0, 3) == 0 ? (uniform(0, 1) == 1 ? "Total" : "**Total**")
                                                  : text(2) + " #" + std::to_string(i);
            const auto share =
                cuts[static_cast<std::size_t>(i) + 1] - cuts[static_cast<std::size_t>(i)];
            t.time_pct = Rational::decimal(share, decimals ? 2 : 0);
            t.score = uniform(1, 5);
            t.impact = static_cast<Impact>(uniform(0, 2));
            t.rationale = text(3);
            a.tasks.push_back(std::move(t));
        }
    }

    Override make_override() {
        Override o;
        const int what = uniform(1, 7);
        if ((what & 1) != 0) {
            o.aijri = Rational::decimal(uniform(0, 1000), 1);
        }
        if ((what & 2) != 0) {
            o.zone = k_zones[static_cast<std::size_t>(uniform(0, 2))];
        }
        if ((what & 4) != 0) {
            o.has_sub_label = true;
            if (uniform(0, 1) == 1) {
                o.sub_label = "Label " + text(2);
            }
        }
        o.reason = "Reason " + text(2);
        return o;
    }

    std::mt19937 m_rng;
};

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++n;
    }
    return n;
}

// For each table of the HTML, the number of cells of each row.
std::vector<std::vector<std::size_t>> table_shapes(const std::string& html) {
    std::vector<std::vector<std::size_t>> tables;
    for (auto at = html.find("<table>"); at != std::string::npos;
         at = html.find("<table>", at + 1)) {
        const std::string table = html.substr(at, html.find("</table>", at) - at);
        std::vector<std::size_t> rows;
        for (auto row = table.find("<tr>"); row != std::string::npos;
             row = table.find("<tr>", row + 1)) {
            const std::string cells = table.substr(row, table.find("</tr>", row) - row);
            rows.push_back(count(cells, "<td") + count(cells, "<th"));
        }
        tables.push_back(rows);
    }
    return tables;
}

// What the tables of a rendered assessment must look like.
std::vector<std::vector<std::size_t>> expected_shapes(const Assessment& a) {
    std::size_t role_rows = a.id.empty() ? 2 : 3; // the header, Job Title and ID
    for (const std::string* field : {&a.role.seniority, &a.role.primary_function,
                                     &a.role.not_this_role, &a.role.typical_experience}) {
        role_rows += field->empty() ? 0U : 1U;
    }
    return {std::vector<std::size_t>(role_rows, 2),
            std::vector<std::size_t>(6, 3),
            std::vector<std::size_t>(a.tasks.size() + 2, 6),
            std::vector<std::size_t>(7, 3),
            std::vector<std::size_t>(7, 3),
            std::vector<std::size_t>(5, 2),
            std::vector<std::size_t>(4, 2)};
}

std::string through_cmark(const std::string& document) {
    const std::string path = test::temp_dir() + "/doc.md";
    test::write_text_file(path, document);
    const auto result = test::run_command("cmark-gfm -e table '" + path + "'");
    REQUIRE(result.status == 0);
    return result.out;
}

} // namespace

TEST_CASE("render writes the computed figures in the seed's layout", "[render]") {
    test::AssessmentSpec spec;
    spec.tasks = {{"33.33", 2}, {"66.67", 3, "displacement"}};
    const std::string document = render(read_json(test::to_json(spec)));
    for (const char* line : {
             "## Task Decomposition (Agentic AI Scoring)\n",
             "| Task 1 | 33.33% | 2 | 0.6666 | AUGMENTATION |  |\n",
             "| Total | 100% |  | 2.6667 |  |  |\n",
             "Task Resistance Score: 6.00 - 2.6667 = 3.3333/5.0\n",
             "Displacement/Augmentation split: 66.67% displacement, 33.33% augmentation, 0% not "
             "involved.\n",
             "| Evidence Modifier | 1.0 + (8 x 0.04) = 1.32 |\n",
             "Raw: 3.3333 x 1.32 x 1.04 x 1.10 = 5.0335\n",
             "JobZone Score: (5.0335 - 0.54) / 7.93 x 100 = 56.7/100\n",
             "Zone: GREEN (Green >= 48, Yellow 25-47, Red <25)\n",
             "| % of task time scoring 3+ | 66.67% |\n",
             "| Sub-label | Green (Accelerated) — Growth Correlation = 2 AND AIJRI 56.7 >= 48.0 "
             "|\n",
             "Assessor override: None — formula score accepted.\n",
         }) {
        INFO(line);
        CHECK(document.find(line) != std::string::npos);
    }
    // Sections with nothing to say are left out; the figures' sections never are.
    CHECK(document.find("## Assessor Commentary") == std::string::npos);
    CHECK(document.find("## Sub-Label Determination") != std::string::npos);
}

TEST_CASE("render shows a stated figure at the precision it was stated with", "[render]") {
    std::string text =
        test::read_text_file(test::source_path("assessments/deep-learning-engineer.json"));
    text.replace(text.find("\"raw\": 5.6628"), 13, "\"raw\": 5.66");
    text.replace(text.find("\"growth_modifier\": 1.10"), 23, "\"growth_modifier\": 1.1");
    text.replace(text.find("\"aijri\": 64.6"), 13, "\"aijri\": 64.60");
    const Assessment a = read_json(text);
    const std::string document = render(a);
    CHECK(document.find("Raw: 3.75 x 1.32 x 1.04 x 1.1 = 5.66\n") != std::string::npos);
    CHECK(document.find("JobZone Score: (5.66 - 0.54) / 7.93 x 100 = 64.60/100\n") !=
          std::string::npos);
    // So every assessment with consistent stated figures comes back exactly.
    CHECK(json(import_ok(document)) == json(a));
}

TEST_CASE("text cannot break a table and comes back unchanged", "[render]") {
    test::AssessmentSpec spec;
    Assessment a = read_json(test::to_json(spec));
    a.tasks[0].rationale = "a | b\nc <script>alert(1)</script> \x1b[31m\\ &amp; \u202E";
    a.tasks[1].name = "Total";
    a.role.title = "**Nurse** | RN";
    a.commentary = {{"Assessor Commentary", "Zone: GREEN\n\n# not a heading\n| not | a row |"},
                    {"Evidence Score", "```\n- kept"}};
    const std::string document = render(a);
    CHECK(document.find("| Task 1 | 20% | 2 | 0.40 | AUGMENTATION | a \\| b<br>c "
                        "&lt;script>alert(1)&lt;/script> &#x1B;[31m\\\\ &amp;amp; &#x202E; |\n") !=
          std::string::npos);
    CHECK(document.find("| &#x54;otal | 25% |") != std::string::npos);
    // Bold that is part of the text is the author's Markdown: kept as written.
    CHECK(document.find("| Job Title | **Nurse** \\| RN |") != std::string::npos);
    CHECK(document.find("## Assessor Commentary\n\nZone: GREEN\n\n<br>\n\n\\# not a "
                        "heading\n\n\\| not \\| a row \\|\n\n### &#x45;vidence Score\n\n"
                        "\\```\n\n- kept\n") != std::string::npos);
    check_round_trip(a);
    const auto shapes = table_shapes(through_cmark(document));
    CHECK(shapes == expected_shapes(a));
}

TEST_CASE("render carries the id: render → import keeps it whatever the file is called",
          "[render][import]") {
    Assessment a = read_json(
        test::read_text_file(test::source_path("assessments/deep-learning-engineer.json")));
    a.id = "deep-learning-engineer";
    const std::string document = render(a);
    CHECK(document.find("| Typical Experience | 3-7 years.") < document.find("| ID | "
                                                                             "deep-learning-"
                                                                             "engineer |\n"));
    for (const char* name : {"rendered.md", "-", "<stdin>", "x/y/role.markdown"}) {
        INFO(name);
        const ImportResult back = import_document(document, name);
        REQUIRE(back.assessment);
        CHECK(back.assessment->id == "deep-learning-engineer");
        CHECK(back.id_source == IdSource::document);
    }
    // An id given to import wins; without an ID row the file name gives it, and standard
    // input gives none of its own.
    ImportOptions options;
    options.id = "dl-engineer";
    CHECK(import_document(document, "rendered.md", options).assessment->id == "dl-engineer");
    const std::string seed =
        test::read_text_file(test::source_path("tests/data/deep-learning-engineer.md"));
    CHECK(import_document(seed, "a/role.md").id_source == IdSource::file_name);
    const ImportResult piped = import_document(seed, "-");
    CHECK(piped.id_source == IdSource::standard_input);
    CHECK(piped.assessment->id == "stdin");
    // An id with characters that mean something in a table comes back the same.
    a.id = " odd | id \\ *x* ";
    CHECK(import_document(render(a), "other.md").assessment->id == a.id);
    // An id from a file name that is not UTF-8: shown as every report shows it.
    a.id = "role-\xff";
    CHECK(render(a).find("| ID | role-\\\\xff |\n") != std::string::npos);
    CHECK(import_document(render(a), "other.md").assessment->id == "role-\\xff");
    // An ID row left empty is a mistake, not "no id".
    std::string empty = document;
    const std::string row = "| ID | deep-learning-engineer |";
    empty.replace(empty.find(row), row.size(), "| ID | |");
    const ImportResult refused = import_document(empty, "doc.md");
    CHECK_FALSE(refused.assessment);
    REQUIRE(refused.diagnostics.size() == 1);
    CHECK(format_diagnostic("doc.md", refused.diagnostics[0]) ==
          "doc.md:12:1: error: expected the assessment's ID, a non-empty value, or no ID row");
}

TEST_CASE("render keeps emphasis and a document's own title as written", "[render]") {
    test::AssessmentSpec spec;
    Assessment a = read_json(test::to_json(spec));
    a.role.title = "Long-Haul Truck Driver";
    a.tasks[0].rationale = "*Owner-operators* are paid by the mile; **fuel** is theirs.";
    a.tasks[1].rationale = "**Whole cell in bold**";
    a.commentary = {{"", "# Long-Haul Truck Driver — AI Resilience Assessment\n*Draft*, June"},
                    {"Assessor Commentary", "*Owner-operators* are the exception.\n"
                                            "**Note:** this is bold, as written\n"
                                            "**Whole line in bold**\n# not a heading\n"
                                            "`code` first, and ~~struck~~\n```"},
                    {"C# #", "x"}};
    const std::string document = render(a);
    // The document's own title opens it, as a heading; emphasis and code stay Markdown.
    CHECK(document.starts_with("# Long-Haul Truck Driver — AI Resilience Assessment\n\n"
                               "*Draft*, June\n\n## Role Definition\n"));
    CHECK(document.find("| *Owner-operators* are paid by the mile; **fuel** is theirs. |") !=
          std::string::npos);
    CHECK(document.find("| \\**Whole cell in bold** |") != std::string::npos);
    CHECK(document.find("## Assessor Commentary\n\n*Owner-operators* are the exception.\n\n"
                        "\\**Note:** this is bold, as written\n\n\\**Whole line in bold**\n\n"
                        "\\# not a heading\n\n`code` first, and ~~struck~~\n\n\\```\n\n"
                        "### C# \\#\n") != std::string::npos);
    check_round_trip(a);

    // Without a title of its own, the document opens with the role's, which import does
    // not keep: it follows from the Job Title.
    a.commentary = {{"", "Prepared by the assessments team."}};
    const std::string titled = render(a);
    CHECK(titled.starts_with("# Long-Haul Truck Driver\n\nPrepared by the assessments "
                             "team.\n\n## Role Definition\n"));
    const Assessment back = import_ok(titled);
    REQUIRE(back.commentary.size() == 1);
    CHECK(back.commentary[0].text == "Prepared by the assessments team.");
    check_round_trip(a);
    a.commentary.clear();
    CHECK(render(a).starts_with("# Long-Haul Truck Driver\n\n## Role Definition\n"));
    check_round_trip(a);
}

TEST_CASE("the seed: import → render → import is a fixed point", "[render][import]") {
    const std::string seed =
        test::read_text_file(test::source_path("tests/data/deep-learning-engineer.md"));
    const Assessment imported = import_ok(seed);
    const std::string document = render(imported);
    CHECK(json(import_ok(document)) == json(imported));
    CHECK(render(import_ok(document)) == document);
    check_round_trip(imported);
}

TEST_CASE("the seed renders as GitHub-flavoured Markdown tables", "[render]") {
    const Assessment seed = read_json(
        test::read_text_file(test::source_path("assessments/deep-learning-engineer.json")));
    const std::string html = through_cmark(render(seed));
    CHECK(count(html, "<table>") == 7);
    CHECK(count(html, "<tr>") == 44);
    CHECK(table_shapes(html) == expected_shapes(seed));
    CHECK(html.find("<h2>Task Decomposition (Agentic AI Scoring)</h2>") != std::string::npos);
    CHECK(html.find("<h3>Score vs Reality Check</h3>") != std::string::npos);
    CHECK(html.find("<li>Every major AI system") != std::string::npos);
}

TEST_CASE("generated assessments survive render → import", "[render][import]") {
    std::vector<test::AssessmentSpec> specs(6);
    specs[1].tasks = {{"12.34", 5, "displacement"}, {"87.66", 1, "not_involved"}};
    specs[2].evidence = test::spread(-10, -2, 2);
    specs[2].growth = -2;
    specs[2].principles = {0, 0, 0};
    specs[3].override_json = R"({ "zone": "Yellow", "sub_label": null, "reason": "Contracting" })";
    specs[4].override_json = R"({ "aijri": 30.5, "sub_label": "Odd \"one\" | x", "reason": "r" })";
    specs[5].tasks = {{"100", 1, "not_involved"}};
    specs[5].evidence = test::spread(10, -2, 2);
    specs[5].barriers = test::spread(10, 0, 2);
    specs[5].principles = {3, 3, 3}; // clamped at 100.0
    for (std::size_t i = 0; i < specs.size(); ++i) {
        INFO("spec " << i);
        check_round_trip(read_json(test::to_json(specs[i])));
    }
}

TEST_CASE("random assessments survive render → import", "[render][import]") {
    RandomAssessments random(20240611);
    for (int i = 0; i < 300; ++i) {
        const Assessment a = random.make();
        INFO("assessment " << i << ":\n" << json(a));
        check_round_trip(a);
        if (i % 30 == 0) {
            CHECK(table_shapes(through_cmark(render(a))) == expected_shapes(a));
        }
    }
}

TEST_CASE("a table shows a Range column when one of its rows has a range", "[render][range]") {
    Assessment a = read_json(test::to_json(test::AssessmentSpec{}));
    a.tasks[1].range = ScoreRange{2, 4};
    a.growth.range = ScoreRange{1, 2};
    a.evidence[0].range = ScoreRange{-2, 2};
    const std::string document = render(a);
    for (const char* line : {
             "| Principle | Score (0-3) | Range | Rationale |\n",
             "| Embodied Physicality | 0 |  | r |\n", "| Protective Total | 2/9 |  |  |\n",
             "| AI Growth Correlation | 2 | 1\u20132 |  |\n",
             "| Task | Time % | Score (1-5) | Range | Weighted | Aug/Disp | Rationale |\n",
             "|---|---|---|---|---|---|---|\n",
             "| Task 1 | 20% | 2 |  | 0.40 | AUGMENTATION |  |\n",
             "| Task 2 | 25% | 3 | 2\u20134 | 0.75 | AUGMENTATION |  |\n",
             "| Total | 100% |  |  | 2.25 |  |  |\n",
             "| Dimension | Score (-2 to 2) | Range | Evidence |\n",
             "| Job Posting Trends | 2 | -2\u20132 | r |\n", "| Company Actions | 2 |  | r |\n",
             "| Barrier | Score (0-2) | Rationale |\n", // no range: no column
         }) {
        INFO(line);
        CHECK(document.find(line) != std::string::npos);
    }
    check_round_trip(a);
}

TEST_CASE("random assessments with ranges survive render → import", "[render][import][range]") {
    // The assessments of the test above, which survive without ranges: only ranges differ.
    RandomAssessments random(20240611);
    std::mt19937 rng(7);
    // A range around `score` within `bounds` half the time, else none.
    const auto maybe_range = [&rng](int score, ScoreBounds bounds) -> std::optional<ScoreRange> {
        if (std::uniform_int_distribution<int>(0, 1)(rng) == 0) {
            return std::nullopt;
        }
        return ScoreRange{std::uniform_int_distribution<int>(bounds.min, score)(rng),
                          std::uniform_int_distribution<int>(score, bounds.max)(rng)};
    };
    for (int i = 0; i < 100; ++i) {
        Assessment a = random.make();
        a.growth.range = maybe_range(a.growth.score, k_growth_bounds);
        for (Task& task : a.tasks) {
            task.range = maybe_range(task.score, k_task_score_bounds);
        }
        for (ScoredItem& e : a.evidence) {
            e.range = maybe_range(e.score, k_evidence_bounds);
        }
        for (ScoredItem& b : a.barriers) {
            b.range = maybe_range(b.score, k_barrier_bounds);
        }
        INFO("assessment " << i << ":\n" << json(a));
        check_round_trip(a);
    }
}
