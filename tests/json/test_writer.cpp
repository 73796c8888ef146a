// The direct JSON writer must write exactly what dump_json() writes for the same value: the
// DOM route is the reference (nlohmann's serializer and its number printing).
#include <cstdint>
#include <random>
#include <string>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "aijri/json/syntax.hpp"
#include "aijri/json/writer.hpp"

#include "json/dom.hpp"
#include "json/json_string.hpp"

using aijri::dump_json;
using aijri::json_number;
using aijri::Rational;
using aijri::detail::append_json_string;
using aijri::detail::json_decimal_text;
using aijri::detail::JsonWriter;

namespace {

std::string written_string(std::string_view text) {
    std::string out;
    append_json_string(out, text);
    return out;
}

// dump_json() of the text, once each byte that is not UTF-8 is spelled out as sanitize()
// shows it ("\xe9"): the writer keeps such names apart where dump_json() would make every
// one of them U+FFFD.
std::string reference_string(std::string_view text) {
    std::string spelled;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = aijri::detail::utf8_sequence_length(text, i);
        if (length == 0) {
            spelled += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
            ++i;
            continue;
        }
        spelled.append(text.substr(i, length));
        i += length;
    }
    return dump_json(nlohmann::ordered_json(spelled));
}

} // namespace

TEST_CASE("json writer: strings are escaped exactly as dump_json escapes them") {
    const char* samples[] = {
        "",
        "plain text that is longer than eight bytes",
        "quote \" backslash \\ slash /",
        "\b\f\n\r\t\x01\x1f and \x7f",
        "a\x1b]0;title\x07\x1b[31mred",
        "caf\xc3\xa9 \xe2\x80\x94 em dash, \xf0\x9f\x98\x80 emoji",
        "C1 \xc2\x9b bidi \xe2\x80\xae line \xe2\x80\xa8 paragraph \xe2\x80\xa9",
        "not UTF-8: caf\xe9.json",
        "truncated \xe2\x80",
        "12345678\"2345678\\",
    };
    for (const char* sample : samples) {
        CAPTURE(sample);
        CHECK(written_string(sample) == reference_string(sample));
    }
    // Every byte value in every position of an 8-byte word, for the word-at-a-time scan.
    for (int byte = 0; byte < 256; ++byte) {
        for (std::size_t at = 0; at < 9; ++at) {
            std::string text(17, 'x');
            text[at] = static_cast<char>(byte);
            CAPTURE(byte, at);
            CHECK(written_string(text) == reference_string(text));
        }
    }
}

TEST_CASE("json writer: file names that differ only in bytes that are not UTF-8 stay apart") {
    CHECK(written_string("a\xff.json") == R"("a\\xff.json")");
    CHECK(written_string("a\xfe.json") == R"("a\\xfe.json")");
    CHECK(nlohmann::json::parse(written_string("a\xff.json")) == "a\\xff.json");
}

TEST_CASE("json writer: no string gives a CI log command, wherever it stands") {
    // The second '#' of "##[" or of "##" before a letter is \u0023: the same string.
    CHECK(written_string("##[error]x") == R"("#\u0023[error]x")");
    CHECK(written_string("a ##vso[task.setvariable]b") == R"("a #\u0023vso[task.setvariable]b")");
    CHECK(written_string("###[") == R"("##\u0023[")");
    CHECK(written_string("## Heading, # 1, ##") == R"("## Heading, # 1, ##")");
    CHECK(nlohmann::json::parse(written_string("##[error]x")) == "##[error]x");
}

TEST_CASE("json writer: random strings match dump_json") {
    std::mt19937 random(20261125);
    const std::string alphabet[] = {
        "a",    "Z",       " ",        "\"",           "\\",       "\n",
        "\x01", "\x7f",    "\xc3\xa9", "\xe2\x80\xae", "\xc2\x9b", "\xf0\x9f\x98\x80",
        "\xff", "\xe2\x80"};
    for (int round = 0; round < 2000; ++round) {
        std::string text;
        const auto length = random() % 40;
        for (unsigned i = 0; i < length; ++i) {
            text += alphabet[random() % std::size(alphabet)];
        }
        CAPTURE(text);
        CHECK(written_string(text) == reference_string(text));
    }
}

// The same number as json_number() gives, written as its decimal digits: nlohmann's double
// printing (Grisu2) is not always the shortest (-14627613.754342 prints as
// -14627613.754341999), and a published figure should read as the decimal it is.
bool same_number(const std::string& text, const nlohmann::ordered_json& reference) {
    const auto parsed = nlohmann::ordered_json::parse(text);
    if (reference.is_number_integer()) {
        return parsed.is_number_integer() &&
               parsed.get<std::int64_t>() == reference.get<std::int64_t>();
    }
    return parsed.is_number_float() && parsed.get<double>() == reference.get<double>();
}

TEST_CASE("json writer: figures are json_number's numbers, as their decimal digits") {
    std::mt19937_64 random(7);
    for (int round = 0; round < 20000; ++round) {
        const int decimals = static_cast<int>(random() % 8);
        // Magnitudes from 1e-9 to 1e18, so that every branch (exponent notation, more than 15
        // significant digits, integers) is taken.
        const int scale = static_cast<int>(random() % 19);
        const auto digits = static_cast<std::int64_t>(random() % 2000000000000000000ULL);
        const Rational value = Rational::fraction(random() % 2 == 0 ? digits : -digits,
                                                  static_cast<aijri::Int128>(1) << (random() % 8)) *
                               Rational::decimal(1, scale);
        const std::string text = json_decimal_text(value, decimals);
        CAPTURE(aijri::to_exact_string(value), decimals, text);
        CHECK(same_number(text, json_number(value, decimals)));
    }
    CHECK(json_decimal_text(Rational(0), 1) == "0.0");
    CHECK(json_decimal_text(Rational(40), 4) == "40.0");
    CHECK(json_decimal_text(Rational(5), 0) == "5");
    CHECK(json_decimal_text(Rational::decimal(11, 1), 2) == "1.1");
    CHECK(json_decimal_text(Rational::decimal(5, 4), 4) == "0.0005");
    CHECK(json_decimal_text(Rational::decimal(5, 5), 5) == "5e-05");
    CHECK(json_decimal_text(Rational::decimal(-25, 1), 1) == "-2.5");
    CHECK(json_decimal_text(Rational::fraction(51228, 793), 1) == "64.6");
    CHECK(json_decimal_text(Rational::decimal(-14627613754342, 6), 6) == "-14627613.754342");
    CHECK(json_decimal_text(Rational::decimal(1234567890123456, 0), 1) == "1.234567890123456e+15");
}

TEST_CASE("json writer: layout matches nlohmann's compact and indented dumps") {
    nlohmann::ordered_json reference = {
        {"a", 1},
        {"empty_array", nlohmann::ordered_json::array()},
        {"empty_object", nlohmann::ordered_json::object()},
        {"list", {"x", nullptr, true, false}},
        {"nested", {{"k", {{"deep", "v"}}}, {"n", -3}}},
    };
    for (const int indent : {-1, 2, 4}) {
        std::string out;
        JsonWriter w(out, indent);
        w.begin_object();
        w.key("a");
        w.integer(1);
        w.key("empty_array");
        w.begin_array();
        w.end_array();
        w.key("empty_object");
        w.begin_object();
        w.end_object();
        w.key("list");
        w.begin_array();
        w.string("x");
        w.null();
        w.boolean(true);
        w.boolean(false);
        w.end_array();
        w.key("nested");
        w.begin_object();
        w.key("k");
        w.begin_object();
        w.key("deep");
        w.string("v");
        w.end_object();
        w.key("n");
        w.integer(-3);
        w.end_object();
        w.end_object();
        CAPTURE(indent);
        CHECK(out == dump_json(reference, indent));
    }
}
