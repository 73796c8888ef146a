#include "aijri/util/rational.hpp"
#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <utility>

#include "aijri/util/text.hpp"

namespace aijri {
namespace {

// Methodology constants and inputs are short decimals, so every intermediate fits easily
// in 128 bits; an overflow would mean a methodology far outside any sensible range, and is
// reported rather than wrapped.
[[noreturn]] void overflow() {
    throw std::overflow_error("exact arithmetic overflows 128 bits");
}

Int128 checked_mul(Int128 a, Int128 b) {
    Int128 out = 0;
    if (__builtin_mul_overflow(a, b, &out)) {
        overflow();
    }
    return out;
}

Int128 checked_add(Int128 a, Int128 b) {
    Int128 out = 0;
    if (__builtin_add_overflow(a, b, &out)) {
        overflow();
    }
    return out;
}

Int128 abs128(Int128 v) {
    return v < 0 ? -v : v;
}

constexpr Int128 k_u64_max = static_cast<Int128>(~0ULL);
// The most negative 128-bit value, which has no negation: never stored.
constexpr Int128 k_min_stored = -(Int128{1} << 126U) - (Int128{1} << 126U);

// Stein's binary gcd: shifts and subtractions instead of a division per step. Its steps grow
// with the bits of the larger operand, and figures are usually a large numerator against a
// small denominator (or 1): one division first leaves two operands as small as the smaller.
unsigned long long gcd64(unsigned long long x, unsigned long long y) {
    if (x > y) {
        std::swap(x, y);
    }
    if (x <= 1) {
        return x == 0 ? y : 1;
    }
    y %= x;
    if (y == 0) {
        return x;
    }
    const int shift = __builtin_ctzll(x | y);
    x >>= __builtin_ctzll(x);
    do {
        y >>= __builtin_ctzll(y);
        if (x > y) {
            std::swap(x, y);
        }
        y -= x;
    } while (y != 0);
    return x << shift;
}

Int128 gcd128(Int128 a, Int128 b) {
    a = abs128(a);
    b = abs128(b);
    // Almost every figure fits in 64 bits, where arithmetic is several times cheaper.
    if (a <= k_u64_max && b <= k_u64_max) {
        return static_cast<Int128>(
            gcd64(static_cast<unsigned long long>(a), static_cast<unsigned long long>(b)));
    }
    while (b != 0) {
        const Int128 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

bool fits_64(Int128 v) {
    return v >= std::numeric_limits<std::int64_t>::min() &&
           v <= std::numeric_limits<std::int64_t>::max();
}

// a·b, refusing to overflow. Two factors that fit in 64 bits cannot overflow 128 (nearly every
// product of a real methodology): one machine multiplication instead of a checked 128-bit one.
Int128 multiply(Int128 a, Int128 b) {
    if (fits_64(a) && fits_64(b)) {
        return static_cast<Int128>(static_cast<std::int64_t>(a)) * static_cast<std::int64_t>(b);
    }
    return checked_mul(a, b);
}

// a / d for d > 0 that divides a, in 64 bits when both fit (a 128-bit division is a call).
Int128 divide_exactly(Int128 a, Int128 d) {
    if (d == 1) {
        return a;
    }
    const Int128 magnitude = abs128(a);
    if (magnitude <= k_u64_max && d <= k_u64_max) {
        const auto q = static_cast<Int128>(static_cast<unsigned long long>(magnitude) /
                                           static_cast<unsigned long long>(d));
        return a < 0 ? -q : q;
    }
    return a / d;
}

Int128 pow10(int exponent) {
    Int128 result = 1;
    for (int i = 0; i < exponent; ++i) {
        result = checked_mul(result, 10);
    }
    return result;
}

// floor(a / b) for b > 0
Int128 floor_div(Int128 a, Int128 b) {
    Int128 q = a / b;
    if ((a % b != 0) && (a < 0)) {
        --q;
    }
    return q;
}

std::string int128_to_string(Int128 value) {
    // Nearly every figure fits in 64 bits, where the library's conversion avoids a 128-bit
    // division per digit.
    if (value >= std::numeric_limits<std::int64_t>::min() &&
        value <= std::numeric_limits<std::int64_t>::max()) {
        std::array<char, 24> buffer{};
        const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(),
                                       static_cast<std::int64_t>(value))
                             .ptr;
        return std::string(buffer.data(), end);
    }
    const bool negative = value < 0;
    std::string digits;
    while (value != 0) {
        const auto digit = static_cast<int>(value % 10);
        digits.push_back(static_cast<char>('0' + (digit < 0 ? -digit : digit)));
        value /= 10;
    }
    if (negative) {
        digits.push_back('-');
    }
    std::reverse(digits.begin(), digits.end());
    return digits;
}

std::string scaled_to_string(Int128 scaled, int decimals) {
    const bool negative = scaled < 0;
    std::string digits = int128_to_string(abs128(scaled));
    if (decimals > 0) {
        if (digits.size() <= static_cast<std::size_t>(decimals)) {
            digits.insert(0, static_cast<std::size_t>(decimals) - digits.size() + 1, '0');
        }
        digits.insert(digits.size() - static_cast<std::size_t>(decimals), 1, '.');
    }
    return negative ? "-" + digits : digits;
}

} // namespace

Rational Rational::fraction(Int128 num, Int128 den) {
    if (den == 0) {
        throw std::domain_error("division by zero");
    }
    // The most negative value has no negation: refusing it here keeps every stored numerator
    // and denominator negatable, so that operator- and abs128 never overflow.
    if (num == k_min_stored || den == k_min_stored) {
        overflow();
    }
    if (den < 0) {
        num = -num;
        den = -den;
    }
    const Int128 divisor = gcd128(num, den);
    Rational r;
    r.m_num = divide_exactly(num, divisor);
    r.m_den = divide_exactly(den, divisor);
    return r;
}

Rational Rational::decimal(Int128 digits, int decimals) {
    return fraction(digits, pow10(decimals));
}

Int128 Rational::scaled_round(int decimals) const {
    // floor(x·10^d + 1/2) = floor((2·num·10^d + den) / (2·den))
    const Int128 twice = checked_mul(checked_mul(m_num, pow10(decimals)), 2);
    return floor_div(checked_add(twice, m_den), checked_mul(m_den, 2));
}

Rational Rational::rounded(int decimals) const {
    return decimal(scaled_round(decimals), decimals);
}

std::optional<int> Rational::exact_decimals() const {
    // A reduced fraction terminates after d decimals exactly when its denominator is
    // 2^a·5^b, with d = max(a, b).
    // 10^18 < 2^63: a denominator beyond 64 bits cannot terminate within 18 places.
    if (m_den > std::numeric_limits<std::uint64_t>::max()) {
        return std::nullopt;
    }
    auto rest = static_cast<std::uint64_t>(m_den);
    int twos = 0;
    int fives = 0;
    while (rest % 2 == 0) {
        rest /= 2;
        ++twos;
    }
    while (rest % 5 == 0) {
        rest /= 5;
        ++fives;
    }
    const int decimals = std::max(twos, fives);
    if (rest != 1 || decimals > 18) {
        return std::nullopt;
    }
    return decimals;
}

Rational operator+(const Rational& a, const Rational& b) {
    if (a.m_den == b.m_den) {
        return Rational::fraction(checked_add(a.m_num, b.m_num), a.m_den);
    }
    return Rational::fraction(checked_add(multiply(a.m_num, b.m_den), multiply(b.m_num, a.m_den)),
                              multiply(a.m_den, b.m_den));
}

Rational operator-(const Rational& a, const Rational& b) {
    return a + (-b);
}

Rational operator*(const Rational& a, const Rational& b) {
    // Cross-reduce first so that the products stay as small as possible. Both factors are in
    // lowest terms, so after cross-reduction the product is too: no gcd of the result.
    const Int128 g1 = gcd128(a.m_num, b.m_den);
    const Int128 g2 = gcd128(b.m_num, a.m_den);
    const Int128 d1 = g1 == 0 ? 1 : g1;
    const Int128 d2 = g2 == 0 ? 1 : g2;
    const Int128 num = multiply(divide_exactly(a.m_num, d1), divide_exactly(b.m_num, d2));
    const Int128 den = multiply(divide_exactly(a.m_den, d2), divide_exactly(b.m_den, d1));
    if (num == 0) {
        return Rational();
    }
    if (num == k_min_stored) {
        overflow(); // see Rational::fraction
    }
    Rational r;
    r.m_num = num;
    r.m_den = den;
    return r;
}

Rational operator/(const Rational& a, const Rational& b) {
    if (b.m_num == 0) {
        throw std::domain_error("division by zero");
    }
    return a * Rational::fraction(b.m_den, b.m_num);
}

Rational Rational::operator-() const {
    Rational r = *this;
    r.m_num = -r.m_num;
    return r;
}

std::strong_ordering operator<=>(const Rational& a, const Rational& b) {
    const Int128 left = checked_mul(a.m_num, b.m_den);
    const Int128 right = checked_mul(b.m_num, a.m_den);
    return left < right
               ? std::strong_ordering::less
               : (left > right ? std::strong_ordering::greater : std::strong_ordering::equal);
}

Rational min(const Rational& a, const Rational& b) {
    return b < a ? b : a;
}
Rational max(const Rational& a, const Rational& b) {
    return a < b ? b : a;
}

std::string to_fixed(const Rational& value, int decimals) {
    return scaled_to_string(value.scaled_round(decimals), decimals);
}

std::string to_decimal(const Rational& value, int min_decimals, int max_decimals) {
    const int exact = value.exact_decimals().value_or(max_decimals);
    return to_fixed(value, std::clamp(exact, min_decimals, std::max(min_decimals, max_decimals)));
}

std::string to_exact_string(const Rational& value) {
    if (const auto decimals = value.exact_decimals()) {
        // value·10^d is an integer: computed without to_fixed's rounding step, whose
        // 2·num·10^d overflows for a number that fits (24 digits, 18 of them decimals, as
        // a file may write it). Only when the digits themselves do not fit, a fraction.
        Int128 scaled = 0;
        if (!__builtin_mul_overflow(value.numerator(), pow10(*decimals) / value.denominator(),
                                    &scaled)) {
            return scaled_to_string(scaled, *decimals);
        }
    }
    return int128_to_string(value.numerator()) + "/" + int128_to_string(value.denominator());
}

std::string to_readable_decimal(const Rational& value, int places) {
    if (value.exact_decimals()) {
        return to_exact_string(value);
    }
    // Division truncates towards zero: the digits shown are all exact.
    Int128 scaled = 0;
    if (__builtin_mul_overflow(value.numerator(), pow10(places), &scaled)) {
        return to_exact_string(value);
    }
    scaled /= value.denominator();
    std::string digits = scaled_to_string(scaled, places);
    if (scaled == 0 && value.sign() < 0) {
        digits.insert(0, "-");
    }
    return digits + "…";
}

namespace {

// The largest magnitude and precision any field or constant can meaningfully carry; beyond
// them a number is "out of range" rather than a reason to risk overflow.
constexpr int k_max_significant_digits = 24;
constexpr int k_max_decimals = 18;
constexpr int k_max_integer_digits = 18;

} // namespace

ParsedNumber parse_json_number(std::string_view text) {
    ParsedNumber out;
    std::size_t i = 0;
    const auto bad = [&out] {
        out.problem = NumberProblem::not_a_json_number;
        return out;
    };
    const bool negative = i < text.size() && text[i] == '-';
    if (negative) {
        ++i;
    }
    if (i >= text.size() || !is_ascii_digit(text[i])) {
        return bad();
    }
    std::string digits; // significant digits of integer and fraction parts
    int fraction_digits = 0;
    if (text[i] == '0') {
        ++i;
        if (i < text.size() && is_ascii_digit(text[i])) {
            return bad();
        }
    } else {
        while (i < text.size() && is_ascii_digit(text[i])) {
            digits.push_back(text[i++]);
        }
    }
    if (i < text.size() && text[i] == '.') {
        ++i;
        if (i >= text.size() || !is_ascii_digit(text[i])) {
            return bad();
        }
        while (i < text.size() && is_ascii_digit(text[i])) {
            digits.push_back(text[i++]);
            ++fraction_digits;
        }
    }
    long long exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        bool exponent_negative = false;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
            exponent_negative = text[i] == '-';
            ++i;
        }
        if (i >= text.size() || !is_ascii_digit(text[i])) {
            return bad();
        }
        while (i < text.size() && is_ascii_digit(text[i])) {
            // Saturate: 1e99999999999 is simply out of range, not an overflow.
            exponent = std::min<long long>(exponent * 10 + (text[i++] - '0'), 1'000'000);
        }
        if (exponent_negative) {
            exponent = -exponent;
        }
    }
    if (i != text.size()) {
        return bad();
    }
    // Drop leading zeros so that 0.05 has the significant digits "5".
    const auto first_nonzero = digits.find_first_not_of('0');
    digits = first_nonzero == std::string::npos ? std::string() : digits.substr(first_nonzero);
    const long long decimals = std::max<long long>(0, fraction_digits - exponent);
    out.literal.decimals = static_cast<int>(std::min<long long>(decimals, 1'000'000));
    if (digits.empty()) {
        out.literal.value = Rational(0);
        out.literal.decimals = std::min(out.literal.decimals, k_max_decimals);
        return out;
    }
    const long long scale = fraction_digits - exponent; // value = digits × 10^-scale
    const long long integer_digits = static_cast<long long>(digits.size()) - scale;
    if (static_cast<int>(digits.size()) > k_max_significant_digits || scale > k_max_decimals ||
        integer_digits > k_max_integer_digits) {
        out.problem = NumberProblem::out_of_range;
        return out;
    }
    Int128 mantissa = 0;
    for (const char c : digits) {
        mantissa = mantissa * 10 + (c - '0');
    }
    if (scale < 0) {
        for (long long k = 0; k < -scale; ++k) {
            mantissa *= 10;
        }
    }
    out.literal.value = Rational::decimal(negative ? -mantissa : mantissa,
                                          static_cast<int>(std::max<long long>(scale, 0)));
    return out;
}

double to_double(const Rational& value) {
    return static_cast<double>(static_cast<long double>(value.numerator()) /
                               static_cast<long double>(value.denominator()));
}

} // namespace aijri
