#include "aijri/io/input_format.hpp"

namespace aijri {
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

} // namespace

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

bool has_json_extension(std::string_view name) {
    return ends_with(name, ".json");
}

bool has_document_extension(std::string_view name) {
    return ends_with(name, ".md") || ends_with(name, ".markdown");
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
