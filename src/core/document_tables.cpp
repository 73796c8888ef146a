#include <algorithm>

#include "document_import_context.hpp"
#include "document_syntax.hpp"

namespace aijri::detail {
namespace {

int to_int(const Rational& integral) {
    return static_cast<int>(integral.numerator());
}

// A scored table's columns, found by their headers so that their order does not matter.
struct Columns {
    std::size_t name = 0;
    std::optional<std::size_t> score, rationale;
};

class TableReader {
public:
    explicit TableReader(ImportContext& context)
        : m_context(context), m_source(context.source), m_out(context.out),
          m_statements(context.statements) {}

    void read_role_table(const Table& table) {
        if (!check_two_columns(m_source, table, "Field | Value")) {
            return;
        }
        RoleDefinition& role = m_out.role;
        struct Field {
            std::string_view name;
            std::string* value;
            std::array<std::string_view, 3> aliases; // word keys
        };
        const std::array<Field, 6> fields = {{
            {"Job Title", &role.title, {"jobtitle", "title", "roletitle"}},
            {"Seniority Level", &role.seniority, {"senioritylevel", "seniority", "level"}},
            {"Primary Function", &role.primary_function, {"primaryfunction", "function", ""}},
            {"What This Role Is NOT",
             &role.not_this_role,
             {"whatthisroleisnot", "notthisrole", "whatthisroleisnt"}},
            {"Typical Experience",
             &role.typical_experience,
             {"typicalexperience", "experience", ""}},
            {"Seniority note", &role.seniority_note, {"senioritynote", "", ""}},
        }};
        std::array<std::string_view, 6> seen{};
        for (const Row& row : table.rows) {
            if (!check_cell_count(m_source, table, row)) {
                continue;
            }
            const std::string key = label_key(row.cells[0]);
            std::size_t i = 0;
            while (i < fields.size() &&
                   (key.empty() || std::find(fields[i].aliases.begin(), fields[i].aliases.end(),
                                             key) == fields[i].aliases.end())) {
                ++i;
            }
            if (i == fields.size()) {
                error(row.cells[0],
                      fmt::format("expected one of the fields \"Job Title\", \"Seniority Level\", "
                                  "\"Primary Function\", \"What This Role Is NOT\", \"Typical "
                                  "Experience\", found {}",
                                  quote(row.cells[0])));
            } else if (!seen[i].empty()) {
                duplicate_row(m_source, row, fields[i].name, seen[i]);
            } else {
                seen[i] = row.line;
                *fields[i].value = text_of(row.cells[1]);
            }
        }
        m_context.seniority_note_row = seen[5];
        if (role.title.empty()) {
            error(seen[0].empty() ? table.header.line : seen[0],
                  "expected the role's \"Job Title\", a non-empty row of the role table");
        }
    }

    // A stated total: "8", "+8", "2/10".
    void read_total(const Row& row, Figure figure, int scale, std::string_view what) {
        const auto values = total_values(row);
        const auto total = values.size() == 1 ? parse_score(values.front()) : std::nullopt;
        if (!total || (total->scale && total->scale->literal.value != Rational(scale))) {
            error(values.empty() ? row.line : values.front(),
                  fmt::format("expected the {} as a whole number (N or N/{}), found {}", what,
                              scale, values.empty() ? "nothing" : quote(values.front())));
            return;
        }
        m_statements.state(figure, total->value);
    }

    std::optional<Columns> scored_columns(const Table& table, std::string_view what) {
        Columns columns;
        for (std::size_t i = 1; i < table.header.cells.size(); ++i) {
            const std::string key = label_key(table.header.cells[i]);
            if (key.starts_with("score") && !columns.score) {
                columns.score = i;
            } else if (is_rationale_header(key) && !columns.rationale) {
                columns.rationale = i;
            } else {
                error(table.header.cells[i],
                      fmt::format("expected the columns of the {} table (name, Score, Rationale), "
                                  "found {}",
                                  what, quote(table.header.cells[i])));
                return std::nullopt;
            }
        }
        if (!columns.score) {
            error(table.header.line,
                  fmt::format("expected a \"Score\" column in the {} table", what));
            return std::nullopt;
        }
        return columns;
    }

    // Reads the row of one of the fixed dimensions; returns false when the label is not one.
    template <std::size_t N>
    bool read_dimension_row(const Table& table, const Row& row, const Columns& columns,
                            const std::array<std::string_view, N>& titles,
                            std::array<ScoredItem, N>& items, std::array<std::string_view, N>& seen,
                            int min, int max) {
        const std::string key = label_key(row.cells[0]);
        for (std::size_t i = 0; i < N; ++i) {
            if (word_key(titles[i]) != key) {
                continue;
            }
            if (!seen[i].empty()) {
                duplicate_row(m_source, row, titles[i], seen[i]);
            } else if (check_cell_count(m_source, table, row)) {
                seen[i] = row.line;
                read_scored_item(row, columns, items[i], min, max, "a score");
            }
            return true;
        }
        return false;
    }

    void read_scored_item(const Row& row, const Columns& columns, ScoredItem& item, int min,
                          int max, std::string_view what) {
        item.score =
            read_score(m_source, row.cells[*columns.score], row.line, min, max, what).value_or(0);
        if (columns.rationale) {
            item.rationale = text_of(row.cells[*columns.rationale]);
        }
    }

    template <std::size_t N>
    void require_rows(const Table& table, const std::array<std::string_view, N>& titles,
                      const std::array<std::string_view, N>& seen, std::string_view what) {
        for (std::size_t i = 0; i < N; ++i) {
            if (seen[i].empty()) {
                error(table.header.line,
                      fmt::format("expected a row for \"{}\" in the {} table", titles[i], what));
            }
        }
    }

    void read_principles(const Table& table) {
        const auto columns = scored_columns(table, "protective principles");
        if (!columns) {
            return;
        }
        std::array<std::string_view, 3> seen{};
        std::string_view growth_seen;
        std::string_view total_seen;
        for (const Row& row : table.rows) {
            if (row.cells.empty() || read_dimension_row(table, row, *columns, k_principle_titles,
                                                        m_out.principles, seen, 0, 3)) {
                continue;
            }
            const std::string key = label_key(row.cells[0]);
            if (key == "protectivetotal" || is_total_label(row.cells[0])) {
                if (!total_seen.empty()) {
                    duplicate_row(m_source, row, "Protective Total", total_seen);
                    continue;
                }
                total_seen = row.line;
                read_total(row, Figure::protective_total, 9, "protective total");
            } else if (key == "aigrowthcorrelation" || key == "growthcorrelation") {
                if (!growth_seen.empty()) {
                    duplicate_row(m_source, row, "AI Growth Correlation", growth_seen);
                } else if (check_cell_count(m_source, table, row)) {
                    growth_seen = row.line;
                    read_scored_item(row, *columns, m_out.growth, -2, 2,
                                     "an AI growth correlation");
                }
            } else {
                error(row.cells[0],
                      fmt::format("expected one of the rows {}, \"Protective Total\", "
                                  "\"AI Growth Correlation\", found {}",
                                  list_names(k_principle_titles), quote(row.cells[0])));
            }
        }
        require_rows(table, k_principle_titles, seen, "protective principles");
        if (growth_seen.empty()) {
            error(table.header.line, "expected a row for \"AI Growth Correlation\" in the "
                                     "protective principles table");
        }
    }

    template <std::size_t N>
    void read_dimensions(const Table& table, std::string_view what,
                         const std::array<std::string_view, N>& titles,
                         std::array<ScoredItem, N>& items, int min, int max, Figure total) {
        const auto columns = scored_columns(table, what);
        if (!columns) {
            return;
        }
        std::array<std::string_view, N> seen{};
        std::string_view total_seen;
        for (const Row& row : table.rows) {
            if (row.cells.empty() ||
                read_dimension_row(table, row, *columns, titles, items, seen, min, max)) {
                continue;
            }
            if (is_total_label(row.cells[0])) {
                if (!total_seen.empty()) {
                    duplicate_row(m_source, row, "Total", total_seen);
                    continue;
                }
                total_seen = row.line;
                read_total(row, total, 10, fmt::format("{} total", what));
            } else {
                error(row.cells[0], fmt::format("expected one of the rows {}, \"Total\", found {}",
                                                list_names(titles), quote(row.cells[0])));
            }
        }
        require_rows(table, titles, seen, what);
    }

    void add_table_items(SectionKind kind, const Table& table, std::vector<Item>& items) {
        const bool composite = kind == SectionKind::composite;
        if (!check_two_columns(m_source, table, composite ? "Input | Value" : "Metric | Value")) {
            return;
        }
        for (const Row& row : table.rows) {
            if (!check_cell_count(m_source, table, row)) {
                continue;
            }
            if (const auto label = line_label(kind, row.cells[0])) {
                items.push_back(Item{*label, row.cells[0], row.cells[1]});
                continue;
            }
            error(row.cells[0],
                  fmt::format("expected one of the rows {}, found {}",
                              composite ? "\"Task Resistance Score\", \"Evidence Modifier\", "
                                          "\"Barrier Modifier\", \"Growth Modifier\", \"Raw\", "
                                          "\"JobZone Score\", \"Zone\""
                                        : "\"% of task time scoring 3+\", \"AI Growth "
                                          "Correlation\", \"Sub-label\", \"Assessor override\"",
                              quote(row.cells[0])));
        }
    }

private:
    void error(std::string_view at, std::string message) { m_source.error(at, std::move(message)); }

    ImportContext& m_context;
    DocumentSource& m_source;
    Assessment& m_out;
    Statements& m_statements;
};

} // namespace

bool is_rationale_header(const std::string& key) {
    for (const std::string_view prefix :
         {"rationale", "evidence", "reason", "notes", "why", "justification", "comment"}) {
        if (key.starts_with(prefix)) {
            return true;
        }
    }
    return false;
}

bool check_cell_count(DocumentSource& source, const Table& table, const Row& row) {
    if (row.cells.size() == table.header.cells.size()) {
        return true;
    }
    std::string header;
    for (std::size_t i = 0; i < table.header.cells.size(); ++i) {
        header += (i == 0 ? "" : " | ") + std::string(table.header.cells[i]);
    }
    source.error(row.line, fmt::format("expected {} cells, as in the table's header ({}), found {}",
                                       table.header.cells.size(), header, row.cells.size()));
    return false;
}

bool check_two_columns(DocumentSource& source, const Table& table, std::string_view example) {
    if (table.header.cells.size() == 2) {
        return true;
    }
    source.error(table.header.line, fmt::format("expected a table of two columns ({}), found {}",
                                                example, table.header.cells.size()));
    return false;
}

void duplicate_row(DocumentSource& source, const Row& row, std::string_view name,
                   std::string_view first) {
    source.error(row.line, fmt::format("duplicate row \"{}\" (first on line {})", name,
                                       source.position_of(first).line));
}

// The figures of a total row: its non-empty cells after the label.
std::vector<std::string_view> total_values(const Row& row) {
    std::vector<std::string_view> values;
    for (std::size_t i = 1; i < row.cells.size(); ++i) {
        if (!row.cells[i].empty()) {
            values.push_back(row.cells[i]);
        }
    }
    return values;
}

std::optional<int> read_score(DocumentSource& source, std::string_view cell, std::string_view at,
                              int min, int max, std::string_view what) {
    const auto figure = parse_score(cell);
    if (figure) {
        const Rational& v = figure->value.literal.value;
        const bool scale_ok = !figure->scale || figure->scale->literal.value == Rational(max);
        if (v >= Rational(min) && v <= Rational(max) && scale_ok) {
            return to_int(v);
        }
    }
    source.error(cell.empty() ? at : cell,
                 fmt::format("expected {} from {} to {}, found {}", what, min, max, quote(cell)));
    return std::nullopt;
}

void read_role_table(ImportContext& context, const Table& table) {
    TableReader(context).read_role_table(table);
}

void read_principles(ImportContext& context, const Table& table) {
    TableReader(context).read_principles(table);
}

void read_evidence(ImportContext& context, const Table& table) {
    TableReader(context).read_dimensions(table, "evidence", k_evidence_titles, context.out.evidence,
                                         -2, 2, Figure::evidence_total);
}

void read_barriers(ImportContext& context, const Table& table) {
    TableReader(context).read_dimensions(table, "barrier", k_barrier_titles, context.out.barriers,
                                         0, 2, Figure::barrier_total);
}

void add_table_items(ImportContext& context, SectionKind kind, const Table& table,
                     std::vector<Item>& items) {
    TableReader(context).add_table_items(kind, table, items);
}

} // namespace aijri::detail
