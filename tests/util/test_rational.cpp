#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <utility>

#include <catch2/catch.hpp>

#include "aijri/util/rational.hpp"

using aijri::Int128;
using aijri::NumberProblem;
using aijri::parse_json_number;
using aijri::Rational;

TEST_CASE("rational arithmetic is exact and reduced") {
    const Rational a = Rational::decimal(375, 2); // 3.75
    const Rational b = Rational::decimal(132, 2); // 1.32
    CHECK(a * b == Rational::decimal(495, 2));
    CHECK((Rational(1) / Rational(3)).denominator() == 3);
    CHECK(Rational::fraction(4, -8) == Rational::fraction(-1, 2));
    CHECK(Rational::fraction(2, 4).numerator() == 1);
    CHECK(Rational(2) - Rational::decimal(225, 2) == -Rational::decimal(25, 2));
    CHECK(Rational::decimal(1, 1) + Rational::decimal(2, 1) == Rational::decimal(3, 1));
    CHECK(Rational::fraction(1, 3) < Rational::fraction(1, 2));
}

TEST_CASE("fractions reduce to lowest terms whatever the sizes of their parts") {
    // The 64-bit gcd takes one division first when the operands differ in size.
    const auto reduced = [](Int128 num, Int128 den) {
        const Rational r = Rational::fraction(num, den);
        return std::pair{static_cast<long long>(r.numerator()),
                         static_cast<long long>(r.denominator())};
    };
    CHECK(reduced(0, 7) == std::pair{0LL, 1LL});
    CHECK(reduced(7, 1) == std::pair{7LL, 1LL});
    CHECK(reduced(1, 7) == std::pair{1LL, 7LL});
    CHECK(reduced(12, 12) == std::pair{1LL, 1LL});
    CHECK(reduced(1'000'000'000'000'000'000, 250) == std::pair{4'000'000'000'000'000LL, 1LL});
    CHECK(reduced(999'999'999'999'999'989, 1'000) == std::pair{999'999'999'999'999'989LL, 1'000LL});
    CHECK(reduced(-3 * 7 * 1'000'000'007LL, 14) == std::pair{-3 * 1'000'000'007LL, 2LL});
    CHECK(reduced(6, 9'000'000'000'000'000'000LL) == std::pair{1LL, 1'500'000'000'000'000'000LL});
    const Int128 big = Int128{1'000'000'007} * 1'000'000'009 * 1'000'000'021; // beyond 64 bits
    const Rational beyond = Rational::fraction(big * 6, Int128{1'000'000'021} * 4);
    CHECK(beyond.numerator() == Int128{1'000'000'007} * 1'000'000'009 * 3);
    CHECK(beyond.denominator() == 2);
    CHECK(Rational::decimal(1237, 2) * Rational(100) == Rational(1237));
    // Against std::gcd, on operands of every size from one bit to 62.
    std::uint64_t state = 12345;
    const auto next = [&state](int bits) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<long long>((state >> 1U) >> static_cast<unsigned>(63 - bits)) + 1;
    };
    for (int bits = 1; bits <= 55; ++bits) {
        for (int i = 0; i < 50; ++i) {
            const long long common = next(bits % 7 + 1); // at most 7 bits
            const long long num = next(bits) * common;
            const long long den = next(56 - bits) * common;
            const long long g = std::gcd(num, den);
            CHECK(reduced(num, den) == std::pair{num / g, den / g});
        }
    }
}

TEST_CASE("rounding is half up on the exact value") {
    CHECK(aijri::to_fixed(Rational::fraction(51228, 793), 1) == "64.6");
    CHECK(aijri::to_fixed(Rational::decimal(4795, 2), 1) == "48.0");
    CHECK(aijri::to_fixed(Rational::decimal(479499999, 7), 1) == "47.9");
    CHECK(aijri::to_fixed(Rational::decimal(-5, 2), 1) == "0.0"); // -0.05 rounds up to 0.0
    CHECK(aijri::to_fixed(Rational::decimal(-15, 2), 1) == "-0.1");
    CHECK(aijri::to_fixed(Rational::decimal(5, 1), 0) == "1");
    CHECK(aijri::to_fixed(Rational(7), 2) == "7.00");
    CHECK(aijri::to_fixed(Rational::decimal(5, 3), 2) == "0.01");
}

TEST_CASE("decimal display keeps a minimum and shows exact extra places") {
    CHECK(aijri::to_decimal(Rational::decimal(11, 1), 2) == "1.10");
    CHECK(aijri::to_decimal(Rational::decimal(22525, 4), 2) == "2.2525");
    CHECK(aijri::to_decimal(Rational::fraction(1, 3), 2, 4) == "0.3333");
    CHECK(aijri::to_exact_string(Rational::decimal(56628, 4)) == "5.6628");
    CHECK(aijri::to_exact_string(Rational::fraction(51228, 793)) == "51228/793");
    // 24 digits, 18 of them decimals, as a file may write a number: shown exactly (it used
    // to overflow in the rounding step, which an exact figure does not need).
    const aijri::Int128 digits = aijri::Int128{999'999'999'000'000} * 1'000'000'000 + 999;
    CHECK(aijri::to_exact_string(Rational::decimal(digits, 18)) == "999999.999000000000000999");
    CHECK(aijri::to_exact_string(Rational::decimal(-digits, 18)) == "-999999.999000000000000999");
    // Decimal digits that do not fit in 128 bits: the fraction.
    CHECK(aijri::to_exact_string(
              Rational::fraction((aijri::Int128{1} << 120) + 1, aijri::Int128{1} << 18)) ==
          "1329227995784915872903807060280344577/262144");
}

TEST_CASE("JSON numbers are read exactly from their text") {
    const auto check = [](const char* text, Rational value, int decimals) {
        const auto parsed = parse_json_number(text);
        INFO(text);
        REQUIRE(parsed.problem == NumberProblem::none);
        CHECK(parsed.literal.value == value);
        CHECK(parsed.literal.decimals == decimals);
    };
    check("0", Rational(0), 0);
    check("-0", Rational(0), 0);
    check("2.0", Rational(2), 1);
    check("1.10", Rational::decimal(11, 1), 2);
    check("64.6", Rational::decimal(646, 1), 1);
    check("2e1", Rational(20), 0);
    check("2.5E-1", Rational::decimal(25, 2), 2);
    check("0.000001", Rational::decimal(1, 6), 6);
    check("-17", Rational(-17), 0);
}

TEST_CASE("malformed and unrepresentable numbers are told apart") {
    for (const char* text : {"01", "1.", ".5", "+1", "1e", "1e+", "-", "", "NaN", "0x10", "1 "}) {
        INFO(text);
        CHECK(parse_json_number(text).problem == NumberProblem::not_a_json_number);
    }
    for (const char* text : {"1e999", "1e-999", "123456789012345678901234567890", "1e19"}) {
        INFO(text);
        CHECK(parse_json_number(text).problem == NumberProblem::out_of_range);
    }
    CHECK(parse_json_number("0e-999").problem == NumberProblem::none);
}

TEST_CASE("arithmetic that would overflow 128 bits throws instead of wrapping") {
    const Rational big = Rational::fraction(Int128{1} << 100U, 1);
    CHECK_THROWS_AS(big * big, std::overflow_error);
    CHECK_THROWS_AS(Rational::fraction(1, Int128{1} << 100U) +
                        Rational::fraction(1, 3) * big * Rational::fraction(1, 7),
                    std::overflow_error);
    CHECK_THROWS_AS(big.rounded(18), std::overflow_error);
    // The most negative 128-bit value has no negation, so no figure may hold it.
    const Int128 most_negative = -(Int128{1} << 126U) - (Int128{1} << 126U);
    CHECK_THROWS_AS(Rational::fraction(most_negative, 1), std::overflow_error);
    CHECK_THROWS_AS(Rational::fraction(1, most_negative), std::overflow_error);
    CHECK(-Rational::fraction(most_negative + 1, 1) == Rational::fraction(-(most_negative + 1), 1));
}

TEST_CASE("messages show exact values as decimals, cut with an ellipsis when they do not end") {
    CHECK(aijri::to_readable_decimal(Rational::fraction(156486, 8125)) == "19.2598153846…");
    CHECK(aijri::to_readable_decimal(Rational::fraction(51228, 793)) == "64.6002522068…");
    CHECK(aijri::to_readable_decimal(Rational::fraction(-1, 3)) == "-0.3333333333…");
    CHECK(aijri::to_readable_decimal(Rational::fraction(-1, 30000000000)) == "-0.0000000000…");
    CHECK(aijri::to_readable_decimal(Rational::decimal(56628, 4)) == "5.6628");
    CHECK(aijri::to_readable_decimal(Rational::fraction(2, 3), 3) == "0.666…");
}
