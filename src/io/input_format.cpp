#include "aijri/io/input_format.hpp"

#include "aijri/util/file_name.hpp"

namespace aijri {

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
