#include <algorithm>
#include <array>
#include <span>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "aijri/assessment/edit.hpp"
#include "aijri/assessment/reader.hpp"
#include "aijri/assessment/template.hpp"
#include "aijri/json/cursor.hpp"

namespace aijri {

namespace {

using detail::JsonCursor;
using detail::JsonKind;
using detail::JsonNode;

using Keys = std::span<const std::string_view>;

constexpr std::array<std::string_view, 14> k_top_keys = {"$schema",
                                                         "aijri",
                                                         "id",
                                                         "role",
                                                         "protective_principles",
                                                         "growth_correlation",
                                                         "tasks",
                                                         "reinstatement",
                                                         "evidence",
                                                         "barriers",
                                                         "override",
                                                         "stated",
                                                         "scenarios",
                                                         "commentary"};
constexpr std::array<std::string_view, 7> k_top_required = {
    "aijri",    "role",    "protective_principles", "growth_correlation", "tasks",
    "evidence", "barriers"};
constexpr std::array<std::string_view, 6> k_role_keys = {
    "title",         "seniority",          "primary_function",
    "not_this_role", "typical_experience", "seniority_note"};
constexpr std::array<std::string_view, 1> k_title_required = {"title"};
// A principle takes no range: principles do not enter the composite, so they are certain.
constexpr std::array<std::string_view, 2> k_principle_item_keys = {"score", "rationale"};
constexpr std::array<std::string_view, 3> k_scored_keys = {"score", "rationale", "range"};
constexpr std::array<std::string_view, 1> k_score_required = {"score"};
constexpr std::array<std::string_view, 6> k_task_keys = {"name",   "time_pct",  "score",
                                                         "impact", "rationale", "range"};
constexpr std::array<std::string_view, 4> k_task_required = {"name", "time_pct", "score", "impact"};
constexpr std::array<std::string_view, 2> k_reinstatement_keys = {"new_tasks", "note"};
constexpr std::array<std::string_view, 1> k_reinstatement_required = {"new_tasks"};
constexpr std::array<std::string_view, 4> k_override_keys = {"aijri", "zone", "sub_label",
                                                             "reason"};
constexpr std::array<std::string_view, 1> k_override_required = {"reason"};
constexpr std::array<std::string_view, 2> k_commentary_keys = {"heading", "text"};
constexpr std::array<std::string_view, 4> k_scenario_keys = {"name", "note", "set", "stated"};
constexpr std::array<std::string_view, 2> k_scenario_required = {"name", "set"};

constexpr std::size_t k_max_tasks = 50;
constexpr std::size_t k_task_name_scan = 64;
constexpr std::string_view k_root_expected = "a JSON object (one role assessment)";

template <std::size_t N>
std::optional<std::size_t> index_of(const std::array<std::string_view, N>& keys,
                                    std::string_view key) {
    const auto it = std::find(keys.begin(), keys.end(), key);
    return it == keys.end()
               ? std::nullopt
               : std::optional<std::size_t>(static_cast<std::size_t>(it - keys.begin()));
}

class AssessmentParser {
public:
    AssessmentParser(JsonCursor& cursor, Assessment& out, bool keep_prose,
                     const Diagnostics& diagnostics)
        : m_cursor(cursor), m_out(out), m_keep_prose(keep_prose), m_diagnostics(diagnostics) {}

    void read_root(JsonNode& root) {
        if (!m_cursor.expect_object(root, k_root_expected)) {
            return;
        }
        read_fields(root, k_top_keys, k_top_required,
                    [this](std::string_view key, JsonNode& v) { read_top_field(key, v); });
        check_time_shares();
        check_scenario_edits();
    }

private:
    // Text that no figure depends on: checked always, kept when the reader keeps prose.
    void read_prose(JsonNode& v, std::string& target) {
        const std::size_t at = v.offset;
        const auto text = m_cursor.read_string_view(v);
        if (!text) {
            return;
        }
        warn_of_placeholder(v, at, *text);
        if (m_keep_prose) {
            target = std::string(*text);
        }
    }

    // `aijri init` writes a new assessment whose texts are the analyst's to write: empty ones,
    // and a title and a task name that begin with "TODO". Each is a warning until it is
    // written, so that a half-written file is never mistaken for a finished one.
    void warn_of_placeholder(const JsonNode& v, std::size_t at, std::string_view text) {
        if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
            m_cursor.warning(at, v.pointer(),
                             "placeholder: the text is empty; write it, or remove the key");
        } else if (text.starts_with(k_placeholder_mark)) {
            m_cursor.warning(at, v.pointer(),
                             fmt::format("placeholder: \"{}\" is still to be written",
                                         text.substr(0, std::min<std::size_t>(text.size(), 60))));
        }
    }

    // A name that must not be empty, and may be a placeholder.
    std::string read_name(JsonNode& v) {
        const std::size_t at = v.offset;
        std::string name = m_cursor.read_nonempty_string(v).value_or("");
        if (!name.empty()) {
            warn_of_placeholder(v, at, name);
        }
        return name;
    }

    bool read_fields(JsonNode& node, Keys known, Keys required,
                     const JsonCursor::FieldHandler& on_field) {
        return m_cursor.read_fields(node, known, required, on_field);
    }

    void read_top_field(std::string_view key, JsonNode& v) {
        if (key == "$schema") {
            m_out.schema = m_cursor.read_string(v).value_or("");
        } else if (key == "aijri") {
            read_format_version(v);
        } else if (key == "id") {
            if (auto id = m_cursor.read_nonempty_string(v)) {
                m_out.id = std::move(*id);
                m_out.id_from_file_name = false;
            }
        } else if (key == "role") {
            read_role(v);
        } else if (key == "protective_principles") {
            read_scored_group(v, k_principle_keys, m_out.principles, k_principle_bounds,
                              k_principle_item_keys);
        } else if (key == "growth_correlation") {
            read_scored_item(v, m_out.growth, k_growth_bounds, k_scored_keys);
        } else if (key == "tasks") {
            read_tasks(v);
        } else if (key == "reinstatement") {
            read_reinstatement(v);
        } else if (key == "evidence") {
            read_scored_group(v, k_evidence_keys, m_out.evidence, k_evidence_bounds, k_scored_keys);
        } else if (key == "barriers") {
            read_scored_group(v, k_barrier_keys, m_out.barriers, k_barrier_bounds, k_scored_keys);
        } else if (key == "override") {
            read_override(v);
        } else if (key == "stated") {
            read_stated(v, m_out.stated);
        } else if (key == "scenarios") {
            read_scenarios(v);
        } else if (key == "commentary") {
            read_commentary(v);
        }
    }

    void read_format_version(JsonNode& v) {
        if (m_cursor.kind_of(v) == JsonKind::number) {
            const std::size_t at = v.offset;
            if (const auto version = m_cursor.read_number(v, "the format version 1")) {
                if (version->value != Rational(1)) {
                    m_cursor.error(at, v.pointer(),
                                   fmt::format("expected the format version 1, found {}",
                                               to_exact_string(version->value)));
                }
            }
            return;
        }
        m_cursor.error(
            v.offset, v.pointer(),
            fmt::format("expected the format version 1, found {}", m_cursor.describe(v)));
    }

    void read_role(JsonNode& node) {
        RoleDefinition& role = m_out.role;
        read_fields(node, k_role_keys, k_title_required, [&](std::string_view key, JsonNode& v) {
            if (key == "title") {
                role.title = read_name(v);
                return;
            }
            if (key == "seniority") {
                read_prose(v, role.seniority);
            } else if (key == "primary_function") {
                read_prose(v, role.primary_function);
            } else if (key == "not_this_role") {
                read_prose(v, role.not_this_role);
            } else if (key == "typical_experience") {
                read_prose(v, role.typical_experience);
            } else {
                read_prose(v, role.seniority_note);
            }
        });
    }

    std::optional<int> read_score(JsonNode& v, ScoreBounds bounds) {
        return m_cursor.read_integer(v, bounds.min, bounds.max);
    }

    // An input's "range" as read, with where it stands: whether it fits the score can be
    // told only once the whole item is read, since "score" may come after it.
    struct RangeRead {
        ScoreRange range;
        std::size_t offset = 0;
        std::string pointer;
    };

    std::optional<RangeRead> read_range(JsonNode& node, ScoreBounds bounds) {
        const std::size_t at = node.offset;
        std::string pointer = node.pointer();
        const std::string expected =
            fmt::format("a range [lo, hi] of 2 integers from {} to {}", bounds.min, bounds.max);
        if (m_cursor.kind_of(node) != JsonKind::array) {
            m_cursor.error(at, std::move(pointer),
                           fmt::format("expected {}, found {}", expected, m_cursor.describe(node)));
            return std::nullopt;
        }
        std::array<std::optional<int>, 2> ends;
        const std::size_t count = m_cursor.for_each_element(node, [&](JsonNode& element) {
            if (element.index < ends.size()) {
                ends[element.index] = read_score(element, bounds);
            } else {
                m_cursor.skip(element);
            }
        });
        if (count != ends.size()) {
            m_cursor.error(at, std::move(pointer),
                           fmt::format("expected {}, found {}", expected,
                                       count == 0   ? std::string("an empty array")
                                       : count == 1 ? std::string("1 element")
                                                    : fmt::format("{} elements", count)));
            return std::nullopt;
        }
        if (!ends[0] || !ends[1]) {
            return std::nullopt;
        }
        return RangeRead{{*ends[0], *ends[1]}, at, std::move(pointer)};
    }

    // Keeps a range that fits its input's bounds and score; reports one that does not. An
    // unreadable score was reported already, and says nothing of the range.
    void check_range(std::optional<RangeRead>& read, std::optional<int> score, ScoreBounds bounds,
                     std::optional<ScoreRange>& target) {
        if (!read || !score) {
            return;
        }
        if (const auto problem = range_problem(read->range, bounds, *score)) {
            m_cursor.error(
                read->offset, std::move(read->pointer),
                fmt::format("{}, found [{}, {}]", *problem, read->range.lo, read->range.hi));
            return;
        }
        target = read->range;
    }

    void read_scored_item(JsonNode& node, ScoredItem& item, ScoreBounds bounds, Keys keys) {
        std::optional<int> score;
        std::optional<RangeRead> range;
        read_fields(node, keys, k_score_required, [&](std::string_view key, JsonNode& v) {
            if (key == "score") {
                score = read_score(v, bounds);
            } else if (key == "range") {
                range = read_range(v, bounds);
            } else {
                read_prose(v, item.rationale);
            }
        });
        item.score = score.value_or(0);
        check_range(range, score, bounds, item.range);
    }

    template <std::size_t N>
    void read_scored_group(JsonNode& node, const std::array<std::string_view, N>& keys,
                           std::array<ScoredItem, N>& items, ScoreBounds bounds, Keys item_keys) {
        read_fields(node, keys, keys, [&](std::string_view key, JsonNode& v) {
            read_scored_item(v, items[*index_of(keys, key)], bounds, item_keys);
        });
    }

    void read_tasks(JsonNode& node) {
        if (!m_cursor.expect_array(node)) {
            m_shares_complete = false;
            return;
        }
        std::unordered_map<std::string, std::size_t> names; // name → index of its first task
        const std::size_t count = m_cursor.for_each_element(node, [&](JsonNode& element) {
            Task task;
            std::optional<int> score;
            std::optional<RangeRead> range;
            bool share_read = false;
            std::size_t name_offset = element.offset;
            const bool is_object = read_fields(
                element, k_task_keys, k_task_required, [&](std::string_view key, JsonNode& v) {
                    if (key == "name") {
                        name_offset = v.offset;
                        task.name = read_name(v);
                    } else if (key == "time_pct") {
                        share_read = read_time_share(v, task.time_pct);
                    } else if (key == "score") {
                        score = read_score(v, k_task_score_bounds);
                    } else if (key == "range") {
                        range = read_range(v, k_task_score_bounds);
                    } else if (key == "impact") {
                        read_impact(v, task.impact);
                    } else {
                        read_prose(v, task.rationale);
                    }
                });
            task.score = score.value_or(1);
            check_range(range, score, k_task_score_bounds, task.range);
            m_shares_complete = m_shares_complete && is_object && share_read;
            check_task_name(task.name, element, name_offset, names);
            m_out.tasks.push_back(std::move(task));
        });
        m_tasks_offset = node.offset;
        if (count == 0 || count > k_max_tasks) {
            m_cursor.error(node.offset, node.pointer(),
                           fmt::format("expected 1 to {} tasks, found {}", k_max_tasks,
                                       count == 0 ? std::string("none") : std::to_string(count)));
            m_shares_complete = false;
        }
    }

    // Tasks are matched by name when two versions are compared, so a name may appear once.
    // The tasks so far are scanned while they are few (every real file); past that a hash
    // map takes over, since a hostile file can hold 200,000 tasks.
    void check_task_name(const std::string& name, const JsonNode& element, std::size_t offset,
                         std::unordered_map<std::string, std::size_t>& names) {
        if (name.empty()) {
            return;
        }
        std::optional<std::size_t> first;
        const std::vector<Task>& tasks = m_out.tasks;
        if (tasks.size() < k_task_name_scan) {
            const auto it = std::find_if(tasks.begin(), tasks.end(),
                                         [&](const Task& task) { return task.name == name; });
            if (it != tasks.end()) {
                first = static_cast<std::size_t>(it - tasks.begin());
            }
        } else {
            if (names.empty()) {
                for (std::size_t i = 0; i < tasks.size(); ++i) {
                    names.emplace(tasks[i].name, i);
                }
            }
            const auto [seen, inserted] = names.emplace(name, tasks.size());
            if (!inserted) {
                first = seen->second;
            }
        }
        if (first) {
            m_cursor.error(offset, pointer_append(element.pointer(), "name"),
                           fmt::format("duplicate task name {} (also /tasks/{}/name)",
                                       detail::quoted(name), *first));
        }
    }

    bool read_time_share(JsonNode& v, Rational& share) {
        const std::size_t at = v.offset;
        const auto number = m_cursor.read_number(v, k_time_share_expected);
        if (!number) {
            return false;
        }
        if (auto problem = time_share_problem(number->value)) {
            m_cursor.error(at, v.pointer(), std::move(*problem));
            return false;
        }
        share = number->value;
        return true;
    }

    void read_impact(JsonNode& v, Impact& impact) {
        const std::size_t at = v.offset;
        const auto text = m_cursor.read_string(v);
        if (!text) {
            return;
        }
        if (const auto parsed = impact_from_string(*text)) {
            impact = *parsed;
            return;
        }
        static constexpr std::array<std::string_view, 3> k_impacts = {
            "displacement", "augmentation", "not_involved"};
        m_cursor.error(at, v.pointer(), detail::one_of_message(k_impacts, *text));
    }

    void check_time_shares() {
        if (!m_shares_complete || m_out.tasks.empty()) {
            return;
        }
        Rational total;
        for (const Task& task : m_out.tasks) {
            total += task.time_pct;
        }
        if (auto problem = time_share_sum_problem(total)) {
            m_cursor.error(m_tasks_offset, "/tasks", std::move(*problem));
        }
    }

    void read_reinstatement(JsonNode& node) {
        Reinstatement reinstatement;
        read_fields(node, k_reinstatement_keys, k_reinstatement_required,
                    [&](std::string_view key, JsonNode& v) {
                        if (key == "new_tasks") {
                            reinstatement.new_tasks = m_cursor.read_bool(v).value_or(false);
                        } else {
                            read_prose(v, reinstatement.note);
                        }
                    });
        m_out.reinstatement = std::move(reinstatement);
    }

    std::optional<Zone> read_zone_name(JsonNode& v) {
        const std::size_t at = v.offset;
        const auto text = m_cursor.read_string(v);
        if (!text) {
            return std::nullopt;
        }
        const auto zone = zone_from_string(*text);
        if (!zone) {
            m_cursor.error(at, v.pointer(), detail::one_of_message(k_zone_names, *text));
        }
        return zone;
    }

    void read_override(JsonNode& node) {
        if (m_cursor.is_null(node)) {
            return;
        }
        Override result;
        bool overrides_something = false;
        const bool is_object = read_fields(
            node, k_override_keys, k_override_required, [&](std::string_view key, JsonNode& v) {
                overrides_something = overrides_something || key != "reason";
                if (key == "aijri") {
                    result.aijri = read_override_score(v);
                } else if (key == "zone") {
                    result.zone = read_zone_name(v);
                } else if (key == "sub_label") {
                    result.has_sub_label = true;
                    if (!m_cursor.is_null(v)) {
                        result.sub_label = m_cursor.read_nonempty_string(v);
                    }
                } else {
                    result.reason = m_cursor.read_nonempty_string(v).value_or("");
                }
            });
        if (!is_object) {
            return;
        }
        if (!overrides_something) {
            m_cursor.error(node.offset, node.pointer(),
                           "expected an override of at least one of \"aijri\", \"zone\", "
                           "\"sub_label\" (or \"override\": null)");
        }
        m_out.override_ = std::move(result);
    }

    std::optional<Rational> read_override_score(JsonNode& v) {
        const std::size_t at = v.offset;
        constexpr std::string_view expected = "an AIJRI from 0.0 to 100.0 with at most 1 decimal";
        const auto number = m_cursor.read_number(v, expected);
        if (!number) {
            return std::nullopt;
        }
        const Rational value = number->value;
        if (value < Rational(0) || value > Rational(100) || !(value * Rational(10)).is_integer()) {
            m_cursor.error(at, v.pointer(),
                           fmt::format("expected {}, found {}", expected, to_exact_string(value)));
            return std::nullopt;
        }
        return value;
    }

    std::optional<StatedNumber> read_stated_number(JsonNode& v) {
        const std::size_t at = v.offset;
        std::string pointer = v.pointer();
        if (auto number = m_cursor.read_number(v, "a number")) {
            return StatedNumber{*number, std::move(pointer), {}, at};
        }
        return std::nullopt;
    }

    void read_stated(JsonNode& node, StatedFigures& s) {
        read_fields(node, k_stated_keys, {}, [&](std::string_view key, JsonNode& v) {
            if (key == k_stated_split) {
                read_stated_numbers(v, s, k_stated_split, k_stated_split_keys);
                return;
            }
            const StatedFigure& figure = figure_of(key, {});
            if (figure.number) {
                s.*figure.number = read_stated_number(v);
            } else if (figure.id == StatedId::zone) {
                const std::size_t at = v.offset;
                std::string pointer = v.pointer();
                if (const auto zone = read_zone_name(v)) {
                    s.zone = StatedZone{*zone, std::move(pointer), {}, at};
                }
            } else {
                const std::size_t at = v.offset;
                std::string pointer = v.pointer();
                if (m_cursor.is_null(v)) {
                    s.sub_label = StatedText{std::nullopt, std::move(pointer), {}, at};
                } else if (auto label = m_cursor.read_nonempty_string(v)) {
                    s.sub_label = StatedText{std::move(label), std::move(pointer), {}, at};
                }
            }
        });
    }

    void read_stated_numbers(JsonNode& node, StatedFigures& s, std::string_view group, Keys keys) {
        read_fields(node, keys, {}, [&](std::string_view key, JsonNode& v) {
            s.*figure_of(key, group).number = read_stated_number(v);
        });
    }

    void read_scenarios(JsonNode& node) {
        if (!m_cursor.expect_array(node)) {
            return;
        }
        m_cursor.for_each_element(node, [&](JsonNode& element) {
            Scenario scenario;
            std::size_t name_offset = element.offset;
            std::size_t set_offset = element.offset;
            read_fields(element, k_scenario_keys, k_scenario_required,
                        [&](std::string_view key, JsonNode& v) {
                            if (key == "name") {
                                name_offset = v.offset;
                                scenario.name = m_cursor.read_nonempty_string(v).value_or("");
                            } else if (key == "note") {
                                read_prose(v, scenario.note);
                            } else if (key == "set") {
                                set_offset = v.offset;
                                read_scenario_set(v, scenario.set);
                            } else {
                                read_stated(v, scenario.stated);
                            }
                        });
            check_scenario_name(scenario.name, element, name_offset);
            m_scenario_sets.push_back({element.pointer(), set_offset});
            m_out.scenarios.push_back(std::move(scenario));
        });
    }

    // A scenario is reported, and compared between revisions, by its name.
    void check_scenario_name(const std::string& name, const JsonNode& element, std::size_t offset) {
        const std::vector<Scenario>& scenarios = m_out.scenarios;
        const auto first = std::find_if(scenarios.begin(), scenarios.end(),
                                        [&](const Scenario& s) { return s.name == name; });
        if (!name.empty() && first != scenarios.end()) {
            m_cursor.error(offset, pointer_append(element.pointer(), "name"),
                           fmt::format("duplicate scenario name {} (also /scenarios/{}/name)",
                                       detail::quoted(name), first - scenarios.begin()));
        }
    }

    // "set": { POINTER: VALUE, … }. What the pointers name and the values' rules are checked
    // once the whole role is read (check_scenario_edits): the keys may come before "tasks".
    void read_scenario_set(JsonNode& node, std::vector<InputSetting>& set) {
        if (!m_cursor.expect_object(node)) {
            return;
        }
        std::size_t members = 0;
        m_cursor.for_each_member(
            node, [&](std::string_view key, JsonNode& v, std::size_t key_offset) {
                ++members;
                const std::size_t at = v.offset;
                if (auto number = m_cursor.read_number(v, "a number, the input's value")) {
                    set.push_back(InputSetting{std::string(key), *number, key_offset, at});
                }
            });
        if (members == 0) {
            m_cursor.error(node.offset, node.pointer(),
                           "expected at least one input to set, found none");
        }
    }

    // Each scenario's edits, made on the role as read, through the one function --set uses.
    // Only a role read without error is a base to check them against.
    void check_scenario_edits() {
        if (m_out.scenarios.empty() || has_errors(m_diagnostics)) {
            return;
        }
        for (std::size_t i = 0; i < m_out.scenarios.size(); ++i) {
            const std::vector<InputSetting>& set = m_out.scenarios[i].set;
            Assessment edited = m_out;
            const auto& [scenario_pointer, set_offset] = m_scenario_sets[i];
            const std::string set_pointer = pointer_append(scenario_pointer, "set");
            for (const EditError& e : apply_edits(edited, set)) {
                if (e.edit == k_every_edit) {
                    m_cursor.error(set_offset, set_pointer, e.message);
                    continue;
                }
                const InputSetting& edit = set[e.edit];
                m_cursor.error(e.at_value ? edit.value_offset : edit.key_offset,
                               pointer_append(set_pointer, edit.pointer), e.message);
            }
        }
    }

    // read_fields hands on only the keys it was given, which all come from the table.
    static const StatedFigure& figure_of(std::string_view key, std::string_view group) {
        return *std::find_if(
            k_stated_figures.begin(), k_stated_figures.end(),
            [&](const StatedFigure& f) { return f.key == key && f.group == group; });
    }

    void read_commentary(JsonNode& node) {
        if (!m_cursor.expect_array(node)) {
            return;
        }
        m_cursor.for_each_element(node, [&](JsonNode& element) {
            CommentarySection section;
            read_fields(element, k_commentary_keys, {}, [&](std::string_view key, JsonNode& v) {
                read_prose(v, key == "heading" ? section.heading : section.text);
            });
            m_out.commentary.push_back(std::move(section));
        });
    }

    JsonCursor& m_cursor;
    Assessment& m_out;
    bool m_keep_prose;
    const Diagnostics& m_diagnostics;
    // Each scenario's pointer and where its "set" stands, for the errors of its edits.
    std::vector<std::pair<std::string, std::size_t>> m_scenario_sets;
    bool m_shares_complete = true;
    std::size_t m_tasks_offset = 0;
};

} // namespace

struct AssessmentReader::Impl {
    simdjson::ondemand::parser parser;
    PaddedBuffer padded; // copy of unpadded input
    bool keep_prose = true;

    ReadResult read(PaddedText full_text, std::string_view source_name) {
        ReadResult result;
        Assessment assessment;
        assessment.id = id_from_path(source_name);
        assessment.id_from_file_name = true;
        const std::string_view text = strip_bom(full_text.view());
        JsonCursor cursor(text, result.diagnostics);
        detail::walk_document(
            parser, full_text.without_prefix(full_text.view().size() - text.size()), cursor,
            result.diagnostics, k_root_expected, [&](JsonNode& root) {
                AssessmentParser(cursor, assessment, keep_prose, result.diagnostics)
                    .read_root(root);
            });
        if (!has_errors(result.diagnostics)) {
            result.assessment = std::move(assessment);
        } else {
            if (!assessment.id_from_file_name) {
                result.declared_id = assessment.id;
            }
            result.partial = std::move(assessment);
        }
        return result;
    }
};

AssessmentReader::AssessmentReader() : m_impl(std::make_unique<Impl>()) {}
AssessmentReader::~AssessmentReader() = default;

ReadResult AssessmentReader::read(std::string_view text, std::string_view source_name) {
    m_impl->padded.assign(text);
    return m_impl->read(m_impl->padded.text(), source_name);
}

void AssessmentReader::keep_prose(bool keep) {
    m_impl->keep_prose = keep;
}

ReadResult AssessmentReader::read(PaddedText text, std::string_view source_name) {
    return m_impl->read(text, source_name);
}

} // namespace aijri
