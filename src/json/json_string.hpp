// How JsonWriter writes a string value; its tests hold it to dump_json().
#pragma once

#include <string>
#include <string_view>

namespace aijri::detail {

// The JSON text of a string value, quotes included, escaped as dump_json() escapes it.
void append_json_string(std::string& out, std::string_view text);

} // namespace aijri::detail
