#include <catch2/catch.hpp>

#include "aijri/assessment/reader.hpp"
#include "aijri/batch/evaluate.hpp"
#include "aijri/model/methodology.hpp"
#include "aijri/scoring/engine.hpp"

#include "support/builder.hpp"

using namespace aijri;
using aijri::test::AssessmentSpec;
using aijri::test::TaskSpec;

namespace {

Evaluation evaluate_text(const std::string& text, const Methodology& m = builtin_methodology()) {
    AssessmentReader reader;
    return evaluate(reader, text, "test.json", m);
}

Score score_of(const AssessmentSpec& spec, const Methodology& m = builtin_methodology()) {
    const Evaluation e = evaluate_text(test::to_json(spec), m);
    for (const auto& d : e.diagnostics) {
        UNSCOPED_INFO(format_diagnostic(e.file, d));
    }
    REQUIRE(e.valid());
    return *e.score;
}

Rational dec(const char* text) {
    return parse_json_number(text).literal.value;
}

} // namespace

TEST_CASE("the seed assessment gives every figure of METHODOLOGY.md section 7") {
    const std::string text =
        test::read_text_file(test::source_path("assessments/deep-learning-engineer.json"));
    const Evaluation e = evaluate_text(text);
    REQUIRE(e.valid());
    CHECK(e.diagnostics.empty()); // no warning, and every stated figure agrees
    const Score& s = *e.score;
    CHECK(s.task_weighted_total == dec("2.25"));
    CHECK(s.task_resistance == dec("3.75"));
    CHECK(s.protective_total == 2);
    CHECK(s.evidence_total == 8);
    CHECK(s.barrier_total == 2);
    CHECK(s.evidence_modifier == dec("1.32"));
    CHECK(s.barrier_modifier == dec("1.04"));
    CHECK(s.growth_modifier == dec("1.10"));
    CHECK(s.raw == dec("5.6628"));
    CHECK(to_fixed(s.aijri_exact, 6) == "64.600252");
    CHECK(s.formula.aijri == dec("64.6"));
    CHECK(s.formula.zone == Zone::green);
    CHECK(s.formula.label == "Green (Accelerated)");
    CHECK(s.final_.label == "Green (Accelerated)");
    CHECK(s.pct_time_3plus == Rational(40));
    CHECK(s.split.displacement == Rational(0));
    CHECK(s.split.augmentation == Rational(75));
    CHECK(s.split.not_involved == Rational(25));
    CHECK(s.quick_screen == "Likely Green (Accelerated)");
    CHECK_FALSE(s.overridden);
}

namespace {

// Inputs found by search with exact fractions (tests/reference/aijri_reference.py
// agrees); each lands just beside a boundary of the published one-decimal AIJRI.
struct BoundaryCase {
    const char* name;
    int evidence, barriers, growth;
    TaskSpec first, second;
    const char* exact; // the exact AIJRI, to 7 decimals
    const char* published;
    Zone zone;
};

const BoundaryCase k_boundaries[] = {
    {"just below 47.95", -1, 1, 1, {"22.35", 1}, {"77.65", 2}, "47.9499844", "47.9", Zone::yellow},
    {"just above 47.95", -4, 4, 1, {"55.87", 1}, {"44.13", 2}, "47.9500034", "48.0", Zone::green},
    {"just below 48.0", 3, 7, -1, {"58.33", 2}, {"41.67", 3}, "47.9999946", "48.0", Zone::green},
    {"exactly 48.0", -5, 10, 0, {"52.75", 1}, {"47.25", 2}, "48.0000000", "48.0", Zone::green},
    {"just below 24.95", 1, 4, -1, {"36.03", 3}, {"63.97", 4}, "24.9499938", "24.9", Zone::red},
    {"just above 24.95", -8, 6, 0, {"30.69", 2}, {"69.31", 3}, "24.9500005", "25.0", Zone::yellow},
    {"just below 25.0", 4, 9, 1, {"75.51", 4}, {"24.49", 5}, "24.9999990", "25.0", Zone::yellow},
    {"exactly 25.0", 0, 0, 0, {"52.25", 3}, {"47.75", 4}, "25.0000000", "25.0", Zone::yellow},
};

} // namespace

TEST_CASE("zones are decided by the published one-decimal AIJRI") {
    for (const BoundaryCase& c : k_boundaries) {
        SECTION(c.name) {
            AssessmentSpec spec;
            spec.evidence = test::spread(c.evidence, -2, 2);
            spec.barriers = test::spread(c.barriers, 0, 2);
            spec.growth = c.growth;
            spec.principles = {1, 1, 1};
            spec.tasks = {c.first, c.second};
            const Score s = score_of(spec);
            CHECK(to_fixed(s.aijri_exact, 7) == c.exact);
            CHECK(to_fixed(s.formula.aijri, 1) == c.published);
            CHECK(s.formula.zone == c.zone);
        }
    }
}

TEST_CASE("sub-labels follow the rules in order") {
    AssessmentSpec spec; // the seed's inputs: Green, g = 2
    CHECK(score_of(spec).formula.label == "Green (Accelerated)");
    spec.growth = 1; // 40% of time scores 3+
    CHECK(score_of(spec).formula.label == "Green (Transforming)");
    CHECK(score_of(spec).formula.sub_label_rule ==
          "40% of task time scoring 3+ >= 20% AND AIJRI 61.4 >= 48.0");
    spec.tasks = {{"81", 2}, {"19", 3}}; // 19% < 20%
    CHECK(score_of(spec).formula.label == "Green (Stable)");
    spec.evidence = test::spread(-10, -2, 2);
    const Score red = score_of(spec);
    CHECK(red.formula.zone == Zone::red);
    CHECK(red.formula.label == "Red");
    CHECK_FALSE(red.formula.sub_label.has_value());
}

TEST_CASE("the published AIJRI is clamped at 100.0 with a warning") {
    AssessmentSpec spec;
    spec.tasks = {{"100", 1, "not_involved"}};
    spec.evidence = test::spread(10, -2, 2);
    spec.barriers = test::spread(10, 0, 2);
    spec.growth = 2;
    spec.principles = {3, 3, 3};
    const Evaluation e = evaluate_text(test::to_json(spec));
    REQUIRE(e.valid());
    CHECK(e.score->raw == dec("9.24"));
    CHECK(to_fixed(e.score->aijri_exact, 2) == "109.71");
    CHECK(e.score->formula.aijri == Rational(100));
    CHECK(e.score->clamped);
    REQUIRE(e.diagnostics.size() == 1);
    CHECK(e.diagnostics[0].message ==
          "the exact AIJRI 109.710 lies outside 0.0..100.0 and is published as 100.0");
}

TEST_CASE("the smallest raw maps to 0.0 without clamping") {
    AssessmentSpec spec;
    spec.tasks = {{"100", 5, "displacement"}};
    spec.evidence = test::spread(-10, -2, 2);
    spec.barriers = {0, 0, 0, 0, 0};
    spec.growth = -2;
    spec.principles = {0, 0, 0};
    const Score s = score_of(spec);
    CHECK(s.raw == dec("0.54"));
    CHECK(s.formula.aijri == Rational(0));
    CHECK_FALSE(s.clamped);
    CHECK(s.quick_screen == "Likely Red");
}

TEST_CASE("an override keeps the formula figures beside the final ones") {
    AssessmentSpec spec;
    spec.override_json = R"({ "zone": "Yellow", "reason": "Regional market is contracting" })";
    const Score s = score_of(spec);
    CHECK(s.overridden);
    CHECK(s.formula.label == "Green (Accelerated)");
    CHECK(s.final_.zone == Zone::yellow);
    CHECK(s.final_.label == "Yellow");
    CHECK(s.final_.aijri == dec("64.6"));

    spec.override_json = R"({ "aijri": 30.5, "reason": "r" })";
    const Score moved = score_of(spec);
    CHECK(moved.final_.aijri == dec("30.5"));
    CHECK(moved.final_.label == "Yellow"); // the zone follows an overridden AIJRI
    CHECK(moved.formula.aijri == dec("64.6"));

    spec.override_json = R"({ "sub_label": "Transforming", "reason": "r" })";
    CHECK(score_of(spec).final_.label == "Green (Transforming)");
    spec.override_json = R"({ "sub_label": null, "reason": "r" })";
    CHECK(score_of(spec).final_.label == "Green");
}

TEST_CASE("a quick screen that disagrees with the final zone is a warning") {
    AssessmentSpec spec;
    spec.principles = {0, 0, 0};
    spec.growth = 1; // quick screen 1: Likely Red, but the formula says Green
    const Evaluation e = evaluate_text(test::to_json(spec));
    REQUIRE(e.valid());
    REQUIRE(e.diagnostics.size() == 1);
    CHECK(e.diagnostics[0].severity == Severity::warning);
    CHECK(e.diagnostics[0].message == "the quick screen (protective 0 + correlation 1 = 1) says "
                                      "Likely Red, but the final zone is Green");
}

TEST_CASE("stated figures are checked at the precision they are written with") {
    AssessmentSpec spec;
    spec.extra = R"(,
  "stated": { "aijri": 64.6, "raw": 5.6628, "growth_modifier": 1.10, "task_resistance": 3.8,
              "zone": "Green", "sub_label": "Accelerated", "split": { "augmentation": 75 } })";
    const Evaluation good = evaluate_text(test::to_json(spec));
    CHECK(good.valid()); // 3.75 written as 3.8 is 3.75 at one decimal, rounded half up

    spec.extra = R"(,
  "stated": { "aijri": 64.5, "raw": 5.66, "sub_label": null, "pct_time_3plus": 35 })";
    const Evaluation bad = evaluate_text(test::to_json(spec));
    REQUIRE_FALSE(bad.valid());
    REQUIRE(bad.diagnostics.size() == 3); // 5.66 is the raw 5.6628 at two decimals
    CHECK(format_diagnostic("t.json", bad.diagnostics[0]) ==
          "t.json:33:24: error: /stated/aijri: stated AIJRI 64.5 does not match the computed "
          "64.6 (exact 64.6002522068…)"); // the JSON keeps the fraction, 51228/793
    bool saw_sub_label = false;
    bool saw_pct = false;
    for (const auto& d : bad.diagnostics) {
        saw_sub_label = saw_sub_label || d.message == "stated sub-label none does not match the "
                                                      "computed \"Accelerated\"";
        saw_pct = saw_pct || (d.pointer == "/stated/pct_time_3plus" &&
                              d.message == "stated % of task time scoring 3+ 35 does not match "
                                           "the computed 40");
    }
    CHECK(saw_sub_label);
    CHECK(saw_pct);
}

TEST_CASE("a methodology file can move a threshold") {
    std::string text(builtin_methodology_json());
    const auto at = text.find("\"green_min\": 48.0");
    REQUIRE(at != std::string::npos);
    text.replace(at, 17, "\"green_min\": 65.0");
    text.replace(text.find("\"aijri-1\""), 9, "\"strict-green\"");
    const MethodologyLoad load = read_methodology(text);
    REQUIRE(load.methodology);
    const Score s = score_of(AssessmentSpec{}, *load.methodology);
    CHECK(s.methodology == "strict-green");
    CHECK(s.formula.aijri == dec("64.6"));
    CHECK(s.formula.zone == Zone::yellow);
}

TEST_CASE("the embedded methodology is the committed file") {
    CHECK(std::string(builtin_methodology_json()) ==
          test::read_text_file(test::source_path("methodologies/aijri-1.json")));
    const Methodology& m = builtin_methodology();
    CHECK(m.name == "aijri-1");
    CHECK(m.raw_span == dec("7.93"));
    CHECK(m.sub_labels.size() == 3);
}

TEST_CASE("methodology errors are located") {
    const MethodologyLoad load =
        read_methodology(R"({"name": "x", "evidence_weight": "0.04", "raw_spam": 1})");
    REQUIRE_FALSE(load.methodology);
    REQUIRE(load.diagnostics.size() >= 3);
    CHECK(format_diagnostic("m.json", load.diagnostics[0]) ==
          "m.json:1:34: error: /evidence_weight: expected a number with at most 6 decimals, "
          "found a string \"0.04\"");
    CHECK(format_diagnostic("m.json", load.diagnostics[1]) ==
          "m.json:1:42: error: /raw_spam: unknown key \"raw_spam\"; did you mean \"raw_span\"?");
}

TEST_CASE("a methodology that overflows exact arithmetic is an error of the evaluation") {
    // Constants within the loader's limits (at most 6 decimals, at most 10^6) can still take
    // the exact raw score beyond 128 bits; that must be an error, never an exception.
    std::string text(builtin_methodology_json());
    for (const char* key : {"\"evidence_weight\": 0.04", "\"barrier_weight\": 0.02",
                            "\"growth_weight\": 0.05", "\"raw_span\": 7.93"}) {
        const auto at = text.find(key);
        REQUIRE(at != std::string::npos);
        const std::string name = std::string(key).substr(0, std::string(key).find(':'));
        text.replace(at, std::string(key).size(), name + ": 999999.999999");
    }
    const MethodologyLoad load = read_methodology(text);
    REQUIRE(load.methodology);
    const Evaluation e = evaluate_text(test::to_json(AssessmentSpec{}), *load.methodology);
    CHECK_FALSE(e.valid());
    CHECK(e.methodology_error);
    REQUIRE(e.diagnostics.size() == 1);
    CHECK(format_diagnostic(e.file, e.diagnostics[0]) ==
          "test.json: error: cannot be scored with the methodology \"aijri-1\": its constants "
          "take exact arithmetic beyond 128 bits (use fewer decimals or smaller constants)");
    CHECK(e.assessment); // the file itself is fine: its title is still shown in tables
}

TEST_CASE("every error of a file in one run: stated figures are audited beside other errors") {
    // The seed, with its impacts mistyped, one principle out of range, and two stated figures
    // wrong: the impacts touch only the split; the principle only the protective total.
    std::string text =
        test::read_text_file(test::source_path("assessments/deep-learning-engineer.json"));
    const auto replace = [&text](const std::string& from, const std::string& to) {
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
    };
    replace("\"impact\": \"augmentation\"", "\"impact\": \"augmentatio\"");
    replace("\"raw\": 5.6628", "\"raw\": 5.6728");
    replace("\"protective_total\": 2", "\"protective_total\": 3");
    replace("\"displacement\": 0,", "\"displacement\": 5,");
    const auto goal = text.find("\"goal_setting_moral_judgment\"");
    text.replace(text.find("\"score\": 2", goal), 10, "\"score\": 9");
    const Evaluation e = evaluate_text(text);
    CHECK_FALSE(e.valid());
    std::vector<std::string> pointers;
    for (const Diagnostic& d : e.diagnostics) {
        pointers.push_back(d.pointer);
    }
    // The raw score follows from none of the bad inputs: its mismatch is reported now, with
    // its line. The protective total and the split cannot be known: not reported.
    CHECK(pointers ==
          std::vector<std::string>{"/protective_principles/goal_setting_moral_judgment/score",
                                   "/tasks/0/impact", "/stated/raw"});
    CHECK(e.diagnostics.back().message ==
          "stated raw score 5.6728 does not match the computed 5.6628");
    CHECK(e.diagnostics.back().source_line == "    \"raw\": 5.6728,");
}
