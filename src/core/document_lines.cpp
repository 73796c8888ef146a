#include <algorithm>

#include "document_figures.hpp"
#include "document_import_context.hpp"
#include "document_syntax.hpp"

namespace aijri::detail {
namespace {

class LineReader {
public:
    explicit LineReader(ImportContext& context)
        : m_context(context), m_source(context.source), m_out(context.out),
          m_statements(context.statements) {}

    void read_items(std::vector<Item>& items) {
        std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
            return a.label_text.data() < b.label_text.data();
        });
        std::vector<const Item*> seen;
        for (const Item& item : items) {
            const auto first = std::find_if(seen.begin(), seen.end(),
                                            [&](const Item* s) { return s->label == item.label; });
            if (first != seen.end()) {
                error(item.label_text,
                      fmt::format("duplicate \"{}\" (first on line {})",
                                  strip_bold(item.label_text),
                                  m_source.position_of((*first)->label_text).line));
                continue;
            }
            seen.push_back(&item);
            read_item(item);
        }
    }

    void expected_value(const Item& item, std::string_view what) {
        error(item.value.empty() ? item.label_text : item.value,
              fmt::format("expected {}, found {}", what,
                          item.value.empty() ? std::string("nothing") : quote(item.value)));
    }

    void read_item(const Item& item) {
        switch (item.label) {
        case Label::seniority_note:
            if (!m_context.seniority_note_row.empty()) {
                error(item.label_text,
                      fmt::format("duplicate \"Seniority note\" (first on line {})",
                                  m_source.position_of(m_context.seniority_note_row).line));
            }
            m_out.role.seniority_note = text_of(item.value);
            break;
        case Label::quick_screen:
            read_quick_screen(item);
            break;
        case Label::task_resistance:
            read_task_resistance(item);
            break;
        case Label::split:
            read_split(item);
            break;
        case Label::reinstatement:
            read_reinstatement(item);
            break;
        case Label::evidence_modifier:
            read_modifier(item, "evidence modifier", Figure::evidence_modifier,
                          Figure::evidence_total, Derived::evidence_weight, "8 x 0.04");
            break;
        case Label::barrier_modifier:
            read_modifier(item, "barrier modifier", Figure::barrier_modifier, Figure::barrier_total,
                          Derived::barrier_weight, "2 x 0.02");
            break;
        case Label::growth_modifier:
            read_modifier(item, "growth modifier", Figure::growth_modifier, std::nullopt,
                          Derived::growth_weight, "2 x 0.05");
            break;
        case Label::raw:
            read_raw(item);
            break;
        case Label::aijri:
            read_aijri(item);
            break;
        case Label::zone:
            read_zone(item);
            break;
        case Label::pct_time_3plus:
            if (const auto pct = parse_percent(item.value)) {
                m_statements.state(Figure::pct_time_3plus, *pct);
            } else {
                expected_value(item, "the share of task time scoring 3 or more, such as \"40%\"");
            }
            break;
        case Label::growth:
            if (const auto growth = parse_score(item.value);
                growth && !growth->scale && !growth->value.percent) {
                m_statements.restate(Derived::growth_correlation, growth->value);
            } else {
                expected_value(item, "the AI growth correlation, a whole number");
            }
            break;
        case Label::sub_label:
            read_sub_label(item);
            break;
        case Label::assessor_override:
            read_override(item);
            break;
        }
    }

    void read_quick_screen(const Item& item) {
        const auto figure = parse_quick_screen(item.value);
        if (!figure) {
            expected_value(item, "the quick screen as \"Protective 2 + Correlation 2 = Likely "
                                 "Green Zone (Accelerated)\"");
            return;
        }
        if (!figure->tail.empty() && word_key(figure->tail) != "proceedtoconfirm") {
            error(figure->tail, fmt::format("expected nothing after the quick screen's verdict but "
                                            "\"Proceed to confirm.\", found {}",
                                            quote(figure->tail)));
            return;
        }
        m_statements.state(Figure::protective_total, figure->protective);
        m_statements.restate(Derived::growth_correlation, figure->growth);
        m_statements.quick_screens.push_back(TextStatement{figure->verdict, figure->verdict_text});
    }

    void read_task_resistance(const Item& item) {
        const auto figure = parse_task_resistance(item.value);
        if (!figure) {
            expected_value(item, "the task resistance as \"6.00 - 2.25 = 3.75/5.0\" or \"3.75\"");
            return;
        }
        if (figure->base) {
            m_statements.restate(Derived::task_resistance_base, *figure->base);
            m_statements.state(Figure::task_weighted_total, *figure->weighted_total);
        }
        m_statements.state(Figure::task_resistance, figure->task_resistance);
        if (figure->scale) {
            m_statements.restate(Derived::task_resistance_scale, *figure->scale);
        }
    }

    void read_split(const Item& item) {
        const auto figure = parse_split(item.value);
        if (!figure) {
            expected_value(item, "the split as \"0% displacement, 75% augmentation, 25% not "
                                 "involved\"");
            return;
        }
        if (figure->displacement) {
            m_statements.state(Figure::split_displacement, *figure->displacement);
        }
        if (figure->augmentation) {
            m_statements.state(Figure::split_augmentation, *figure->augmentation);
        }
        if (figure->not_involved) {
            m_statements.state(Figure::split_not_involved, *figure->not_involved);
        }
    }

    void read_reinstatement(const Item& item) {
        const auto figure = parse_reinstatement(item.value);
        if (!figure) {
            expected_value(item, "the reinstatement check as \"Yes — note\" or \"No — note\"");
            return;
        }
        m_out.reinstatement = Reinstatement{figure->new_tasks, text_of(figure->note)};
    }

    void read_modifier(const Item& item, std::string_view name, Figure modifier,
                       std::optional<Figure> total, Derived weight, std::string_view example) {
        const auto figure = parse_modifier(item.value);
        if (!figure) {
            expected_value(item,
                           fmt::format("the {} as \"1.0 + ({}) = …\" or a number", name, example));
            return;
        }
        m_statements.state(modifier, figure->modifier);
        if (!figure->one) {
            return;
        }
        m_statements.restate(Derived::modifier_base, *figure->one);
        m_statements.restate(weight, *figure->weight);
        if (!figure->total->literal.value.is_integer()) {
            error(figure->total->text, fmt::format("expected a whole number before the weight, "
                                                   "found {}",
                                                   quote(figure->total->text)));
        } else if (total) {
            m_statements.state(*total, *figure->total);
        } else {
            m_statements.restate(Derived::growth_correlation, *figure->total);
        }
    }

    void read_raw(const Item& item) {
        const auto figure = parse_raw(item.value);
        if (!figure) {
            expected_value(item, "the raw score as \"3.75 x 1.32 x 1.04 x 1.10 = 5.6628\" or a "
                                 "number");
            return;
        }
        if (!figure->factors.empty()) {
            constexpr std::array<Figure, 4> factors = {
                Figure::task_resistance, Figure::evidence_modifier, Figure::barrier_modifier,
                Figure::growth_modifier};
            for (std::size_t i = 0; i < factors.size(); ++i) {
                m_statements.state(factors[i], figure->factors[i]);
            }
        }
        m_statements.state(Figure::raw, figure->raw);
    }

    void read_aijri(const Item& item) {
        const auto figure = parse_aijri(item.value);
        if (!figure) {
            expected_value(item, "the AIJRI as \"(5.6628 - 0.54) / 7.93 x 100 = 64.6/100\" or "
                                 "\"64.6\"");
            return;
        }
        if (figure->raw) {
            m_statements.state(Figure::raw, *figure->raw);
            m_statements.restate(Derived::raw_min, *figure->raw_min);
            m_statements.restate(Derived::raw_span, *figure->raw_span);
            m_statements.restate(Derived::scale, *figure->scale);
        }
        m_statements.state(Figure::aijri, figure->aijri);
        if (figure->maximum) {
            m_statements.restate(Derived::aijri_maximum, *figure->maximum);
        }
    }

    void read_zone(const Item& item) {
        const auto figure = parse_zone(item.value);
        if (!figure) {
            expected_value(item, "the zone as \"GREEN (Green >= 48, Yellow 25-47, Red <25)\" or "
                                 "\"Green\"");
            return;
        }
        m_statements.zones.push_back(TextStatement{figure->zone, item.value});
        if (figure->sub_label) {
            m_statements.sub_labels.push_back(
                TextStatement{decode_text(*figure->sub_label), *figure->sub_label});
        }
        if (figure->thresholds) {
            const auto& t = *figure->thresholds;
            m_statements.restate(Derived::green_min, t[0]);
            m_statements.restate(Derived::yellow_min, t[1]);
            m_statements.restate(Derived::yellow_max, t[2]);
            m_statements.restate(Derived::red_below, t[3]);
        }
    }

    void read_sub_label(const Item& item) {
        const auto figure = parse_sub_label(item.value);
        if (!figure) {
            expected_value(item,
                           "the sub-label as \"Green (Accelerated)\", \"Yellow\" or \"none\"");
            return;
        }
        if (figure->zone) {
            m_statements.zones.push_back(TextStatement{figure->zone, item.value});
            if (figure->sub_label) {
                m_statements.sub_labels.push_back(
                    TextStatement{decode_text(*figure->sub_label), *figure->sub_label});
            }
        }
        std::optional<std::string> label;
        if (figure->sub_label) {
            label = decode_text(*figure->sub_label);
        }
        m_statements.sub_labels.push_back(TextStatement{label, item.value});
    }

    void read_override(const Item& item) {
        const auto figure = parse_override(item.value);
        if (!figure) {
            expected_value(item, "the assessor override as \"None — formula score accepted.\" or "
                                 "as what it overrides and why, such as \"zone Yellow; sub-label "
                                 "none — reason\"");
            return;
        }
        if (figure->none) {
            return;
        }
        Override result;
        if (figure->aijri) {
            const Rational& v = figure->aijri->literal.value;
            if (v < Rational(0) || v > Rational(100) || !(v * Rational(10)).is_integer()) {
                error(figure->aijri->text,
                      fmt::format("expected an AIJRI from 0.0 to 100.0 with at most 1 decimal, "
                                  "found {}",
                                  quote(figure->aijri->text)));
            }
            result.aijri = v;
        }
        result.zone = figure->zone;
        result.has_sub_label = figure->has_sub_label;
        if (figure->sub_label) {
            result.sub_label = decode_text(*figure->sub_label);
            if (result.sub_label->empty()) {
                error(item.value, "expected a non-empty sub-label in the override, or none");
            }
        }
        result.reason = text_of(figure->reason);
        if (result.reason.empty()) {
            error(item.value, "expected the reason for the override after the dash");
        }
        m_out.override_ = std::move(result);
    }

private:
    void error(std::string_view at, std::string message) { m_source.error(at, std::move(message)); }

    ImportContext& m_context;
    DocumentSource& m_source;
    Assessment& m_out;
    Statements& m_statements;
};

} // namespace

void read_items(ImportContext& context, std::vector<Item>& items) {
    LineReader(context).read_items(items);
}

} // namespace aijri::detail
