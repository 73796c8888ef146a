#include "aijri/report_diff.hpp"

#include <fmt/format.h>

#include "aijri/report_batch.hpp"
#include "aijri/report_json.hpp"
#include "aijri/text.hpp"

#include "json_writer.hpp"

namespace aijri {

namespace {

using Json = nlohmann::ordered_json;

std::string signed_fixed(const Rational& value, int decimals) {
    const std::string text = to_fixed(value, decimals);
    return value > Rational(0) ? "+" + text : (text.front() == '-' ? "−" + text.substr(1) : text);
}

std::string value_text(const Json& value) {
    if (value.is_null()) {
        return "(none)";
    }
    if (value.is_object()) {
        return value.contains("name") ? fmt::format("task \"{}\"", value["name"].get<std::string>())
                                      : std::string("override");
    }
    return value.is_string() ? value.get<std::string>() : value.dump();
}

// A task's own input (its share, score or impact) is named with the task: its index alone
// says nothing of which task it is once the list is reordered. A whole task added or
// removed is named by its value ("task \"…\"").
bool names_task(const Contribution& c) {
    return !c.task.empty() && !c.old_value.is_null() && !c.new_value.is_null();
}

// The input had another pointer in the old file: its task moved in the list.
bool moved(const Contribution& c) {
    return !c.old_input.empty() && c.old_input != c.input;
}

// An input as the text formats show it: /tasks/1/score "Debug convergence" (was
// /tasks/0/score). The task's name is text from a file: the caller escapes the whole.
std::string input_label(const Contribution& c) {
    std::string label = c.input;
    if (names_task(c)) {
        label += fmt::format(" \"{}\"", c.task);
    }
    if (moved(c)) {
        label += fmt::format(" (was {})", c.old_input);
    }
    return label;
}

} // namespace

namespace {

void write_verdict(detail::JsonWriter& w, const std::optional<RoleVerdict>& v, int decimals) {
    if (!v) {
        w.null();
        return;
    }
    w.begin_object();
    w.key("aijri");
    w.decimal(v->aijri, decimals);
    w.key("zone");
    w.string(v->zone);
    w.key("label");
    w.string(v->label);
    w.end_object();
}

void write_optional_text(detail::JsonWriter& w, const std::string& text) {
    if (text.empty()) {
        w.null();
    } else {
        w.string(text);
    }
}

void write_role(detail::JsonWriter& w, const RoleDiff& r, int decimals) {
    w.begin_object();
    w.key("id");
    w.string(r.id);
    w.key("status");
    w.string(to_string(r.status));
    w.key("old");
    write_verdict(w, r.old_verdict, decimals);
    w.key("new");
    write_verdict(w, r.new_verdict, decimals);
    w.key("delta");
    if (r.delta) {
        w.decimal(*r.delta, decimals);
    } else {
        w.null();
    }
    w.key("delta_exact");
    if (r.delta_exact) {
        w.string(to_exact_string(*r.delta_exact));
    } else {
        w.null();
    }
    w.key("zone_changed");
    w.boolean(r.zone_changed);
    w.key("contributions");
    w.begin_array();
    for (const Contribution& c : r.contributions) {
        w.begin_object();
        w.key("input");
        w.string(c.input);
        w.key("old_input");
        write_optional_text(w, c.old_input);
        w.key("task");
        write_optional_text(w, c.task);
        w.key("old");
        w.value(c.old_value);
        w.key("new");
        w.value(c.new_value);
        w.key("points");
        w.decimal(c.points, 4);
        w.key("points_exact");
        w.string(to_exact_string(c.points));
        w.end_object();
    }
    w.end_array();
    w.key("old_file");
    write_optional_text(w, r.old_file);
    w.key("new_file");
    write_optional_text(w, r.new_file);
    w.key("renamed");
    if (r.renamed()) {
        w.begin_object();
        w.key("old");
        w.string(r.old_place);
        w.key("new");
        w.string(r.new_place);
        w.end_object();
    } else {
        w.null();
    }
    if (!r.errors.empty()) {
        w.key("errors");
        w.begin_array();
        for (const std::string& error : r.errors) {
            w.string(error);
        }
        w.end_array();
    }
    w.end_object();
}

} // namespace

void write_diff_json(const DiffResult& result, int decimals,
                     const std::vector<std::string>& gate_trips, int indent,
                     const std::function<void(std::string_view)>& write) {
    constexpr std::size_t k_piece = 64U * 1024U;
    std::string out;
    out.reserve(k_piece + 4096);
    detail::JsonWriter w(out, indent);
    w.begin_object();
    w.key("roles");
    w.begin_array();
    for (const RoleDiff& r : result.roles) {
        write_role(w, r, decimals);
        if (out.size() >= k_piece) {
            write(out);
            out.clear(); // the writer appends; it keeps no place in the text
        }
    }
    w.end_array();
    const DiffSummary& s = result.summary;
    w.key("summary");
    w.begin_object();
    for (const auto& [name, count] :
         {std::pair{"added", s.added}, std::pair{"removed", s.removed},
          std::pair{"changed", s.changed}, std::pair{"fixed", s.fixed},
          std::pair{"broken", s.broken}, std::pair{"unchanged", s.unchanged},
          std::pair{"invalid", s.invalid}, std::pair{"zone_changes", s.zone_changes},
          std::pair{"renamed", s.renamed}}) {
        w.key(name);
        w.integer(static_cast<std::int64_t>(count));
    }
    w.end_object();
    w.key("gates");
    w.begin_array();
    for (const std::string& trip : gate_trips) {
        w.string(trip);
    }
    w.end_array();
    w.end_object();
    out += '\n';
    write(out);
}

std::string diff_json(const DiffResult& result, int decimals,
                      const std::vector<std::string>& gate_trips, int indent) {
    std::string text;
    write_diff_json(result, decimals, gate_trips, indent,
                    [&text](std::string_view piece) { text.append(piece); });
    return text;
}

namespace {

std::string summary_line(const DiffSummary& s) {
    return fmt::format("{} changed, {} added, {} removed, {} fixed, {} broken, {} unchanged, {} "
                       "invalid; {} zone change{}, {} renamed",
                       s.changed, s.added, s.removed, s.fixed, s.broken, s.unchanged, s.invalid,
                       s.zone_changes, s.zone_changes == 1 ? "" : "s", s.renamed);
}

// One side of a role: its published figures, "invalid" for a file that has none, "—" for no
// file. The label is text from a file (an override's sub-label): each format escapes it.
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

} // namespace

std::string diff_text(const DiffResult& result, int decimals, bool color, bool show_unchanged) {
    std::string out;
    for (const RoleDiff& r : result.roles) {
        if (r.status == RoleStatus::unchanged && !show_unchanged && !r.renamed()) {
            continue;
        }
        const std::string id = sanitize(r.id);
        switch (r.status) {
        case RoleStatus::changed:
        case RoleStatus::unchanged: {
            const std::string marker = !r.zone_changed ? ""
                                       : color         ? "  \x1b[1;31m⚠ ZONE CHANGE\x1b[0m"
                                                       : "  ⚠ ZONE CHANGE";
            out += fmt::format("{:<9} {}  {} → {}  ({}){}\n", to_string(r.status), id,
                               sanitize(old_text(r, decimals)), sanitize(new_text(r, decimals)),
                               signed_fixed(*r.delta, decimals), marker);
            break;
        }
        case RoleStatus::added:
            out += fmt::format("added     {}  {}  ({})\n", id, sanitize(new_text(r, decimals)),
                               sanitize(r.new_file));
            break;
        case RoleStatus::removed:
            out += fmt::format("removed   {}  {}  ({})\n", id, sanitize(old_text(r, decimals)),
                               sanitize(r.old_file));
            break;
        case RoleStatus::fixed:
        case RoleStatus::broken:
            out += fmt::format("{:<9} {}  {} → {}\n", to_string(r.status), id,
                               sanitize(old_text(r, decimals)), sanitize(new_text(r, decimals)));
            break;
        case RoleStatus::invalid:
            out += fmt::format("invalid   {}\n", id);
            break;
        }
        if (r.renamed()) {
            out += fmt::format("          renamed {} → {}\n", sanitize(r.old_place),
                               sanitize(r.new_place));
        }
        for (const Contribution& c : r.contributions) {
            out += fmt::format("          {:>7}  {}  {} → {}\n", signed_fixed(c.points, 2),
                               sanitize(input_label(c)), sanitize(value_text(c.old_value)),
                               sanitize(value_text(c.new_value)));
        }
        for (const std::string& e : r.errors) {
            out += fmt::format("          {}\n", sanitize(e));
        }
    }
    return out + summary_line(result.summary) + "\n";
}

std::string diff_markdown(const DiffResult& result, int decimals) {
    std::string out = "### AIJRI changes\n\n" + summary_line(result.summary) + "\n\n";
    bool any = false;
    for (const RoleDiff& r : result.roles) {
        if (r.status == RoleStatus::unchanged && !r.renamed()) {
            continue;
        }
        if (!any) {
            out += "| Role | Status | Old | New | Δ | Zone |\n|---|---|---|---|---:|---|\n";
            any = true;
        }
        const std::string status =
            !r.renamed() ? std::string(to_string(r.status))
                         : fmt::format("{}; renamed {} → {}", to_string(r.status),
                                       markdown_code(r.old_place), markdown_code(r.new_place));
        out +=
            fmt::format("| {} | {} | {} | {} | {} | {} |\n", markdown_cell(r.id), status,
                        markdown_cell(old_text(r, decimals)), markdown_cell(new_text(r, decimals)),
                        r.delta ? signed_fixed(*r.delta, decimals) : "",
                        r.zone_changed ? "⚠️ **zone change**" : "");
    }
    for (const RoleDiff& r : result.roles) {
        if (r.contributions.empty() && r.errors.empty()) {
            continue;
        }
        out += fmt::format("\n**{}** ({})\n\n", markdown_cell(r.id),
                           r.delta ? signed_fixed(*r.delta, decimals) + " points"
                                   : std::string(to_string(r.status)));
        for (const Contribution& c : r.contributions) {
            // A code span shows backslashes as they are: the input is fenced, not escaped.
            std::string input = markdown_code(c.input);
            if (names_task(c)) {
                input += " \"" + markdown_cell(c.task) + "\"";
            }
            if (moved(c)) {
                input += " (was " + markdown_code(c.old_input) + ")";
            }
            out += fmt::format("- {}: {} → {}: **{}**\n", input,
                               markdown_cell(value_text(c.old_value)),
                               markdown_cell(value_text(c.new_value)), signed_fixed(c.points, 2));
        }
        for (const std::string& e : r.errors) {
            out += fmt::format("- ❌ {}\n", markdown_cell(e));
        }
    }
    return out;
}

} // namespace aijri
