#include "code_scanning.hpp"
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <stdexcept>

#include <fmt/format.h>

#include "aijri/util/text.hpp"

namespace aijri::report_detail {

namespace {

// The rules, in the order of Check. Ids follow the convention the SARIF SDK asks for (letters
// then digits, SARIF2009): 1xxx a file, 2xxx a gate of score and robustness, 3xxx a diff.
constexpr std::array<CheckRule, 11> k_rules = {{
    {Check::invalid_assessment, "AIJ1001", "InvalidAssessment",
     "The file is not a valid assessment.",
     "The file breaks a rule of the assessment format (a syntax error, a missing key, a value "
     "out of range): it has no score until the error is corrected. The message names the JSON "
     "pointer of the value, what was expected and what was found.",
     Level::error},
    {Check::stated_mismatch, "AIJ1002", "StatedFigureMismatch",
     "A figure the assessment states is not the one the methodology computes.",
     "The assessment states a figure (a total, a modifier, the AIJRI, the zone, the sub-label) "
     "that does not match the computation at the precision it is written with. Correct the "
     "figure, or the inputs it is computed from.",
     Level::error},
    {Check::assessment_warning, "AIJ1003", "AssessmentWarning",
     "The assessment is scored, with a warning a reader must not miss.",
     "The role is scored, but something deserves a look: the quick screen disagrees with the "
     "final zone, or the exact AIJRI lies outside the published range and is clamped.",
     Level::warning},
    {Check::not_scored, "AIJ1004", "NotScored",
     "The file could not be read, or scored with the methodology.",
     "The file could not be read (missing, not a regular file, larger than --max-bytes), or "
     "the methodology cannot score it in exact arithmetic. aijri exits with status 2.",
     Level::error},
    {Check::duplicate_id, "AIJ1005", "DuplicateId", "An id is used by more than one file.",
     "Roles are told apart by their id (diff and history pair them by it): each file of a run "
     "must have an id of its own.",
     Level::error},
    {Check::fail_under, "AIJ2001", "ScoreUnderThreshold",
     "The role's AIJRI is under the --fail-under threshold.",
     "The published AIJRI of the role is below the score given to --fail-under: the gate fails "
     "the run.",
     Level::error},
    {Check::fail_on_zone, "AIJ2002", "ZoneAtOrBelowThreshold",
     "The role is in the zone given to --fail-on-zone, or below it.",
     "The final zone of the role is the zone given to --fail-on-zone or a lower one (Red is "
     "below Yellow): the gate fails the run.",
     Level::error},
    {Check::fragile_zone, "AIJ2003", "FragileZone",
     "A few unit steps of the inputs change the role's zone (--fail-if-fragile).",
     "The fewest one-point edits of the scored inputs that move the formula's zone are no more "
     "than --fail-if-fragile: the verdict is fragile. The message lists one such set of edits.",
     Level::error},
    {Check::zone_drop, "AIJ3001", "ZoneDrop", "The role moved down a zone.",
     "Between the two sides of the diff the role's published zone dropped (Green to Yellow, "
     "Yellow to Red): an error under --fail-on-zone-change, a warning otherwise.",
     Level::warning},
    {Check::zone_rise, "AIJ3002", "ZoneRise",
     "The role moved up a zone, and --fail-on-zone-change is set.",
     "Between the two sides of the diff the role's published zone rose; --fail-on-zone-change "
     "fails the run on any crossing of a zone line.",
     Level::error},
    {Check::score_drop, "AIJ3003", "ScoreDrop",
     "The role's AIJRI dropped by at least the --fail-on-drop points.",
     "Between the two sides of the diff the role's published AIJRI dropped by the points given "
     "to --fail-on-drop or more: the gate fails the run.",
     Level::error},
}};

// A message with its numbers taken out: what stays the same when a figure changes
// ("found 7", "stated raw 2.30 does not match the computed 2.31").
std::string shape_of(std::string_view message) {
    std::string out;
    for (std::size_t i = 0; i < message.size(); ++i) {
        if (!is_ascii_digit(message[i])) {
            out += message[i];
            continue;
        }
        while (i + 1 < message.size() && (is_ascii_digit(message[i + 1]) ||
                                          (message[i + 1] == '.' && i + 2 < message.size() &&
                                           is_ascii_digit(message[i + 2])))) {
            ++i;
        }
        out += '#';
    }
    return out;
}

std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

Check check_of(Gate gate) {
    switch (gate) {
    case Gate::fail_under:
        return Check::fail_under;
    case Gate::fail_on_zone:
        return Check::fail_on_zone;
    case Gate::fail_if_fragile:
        break;
    }
    return Check::fragile_zone;
}

// "role \"Registered Nurse\" (registered-nurse)", or the id alone.
std::string role_name(std::string_view id, std::string_view title) {
    if (title.empty()) {
        return fmt::format("role \"{}\"", id);
    }
    return id.empty() ? fmt::format("role \"{}\"", title)
                      : fmt::format("role \"{}\" ({})", title, id);
}

} // namespace

std::string_view sarif_level(Level level) {
    switch (level) {
    case Level::error:
        return "error";
    case Level::warning:
        return "warning";
    case Level::note:
        break;
    }
    return "note";
}

std::string_view gitlab_severity(Level level) {
    // GitLab's scale is info, minor, major, critical, blocker: a problem that fails the run is
    // major, a warning minor; critical and blocker are left to tools whose problems are
    // defects of a program.
    switch (level) {
    case Level::error:
        return "major";
    case Level::warning:
        return "minor";
    case Level::note:
        break;
    }
    return "info";
}

const CheckRule& rule_of(Check check) {
    return k_rules.at(static_cast<std::size_t>(check));
}

std::vector<Finding> findings_of(const Evaluation& e, const std::vector<GateReason>& gates,
                                 std::string_view working_dir) {
    std::vector<Finding> out;
    const std::string id = e.assessment ? e.assessment->id : e.declared_id;
    const std::string title = e.assessment ? e.assessment->role.title : std::string();
    // What names the role from run to run: its id; a record of a stream without one, its line
    // (every record of a stream is at the same file).
    const std::string role =
        id.empty() && e.record_line > 0 ? fmt::format("record {}", e.record_line) : id;
    const std::string file = report_path(e.file, working_dir);
    const auto located = [&e, &file](Finding f, SourcePosition at) {
        f.file = file;
        // A record of a JSON Lines stream is a line of it: its own line 1 is the stream's.
        if (e.record_line > 0) {
            at = {e.record_line, at.line <= 1 ? at.column : 0};
        }
        f.position = at;
        return f;
    };
    for (const Diagnostic& d : e.diagnostics) {
        Finding f;
        const bool warning = d.severity == Severity::warning;
        f.check = warning                                   ? Check::assessment_warning
                  : e.io_error || e.methodology_error       ? Check::not_scored
                  : d.kind == DiagnosticKind::stated_figure ? Check::stated_mismatch
                                                            : Check::invalid_assessment;
        f.level = warning ? Level::warning : Level::error;
        f.pointer = d.pointer;
        f.message = d.pointer.empty() ? d.message : d.pointer + ": " + d.message;
        f.role_id = id;
        f.role_title = title;
        f.identity = role + "\n" + d.pointer + "\n" + shape_of(d.message);
        out.push_back(located(std::move(f), d.position));
    }
    for (const GateReason& gate : gates) {
        Finding f;
        f.check = check_of(gate.gate);
        f.level = Level::error;
        f.message = fmt::format("{}: {}", role_name(id, title), gate.text);
        f.role_id = id;
        f.role_title = title;
        f.identity = role;
        out.push_back(located(std::move(f), {}));
    }
    set_fingerprints(out);
    return out;
}

Finding finding_of(const DuplicateId& d, std::string_view working_dir) {
    Finding f;
    f.check = Check::duplicate_id;
    f.level = Level::error;
    f.file = d.files.empty() ? std::string() : report_path(d.files.back(), working_dir);
    f.message = describe_duplicate(d);
    f.role_id = d.id;
    f.identity = d.id;
    std::vector<Finding> one{std::move(f)};
    set_fingerprints(one);
    return std::move(one.front());
}

std::vector<Finding> findings_of(const RoleDiff& r, const DiffReportStyle& style) {
    std::vector<Finding> out;
    const bool new_side = !r.new_file.empty();
    const std::string file =
        report_path(style.annotate_places ? (new_side ? r.new_place : r.old_place)
                    : new_side            ? r.new_file
                                          : r.old_file,
                    style.working_dir);
    const auto add = [&](Check check, Level level, std::string message, std::string identity,
                         SourcePosition at) {
        Finding f;
        f.check = check;
        f.level = level;
        f.file = file;
        f.position = at;
        f.message = std::move(message);
        f.role_id = r.id;
        f.identity = std::move(identity);
        out.push_back(std::move(f));
    };
    const std::string role = fmt::format("role \"{}\"", r.id);
    if (r.methodology_error || r.io_error) {
        add(Check::not_scored, Level::error,
            fmt::format("{} was not compared: {}", role, r.errors.empty() ? "" : r.errors.front()),
            r.id, r.error_position);
    } else if (r.status == RoleStatus::broken || r.status == RoleStatus::invalid) {
        std::string message = fmt::format("{} is {}", role, to_string(r.status));
        if (!r.errors.empty()) {
            message += ": " + r.errors.front();
        }
        if (r.errors.size() > 1) {
            message += fmt::format(" (and {} more error{})", r.errors.size() - 1,
                                   r.errors.size() == 2 ? "" : "s");
        }
        add(Check::invalid_assessment, Level::error, std::move(message),
            fmt::format("{}\n{}", r.id, to_string(r.status)), r.error_position);
    }
    const std::vector<DiffGateReason> gates = diff_gate_reasons(r, style.gates, style.decimals);
    const auto reason = [&gates](DiffGate gate) -> const DiffGateReason* {
        const auto it = std::find_if(gates.begin(), gates.end(),
                                     [gate](const DiffGateReason& g) { return g.gate == gate; });
        return it == gates.end() ? nullptr : &*it;
    };
    if (r.zone_changed && r.old_verdict && r.new_verdict) {
        const Zone from = r.old_verdict->zone;
        const Zone to = r.new_verdict->zone;
        const DiffGateReason* gated = reason(DiffGate::zone_change);
        const std::string moved = fmt::format(
            "{}: zone {} from {} to {} (AIJRI {} → {})", role, to < from ? "dropped" : "rose",
            to_string(from), to_string(to), to_fixed(r.old_verdict->aijri, style.decimals),
            to_fixed(r.new_verdict->aijri, style.decimals));
        const std::string identity =
            fmt::format("{}\n{}\n{}", r.id, to_string(from), to_string(to));
        if (to < from) {
            add(Check::zone_drop, gated ? Level::error : Level::warning,
                gated ? moved + " (--fail-on-zone-change)" : moved, identity, {});
        } else if (gated) {
            add(Check::zone_rise, Level::error, moved + " (--fail-on-zone-change)", identity, {});
        }
    }
    if (const DiffGateReason* drop = reason(DiffGate::drop)) {
        add(Check::score_drop, Level::error, fmt::format("{}: {}", role, drop->text), r.id, {});
    }
    set_fingerprints(out);
    return out;
}

void set_fingerprints(std::vector<Finding>& findings) {
    std::vector<std::string> keys;
    for (Finding& f : findings) {
        std::string key =
            fmt::format("{}\n{}\n{}", rule_of(f.check).id, file_uri(f.file), f.identity);
        const auto rank = std::count(keys.begin(), keys.end(), key);
        keys.push_back(key);
        if (rank > 0) {
            key += fmt::format("\n{}", rank);
        }
        f.fingerprint = fmt::format("{:016x}", fnv1a(key));
    }
}

bool is_absolute_path(std::string_view file) {
    return !file.empty() && file.front() == '/';
}

std::string report_path(std::string_view file, std::string_view working_dir) {
    if (file.empty()) {
        return {};
    }
    std::filesystem::path path = std::filesystem::path(file).lexically_normal();
    if (path.is_absolute() && !working_dir.empty()) {
        std::filesystem::path inside = path.lexically_relative(working_dir);
        if (!inside.empty() && *inside.begin() != "..") {
            path = std::move(inside);
        }
    }
    return path.generic_string();
}

std::string file_uri(std::string_view file) {
    // RFC 3986: unreserved characters, the sub-delimiters, '@' and '/' stand for themselves
    // in a path; every other byte (':' too, which a relative reference's first segment cannot
    // hold) is percent-encoded, UTF-8 byte by byte.
    constexpr std::string_view k_plain = "-._~!$&'()*+,;=@/";
    std::string out = is_absolute_path(file) ? "file://" : "";
    for (const char c : file) {
        if (is_ascii_alpha(c) || is_ascii_digit(c) || k_plain.find(c) != std::string_view::npos) {
            out += c;
        } else {
            out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
        }
    }
    return out;
}

} // namespace aijri::report_detail
