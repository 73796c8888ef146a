#include "aijri/assessment/writer.hpp"
#include <algorithm>
#include <vector>

#include "aijri/json/dump.hpp"

namespace aijri {
namespace {

// Writes JSON text as it goes, in the layout of nlohmann's dump(2). Numbers arrive as
// their text, so that a figure keeps its trailing zeros.
class JsonWriter {
public:
    explicit JsonWriter(EmptyTexts empty_texts) : m_empty_texts(empty_texts) {}

    bool writes_empty_texts() const { return m_empty_texts == EmptyTexts::write; }

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    void key(std::string_view name) {
        next_item();
        m_out += quoted(name);
        m_out += ": ";
        m_after_key = true;
    }
    void string(std::string_view text) { scalar(quoted(text)); }
    void number(std::string_view text) { scalar(text); }
    void integer(int value) { scalar(std::to_string(value)); }
    void boolean(bool value) { scalar(value ? "true" : "false"); }
    // [lo, hi] on one line, as a person writes a pair: the only array that is not a list.
    void integer_pair(int first, int second) {
        scalar("[" + std::to_string(first) + ", " + std::to_string(second) + "]");
    }
    void null() { scalar("null"); }

    std::string take() { return std::move(m_out) + "\n"; }

private:
    // As every JSON output is written: what a terminal would act on (C1 controls, DEL, bidi
    // overrides, line separators) becomes a \u escape, which means the same character.
    static std::string quoted(std::string_view text) { return dump_json_string(text); }

    void next_item() {
        if (m_counts.empty()) {
            return;
        }
        if (m_counts.back()++ > 0) {
            m_out += ',';
        }
        m_out += '\n';
        m_out.append(2 * m_counts.size(), ' ');
    }

    void scalar(std::string_view text) {
        if (!m_after_key) {
            next_item();
        }
        m_after_key = false;
        m_out += text;
    }

    void open(char bracket) {
        scalar(std::string_view(&bracket, 1));
        m_counts.push_back(0);
    }

    void close(char bracket) {
        const std::size_t count = m_counts.back();
        m_counts.pop_back();
        if (count > 0) {
            m_out += '\n';
            m_out.append(2 * m_counts.size(), ' ');
        }
        m_out += bracket;
    }

    std::string m_out;
    std::vector<std::size_t> m_counts; // members or elements written, per open level
    bool m_after_key = false;
    EmptyTexts m_empty_texts;
};

void optional_text(JsonWriter& w, std::string_view key, const std::string& text) {
    if (!text.empty() || w.writes_empty_texts()) {
        w.key(key);
        w.string(text);
    }
}

void score(JsonWriter& w, int value, const std::optional<ScoreRange>& range) {
    w.key("score");
    w.integer(value);
    if (range) {
        w.key("range");
        w.integer_pair(range->lo, range->hi);
    }
}

void scored_item(JsonWriter& w, std::string_view key, const ScoredItem& item) {
    w.key(key);
    w.begin_object();
    score(w, item.score, item.range);
    optional_text(w, "rationale", item.rationale);
    w.end_object();
}

template <std::size_t N>
void scored_group(JsonWriter& w, std::string_view key, const std::array<std::string_view, N>& keys,
                  const std::array<ScoredItem, N>& items) {
    w.key(key);
    w.begin_object();
    for (std::size_t i = 0; i < N; ++i) {
        scored_item(w, keys[i], items[i]);
    }
    w.end_object();
}

void write_role(JsonWriter& w, const RoleDefinition& role) {
    w.key("role");
    w.begin_object();
    w.key("title");
    w.string(role.title);
    optional_text(w, "seniority", role.seniority);
    optional_text(w, "primary_function", role.primary_function);
    optional_text(w, "not_this_role", role.not_this_role);
    optional_text(w, "typical_experience", role.typical_experience);
    optional_text(w, "seniority_note", role.seniority_note);
    w.end_object();
}

void write_tasks(JsonWriter& w, const std::vector<Task>& tasks) {
    w.key("tasks");
    w.begin_array();
    for (const Task& task : tasks) {
        w.begin_object();
        w.key("name");
        w.string(task.name);
        w.key("time_pct");
        w.number(to_decimal(task.time_pct, 0, 2));
        score(w, task.score, task.range);
        w.key("impact");
        w.string(to_string(task.impact));
        optional_text(w, "rationale", task.rationale);
        w.end_object();
    }
    w.end_array();
}

void write_override(JsonWriter& w, const std::optional<Override>& o) {
    w.key("override");
    if (!o) {
        w.null();
        return;
    }
    w.begin_object();
    if (o->aijri) {
        w.key("aijri");
        w.number(to_decimal(*o->aijri, 1, 1));
    }
    if (o->zone) {
        w.key("zone");
        w.string(to_string(*o->zone));
    }
    if (o->has_sub_label) {
        w.key("sub_label");
        if (o->sub_label) {
            w.string(*o->sub_label);
        } else {
            w.null();
        }
    }
    w.key("reason");
    w.string(o->reason);
    w.end_object();
}

bool is_stated(const StatedFigures& s, const StatedFigure& figure) {
    if (figure.number) {
        return (s.*figure.number).has_value();
    }
    return figure.id == StatedId::zone ? s.zone.has_value() : s.sub_label.has_value();
}

void stated_figure(JsonWriter& w, const StatedFigures& s, const StatedFigure& figure) {
    if (!is_stated(s, figure)) {
        return;
    }
    w.key(figure.key);
    if (figure.number) {
        const DecimalLiteral& n = (s.*figure.number)->value;
        w.number(to_fixed(n.value, n.decimals));
    } else if (figure.id == StatedId::zone) {
        w.string(to_string(s.zone->value));
    } else if (s.sub_label->value) {
        w.string(*s.sub_label->value);
    } else {
        w.null();
    }
}

// An object (the split) is written only when one of its figures is stated.
void write_stated(JsonWriter& w, const StatedFigures& s) {
    const auto stated = [&s](const StatedFigure& f) { return is_stated(s, f); };
    if (std::none_of(k_stated_figures.begin(), k_stated_figures.end(), stated)) {
        return;
    }
    w.key("stated");
    w.begin_object();
    std::string_view group;
    bool group_open = false;
    for (const StatedFigure& figure : k_stated_figures) {
        if (figure.group != group) {
            if (group_open) {
                w.end_object();
                group_open = false;
            }
            group = figure.group;
            const auto in_group = [&](const StatedFigure& f) {
                return f.group == group && is_stated(s, f);
            };
            if (!group.empty() &&
                std::any_of(k_stated_figures.begin(), k_stated_figures.end(), in_group)) {
                w.key(group);
                w.begin_object();
                group_open = true;
            }
        }
        stated_figure(w, s, figure);
    }
    if (group_open) {
        w.end_object();
    }
    w.end_object();
}

void write_scenarios(JsonWriter& w, const std::vector<Scenario>& scenarios) {
    if (scenarios.empty()) {
        return;
    }
    w.key("scenarios");
    w.begin_array();
    for (const Scenario& scenario : scenarios) {
        w.begin_object();
        w.key("name");
        w.string(scenario.name);
        optional_text(w, "note", scenario.note);
        w.key("set");
        w.begin_object();
        for (const InputSetting& edit : scenario.set) {
            w.key(edit.pointer);
            w.number(to_fixed(edit.value.value, edit.value.decimals));
        }
        w.end_object();
        write_stated(w, scenario.stated);
        w.end_object();
    }
    w.end_array();
}

void write_commentary(JsonWriter& w, const std::vector<CommentarySection>& commentary) {
    if (commentary.empty()) {
        return;
    }
    w.key("commentary");
    w.begin_array();
    for (const CommentarySection& section : commentary) {
        w.begin_object();
        w.key("heading");
        w.string(section.heading);
        w.key("text");
        w.string(section.text);
        w.end_object();
    }
    w.end_array();
}

} // namespace

std::string assessment_to_json(const Assessment& a, EmptyTexts empty_texts) {
    JsonWriter w(empty_texts);
    w.begin_object();
    optional_text(w, "$schema", a.schema);
    w.key("aijri");
    w.integer(1);
    optional_text(w, "id", a.id);
    write_role(w, a.role);
    scored_group(w, "protective_principles", k_principle_keys, a.principles);
    scored_item(w, "growth_correlation", a.growth);
    write_tasks(w, a.tasks);
    if (a.reinstatement) {
        w.key("reinstatement");
        w.begin_object();
        w.key("new_tasks");
        w.boolean(a.reinstatement->new_tasks);
        optional_text(w, "note", a.reinstatement->note);
        w.end_object();
    }
    scored_group(w, "evidence", k_evidence_keys, a.evidence);
    scored_group(w, "barriers", k_barrier_keys, a.barriers);
    write_override(w, a.override_);
    write_stated(w, a.stated);
    write_scenarios(w, a.scenarios);
    write_commentary(w, a.commentary);
    w.end_object();
    return w.take();
}

} // namespace aijri
