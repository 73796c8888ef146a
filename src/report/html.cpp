#include <algorithm>
#include <cmath>
#include <iterator>

#include <fmt/format.h>

#include "aijri/html/chart.hpp"
#include "aijri/html/html.hpp"
#include "aijri/report/text.hpp"
#include "aijri/util/text.hpp"

#include "contribution.hpp"
#include "figures.hpp"
#include "formats.hpp"
#include "html_report.hpp"
#include "zone_chart.hpp"

namespace aijri::report_detail {
namespace {

using html::escape;

// ---- Pieces every page uses ------------------------------------------------------------------

std::string role_anchor(const std::string& file) {
    return html::anchor("role-", file);
}

std::string published(const Rational& value, const Methodology& m) {
    return to_fixed(value, m.published_decimals);
}

std::string figure(const std::string& svg, const std::string& caption = "") {
    return caption.empty() ? fmt::format("<figure>{}</figure>\n", svg)
                           : fmt::format("<figure>{}<figcaption>{}</figcaption></figure>\n", svg,
                                         escape(caption));
}

// A table of text cells, every one escaped; `numeric` columns are right-aligned.
std::string table(const std::vector<std::string>& head, const std::vector<bool>& numeric,
                  const std::vector<std::vector<std::string>>& rows) {
    std::string out = "<table><thead><tr>";
    for (std::size_t i = 0; i < head.size(); ++i) {
        out +=
            fmt::format("<th{}>{}</th>", i < numeric.size() && numeric[i] ? " class=\"num\"" : "",
                        escape(head[i]));
    }
    out += "</tr></thead><tbody>";
    for (const auto& row : rows) {
        out += "<tr>";
        for (std::size_t i = 0; i < row.size(); ++i) {
            out += fmt::format("<td{}>{}</td>",
                               i < numeric.size() && numeric[i] ? " class=\"num\"" : "",
                               escape(row[i]));
        }
        out += "</tr>";
    }
    return out + "</tbody></table>\n";
}

std::string heading(int level, std::string_view text) {
    return fmt::format("<h{0}>{1}</h{0}>\n", level, escape(text));
}

std::string paragraph(std::string_view text, std::string_view css = "") {
    return css.empty() ? fmt::format("<p>{}</p>\n", escape(text))
                       : fmt::format("<p class=\"{}\">{}</p>\n", css, escape(text));
}

std::string list(const std::vector<std::string>& items, std::string_view css = "") {
    std::string out = css.empty() ? "<ul>" : fmt::format("<ul class=\"{}\">", css);
    for (const std::string& item : items) {
        out += "<li>" + escape(item) + "</li>";
    }
    return out + "</ul>\n";
}

// Prose as the document has it: paragraphs and "- " bullets. Text, never markup: a
// "javascript:" in it stays words.
std::string prose(std::string_view text) {
    std::string out;
    std::vector<std::string> bullets;
    const auto flush = [&] {
        if (!bullets.empty()) {
            out += list(bullets);
            bullets.clear();
        }
    };
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view part = text.substr(start, end - start);
        start = end + 1;
        if (part.starts_with("- ") || part.starts_with("* ")) {
            bullets.emplace_back(part.substr(2));
            continue;
        }
        flush();
        if (!part.empty()) {
            out += paragraph(part);
        }
    }
    flush();
    return out;
}

std::string diagnostic_items(std::string_view file, const Diagnostics& diagnostics) {
    std::vector<std::string> items;
    for (const Diagnostic& d : diagnostics) {
        items.push_back(format_diagnostic(file, d));
    }
    return list(items, "errors");
}

// ---- One role ------------------------------------------------------------------------------

// The AIJRI on its band, with the scenarios and (with robustness) the quantiles beside it.
std::string verdict_band(const Evaluation& e, const Methodology& m) {
    const Score& s = *e.score;
    html::BandChart chart{"The AIJRI on the 0–100 scale, with the zone lines", aijri_axis(m), {}};
    chart.markers.push_back({to_double(s.final_.aijri),
                             fmt::format("{} {}", published(s.final_.aijri, m), s.final_.label),
                             std::string(zone_class(s.final_.zone)),
                             {}});
    if (s.overridden) {
        chart.markers.push_back(
            {to_double(s.formula.aijri),
             fmt::format("formula {} {}", published(s.formula.aijri, m), s.formula.label),
             std::string(zone_class(s.formula.zone)),
             {}});
    }
    for (const ScenarioResult& scenario : e.scenarios) {
        const Verdict& v = scenario.edited.verdict;
        chart.markers.push_back(
            {to_double(v.aijri),
             fmt::format("scenario {}: {} {}", scenario.name, published(v.aijri, m), v.label),
             std::string(zone_class(v.zone)), to_double(s.formula.aijri)});
    }
    return figure(html::band_chart(chart));
}

// From the task resistance through the three modifiers to raw: each modifier's bar is what
// it adds to (or takes from) the product so far.
std::string composite_waterfall(const Score& s) {
    struct Step {
        std::string label;
        Rational factor;
    };
    const std::array<Step, 3> steps = {{{"× evidence", s.evidence_modifier},
                                        {"× barriers", s.barrier_modifier},
                                        {"× growth", s.growth_modifier}}};
    html::BarChart chart;
    chart.title = "From the task resistance through the three modifiers to the raw score";
    chart.connect = true;
    chart.bars.push_back(
        {"Task resistance", 0, to_double(s.task_resistance), fig(s.task_resistance), "total"});
    Rational running = s.task_resistance;
    double highest = to_double(running);
    for (const Step& step : steps) {
        const Rational next = running * step.factor;
        chart.bars.push_back(
            {fmt::format("{} {}", step.label, fig(step.factor)), to_double(running),
             to_double(next),
             fmt::format("{} → {}", signed_fixed(next - running, 4), to_fixed(next, 4)),
             next >= running ? "up" : "down"});
        running = next;
        highest = std::max(highest, to_double(running));
    }
    chart.bars.push_back({"Raw", 0, to_double(s.raw), to_fixed(s.raw, 4), "total"});
    chart.axis.max = std::ceil(highest);
    chart.axis.label = "Score (task resistance × modifiers)";
    for (int t = 0; t <= static_cast<int>(chart.axis.max); ++t) {
        chart.axis.ticks.push_back(t);
    }
    return figure(html::bar_chart(chart));
}

std::string tasks_chart(const Assessment& a) {
    html::BarChart chart;
    chart.title = "The tasks, sized by their share of time and coloured by their score "
                  "(1 fully automatable, 5 resistant)";
    chart.axis.label = "% of time";
    chart.axis.ticks = {0, 25, 50, 75, 100};
    for (const Task& t : a.tasks) {
        chart.bars.push_back({t.name, 0, to_double(t.time_pct),
                              fmt::format("{} · score {}", pct(t.time_pct), t.score),
                              fmt::format("s{}", std::clamp(t.score, 1, 5))});
    }
    return figure(html::bar_chart(chart));
}

template <std::size_t N>
std::string scored_chart(std::string title, const std::array<std::string_view, N>& names,
                         const std::array<ScoredItem, N>& items, int min, int max) {
    html::BarChart chart;
    chart.title = std::move(title);
    chart.axis.min = min;
    chart.axis.max = max;
    chart.axis.label = "Score";
    for (int t = min; t <= max; ++t) {
        chart.axis.ticks.push_back(t);
    }
    for (std::size_t i = 0; i < N; ++i) {
        const int score = items[i].score;
        chart.bars.push_back({std::string(names[i]), 0, static_cast<double>(score),
                              min < 0 ? signed_int(score) : std::to_string(score),
                              score > 0 ? "up" : "down"});
    }
    return figure(html::bar_chart(chart));
}

std::string scored_table(std::string_view first_column, const Rows& rows) {
    return table({std::string(first_column), "Score", "Rationale"}, {false, true, false}, rows);
}

std::string role_definition(const Assessment& a) {
    std::string out = heading(2, "Role Definition") + table({"Field", "Value"}, {}, role_rows(a));
    if (!a.role.seniority_note.empty()) {
        out += "<h3>Seniority note</h3>\n" + prose(a.role.seniority_note);
    }
    return out;
}

std::string principles(const Assessment& a, const Score& s) {
    return heading(2, "Protective Principles + AI Growth Correlation") +
           table({"Principle", "Score", "Rationale"}, {false, true, false}, principle_rows(a, s)) +
           paragraph(quick_screen_line(s));
}

std::string tasks(const Assessment& a, const Score& s, const Methodology& m) {
    std::string out = heading(2, "Task Decomposition") + tasks_chart(a) +
                      table({"Task", "Time %", "Score", "Weighted", "Impact", "Rationale"},
                            {false, true, true, true, false, false}, task_rows(a, s)) +
                      paragraph(task_resistance_line(s, m)) + paragraph(split_line(s));
    if (a.reinstatement) {
        out += paragraph("Reinstatement check: " + reinstatement_text(*a.reinstatement));
    }
    return out;
}

std::string contributions(const EditedVerdict& edited) {
    std::vector<std::string> items;
    for (const Contribution& c : edited.contributions) {
        items.push_back(contribution_text(c));
    }
    return items.empty() ? "" : list(items);
}

std::string edited_lines(const Evaluation& e, const Methodology& m) {
    std::string out;
    const int d = m.published_decimals;
    if (e.what_if) {
        out += heading(2, "What-If (--set)");
        std::vector<std::string> set;
        for (const InputSetting& edit : e.what_if->edits) {
            set.push_back(fmt::format("Set {} = {}", edit.pointer,
                                      to_decimal(edit.value.value, edit.value.decimals,
                                                 std::max(edit.value.decimals, 6))));
        }
        out += list(set);
        const Verdict& before = e.what_if->original;
        const Verdict& after = e.what_if->edited.verdict;
        out += fmt::format("<p>As the file has it: {} {}. Edited: {} {} (Δ {}).</p>\n",
                           published(before.aijri, m), zone_badge(before.zone, before.label),
                           published(after.aijri, m), zone_badge(after.zone, after.label),
                           escape(signed_fixed(e.what_if->edited.delta, d)));
        out += contributions(e.what_if->edited);
    }
    if (!e.scenarios.empty()) {
        out += heading(2, "Scenarios");
        for (const ScenarioResult& scenario : e.scenarios) {
            const Verdict& v = scenario.edited.verdict;
            out +=
                fmt::format("<h3>{}: {} {} (Δ {} against the role)</h3>\n", escape(scenario.name),
                            published(v.aijri, m), zone_badge(v.zone, v.label),
                            escape(signed_fixed(scenario.edited.delta, d)));
            out += prose(scenario.note) + contributions(scenario.edited);
        }
    }
    return out;
}

std::string override_section(const Assessment& a, const Score& s, const Methodology& m) {
    std::string out = heading(2, "Assessor Override");
    if (!s.overridden) {
        return out + paragraph("Assessor override: none — formula score accepted.");
    }
    out += fmt::format("<p>Formula: {} {}</p>\n<p>Final: {} {} (assessor override)</p>\n",
                       published(s.formula.aijri, m), zone_badge(s.formula.zone, s.formula.label),
                       published(s.final_.aijri, m), zone_badge(s.final_.zone, s.final_.label));
    return out + "<h3>Reason</h3>\n" + prose(a.override_->reason);
}

std::string problems(const Evaluation& e) {
    std::string out;
    for (const auto& [wanted, title] :
         {std::pair{Severity::warning, "Warnings"},
          std::pair{Severity::error, "Stated figures that do not match"}}) {
        // Copied out of the binding: clang 14 (the fuzz build) cannot capture a structured
        // binding in a lambda.
        const Severity severity = wanted;
        Diagnostics shown;
        std::copy_if(e.diagnostics.begin(), e.diagnostics.end(), std::back_inserter(shown),
                     [&](const Diagnostic& d) { return d.severity == severity; });
        if (!shown.empty()) {
            out += heading(2, title) + diagnostic_items(display_file(e), shown);
        }
    }
    return out;
}

// ---- Robustness ------------------------------------------------------------------------------

const ScoredInput& input_named(const Robustness& r, const std::string& pointer) {
    return *std::find_if(r.inputs.begin(), r.inputs.end(),
                         [&](const ScoredInput& in) { return in.pointer == pointer; });
}

std::string change_items(const Robustness& r, const ZoneChange& change) {
    std::vector<std::string> items;
    for (const InputEdit& edit : change.edits) {
        items.push_back(fmt::format("{} “{}”: {} → {}", edit.pointer,
                                    input_named(r, edit.pointer).name, edit.from, edit.to));
    }
    return list(items);
}

std::string swing_chart(const Robustness& r, const Methodology& m) {
    constexpr std::size_t k_shown = 12; // the largest swings; the table has them all
    html::BarChart chart;
    chart.title = "Tornado: the published AIJRI with each input at its lowest and its highest "
                  "value, the others as scored";
    chart.axis = aijri_axis(m);
    chart.axis.lines = {{to_double(r.aijri), published(r.aijri, m)}};
    for (std::size_t i = 0; i < std::min(k_shown, r.swing.size()); ++i) {
        const Swing& s = r.swing[i];
        const ScoredInput& in = r.inputs[s.input];
        chart.bars.push_back(
            {in.name, to_double(s.at_min.aijri), to_double(s.at_max.aijri),
             fmt::format("{}–{}", published(s.at_min.aijri, m), published(s.at_max.aijri, m)),
             "total"});
    }
    return figure(html::bar_chart(chart));
}

std::string probability_chart(const Robustness& r) {
    html::BarChart chart;
    chart.title = "The probability of each zone when the inputs are uncertain (exact)";
    chart.axis.label = "% chance";
    chart.axis.ticks = {0, 25, 50, 75, 100};
    for (const Zone zone : k_zones) {
        const Probability& p = r.uncertainty.zones[static_cast<std::size_t>(zone)];
        const Rational percent = p.rounded * Rational(100);
        chart.bars.push_back({std::string(to_string(zone)), 0, to_double(percent),
                              to_decimal(percent, 1, 4) + "%", std::string(zone_class(zone))});
    }
    return figure(html::bar_chart(chart));
}

std::string robustness_section(const Robustness& r, const Methodology& m) {
    std::string out = heading(2, "Robustness of the formula's verdict");
    std::vector<std::string> margin;
    if (r.margin.above) {
        margin.push_back(fmt::format("{} points above the {} line at {}",
                                     published(r.margin.above->points, m), to_string(r.zone),
                                     published(r.margin.above->line, m)));
    }
    if (r.margin.below) {
        margin.push_back(fmt::format("{} points below the next line up, at {}",
                                     published(r.margin.below->points, m),
                                     published(r.margin.below->line, m)));
    }
    out += heading(3, "Margin") + list(margin);
    for (const auto& [title, change] :
         {std::pair{"down", &r.fewest_edits.down}, std::pair{"up", &r.fewest_edits.up}}) {
        if (!*change) {
            out += paragraph(fmt::format("No edit of the scored inputs moves the zone {}.", title));
            continue;
        }
        out +=
            heading(3, fmt::format("Fewest edits {}: {} unit step{} to {}", title, (*change)->count,
                                   (*change)->count == 1 ? "" : "s", to_string((*change)->zone))) +
            change_items(r, **change);
    }
    out += heading(3, "Swing of each input") + swing_chart(r, m);
    const Uncertainty& u = r.uncertainty;
    out += heading(3, "Zone probabilities") + probability_chart(r);
    std::vector<std::vector<std::string>> rows;
    for (const Zone zone : k_zones) {
        const Probability& p = u.zones[static_cast<std::size_t>(zone)];
        rows.push_back({std::string(to_string(zone)), to_fixed(p.rounded, 6), p.exact});
    }
    out += table({"Zone", "Probability", "Exact"}, {false, true, false}, rows);
    out +=
        paragraph(fmt::format("Published AIJRI: 5th percentile {}, median {}, 95th percentile {}",
                              published(u.p05, m), published(u.median, m), published(u.p95, m)));
    return out;
}

// ---- A role's page and a role's section in a portfolio ----------------------------------

std::string verdict_line(const Score& s, const Methodology& m) {
    return fmt::format("<p class=\"verdict\">AIJRI <b>{}</b> {}</p>\n",
                       published(s.final_.aijri, m), zone_badge(s.final_.zone, s.final_.label));
}

std::string gate_line(const std::optional<std::string>& gate) {
    return gate ? paragraph("✗ " + *gate, "gate") : "";
}

std::string invalid_role(const Evaluation& e, int level) {
    const std::string file = display_file(e);
    return fmt::format("<section class=\"role\" id=\"{}\">\n", role_anchor(file)) +
           heading(level, file) +
           fmt::format("<p class=\"verdict\"><span class=\"zone invalid\">{}</span></p>\n",
                       escape(status_of_invalid(e))) +
           diagnostic_items(file, e.diagnostics) + "</section>\n";
}

std::string full_role(const Evaluation& e, const Methodology& m,
                      const std::optional<std::string>& gate) {
    const Assessment& a = *e.assessment;
    const Score& s = *e.score;
    std::string out =
        fmt::format("<section class=\"role-page\" id=\"{}\">\n", role_anchor(display_file(e)));
    out += heading(1, a.role.title) + verdict_line(s, m);
    out += paragraph(fmt::format("{} · methodology {}", display_file(e), s.methodology), "meta");
    out += gate_line(gate) + verdict_band(e, m) + composite_waterfall(s);
    out += role_definition(a) + principles(a, s) + tasks(a, s, m);
    out += heading(2, "Evidence Score") +
           scored_chart("The evidence, each dimension from −2 to +2", k_evidence_titles, a.evidence,
                        -2, 2) +
           scored_table("Dimension", evidence_rows(a, s));
    out += heading(2, "Barrier Assessment") +
           scored_chart("The barriers to automation, each from 0 to 2", k_barrier_titles,
                        a.barriers, 0, 2) +
           scored_table("Barrier", barrier_rows(a, s));
    out += heading(2, "JobZone Composite Score (AIJRI)") +
           list(composite_lines(s, m, std::string(to_string(s.formula.zone))), "figures");
    out += heading(2, "Sub-Label Determination") +
           list({fmt::format("% of task time scoring {}+: {}", m.high_task_score,
                             pct(s.pct_time_3plus)),
                 fmt::format("AI Growth Correlation: {}", signed_int(s.growth_correlation)),
                 fmt::format("Sub-label: {} — {}", s.formula.label, s.formula.sub_label_rule)},
                "figures");
    out += edited_lines(e, m) + override_section(a, s, m);
    for (const CommentarySection& section : a.commentary) {
        if (!section.heading.empty() || !section.text.empty()) {
            out += heading(2, section.heading.empty() ? "Commentary" : section.heading) +
                   prose(section.text);
        }
    }
    out += problems(e);
    if (e.robustness) {
        out += robustness_section(*e.robustness, m);
    }
    return out + "</section>\n";
}

// A portfolio holds thousands of roles: each section is the verdict and the figures that
// make it, about a kilobyte; the full page of a role is `aijri score --format html FILE`.
std::string compact_role(const Evaluation& e, const Methodology& m,
                         const std::optional<std::string>& gate) {
    const Assessment& a = *e.assessment;
    const Score& s = *e.score;
    // The heading links back to the table; the tasks are one paragraph: thousands of
    // sections are most of a portfolio's bytes and of the nodes a browser lays out.
    std::string out =
        fmt::format("<section class=\"role\" id=\"{}\">\n<h3><a href=\"#roles\">{}</a> {}</h3>\n",
                    role_anchor(display_file(e)), escape(a.role.title),
                    zone_badge(s.final_.zone, s.final_.label));
    out +=
        paragraph(fmt::format("{} · AIJRI {} · task resistance {} × evidence {} × barriers {} "
                              "× growth {} = raw {}",
                              display_file(e), published(s.final_.aijri, m), fig(s.task_resistance),
                              fig(s.evidence_modifier), fig(s.barrier_modifier),
                              fig(s.growth_modifier), to_fixed(s.raw, 4)),
                  "figures");
    std::string task_line = "Tasks: ";
    for (std::size_t i = 0; i < a.tasks.size(); ++i) {
        const Task& t = a.tasks[i];
        task_line += fmt::format("{}{} ({} · score {})", i == 0 ? "" : "; ", t.name,
                                 pct(t.time_pct), t.score);
    }
    out += gate_line(gate) + paragraph(task_line);
    if (e.robustness) {
        const Robustness& r = *e.robustness;
        const auto& nearest = nearest_zone_change(r.fewest_edits);
        out += paragraph(nearest
                             ? fmt::format("Fewest edits to change the zone: {} unit step{} to {}.",
                                           nearest->count, nearest->count == 1 ? "" : "s",
                                           to_string(nearest->zone))
                             : std::string("No edit of the scored inputs changes the zone."));
    }
    for (const Diagnostic& d : e.diagnostics) {
        out += paragraph(
            fmt::format("{}: {}", d.severity == Severity::warning ? "warning" : "✗", d.message),
            "note");
    }
    return out + "</section>\n";
}

// ---- The portfolio's header ----------------------------------------------------------------

std::string zone_cards(const BatchTotals& t) {
    std::string out = "<div class=\"cards\">";
    for (const Zone zone : k_zones) {
        const auto it = t.zones.find(zone);
        out += fmt::format("<div class=\"card\"><b>{}</b>{}</div>",
                           it == t.zones.end() ? 0 : it->second,
                           zone_badge(zone, std::string(to_string(zone))));
    }
    out += fmt::format("<div class=\"card\"><b>{}</b>could not be scored</div>", t.invalid);
    out += fmt::format("<div class=\"card\"><b>{}</b>tripped a gate</div>", t.gate_trips.size());
    return out + "</div>\n";
}

// One bin a published point (finer for a finer scale), split at the zone lines so that no
// bin straddles two zones.
std::string aijri_histogram(const BatchTotals& t, const Methodology& m) {
    html::Histogram chart{
        "How many roles have each AIJRI, with the zone bands", aijri_axis(m), "roles", {}};
    const std::array<std::pair<Rational, Rational>, 3> zones = {
        {{Rational(0), m.yellow_min}, {m.yellow_min, m.green_min}, {m.green_min, m.scale}}};
    std::vector<Rational> edges;
    for (const auto& [from, to] : zones) {
        const auto parts = std::max<Int128>(1, (to - from).scaled_round(0));
        for (Int128 i = 0; i < parts; ++i) {
            edges.push_back(from + (to - from) * Rational::fraction(i, parts));
        }
    }
    edges.push_back(m.scale);
    std::vector<std::size_t> counts(edges.size() - 1, 0);
    for (const ResultSummary& s : t.results) {
        if (!s.valid) {
            continue;
        }
        const auto it = std::upper_bound(edges.begin(), edges.end(), s.aijri);
        const auto bin = std::clamp<std::ptrdiff_t>(it - edges.begin() - 1, 0,
                                                    static_cast<std::ptrdiff_t>(counts.size()) - 1);
        ++counts[static_cast<std::size_t>(bin)];
    }
    for (std::size_t i = 0; i < counts.size(); ++i) {
        chart.bins.push_back({to_double(edges[i]), to_double(edges[i + 1]), counts[i],
                              std::string(zone_class(zone_for(edges[i], m)))});
    }
    return figure(html::histogram(chart));
}

// raw = task resistance × modifiers: on those two axes the points of one AIJRI lie on a
// hyperbola, drawn for each zone line.
std::string composite_scatter(const BatchTotals& t, const Methodology& m) {
    html::Scatter chart;
    chart.title = "Task resistance against the product of the three modifiers, with the zone "
                  "lines (raw = task resistance × modifiers)";
    chart.x.label = "Task resistance";
    chart.x.max = to_double(m.task_resistance_base) - 1;
    for (int i = 0; i <= static_cast<int>(chart.x.max); ++i) {
        chart.x.ticks.push_back(i);
    }
    double low = 1;
    double high = 1;
    for (const ResultSummary& s : t.results) {
        if (s.valid) {
            const double y = to_double(s.modifiers);
            low = std::min(low, y);
            high = std::max(high, y);
            chart.points.push_back({to_double(s.task_resistance), y,
                                    std::string(zone_class(s.zone)),
                                    fmt::format("{}: {} {}", s.title.empty() ? s.file : s.title,
                                                published(s.aijri, m), s.label),
                                    "#" + role_anchor(s.file)});
        }
    }
    chart.y.label = "Evidence × barrier × growth modifiers";
    chart.y.min = std::floor(low * 10 - 1) / 10;
    chart.y.max = std::ceil(high * 10 + 1) / 10;
    chart.y.ticks = {chart.y.min, 1.0, chart.y.max};
    chart.y.decimals = 1;
    for (const auto& [line, name] :
         {std::pair{m.green_min, "Green"}, std::pair{m.yellow_min, "Yellow"}}) {
        const double raw = to_double(m.raw_min + line / m.scale * m.raw_span);
        html::Curve curve{fmt::format("AIJRI {} ({} line)", published(line, m), name), "ref", {}};
        for (int i = 1; i <= 60; ++i) {
            const double x = chart.x.max * i / 60;
            curve.points.emplace_back(x, raw / x);
        }
        chart.curves.push_back(std::move(curve));
    }
    return figure(html::scatter(chart));
}

// Rows for every result, sortable, filterable and paged by the page's script; without it,
// every row shows.
std::string roles_table(const BatchTotals& t, const Methodology& m, bool robustness) {
    constexpr std::size_t k_page = 100;
    std::string out = heading(2, "Roles");
    out += "<div class=\"controls\" data-for=\"roles\" hidden><input type=\"search\" "
           "placeholder=\"Filter roles\" aria-label=\"Filter roles\"><select aria-label=\"Zone\">"
           "<option value=\"\">All zones</option><option value=\"green\">Green</option>"
           "<option value=\"yellow\">Yellow</option><option value=\"red\">Red</option>"
           "<option value=\"invalid\">Invalid</option></select></div>\n";
    out += fmt::format("<table class=\"sortable\" id=\"roles\" data-page-size=\"{}\"><thead><tr>"
                       "<th>Role</th><th>File</th><th class=\"num\">AIJRI</th><th>Zone</th>"
                       "<th class=\"num\">Task resistance</th><th class=\"num\">Modifiers</th>{}"
                       "<th>Problems</th></tr></thead><tbody>\n",
                       k_page, robustness ? "<th class=\"num\">Steps to change zone</th>" : "");
    for (const ResultSummary& s : t.results) {
        const std::string link = fmt::format("<a href=\"#{}\">{}</a>", role_anchor(s.file),
                                             escape(s.title.empty() ? s.file : s.title));
        if (!s.valid) {
            std::vector<std::string> errors;
            for (const Diagnostic& d : s.first_errors) {
                errors.push_back(format_diagnostic(s.file, d));
            }
            if (s.errors > s.first_errors.size()) {
                errors.push_back(fmt::format("… {} errors in all", s.errors));
            }
            out += fmt::format("<tr data-zone=\"invalid\"><td>{}</td><td>{}</td><td class=\"num\" "
                               "data-v=\"-1\"></td><td><span class=\"zone invalid\">invalid</span>"
                               "</td><td class=\"num\"></td><td class=\"num\"></td>{}<td>{}</td>"
                               "</tr>\n",
                               link, escape(s.file), robustness ? "<td class=\"num\"></td>" : "",
                               list(errors, "errors"));
            continue;
        }
        std::string steps;
        if (robustness) {
            steps = s.nearest_change
                        ? fmt::format("<td class=\"num\" data-v=\"{0}\">{0} → {1}</td>",
                                      s.nearest_change->count, to_string(s.nearest_change->zone))
                        : "<td class=\"num\" data-v=\"1e9\">—</td>";
        }
        out += fmt::format(
            "<tr data-zone=\"{}\"><td>{}</td><td>{}</td><td class=\"num\">{}</td>"
            "<td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>{}"
            "<td>{}</td></tr>\n",
            zone_class(s.zone), link, escape(s.file), published(s.aijri, m),
            zone_badge(s.zone, s.label), fig(s.task_resistance), to_fixed(s.modifiers, 4), steps,
            s.warnings > 0 ? fmt::format("{} warning{}", s.warnings, s.warnings == 1 ? "" : "s")
                           : "");
    }
    out += "</tbody></table>\n<div class=\"pager\" data-for=\"roles\" hidden><button "
           "type=\"button\" data-step=\"-1\">Previous</button><output></output><button "
           "type=\"button\" data-step=\"1\">Next</button></div>\n";
    return out;
}

std::string batch_problems(const BatchTotals& t) {
    std::vector<std::string> items;
    for (const GateTrip& trip : t.gate_trips) {
        items.push_back(fmt::format("{}: {}", trip.file, trip.reason));
    }
    for (const DuplicateId& d : t.duplicate_ids) {
        items.push_back(describe_duplicate(d));
    }
    return items.empty() ? "" : heading(2, "Gates tripped and ids used twice") + list(items);
}

class HtmlReport final : public BatchReport {
public:
    HtmlReport(const Methodology& methodology, const ReportStyle& style, bool robustness)
        : m_methodology(methodology), m_one_role(style.one_role), m_robustness(robustness) {}

    std::string begin(const BatchTotals* totals) const override {
        const BatchTotals& t = *totals;
        if (m_one_role && t.results.size() == 1) {
            const ResultSummary& s = t.results.front();
            return html::page_begin(fmt::format("{} — aijri", s.title.empty() ? s.file : s.title));
        }
        std::string out = html::page_begin(fmt::format("aijri {} — {} role{}",
                                                       m_robustness ? "robustness" : "portfolio",
                                                       t.files, t.files == 1 ? "" : "s"));
        out += fmt::format("<h1>{} of {} role{}</h1>\n", m_robustness ? "Robustness" : "Portfolio",
                           t.files, t.files == 1 ? "" : "s");
        out += paragraph(fmt::format("{} · methodology {}", zone_counts(t), m_methodology.name),
                         "meta");
        out += zone_cards(t) + batch_problems(t);
        if (t.scored > 0) {
            out += heading(2, "Where the roles fall") + aijri_histogram(t, m_methodology);
            out += heading(2, "What makes each score") + composite_scatter(t, m_methodology);
        }
        return out + roles_table(t, m_methodology, m_robustness) + heading(2, "Each role");
    }

    std::string render(const Evaluation& e, const std::optional<std::string>& gate) const override {
        if (!e.valid()) {
            // As the text report does, a role whose only errors are stated figures that do
            // not match is shown whole, its mismatches listed: the figures are what the
            // analyst needs to correct them.
            if (m_one_role && e.assessment && !e.methodology_error && !e.edit_error) {
                Evaluation shown = e;
                shown.score = compute_score(*e.assessment, m_methodology);
                return full_role(shown, m_methodology, gate);
            }
            return invalid_role(e, m_one_role ? 1 : 3);
        }
        return m_one_role ? full_role(e, m_methodology, gate)
                          : compact_role(e, m_methodology, gate);
    }

    std::string separator() const override { return ""; }

    std::string end(const BatchTotals& totals) const override {
        return paragraph(fmt::format("Written by aijri · {}", zone_counts(totals)), "meta") +
               html::page_end();
    }

    bool header_needs_totals() const override { return true; }
    bool needs_results() const override { return true; }
    bool needs_prose() const override { return m_one_role; }

private:
    const Methodology& m_methodology;
    bool m_one_role;
    bool m_robustness;
};

} // namespace

std::unique_ptr<BatchReport> make_html_report(const Methodology& methodology,
                                              const ReportStyle& style, bool robustness) {
    return std::make_unique<HtmlReport>(methodology, style, robustness);
}

} // namespace aijri::report_detail
