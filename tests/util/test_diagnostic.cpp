// Positions and source excerpts of diagnostics, including in hostile lines.
#include <string>

#include <catch2/catch.hpp>

#include "aijri/util/diagnostic.hpp"

using namespace aijri;

namespace {

SourcePosition naive_position(const std::string& text, std::size_t offset) {
    SourcePosition at{1, 1};
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++at.line;
            at.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) {
            ++at.column;
        }
    }
    return at;
}

} // namespace

TEST_CASE("positions count characters, in short lines and in very long ones") {
    std::string text = "ab\né\n";
    for (int i = 0; i < 3000; ++i) {
        text += "xé😀 "; // 10 bytes, 4 characters: checkpoints fall inside characters
    }
    text += "\nend";
    const LineIndex lines(text);
    for (std::size_t offset = 0; offset <= text.size(); offset += 7) {
        INFO(offset);
        CHECK(lines.position_of(offset) == naive_position(text, offset));
    }
    CHECK(lines.position_of(text.size()) == naive_position(text, text.size()));
}

TEST_CASE("the caret stays under its character after escapes and in a long line") {
    Diagnostic d = make_error("/a", {1, 12}, "bad");
    d.source_line = "{\"\x1b\": 1, \"a\": 7}"; // the ESC is shown as 4 cells
    CHECK(format_diagnostic_with_source("f.json", d) == "f.json:1:12: error: /a: bad\n"
                                                        "    {\"\\x1b\": 1, \"a\": 7}\n"
                                                        "                  ^");
    // A minified file: the diagnostic keeps an excerpt of its 1 MB line, and the caret is
    // still under the character the column names.
    const std::string line = std::string(1'000'000, ' ') + "\"key\": 1";
    const LineIndex lines(line);
    std::size_t cut = 0;
    const std::size_t offset = 1'000'000;
    const std::string_view excerpt = lines.excerpt_at(offset, cut);
    CHECK(excerpt.size() < 1000);
    Diagnostic long_line = make_error("", lines.position_of(offset), "here");
    long_line.source_line = std::string(excerpt);
    long_line.source_cut = cut;
    const std::string shown = format_diagnostic_with_source("m.json", long_line);
    CHECK(shown.find("m.json:1:1000001: error: here\n    …") == 0);
    const auto source_start = shown.find('\n') + 1;
    const auto caret_line = shown.substr(shown.rfind('\n') + 1);
    const std::string source = shown.substr(source_start, shown.rfind('\n') - source_start);
    // Under the caret: the opening quote of "key" (the source line starts with "    …").
    const std::size_t caret_cell = caret_line.size() - 1;
    std::size_t byte = 0;
    for (std::size_t cells = 0; cells < caret_cell; ++cells) {
        byte += static_cast<unsigned char>(source[byte]) >= 0xE0U ? 3U : 1U;
    }
    CHECK(source[byte] == '"');
}
