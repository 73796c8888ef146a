#include "aijri/model/assessment.hpp"

#include "aijri/util/file_name.hpp"

namespace aijri {

std::string_view to_string(Impact impact) {
    switch (impact) {
    case Impact::displacement:
        return "displacement";
    case Impact::augmentation:
        return "augmentation";
    case Impact::not_involved:
        return "not_involved";
    }
    return "augmentation";
}

std::optional<Impact> impact_from_string(std::string_view text) {
    if (text == "displacement") {
        return Impact::displacement;
    }
    if (text == "augmentation") {
        return Impact::augmentation;
    }
    if (text == "not_involved") {
        return Impact::not_involved;
    }
    return std::nullopt;
}

std::string id_from_path(std::string_view path) {
    if (path == "-" || path == "<stdin>" || path.empty()) {
        return "stdin";
    }
    const auto slash = path.find_last_of('/');
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    // The extensions of assessments: a file that cannot be read pairs in a diff by the same
    // id as a readable one would.
    return std::string(without_assessment_extension(name));
}

} // namespace aijri
