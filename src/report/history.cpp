#include "aijri/report/history.hpp"
#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "aijri/html/chart.hpp"
#include "aijri/html/html.hpp"
#include "aijri/json/writer.hpp"
#include "aijri/report/batch.hpp"
#include "aijri/report/text.hpp"
#include "aijri/util/text.hpp"

#include "contribution.hpp"
#include "zone_chart.hpp"

namespace aijri {

using report_detail::signed_fixed;
using report_detail::zone_badge;
using report_detail::zone_class;

namespace {

constexpr std::size_t k_piece = 64U * 1024U;

// Hands the text out once it is large, between two roles.
void flush_if_large(std::string& text, const std::function<void(std::string_view)>& write) {
    if (text.size() >= k_piece) {
        write(text);
        text.clear();
    }
}

// The date without the time: a line's commit tells two of one day apart.
std::string_view day_of(const std::string& date) {
    return std::string_view(date).substr(0, std::min<std::size_t>(date.size(), 10));
}

// "1 role", "3 roles".
std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string error_count(const HistoryPoint& p) {
    return fmt::format("invalid ({})", plural(p.errors.size(), "error", "errors"));
}

// What the point's role is at its commit: "Green (Accelerated)", "Yellow → Green
// (Accelerated)" across a zone line, "invalid (2 errors)", "deleted". Unescaped.
std::string state_text(const HistoryPoint& p) {
    switch (p.status) {
    case PointStatus::valid:
        return p.zone_changed() ? fmt::format("{} → {}", to_string(*p.previous_zone), p.label)
                                : p.label;
    case PointStatus::invalid:
        return error_count(p);
    case PointStatus::deleted:
        return "deleted";
    }
    return "";
}

// The file, and why the point is there when its file is not all: "assessments/b.json
// (renamed from assessments/a.json)", "… (methodology changed)". Unescaped.
std::string file_text(const HistoryPoint& p) {
    std::string text = p.file;
    if (!p.old_file.empty()) {
        text += fmt::format(" (renamed from {})", p.old_file);
    }
    if (p.methodology_changed) {
        text += " (methodology changed)";
    }
    return text;
}

// A point's line as columns: date, commit, AIJRI, Δ, state, file.
std::array<std::string, 6> text_cells(const HistoryPoint& p) {
    const bool valid = p.status == PointStatus::valid;
    return {std::string(day_of(p.date)),
            p.commit.substr(0, 8),
            valid ? to_fixed(p.aijri, p.decimals) : "—",
            valid && p.delta ? signed_fixed(*p.delta, p.decimals) : "",
            sanitize(state_text(p)),
            sanitize(file_text(p))};
}

void write_text(const History& history, const HistoryReportStyle& style,
                const std::function<void(std::string_view)>& write) {
    // One layout for every role, so that the columns line up down the whole report.
    std::array<std::size_t, 6> widths{};
    std::size_t points = 0;
    std::size_t zone_changes = 0;
    for (const RoleHistory& role : history.roles) {
        for (const HistoryPoint& p : role.points) {
            const auto cells = text_cells(p);
            for (std::size_t i = 0; i < cells.size(); ++i) {
                widths[i] = std::max(widths[i], display_width(cells[i]));
            }
            ++points;
            zone_changes += p.zone_changed() ? 1U : 0U;
        }
    }
    std::string text;
    for (const RoleHistory& role : history.roles) {
        text += sanitize(role.id) + "\n";
        for (const HistoryPoint& p : role.points) {
            const auto cells = text_cells(p);
            std::string state = pad(cells[4], widths[4]);
            if (style.color && p.zone_changed()) {
                state = colored_label(p.zone, state, true);
            }
            text += fmt::format("  {}  {}  {}  {}  {}  {}\n", pad(cells[0], widths[0]),
                                pad(cells[1], widths[1]), pad(cells[2], widths[2], true),
                                pad(cells[3], widths[3], true), state, cells[5]);
        }
        flush_if_large(text, write);
    }
    text += fmt::format("{}, {} over {}, {}\n", plural(history.roles.size(), "role", "roles"),
                        plural(points, "point", "points"),
                        plural(history.commits.size(), "commit", "commits"),
                        plural(zone_changes, "zone change", "zone changes"));
    write(text);
}

void write_point_json(detail::JsonWriter& w, const HistoryPoint& p) {
    const bool valid = p.status == PointStatus::valid;
    w.begin_object();
    w.key("commit");
    w.string(p.commit);
    w.key("date");
    w.string(p.date);
    w.key("aijri");
    if (valid) {
        w.decimal(p.aijri, p.decimals);
    } else {
        w.null();
    }
    w.key("zone");
    if (valid) {
        w.string(to_string(p.zone));
    } else {
        w.null();
    }
    w.key("label");
    if (valid) {
        w.string(p.label);
    } else {
        w.null();
    }
    w.key("file");
    w.string(p.file);
    w.key("status");
    w.string(to_string(p.status));
    w.key("delta");
    if (p.delta) {
        w.decimal(*p.delta, p.decimals);
    } else {
        w.null();
    }
    w.key("zone_changed");
    w.boolean(p.zone_changed());
    w.key("old_file");
    if (p.old_file.empty()) {
        w.null();
    } else {
        w.string(p.old_file);
    }
    w.key("file_changed");
    w.boolean(p.file_changed);
    w.key("methodology_changed");
    w.boolean(p.methodology_changed);
    if (p.status == PointStatus::invalid) {
        w.key("errors");
        w.begin_array();
        for (const std::string& e : p.errors) {
            w.string(e);
        }
        w.end_array();
    }
    w.end_object();
}

void write_json(const History& history, const std::function<void(std::string_view)>& write) {
    std::string text;
    // The writer appends to the text and keeps no place in it: the text can be handed out
    // and emptied between two roles.
    detail::JsonWriter w(text, 2);
    w.begin_object();
    w.key("roles");
    w.begin_array();
    for (const RoleHistory& role : history.roles) {
        w.begin_object();
        w.key("id");
        w.string(role.id);
        w.key("points");
        w.begin_array();
        for (const HistoryPoint& p : role.points) {
            write_point_json(w, p);
        }
        w.end_array();
        w.end_object();
        flush_if_large(text, write);
    }
    w.end_array();
    w.key("commits");
    w.integer(static_cast<std::int64_t>(history.commits.size()));
    w.key("warnings");
    w.begin_array();
    for (const std::string& warning : history.warnings) {
        w.string(warning);
    }
    w.end_array();
    w.end_object();
    text += '\n';
    write(text);
}

void write_csv(const History& history, const std::function<void(std::string_view)>& write) {
    std::string text = "id,commit,date,status,aijri,zone,label,delta,zone_changed,file,old_file,"
                       "file_changed,methodology_changed,messages\r\n";
    const auto flag = [](bool value) { return value ? "true" : "false"; };
    for (const RoleHistory& role : history.roles) {
        for (const HistoryPoint& p : role.points) {
            // Numbers are written as numbers (a minus sign is '-'); text from a file goes
            // through csv_field, which also keeps a spreadsheet from reading it as a formula.
            const bool valid = p.status == PointStatus::valid;
            text += fmt::format(
                "{},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n", csv_field(role.id), p.commit,
                p.date, to_string(p.status), valid ? to_fixed(p.aijri, p.decimals) : "",
                valid ? to_string(p.zone) : "", valid ? csv_field(p.label) : "",
                p.delta ? to_fixed(*p.delta, p.decimals) : "", flag(p.zone_changed()),
                csv_field(p.file), csv_field(p.old_file), flag(p.file_changed),
                flag(p.methodology_changed), csv_lines(p.errors));
        }
        flush_if_large(text, write);
    }
    write(text);
}

// The AIJRI from 0 to 100, with the zones shaded and their lines drawn.
html::Axis aijri_axis(const HistoryReportStyle& style) {
    html::Axis axis;
    axis.label = "AIJRI";
    axis.ticks = {0, 20, 40, 60, 80, 100};
    const double yellow = to_double(style.yellow_min);
    const double green = to_double(style.green_min);
    axis.regions = {{0, yellow, "zone-red", "Red"},
                    {yellow, green, "zone-yellow", "Yellow"},
                    {green, 100, "zone-green", "Green"}};
    axis.lines = {{yellow, to_fixed(style.yellow_min, style.decimals)},
                  {green, to_fixed(style.green_min, style.decimals)}};
    return axis;
}

// The commits, oldest first, as the x axis every chart shares: a few dates as its ticks.
html::Axis time_axis(const History& history, std::vector<std::string>& tick_labels) {
    html::Axis axis;
    const std::size_t last = history.commits.empty() ? 0 : history.commits.size() - 1;
    axis.min = 0;
    axis.max = static_cast<double>(std::max<std::size_t>(last, 1));
    axis.label = "commits, oldest first";
    constexpr std::size_t k_ticks = 6;
    const std::size_t step = std::max<std::size_t>(1, (last + k_ticks - 1) / k_ticks);
    for (std::size_t i = 0; i <= last && !history.commits.empty(); i += step) {
        axis.ticks.push_back(static_cast<double>(i));
        tick_labels.emplace_back(day_of(history.commits[i].date));
    }
    return axis;
}

std::string point_caption(const HistoryPoint& p) {
    return fmt::format("{} {}: {}", day_of(p.date), p.commit.substr(0, 8),
                       p.status == PointStatus::valid
                           ? fmt::format("{} {}", to_fixed(p.aijri, p.decimals), p.label)
                           : state_text(p));
}

// How many roles stood in each zone (or invalid) after each commit: a role counts from its
// first point until its file is deleted.
std::string zone_count_chart(const History& history,
                             const std::unordered_map<std::string, std::size_t>& index) {
    enum { k_green, k_yellow, k_red, k_invalid, k_states };
    const std::size_t n = history.commits.size();
    std::vector<std::vector<std::pair<std::size_t, int>>> changes(n); // commit → (role, state)
    for (std::size_t r = 0; r < history.roles.size(); ++r) {
        for (const HistoryPoint& p : history.roles[r].points) {
            const int state = p.status == PointStatus::deleted   ? -1
                              : p.status == PointStatus::invalid ? k_invalid
                              : p.zone == Zone::green            ? k_green
                              : p.zone == Zone::yellow           ? k_yellow
                                                                 : k_red;
            changes[index.at(p.commit)].emplace_back(r, state);
        }
    }
    std::vector<int> state(history.roles.size(), -1);
    std::array<std::size_t, k_states> counts{};
    std::array<html::Series, k_states> series{{{"Green", "green", {}},
                                               {"Yellow", "yellow", {}},
                                               {"Red", "red", {}},
                                               {"invalid", "ref", {}}}};
    std::size_t highest = 1;
    for (std::size_t c = 0; c < n; ++c) {
        for (const auto& [role, now] : changes[c]) {
            if (state[role] >= 0) {
                --counts[static_cast<std::size_t>(state[role])];
            }
            state[role] = now;
            if (now >= 0) {
                ++counts[static_cast<std::size_t>(now)];
            }
        }
        for (std::size_t s = 0; s < k_states; ++s) {
            highest = std::max(highest, counts[s]);
            html::Point point;
            point.x = static_cast<double>(c);
            point.y = static_cast<double>(counts[s]);
            point.label = fmt::format("{} {}: {}", day_of(history.commits[c].date),
                                      history.commits[c].id.substr(0, 8), counts[s]);
            series[s].points.push_back(std::move(point));
        }
    }
    html::LineChart chart;
    chart.title = "Roles in each zone after each commit";
    chart.x = time_axis(history, chart.x_tick_labels);
    chart.y.min = 0;
    chart.y.max = static_cast<double>(highest);
    chart.y.label = "roles";
    chart.y.ticks = {0, static_cast<double>(highest)};
    chart.series.assign(series.begin(), series.end());
    // The zones by name beside their colours, and the figures of the last commit as text.
    return fmt::format("{}<figcaption>After the last commit: {} Green, {} Yellow, {} Red, {} "
                       "invalid (the dashed line). A role counts from its first point until "
                       "its file is deleted.</figcaption>",
                       html::line_chart(chart), counts[k_green], counts[k_yellow], counts[k_red],
                       counts[k_invalid]);
}

std::string role_chart(const History& history, const RoleHistory& role,
                       const std::unordered_map<std::string, std::size_t>& index,
                       const HistoryReportStyle& style) {
    html::Series series{role.id, "ref", {}};
    for (const HistoryPoint& p : role.points) {
        if (p.status != PointStatus::valid) {
            continue;
        }
        html::Point point;
        point.x = static_cast<double>(index.at(p.commit));
        point.y = to_double(p.aijri);
        point.css = std::string(zone_class(p.zone));
        point.label = point_caption(p);
        series.points.push_back(std::move(point));
    }
    if (series.points.empty()) {
        return "";
    }
    html::LineChart chart;
    chart.title = fmt::format("AIJRI of {} at each commit that changed it", role.id);
    chart.x = time_axis(history, chart.x_tick_labels);
    chart.y = aijri_axis(style);
    chart.series.push_back(std::move(series));
    return "<figure>" + html::line_chart(chart) + "</figure>\n";
}

std::string zone_cell(const HistoryPoint& p) {
    if (p.status != PointStatus::valid) {
        return fmt::format("<span class=\"zone invalid\">{}</span>", html::escape(state_text(p)));
    }
    std::string cell = p.zone_changed() ? html::escape(to_string(*p.previous_zone)) + " → " : "";
    return cell + zone_badge(p.zone, p.label);
}

void write_role_html(std::string& out, const History& history, const RoleHistory& role,
                     const std::unordered_map<std::string, std::size_t>& index,
                     const HistoryReportStyle& style) {
    out += fmt::format("<section class=\"role\" id=\"{}\">\n<h2>{}</h2>\n",
                       html::anchor("role-", role.id), html::escape(role.id));
    out += role_chart(history, role, index, style);
    out += "<table>\n<thead><tr><th>Date</th><th>Commit</th><th class=\"num\">AIJRI</th>"
           "<th class=\"num\">Δ</th><th>Zone</th><th>File</th></tr></thead>\n<tbody>\n";
    for (const HistoryPoint& p : role.points) {
        const bool valid = p.status == PointStatus::valid;
        out += fmt::format("<tr><td title=\"{}\">{}</td><td><code title=\"{}\">{}</code></td>"
                           "<td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}",
                           html::escape(p.date), html::escape(day_of(p.date)),
                           html::escape(p.commit), html::escape(p.commit.substr(0, 8)),
                           valid ? to_fixed(p.aijri, p.decimals) : "—",
                           valid && p.delta ? signed_fixed(*p.delta, p.decimals) : "", zone_cell(p),
                           html::escape(file_text(p)));
        if (!p.errors.empty()) {
            out += "<ul class=\"errors\">";
            for (const std::string& e : p.errors) {
                out += "<li>" + html::escape(e) + "</li>";
            }
            out += "</ul>";
        }
        out += "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n</section>\n";
}

void write_html(const History& history, const HistoryReportStyle& style,
                const std::function<void(std::string_view)>& write) {
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < history.commits.size(); ++i) {
        index.emplace(history.commits[i].id, i);
    }
    std::string out = html::page_begin("aijri history");
    out += "<h1>History of the assessments</h1>\n";
    out += fmt::format("<p class=\"meta\">{}, {}", plural(history.roles.size(), "role", "roles"),
                       plural(history.commits.size(), "commit", "commits"));
    if (!history.commits.empty()) {
        out += fmt::format(", from {} to {}", html::escape(history.commits.front().date),
                           html::escape(history.commits.back().date));
    }
    out += ". Each role has a point at every commit that changed its file or the methodology; "
           "the zone bands are drawn at the lines of the methodology given.</p>\n";
    out += "<h2>Zones over time</h2>\n<figure>" + zone_count_chart(history, index) + "</figure>\n";
    out += "<h2>Roles</h2>\n<table class=\"sortable\" id=\"roles\">\n<thead><tr><th>Role</th>"
           "<th class=\"num\">Points</th><th class=\"num\">AIJRI now</th><th>Zone now</th>"
           "<th>File</th></tr></thead>\n<tbody>\n";
    for (const RoleHistory& role : history.roles) {
        const HistoryPoint& last = role.points.back();
        const bool valid = last.status == PointStatus::valid;
        out += fmt::format("<tr><td><a href=\"#{}\">{}</a></td><td class=\"num\">{}</td>"
                           "<td class=\"num\" data-v=\"{}\">{}</td><td>{}</td><td>{}</td></tr>\n",
                           html::anchor("role-", role.id), html::escape(role.id),
                           role.points.size(), valid ? to_fixed(last.aijri, last.decimals) : "-1",
                           valid ? to_fixed(last.aijri, last.decimals) : "—", zone_cell(last),
                           html::escape(last.file));
    }
    out += "</tbody>\n</table>\n";
    for (const RoleHistory& role : history.roles) {
        write_role_html(out, history, role, index, style);
        flush_if_large(out, write);
    }
    if (!history.warnings.empty()) {
        out += "<h2>Warnings</h2>\n<ul>";
        for (const std::string& w : history.warnings) {
            out += "<li>" + html::escape(w) + "</li>";
        }
        out += "</ul>\n";
    }
    out += html::page_end();
    write(out);
}
} // namespace

void write_history_report(const History& history, HistoryFormat format,
                          const HistoryReportStyle& style,
                          const std::function<void(std::string_view)>& write) {
    switch (format) {
    case HistoryFormat::text:
        write_text(history, style, write);
        break;
    case HistoryFormat::json:
        write_json(history, write);
        break;
    case HistoryFormat::csv:
        write_csv(history, write);
        break;
    case HistoryFormat::html:
        write_html(history, style, write);
        break;
    }
}

} // namespace aijri
