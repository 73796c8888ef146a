#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "aijri/assessment/reader.hpp"
#include "aijri/batch/evaluate.hpp"
#include "aijri/robustness/robustness.hpp"

#include "robustness/composite.hpp"
#include "robustness/uncertainty.hpp"
#include "support/builder.hpp"

using namespace aijri;

namespace {

Assessment read_assessment(const std::string& text) {
    AssessmentReader reader;
    const Evaluation e = evaluate(reader, text, "test.json", builtin_methodology());
    REQUIRE(e.assessment);
    return *e.assessment;
}

Assessment seed() {
    return read_assessment(
        test::read_text_file(test::source_path("assessments/deep-learning-engineer.json")));
}

} // namespace

// By hand (METHODOLOGY.md §2): the seed's raw is 3.75 × 1.32 × 1.04 × 1.10 = 5.6628, and it
// publishes below 48.0 only when its exact AIJRI is below 47.95, i.e. raw < 4.342435. The
// largest move of one step is a task's score going up by one: TRS falls by its share (0.25
// for "/tasks/1", 0.20 for "/tasks/0"); a step of growth moves GM by 0.05 (≈ 4.5 %), of
// evidence EM by 0.04 (≈ 3 %). Three steps reach at best TRS 3.75 − 0.25 − 0.25 − 0.20 =
// 3.05, raw 4.6057: still Green. Four reach TRS 2.85 (tasks 1 and 0 twice each), raw
// 2.85 × 1.51008 = 4.3037, AIJRI 47.46…, published 47.5: Yellow. No single input can take four
// steps that far (task 0 has three to give: TRS 3.15; growth four: GM 0.90, raw 4.633), and no pair
// with growth does (growth 2 + task 1 2: raw 4.4616), so the fewest inputs is two, the earliest
// pair in file order that works is tasks 0 and 1, and task 0 takes as many steps as still
// works: 3 + 1 gives TRS 2.90, raw 4.3792, not enough; 2 + 2 does.
TEST_CASE("the seed's fewest edits down are the four worked out by hand") {
    const Robustness r =
        analyse_robustness(seed(), builtin_methodology(), UncertaintyModel::standard);
    REQUIRE(r.fewest_edits.down);
    CHECK(r.fewest_edits.down->zone == Zone::yellow);
    CHECK(r.fewest_edits.down->count == 4);
    REQUIRE(r.fewest_edits.down->edits.size() == 2);
    CHECK(r.fewest_edits.down->edits[0].pointer == "/tasks/0/score");
    CHECK(r.fewest_edits.down->edits[0].from == 2);
    CHECK(r.fewest_edits.down->edits[0].to == 4);
    CHECK(r.fewest_edits.down->edits[1].pointer == "/tasks/1/score");
    CHECK(r.fewest_edits.down->edits[1].from == 3);
    CHECK(r.fewest_edits.down->edits[1].to == 5);
    CHECK_FALSE(r.fewest_edits.up); // Green is the highest zone
    CHECK(nearest_zone_change(r.fewest_edits) == r.fewest_edits.down);
}

TEST_CASE("the seed stands 16.6 published points above the Green line") {
    const Robustness r =
        analyse_robustness(seed(), builtin_methodology(), UncertaintyModel::standard);
    CHECK(to_fixed(r.aijri, 1) == "64.6");
    CHECK(r.zone == Zone::green);
    REQUIRE(r.margin.above);
    CHECK(to_fixed(r.margin.above->line, 1) == "48.0");
    CHECK(to_fixed(r.margin.above->points, 1) == "16.6");
    CHECK_FALSE(r.margin.below);
}

// The figures below were checked against an enumeration of all 5,038,848 combinations of
// the default model (numpy, exact integers); tests/reference repeats such checks in CI.
TEST_CASE("the seed's zone probabilities and quantiles are exact") {
    const Robustness r =
        analyse_robustness(seed(), builtin_methodology(), UncertaintyModel::standard);
    const auto& zones = r.uncertainty.zones;
    CHECK(zones[static_cast<std::size_t>(Zone::green)].exact == "1211519/1259712");
    CHECK(to_fixed(zones[static_cast<std::size_t>(Zone::green)].rounded, 6) == "0.961743");
    CHECK(zones[static_cast<std::size_t>(Zone::yellow)].exact == "48193/1259712");
    CHECK(to_fixed(zones[static_cast<std::size_t>(Zone::yellow)].rounded, 6) == "0.038257");
    CHECK(zones[static_cast<std::size_t>(Zone::red)].exact == "0/1");
    CHECK(to_fixed(r.uncertainty.p05, 1) == "48.8");
    CHECK(to_fixed(r.uncertainty.median, 1) == "60.2");
    CHECK(to_fixed(r.uncertainty.p95, 1) == "72.7");
}

TEST_CASE("the seed's swing is sorted by its size, ties in file order") {
    const Robustness r =
        analyse_robustness(seed(), builtin_methodology(), UncertaintyModel::standard);
    REQUIRE(r.swing.size() == 17);
    const auto line = [&](std::size_t i) {
        const Swing& s = r.swing[i];
        return fmt::format("{} {}:{} {}:{}", r.inputs[s.input].pointer, s.at_min.value,
                           to_fixed(s.at_min.aijri, 1), s.at_max.value,
                           to_fixed(s.at_max.aijri, 1));
    };
    CHECK(line(0) == "/tasks/1/score 1:74.1 5:55.1");
    CHECK(line(1) == "/tasks/0/score 1:68.4 5:53.2");
    CHECK(line(2) == "/growth_correlation/score -2:51.6 2:64.6");
    // 8.7 each: job posting trends, company actions and expert consensus keep file order.
    CHECK(line(6) == "/evidence/job_posting_trends/score -2:55.9 2:64.6");
    CHECK(line(7) == "/evidence/company_actions/score -2:55.9 2:64.6");
    CHECK(line(16) == "/barriers/cultural_ethical/score 0:64.6 2:67.3");
}

TEST_CASE("the seed's Sobol indices, largest total first") {
    const Robustness r =
        analyse_robustness(seed(), builtin_methodology(), UncertaintyModel::standard);
    REQUIRE(r.sensitivity.size() == 17);
    const auto line = [&](std::size_t i) {
        const Sensitivity& s = r.sensitivity[i];
        return fmt::format("{} {} {}", r.inputs[s.input].pointer, to_fixed(*s.first_order, 4),
                           to_fixed(*s.total, 4));
    };
    CHECK(line(0) == "/tasks/1/score 0.2662 0.2671");
    CHECK(line(1) == "/tasks/0/score 0.1704 0.1709");
    CHECK(line(6) == "/growth_correlation/score 0.0467 0.0472");
    CHECK(line(16) == "/barriers/cultural_ethical/score 0.0075 0.0076");
}

TEST_CASE("under the declared model an assessment without ranges is certain") {
    const Robustness r =
        analyse_robustness(seed(), builtin_methodology(), UncertaintyModel::declared);
    CHECK(r.uncertainty.zones[static_cast<std::size_t>(Zone::green)].exact == "1/1");
    CHECK(r.uncertainty.zones[static_cast<std::size_t>(Zone::yellow)].exact == "0/1");
    CHECK(to_fixed(r.uncertainty.p05, 1) == "64.6");
    CHECK(to_fixed(r.uncertainty.p95, 1) == "64.6");
    for (const Sensitivity& s : r.sensitivity) {
        CHECK_FALSE(s.first_order);
        CHECK_FALSE(s.total);
    }
}

TEST_CASE("a declared range is the input's whole uncertainty") {
    Assessment a = seed();
    a.growth.range = ScoreRange{0, 2}; // g uniform over 0, 1, 2: GM 1.00, 1.05, 1.10
    const Robustness r = analyse_robustness(a, builtin_methodology(), UncertaintyModel::declared);
    // raw 5.148, 5.4054, 5.6628: AIJRI 58.1, 61.4, 64.6 — always Green.
    CHECK(r.uncertainty.zones[static_cast<std::size_t>(Zone::green)].exact == "1/1");
    CHECK(to_fixed(r.uncertainty.p05, 1) == "58.1");
    CHECK(to_fixed(r.uncertainty.median, 1) == "61.4");
    CHECK(to_fixed(r.uncertainty.p95, 1) == "64.6");
    REQUIRE(r.sensitivity.size() == 17);
    CHECK(r.inputs[r.sensitivity[0].input].pointer == "/growth_correlation/score");
    CHECK(to_fixed(*r.sensitivity[0].first_order, 4) == "1.0000");
    CHECK(to_fixed(*r.sensitivity[1].total, 4) == "0.0000");
}

TEST_CASE("a Yellow role has a margin on both sides and edits both ways") {
    test::AssessmentSpec spec;
    spec.growth = 0;
    spec.evidence = {0, 0, 0, 0, 0};
    spec.barriers = {0, 0, 0, 0, 0};
    // TRS 3.75, raw 3.75: AIJRI (3.75 − 0.54) / 7.93 × 100 = 40.479…, published 40.5.
    const Robustness r = analyse_robustness(read_assessment(test::to_json(spec)),
                                            builtin_methodology(), UncertaintyModel::standard);
    CHECK(to_fixed(r.aijri, 1) == "40.5");
    CHECK(r.zone == Zone::yellow);
    CHECK(to_fixed(r.margin.above->points, 1) == "15.5");
    CHECK(to_fixed(r.margin.below->line, 1) == "48.0");
    CHECK(to_fixed(r.margin.below->points, 1) == "7.5");
    // Up: 48.0 needs raw ≥ 4.342435. Two steps give at most 4.25 (task 1 down twice); three
    // reach it: growth 0 → 2 and task 0 down one, (3.75 + 0.20) × 1.10 = 4.345, AIJRI 48.0 —
    // the earliest inputs in file order, growth taking all it can.
    REQUIRE(r.fewest_edits.up);
    CHECK(r.fewest_edits.up->zone == Zone::green);
    CHECK(r.fewest_edits.up->count == 3);
    CHECK(r.fewest_edits.up->edits ==
          std::vector<InputEdit>{{"/growth_correlation/score", 0, 2}, {"/tasks/0/score", 2, 1}});
    // Down: Red needs raw < 2.518535. Five steps give at best TRS 2.65 (tasks 0 and 1 to 5)
    // at GM 1.00; six reach 2.65 × 0.95 = 2.5175. No two inputs can take six useful steps
    // (growth can give two, task 0 three, task 1 two); of three, growth takes only one
    // step, since two (GM 0.90) leave four for the tasks: TRS 2.85 × 0.90 = 2.565.
    REQUIRE(r.fewest_edits.down);
    CHECK(r.fewest_edits.down->zone == Zone::red);
    CHECK(r.fewest_edits.down->count == 6);
    CHECK(r.fewest_edits.down->edits == std::vector<InputEdit>{{"/growth_correlation/score", 0, -1},
                                                               {"/tasks/0/score", 2, 5},
                                                               {"/tasks/1/score", 3, 5}});
    CHECK(nearest_zone_change(r.fewest_edits) == r.fewest_edits.up);
}

TEST_CASE("a methodology that lets a factor reach zero is refused") {
    Methodology m = builtin_methodology();
    m.evidence_weight = Rational::decimal(1, 1); // EM = 1 + 0.1 × E reaches 0 at E = −10
    CHECK_THROWS_WITH(analyse_robustness(seed(), m, UncertaintyModel::standard),
                      "the methodology lets the evidence modifier reach 0 within the inputs' "
                      "bounds: the robustness analysis needs four factors that stay positive");
}

TEST_CASE("the three widths of counting give the same exact figures") {
    Assessment a = seed();
    a.tasks[0].range = ScoreRange{1, 5};
    a.evidence[2].range = ScoreRange{-2, 2};
    std::vector<ScoredInput> inputs;
    const robustness_detail::Composite c(a, builtin_methodology(), inputs);
    const auto support = robustness_detail::supports(inputs, UncertaintyModel::standard);
    using robustness_detail::Counting;
    const Uncertainty words = robustness_detail::analyse_uncertainty(
        c, support, UncertaintyModel::standard, Counting::machine_words);
    for (const Counting counting : {Counting::bits_128, Counting::gmp}) {
        const Uncertainty other = robustness_detail::analyse_uncertainty(
            c, support, UncertaintyModel::standard, counting);
        for (std::size_t z = 0; z < 3; ++z) {
            CHECK(other.zones[z].exact == words.zones[z].exact);
        }
        CHECK(other.p05 == words.p05);
        CHECK(other.median == words.median);
        CHECK(other.p95 == words.p95);
    }
    CHECK(words.zones[static_cast<std::size_t>(Zone::green)].exact != "1/1");
}

TEST_CASE("fifty tasks uniform over 1..5 count past 128 bits, exactly") {
    test::AssessmentSpec spec;
    spec.tasks.clear();
    for (int i = 0; i < 50; ++i) {
        spec.tasks.push_back({"2", 3});
    }
    Assessment a = read_assessment(test::to_json(spec));
    for (Task& t : a.tasks) {
        t.range = ScoreRange{1, 5};
    }
    for (ScoredItem& e : a.evidence) {
        e.range = ScoreRange{-2, 2};
    }
    const Robustness r = analyse_robustness(a, builtin_methodology(), UncertaintyModel::standard);
    // 5^55 × 144 combinations (barriers and growth under the default model), far beyond 128
    // bits. The figures were worked out independently, by convolution in Python fractions.
    using Z = std::size_t;
    CHECK(r.uncertainty.zones[static_cast<Z>(Zone::green)].exact ==
          "898358464497939618687218786942527373339/19984014443252817727625370025634765625000");
    CHECK(r.uncertainty.zones[static_cast<Z>(Zone::yellow)].exact ==
          "37083284062672829138893149202389695898091/39968028886505635455250740051269531250000");
    CHECK(r.uncertainty.zones[static_cast<Z>(Zone::red)].exact ==
          "1088027894836927078983153274994780605231/39968028886505635455250740051269531250000");
}
