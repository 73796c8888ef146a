// Exact rational numbers: every figure aijri computes is one of these, so a score
// that lands on a zone boundary is classified the same on every machine.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aijri {

__extension__ typedef __int128 Int128; // NOLINT: GCC and Clang both provide it

class Rational {
public:
    constexpr Rational() = default;
    constexpr Rational(std::int64_t integer) : m_num(integer) {} // NOLINT: implicit by design

    // num / den, reduced; den must not be zero.
    static Rational fraction(Int128 num, Int128 den);
    // digits × 10^-decimals, e.g. decimal(2025, 2) is 20.25.
    static Rational decimal(Int128 digits, int decimals);

    Int128 numerator() const { return m_num; }
    Int128 denominator() const { return m_den; }
    bool is_integer() const { return m_den == 1; }
    int sign() const { return m_num > 0 ? 1 : (m_num < 0 ? -1 : 0); }

    // Rounded half up (towards +infinity on a tie) to `decimals` places, as an integer
    // scaled by 10^decimals: 64.60025… at one decimal gives 646.
    Int128 scaled_round(int decimals) const;
    Rational rounded(int decimals) const;
    // Number of decimals of the exact decimal expansion, or nullopt when it does not
    // terminate (1/3) or needs more than 18 places.
    std::optional<int> exact_decimals() const;

    friend Rational operator+(const Rational& a, const Rational& b);
    friend Rational operator-(const Rational& a, const Rational& b);
    friend Rational operator*(const Rational& a, const Rational& b);
    friend Rational operator/(const Rational& a, const Rational& b);
    Rational operator-() const;
    Rational& operator+=(const Rational& other) { return *this = *this + other; }
    Rational& operator-=(const Rational& other) { return *this = *this - other; }

    friend bool operator==(const Rational& a, const Rational& b) = default;
    friend std::strong_ordering operator<=>(const Rational& a, const Rational& b);

private:
    Int128 m_num = 0;
    Int128 m_den = 1; // always > 0, gcd(|m_num|, m_den) == 1
};

// The nearest double: for placing a figure on a chart, never for computing one.
double to_double(const Rational& value);

Rational min(const Rational& a, const Rational& b);
Rational max(const Rational& a, const Rational& b);

// Fixed notation rounded half up: to_fixed(64.60025…, 1) == "64.6".
std::string to_fixed(const Rational& value, int decimals);
// At least `min_decimals` places, more when the exact value needs them (up to
// `max_decimals`, rounded there): to_decimal(1.1, 2) == "1.10", to_decimal(2.2525, 2) == "2.2525".
std::string to_decimal(const Rational& value, int min_decimals, int max_decimals = 6);
// The exact value: a terminating decimal ("5.6628") or a reduced fraction ("51228/793").
std::string to_exact_string(const Rational& value);
// The value for a message: a terminating decimal as it is, else its first `places` decimals,
// cut (not rounded), followed by "…" ("64.5989911727…"); JSON keeps the fraction.
std::string to_readable_decimal(const Rational& value, int places = 10);

// A number as written in a JSON document, read without ever passing through binary floating
// point. `decimals` is how many decimal places the text shows (1.10 → 2, 2e1 → 0), which
// is the precision a stated figure is compared at.
struct DecimalLiteral {
    Rational value;
    int decimals = 0;
};

enum class NumberProblem {
    none,
    not_a_json_number, // breaks JSON's number grammar: 01, 1., .5, +1, 0x10, NaN
    out_of_range,      // valid JSON but beyond what any field accepts: 1e999, 1e-999
};

struct ParsedNumber {
    NumberProblem problem = NumberProblem::none;
    DecimalLiteral literal;
};

// Reads one JSON number token exactly (no surrounding white space).
ParsedNumber parse_json_number(std::string_view text);

} // namespace aijri
