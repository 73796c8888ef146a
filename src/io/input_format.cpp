#include "aijri/io/input_format.hpp"

#include "aijri/util/file_name.hpp"

namespace aijri {

std::optional<InputFormat> input_format_from_string(std::string_view text) {
    if (text == "auto") {
        return InputFormat::automatic;
    }
    if (text == "json") {
        return InputFormat::json;
    }
    if (text == "markdown") {
        return InputFormat::markdown;
    }
    return std::nullopt;
}

bool is_assessment_name(std::string_view name, InputFormat format) {
    switch (format) {
    case InputFormat::json:
        return has_json_extension(name);
    case InputFormat::markdown:
        return has_document_extension(name);
    case InputFormat::automatic:
        break;
    }
    return has_json_extension(name) || has_document_extension(name);
}

} // namespace aijri
