#include "aijri/report/history.hpp"
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aijri/json/writer.hpp"
#include "aijri/report/batch.hpp"
#include "aijri/report/text.hpp"
#include "aijri/util/text.hpp"

#include "contribution.hpp"

namespace aijri {

using report_detail::signed_fixed;

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

std::string error_count(const HistoryPoint& p) {
    return fmt::format("invalid ({} error{})", p.errors.size(), p.errors.size() == 1 ? "" : "s");
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
    const auto plural = [](std::size_t n, std::string_view one, std::string_view many) {
        return fmt::format("{} {}", n, n == 1 ? one : many);
    };
    text +=
        fmt::format("{}, {} over {}, {}\n", plural(history.roles.size(), "role", "roles"),
                    plural(points, "point", "points"), plural(history.commits, "commit", "commits"),
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
    w.integer(static_cast<std::int64_t>(history.commits));
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
    }
}

} // namespace aijri
