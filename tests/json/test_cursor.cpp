// The JSON cursor, fed strings: what a walk sees (keys, kinds, pointers, exact numbers) and
// what it reports, each message whole with its line, column and JSON pointer.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "aijri/json/cursor.hpp"
#include "aijri/json/limits.hpp"
#include "aijri/json/padded_text.hpp"
#include "aijri/util/text.hpp"

using namespace aijri;
using aijri::detail::JsonCursor;
using aijri::detail::JsonKind;
using aijri::detail::JsonNode;

namespace {

using Lines = std::vector<std::string>;

struct Walked {
    Lines messages; // as the CLI prints them, without the source line
    std::size_t root_calls = 0;
};

// Walks `text` with read_root in place, in a buffer where 64 `padding` bytes follow it
// before the buffer's own padding: the walk must stop at the end of the text whatever
// follows.
Walked walk(std::string_view text, const std::function<void(JsonCursor&, JsonNode&)>& read_root,
            char padding = '\0') {
    constexpr std::size_t k_after = 64;
    PaddedBuffer buffer;
    buffer.reserve(text.size() + k_after);
    std::copy(text.begin(), text.end(), buffer.data());
    std::fill_n(buffer.data() + text.size(), k_after, padding);
    buffer.set_size(text.size() + k_after);
    const PaddedText padded = buffer.part(0, text.size());
    Diagnostics diagnostics;
    JsonCursor cursor(padded.view(), diagnostics);
    simdjson::ondemand::parser parser;
    Walked out;
    detail::walk_document(parser, padded, cursor, diagnostics, "an assessment object",
                          [&](JsonNode& root) {
                              ++out.root_calls;
                              read_root(cursor, root);
                          });
    for (const Diagnostic& d : diagnostics) {
        out.messages.push_back(format_diagnostic("t.json", d));
    }
    return out;
}

Lines errors_of(std::string_view text) {
    return walk(text, [](JsonCursor& cursor, JsonNode& root) { cursor.skip(root); }).messages;
}

std::string kind_name(JsonKind kind) {
    switch (kind) {
    case JsonKind::object:
        return "object";
    case JsonKind::array:
        return "array";
    case JsonKind::string:
        return "string";
    case JsonKind::number:
        return "number";
    case JsonKind::boolean:
        return "boolean";
    case JsonKind::null:
        return "null";
    }
    return "?";
}

// Every leaf of a document as "pointer kind line:column", depth first.
Lines leaves(std::string_view text) {
    Lines out;
    std::function<void(JsonCursor&, JsonNode&)> visit = [&](JsonCursor& cursor, JsonNode& node) {
        const JsonKind kind = cursor.kind_of(node);
        if (kind == JsonKind::object) {
            cursor.for_each_member(node, [&](std::string_view, JsonNode& member, std::size_t) {
                visit(cursor, member);
            });
            return;
        }
        if (kind == JsonKind::array) {
            cursor.for_each_element(node, [&](JsonNode& element) { visit(cursor, element); });
            return;
        }
        const SourcePosition at = cursor.position_of(node.offset);
        out.push_back(node.pointer() + " " + kind_name(kind) + " " + std::to_string(at.line) + ":" +
                      std::to_string(at.column));
        cursor.skip(node);
    };
    const Walked w = walk(text, visit);
    CHECK(w.messages.empty());
    return out;
}

Rational q(std::int64_t numerator, std::int64_t denominator = 1) {
    return Rational(numerator) / Rational(denominator);
}

} // namespace

TEST_CASE("cursor: a walk visits every member and element, with its pointer and position") {
    CHECK(leaves("{\"a\": [1, {\"b~/c\": true}],\n \"d\": null, \"\": \"s\", \"e\": []}") ==
          Lines{"/a/0 number 1:8", "/a/1/b~0~1c boolean 1:20", "/d null 2:7", "/ string 2:17"});
    // Columns count characters, not bytes: "é" is two bytes, one column.
    CHECK(leaves("{\"é\": 1, \"f\": [\"é\", 2]}") ==
          Lines{"/é number 1:7", "/f/0 string 1:16", "/f/1 number 1:21"});
}

TEST_CASE("cursor: members come with their key and the offset of its opening quote") {
    Lines seen;
    std::size_t elements = 0;
    const Walked w =
        walk("{\"x\": 1,\n  \"y\\u0041\": [true, false, null]}",
             [&](JsonCursor& cursor, JsonNode& root) {
                 cursor.for_each_member(root, [&](std::string_view key, JsonNode& member,
                                                  std::size_t key_offset) {
                     const SourcePosition at = cursor.position_of(key_offset);
                     seen.push_back(std::string(key) + "@" + std::to_string(at.line) + ":" +
                                    std::to_string(at.column));
                     if (cursor.kind_of(member) == JsonKind::array) {
                         elements =
                             cursor.for_each_element(member, [&](JsonNode& e) { cursor.skip(e); });
                     } else {
                         cursor.skip(member);
                     }
                 });
             });
    CHECK(w.messages.empty());
    CHECK(w.root_calls == 1);
    CHECK(seen == Lines{"x@1:2", "yA@2:3"}); // the key unescaped
    CHECK(elements == 3);
}

TEST_CASE("cursor: kind_of and describe name every kind of value") {
    Lines described;
    Lines kinds;
    walk(R"([{"a": 1}, [2], "twenty %", 1.50, -0, true, false, null,
             "a string much longer than forty characters, cut short"])",
         [&](JsonCursor& cursor, JsonNode& root) {
             cursor.for_each_element(root, [&](JsonNode& element) {
                 kinds.push_back(kind_name(cursor.kind_of(element)));
                 described.push_back(cursor.describe(element));
             });
         });
    CHECK(kinds == Lines{"object", "array", "string", "number", "number", "boolean", "boolean",
                         "null", "string"});
    CHECK(described == Lines{"an object", "an array", "a string \"twenty %\"", "1.50", "-0", "true",
                             "false", "null",
                             "a string \"a string much longer than forty characte…\""});
}

TEST_CASE("cursor: numbers are read exactly from their text, with their decimals") {
    std::vector<DecimalLiteral> numbers;
    const Walked w = walk("[0.1, -2.50, 22.35, 1e2, 12.5e-1, 0, 123456789012345678.5]",
                          [&](JsonCursor& cursor, JsonNode& root) {
                              cursor.for_each_element(root, [&](JsonNode& element) {
                                  const auto n = cursor.read_number(element, "a number");
                                  REQUIRE(n);
                                  numbers.push_back(*n);
                              });
                          });
    CHECK(w.messages.empty());
    REQUIRE(numbers.size() == 7);
    // 0.1 is 1/10, not the double nearest to it.
    CHECK(numbers[0].value == q(1, 10));
    CHECK(numbers[0].decimals == 1);
    CHECK(numbers[1].value == q(-5, 2));
    CHECK(numbers[1].decimals == 2);
    CHECK(numbers[2].value == q(447, 20));
    CHECK(numbers[2].decimals == 2);
    CHECK(numbers[3].value == q(100));
    CHECK(numbers[4].value == q(5, 4));
    CHECK(numbers[5].value == q(0));
    CHECK(numbers[5].decimals == 0);
    CHECK(numbers[6].value == q(246913578024691357, 2));
}

TEST_CASE("cursor: typed reads say what they expected and what they found, where") {
    const auto read = [](std::string_view text) {
        return walk(text,
                    [](JsonCursor& cursor, JsonNode& root) {
                        cursor.for_each_member(
                            root, [&](std::string_view key, JsonNode& value, std::size_t) {
                                if (key == "int") {
                                    cursor.read_integer(value, 1, 5);
                                } else if (key == "num") {
                                    cursor.read_number(value, "a percentage");
                                } else if (key == "str") {
                                    cursor.read_nonempty_string(value);
                                } else if (key == "bool") {
                                    cursor.read_bool(value);
                                } else if (key == "obj") {
                                    cursor.expect_object(value);
                                } else if (key == "arr") {
                                    cursor.expect_array(value);
                                }
                            });
                    })
            .messages;
    };
    CHECK(read("{\"int\": 3, \"int\": 2}") ==
          Lines{"t.json:1:12: error: /int: duplicate key \"int\" (first at line 1, column 2)"});
    // An integer may be written 2.0 or 1e0: the value counts, not the spelling.
    CHECK(read("{\"int\": 2.0}").empty());
    CHECK(read("{\"int\": 1e0}").empty());
    CHECK(read("{\"int\": 7}") ==
          Lines{"t.json:1:9: error: /int: expected an integer from 1 to 5, found 7"});
    CHECK(read("{\"int\": 2.5}") ==
          Lines{"t.json:1:9: error: /int: expected an integer from 1 to 5, found 2.5"});
    CHECK(read("{\"int\": \"3\"}") ==
          Lines{"t.json:1:9: error: /int: expected an integer from 1 to 5, found a string \"3\""});
    CHECK(read("{\"num\": [20]}") ==
          Lines{"t.json:1:9: error: /num: expected a percentage, found an array"});
    CHECK(read("{\"num\": 1e999}") ==
          Lines{"t.json:1:9: error: /num: expected a percentage, found 1e999, which is out of "
                "range (at most 18 digits before and 18 after the decimal point, 24 in all)"});
    CHECK(read("{\"str\": \" \\t\"}") ==
          Lines{"t.json:1:9: error: /str: expected a non-empty string, found an empty one"});
    CHECK(read("{\"str\": null}") ==
          Lines{"t.json:1:9: error: /str: expected a string, found null"});
    CHECK(read("{\"bool\": \"yes\"}") ==
          Lines{"t.json:1:10: error: /bool: expected true or false, found a string \"yes\""});
    CHECK(read("{\"obj\": 1,\n \"arr\": {}}") ==
          Lines{"t.json:1:9: error: /obj: expected an object, found 1",
                "t.json:2:9: error: /arr: expected an array, found an object"});
}

TEST_CASE("cursor: read_fields refuses unknown keys, reports missing ones, skips x- keys") {
    static constexpr std::array<std::string_view, 3> known{"score", "rationale", "weight"};
    static constexpr std::array<std::string_view, 2> required{"score", "rationale"};
    const auto read = [](std::string_view text) {
        Lines fields;
        const Walked w = walk(text, [&](JsonCursor& cursor, JsonNode& root) {
            cursor.read_fields(root, known, required, [&](std::string_view key, JsonNode& value) {
                fields.push_back(std::string(key));
                cursor.skip(value);
            });
        });
        return std::pair{fields, w.messages};
    };
    const auto [fields, errors] = read("{\"x-note\": {\"any\": [1]}, \"score\": 1, \"weight\": 2}");
    CHECK(fields == Lines{"score", "weight"});
    CHECK(errors == Lines{"t.json:1:1: error: missing required key \"rationale\""});
    // A mistyped required key is one error, with the name it was meant to be.
    CHECK(read("{\"scroe\": 1, \"rationale\": \"r\"}").second ==
          Lines{"t.json:1:2: error: /scroe: unknown key \"scroe\"; did you mean \"score\"?"});
    CHECK(read("{\"score\": 1, \"rationale\": \"r\", \"colour\": 1}").second ==
          Lines{"t.json:1:32: error: /colour: unknown key \"colour\" (expected one of: score, "
                "rationale, weight; keys beginning with \"x-\" are ignored)"});
    // x- values are still checked: a malformed one is a syntax error like any other.
    CHECK(read("{\"score\": 1, \"rationale\": \"r\", \"x-bad\": [1 2]}").second ==
          Lines{"t.json:1:44: error: /x-bad: expected ',' or ']' after an element of the array, "
                "found '2'"});
}

TEST_CASE("cursor: duplicate keys are found among few keys and among many") {
    CHECK(errors_of("{\"a\": 1,\n \"b\": 2,\n \"a\": 3}") ==
          Lines{"t.json:3:2: error: /a: duplicate key \"a\" (first at line 1, column 2)"});
    // Past sixteen keys the keys seen are looked up in a hash table: the same answer.
    std::string many = "{";
    for (int i = 0; i < 40; ++i) {
        many += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
    }
    many += "\"k3\": 0, \"k39\": 0}";
    CHECK(errors_of(many) ==
          Lines{"t.json:1:422: error: /k3: duplicate key \"k3\" (first at line 1, column 29)",
                "t.json:1:431: error: /k39: duplicate key \"k39\" (first at line 1, column 411)"});
    // The same name in two objects is no duplicate; escapes are compared unescaped.
    CHECK(errors_of("{\"a\": {\"a\": 1}, \"b\": {\"a\": 2}}").empty());
    CHECK(errors_of("{\"a\": 1, \"\\u0061\": 2}") ==
          Lines{"t.json:1:10: error: /a: duplicate key \"a\" (first at line 1, column 2)"});
}

TEST_CASE("cursor: malformed JSON is one error, the strict scanner's, with its pointer") {
    CHECK(errors_of("{\"a\": [1, 2,]}") ==
          Lines{"t.json:1:13: error: /a: trailing comma before ']'"});
    CHECK(errors_of("{\"a\": 1,\n \"b\": tru}") ==
          Lines{"t.json:2:7: error: /b: invalid literal: expected true"});
    CHECK(errors_of("{\"a\": 1} x") ==
          Lines{"t.json:1:10: error: unexpected 'x' after the end of the JSON document"});
    CHECK(errors_of("{\"a\": 1") ==
          Lines{"t.json:1:8: error: unexpected end of file: the object is not closed (expected "
                "'}')"});
    // Errors found before the malformed part are dropped: only the first fault is worth
    // reading in a text that is not JSON.
    const Walked w = walk("{\"int\": 9, \"b\": [}", [](JsonCursor& cursor, JsonNode& root) {
        cursor.for_each_member(root, [&](std::string_view key, JsonNode& value, std::size_t) {
            if (key == "int") {
                cursor.read_integer(value, 1, 5);
            } else {
                cursor.skip(value);
            }
        });
    });
    CHECK(w.messages == Lines{"t.json:1:18: error: /b/0: expected a JSON value, found '}'"});
}

TEST_CASE("cursor: a document that is a bare value is not what was expected") {
    const auto root_never_read = [](JsonCursor&, JsonNode&) { FAIL("not an object"); };
    CHECK(walk("7", root_never_read).messages ==
          Lines{"t.json:1:1: error: expected an assessment object, found 7"});
    CHECK(walk("\n  \"x\"  \n", root_never_read).messages ==
          Lines{"t.json:2:3: error: expected an assessment object, found a string \"x\""});
    CHECK(walk("null ", root_never_read).messages ==
          Lines{"t.json:1:1: error: expected an assessment object, found null"});
    CHECK(walk("true false", root_never_read).messages ==
          Lines{"t.json:1:6: error: unexpected 'f' after the end of the JSON document"});
}

TEST_CASE("cursor: nesting is refused past k_max_json_depth levels, the root being level 1") {
    const auto nested = [](std::size_t levels) {
        return std::string(levels, '[') + std::string(levels, ']');
    };
    CHECK(errors_of(nested(k_max_json_depth)).empty());
    const Lines deep = errors_of(nested(k_max_json_depth + 1));
    std::string pointer;
    for (std::size_t i = 0; i < k_max_json_depth; ++i) {
        pointer += "/0";
    }
    CHECK(deep == Lines{"t.json:1:65: error: " + pointer + ": nesting deeper than 64 levels"});
    // Objects count as arrays do.
    std::string objects;
    for (std::size_t i = 0; i <= k_max_json_depth; ++i) {
        objects += "{\"a\":";
    }
    objects += "1" + std::string(k_max_json_depth + 1, '}');
    std::string members;
    for (std::size_t i = 0; i < k_max_json_depth; ++i) {
        members += "/a";
    }
    CHECK(errors_of(objects) ==
          Lines{"t.json:1:321: error: " + members + ": nesting deeper than 64 levels"});
    objects.erase(0, 5);
    objects.pop_back();
    CHECK(errors_of(objects).empty());
}

TEST_CASE("cursor: past k_max_errors errors the walk stops, with one message saying so") {
    std::string text = "[";
    for (int i = 0; i < 1000; ++i) {
        text += i == 0 ? "9" : ",\n9";
    }
    text += "]";
    std::size_t reads = 0;
    const Walked w = walk(text, [&](JsonCursor& cursor, JsonNode& root) {
        cursor.for_each_element(root, [&](JsonNode& element) {
            ++reads;
            cursor.read_integer(element, 1, 5);
        });
    });
    // The walk stopped at the 100th error: the 900 values after it were never read.
    CHECK(reads == k_max_errors);
    REQUIRE(w.messages.size() == k_max_errors + 1);
    CHECK(w.messages[0] == "t.json:1:2: error: /0: expected an integer from 1 to 5, found 9");
    CHECK(w.messages[99] == "t.json:100:1: error: /99: expected an integer from 1 to 5, found 9");
    CHECK(w.messages[100] ==
          "t.json:100:1: error: too many errors: stopped checking after 100; fix these first");
    // Warnings do not count towards the cut-off.
    std::size_t warned = 0;
    const Walked warnings = walk(text, [&](JsonCursor& cursor, JsonNode& root) {
        cursor.for_each_element(root, [&](JsonNode& element) {
            cursor.warning(element.offset, element.pointer(), "w");
            cursor.skip(element);
            ++warned;
        });
    });
    CHECK(warned == 1000);
    CHECK(warnings.messages.size() == 1000);
    CHECK(warnings.messages[999] == "t.json:1000:1: warning: /999: w");
}

TEST_CASE("cursor: the text ends where its view ends, whatever the padding after it holds") {
    // Padding that would close the array, or continue the string, if it were read.
    for (const char padding : {'\0', ']', '"', ' ', '1'}) {
        INFO("padding: " << padding);
        CHECK(walk(
                  "{\"a\": [1, 2]}", [](JsonCursor& c, JsonNode& root) { c.skip(root); }, padding)
                  .messages.empty());
        CHECK(walk(
                  "[1, 2", [](JsonCursor& c, JsonNode& root) { c.skip(root); }, padding)
                  .messages == Lines{"t.json:1:6: error: unexpected end of file: the array "
                                     "is not closed (expected ']')"});
        CHECK(walk(
                  "{\"a\": \"abc", [](JsonCursor& c, JsonNode& root) { c.skip(root); }, padding)
                  .messages ==
              Lines{"t.json:1:7: error: /a: unterminated string: the file ends before its "
                    "closing '\"'"});
        CHECK(walk(
                  "[12", [](JsonCursor& c, JsonNode& root) { c.skip(root); }, padding)
                  .messages == Lines{"t.json:1:4: error: unexpected end of file: the array "
                                     "is not closed (expected ']')"});
    }
}

TEST_CASE("cursor: a byte order mark is the caller's to remove") {
    // The reader strips it (strip_bom) before the walk; left in, it is not JSON.
    CHECK(errors_of("\xEF\xBB\xBF{\"a\": 1}") ==
          Lines{"t.json:1:1: error: expected a JSON value, found '\xEF\xBB\xBF'"});
    CHECK(errors_of(strip_bom("\xEF\xBB\xBF{\"a\": 1}")).empty());
}
