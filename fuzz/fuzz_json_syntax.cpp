// The strict JSON scanner against the reader (simdjson) and against an independent parser
// (nlohmann_json). Properties: the reader reports a syntax error iff the scanner finds one,
// and then exactly the scanner's error, alone; it never falls back to simdjson's own message
// ("could not read the JSON document"), which would mean that simdjson refused a document the
// scanner accepts. nlohmann_json accepts exactly what the scanner accepts, except for what
// the scanner refuses by design (nesting beyond the depth limit) and what nlohmann refuses by
// design (numbers beyond a double, such as 1e999, which aijri reports as out of range), and
// texts with a NUL byte or a second byte order mark (which nlohmann_json takes for the end of
// the input, and skips). The
// scanner never reads past the text, and stops at or before the first byte that is not UTF-8.
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "aijri/assessment/reader.hpp"
#include "aijri/json/limits.hpp"
#include "aijri/json/syntax.hpp"

#include "fuzz_support.hpp"

using aijri::fuzz::check;

namespace {

// Records why nlohmann_json refuses a text, without building a value.
class Acceptor : public nlohmann::json::json_sax_t {
public:
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string&,
                     const nlohmann::json::exception& error) override {
        m_error = error.what();
        return false;
    }
    const std::string& error() const { return m_error; }

private:
    std::string m_error;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static aijri::AssessmentReader reader;
    const std::string_view input = aijri::fuzz::as_text(data, size);
    const std::string_view text = aijri::strip_bom(input);
    const auto syntax = aijri::detail::find_syntax_error(text, aijri::k_max_json_depth);

    const aijri::ReadResult read = reader.read(input, "fuzz.json");
    if (syntax) {
        check(read.diagnostics.size() == 1, "a syntax error is the only diagnostic");
        const aijri::Diagnostic& d = read.diagnostics.front();
        check(d.message == syntax->message, "the reader reports the scanner's message");
        check(d.pointer == syntax->pointer, "the reader reports the scanner's pointer");
        check(d.position == aijri::LineIndex(text).position_of(syntax->offset),
              "the reader reports the scanner's position");
    } else {
        for (const aijri::Diagnostic& d : read.diagnostics) {
            check(d.message.rfind("could not read the JSON document", 0) != 0,
                  "simdjson reads every document the scanner accepts");
        }
    }

    Acceptor acceptor;
    const bool accepted = nlohmann::json::sax_parse(
        text.begin(), text.end(), &acceptor, nlohmann::json::input_format_t::json, /*strict=*/true);
    const bool too_deep = syntax && syntax->message.rfind("nesting deeper than", 0) == 0;
    const bool too_large = acceptor.error().find("number overflow") != std::string::npos;
    // nlohmann_json takes a NUL byte between tokens for the end of the input, and skips a
    // byte order mark (aijri strips one; a second is an error).
    const bool has_nul = text.find('\0') != std::string_view::npos;
    const bool second_bom = aijri::strip_bom(text).size() != text.size();
    if (!too_deep && !too_large && !has_nul && !second_bom) {
        check(accepted == !syntax.has_value(), "nlohmann_json and the scanner agree");
    }

    // A copy of exactly the text's size: ASan sees any read past its end.
    const auto exact = std::make_unique<char[]>(text.size()); // NOLINT: a bare block on purpose
    std::memcpy(exact.get(), text.data(), text.size());
    const auto again =
        aijri::detail::find_syntax_error({exact.get(), text.size()}, aijri::k_max_json_depth);
    check(again.has_value() == syntax.has_value() &&
              (!syntax || (again->offset == syntax->offset && again->message == syntax->message)),
          "the scanner depends on the text only");
    if (const auto invalid = aijri::detail::find_invalid_utf8(text)) {
        check(syntax && syntax->offset <= *invalid,
              "the scanner stops at or before the first byte that is not UTF-8");
    }
    return 0;
}
