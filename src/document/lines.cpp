#include <algorithm>

#include "aijri/util/text.hpp"

#include "figures.hpp"
#include "import_context.hpp"
#include "syntax.hpp"

namespace aijri::detail {
namespace {

std::string constant(const Rational& value, int min_decimals) {
    return to_decimal(value, min_decimals, 6);
}

// The expected form of a labelled line in a message: with the document's own figures when
// its tables were read without error (never the seed's, which would only confuse), else
// with the methodology's constants and the figures named.
class Examples {
public:
    Examples(const std::optional<Score>& preview, const Methodology& m) : m_p(preview), m_m(m) {}

    std::string quick_screen() const {
        if (!m_p) {
            return "Protective N + Correlation N = Likely Green";
        }
        const std::string zone = "Likely " + std::string(to_string(m_p->quick_screen_zone));
        return fmt::format("Protective {} + Correlation {} = {} Zone{}", m_p->protective_total,
                           m_p->growth_correlation, zone, m_p->quick_screen.substr(zone.size()));
    }
    std::string task_resistance() const {
        const std::string base = constant(m_m.task_resistance_base, 2);
        const std::string top = constant(m_m.task_resistance_base - Rational(1), 1);
        if (!m_p) {
            return fmt::format("{} - W = TRS/{}", base, top);
        }
        return fmt::format("{} - {} = {}/{}", base, to_decimal(m_p->task_weighted_total, 2),
                           to_decimal(m_p->task_resistance, 2), top);
    }
    std::string split() const {
        if (!m_p) {
            return "D% displacement, A% augmentation, N% not involved";
        }
        return fmt::format("{}% displacement, {}% augmentation, {}% not involved",
                           to_decimal(m_p->split.displacement, 0, 2),
                           to_decimal(m_p->split.augmentation, 0, 2),
                           to_decimal(m_p->split.not_involved, 0, 2));
    }
    std::string modifier(Label label) const {
        const Rational& weight = label == Label::evidence_modifier  ? m_m.evidence_weight
                                 : label == Label::barrier_modifier ? m_m.barrier_weight
                                                                    : m_m.growth_weight;
        if (!m_p) {
            return fmt::format("1.0 + (N x {}) = …", constant(weight, 2));
        }
        const int total = label == Label::evidence_modifier  ? m_p->evidence_total
                          : label == Label::barrier_modifier ? m_p->barrier_total
                                                             : m_p->growth_correlation;
        const Rational& value = label == Label::evidence_modifier  ? m_p->evidence_modifier
                                : label == Label::barrier_modifier ? m_p->barrier_modifier
                                                                   : m_p->growth_modifier;
        return fmt::format("1.0 + ({} x {}) = {}", total, constant(weight, 2),
                           to_decimal(value, 2));
    }
    std::string raw() const {
        if (!m_p) {
            return "TRS x EM x BM x GM = raw";
        }
        return fmt::format("{} x {} x {} x {} = {}", to_decimal(m_p->task_resistance, 2),
                           to_decimal(m_p->evidence_modifier, 2),
                           to_decimal(m_p->barrier_modifier, 2),
                           to_decimal(m_p->growth_modifier, 2), to_fixed(m_p->raw, 4));
    }
    std::string aijri() const {
        const std::string tail = fmt::format("{}) / {} x {}", constant(m_m.raw_min, 2),
                                             constant(m_m.raw_span, 2), constant(m_m.scale, 0));
        const std::string top = constant(m_m.clamp_max, 0);
        if (!m_p) {
            return fmt::format("(raw - {} = AIJRI/{}", tail, top);
        }
        return fmt::format("({} - {} = {}/{}", to_fixed(m_p->raw, 4), tail,
                           to_fixed(m_p->formula.aijri, m_m.published_decimals), top);
    }
    std::string zone() const {
        return to_ascii_upper(std::string(to_string(m_p ? m_p->formula.zone : Zone::green))) +
               " (Green >= " + constant(m_m.green_min, 0) + ", Yellow " +
               constant(m_m.yellow_min, 0) + "-" + to_fixed(m_m.green_min - Rational(1), 0) +
               ", Red <" + constant(m_m.yellow_min, 0) + ")";
    }
    std::string pct_time_3plus() const {
        return m_p ? to_decimal(m_p->pct_time_3plus, 0, 2) + "%" : std::string("40%");
    }

private:
    const std::optional<Score>& m_p;
    const Methodology& m_m;
};

class LineReader {
public:
    explicit LineReader(ImportContext& context)
        : m_context(context), m_source(context.source), m_out(context.out),
          m_statements(context.statements), m_examples(context.preview, context.methodology) {}

    // The labelled lines of one section, in document order. A figure stated twice in one
    // section is an error (in two sections, the second restates the first and is audited);
    // a value (the override, the reinstatement check, the seniority note) is one per document.
    void read_items(std::vector<Item>& items) {
        std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
            return a.label_text.data() < b.label_text.data();
        });
        std::vector<const Item*> seen;
        for (const Item& item : items) {
            const auto same = [&](const Item* s) { return s->label == item.label; };
            const bool value = item.label == Label::assessor_override ||
                               item.label == Label::reinstatement ||
                               item.label == Label::seniority_note;
            const Item* first = nullptr;
            if (const auto it = std::find_if(seen.begin(), seen.end(), same); it != seen.end()) {
                first = *it;
            } else if (const auto v = std::find_if(m_values.begin(), m_values.end(), same);
                       value && v != m_values.end()) {
                first = *v;
            }
            if (first != nullptr) {
                error(item.label_text, fmt::format("duplicate \"{}\" (first on line {})",
                                                   strip_bold(item.label_text),
                                                   m_source.position_of(first->label_text).line));
                continue;
            }
            seen.push_back(&item);
            if (value) {
                m_values.push_back(&item);
            }
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
                          Figure::evidence_total, Derived::evidence_weight);
            break;
        case Label::barrier_modifier:
            read_modifier(item, "barrier modifier", Figure::barrier_modifier, Figure::barrier_total,
                          Derived::barrier_weight);
            break;
        case Label::growth_modifier:
            read_modifier(item, "growth modifier", Figure::growth_modifier, std::nullopt,
                          Derived::growth_weight);
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
                expected_value(item,
                               fmt::format("the share of task time scoring {} or more, such as "
                                           "\"{}\"",
                                           m_context.methodology.high_task_score,
                                           m_examples.pct_time_3plus()));
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
            expected_value(item, fmt::format("the quick screen as \"{}\", or its verdict alone",
                                             m_examples.quick_screen()));
            return;
        }
        if (!figure->tail.empty() && word_key(figure->tail) != "proceedtoconfirm") {
            error(figure->tail, fmt::format("expected nothing after the quick screen's verdict but "
                                            "\"Proceed to confirm.\", found {}",
                                            quote(figure->tail)));
            return;
        }
        if (figure->protective) {
            m_statements.state(Figure::protective_total, *figure->protective);
            m_statements.restate(Derived::growth_correlation, *figure->growth);
        }
        if (figure->total) {
            m_statements.restate(Derived::quick_screen_total, *figure->total);
        }
        m_statements.quick_screens.push_back(TextStatement{figure->verdict, figure->verdict_text});
    }

    void read_task_resistance(const Item& item) {
        const auto figure = parse_task_resistance(item.value);
        if (!figure) {
            expected_value(item, fmt::format("the task resistance as \"{}\" or a number",
                                             m_examples.task_resistance()));
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
            expected_value(item, fmt::format("the split as \"{}\"", m_examples.split()));
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
                       std::optional<Figure> total, Derived weight) {
        const auto figure = parse_modifier(item.value);
        if (!figure) {
            expected_value(item, fmt::format("the {} as \"{}\" or a number", name,
                                             m_examples.modifier(item.label)));
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
            expected_value(item,
                           fmt::format("the raw score as \"{}\" or a number", m_examples.raw()));
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
            expected_value(item,
                           fmt::format("the AIJRI as \"{}\" or a number", m_examples.aijri()));
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
            expected_value(item,
                           fmt::format("the zone as \"{}\" or \"{}\"", m_examples.zone(),
                                       to_string(m_context.preview ? m_context.preview->formula.zone
                                                                   : Zone::green)));
            return;
        }
        m_statements.zones.push_back(ZoneStatement{figure->zone, item.value});
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
            m_statements.zones.push_back(ZoneStatement{*figure->zone, item.value});
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
    Examples m_examples;
    std::vector<const Item*> m_values; // the values read, in every section so far
};

} // namespace

void read_items(ImportContext& context, std::vector<std::vector<Item>>& sections) {
    LineReader reader(context);
    for (std::vector<Item>& items : sections) {
        reader.read_items(items);
    }
}

} // namespace aijri::detail
