// The figures a document states, read as written: each number with its exact value, its
// decimals, its % and the text it was read from; and what is not a figure.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "document/figures.hpp"

using namespace aijri;
using namespace aijri::detail;

namespace {

// "22.35 (2 decimals, %) from \"22.35 %\"": everything a Number holds.
std::string show(const Number& n) {
    return to_exact_string(n.literal.value) + " (" + std::to_string(n.literal.decimals) +
           " decimals" + (n.percent ? ", %" : "") + ") from \"" + std::string(n.text) + "\"";
}

std::string show(const std::optional<Number>& n) {
    return n ? show(*n) : "none";
}

} // namespace

TEST_CASE("figures: a plain number keeps its exact value and its decimals") {
    CHECK(show(parse_plain_number("2.25")) == "2.25 (2 decimals) from \"2.25\"");
    CHECK(show(parse_plain_number("1.10")) == "1.1 (2 decimals) from \"1.10\"");
    CHECK(show(parse_plain_number("**5.6628**")) == "5.6628 (4 decimals) from \"5.6628\"");
    CHECK(show(parse_plain_number("  7 ")) == "7 (0 decimals) from \"7\"");
    CHECK(show(parse_plain_number("7.")) == "7 (0 decimals) from \"7\""); // a final period
    CHECK(show(parse_plain_number("+3")) == "3 (0 decimals) from \"+3\"");
    CHECK(show(parse_plain_number("-0.5")) == "-0.5 (1 decimals) from \"-0.5\"");
}

TEST_CASE("figures: a minus may be written with the Unicode minus or an en dash") {
    CHECK(show(parse_plain_number("\u22122")) == "-2 (0 decimals) from \"\u22122\"");
    CHECK(show(parse_plain_number("\u20131.5")) == "-1.5 (1 decimals) from \"\u20131.5\"");
    // An em dash separates words; it is no minus sign.
    CHECK_FALSE(parse_plain_number("\u20142"));
}

TEST_CASE("figures: what is not a number") {
    for (const std::string_view text :
         {"", "abc", ".5", "1.2.3", "2 x", "20%", "1,000", "2e3", "- 2x", "twelve", "**"}) {
        INFO(std::string(text));
        CHECK_FALSE(parse_plain_number(text));
    }
    // 1.5.: a number and a final period; "1." alone has no decimals.
    CHECK(show(parse_plain_number("1.5.")) == "1.5 (1 decimals) from \"1.5\"");
    // More digits than a figure may have (18 before the point) is not a number either.
    CHECK_FALSE(parse_plain_number("1234567890123456789"));
}

TEST_CASE("figures: percentages with or without %, never signed") {
    CHECK(show(parse_percent("20%")) == "20 (0 decimals, %) from \"20\"");
    CHECK(show(parse_percent("22.35 %")) == "22.35 (2 decimals, %) from \"22.35\"");
    CHECK(show(parse_percent("20")) == "20 (0 decimals) from \"20\"");
    CHECK_FALSE(parse_percent("-20%"));
    CHECK_FALSE(parse_percent("20% of the time"));
    CHECK_FALSE(parse_percent("%20"));
}

TEST_CASE("figures: a score is an integer, over a scale or not") {
    const auto score = parse_score("+2/3");
    REQUIRE(score);
    CHECK(show(score->value) == "2 (0 decimals) from \"+2\"");
    CHECK(show(score->scale) == "3 (0 decimals) from \"3\"");
    const auto negative = parse_score("\u22122");
    REQUIRE(negative);
    CHECK(show(negative->value) == "-2 (0 decimals) from \"\u22122\"");
    CHECK(show(negative->scale) == "none");
    CHECK_FALSE(parse_score("2.5"));
    CHECK_FALSE(parse_score("20%"));
    CHECK_FALSE(parse_score("2/"));
    CHECK_FALSE(parse_score("2 of 3"));
}

TEST_CASE("figures: a score range is two integers, low end first, any dash or \"to\" between",
          "[range]") {
    const auto show_range = [](std::string_view text) {
        const auto range = parse_score_range(text);
        return range ? show(range->lo) + " .. " + show(range->hi) : std::string("none");
    };
    CHECK(show_range("2\u20134") == "2 (0 decimals) from \"2\" .. 4 (0 decimals) from \"4\"");
    CHECK(show_range("2-4") == "2 (0 decimals) from \"2\" .. 4 (0 decimals) from \"4\"");
    CHECK(show_range(" 2 to 4 ") == "2 (0 decimals) from \"2\" .. 4 (0 decimals) from \"4\"");
    CHECK(show_range("-2\u20130") == "-2 (0 decimals) from \"-2\" .. 0 (0 decimals) from \"0\"");
    CHECK(show_range("-2--1") == "-2 (0 decimals) from \"-2\" .. -1 (0 decimals) from \"-1\"");
    CHECK(show_range("\u22122 \u2013 +1") ==
          "-2 (0 decimals) from \"\u22122\" .. 1 (0 decimals) from \"+1\"");
    for (const char* bad : {"3", "2..4", "2.5-4", "2-4.5", "2%-4", "2-", "-4", "2 4", "2-4-5",
                            "two to four", "[2, 4]"}) {
        INFO(bad);
        CHECK(show_range(bad) == "none");
    }
}

TEST_CASE("figures: task resistance with its arithmetic or alone") {
    const auto full = parse_task_resistance("6.00 \u2212 2.25 = 3.75/5.0");
    REQUIRE(full);
    CHECK(show(full->base) == "6 (2 decimals) from \"6.00\"");
    CHECK(show(full->weighted_total) == "2.25 (2 decimals) from \"2.25\"");
    CHECK(show(full->task_resistance) == "3.75 (2 decimals) from \"3.75\"");
    CHECK(show(full->scale) == "5 (1 decimals) from \"5.0\"");
    const auto alone = parse_task_resistance("**3.75**");
    REQUIRE(alone);
    CHECK(show(alone->base) == "none");
    CHECK(show(alone->task_resistance) == "3.75 (2 decimals) from \"3.75\"");
    CHECK_FALSE(parse_task_resistance("3.75%"));
    CHECK_FALSE(parse_task_resistance("6.00 - 2.25"));
}

TEST_CASE("figures: modifiers, the total negative after 1.0 minus") {
    const auto up = parse_modifier("1.0 + (8 \u00D7 0.04) = 1.32");
    REQUIRE(up);
    CHECK(show(up->one) == "1 (1 decimals) from \"1.0\"");
    CHECK(show(up->total) == "8 (0 decimals) from \"8\"");
    CHECK(show(up->weight) == "0.04 (2 decimals) from \"0.04\"");
    CHECK(show(up->modifier) == "1.32 (2 decimals) from \"1.32\"");
    // "1.0 − (3 x 0.04)": the total is read as −3, the text it came from unchanged.
    const auto down = parse_modifier("1.0 - (3 x 0.04) = 0.88");
    REQUIRE(down);
    CHECK(show(down->total) == "-3 (0 decimals) from \"3\"");
    CHECK(show(down->modifier) == "0.88 (2 decimals) from \"0.88\"");
    // Without brackets, * for times.
    const auto bare = parse_modifier("1.0 + 2 * 0.05 = 1.10");
    REQUIRE(bare);
    CHECK(show(bare->total) == "2 (0 decimals) from \"2\"");
    CHECK(show(bare->modifier) == "1.1 (2 decimals) from \"1.10\"");
    const auto alone = parse_modifier("1.04");
    REQUIRE(alone);
    CHECK(show(alone->one) == "none");
    CHECK_FALSE(parse_modifier("1.0 + (8 x 0.04 = 1.32"));
    CHECK_FALSE(parse_modifier("132%"));
}

TEST_CASE("figures: raw, the four factors and the product") {
    const auto raw = parse_raw("3.75 \u00D7 1.32 x 1.04 \u00B7 1.10 = 5.6628");
    REQUIRE(raw);
    REQUIRE(raw->factors.size() == 4);
    CHECK(show(raw->factors[0]) == "3.75 (2 decimals) from \"3.75\"");
    CHECK(show(raw->factors[3]) == "1.1 (2 decimals) from \"1.10\"");
    CHECK(show(raw->raw) == "5.6628 (4 decimals) from \"5.6628\"");
    const auto alone = parse_raw("5.6628");
    REQUIRE(alone);
    CHECK(alone->factors.empty());
    // Three factors are not the formula: the text is then not a raw figure at all.
    CHECK_FALSE(parse_raw("3.75 x 1.32 x 1.04 = 5.148"));
}

TEST_CASE("figures: the AIJRI with its arithmetic, out of 100 or not") {
    const auto aijri = parse_aijri("(5.6628 \u2212 0.54) / 7.93 \u00D7 100 = **64.6**/100");
    REQUIRE(aijri);
    CHECK(show(aijri->raw) == "5.6628 (4 decimals) from \"5.6628\"");
    CHECK(show(aijri->raw_min) == "0.54 (2 decimals) from \"0.54\"");
    CHECK(show(aijri->raw_span) == "7.93 (2 decimals) from \"7.93\"");
    CHECK(show(aijri->scale) == "100 (0 decimals) from \"100\"");
    CHECK(show(aijri->aijri) == "64.6 (1 decimals) from \"64.6\"");
    CHECK(show(aijri->maximum) == "100 (0 decimals) from \"100\"");
    const auto negative = parse_aijri("\u22123.2");
    REQUIRE(negative);
    CHECK(show(negative->aijri) == "-3.2 (1 decimals) from \"\u22123.2\"");
    CHECK(show(negative->maximum) == "none");
    CHECK_FALSE(parse_aijri("64.6%"));
    CHECK_FALSE(parse_aijri("about 64.6"));
}

TEST_CASE("figures: the split, in any order, each share once") {
    const auto split = parse_split("0% displacement, 75% augmentation, 25% not involved.");
    REQUIRE(split);
    CHECK(show(split->displacement) == "0 (0 decimals, %) from \"0\"");
    CHECK(show(split->augmentation) == "75 (0 decimals, %) from \"75\"");
    CHECK(show(split->not_involved) == "25 (0 decimals, %) from \"25\"");
    const auto reordered = parse_split("25.5% not-involved; 74.5% augmentation / 0% displacement");
    REQUIRE(reordered);
    CHECK(show(reordered->not_involved) == "25.5 (1 decimals, %) from \"25.5\"");
    CHECK_FALSE(parse_split("50% augmentation, 50% augmentation, 0% displacement"));
    CHECK_FALSE(parse_split("0% displacement, 100% augmentation"));
    CHECK_FALSE(parse_split("0% displacement, 75% augmentation, 25% other"));
}

TEST_CASE("figures: a zone with its threshold ranges, or with a sub-label") {
    const auto zone = parse_zone("GREEN (Green >= 48, Yellow 25-47, Red <25)");
    REQUIRE(zone);
    CHECK(zone->zone == Zone::green);
    REQUIRE(zone->thresholds);
    CHECK(show((*zone->thresholds)[0]) == "48 (0 decimals) from \"48\"");
    CHECK(show((*zone->thresholds)[1]) == "25 (0 decimals) from \"25\"");
    CHECK(show((*zone->thresholds)[2]) == "47 (0 decimals) from \"47\"");
    CHECK(show((*zone->thresholds)[3]) == "25 (0 decimals) from \"25\"");
    CHECK_FALSE(zone->sub_label);
    // The range as aijri renders it: ≥ or >=, an en dash or "to", decimals.
    const auto rendered =
        parse_zone("Green (Green \u2265 48.0, Yellow 25.0\u201347.9, Red < 25.0) Zone");
    REQUIRE(rendered);
    REQUIRE(rendered->thresholds);
    CHECK(show((*rendered->thresholds)[2]) == "47.9 (1 decimals) from \"47.9\"");
    const auto to = parse_zone("yellow (Green > 50, Yellow 30 to 49, Red < 30)");
    REQUIRE(to);
    CHECK(to->zone == Zone::yellow);
    REQUIRE(to->thresholds);
    CHECK(show((*to->thresholds)[1]) == "30 (0 decimals) from \"30\"");
    const auto labelled = parse_zone("Green (Accelerated)");
    REQUIRE(labelled);
    CHECK_FALSE(labelled->thresholds);
    CHECK(labelled->sub_label == std::optional<std::string_view>("Accelerated"));
    const auto red = parse_zone("Red Zone");
    REQUIRE(red);
    CHECK(red->zone == Zone::red);
    CHECK_FALSE(red->sub_label);
    CHECK_FALSE(parse_zone("Blue"));
    CHECK_FALSE(parse_zone("Green ()"));
    CHECK_FALSE(parse_zone("Green, probably"));
}

TEST_CASE("figures: zone names in any case, and nothing else") {
    CHECK(zone_name("GREEN") == std::optional<Zone>(Zone::green));
    CHECK(zone_name("yellow") == std::optional<Zone>(Zone::yellow));
    CHECK(zone_name("Red") == std::optional<Zone>(Zone::red));
    CHECK_FALSE(zone_name("Amber"));
    CHECK_FALSE(zone_name("Greenish"));
}

TEST_CASE("figures: the quick screen, with its arithmetic or without") {
    const auto full = parse_quick_screen(
        "Protective 2 + Correlation 2 = Likely Green Zone (Accelerated). Proceed to confirm.");
    REQUIRE(full);
    CHECK(show(full->protective) == "2 (0 decimals) from \"2\"");
    CHECK(show(full->growth) == "2 (0 decimals) from \"2\"");
    CHECK(show(full->total) == "none");
    CHECK(full->verdict == "Likely Green (Accelerated)");
    CHECK(full->verdict_text == "Likely Green Zone (Accelerated)");
    CHECK(full->tail == "Proceed to confirm");
    const auto summed = parse_quick_screen(
        "Protective Total 2/9 + AI Growth Correlation \u22121 = 1 \u2192 **Likely Yellow**");
    REQUIRE(summed);
    CHECK(show(summed->growth) == "-1 (0 decimals) from \"\u22121\"");
    CHECK(show(summed->total) == "1 (0 decimals) from \"1\"");
    CHECK(summed->verdict == "Likely Yellow");
    CHECK(summed->verdict_text == "Likely Yellow");
    CHECK(summed->tail.empty());
    const auto bare = parse_quick_screen("Red");
    REQUIRE(bare);
    CHECK(bare->verdict == "Likely Red");
    CHECK_FALSE(parse_quick_screen("Protective 2 + Correlation 2 = probably fine"));
}

TEST_CASE("figures: sub-label, reinstatement and override lines") {
    const auto label =
        parse_sub_label("Green (Accelerated) \u2014 Growth Correlation = 2 AND AIJRI >= 48");
    REQUIRE(label);
    CHECK(label->zone == std::optional<Zone>(Zone::green));
    CHECK(label->sub_label == std::optional<std::string>("Accelerated"));
    const auto none = parse_sub_label("none");
    REQUIRE(none);
    CHECK_FALSE(none->zone);
    CHECK_FALSE(none->sub_label);
    const auto bare = parse_sub_label("Transforming - most tasks change");
    REQUIRE(bare);
    CHECK(bare->sub_label == std::optional<std::string>("Transforming"));
    CHECK_FALSE(parse_sub_label("48 and up"));

    const auto yes = parse_reinstatement("Yes \u2014 new tasks appear");
    REQUIRE(yes);
    CHECK(yes->new_tasks);
    CHECK(yes->note == "new tasks appear");
    const auto no = parse_reinstatement("no.");
    REQUIRE(no);
    CHECK_FALSE(no->new_tasks);
    CHECK(no->note.empty());
    CHECK_FALSE(parse_reinstatement("maybe"));

    const auto accepted = parse_override("None \u2014 formula score accepted.");
    REQUIRE(accepted);
    CHECK(accepted->none);
    CHECK_FALSE(parse_override("None \u2014 but I disagree"));
    const auto over =
        parse_override("AIJRI 55.0; zone Yellow; sub-label \"Stable\" \u2014 licensing lags");
    REQUIRE(over);
    CHECK_FALSE(over->none);
    CHECK(show(over->aijri) == "55 (1 decimals) from \"55.0\"");
    CHECK(over->zone == std::optional<Zone>(Zone::yellow));
    CHECK(over->has_sub_label);
    CHECK(over->sub_label == std::optional<std::string>("Stable"));
    CHECK(over->reason == "licensing lags");
    CHECK_FALSE(parse_override("AIJRI 55.0; AIJRI 56.0 \u2014 twice"));
    CHECK_FALSE(parse_override("AIJRI 55.0")); // no reason
}
