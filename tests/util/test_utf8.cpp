// UTF-8 in one place: the decoder every writer escapes with, and the encoder every reader of
// \u escapes and character references writes with.
#include <cstdint>
#include <string>

#include <catch2/catch.hpp>

#include "aijri/util/utf8.hpp"

using namespace aijri::detail;

TEST_CASE("utf8_char_at gives a character's length and code point, or 0 for a stray byte") {
    CHECK(utf8_char_at("a", 0).length == 1);
    CHECK(utf8_char_at("a", 0).code_point == 0x61U);
    const std::string text = "x\xc3\xa9\xe2\x80\xae\xf0\x9f\x98\x80";
    CHECK(utf8_char_at(text, 1).length == 2);
    CHECK(utf8_char_at(text, 1).code_point == 0xE9U);
    CHECK(utf8_char_at(text, 3).length == 3);
    CHECK(utf8_char_at(text, 3).code_point == 0x202EU);
    CHECK(utf8_char_at(text, 6).length == 4);
    CHECK(utf8_char_at(text, 6).code_point == 0x1F600U);
    // Not UTF-8: a continuation byte alone, an overlong form, a cut sequence.
    CHECK(utf8_char_at("\x80", 0).length == 0);
    CHECK(utf8_char_at("\x80", 0).code_point == 0x80U);
    CHECK(utf8_char_at("\xc0\xaf", 0).length == 0);
    CHECK(utf8_char_at("\xe2\x80", 0).length == 0);
}

TEST_CASE("append_utf8 writes what utf8_char_at reads") {
    for (const std::uint32_t code_point :
         {0x24U, 0x7FU, 0x80U, 0x7FFU, 0x800U, 0x20ACU, 0xFFFFU, 0x10000U, 0x1F600U, 0x10FFFFU}) {
        INFO(code_point);
        std::string out = "<";
        append_utf8(out, code_point);
        const Utf8Char c = utf8_char_at(out, 1);
        CHECK(c.length == out.size() - 1);
        CHECK(c.code_point == code_point);
    }
}

TEST_CASE("a lead byte announces a length, whatever follows it") {
    CHECK(utf8_lead_length('a') == 1);
    CHECK(utf8_lead_length('\x80') == 1); // a continuation byte steps on by one
    CHECK(utf8_lead_length('\xc3') == 2);
    CHECK(utf8_lead_length('\xe2') == 3);
    CHECK(utf8_lead_length('\xf0') == 4);
    CHECK(is_utf8_continuation('\xa9'));
    CHECK_FALSE(is_utf8_continuation('\xc3'));
    CHECK_FALSE(is_utf8_continuation('a'));
}
