#include "contribution.hpp"
#include <optional>
#include <variant>

#include <fmt/format.h>

namespace aijri::report_detail {

namespace {

// A figure of an input as written in its file, exact (to 6 decimals at most, which no
// input has more of).
int input_decimals(const Rational& value) {
    const std::optional<int> decimals = value.exact_decimals();
    return decimals && *decimals < 6 ? *decimals : 6;
}

void write_optional_text(detail::JsonWriter& w, const std::string& text) {
    if (text.empty()) {
        w.null();
    } else {
        w.string(text);
    }
}

// An input's value as the JSON of its file (an override's AIJRI to the one decimal it is
// written with).
void write_input_value(detail::JsonWriter& w, const InputValue& value) {
    struct Json {
        detail::JsonWriter& w;
        void operator()(std::monostate) const { w.null(); }
        void operator()(const Rational& figure) const { w.decimal(figure, input_decimals(figure)); }
        void operator()(const std::string& word) const { w.string(word); }
        void operator()(const ScoredTask& task) const {
            w.begin_object();
            w.key("name");
            w.string(task.name);
            w.key("time_pct");
            w.decimal(task.time_pct, input_decimals(task.time_pct));
            w.key("score");
            w.integer(task.score);
            w.key("impact");
            w.string(to_string(task.impact));
            w.end_object();
        }
        void operator()(const Override& o) const {
            w.begin_object();
            if (o.aijri) {
                w.key("aijri");
                w.decimal(*o.aijri, 1);
            }
            if (o.zone) {
                w.key("zone");
                w.string(to_string(*o.zone));
            }
            if (o.has_sub_label) {
                w.key("sub_label");
                if (o.sub_label) {
                    w.string(*o.sub_label);
                } else {
                    w.null();
                }
            }
            w.key("reason");
            w.string(o.reason);
            w.end_object();
        }
    };
    std::visit(Json{w}, value);
}

} // namespace

std::string signed_fixed(const Rational& value, int decimals) {
    const std::string text = to_fixed(value, decimals);
    return value > Rational(0) ? "+" + text : (text.front() == '-' ? "−" + text.substr(1) : text);
}

std::string value_text(const InputValue& value) {
    struct Text {
        std::string operator()(std::monostate) const { return "(none)"; }
        std::string operator()(const Rational& figure) const {
            return detail::json_decimal_text(figure, input_decimals(figure));
        }
        std::string operator()(const std::string& word) const { return word; }
        std::string operator()(const ScoredTask& task) const {
            return fmt::format("task \"{}\"", task.name);
        }
        std::string operator()(const Override&) const { return "override"; }
    };
    return std::visit(Text{}, value);
}

// A task's own input (its share, score or impact) is named with the task: its index alone
// says nothing of which task it is once the list is reordered. A whole task added or
// removed is named by its value ("task \"…\"").
bool names_task(const Contribution& c) {
    return !c.task.empty() && !std::holds_alternative<std::monostate>(c.old_value) &&
           !std::holds_alternative<std::monostate>(c.new_value);
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

std::string contribution_text(const Contribution& c) {
    return fmt::format("{}: {} → {}: {}", input_label(c), value_text(c.old_value),
                       value_text(c.new_value), signed_fixed(c.points, 2));
}

void write_contribution(detail::JsonWriter& w, const Contribution& c) {
    w.begin_object();
    w.key("input");
    w.string(c.input);
    w.key("old_input");
    write_optional_text(w, c.old_input);
    w.key("task");
    write_optional_text(w, c.task);
    w.key("old");
    write_input_value(w, c.old_value);
    w.key("new");
    write_input_value(w, c.new_value);
    w.key("points");
    w.decimal(c.points, 4);
    w.key("points_exact");
    w.string(to_exact_string(c.points));
    w.end_object();
}

} // namespace aijri::report_detail
