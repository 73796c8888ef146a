#include <algorithm>

#include "figures.hpp"
#include "import_context.hpp"
#include "syntax.hpp"

namespace aijri::detail {
namespace {

constexpr std::size_t k_max_tasks = 50;

// The task table's columns, found by their headers so that their order does not matter.
struct Columns {
    std::optional<std::size_t> name, time, score, range, weighted, impact, rationale;
};

// The column a header names, and its title for messages; nullptr: none of the task
// table's. Headers are matched by their words, as people write them: "Time %", "Time
// share", "Share of time", "% of time"; "Aug/Disp", "Impact"; "Score (1-5)", "AI score".
std::pair<std::optional<std::size_t>*, std::string_view> column_of(Columns& c,
                                                                   const std::string& key) {
    const auto any_prefix = [&key](std::initializer_list<std::string_view> prefixes) {
        return std::any_of(prefixes.begin(), prefixes.end(),
                           [&key](std::string_view p) { return key.starts_with(p); });
    };
    if (is_range_header(key)) {
        return {&c.range, "Range"};
    }
    if (any_prefix({"weight", "contribution"})) {
        return {&c.weighted, "Weighted"};
    }
    if (any_prefix({"task", "activit", "dut", "responsibilit"})) {
        return {&c.name, "Task"};
    }
    if (any_prefix({"time", "share", "percent", "pct", "proportion", "allocation", "effort"}) ||
        key.find("time") != std::string::npos) {
        return {&c.time, "Time %"};
    }
    if (any_prefix({"score", "aiscore", "automationscore", "rating"})) {
        return {&c.score, "Score (1-5)"};
    }
    if (any_prefix({"aug", "disp", "impact", "aiimpact", "type", "effect"})) {
        return {&c.impact, "Aug/Disp"};
    }
    if (is_rationale_header(key)) {
        return {&c.rationale, "Rationale"};
    }
    return {nullptr, ""};
}

class TaskTableReader {
public:
    explicit TaskTableReader(ImportContext& context)
        : m_source(context.source), m_out(context.out), m_statements(context.statements) {}

    std::optional<Columns> task_columns(const Table& table) {
        Columns c;
        for (std::size_t i = 0; i < table.header.cells.size(); ++i) {
            const std::string_view cell = table.header.cells[i];
            std::string key = label_key(cell);
            if (key.empty() && cell.find('%') != std::string_view::npos) {
                key = "time"; // a header that is only "%"
            }
            const auto [slot, title] = column_of(c, key);
            if (slot == nullptr || (slot == &c.rationale && slot->has_value())) {
                extra_column(m_source, cell, "task",
                             "Task, Time %, Score (1-5), Range, Weighted, Aug/Disp, Rationale");
                continue;
            }
            if (slot->has_value()) {
                error(cell, fmt::format("expected one \"{}\" column in the task table, found a "
                                        "second: {}",
                                        title, quote(cell)));
                return std::nullopt;
            }
            *slot = i;
        }
        const std::array<std::pair<std::string_view, std::optional<std::size_t>>, 4> required = {
            {{"Task", c.name},
             {"Time %", c.time},
             {"Score (1-5)", c.score},
             {"Aug/Disp", c.impact}}};
        for (const auto& [title, column] : required) {
            if (!column) {
                error(table.header.line,
                      fmt::format("expected a \"{}\" column in the task table", title));
                return std::nullopt;
            }
        }
        return c;
    }

    std::optional<Impact> read_impact(std::string_view cell, std::string_view at) {
        const std::string key = label_key(cell);
        if (key == "augmentation" || key == "aug") {
            return Impact::augmentation;
        }
        if (key == "displacement" || key == "disp") {
            return Impact::displacement;
        }
        if (key == "notinvolved") {
            return Impact::not_involved;
        }
        error(cell.empty() ? at : cell,
              fmt::format("expected the impact AUGMENTATION, DISPLACEMENT or NOT INVOLVED (in any "
                          "case), found {}",
                          quote(cell)));
        return std::nullopt;
    }

    std::optional<Rational> read_time_share(std::string_view cell, std::string_view at) {
        const auto share = parse_percent(cell);
        const std::string_view where = cell.empty() ? at : cell;
        if (!share || share->literal.value <= Rational(0) || share->literal.value > Rational(100)) {
            error(where, fmt::format("expected a time share in percent, greater than 0 and at "
                                     "most 100, found {}",
                                     quote(cell)));
            return std::nullopt;
        }
        if (!(share->literal.value * Rational(100)).is_integer()) {
            error(where, fmt::format("expected a time share with at most 2 decimals, found {}",
                                     quote(cell)));
            return std::nullopt;
        }
        return share->literal.value;
    }

    void read_tasks(const Table& table) {
        const auto columns = task_columns(table);
        if (!columns) {
            return;
        }
        bool shares_complete = true;
        std::vector<std::string_view> task_lines;
        const Row* total_row = nullptr;
        for (const Row& row : table.rows) {
            if (!row.cells.empty() && is_total_label(row.cells[0])) {
                if (total_row != nullptr) {
                    duplicate_row(m_source, row, "Total", total_row->line);
                } else {
                    total_row = &row;
                }
                continue;
            }
            if (!check_cell_count(m_source, table, row)) {
                shares_complete = false;
                continue;
            }
            if (m_out.tasks.size() == k_max_tasks) {
                error(row.line, fmt::format("expected at most {} tasks, found more", k_max_tasks));
                break;
            }
            shares_complete = read_task(row, *columns, task_lines) && shares_complete;
        }
        if (m_out.tasks.empty() && shares_complete) {
            error(table.header.line, "expected 1 to 50 tasks in the task table, found none");
        }
        std::optional<Number> stated_time;
        if (total_row != nullptr) {
            stated_time = read_task_total(*total_row);
        }
        Rational sum;
        for (const Task& task : m_out.tasks) {
            sum += task.time_pct;
        }
        if (shares_complete && !m_out.tasks.empty() && sum != Rational(100)) {
            error(stated_time ? stated_time->text : table.header.line,
                  fmt::format("expected time shares that sum to exactly 100, found a sum of {}",
                              to_exact_string(sum)));
        }
    }

    // One task row; returns whether its time share could be read.
    bool read_task(const Row& row, const Columns& c, std::vector<std::string_view>& task_lines) {
        Task task;
        task.name = text_of(row.cells[*c.name]);
        if (task.name.empty()) {
            error(row.cells[*c.name].empty() ? row.line : row.cells[*c.name],
                  "expected the task's name, found an empty cell");
        }
        for (std::size_t i = 0; i < m_out.tasks.size(); ++i) {
            if (!task.name.empty() && m_out.tasks[i].name == task.name) {
                error(row.cells[*c.name],
                      fmt::format("duplicate task name {} (also on line {})", quote(task.name),
                                  m_source.position_of(task_lines[i]).line));
                break;
            }
        }
        const auto share = read_time_share(row.cells[*c.time], row.line);
        task.time_pct = share.value_or(Rational(0));
        const auto score = read_score(m_source, row.cells[*c.score], row.line,
                                      k_task_score_bounds.min, k_task_score_bounds.max, "a score");
        task.score = score.value_or(1);
        if (c.range) {
            task.range = read_range(m_source, row.cells[*c.range], k_task_score_bounds, score);
        }
        task.impact = read_impact(row.cells[*c.impact], row.line).value_or(Impact::augmentation);
        if (c.rationale) {
            task.rationale = text_of(row.cells[*c.rationale]);
        }
        if (c.weighted && !row.cells[*c.weighted].empty()) {
            if (const auto weighted = parse_plain_number(row.cells[*c.weighted])) {
                m_statements.restate(Derived::task_weighted, *weighted, m_out.tasks.size());
            } else {
                error(row.cells[*c.weighted],
                      fmt::format("expected the weighted score (time share × score) as a number, "
                                  "found {}",
                                  quote(row.cells[*c.weighted])));
            }
        }
        task_lines.push_back(row.line);
        m_out.tasks.push_back(std::move(task));
        return share.has_value();
    }

    // | Total | 100% | 2.25 |: the total time share, then the weighted total.
    std::optional<Number> read_task_total(const Row& row) {
        const auto values = total_values(row);
        if (values.size() != 2) {
            error(row.line, fmt::format("expected the total row as | Total | 100% | <weighted "
                                        "total> |, found {} figures",
                                        values.size()));
            return std::nullopt;
        }
        const auto time = parse_percent(values[0]);
        if (!time) {
            error(values[0],
                  fmt::format("expected the total time share (100%), found {}", quote(values[0])));
        } else {
            m_statements.restate(Derived::time_total, *time);
        }
        if (const auto weighted = parse_plain_number(values[1])) {
            m_statements.state(Figure::task_weighted_total, *weighted);
        } else {
            error(values[1], fmt::format("expected the weighted total as a number, found {}",
                                         quote(values[1])));
        }
        return time;
    }

private:
    void error(std::string_view at, std::string message) { m_source.error(at, std::move(message)); }

    DocumentSource& m_source;
    Assessment& m_out;
    Statements& m_statements;
};

} // namespace

void read_tasks(ImportContext& context, const Table& table) {
    TaskTableReader(context).read_tasks(table);
}

} // namespace aijri::detail
