#include "aijri/assessment/writer.hpp"
#include <vector>

#include "aijri/json/dump.hpp"

namespace aijri {
namespace {

// Writes JSON text as it goes, in the layout of nlohmann's dump(2). Numbers arrive as
// their text, so that a figure keeps its trailing zeros.
class JsonWriter {
public:
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
};

void optional_text(JsonWriter& w, std::string_view key, const std::string& text) {
    if (!text.empty()) {
        w.key(key);
        w.string(text);
    }
}

void scored_item(JsonWriter& w, std::string_view key, const ScoredItem& item) {
    w.key(key);
    w.begin_object();
    w.key("score");
    w.integer(item.score);
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
        w.key("score");
        w.integer(task.score);
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
        w.string(*o->zone);
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

void stated_number(JsonWriter& w, std::string_view key, const std::optional<StatedNumber>& n) {
    if (n) {
        w.key(key);
        w.number(to_fixed(n->value.value, n->value.decimals));
    }
}

void stated_text(JsonWriter& w, std::string_view key, const std::optional<StatedText>& t) {
    if (!t) {
        return;
    }
    w.key(key);
    if (t->value) {
        w.string(*t->value);
    } else {
        w.null();
    }
}

void write_stated(JsonWriter& w, const StatedFigures& s) {
    const bool any_split = s.split_displacement || s.split_augmentation || s.split_not_involved;
    const bool any = s.task_weighted_total || s.task_resistance || s.protective_total ||
                     s.evidence_total || s.barrier_total || s.evidence_modifier ||
                     s.barrier_modifier || s.growth_modifier || s.raw || s.aijri || s.zone ||
                     s.sub_label || s.pct_time_3plus || any_split;
    if (!any) {
        return;
    }
    w.key("stated");
    w.begin_object();
    stated_number(w, "task_weighted_total", s.task_weighted_total);
    stated_number(w, "task_resistance", s.task_resistance);
    stated_number(w, "protective_total", s.protective_total);
    stated_number(w, "evidence_total", s.evidence_total);
    stated_number(w, "barrier_total", s.barrier_total);
    stated_number(w, "evidence_modifier", s.evidence_modifier);
    stated_number(w, "barrier_modifier", s.barrier_modifier);
    stated_number(w, "growth_modifier", s.growth_modifier);
    stated_number(w, "raw", s.raw);
    stated_number(w, "aijri", s.aijri);
    stated_text(w, "zone", s.zone);
    stated_text(w, "sub_label", s.sub_label);
    stated_number(w, "pct_time_3plus", s.pct_time_3plus);
    if (any_split) {
        w.key("split");
        w.begin_object();
        stated_number(w, "displacement", s.split_displacement);
        stated_number(w, "augmentation", s.split_augmentation);
        stated_number(w, "not_involved", s.split_not_involved);
        w.end_object();
    }
    w.end_object();
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

std::string assessment_to_json(const Assessment& a) {
    JsonWriter w;
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
    write_commentary(w, a.commentary);
    w.end_object();
    return w.take();
}

} // namespace aijri
