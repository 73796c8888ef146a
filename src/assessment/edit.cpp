#include "aijri/assessment/edit.hpp"
#include <algorithm>
#include <charconv>
#include <optional>

#include <fmt/format.h>

#include "aijri/json/cursor.hpp"
#include "aijri/util/text.hpp"

namespace aijri {

namespace {

constexpr std::string_view k_editable =
    "/tasks/N/score, /tasks/N/time_pct, /evidence/KEY/score, /barriers/KEY/score, "
    "/protective_principles/KEY/score or /growth_correlation/score";

// What a pointer names: a score with its bounds, or a task's time share.
struct Target {
    int* score = nullptr;
    ScoreBounds bounds{};
    Rational* share = nullptr;
    // The score's declared range: it was the analyst's doubt about the score the file gives,
    // so an edited score leaves it behind (the edited input is uncertain as the model says).
    std::optional<ScoreRange>* range = nullptr;
};

// The reference tokens of a JSON pointer, "~1" and "~0" decoded (RFC 6901).
std::vector<std::string> pointer_tokens(std::string_view pointer) {
    std::vector<std::string> tokens;
    if (pointer.empty() || pointer.front() != '/') {
        return tokens;
    }
    std::size_t start = 1;
    while (true) {
        const std::size_t end = pointer.find('/', start);
        const std::string_view raw = pointer.substr(start, end - start);
        std::string token;
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] == '~' && i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
                token += raw[i + 1] == '0' ? '~' : '/';
                ++i;
            } else {
                token += raw[i];
            }
        }
        tokens.push_back(std::move(token));
        if (end == std::string_view::npos) {
            return tokens;
        }
        start = end + 1;
    }
}

// An array index as RFC 6901 writes it: digits, without a leading zero.
std::optional<std::size_t> array_index(std::string_view token) {
    if (token.empty() || (token.size() > 1 && token.front() == '0')) {
        return std::nullopt;
    }
    std::size_t index = 0;
    const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), index);
    if (error != std::errc() || end != token.data() + token.size()) {
        return std::nullopt;
    }
    return index;
}

template <std::size_t N>
std::optional<Target> group_score(const std::array<std::string_view, N>& keys,
                                  std::array<ScoredItem, N>& items, ScoreBounds bounds,
                                  const std::vector<std::string>& tokens) {
    if (tokens.size() != 3 || tokens[2] != "score") {
        return std::nullopt;
    }
    const auto it = std::find(keys.begin(), keys.end(), tokens[1]);
    if (it == keys.end()) {
        return std::nullopt;
    }
    ScoredItem& item = items[static_cast<std::size_t>(it - keys.begin())];
    return Target{&item.score, bounds, nullptr, &item.range};
}

// The input `tokens` name, if any; a task index past the last task is said as such.
std::optional<Target> resolve(Assessment& a, const std::vector<std::string>& tokens,
                              bool& past_last_task) {
    if (tokens.empty()) {
        return std::nullopt;
    }
    const std::string& root = tokens[0];
    if (root == "tasks" && tokens.size() == 3 &&
        (tokens[2] == "score" || tokens[2] == "time_pct")) {
        const auto index = array_index(tokens[1]);
        if (!index) {
            return std::nullopt;
        }
        if (*index >= a.tasks.size()) {
            past_last_task = true;
            return std::nullopt;
        }
        Task& task = a.tasks[*index];
        return tokens[2] == "score" ? Target{&task.score, k_task_score_bounds, nullptr, &task.range}
                                    : Target{nullptr, {}, &task.time_pct, nullptr};
    }
    if (root == "evidence") {
        return group_score(k_evidence_keys, a.evidence, k_evidence_bounds, tokens);
    }
    if (root == "barriers") {
        return group_score(k_barrier_keys, a.barriers, k_barrier_bounds, tokens);
    }
    if (root == "protective_principles") {
        return group_score(k_principle_keys, a.principles, k_principle_bounds, tokens);
    }
    if (root == "growth_correlation" && tokens.size() == 2 && tokens[1] == "score") {
        return Target{&a.growth.score, k_growth_bounds, nullptr, &a.growth.range};
    }
    return std::nullopt;
}

std::string unknown_pointer_message(const Assessment& a, std::string_view pointer,
                                    bool past_last_task) {
    if (past_last_task) {
        return fmt::format("expected a task from /tasks/0 to /tasks/{}, found {}",
                           a.tasks.size() - 1, detail::quoted(pointer));
    }
    std::string message = fmt::format("expected a pointer to an input that can be edited ({}), "
                                      "found {}",
                                      k_editable, detail::quoted(pointer));
    const std::vector<std::string> pointers = editable_pointers(a);
    const std::vector<std::string_view> views(pointers.begin(), pointers.end());
    if (const auto near = closest_match(pointer, views)) {
        message += fmt::format("; did you mean \"{}\"?", *near);
    }
    return message;
}

} // namespace

std::vector<std::string> editable_pointers(const Assessment& a) {
    std::vector<std::string> out;
    for (const std::string_view key : k_principle_keys) {
        out.push_back(fmt::format("/protective_principles/{}/score", key));
    }
    out.emplace_back("/growth_correlation/score");
    for (std::size_t i = 0; i < a.tasks.size(); ++i) {
        out.push_back(fmt::format("/tasks/{}/time_pct", i));
        out.push_back(fmt::format("/tasks/{}/score", i));
    }
    for (const std::string_view key : k_evidence_keys) {
        out.push_back(fmt::format("/evidence/{}/score", key));
    }
    for (const std::string_view key : k_barrier_keys) {
        out.push_back(fmt::format("/barriers/{}/score", key));
    }
    return out;
}

std::vector<EditError> apply_edits(Assessment& a, std::span<const InputSetting> edits) {
    std::vector<EditError> errors;
    bool shares_edited = false;
    for (std::size_t i = 0; i < edits.size(); ++i) {
        const InputSetting& edit = edits[i];
        const auto earlier =
            std::find_if(edits.begin(), edits.begin() + static_cast<long>(i),
                         [&](const InputSetting& e) { return e.pointer == edit.pointer; });
        if (earlier != edits.begin() + static_cast<long>(i)) {
            errors.push_back({i, false,
                              fmt::format("expected each input set once, found {} set again",
                                          detail::quoted(edit.pointer))});
            continue;
        }
        bool past_last_task = false;
        const auto target = resolve(a, pointer_tokens(edit.pointer), past_last_task);
        if (!target) {
            errors.push_back({i, false, unknown_pointer_message(a, edit.pointer, past_last_task)});
            continue;
        }
        const Rational& value = edit.value.value;
        if (target->share != nullptr) {
            if (auto problem = time_share_problem(value)) {
                errors.push_back({i, true, std::move(*problem)});
                continue;
            }
            *target->share = value;
            shares_edited = true;
            continue;
        }
        if (auto problem = score_problem(value, to_exact_string(value), target->bounds)) {
            errors.push_back({i, true, std::move(*problem)});
            continue;
        }
        *target->score = static_cast<int>(value.numerator());
        target->range->reset();
    }
    if (shares_edited && errors.empty()) {
        Rational sum;
        for (const Task& task : a.tasks) {
            sum += task.time_pct;
        }
        if (auto problem = time_share_sum_problem(sum)) {
            errors.push_back({k_every_edit, true, *problem + " after the edits"});
        }
    }
    return errors;
}

} // namespace aijri
