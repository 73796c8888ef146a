// The Scenarios section: one row a scenario, | Scenario | Set | Stated | Note |. The Set and
// Stated cells hold "KEY = VALUE" pairs separated by ";", the keys being those of the JSON
// form (a pointer into the assessment; a key of "stated"), so that render → import gives the
// JSON back exactly.
#include <algorithm>

#include <fmt/format.h>

#include "aijri/assessment/edit.hpp"
#include "aijri/json/cursor.hpp"
#include "aijri/scoring/engine.hpp"

#include "import_context.hpp"
#include "syntax.hpp"

namespace aijri::detail {
namespace {

constexpr std::array<std::string_view, 4> k_columns = {"Scenario", "Set", "Stated", "Note"};

// "a = 1; b = 2" → its pairs, each a view into the cell (for positions).
struct Pair {
    std::string_view key;
    std::string_view value;
};

std::vector<Pair> pairs_of(std::string_view cell) {
    std::vector<Pair> out;
    std::size_t start = 0;
    while (start <= cell.size()) {
        const std::size_t end = std::min(cell.find(';', start), cell.size());
        const std::string_view part = trim(cell.substr(start, end - start));
        if (!part.empty()) {
            const std::size_t equals = part.find('=');
            out.push_back(equals == std::string_view::npos
                              ? Pair{part, {}}
                              : Pair{trim(part.substr(0, equals)), trim(part.substr(equals + 1))});
        }
        start = end + 1;
    }
    return out;
}

class ScenarioReader {
public:
    explicit ScenarioReader(ImportContext& context)
        : m_source(context.source), m_out(context.out) {}

    void read(const Table& table) {
        if (!read_columns(table.header)) {
            return;
        }
        for (const Row& row : table.rows) {
            if (check_cell_count(m_source, table, row)) {
                read_row(row);
            }
        }
    }

private:
    bool read_columns(const Row& header) {
        bool ok = header.cells.size() == k_columns.size();
        for (std::size_t i = 0; ok && i < k_columns.size(); ++i) {
            ok = word_key(header.cells[i]) == word_key(k_columns[i]);
        }
        if (!ok) {
            m_source.error(header.line,
                           "expected the scenario table's header | Scenario | Set | Stated | "
                           "Note |");
        }
        return ok;
    }

    void read_row(const Row& row) {
        Scenario scenario;
        const std::string_view name_cell = row.cells[0];
        scenario.name = text_of(name_cell);
        if (scenario.name.find_first_not_of(" \t") == std::string::npos) {
            m_source.error(row.line, "expected the scenario's name, found an empty cell");
            return;
        }
        for (const Scenario& earlier : m_out.scenarios) {
            if (earlier.name == scenario.name) {
                m_source.error(name_cell,
                               fmt::format("duplicate scenario name {}", quote(scenario.name)));
                return;
            }
        }
        scenario.note = text_of(row.cells[3]);
        const std::size_t index = m_out.scenarios.size();
        if (!read_set(row.cells[1], row.line, scenario) ||
            !read_stated(row.cells[2], index, scenario.stated)) {
            return;
        }
        m_out.scenarios.push_back(std::move(scenario));
    }

    // A value as written: its exact number, or why it is not one.
    std::optional<DecimalLiteral> number(std::string_view text, std::string_view what) {
        const ParsedNumber parsed = parse_json_number(text);
        if (parsed.problem != NumberProblem::none) {
            m_source.error(text.empty() ? what : text,
                           fmt::format("expected a number, found {}", quote(text)));
            return std::nullopt;
        }
        return parsed.literal;
    }

    bool read_set(std::string_view cell, std::string_view line, Scenario& scenario) {
        const std::vector<Pair> pairs = pairs_of(cell);
        if (pairs.empty()) {
            m_source.error(line, "expected the inputs the scenario sets (/tasks/1/score = 4; …), "
                                 "found an empty cell");
            return false;
        }
        std::vector<std::string_view> places;
        bool ok = true;
        for (const Pair& pair : pairs) {
            const auto value = number(pair.value, pair.key);
            if (!value) {
                ok = false;
                continue;
            }
            scenario.set.push_back(InputSetting{std::string(pair.key), *value});
            places.push_back(pair.key);
        }
        if (!ok) {
            return false;
        }
        // The pointers and values, checked on the role as the tables have it (read before this
        // table): the rules of apply_edits(), at the cell. A role with errors is no base.
        if (m_source.has_errors()) {
            return true;
        }
        Assessment edited = m_out;
        for (const EditError& e : apply_edits(edited, scenario.set)) {
            m_source.error(e.edit == k_every_edit ? cell : places[e.edit], e.message);
            ok = false;
        }
        return ok;
    }

    bool read_stated(std::string_view cell, std::size_t index, StatedFigures& stated) {
        bool ok = true;
        for (const Pair& pair : pairs_of(cell)) {
            const auto figure =
                std::find_if(k_stated_figures.begin(), k_stated_figures.end(),
                             [&](const StatedFigure& f) { return f.key == pair.key; });
            if (figure == k_stated_figures.end()) {
                std::vector<std::string_view> keys;
                for (const StatedFigure& f : k_stated_figures) {
                    keys.push_back(f.key);
                }
                m_source.error(pair.key, one_of_message(keys, pair.key));
                ok = false;
                continue;
            }
            const std::string pointer = fmt::format(
                "/scenarios/{}/stated/{}{}", index,
                figure->group.empty() ? "" : std::string(figure->group) + "/", figure->key);
            const SourcePosition at =
                m_source.position_of(pair.value.empty() ? pair.key : pair.value);
            if (figure->number) {
                if (const auto value = number(pair.value, pair.key)) {
                    stated.*figure->number = StatedNumber{*value, pointer, at};
                } else {
                    ok = false;
                }
            } else if (figure->id == StatedId::zone) {
                const auto zone = zone_from_string(pair.value);
                if (!zone) {
                    m_source.error(pair.value.empty() ? pair.key : pair.value,
                                   one_of_message(k_zone_names, pair.value));
                    ok = false;
                    continue;
                }
                stated.zone = StatedZone{*zone, pointer, at};
            } else if (pair.value == "null") {
                stated.sub_label = StatedText{std::nullopt, pointer, at};
            } else {
                stated.sub_label = StatedText{text_of(pair.value), pointer, at};
            }
        }
        return ok;
    }

    DocumentSource& m_source;
    Assessment& m_out;
};

} // namespace

void read_scenarios(ImportContext& context, const Table& table) {
    ScenarioReader(context).read(table);
}

std::size_t audit_scenarios(const Assessment& assessment, const Methodology& methodology,
                            const DocumentSource& source, Diagnostics& diagnostics) {
    if (assessment.scenarios.empty()) {
        return 0;
    }
    std::size_t mismatches = 0;
    for (const Scenario& scenario : assessment.scenarios) {
        Assessment edited = assessment;
        edited.override_.reset();
        edited.scenarios.clear();
        if (!apply_edits(edited, scenario.set).empty()) {
            continue; // reported where the table was read
        }
        edited.stated = scenario.stated;
        const Score score = compute_score(edited, methodology);
        for (Diagnostic& d : check_stated_figures(edited, score, methodology)) {
            d.source_line = source.line_text(d.position.line);
            diagnostics.push_back(std::move(d));
            ++mismatches;
        }
    }
    return mismatches;
}

} // namespace aijri::detail
