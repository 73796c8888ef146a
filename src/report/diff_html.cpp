#include "diff_html.hpp"
#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "aijri/html/chart.hpp"
#include "aijri/html/html.hpp"

#include "contribution.hpp"
#include "zone_chart.hpp"

namespace aijri::report_detail {
namespace {

using html::escape;

constexpr std::string_view k_table_id = "roles";
constexpr std::size_t k_page_size = 100; // rows of the table shown at once
// Sections drawn with their charts, largest moves first: the others (a methodology change
// moves every role) keep their figures and steps, so that a diff of thousands of roles is
// still a page a browser opens at once (a section with charts is some 7 KiB).
constexpr std::size_t k_charted_roles = 200;

// The anchor of each role's section: html::anchor() of its id, which is one a role; should
// two roles ever share an id (files that could not be read far enough to give theirs), the
// second gets "_z2" (an anchor writes '_' only before two hex digits, so no id gives that).
class Anchors {
public:
    explicit Anchors(const DiffResult& result) {
        std::unordered_set<std::string> used;
        for (const RoleDiff& r : result.roles) {
            std::string name = html::anchor("role-", r.id);
            for (int n = 2; used.count(name) > 0; ++n) {
                name = fmt::format("{}_z{}", html::anchor("role-", r.id), n);
            }
            used.insert(name);
            m_names.emplace(&r, std::move(name));
        }
    }
    const std::string& operator[](const RoleDiff& r) const { return m_names.at(&r); }

private:
    std::unordered_map<const RoleDiff*, std::string> m_names;
};

// A role has a section where the text report lists it.
bool has_section(const RoleDiff& r, const DiffReportStyle& style) {
    return style.show_unchanged || worth_showing(r);
}

// The role's id, a link to its section when it has one.
std::string role_name(const RoleDiff& r, const DiffReportStyle& style, const Anchors& anchors) {
    return has_section(r, style) ? fmt::format("<a href=\"#{}\">{}</a>", anchors[r], escape(r.id))
                                 : escape(r.id);
}

// How many roles crossed each zone line, each way. A move from Red to Green crosses both.
struct Crossings {
    std::size_t green_up = 0;
    std::size_t green_down = 0;
    std::size_t yellow_up = 0;
    std::size_t yellow_down = 0;
};

Crossings count_crossings(const DiffResult& result) {
    Crossings c;
    for (const RoleDiff& r : result.roles) {
        if (!r.zone_changed) {
            continue;
        }
        const Zone from = r.old_verdict->zone;
        const Zone to = r.new_verdict->zone;
        const bool up = to > from;
        if ((from == Zone::green) != (to == Zone::green)) {
            ++(up ? c.green_up : c.green_down);
        }
        if ((from == Zone::red) != (to == Zone::red)) {
            ++(up ? c.yellow_up : c.yellow_down);
        }
    }
    return c;
}

// One side of a role in the page: "64.6 <span class="zone green">Green</span>", else as
// side_text() says it ("invalid", "—").
std::string verdict_html(const RoleVerdict& v, int decimals) {
    return fmt::format("{} {}", to_fixed(v.aijri, decimals), zone_badge(v.zone, v.label));
}
std::string side_html(const std::optional<RoleVerdict>& v, const std::string& file, int decimals) {
    return v ? verdict_html(*v, decimals) : escape(side_text(v, file, decimals));
}

std::string card(std::size_t count, std::string_view what) {
    return fmt::format("<div class=\"card\"><b>{}</b>{}</div>\n", count, what);
}

void write_zone_summary(Pieces& out, const DiffResult& result, const DiffReportStyle& style,
                        const Methodology& m, const Anchors& anchors) {
    const Crossings c = count_crossings(result);
    const std::string green = to_fixed(m.green_min, m.published_decimals);
    const std::string yellow = to_fixed(m.yellow_min, m.published_decimals);
    const DiffSummary& s = result.summary;
    std::string& text = out.text();
    text += "<section id=\"zone-changes\">\n<h2>Zone changes</h2>\n<div class=\"cards\">\n";
    text += card(c.green_up, fmt::format("up across the Green line ({})", green));
    text += card(c.green_down, fmt::format("down across the Green line ({})", green));
    text += card(c.yellow_up, fmt::format("up across the Yellow line ({})", yellow));
    text += card(c.yellow_down, fmt::format("down across the Yellow line ({})", yellow));
    text += card(s.added, "added");
    text += card(s.removed, "removed");
    text += card(s.renamed, "renamed");
    text += "</div>\n";
    if (s.zone_changes == 0) {
        text += "<p class=\"note\">No role changed zone.</p>\n</section>\n";
        return;
    }
    text += "<ul class=\"zone-changes\">\n";
    for (const RoleDiff& r : result.roles) {
        if (!r.zone_changed) {
            continue;
        }
        text += fmt::format("<li>{}: {} → {} ({})</li>\n", role_name(r, style, anchors),
                            side_html(r.old_verdict, r.old_file, style.decimals),
                            side_html(r.new_verdict, r.new_file, style.decimals),
                            signed_fixed(*r.delta, style.decimals));
        out.role_done();
    }
    out.text() += "</ul>\n</section>\n";
}

// A side's AIJRI as a numeric cell, the figure in data-v for sorting; without one, what
// side_text() says ("invalid", "—").
std::string aijri_cell(const std::optional<RoleVerdict>& v, const std::string& file, int decimals) {
    if (!v) {
        return fmt::format("<td class=\"num\">{}</td>", escape(side_text(v, file, decimals)));
    }
    const std::string figure = to_fixed(v->aijri, decimals);
    return fmt::format("<td class=\"num\" data-v=\"{}\">{}</td>", figure, figure);
}

std::string delta_cell(const RoleDiff& r, int decimals) {
    if (!r.delta) {
        return "<td class=\"num\"></td>";
    }
    return fmt::format("<td class=\"num\" data-v=\"{}\">{}</td>", to_fixed(*r.delta, decimals),
                       signed_fixed(*r.delta, decimals));
}

std::string zone_cell(const std::optional<RoleVerdict>& v) {
    return v ? "<td>" + zone_badge(v->zone, v->label) + "</td>" : std::string("<td></td>");
}

void write_role_table(Pieces& out, const DiffResult& result, const DiffReportStyle& style,
                      const Anchors& anchors) {
    const int d = style.decimals;
    out.text() += fmt::format(
        "<section id=\"all-roles\">\n<h2>All roles</h2>\n"
        "<div class=\"controls\" data-for=\"{0}\" hidden><input type=\"search\" "
        "aria-label=\"Filter the roles\" placeholder=\"Filter by any text\">"
        "<select aria-label=\"New zone\"><option value=\"\">Every new zone</option>"
        "<option value=\"Green\">Green</option><option value=\"Yellow\">Yellow</option>"
        "<option value=\"Red\">Red</option><option value=\"none\">No new score</option>"
        "</select></div>\n"
        "<table class=\"sortable\" id=\"{0}\" data-page-size=\"{1}\">\n<thead><tr><th>Role</th>"
        "<th>Status</th><th class=\"num\">Old AIJRI</th><th>Old zone</th>"
        "<th class=\"num\">New AIJRI</th><th>New zone</th><th class=\"num\">Δ</th>"
        "<th>Zone change</th></tr></thead>\n<tbody>\n",
        k_table_id, k_page_size);
    for (const RoleDiff& r : result.roles) {
        out.text() += fmt::format(
            "<tr data-zone=\"{}\"><td>{}</td><td>{}</td>{}{}{}{}{}<td>{}</td></tr>\n",
            r.new_verdict ? to_string(r.new_verdict->zone) : "none", role_name(r, style, anchors),
            to_string(r.status), aijri_cell(r.old_verdict, r.old_file, d), zone_cell(r.old_verdict),
            aijri_cell(r.new_verdict, r.new_file, d), zone_cell(r.new_verdict), delta_cell(r, d),
            r.zone_changed ? "yes" : "");
        out.role_done();
    }
    out.text() += fmt::format("</tbody>\n</table>\n<div class=\"pager\" data-for=\"{}\" hidden>"
                              "<button type=\"button\" data-step=\"-1\">Previous</button> "
                              "<output></output> "
                              "<button type=\"button\" data-step=\"1\">Next</button></div>\n"
                              "</section>\n",
                              k_table_id);
}

// The role's place on the AIJRI band: an arrow from the old AIJRI to the new one, or the one
// side it has.
std::string band(const RoleDiff& r, const Methodology& m, int decimals) {
    html::BandChart chart;
    chart.axis = aijri_axis(m);
    const std::optional<RoleVerdict>& shown = r.new_verdict ? r.new_verdict : r.old_verdict;
    html::Marker marker;
    marker.value = to_double(shown->aijri);
    marker.css = fmt::format("zone-{}", zone_class(shown->zone));
    if (r.old_verdict && r.new_verdict) {
        chart.title = fmt::format("{}: AIJRI from {} to {}", r.id, old_text(r, decimals),
                                  new_text(r, decimals));
        marker.label =
            fmt::format("{} → {} ({})", to_fixed(r.old_verdict->aijri, decimals),
                        to_fixed(r.new_verdict->aijri, decimals), signed_fixed(*r.delta, decimals));
        if (r.old_verdict->aijri != r.new_verdict->aijri) {
            marker.from = to_double(r.old_verdict->aijri);
        }
    } else {
        const std::string_view side = r.new_verdict ? "new" : "old";
        chart.title = fmt::format("{}: {} AIJRI {}", r.id, side, side_text(shown, "", decimals));
        marker.label = fmt::format("{} {}", side, to_fixed(shown->aijri, decimals));
    }
    chart.markers.push_back(std::move(marker));
    return html::band_chart(chart);
}

// The waterfall's rows: the old AIJRI, each input's points, the rounding, and the new AIJRI.
// The rounding is what the published figure's rounding and clamping add to the exact change
// the inputs made; it is shown as what makes the figures shown (each input's points to 2
// decimals) add up to the shown Δ, so that a reader's sum of the column is Δ. Both the
// steps' exact values and the figures shown add up to Δ exactly.
struct Step {
    std::string label; // unescaped
    std::string old_value;
    std::string new_value;
    Rational points;
    std::string shown; // the points as the page writes them
    bool total = false;
};

std::vector<Step> waterfall_steps(const RoleDiff& r, int decimals) {
    std::vector<Step> steps;
    const Rational& old_aijri = r.old_verdict->aijri;
    steps.push_back({"Old AIJRI", "", "", old_aijri, to_fixed(old_aijri, decimals), true});
    Rational shown_sum;
    for (const Contribution& c : r.contributions) {
        steps.push_back({input_label(c), value_text(c.old_value), value_text(c.new_value), c.points,
                         signed_fixed(c.points, 2), false});
        shown_sum += c.points.rounded(2);
    }
    const Rational rest = *r.delta - *r.delta_exact;
    const Rational rest_shown = *r.delta - shown_sum;
    if (rest != Rational(0) || rest_shown != Rational(0)) {
        steps.push_back({"Rounding", "", "", rest, signed_fixed(rest_shown, 2), false});
    }
    const Rational& new_aijri = r.new_verdict->aijri;
    steps.push_back({"New AIJRI", "", "", new_aijri, to_fixed(new_aijri, decimals), true});
    return steps;
}

std::string waterfall(const RoleDiff& r, const std::vector<Step>& steps, const Methodology& m,
                      int decimals) {
    html::BarChart chart;
    chart.title = fmt::format("{}: the change of {} points, input by input, from the old AIJRI "
                              "to the new one",
                              r.id, signed_fixed(*r.delta, decimals));
    chart.axis = aijri_axis(m);
    chart.connect = true;
    double low = chart.axis.min;
    double high = chart.axis.max;
    Rational level;
    for (const Step& s : steps) {
        html::Bar bar;
        bar.label = s.label;
        bar.text = s.shown;
        if (s.total) {
            level = s.points;
            bar.from = 0;
            bar.css = "total";
        } else {
            bar.from = to_double(level);
            level += s.points;
            bar.css = s.points < Rational(0) ? "down" : "up";
        }
        bar.to = to_double(level);
        low = std::min({low, bar.from, bar.to});
        high = std::max({high, bar.from, bar.to});
        chart.bars.push_back(std::move(bar));
    }
    // Steps that pass beyond the scale widen the axis, to whole tens, with a tick at each end.
    if (low < chart.axis.min) {
        chart.axis.min = std::floor(low / 10) * 10;
        chart.axis.ticks.insert(chart.axis.ticks.begin(), chart.axis.min);
    }
    if (high > chart.axis.max) {
        chart.axis.max = std::ceil(high / 10) * 10;
        chart.axis.ticks.push_back(chart.axis.max);
    }
    return html::bar_chart(chart);
}

// The waterfall's figures as a table: what a reader without the picture reads, with each
// figure's exact value (data-exact, and its tooltip) beside the rounded one it shows.
std::string steps_table(const std::vector<Step>& steps) {
    std::string out = "<table class=\"steps\">\n<thead><tr><th>Step</th><th>Old</th><th>New</th>"
                      "<th class=\"num\">Points</th></tr></thead>\n<tbody>\n";
    for (const Step& s : steps) {
        out += fmt::format(
            "<tr>{0}{1}</{6}><td>{2}</td><td>{3}</td><td class=\"num\" data-exact=\"{4}\" "
            "title=\"exactly {4}\">{5}</td></tr>\n",
            s.total ? "<th scope=\"row\">" : "<td>", escape(s.label), escape(s.old_value),
            escape(s.new_value), to_exact_string(s.points), escape(s.shown), s.total ? "th" : "td");
    }
    return out + "</tbody>\n</table>\n";
}

// Said once above the sections: how the steps' figures are rounded, and why they still add
// up; and which sections have no charts.
std::string sections_intro(std::size_t sections, int decimals) {
    std::string out = fmt::format(
        "<p class=\"note\">In each role's steps, points are shown to 2 decimals (a figure's "
        "tooltip gives its exact value). The published AIJRI is rounded to {} decimal{} (and "
        "clamped), and so are the points shown: the Rounding row, when there is one, is what "
        "that adds, and with it the column adds up to Δ.",
        decimals, decimals == 1 ? "" : "s");
    if (sections > k_charted_roles) {
        out += fmt::format(" The first {} roles, largest moves first, are drawn; the other {} "
                           "have their figures and steps.",
                           k_charted_roles, sections - k_charted_roles);
    }
    return out + "</p>\n";
}

void write_role_section(Pieces& out, const RoleDiff& r, const DiffReportStyle& style,
                        const Methodology& m, const Anchors& anchors, bool charts) {
    const int d = style.decimals;
    std::string& text = out.text();
    text += fmt::format("<section class=\"role\" id=\"{}\">\n<h3>{}</h3>\n"
                        "<p class=\"meta\">{}</p>\n",
                        anchors[r], escape(r.id), to_string(r.status));
    text += fmt::format("<p class=\"figures\">{} → {}", side_html(r.old_verdict, r.old_file, d),
                        side_html(r.new_verdict, r.new_file, d));
    if (r.delta) {
        text += fmt::format(" · Δ {}", signed_fixed(*r.delta, d));
    }
    if (r.zone_changed) {
        text += " · <strong>⚠ zone change</strong>";
    }
    text += "</p>\n";
    if (r.renamed()) {
        text += "<p class=\"note\">" + escape(renamed_text(r)) + "</p>\n";
    }
    if (r.gate) {
        text += "<p><strong>Gate:</strong> " + escape(*r.gate) + "</p>\n";
    }
    if (charts && (r.old_verdict || r.new_verdict)) {
        text += "<figure>" + band(r, m, d) + "</figure>\n";
    }
    if (r.old_verdict && r.new_verdict && r.delta_exact &&
        (!r.contributions.empty() || *r.delta != Rational(0))) {
        const std::vector<Step> steps = waterfall_steps(r, d);
        text += charts ? "<figure>" + waterfall(r, steps, m, d) + steps_table(steps) + "</figure>\n"
                       : steps_table(steps);
    }
    if (!r.scenario_changes.empty()) {
        text += "<ul class=\"scenarios\">\n";
        for (const ScenarioChange& s : r.scenario_changes) {
            // As scenario_text() says it, with the zones' badges.
            text += fmt::format("<li>scenario \"{}\": {} → {}{}</li>\n", escape(s.name),
                                verdict_html(s.old_verdict, d), verdict_html(s.new_verdict, d),
                                s.zone_changed() ? " · <strong>⚠ zone change</strong>" : "");
        }
        text += "</ul>\n";
    }
    if (!r.errors.empty()) {
        text += "<ul class=\"errors\">\n";
        for (const std::string& e : r.errors) {
            text += "<li>" + escape(e) + "</li>\n";
        }
        text += "</ul>\n";
    }
    text += "</section>\n";
    out.role_done();
}

} // namespace

void write_diff_html(Pieces& out, const DiffResult& result, const DiffReportStyle& style) {
    const Methodology& m = style.methodology ? *style.methodology : builtin_methodology();
    const Anchors anchors(result);
    const std::string summary = summary_line(result.summary);
    out.text() += html::page_begin("aijri diff: " + summary);
    out.text() += "<h1>AIJRI changes</h1>\n<p class=\"meta\">" + escape(summary) + "</p>\n";
    write_zone_summary(out, result, style, m, anchors);
    write_role_table(out, result, style, anchors);
    out.text() += "<h2>Roles</h2>\n";
    const auto sections = static_cast<std::size_t>(
        std::count_if(result.roles.begin(), result.roles.end(),
                      [&style](const RoleDiff& r) { return has_section(r, style); }));
    out.text() += sections == 0 ? "<p class=\"note\">No role changed.</p>\n"
                                : sections_intro(sections, style.decimals);
    std::size_t written = 0;
    for (const RoleDiff& r : result.roles) {
        if (has_section(r, style)) {
            write_role_section(out, r, style, m, anchors, written++ < k_charted_roles);
        }
    }
    out.flush();
    out.text() += html::page_end();
}

} // namespace aijri::report_detail
