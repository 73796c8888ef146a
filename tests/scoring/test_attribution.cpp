#include <array>
#include <cstdint>
#include <random>
#include <variant>
#include <vector>

#include <catch2/catch.hpp>

#include "aijri/assessment/reader.hpp"
#include "aijri/scoring/attribution.hpp"
#include "aijri/scoring/engine.hpp"

#include "scoring/factor_shapley.hpp"
#include "support/builder.hpp"

using namespace aijri;

namespace {

Assessment read(const test::AssessmentSpec& spec) {
    AssessmentReader reader;
    ReadResult r = reader.read(test::to_json(spec), "x.json");
    REQUIRE(r.assessment);
    return *r.assessment;
}

Rational sum_points(const std::vector<Contribution>& contributions) {
    Rational total;
    for (const Contribution& c : contributions) {
        total += c.points;
    }
    return total;
}

Rational exact_aijri(const Assessment& a, const Methodology& m) {
    return compute_score(a, m).aijri_exact;
}

} // namespace

TEST_CASE("Shapley values of a product split a joint change fairly") {
    // f = x·y from (1,1) to (3,5): change 14; x gets ½·2·(1+5) = 6, y gets ½·4·(1+3) = 8.
    const auto phi = detail::shapley_values(2, [](unsigned mask) {
        const Rational x = (mask & 1U) != 0U ? Rational(3) : Rational(1);
        const Rational y = (mask & 2U) != 0U ? Rational(5) : Rational(1);
        return x * y;
    });
    CHECK(phi[0] == Rational(6));
    CHECK(phi[1] == Rational(8));
}

namespace {

using Factors = std::array<Rational, 6>;

// The formula's factor game v = (x0·x1·x2·x3 − x4)·x5, computed directly.
Rational factor_game(const Factors& x) {
    return (x[0] * x[1] * x[2] * x[3] - x[4]) * x[5];
}

// factor_shapley() with the moved factors found as attribute_change() finds them.
Factors split(const Factors& before, const Factors& after) {
    std::array<std::size_t, 6> moved{};
    std::size_t players = 0;
    for (std::size_t f = 0; f < 6; ++f) {
        if (before[f] != after[f]) {
            moved[players++] = f;
        }
    }
    return aijri::detail::factor_shapley(before, after, moved, players);
}

Rational sum(const Factors& phi) {
    Rational total;
    for (const Rational& p : phi) {
        total += p;
    }
    return total;
}

Rational q(std::int64_t numerator, std::int64_t denominator = 1) {
    return Rational(numerator) / Rational(denominator);
}

} // namespace

TEST_CASE("factor_shapley splits a product of two moved factors as worked by hand") {
    // x0·x1 from (1,1) to (2,3), the other factors 1 and the offset 0: Δ = 6 − 1 = 5.
    // x0's marginal effect: 2·1 − 1·1 = 1 when it moves first, 2·3 − 1·3 = 3 when second:
    // φ0 = ½(1 + 3) = 2. x1's: 1·3 − 1·1 = 2 first, 2·3 − 2·1 = 4 second: φ1 = ½(2 + 4) = 3.
    const Factors before{q(1), q(1), q(1), q(1), q(0), q(1)};
    const Factors after{q(2), q(3), q(1), q(1), q(0), q(1)};
    CHECK(split(before, after) == Factors{q(2), q(3), q(0), q(0), q(0), q(0)});
    // An unmoved offset shifts every coalition alike and moves nobody; an unmoved scale
    // multiplies every marginal effect: (x0·x1 − 5)·2 gives Δ = 10, φ = (4, 6).
    const Factors scaled_before{q(1), q(1), q(1), q(1), q(5), q(2)};
    const Factors scaled_after{q(2), q(3), q(1), q(1), q(5), q(2)};
    const Factors phi = split(scaled_before, scaled_after);
    CHECK(phi == Factors{q(4), q(6), q(0), q(0), q(0), q(0)});
    CHECK(sum(phi) == factor_game(scaled_after) - factor_game(scaled_before));
}

TEST_CASE("factor_shapley splits a change of the offset and scale as worked by hand") {
    // A methodology change: x0 1 → 2, x4 (raw_min) 0 → 1, x5 (scale) 1 → 3, so that
    // v = (x0 − x4)·x5 goes from 1 to 3. The eight coalitions (∅, 0, 4, 5, 04, 05, 45, 045)
    // are worth 1, 2, 0, 3, 1, 6, 0, 3; with weights ⅓ (alone or last) and ⅙ (second):
    //   φ0 = ⅓(2−1) + ⅙(1−0) + ⅙(6−3) + ⅓(3−0) = 2
    //   φ4 = ⅓(0−1) + ⅙(1−2) + ⅙(0−3) + ⅓(3−6) = −2
    //   φ5 = ⅓(3−1) + ⅙(6−2) + ⅙(0−0) + ⅓(3−1) = 2
    // and 2 − 2 + 2 = Δ = 2.
    const Factors before{q(1), q(1), q(1), q(1), q(0), q(1)};
    const Factors after{q(2), q(1), q(1), q(1), q(1), q(3)};
    CHECK(split(before, after) == Factors{q(2), q(0), q(0), q(0), q(-2), q(2)});
}

TEST_CASE("factor_shapley: the shares add up to the change exactly, on the formula's figures") {
    // The seed (TRS 3.75, EM 1.32, BM 1.04, GM 1.10, raw_min 0.54, scale 100/7.93) against
    // edits that move every factor at once, fractions that do not end in decimals included.
    const Factors seed{q(375, 100), q(132, 100), q(104, 100),
                       q(110, 100), q(54, 100),  q(10000, 793)};
    const std::vector<Factors> edits{
        {q(3), q(128, 100), q(106, 100), q(105, 100), q(54, 100), q(10000, 793)},
        {q(41, 10), q(1), q(1), q(1), q(1, 2), q(100, 7)},
        {q(22, 7), q(3, 2), q(4, 5), q(11, 9), q(3, 5), q(10000, 801)},
        {q(375, 100), q(132, 100), q(104, 100), q(110, 100), q(60, 100), q(10000, 793)},
    };
    for (const Factors& after : edits) {
        const Factors phi = split(seed, after);
        CHECK(sum(phi) == factor_game(after) - factor_game(seed));
        for (std::size_t f = 0; f < 6; ++f) {
            if (seed[f] == after[f]) {
                CHECK(phi[f] == q(0));
            }
        }
        // Undoing an edit is the same split, negated.
        const Factors back = split(after, seed);
        for (std::size_t f = 0; f < 6; ++f) {
            CHECK(back[f] == -phi[f]);
        }
    }
}

TEST_CASE("factor_shapley: symmetric factors share equally, a factor that moves nothing gets 0") {
    // Symmetry: x0 and x1 both 2 → 3 play the same part: Δ = 9 − 4 = 5, halved.
    CHECK(split(Factors{q(2), q(2), q(1), q(1), q(0), q(1)},
                Factors{q(3), q(3), q(1), q(1), q(0), q(1)}) ==
          Factors{q(5, 2), q(5, 2), q(0), q(0), q(0), q(0)});
    // The same two moving in different factors (TRS and GM) and with the scale and offset
    // not 1 and 0: still equal halves of the change.
    const Factors before{q(2), q(7, 5), q(9, 10), q(2), q(1, 2), q(3)};
    const Factors after{q(3), q(7, 5), q(9, 10), q(3), q(1, 2), q(3)};
    const Factors phi = split(before, after);
    CHECK(phi[0] == phi[3]);
    CHECK(phi[0] + phi[3] == factor_game(after) - factor_game(before));
    // Dummy players: with a factor at 0 the product is 0 in every coalition, so the two
    // factors that move have no marginal effect anywhere and get nothing.
    CHECK(split(Factors{q(1), q(0), q(1), q(1), q(1), q(1)},
                Factors{q(2), q(0), q(3), q(1), q(1), q(1)}) ==
          Factors{q(0), q(0), q(0), q(0), q(0), q(0)});
}

TEST_CASE("one changed input takes the whole change") {
    test::AssessmentSpec before;
    test::AssessmentSpec after;
    after.evidence[2] = 2; // wage trends 1 → 2
    const Methodology& m = builtin_methodology();
    const auto c = attribute_change(read(before), read(after), m, m);
    REQUIRE(c.size() == 1);
    CHECK(c[0].input == "/evidence/wage_trends/score");
    CHECK(std::get<Rational>(c[0].old_value) == Rational(1));
    CHECK(std::get<Rational>(c[0].new_value) == Rational(2));
    CHECK(c[0].points == exact_aijri(read(after), m) - exact_aijri(read(before), m));
    CHECK(to_fixed(c[0].points, 2) == "2.16"); // 64.60 → 66.76
}

TEST_CASE("added and removed tasks are inputs, impact changes move no points") {
    test::AssessmentSpec before;
    before.tasks = {{"60", 2}, {"40", 3}};
    test::AssessmentSpec after;
    after.tasks = {{"60", 2, "displacement"}, {"30", 3}, {"10", 5}}; // "Task 3" is new
    const Methodology& m = builtin_methodology();
    const auto c = attribute_change(read(before), read(after), m, m);
    REQUIRE(c.size() == 3);
    CHECK(c[0].input == "/tasks/0/impact");
    CHECK(c[0].points == Rational(0));
    CHECK(c[1].input == "/tasks/1/time_pct");
    CHECK(c[2].input == "/tasks/2");
    CHECK(std::holds_alternative<std::monostate>(c[2].old_value));
    CHECK(std::get<ScoredTask>(c[2].new_value).score == 5);
    CHECK(sum_points(c) == exact_aijri(read(after), m) - exact_aijri(read(before), m));
}

TEST_CASE("contributions add up to the exact change on random edits") {
    std::mt19937 rng(20261125);
    const auto pick = [&](int lo, int hi) {
        return std::uniform_int_distribution<int>(lo, hi)(rng);
    };
    const Methodology& m = builtin_methodology();
    for (int round = 0; round < 300; ++round) {
        test::AssessmentSpec a;
        test::AssessmentSpec b;
        const int first = pick(1, 99);
        a.tasks = {{std::to_string(first), pick(1, 5)}, {std::to_string(100 - first), pick(1, 5)}};
        const int second = pick(1, 98);
        b.tasks = {{std::to_string(second), pick(1, 5)},
                   {"1", pick(1, 5)},
                   {std::to_string(99 - second), pick(1, 5)}};
        for (auto* spec : {&a, &b}) {
            spec->growth = pick(-2, 2);
            for (int& e : spec->evidence) {
                e = pick(-2, 2);
            }
            for (int& x : spec->barriers) {
                x = pick(0, 2);
            }
        }
        const Assessment old_a = read(a);
        const Assessment new_a = read(b);
        CHECK(sum_points(attribute_change(old_a, new_a, m, m)) ==
              exact_aijri(new_a, m) - exact_aijri(old_a, m));
    }
}

TEST_CASE("a methodology change is attributed to the constants that changed") {
    std::string text(builtin_methodology_json());
    text.replace(text.find("\"evidence_weight\": 0.04"), 23, "\"evidence_weight\": 0.05");
    text.replace(text.find("\"raw_span\": 7.93"), 16, "\"raw_span\": 8.00");
    const MethodologyLoad load = read_methodology(text);
    REQUIRE(load.methodology);
    const Methodology& old_m = builtin_methodology();
    const Methodology& new_m = *load.methodology;
    test::AssessmentSpec spec;
    const Assessment a = read(spec);
    const auto c = attribute_change(a, a, old_m, new_m);
    REQUIRE(c.size() == 2);
    CHECK(c[0].input == "methodology:/evidence_weight");
    CHECK(c[1].input == "methodology:/raw_span");
    CHECK(sum_points(c) == exact_aijri(a, new_m) - exact_aijri(a, old_m));
}

TEST_CASE("tasks are matched by name: a reorder moves nothing, and each input names its task") {
    test::AssessmentSpec before;
    before.tasks = {{"60", 2, "augmentation", "Triage"},
                    {"30", 3, "augmentation", "Chart"},
                    {"10", 4, "displacement", "File"}};
    const Methodology& m = builtin_methodology();
    test::AssessmentSpec reordered;
    reordered.tasks = {before.tasks[2], before.tasks[0], before.tasks[1]};
    CHECK(attribute_change(read(before), read(reordered), m, m).empty());

    // Chart moves from 1 to 0 and is scored 2; Archive is new at 1; Triage moves from 0 to 2
    // and changes its impact; File (old 2) is gone.
    test::AssessmentSpec after;
    after.tasks = {{"30", 2, "augmentation", "Chart"},
                   {"10", 4, "displacement", "Archive"},
                   {"60", 2, "displacement", "Triage"}};
    const auto c = attribute_change(read(before), read(after), m, m);
    REQUIRE(c.size() == 4);
    CHECK(c[0].input == "/tasks/0/score");
    CHECK(c[0].old_input == "/tasks/1/score");
    CHECK(c[0].task == "Chart");
    CHECK(std::get<Rational>(c[0].old_value) == Rational(3));
    CHECK(std::get<Rational>(c[0].new_value) == Rational(2));
    CHECK(c[1].input == "/tasks/1");
    CHECK(c[1].old_input.empty()); // not in the old file
    CHECK(c[1].task == "Archive");
    CHECK(c[2].input == "/tasks/2/impact");
    CHECK(c[2].old_input == "/tasks/0/impact");
    CHECK(c[2].task == "Triage");
    CHECK(c[2].points == Rational(0));
    CHECK(c[3].input == "/tasks/2"); // a removed task: its pointer in the old file
    CHECK(c[3].old_input == "/tasks/2");
    CHECK(c[3].task == "File");
    CHECK(std::holds_alternative<std::monostate>(c[3].new_value));
    CHECK(sum_points(c) == exact_aijri(read(after), m) - exact_aijri(read(before), m));
    // Any other input has the same pointer in both files.
    test::AssessmentSpec evidence = before;
    evidence.evidence[0] = 1;
    const auto e = attribute_change(read(before), read(evidence), m, m);
    REQUIRE(e.size() == 1);
    CHECK(e[0].old_input == e[0].input);
    CHECK(e[0].task.empty());
}
