#include "aijri/assessment/template.hpp"
#include <utility>

namespace aijri {

Assessment new_assessment(std::string id, std::string schema) {
    Assessment a;
    a.id = std::move(id);
    a.schema = std::move(schema);
    a.role.title = std::string(k_placeholder_mark) + ": the role's title";
    Task task;
    task.name = std::string(k_placeholder_mark) + ": the role's first task";
    task.time_pct = Rational(100);
    task.score = 3; // the middle of 1..5: neither side until the analyst says
    task.impact = Impact::augmentation;
    a.tasks.push_back(std::move(task));
    a.reinstatement = Reinstatement{};
    return a;
}

} // namespace aijri
