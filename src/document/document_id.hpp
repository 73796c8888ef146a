// The id import gives a document without an ID row.
#pragma once

#include <string>
#include <string_view>

namespace aijri {

// Its file name without folders and extension; "stdin" for "-".
std::string document_id(std::string_view path);

} // namespace aijri
