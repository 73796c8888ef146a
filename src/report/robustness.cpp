#include "aijri/report/robustness.hpp"
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aijri/json/writer.hpp"
#include "aijri/report/json.hpp"
#include "aijri/util/text.hpp"

#include "code_scanning.hpp"
#include "contribution.hpp"
#include "formats.hpp"
#include "html_report.hpp"
#include "report_writer.hpp"

namespace aijri {

namespace {

using detail::JsonWriter;
using report_detail::Column;
using report_detail::ReportWriter;
using namespace report_detail;

const Probability& probability_of(const Uncertainty& u, Zone zone) {
    return u.zones[static_cast<std::size_t>(zone)];
}

std::string_view model_name(UncertaintyModel model) {
    return enum_name(k_uncertainty_model_names, model);
}

std::string model_description(UncertaintyModel model) {
    return model == UncertaintyModel::standard
               ? "each input uniform over its declared range, else over its score ± 1 within "
                 "its bounds"
               : "each input with a declared range uniform over it, the others as scored";
}

const ScoredInput& input_at(const Robustness& r, const std::string& pointer) {
    const auto it = std::find_if(r.inputs.begin(), r.inputs.end(),
                                 [&](const ScoredInput& in) { return in.pointer == pointer; });
    return *it;
}

// Each edit as --set takes it: "/tasks/0/score=4".
std::vector<std::string> settings(const ZoneChange& change) {
    std::vector<std::string> out;
    for (const InputEdit& e : change.edits) {
        out.push_back(fmt::format("{}={}", e.pointer, e.to));
    }
    return out;
}

// All of them on one line: "/tasks/0/score=4 /tasks/1/score=5".
std::string as_settings(const ZoneChange& change) {
    return fmt::format("{}", fmt::join(settings(change), " "));
}

std::string steps(int count) {
    return fmt::format("{} unit step{}", count, count == 1 ? "" : "s");
}

// "4 → Yellow", or "—" where no edit changes the zone.
std::string change_cell(const std::optional<ZoneChange>& change) {
    return change ? fmt::format("{} → {}", change->count, to_string(change->zone)) : "—";
}

Rational swing_size(const Swing& s) {
    const Rational d = s.at_max.aijri - s.at_min.aijri;
    return d.sign() < 0 ? -d : d;
}

// ---- JSON ------------------------------------------------------------------------------------

void write_margin_side(JsonWriter& w, const std::optional<MarginSide>& side, int decimals) {
    if (!side) {
        w.null();
        return;
    }
    w.begin_object();
    w.key("line");
    w.decimal(side->line, decimals);
    w.key("points");
    w.decimal(side->points, decimals);
    w.end_object();
}

void write_change(JsonWriter& w, const std::optional<ZoneChange>& change) {
    if (!change) {
        w.null();
        return;
    }
    w.begin_object();
    w.key("zone");
    w.string(to_string(change->zone));
    w.key("count");
    w.integer(change->count);
    w.key("edits");
    w.begin_array();
    for (const InputEdit& e : change->edits) {
        w.begin_object();
        w.key("pointer");
        w.string(e.pointer);
        w.key("from");
        w.integer(e.from);
        w.key("to");
        w.integer(e.to);
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

void write_swing_end(JsonWriter& w, const SwingEnd& end, int decimals) {
    w.begin_object();
    w.key("value");
    w.integer(end.value);
    w.key("aijri");
    w.decimal(end.aijri, decimals);
    w.end_object();
}

void write_optional_index(JsonWriter& w, const std::optional<Rational>& index) {
    if (index) {
        w.decimal(*index, 4);
    } else {
        w.null();
    }
}

void write_robustness(JsonWriter& w, const Evaluation& e, const Methodology& m) {
    const Robustness& r = *e.robustness;
    const Score& s = *e.score;
    const int d = m.published_decimals;
    w.key("file");
    w.string(e.file);
    w.key("id");
    w.string(e.assessment->id);
    w.key("title");
    w.string(e.assessment->role.title);
    w.key("methodology");
    w.string(s.methodology);
    w.key("aijri");
    w.decimal(r.aijri, d);
    w.key("zone");
    w.string(to_string(r.zone));
    w.key("label");
    w.string(s.formula.label);
    w.key("override");
    if (s.overridden) {
        w.begin_object();
        w.key("aijri");
        w.decimal(s.final_.aijri, d);
        w.key("zone");
        w.string(to_string(s.final_.zone));
        w.key("label");
        w.string(s.final_.label);
        w.key("reason");
        w.string(e.assessment->override_->reason);
        w.end_object();
    } else {
        w.null();
    }
    if (e.what_if) {
        w.key("what_if"); // the figures here are the edited role's
        report_detail::write_what_if(w, *e.what_if, d);
    }
    w.key("margin");
    w.begin_object();
    w.key("above");
    write_margin_side(w, r.margin.above, d);
    w.key("below");
    write_margin_side(w, r.margin.below, d);
    w.end_object();
    w.key("fewest_edits");
    w.begin_object();
    w.key("down");
    write_change(w, r.fewest_edits.down);
    w.key("up");
    write_change(w, r.fewest_edits.up);
    w.end_object();
    w.key("swing");
    w.begin_array();
    for (const Swing& swing : r.swing) {
        const ScoredInput& in = r.inputs[swing.input];
        w.begin_object();
        w.key("pointer");
        w.string(in.pointer);
        w.key("name");
        w.string(in.name);
        w.key("at_min");
        write_swing_end(w, swing.at_min, d);
        w.key("at_max");
        write_swing_end(w, swing.at_max, d);
        w.end_object();
    }
    w.end_array();
    w.key("uncertainty");
    w.begin_object();
    w.key("model");
    w.string(model_name(r.uncertainty.model));
    w.key("zones");
    w.begin_object();
    for (const Zone zone : {Zone::green, Zone::yellow, Zone::red}) {
        const Probability& p = probability_of(r.uncertainty, zone);
        w.key(to_string(zone));
        w.begin_object();
        w.key("exact");
        w.string(p.exact);
        w.key("probability");
        w.decimal(p.rounded, 6);
        w.end_object();
    }
    w.end_object();
    w.key("aijri");
    w.begin_object();
    w.key("p05");
    w.decimal(r.uncertainty.p05, d);
    w.key("median");
    w.decimal(r.uncertainty.median, d);
    w.key("p95");
    w.decimal(r.uncertainty.p95, d);
    w.end_object();
    w.end_object();
    w.key("sensitivity");
    w.begin_array();
    for (const Sensitivity& index : r.sensitivity) {
        w.begin_object();
        w.key("pointer");
        w.string(r.inputs[index.input].pointer);
        w.key("first_order");
        write_optional_index(w, index.first_order);
        w.key("total");
        write_optional_index(w, index.total);
        w.end_object();
    }
    w.end_array();
}

// ---- text ------------------------------------------------------------------------------------

class Section {
public:
    Section(const Evaluation& e, const Methodology& m, const TextStyle& style)
        : m_e(e), m_r(*e.robustness), m_s(*e.score), m_m(m), m_style(style), m_w(style) {}

    std::string write() {
        const int d = m_m.published_decimals;
        const std::string verdict =
            fmt::format("AIJRI {} {}", to_fixed(m_r.aijri, d), sanitize(m_s.formula.label));
        m_w.title(sanitize(m_e.assessment->role.title), verdict,
                  fmt::format("AIJRI {} {}", to_fixed(m_r.aijri, d),
                              colored_label(m_r.zone, sanitize(m_s.formula.label), m_style.color)));
        m_w.line(fmt::format("{} · methodology {} · {} uncertainty model", sanitize(m_e.file),
                             sanitize(m_s.methodology), model_name(m_r.uncertainty.model)));
        if (m_e.what_if) {
            std::vector<std::string> settings;
            for (const InputSetting& edit : m_e.what_if->edits) {
                settings.push_back(
                    fmt::format("{}={}", edit.pointer, to_decimal(edit.value.value, 0, 2)));
            }
            m_w.line(fmt::format("What-if (--set {}): the file as it is gives {} {}; every figure "
                                 "below is the edited role's (Δ {})",
                                 fmt::join(settings, " "), to_fixed(m_e.what_if->original.aijri, d),
                                 sanitize(m_e.what_if->original.label),
                                 report_detail::signed_fixed(m_e.what_if->edited.delta, d)));
        }
        if (m_s.overridden) {
            m_w.line(fmt::format("Assessor override: {} {} — shown, not analysed: every figure "
                                 "below is the formula's",
                                 to_fixed(m_s.final_.aijri, d), sanitize(m_s.final_.label)));
        }
        margin();
        fewest_edits();
        swing();
        uncertainty();
        sensitivity();
        return m_w.take();
    }

private:
    void margin() {
        const int d = m_m.published_decimals;
        m_w.heading("Margin");
        const std::string zone(to_string(m_r.zone));
        if (m_r.margin.above) {
            m_w.line(fmt::format("{} points above the {} line ({})",
                                 to_fixed(m_r.margin.above->points, d), zone,
                                 to_fixed(m_r.margin.above->line, d)));
        } else {
            m_w.line(fmt::format("{} is the lowest zone", zone));
        }
        if (m_r.margin.below) {
            m_w.line(fmt::format("{} points below the next line up ({})",
                                 to_fixed(m_r.margin.below->points, d),
                                 to_fixed(m_r.margin.below->line, d)));
        } else {
            m_w.line(fmt::format("{} is the highest zone", zone));
        }
    }

    void fewest_edits() {
        m_w.heading("Fewest edits that change the zone (unit steps on scored inputs)");
        change("Down", m_r.fewest_edits.down,
               m_r.zone == Zone::red ? "Red is the lowest zone"
                                     : "no edit within the inputs' bounds lowers the zone");
        change("Up", m_r.fewest_edits.up,
               m_r.zone == Zone::green ? "Green is the highest zone"
                                       : "no edit within the inputs' bounds raises the zone");
    }

    void change(std::string_view direction, const std::optional<ZoneChange>& c,
                std::string_view why_none) {
        if (!c) {
            m_w.line(fmt::format("{}: none — {}", direction, why_none));
            return;
        }
        m_w.line(fmt::format("{} to {}: {} on {} input{}", direction, to_string(c->zone),
                             steps(c->count), c->edits.size(), c->edits.size() == 1 ? "" : "s"));
        std::vector<std::vector<std::string>> rows;
        for (const InputEdit& e : c->edits) {
            rows.push_back({input_at(m_r, e.pointer).name, std::to_string(e.from),
                            std::to_string(e.to), e.pointer});
        }
        m_w.table({{"Input"}, {"From", 4, true}, {"To", 4, true}, {"Pointer"}}, rows);
        m_w.line(fmt::format("what-if: aijri score {} --set {}", sanitize(m_e.file),
                             fmt::join(settings(*c), " --set ")));
    }

    // A tornado: each input's swing as a bar on one scale, │ where the role stands.
    void swing() {
        const int d = m_m.published_decimals;
        m_w.heading(fmt::format("Swing: the AIJRI with one input at its lower and upper bound "
                                "(│ the role's {})",
                                to_fixed(m_r.aijri, d)));
        Rational low = m_r.aijri;
        Rational high = m_r.aijri;
        for (const Swing& s : m_r.swing) {
            low = min(low, min(s.at_min.aijri, s.at_max.aijri));
            high = max(high, max(s.at_min.aijri, s.at_max.aijri));
        }
        const std::size_t available = m_w.available_width();
        const std::size_t bar = std::clamp<std::size_t>(available / 3, 10, 40);
        const std::size_t name_width =
            available > bar + 34 ? std::min<std::size_t>(available - bar - 34, 36) : 8;
        m_w.line(fmt::format("{}  {:>5} {} {:<5}  {}", pad("Input", name_width), "AIJRI",
                             pad("", bar), "", "Input values"));
        for (const Swing& s : m_r.swing) {
            const bool rising = s.at_max.aijri >= s.at_min.aijri;
            const SwingEnd& left = rising ? s.at_min : s.at_max;
            const SwingEnd& right = rising ? s.at_max : s.at_min;
            m_w.line(fmt::format(
                "{}  {:>5} {} {:<5}  {} … {}",
                pad(shorten(sanitize(m_r.inputs[s.input].name), name_width), name_width),
                to_fixed(left.aijri, d), tornado_bar(left.aijri, right.aijri, low, high, bar),
                to_fixed(right.aijri, d), signed_value(s.input, left.value),
                signed_value(s.input, right.value)));
        }
    }

    std::string signed_value(std::size_t input, int value) const {
        const bool signed_scale = m_r.inputs[input].min < 0;
        return signed_scale && value > 0 ? fmt::format("+{}", value) : std::to_string(value);
    }

    std::string tornado_bar(const Rational& from, const Rational& to, const Rational& low,
                            const Rational& high, std::size_t width) const {
        const auto column = [&](const Rational& v) -> std::size_t {
            if (high == low) {
                return 0;
            }
            const Rational place =
                (v - low) / (high - low) * Rational(static_cast<std::int64_t>(width - 1));
            return static_cast<std::size_t>(place.scaled_round(0));
        };
        const std::size_t a = column(from);
        const std::size_t b = column(to);
        const std::size_t here = column(m_r.aijri);
        std::string out;
        for (std::size_t i = 0; i < width; ++i) {
            if (i == here) {
                out += "│";
            } else if (i >= a && i <= b) {
                out += "█";
            } else {
                out += " ";
            }
        }
        return out;
    }

    void uncertainty() {
        const int d = m_m.published_decimals;
        const Uncertainty& u = m_r.uncertainty;
        m_w.heading(fmt::format("Uncertainty ({} model: {})", model_name(u.model),
                                model_description(u.model)));
        std::vector<std::vector<std::string>> rows;
        for (const Zone zone : {Zone::green, Zone::yellow, Zone::red}) {
            const Probability& p = probability_of(u, zone);
            rows.push_back({std::string(to_string(zone)), to_fixed(p.rounded, 6), p.exact});
        }
        m_w.table({{"Zone"}, {"Probability", 11, true}, {"Exact"}}, rows);
        m_w.line(fmt::format("AIJRI: 5th percentile {} · median {} · 95th percentile {}",
                             to_fixed(u.p05, d), to_fixed(u.median, d), to_fixed(u.p95, d)));
    }

    void sensitivity() {
        m_w.heading("Sensitivity: Sobol indices of the exact AIJRI (the share of its variance "
                    "each input explains, alone and with the others)");
        if (!m_r.sensitivity.empty() && !m_r.sensitivity.front().total) {
            m_w.line("none: under this model no input varies");
            return;
        }
        std::vector<std::vector<std::string>> rows;
        for (const Sensitivity& s : m_r.sensitivity) {
            rows.push_back({m_r.inputs[s.input].name, to_fixed(*s.first_order, 4),
                            to_fixed(*s.total, 4), m_r.inputs[s.input].pointer});
        }
        m_w.table({{"Input"}, {"First order", 11, true}, {"Total", 6, true}, {"Pointer"}}, rows);
    }

    const Evaluation& m_e;
    const Robustness& m_r;
    const Score& m_s;
    const Methodology& m_m;
    const TextStyle& m_style;
    ReportWriter m_w;
};

// ---- batch formats -----------------------------------------------------------------------------

// "64.6 Green (Accelerated): 16.6 above 48.0; 4 unit steps down to Yellow; P(Green) 0.961743"
std::string summary_line(const Evaluation& e, const Methodology& m) {
    if (!e.robustness) {
        return "";
    }
    const Robustness& r = *e.robustness;
    const int d = m.published_decimals;
    std::string out = fmt::format("{} {}", to_fixed(r.aijri, d), e.score->formula.label);
    if (r.margin.above) {
        out += fmt::format(": {} above {}", to_fixed(r.margin.above->points, d),
                           to_fixed(r.margin.above->line, d));
    } else {
        out += fmt::format(": {} below {}", to_fixed(r.margin.below->points, d),
                           to_fixed(r.margin.below->line, d));
    }
    if (const auto& nearest = nearest_zone_change(r.fewest_edits)) {
        out += fmt::format("; {} to {}", steps(nearest->count), to_string(nearest->zone));
    } else {
        out += "; no edit changes the zone";
    }
    out += fmt::format("; P({}) {}", to_string(r.zone),
                       to_fixed(probability_of(r.uncertainty, r.zone).rounded, 6));
    return out;
}

class Table final : public BatchReport {
public:
    Table(const Methodology& m, const ReportStyle& style) : m_methodology(m), m_style(style) {}

    std::string begin(const BatchTotals*) const override {
        return trimmed(fmt::format("{:>5}  {:<{}}  {:>7}  {:<12}  {:>8}  {:<{}}  {}", "AIJRI",
                                   "Label", k_label, "Margin", "Fewest edits", "P(zone)", "Role",
                                   title_width(), "File")) +
               "\n";
    }

    // A row: the formula's verdict, its margin to the nearer line (↓ above the line under
    // it, ↑ below the line over it), the zone change that takes the fewest steps, the
    // probability of keeping the zone; then an override and a tripped gate under it.
    std::string render(const Evaluation& e, const std::optional<std::string>& gate) const override {
        const std::string file = shorten_start(sanitize(display_file(e)), file_width());
        if (!e.valid() || !e.robustness) {
            const std::size_t errors = count_errors(e);
            const std::string what =
                e.io_error ? "unreadable"
                : e.methodology_error
                    ? "not analysed: methodology"
                    : fmt::format("invalid: {} error{}", errors, errors == 1 ? "" : "s");
            return trimmed(fmt::format("{:>5}  {}  {}", "—", pad(what, fixed_width() - 7), file)) +
                   "\n";
        }
        const Robustness& r = *e.robustness;
        const int d = m_methodology.published_decimals;
        std::string out = fmt::format(
            "{:>5}  {}  {:>7}  {}  {:>8}  {}  {}\n", to_fixed(r.aijri, d),
            colored_label(r.zone, pad(shorten(sanitize(e.score->formula.label), k_label), k_label),
                          m_style.color),
            nearer_line(r.margin, d), pad(change_cell(nearest_zone_change(r.fewest_edits)), 12),
            to_fixed(probability_of(r.uncertainty, r.zone).rounded, 6),
            pad(shorten(sanitize(e.assessment->role.title), title_width()), title_width()), file);
        if (e.score->overridden) {
            out += "       override (not analysed): " +
                   sanitize(fmt::format("{} {}", to_fixed(e.score->final_.aijri, d),
                                        e.score->final_.label)) +
                   "\n";
        }
        if (gate) {
            out += "       gate: " + sanitize(*gate) + "\n";
        }
        return out;
    }

    std::string end(const BatchTotals& t) const override { return text_footer(t, m_style.width); }

private:
    static constexpr std::size_t k_label = 20;
    static constexpr std::size_t k_min_cell = 8;
    // AIJRI, label, margin, fewest edits, P: 5 + 20 + 7 + 12 + 8 and 2 between each.
    static constexpr std::size_t fixed_width() { return 5 + k_label + 7 + 12 + 8 + 10; }
    static std::string nearer_line(const Margin& m, int decimals) {
        if (m.above && (!m.below || m.above->points <= m.below->points)) {
            return to_fixed(m.above->points, decimals) + " ↓";
        }
        return to_fixed(m.below->points, decimals) + " ↑";
    }
    // What the fixed columns leave goes three fifths to the role, the rest to the file.
    std::size_t room() const {
        return m_style.width > fixed_width() + 4 ? m_style.width - fixed_width() - 4 : 0;
    }
    std::size_t title_width() const {
        return std::clamp<std::size_t>(room() * 3 / 5, k_min_cell, 30);
    }
    std::size_t file_width() const {
        return std::max(room() > title_width() ? room() - title_width() : 0, k_min_cell);
    }
    const Methodology& m_methodology;
    ReportStyle m_style;
};

class Csv final : public BatchReport {
public:
    explicit Csv(const Methodology& m) : m_methodology(m) {}

    std::string begin(const BatchTotals*) const override {
        return "file,id,title,status,aijri,zone,label,margin_above_line,margin_above,"
               "margin_below_line,margin_below,down_count,down_zone,down_edits,up_count,up_zone,"
               "up_edits,model,p_green,p_yellow,p_red,p05,median,p95,largest_swing,"
               "largest_swing_points,most_sensitive,most_sensitive_total,messages\r\n";
    }

    std::string render(const Evaluation& e, const std::optional<std::string>& gate) const override {
        if (!e.valid() || !e.robustness) {
            return csv_invalid_row(e, 29);
        }
        std::vector<std::string> cells{csv_field(display_file(e))};
        const Robustness& r = *e.robustness;
        const int d = m_methodology.published_decimals;
        const auto side = [&](const std::optional<MarginSide>& s) {
            return s ? std::pair(to_fixed(s->line, d), to_fixed(s->points, d))
                     : std::pair(std::string(), std::string());
        };
        const auto change = [&](const std::optional<ZoneChange>& c) {
            return c ? std::vector<std::string>{std::to_string(c->count),
                                                std::string(to_string(c->zone)),
                                                csv_field(as_settings(*c))}
                     : std::vector<std::string>{"", "", ""};
        };
        cells.insert(cells.end(),
                     {csv_field(e.assessment->id), csv_field(e.assessment->role.title),
                      gate ? "gate" : "analysed", to_fixed(r.aijri, d),
                      std::string(to_string(r.zone)), csv_field(e.score->formula.label)});
        const auto [above_line, above] = side(r.margin.above);
        const auto [below_line, below] = side(r.margin.below);
        cells.insert(cells.end(), {above_line, above, below_line, below});
        for (const auto& c : {r.fewest_edits.down, r.fewest_edits.up}) {
            const auto parts = change(c);
            cells.insert(cells.end(), parts.begin(), parts.end());
        }
        cells.emplace_back(model_name(r.uncertainty.model));
        for (const Zone zone : {Zone::green, Zone::yellow, Zone::red}) {
            cells.push_back(to_fixed(probability_of(r.uncertainty, zone).rounded, 6));
        }
        cells.insert(cells.end(),
                     {to_fixed(r.uncertainty.p05, d), to_fixed(r.uncertainty.median, d),
                      to_fixed(r.uncertainty.p95, d)});
        const Swing& largest = r.swing.front();
        cells.insert(cells.end(), {csv_field(r.inputs[largest.input].pointer),
                                   to_fixed(swing_size(largest), d)});
        const Sensitivity& most = r.sensitivity.front();
        cells.push_back(most.total ? csv_field(r.inputs[most.input].pointer) : "");
        cells.push_back(most.total ? to_fixed(*most.total, 4) : "");
        cells.push_back(csv_messages(e, gate));
        return csv_row(cells);
    }

private:
    const Methodology& m_methodology;
};

class Markdown final : public BatchReport {
public:
    explicit Markdown(const Methodology& m) : m_methodology(m) {}
    std::string begin(const BatchTotals*) const override {
        return "| Role | AIJRI | Label | Margin | Fewest edits down | Fewest edits up | P(zone) | "
               "File |\n|---|---:|---|---|---|---|---:|---|\n";
    }
    std::string render(const Evaluation& e, const std::optional<std::string>& gate) const override {
        const std::string file = markdown_code(display_file(e));
        if (!e.valid() || !e.robustness) {
            const std::size_t errors = count_errors(e);
            return fmt::format("| {} | — | ❌ {}{} | | | | | {} |\n",
                               e.assessment ? markdown_cell(e.assessment->role.title) : "",
                               markdown_cell(first_error(e)),
                               errors > 1 ? fmt::format(" (+{} more)", errors - 1) : "", file);
        }
        const Robustness& r = *e.robustness;
        const int d = m_methodology.published_decimals;
        std::vector<std::string> margin;
        if (r.margin.above) {
            margin.push_back(fmt::format("{} above {}", to_fixed(r.margin.above->points, d),
                                         to_fixed(r.margin.above->line, d)));
        }
        if (r.margin.below) {
            margin.push_back(fmt::format("{} below {}", to_fixed(r.margin.below->points, d),
                                         to_fixed(r.margin.below->line, d)));
        }
        const auto change = [](const std::optional<ZoneChange>& c) {
            return c ? fmt::format("{} → {}: {}", steps(c->count), to_string(c->zone),
                                   markdown_code(as_settings(*c)))
                     : std::string("—");
        };
        return fmt::format("| {} | {} | {}{} | {} | {} | {} | {} | {} |\n",
                           markdown_cell(e.assessment->role.title), to_fixed(r.aijri, d),
                           markdown_cell(e.score->formula.label),
                           gate ? " ⚠️ " + markdown_cell(*gate) : "", fmt::join(margin, "; "),
                           change(r.fewest_edits.down), change(r.fewest_edits.up),
                           to_fixed(probability_of(r.uncertainty, r.zone).rounded, 6), file);
    }
    std::string end(const BatchTotals& t) const override { return markdown_footer(t); }

private:
    const Methodology& m_methodology;
};

} // namespace

std::string render_robustness_text(const Evaluation& evaluation, const Methodology& methodology,
                                   const TextStyle& style) {
    return Section(evaluation, methodology, style).write();
}

void append_robustness_json(std::string& out, const Evaluation& evaluation,
                            const Methodology& methodology, const std::optional<std::string>& gate,
                            int indent) {
    if (!evaluation.valid() || !evaluation.robustness) {
        append_result_json(out, evaluation, methodology, gate, indent);
        return;
    }
    JsonWriter w(out, indent);
    w.begin_object();
    write_robustness(w, evaluation, methodology);
    write_record_end(w, evaluation, gate);
    w.end_object();
}

std::unique_ptr<BatchReport> make_robustness_report(BatchFormat format,
                                                    const Methodology& methodology,
                                                    const ReportStyle& style) {
    switch (format) {
    case BatchFormat::text:
        return std::make_unique<Table>(methodology, style);
    case BatchFormat::csv:
        return std::make_unique<Csv>(methodology);
    case BatchFormat::markdown:
        return std::make_unique<Markdown>(methodology);
    case BatchFormat::html:
        return make_html_report(methodology, style, true);
    case BatchFormat::badge:
        return make_badge_report(); // the verdicts' counts, as score's badge has them
    case BatchFormat::sarif:
        return make_sarif_report(methodology, style, k_robustness_checks);
    case BatchFormat::gitlab:
        return make_gitlab_report(methodology, style);
    case BatchFormat::json:
    case BatchFormat::jsonl:
    case BatchFormat::junit:
    case BatchFormat::github:
        break;
    }
    return make_record_report(format, methodology, append_robustness_json, summary_line);
}

} // namespace aijri
