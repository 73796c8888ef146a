// Writes JSON text straight into a string, in the exact form of dump_json() (compact, or
// indented like nlohmann's dump(indent)). Result objects are written for every file of a
// batch; building a JSON DOM first and then serializing it cost more than reading and
// scoring the file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "aijri/util/rational.hpp"

namespace aijri::detail {

class JsonWriter {
public:
    // indent < 0: one line, no spaces.
    explicit JsonWriter(std::string& out, int indent = -1) : m_out(out), m_indent(indent) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    // A member name of the format: plain ASCII, written as it is.
    void key(std::string_view name);
    // A member name that came with data, escaped like a string value.
    void data_key(std::string_view name);

    void string(std::string_view text);
    void null();
    void boolean(bool value);
    void integer(std::int64_t value);
    // A figure rounded to `decimals`, as json_number() gives it: an integer when decimals is
    // 0, else the number a double of that decimal text prints as (5.6628, 40.0, 1.1).
    void decimal(const Rational& value, int decimals);
    // A number given as its JSON text ("5.6628", "1e+20"), as written by some other means.
    void number(std::string_view json_text);

private:
    void open(char bracket);
    void close(char bracket);
    void before_value();
    void new_line();

    static constexpr int k_max_depth = 64;
    std::string& m_out;
    int m_indent;
    int m_depth = 0;
    bool m_after_key = false;
    std::uint64_t m_has_members = 0; // bit d: the container at depth d has a member already
};

// The JSON number text of `value` rounded to `decimals`: an integer when decimals is 0, else
// the number a double of that decimal text prints as (5.6628, 40.0, 1.1).
std::string json_decimal_text(const Rational& value, int decimals);

} // namespace aijri::detail
