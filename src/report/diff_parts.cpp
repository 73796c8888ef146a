#include "diff_parts.hpp"

#include <fmt/format.h>

namespace aijri::report_detail {

std::string summary_line(const DiffSummary& s) {
    return fmt::format("{} changed, {} added, {} removed, {} fixed, {} broken, {} unchanged, {} "
                       "invalid; {} zone change{}, {} renamed",
                       s.changed, s.added, s.removed, s.fixed, s.broken, s.unchanged, s.invalid,
                       s.zone_changes, s.zone_changes == 1 ? "" : "s", s.renamed);
}

// The label is text from a file (an override's sub-label): each format escapes it.
std::string side_text(const std::optional<RoleVerdict>& v, const std::string& file, int decimals) {
    if (v) {
        return fmt::format("{} {}", to_fixed(v->aijri, decimals), v->label);
    }
    return file.empty() ? "—" : "invalid";
}
std::string old_text(const RoleDiff& r, int decimals) {
    return side_text(r.old_verdict, r.old_file, decimals);
}
std::string new_text(const RoleDiff& r, int decimals) {
    return side_text(r.new_verdict, r.new_file, decimals);
}

std::string renamed_text(const RoleDiff& r) {
    return fmt::format("renamed {} → {}", r.old_place, r.new_place);
}

std::string scenario_text(const ScenarioChange& s, int decimals) {
    return fmt::format("scenario \"{}\": {} {} → {} {}", s.name,
                       to_fixed(s.old_verdict.aijri, decimals), s.old_verdict.label,
                       to_fixed(s.new_verdict.aijri, decimals), s.new_verdict.label);
}

bool worth_showing(const RoleDiff& r) {
    return r.status != RoleStatus::unchanged || r.renamed() || r.gate.has_value();
}

} // namespace aijri::report_detail
