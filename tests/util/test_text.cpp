// Text for terminals: what reaches a terminal is never a control character or an escape.
#include <string>

#include <catch2/catch.hpp>

#include "aijri/util/text.hpp"

using aijri::sanitize;

TEST_CASE("sanitize shows control characters, escapes and bidi overrides as escapes") {
    CHECK(sanitize("plain café 😀") == "plain café 😀");
    CHECK(sanitize("\x1b[31mred\x1b[0m") == "\\x1b[31mred\\x1b[0m");
    CHECK(sanitize("\x1b]0;title\x07") == "\\x1b]0;title\\x07");
    CHECK(sanitize("del\x7f") == "del\\x7f");
    CHECK(sanitize("c1 \xc2\x9b"
                   "31m") == "c1 \\u009b31m"); // CSI as a C1 control
    CHECK(sanitize("rtl \xe2\x80\xae"
                   "gnp.exe") == "rtl \\u202egnp.exe");
    CHECK(sanitize("line\xe2\x80\xa8sep") == "line\\u2028sep");
    CHECK(sanitize(std::string("nul\0byte", 8)) == "nul\\x00byte");
}

TEST_CASE("sanitize shows bytes that are not UTF-8 as bytes") {
    // A Latin-1 file name; a lone 0x9b is CSI on a terminal that is not in UTF-8 mode.
    CHECK(sanitize("caf\xe9.json") == "caf\\xe9.json");
    CHECK(sanitize("\x9b"
                   "31m") == "\\x9b31m");
    CHECK(sanitize("cut \xe2\x82") == "cut \\xe2\\x82");
    CHECK(sanitize("overlong \xc0\xaf") == "overlong \\xc0\\xaf");
    CHECK(sanitize("surrogate \xed\xa0\x80") == "surrogate \\xed\\xa0\\x80");
}

TEST_CASE("sanitize keeps line breaks when asked, and is idempotent") {
    CHECK(sanitize("a\nb\tc\r\nd") == "a b c  d");
    CHECK(sanitize("a\nb\tc\r\nd", true) == "a\nb c\nd");
    const std::string hostile = "\x1b[2J\xff\xe2\x80\xae\n\x07\\x1b";
    CHECK(sanitize(sanitize(hostile)) == sanitize(hostile));
    CHECK(sanitize(sanitize(hostile, true), true) == sanitize(hostile, true));
}

TEST_CASE("wrap cuts a word longer than a line into full lines, each byte written once") {
    // Once quadratic (10 MB took minutes): the rest of the word was copied again for every
    // line cut off it. Timing belongs in bench/; here the output is held to the size of the
    // input, which a piece written twice or a line cut short would break.
    const std::string word(2'000'000, 'x');
    const auto lines = aijri::wrap(word, 100);
    REQUIRE(lines.size() == 20'000);
    std::size_t bytes = 0;
    std::size_t full_lines = 0;
    for (const std::string& line : lines) {
        bytes += line.size();
        full_lines += line == std::string(100, 'x') ? 1U : 0U;
    }
    CHECK(bytes == word.size());
    CHECK(full_lines == lines.size());
    CHECK(aijri::wrap("ab cd éé " + std::string(10, 'y'), 8) ==
          std::vector<std::string>{"ab cd éé", "yyyyyyyy", "yy"});
}

TEST_CASE("display_width and wrap give colour escapes no width") {
    CHECK(aijri::display_width("\x1b[1;32mGreen\x1b[0m") == 5);
    CHECK(aijri::display_width("\x1b[1mé\x1b[0m") == 1);
    // A cut escape (no final byte) is still an escape, never a character.
    CHECK(aijri::display_width("ab\x1b[1;3") == 2);
    CHECK(aijri::wrap("\x1b[1mone\x1b[0m two three", 9) ==
          std::vector<std::string>{"\x1b[1mone\x1b[0m two", "three"});
    // A word longer than a line is cut by cells; its escapes stay whole.
    CHECK(aijri::wrap("\x1b[1mabcdefghij\x1b[0m", 8) ==
          std::vector<std::string>{"\x1b[1mabcdefgh", "ij\x1b[0m"});
}
