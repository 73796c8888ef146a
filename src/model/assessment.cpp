#include "aijri/model/assessment.hpp"

#include <fmt/format.h>

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

std::optional<std::string> range_problem(ScoreRange range, ScoreBounds bounds, int score) {
    const auto within = [&bounds](int value) { return value >= bounds.min && value <= bounds.max; };
    if (!within(range.lo) || !within(range.hi)) {
        return fmt::format("expected a range of integers from {} to {}", bounds.min, bounds.max);
    }
    if (range.lo > range.hi) {
        return std::string("expected a range whose low end is at most its high end");
    }
    if (score < range.lo || score > range.hi) {
        return fmt::format("expected a range that includes the score {}", score);
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
