#include <algorithm>

#include <fmt/format.h>

#include "aijri/scoring/engine.hpp"
#include "aijri/util/text.hpp"

#include "statements.hpp"

namespace aijri::detail {
namespace {

StatedNumber stated_number(const Number& number, const DocumentSource& source) {
    return StatedNumber{number.literal, "", source.position_of(number.text)};
}

StatedText stated_text(const TextStatement& statement, const DocumentSource& source) {
    return StatedText{statement.value, "", source.position_of(statement.at)};
}

StatedZone stated_zone(const ZoneStatement& statement, const DocumentSource& source) {
    return StatedZone{statement.value, "", source.position_of(statement.at)};
}

template <typename T, typename Key>
void sort_by_place(std::vector<T>& items, Key key) {
    std::stable_sort(items.begin(), items.end(),
                     [&](const T& a, const T& b) { return key(a).data() < key(b).data(); });
}

// What a figure with no place in `stated` should be, and what it is compared with.
struct Expected {
    std::string name;
    Rational value;
    std::string_view source; // "computed", "methodology's"
};

Expected expected_for(const DerivedStatement& d, const Assessment& a, const Methodology& m) {
    switch (d.kind) {
    case Derived::growth_correlation:
        return {"AI growth correlation", Rational(a.growth.score), "table's"};
    case Derived::quick_screen_total:
        return {"quick screen total",
                Rational(a.principles[0].score + a.principles[1].score + a.principles[2].score +
                         a.growth.score),
                "computed"};
    case Derived::time_total: {
        Rational total;
        for (const Task& task : a.tasks) {
            total += task.time_pct;
        }
        return {"total time share", total, "computed"};
    }
    case Derived::task_weighted: {
        const Task& task = a.tasks[d.task];
        return {fmt::format("weighted score of \"{}\"", task.name),
                task.time_pct / Rational(100) * Rational(task.score), "computed"};
    }
    case Derived::task_resistance_base:
        return {"task resistance base", m.task_resistance_base, "methodology's"};
    case Derived::task_resistance_scale:
        return {"highest task resistance", m.task_resistance_base - Rational(1), "methodology's"};
    case Derived::modifier_base:
        return {"modifier base", Rational(1), "methodology's"};
    case Derived::evidence_weight:
        return {"evidence weight", m.evidence_weight, "methodology's"};
    case Derived::barrier_weight:
        return {"barrier weight", m.barrier_weight, "methodology's"};
    case Derived::growth_weight:
        return {"growth weight", m.growth_weight, "methodology's"};
    case Derived::raw_min:
        return {"lowest raw score", m.raw_min, "methodology's"};
    case Derived::raw_span:
        return {"raw score span", m.raw_span, "methodology's"};
    case Derived::scale:
        return {"AIJRI scale", m.scale, "methodology's"};
    case Derived::aijri_maximum:
        return {"highest AIJRI", m.clamp_max, "methodology's"};
    case Derived::green_min:
        return {"Green threshold", m.green_min, "methodology's"};
    case Derived::yellow_min:
        return {"Yellow threshold", m.yellow_min, "methodology's"};
    case Derived::red_below:
        return {"Red threshold", m.yellow_min, "methodology's"};
    case Derived::yellow_max:
        // "Yellow 25-47": the largest number below the Green threshold at the precision
        // it is written with.
        return {"top of Yellow", m.green_min - Rational::decimal(1, d.number.literal.decimals),
                "methodology's"};
    }
    return {"figure", Rational(0), "computed"};
}

} // namespace

void fill_stated(StatedFigures& stated, Statements& statements, const DocumentSource& source) {
    const auto number_place = [](const Number& n) { return n.text; };
    for (const StatedFigure& figure : k_stated_figures) {
        std::vector<Number>& found = statements.numbers[static_cast<std::size_t>(figure.id)];
        sort_by_place(found, number_place);
        if (figure.number && !found.empty()) {
            stated.*figure.number = stated_number(found.front(), source);
        }
    }
    sort_by_place(statements.zones, [](const ZoneStatement& z) { return z.at; });
    sort_by_place(statements.sub_labels, [](const TextStatement& t) { return t.at; });
    if (!statements.zones.empty()) {
        stated.zone = stated_zone(statements.zones.front(), source);
    }
    if (!statements.sub_labels.empty()) {
        stated.sub_label = stated_text(statements.sub_labels.front(), source);
    }
}

std::size_t audit_statements(const Assessment& assessment, const Statements& statements,
                             const Methodology& methodology, DocumentSource& source) {
    const Score score = compute_score(assessment, methodology);
    std::size_t mismatches = 0;
    const auto report = [&](const Diagnostics& found) {
        for (const Diagnostic& d : found) {
            source.mismatch_at(d.position, d.message);
            ++mismatches;
        }
    };
    report(check_stated_figures(assessment, score, methodology));

    // A restatement is audited as if it were the stated figure, with the same messages.
    Assessment probe = assessment;
    for (const StatedFigure& figure : k_stated_figures) {
        const std::vector<Number>& found = statements.numbers[static_cast<std::size_t>(figure.id)];
        for (std::size_t k = 1; figure.number && k < found.size(); ++k) {
            probe.stated = StatedFigures{};
            probe.stated.*figure.number = stated_number(found[k], source);
            report(check_stated_figures(probe, score, methodology));
        }
    }
    for (std::size_t k = 1; k < statements.zones.size(); ++k) {
        probe.stated = StatedFigures{};
        probe.stated.zone = stated_zone(statements.zones[k], source);
        report(check_stated_figures(probe, score, methodology));
    }
    for (std::size_t k = 1; k < statements.sub_labels.size(); ++k) {
        probe.stated = StatedFigures{};
        probe.stated.sub_label = stated_text(statements.sub_labels[k], source);
        report(check_stated_figures(probe, score, methodology));
    }

    for (const DerivedStatement& d : statements.derived) {
        const Expected expected = expected_for(d, assessment, methodology);
        const int decimals = d.number.literal.decimals;
        if (expected.value.rounded(decimals) != d.number.literal.value) {
            ++mismatches;
            source.mismatch_at(source.position_of(d.number.text),
                               fmt::format("stated {} {} does not match the {} {}", expected.name,
                                           to_fixed(d.number.literal.value, decimals),
                                           expected.source, to_fixed(expected.value, decimals)));
        }
    }
    for (const TextStatement& verdict : statements.quick_screens) {
        if (to_ascii_lower(verdict.value.value_or("")) != to_ascii_lower(score.quick_screen)) {
            // Quoted as the document writes it: "Likely Yellow Zone".
            ++mismatches;
            source.mismatch_at(source.position_of(verdict.at),
                               fmt::format("stated quick screen \"{}\" does not match the "
                                           "computed \"{}\"",
                                           decode_text(verdict.at), score.quick_screen));
        }
    }
    return mismatches;
}

} // namespace aijri::detail
