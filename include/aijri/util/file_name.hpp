// The extensions of assessment files, in one place: the walk picks files by them, evaluate()
// tells JSON from documents by them, and a file without an "id" is named after its name
// without them.
#pragma once

#include <array>
#include <string_view>

namespace aijri {

inline constexpr std::string_view k_json_extension = ".json";
inline constexpr std::array<std::string_view, 2> k_document_extensions = {".md", ".markdown"};

// Whether `name` ends in `extension` after at least one character: ".json" alone is a hidden
// file's whole name, not an extension.
constexpr bool has_extension(std::string_view name, std::string_view extension) {
    return name.size() > extension.size() && name.ends_with(extension);
}

// "role.json".
constexpr bool has_json_extension(std::string_view name) {
    return has_extension(name, k_json_extension);
}

// "role.md", "role.markdown".
constexpr bool has_document_extension(std::string_view name) {
    for (const std::string_view extension : k_document_extensions) {
        if (has_extension(name, extension)) {
            return true;
        }
    }
    return false;
}

// "role" of "role.json", "role.md" and "role.markdown"; any other name as it is.
constexpr std::string_view without_assessment_extension(std::string_view name) {
    if (has_json_extension(name)) {
        return name.substr(0, name.size() - k_json_extension.size());
    }
    for (const std::string_view extension : k_document_extensions) {
        if (has_extension(name, extension)) {
            return name.substr(0, name.size() - extension.size());
        }
    }
    return name;
}

} // namespace aijri
