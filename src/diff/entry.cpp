#include "entry.hpp"

#include <fmt/format.h>

namespace aijri {

DiffEntry::DiffEntry(const DiffEntry& other)
    : file(other.file), place(other.place), id(other.id), id_unread(other.id_unread),
      valid(other.valid), methodology_error(other.methodology_error), io_error(other.io_error),
      errors(other.errors), error_position(other.error_position), verdict(other.verdict),
      figures(other.figures ? std::make_unique<DiffFigures>(*other.figures) : nullptr),
      skipped(other.skipped) {}

DiffEntry& DiffEntry::operator=(const DiffEntry& other) {
    if (this != &other) {
        *this = DiffEntry(other);
    }
    return *this;
}

DiffEntry make_diff_entry(const Evaluation& e) {
    DiffEntry entry;
    entry.file = e.file;
    if (!e.skipped.empty()) {
        entry.skipped = e.skipped;
        return entry;
    }
    // An invalid file is paired by the id it gives when that much of it could be read: a
    // role whose file breaks, or is repaired, is one role, whatever its file is called.
    entry.id = e.assessment             ? e.assessment->id
               : !e.declared_id.empty() ? e.declared_id
                                        : id_from_path(e.file);
    entry.id_unread = !e.assessment && e.declared_id.empty();
    entry.valid = e.valid();
    entry.methodology_error = e.methodology_error;
    entry.io_error = e.io_error;
    if (!entry.valid) {
        for (const Diagnostic& d : e.diagnostics) {
            if (d.severity == Severity::error) {
                entry.errors.push_back(format_diagnostic(e.file, d));
                if (entry.error_position.line == 0) {
                    entry.error_position = d.position;
                }
            }
        }
        return entry;
    }
    const Verdict& final_verdict = e.score->final_;
    entry.verdict = RoleVerdict{final_verdict.aijri, final_verdict.zone, final_verdict.label};
    entry.figures =
        std::make_unique<DiffFigures>(DiffFigures{scored_inputs(*e.assessment, *e.score),
                                                  e.score->formula.aijri,
                                                  e.score->aijri_exact,
                                                  e.assessment->override_,
                                                  {}});
    for (const ScenarioResult& s : e.scenarios) {
        const Verdict& v = s.edited.verdict;
        entry.figures->scenarios.emplace_back(s.name, RoleVerdict{v.aijri, v.zone, v.label});
    }
    return entry;
}

} // namespace aijri
