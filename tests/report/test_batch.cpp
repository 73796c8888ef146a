// The escapes of every output format: text from a file (titles, rationales, messages that
// quote it) and file names can hold anything.
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "aijri/json/dump.hpp"
#include "aijri/report/batch.hpp"
#include "aijri/report/json.hpp"

#include "json/dom.hpp"

using namespace aijri;

namespace {

const std::string k_hostile = "a\x1b]0;t\x07\x1b[31m\xe2\x80\xae\xc2\x9b\xff";
const std::string k_hostile_shown = "a\\x1b]0;t\\x07\\x1b[31m\\u202e\\u009b\\xff";

} // namespace

TEST_CASE("csv: RFC 4180 quoting, the formula guard, and no raw control characters") {
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\r\nlines") == "two  lines");
    CHECK(csv_field("two\r\nlines", /*keep_newlines=*/true) == "\"two\nlines\"");
    CHECK(csv_field("x\n::error::injected") == "x ::error::injected");
    CHECK(csv_field("=1+1") == "'=1+1");
    CHECK(csv_field("  @SUM(A1)") == "'  @SUM(A1)");
    CHECK(csv_field("\t=cmd") == "' =cmd");
    CHECK(csv_field("-x.json") == "'-x.json");
    CHECK(csv_field(k_hostile) == k_hostile_shown);
}

TEST_CASE("junit: XML escapes, valid UTF-8, no control characters") {
    CHECK(xml_escape("<a href=\"x\">&'</a>") ==
          "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
    CHECK(xml_escape(k_hostile) == k_hostile_shown);
    CHECK(xml_escape("two\nlines") == "two lines");
}

TEST_CASE("github: workflow command escapes, and nothing that acts on the log") {
    CHECK(github_escape_data("50%\nnext\r\n") == "50%25%0Anext%0A");
    CHECK(github_escape_property("a:b,c") == "a%3Ab%2Cc");
    CHECK(github_escape_data(k_hostile) == k_hostile_shown);
    // A file name cannot start a workflow command of its own: its line break is encoded.
    CHECK(github_escape_property("x\n::error::pwned") == "x%0A%3A%3Aerror%3A%3Apwned");
}

TEST_CASE("markdown: file text is shown as text") {
    CHECK(markdown_cell("a | b") == "a \\| b");
    CHECK(markdown_cell("[click](http://x) ![i](http://x/i.png) <b>bold</b> *em* _u_ ~s~ `c`") ==
          "\\[click\\](http\\://x) !\\[i\\](http\\://x/i.png) \\<b\\>bold\\</b\\> \\*em\\* \\_u\\_ "
          "\\~s\\~ \\`c\\`");
    CHECK(markdown_cell("&#x202e; &amp;") == "\\&#x202e; \\&amp;"); // no entity brings it back
    CHECK(markdown_cell("two\nlines\\") == "two lines\\\\");
    // Spaces at the ends survive a table cell and keep **bold** bold; inner ones stay spaces.
    CHECK(markdown_cell(" id\t") == "&#32;id&#32;");
    CHECK(markdown_cell("a b") == "a b");
    CHECK(markdown_cell("  ") == "&#32;&#32;");
    // No autolink: GFM links bare URLs, www. and e-mail addresses in text (checked by
    // cmark-gfm in the CLI tests).
    CHECK(markdown_cell("see https://x.org or www.x.org, or mail a@b.com") ==
          "see https\\://x.org or www\\.x.org, or mail a@<!-- -->b.com");
    CHECK(markdown_cell(k_hostile) ==
          "a\\\\x1b\\]0;t\\\\x07\\\\x1b\\[31m\\\\u202e\\\\u009b\\\\xff");
}

TEST_CASE("markdown: a file name is a code span that its backticks cannot close") {
    CHECK(markdown_code("dir/a.json") == "`dir/a.json`");
    CHECK(markdown_code("a|b.json") == "`a\\|b.json`");
    CHECK(markdown_code("a`b``c.json") == "```a`b``c.json```");
    CHECK(markdown_code("`a.json") == "`` `a.json ``");
    CHECK(markdown_code("x\x1b[31m\n.json") == "`x\\x1b[31m .json`");
}

TEST_CASE("JSON output never throws and carries nothing that acts on a terminal") {
    nlohmann::ordered_json value = {{"file", "caf\xe9.json"}, {"title", k_hostile}};
    const std::string text = dump_json(value);
    // The file name's byte is not UTF-8: it becomes U+FFFD; everything else is a \u escape
    // of the same character, so the value reads back unchanged.
    CHECK(text == "{\"file\":\"caf\xef\xbf\xbd.json\",\"title\":\"a\\u001b]0;t\\u0007\\u001b[31m"
                  "\\u202e\\u009b\xef\xbf\xbd\"}");
    const auto back = nlohmann::json::parse(text);
    CHECK(back["title"] == "a\x1b]0;t\x07\x1b[31m\xe2\x80\xae\xc2\x9b\xef\xbf\xbd");
    CHECK(dump_json(nlohmann::ordered_json{{"a", "é😀\xe2\x80\xa8\x7f"}}, 2) ==
          "{\n  \"a\": \"é😀\\u2028\\u007f\"\n}");
    // A string alone, as the assessment writer quotes every text it writes.
    CHECK(dump_json_string(k_hostile) == dump_json(nlohmann::ordered_json(k_hostile)));
}
