#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "aijri/json/syntax.hpp"

using aijri::detail::find_invalid_utf8;
using aijri::detail::find_syntax_error;
using namespace std::string_view_literals;

namespace {

constexpr std::size_t k_depth = 64;

void check_error(std::string_view text, std::size_t offset, std::string_view pointer,
                 std::string_view message, std::size_t max_depth = k_depth) {
    INFO("text: " << std::string(text));
    const auto error = find_syntax_error(text, max_depth);
    REQUIRE(error.has_value());
    CHECK(error->message == message);
    CHECK(error->offset == offset);
    CHECK(error->pointer == pointer);
}

void check_valid(std::string_view text) {
    INFO("text: " << std::string(text));
    const auto error = find_syntax_error(text, k_depth);
    CHECK_FALSE(error.has_value());
    if (error) {
        INFO("unexpected error: " << error->message << " at " << error->offset);
        CHECK(false);
    }
}

// A heap copy of exactly text.size() bytes, so that ASan reports any read past the end.
std::unique_ptr<char[]> exact_copy(std::string_view text) {
    auto copy = std::make_unique<char[]>(text.size());
    if (!text.empty()) {
        std::memcpy(copy.get(), text.data(), text.size());
    }
    return copy;
}

std::optional<std::size_t> syntax_error_offset_of_exact_copy(std::string_view text) {
    const auto copy = exact_copy(text);
    const auto error = find_syntax_error(std::string_view(copy.get(), text.size()), k_depth);
    if (!error) {
        return std::nullopt;
    }
    return error->offset;
}

// Reference decoder for find_invalid_utf8: decodes each code point and checks its range,
// the opposite approach to the table-driven implementation.
std::optional<std::size_t> reference_invalid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        std::uint32_t code_point = 0;
        if (lead < 0x80) {
            length = 1;
            code_point = lead;
        } else if ((lead & 0xE0u) == 0xC0u) {
            length = 2;
            code_point = lead & 0x1Fu;
        } else if ((lead & 0xF0u) == 0xE0u) {
            length = 3;
            code_point = lead & 0x0Fu;
        } else if ((lead & 0xF8u) == 0xF0u) {
            length = 4;
            code_point = lead & 0x07u;
        } else {
            return i;
        }
        if (text.size() - i < length) {
            return i;
        }
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0u) != 0x80u) {
                return i;
            }
            code_point = (code_point << 6) | (next & 0x3Fu);
        }
        constexpr std::uint32_t k_minimum[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code_point < k_minimum[length] || code_point > 0x10FFFF ||
            (code_point >= 0xD800 && code_point <= 0xDFFF)) {
            return i;
        }
        i += length;
    }
    return std::nullopt;
}

} // namespace

TEST_CASE("valid documents have no syntax error", "[json_syntax]") {
    const std::vector<std::string_view> documents = {
        "{}",
        "[]",
        " \t\r\n{ } \t\r\n",
        "0",
        "-0",
        "0.5e-3",
        "1E+2",
        "-12.75e10",
        "1e5",
        "true",
        "false",
        "null",
        "\"\"",
        R"({"a":[1,2,{"b":null}],"c":{"d":[true,false,[]]}})",
        R"({"tasks":[{"id":"t1","score":4},{"id":"t2","score":-0.5}]})",
        R"(["\"\\\/\b\f\n\r\t\u0041\u00e9\u20AC"])",
        R"(["\uD83D\uDE00 and \ud83d\ude00"])",
        "[\"h\xC3\xA9llo \xE2\x82\xAC \xF0\x9F\x98\x80\"]",
        "[1,[2,[3,[4]]]]",
        "{\"a\" : 1 , \"b\" :\n[ 1 ,2 ] }",
    };
    for (const auto document : documents) {
        check_valid(document);
    }
}

TEST_CASE("an empty file", "[json_syntax]") {
    check_error("", 0, "", "the file is empty: expected a JSON object");
    check_error(" \t\r\n ", 5, "", "the file is empty: expected a JSON object");
}

TEST_CASE("something other than a value where a value is expected", "[json_syntax]") {
    SECTION("an unexpected character") {
        check_error("[1,}", 3, "/1", "expected a JSON value, found '}'");
        check_error(R"({"a": x})", 6, "/a", "expected a JSON value, found 'x'");
        check_error("[,1]", 1, "/0", "expected a JSON value, found ','");
    }
    SECTION("how the character is described") {
        check_error("[\x01]", 1, "/0", "expected a JSON value, found byte 0x01");
        check_error("[\x7F]", 1, "/0", "expected a JSON value, found byte 0x7f");
        check_error("[\xC3\xA9]", 1, "/0", "expected a JSON value, found '\xC3\xA9'");
        check_error("[\xE2\x82\xAC]", 1, "/0", "expected a JSON value, found '\xE2\x82\xAC'");
    }
    SECTION("comments") {
        check_error("// note\n{}", 0, "", "comments are not allowed in JSON");
        check_error("[/* note */ 1]", 1, "/0", "comments are not allowed in JSON");
        check_error("[/]", 1, "/0", "expected a JSON value, found '/'");
    }
    SECTION("NaN and Infinity") {
        check_error(R"({"score": NaN})", 10, "/score", "NaN is not a JSON number");
        check_error("[Infinity]", 1, "/0", "Infinity is not a JSON number");
        check_error("[1, -Infinity]", 4, "/1", "Infinity is not a JSON number");
    }
    SECTION("single quotes") {
        check_error(R"({"a": 'b'})", 6, "/a", "strings must use double quotes, not single quotes");
        check_error("'a'", 0, "", "strings must use double quotes, not single quotes");
    }
}

TEST_CASE("literals must be exactly true, false or null", "[json_syntax]") {
    check_error("tru", 0, "", "invalid literal: expected true");
    check_error("[truth]", 1, "/0", "invalid literal: expected true");
    check_error("[true1]", 1, "/0", "invalid literal: expected true");
    check_error(R"({"a": fals })", 6, "/a", "invalid literal: expected false");
    check_error(R"({"a": nulll})", 6, "/a", "invalid literal: expected null");
    check_error("[nan]", 1, "/0", "invalid literal: expected null");
    check_valid("[true,false,null]");
}

TEST_CASE("numbers follow the JSON grammar", "[json_syntax]") {
    SECTION("a digit after the minus sign") {
        check_error("-", 1, "", "invalid number: expected a digit after '-'");
        check_error("[-a]", 2, "/0", "invalid number: expected a digit after '-'");
        check_error("[-.5]", 2, "/0", "invalid number: expected a digit after '-'");
    }
    SECTION("leading zeros") {
        check_error(R"({"tasks":[{"score":01}]})", 20, "/tasks/0/score",
                    "invalid number: leading zeros are not allowed");
        check_error("-007", 2, "", "invalid number: leading zeros are not allowed");
    }
    SECTION("a digit after the decimal point") {
        check_error("1.", 2, "", "invalid number: expected a digit after the decimal point");
        check_error("[1.e5]", 3, "/0", "invalid number: expected a digit after the decimal point");
    }
    SECTION("a digit in the exponent") {
        check_error("1e", 2, "", "invalid number: expected a digit in the exponent");
        check_error("[1e+]", 4, "/0", "invalid number: expected a digit in the exponent");
        check_error("[1E-x]", 4, "/0", "invalid number: expected a digit in the exponent");
    }
    SECTION("a leading plus") {
        check_error("[+1]", 1, "/0", "invalid number: a leading '+' is not allowed");
    }
    SECTION("a digit before the decimal point") {
        check_error("[.5]", 1, "/0", "invalid number: expected a digit before the decimal point");
    }
    SECTION("something stuck to the number") {
        check_error("[12abc]", 3, "/0", "invalid number: unexpected 'a' after the number");
        check_error("[1.5x]", 4, "/0", "invalid number: unexpected 'x' after the number");
        check_error("0x1F", 1, "", "invalid number: unexpected 'x' after the number");
        check_error("[1.2.3]", 4, "/0", "invalid number: unexpected '.' after the number");
        check_error("1\xC3\xA9", 1, "", "invalid number: unexpected '\xC3\xA9' after the number");
        check_error("1\xFF", 1, "", "invalid UTF-8: byte 0xff");
    }
}

TEST_CASE("strings", "[json_syntax]") {
    SECTION("control characters must be escaped") {
        check_error("[\"a\nb\"]", 3, "/0", "control character U+000A must be escaped in a string");
        check_error("[\"a\x1F\"]", 3, "/0", "control character U+001F must be escaped in a string");
        check_error("[\"a\0b\"]"sv, 3, "/0",
                    "control character U+0000 must be escaped in a string");
    }
    SECTION("invalid escape sequences") {
        check_error(R"({"a":"x\qy"})", 7, "/a", "invalid escape sequence '\\q' in a string");
        check_error(R"(["\'"])", 2, "/0", "invalid escape sequence '\\'' in a string");
        check_error("[\"\\\x01\"]", 2, "/0", "invalid escape sequence in a string");
        check_error("[\"\\\xC3\xA9\"]", 2, "/0", "invalid escape sequence in a string");
    }
    SECTION("\\u escapes need four hex digits") {
        check_error(R"(["ab\u12G4"])", 4, "/0",
                    "invalid \\u escape: expected four hexadecimal digits");
        check_error(R"(["\u12"])", 2, "/0", "invalid \\u escape: expected four hexadecimal digits");
    }
    SECTION("surrogates must be paired") {
        check_error(R"(["\uD800"])", 2, "/0", "invalid \\u escape: unpaired surrogate \\uD800");
        check_error(R"(["\ud800x"])", 2, "/0", "invalid \\u escape: unpaired surrogate \\uD800");
        check_error(R"(["\udbff\u0041"])", 2, "/0",
                    "invalid \\u escape: unpaired surrogate \\uDBFF");
        check_error(R"(["\uD800\uD800"])", 2, "/0",
                    "invalid \\u escape: unpaired surrogate \\uD800");
        check_error(R"(["ok \uDC00"])", 5, "/0", "invalid \\u escape: unpaired surrogate \\uDC00");
        check_error(R"(["\uD83D\uDE00\uDE00"])", 14, "/0",
                    "invalid \\u escape: unpaired surrogate \\uDE00");
    }
    SECTION("unterminated strings") {
        const std::string message = "unterminated string: the file ends before its closing '\"'";
        check_error(R"("abc)", 0, "", message);
        check_error(R"({"a": "abc)", 6, "/a", message);
        check_error(R"({"ab)", 1, "", message);
        check_error(R"(["abc\)", 1, "/0", message);
        check_error(R"(["\u12)", 1, "/0", message);
        check_error(R"(["\uD800)", 1, "/0", message);
        check_error(R"(["\uD800\uDC)", 1, "/0", message);
    }
}

TEST_CASE("invalid UTF-8 is reported at its first byte", "[json_syntax]") {
    SECTION("inside strings") {
        check_error("[\"a\xFF\"]", 3, "/0", "invalid UTF-8: byte 0xff");
        check_error("[\"\xC0\x80\"]", 2, "/0", "invalid UTF-8: byte 0xc0");         // overlong
        check_error("[\"\xE0\x80\xAF\"]", 2, "/0", "invalid UTF-8: byte 0xe0");     // overlong
        check_error("[\"\xED\xA0\x80\"]", 2, "/0", "invalid UTF-8: byte 0xed");     // surrogate
        check_error("[\"\xF4\x90\x80\x80\"]", 2, "/0", "invalid UTF-8: byte 0xf4"); // > U+10FFFF
        check_error("[\"\xE2\x82\"]", 2, "/0", "invalid UTF-8: byte 0xe2");         // truncated
        check_error("[\"\xC3\xA9\x80\"]", 4, "/0", "invalid UTF-8: byte 0x80");     // stray
        check_error("{\"k\xE9y\": 1}", 3, "", "invalid UTF-8: byte 0xe9");          // Latin-1 key
    }
    SECTION("outside strings") {
        check_error("[\xFF]", 1, "/0", "invalid UTF-8: byte 0xff");
        check_error("{} \xE9", 3, "", "invalid UTF-8: byte 0xe9");
        check_error("[1 \x80]", 3, "", "invalid UTF-8: byte 0x80");
    }
}

TEST_CASE("objects", "[json_syntax]") {
    SECTION("a trailing comma") {
        check_error(R"({"a":1,})", 7, "", "trailing comma before '}'");
        check_error(R"({"a":{"b":1 , }})", 14, "/a", "trailing comma before '}'");
    }
    SECTION("keys must be strings") {
        check_error("{x}", 1, "", "expected a string key or '}', found 'x'");
        check_error(R"({"a":1, x})", 8, "", "expected a string key, found 'x'");
        check_error(R"({"a":{"b":1,2}})", 12, "/a", "expected a string key, found '2'");
        check_error("{'a': 1}", 1, "", "strings must use double quotes, not single quotes");
        check_error("{ // note\n}", 2, "", "comments are not allowed in JSON");
    }
    SECTION("a colon after the key") {
        check_error(R"({"a" 1})", 5, "", "expected ':' after the key \"a\", found '1'");
        check_error(R"({"x":{"a\u00e9\n" =}})", 18, "/x",
                    "expected ':' after the key \"a\xC3\xA9\n\", found '='");
        const std::string long_key(45, 'k');
        check_error("{\"" + long_key + "\"}", 48, "",
                    "expected ':' after the key \"" + std::string(40, 'k') +
                        "\xE2\x80\xA6\", found '}'");
        // 39 ASCII bytes then a two-byte character: the cut must not split it.
        const std::string key = std::string(39, 'k') + "\xC3\xA9" + "tail";
        check_error("{\"" + key + "\";", 48, "",
                    "expected ':' after the key \"" + std::string(39, 'k') +
                        "\xE2\x80\xA6\", found ';'");
    }
    SECTION("a comma or closing brace after a member") {
        check_error(R"({"a":1 "b":2})", 7, "",
                    "expected ',' or '}' after a member of the object, found '\"'");
        check_error(R"({"a":{"b":true]})", 14, "/a",
                    "expected ',' or '}' after a member of the object, found ']'");
        check_error("{\"a\":1 /* note */}", 7, "", "comments are not allowed in JSON");
    }
}

TEST_CASE("arrays", "[json_syntax]") {
    check_error("[1,]", 3, "", "trailing comma before ']'");
    check_error(R"({"a":[1, 2 ,
]})",
                13, "/a", "trailing comma before ']'");
    check_error("[1 2]", 3, "", "expected ',' or ']' after an element of the array, found '2'");
    check_error(R"({"a":[[1],[2}]})", 12, "/a/1",
                "expected ',' or ']' after an element of the array, found '}'");
    check_error("[\"a\" \"b\"]", 5, "",
                "expected ',' or ']' after an element of the array, found '\"'");
    check_error("[1, // note\n2]", 4, "/1", "comments are not allowed in JSON");
}

TEST_CASE("the file ends inside an array or object", "[json_syntax]") {
    const std::string object = "unexpected end of file: the object is not closed (expected '}')";
    const std::string array = "unexpected end of file: the array is not closed (expected ']')";
    check_error("{", 1, "", object);
    check_error("{\"a\"", 4, "", object);
    check_error("{\"a\": ", 6, "", object);
    check_error("{\"a\":1", 6, "", object);
    check_error("{\"a\":1,", 7, "", object);
    check_error("[", 1, "", array);
    check_error("[1,", 3, "", array);
    check_error("{\"a\":[1 ", 8, "/a", array);
    check_error("{\"a\":[{\"b\":[]}", 14, "/a", array);
}

TEST_CASE("nesting depth is limited", "[json_syntax]") {
    check_valid("[[1]]");
    check_error("[[[1]]]", 2, "/0/0", "nesting deeper than 2 levels", 2);
    check_error(R"({"a":{"b":[]}})", 10, "/a/b", "nesting deeper than 2 levels", 2);
    check_error("[]", 0, "", "nesting deeper than 0 levels", 0);

    SECTION("200,000 levels fail at the limit, without recursion") {
        const std::string deep(200'000, '[');
        std::string pointer;
        for (std::size_t i = 0; i < k_depth; ++i) {
            pointer += "/0";
        }
        check_error(deep, k_depth, pointer, "nesting deeper than 64 levels");
    }
    SECTION("200,000 levels within a larger limit are scanned iteratively") {
        const std::size_t levels = 200'000;
        const std::string deep = std::string(levels, '[') + std::string(levels, ']');
        CHECK_FALSE(find_syntax_error(deep, levels).has_value());
        const auto unclosed = find_syntax_error(std::string(levels, '['), levels);
        REQUIRE(unclosed.has_value());
        CHECK(unclosed->offset == levels);
        CHECK(unclosed->pointer.size() == 2 * (levels - 1));
    }
}

TEST_CASE("nothing may follow the document", "[json_syntax]") {
    check_error("{} x", 3, "", "unexpected 'x' after the end of the JSON document");
    check_error("1 2", 2, "", "unexpected '2' after the end of the JSON document");
    check_error("[]]", 2, "", "unexpected ']' after the end of the JSON document");
    check_error("{}\n// note", 3, "", "comments are not allowed in JSON");
    check_valid("{}\n\n");
}

TEST_CASE("a NUL byte is an unexpected byte outside strings", "[json_syntax]") {
    check_error("{}\0"sv, 2, "", "unexpected byte 0x00 after the end of the JSON document");
    check_error("\0{}"sv, 0, "", "expected a JSON value, found byte 0x00");
    check_error("[1 \0]"sv, 3, "",
                "expected ',' or ']' after an element of the array, found byte 0x00");
    check_error("[1\0]"sv, 2, "/0", "invalid number: unexpected byte 0x00 after the number");
}

TEST_CASE("JSON pointers", "[json_syntax]") {
    check_error(R"({"tasks":[1,2,{"score":x}]})", 23, "/tasks/2/score",
                "expected a JSON value, found 'x'");
    check_error(R"({"a/b":{"m~n":[0, tru]}})", 18, "/a~1b/m~0n/1",
                "invalid literal: expected true");
    check_error(R"({"\u00e9\/":[x]})", 13, "/\xC3\xA9~1/0", "expected a JSON value, found 'x'");
    check_error(R"({"a":1, "b": [1, 2] x})", 20, "",
                "expected ',' or '}' after a member of the object, found 'x'");
}

TEST_CASE("the scanner never reads past the text", "[json_syntax]") {
    // Every prefix of these documents, in buffers of exactly that size (ASan checks).
    const std::vector<std::string_view> documents = {
        R"({"a":[1,-2.5e+3,true,false,null,"x\u00e9\uD83D\uDE00\n"],"b":{}})",
        "[\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\", 0, -0.0E-0]",
        R"({"k":"\uD800\uDC00"})",
    };
    for (const auto document : documents) {
        REQUIRE_FALSE(syntax_error_offset_of_exact_copy(document).has_value());
        for (std::size_t length = 0; length < document.size(); ++length) {
            const auto prefix = document.substr(0, length);
            INFO("prefix: " << std::string(prefix));
            const auto offset = syntax_error_offset_of_exact_copy(prefix);
            REQUIRE(offset.has_value());
            CHECK(*offset <= length);
        }
    }
}

TEST_CASE("random input is handled", "[json_syntax]") {
    // Mostly JSON-like bytes, so that the scanner gets deep into its states.
    constexpr std::string_view k_alphabet =
        "{}[]\",:\\u0123456789.eE+-tfnrl aD8C\n\x01\x80\xC3\xFF";
    std::mt19937 random(12345);
    std::uniform_int_distribution<std::size_t> pick(0, k_alphabet.size() - 1);
    std::uniform_int_distribution<std::size_t> length_of(0, 40);
    for (int round = 0; round < 20'000; ++round) {
        std::string text;
        const std::size_t length = length_of(random);
        for (std::size_t i = 0; i < length; ++i) {
            text += k_alphabet[pick(random)];
        }
        const auto copy = exact_copy(text);
        const std::string_view view(copy.get(), text.size());
        const auto error = find_syntax_error(view, 4);
        if (error) {
            CHECK(error->offset <= text.size());
            CHECK_FALSE(error->message.empty());
        } else {
            // Valid JSON is valid UTF-8.
            CHECK_FALSE(find_invalid_utf8(view).has_value());
        }
    }
}

TEST_CASE("find_invalid_utf8", "[json_syntax]") {
    SECTION("valid text") {
        CHECK_FALSE(find_invalid_utf8("").has_value());
        CHECK_FALSE(
            find_invalid_utf8("plain ASCII text that is longer than eight bytes").has_value());
        CHECK_FALSE(find_invalid_utf8("\xC2\x80 \xDF\xBF \xE0\xA0\x80 \xED\x9F\xBF \xEE\x80\x80 "
                                      "\xEF\xBF\xBF \xF0\x90\x80\x80 \xF4\x8F\xBF\xBF")
                        .has_value());
        CHECK_FALSE(find_invalid_utf8("\0\0\0\0\0\0\0\0\0"sv).has_value());
    }
    SECTION("invalid sequences, at every alignment of the eight-byte fast path") {
        const std::vector<std::string_view> invalid = {
            "\x80",
            "\xBF",
            "\xC0\x80",
            "\xC1\xBF",
            "\xE0\x80\x80",
            "\xE0\x9F\xBF",
            "\xED\xA0\x80",
            "\xED\xBF\xBF",
            "\xF0\x80\x80\x80",
            "\xF0\x8F\xBF\xBF",
            "\xF4\x90\x80\x80",
            "\xF5\x80\x80\x80",
            "\xFE",
            "\xFF",
            "\xC3",
            "\xE2\x82",
            "\xF0\x9F\x98",
            "\xC3\x41",
            "\xE2\x82\x41",
            "\xF0\x9F\x98\x41",
        };
        for (const auto sequence : invalid) {
            for (std::size_t padding = 0; padding < 17; ++padding) {
                const std::string text = std::string(padding, 'a') + std::string(sequence) + "zz";
                INFO("padding " << padding << ", sequence of " << sequence.size() << " bytes");
                CHECK(find_invalid_utf8(text) == padding);
                // A valid character first moves the fast path off its alignment.
                CHECK(find_invalid_utf8("\xC3\xA9" + text) == padding + 2);
            }
            const auto copy = exact_copy(sequence);
            CHECK(find_invalid_utf8(std::string_view(copy.get(), sequence.size())) == 0u);
        }
    }
    SECTION("agrees with a decoding reference on every sequence of up to three bytes") {
        std::string text(3, '\0');
        for (unsigned first = 0x80; first < 0x100; ++first) {
            for (unsigned second = 0; second < 0x100; ++second) {
                text[0] = static_cast<char>(first);
                text[1] = static_cast<char>(second);
                const auto two = std::string_view(text).substr(0, 2);
                REQUIRE(find_invalid_utf8(two) == reference_invalid_utf8(two));
                if (first < 0xE0 || first > 0xF4) {
                    continue;
                }
                for (unsigned third = 0x40; third < 0x100; third += 0x3F) {
                    text[2] = static_cast<char>(third);
                    REQUIRE(find_invalid_utf8(text) == reference_invalid_utf8(text));
                }
            }
        }
    }
    SECTION("agrees with a decoding reference on random text") {
        std::mt19937 random(6789);
        std::uniform_int_distribution<unsigned> byte(0, 255);
        for (int round = 0; round < 20'000; ++round) {
            std::string text(12, '\0');
            for (auto& c : text) {
                const unsigned value = byte(random);
                c = static_cast<char>(value < 96 ? 'a' : value); // bias towards ASCII runs
            }
            REQUIRE(find_invalid_utf8(text) == reference_invalid_utf8(text));
        }
    }
}

TEST_CASE("UTF-8 sequences decode to their code points, one to four bytes") {
    const std::string_view text = "A\xC3\xA9\xE2\x80\xAE\xF0\x9F\x98\x80"sv; // A é U+202E 😀
    std::vector<std::uint32_t> decoded;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = aijri::detail::utf8_sequence_length(text, i);
        REQUIRE(length > 0);
        decoded.push_back(aijri::detail::decode_utf8(text, i, length));
        i += length;
    }
    CHECK(decoded == std::vector<std::uint32_t>{0x41, 0xE9, 0x202E, 0x1F600});
}
