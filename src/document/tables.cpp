#include <algorithm>

#include "figures.hpp"
#include "import_context.hpp"
#include "syntax.hpp"

namespace aijri::detail {
namespace {

int to_int(const Rational& integral) {
    return static_cast<int>(integral.numerator());
}

constexpr std::size_t k_ambiguous = ~std::size_t{0};

// Words people use for a dimension besides those of its title: a row label made of words
// that name one dimension only is that dimension ("Wages", "Job Postings", "Liability").
constexpr std::array<std::string_view, 4> k_principle_words = {
    "physical embodiment body", "human relationship", "judgement ethical", "AI growth correlation"};
constexpr std::array<std::string_view, 5> k_evidence_words = {
    "hiring demand vacancy opening", "employer corporate firm", "salary pay compensation earning",
    "tooling capability", "opinion outlook analyst"};
constexpr std::array<std::string_view, 5> k_barrier_words = {
    "regulation licence license licensure certification", "onsite location",
    "unionization unionisation labor labour", "responsibility", "culture ethics ethic"};

// "Total", "Evidence Total", "Total score", "Sum": the total row of a dimension table.
bool is_total_row(std::string_view cell, std::string_view what) {
    if (is_total_label(cell)) {
        return true;
    }
    const std::vector<std::string> words = label_words(cell);
    const bool has_total = std::any_of(words.begin(), words.end(), [](const std::string& w) {
        return w == "total" || w == "sum";
    });
    return has_total && std::all_of(words.begin(), words.end(), [&](const std::string& w) {
               return w == "total" || w == "sum" || w == "score" || w == what;
           });
}

// What a row of a scored table holds.
struct RowKind {
    ScoreBounds bounds;
    std::string_view what;   // for messages: "a score"
    bool takes_range = true; // a principle takes none: it does not enter the composite
};

// A scored table's columns, found by their headers so that their order does not matter.
struct Columns {
    std::size_t name = 0;
    std::optional<std::size_t> score, range, rationale;
};

class TableReader {
public:
    explicit TableReader(ImportContext& context)
        : m_context(context), m_source(context.source), m_out(context.out),
          m_statements(context.statements) {}

    void read_role_table(const Table& table) {
        if (!check_two_columns(m_source, table, "role", "Field | Value")) {
            return;
        }
        RoleDefinition& role = m_out.role;
        struct Field {
            std::string_view name;
            std::string* value;
            std::array<std::string_view, 5> aliases; // word keys
        };
        const std::array<Field, 7> fields = {{
            {"Job Title", &role.title, {"jobtitle", "title", "roletitle", "role", "position"}},
            {"Seniority Level", &role.seniority, {"senioritylevel", "seniority", "level", "", ""}},
            {"Primary Function",
             &role.primary_function,
             {"primaryfunction", "function", "mainfunction", "purpose", ""}},
            {"What This Role Is NOT",
             &role.not_this_role,
             {"whatthisroleisnot", "notthisrole", "whatthisroleisnt", "outofscope", ""}},
            {"Typical Experience",
             &role.typical_experience,
             {"typicalexperience", "experience", "background", "", ""}},
            {"Seniority note", &role.seniority_note, {"senioritynote", "", "", "", ""}},
            // The assessment's id, which render writes so that render → import keeps it
            // whatever the document's file is called.
            {"ID", &m_context.id, {"id", "roleid", "assessmentid", "identifier", ""}},
        }};
        std::array<std::string_view, 7> seen{};
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
                                  "Experience\", \"ID\", found {}",
                                  quote(row.cells[0])));
            } else if (!seen[i].empty()) {
                duplicate_row(m_source, row, fields[i].name, seen[i]);
            } else {
                seen[i] = row.line;
                *fields[i].value = text_of(row.cells[1]);
            }
        }
        m_context.seniority_note_row = seen[5];
        if (!seen[6].empty() && m_context.id.empty()) {
            error(seen[6], "expected the assessment's ID, a non-empty value, or no ID row");
        }
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
            const std::string_view cell = table.header.cells[i];
            const std::string key = label_key(cell);
            std::optional<std::size_t>* slot = nullptr;
            std::string_view title;
            if (is_range_header(key)) {
                slot = &columns.range;
                title = "Range";
            } else if (key.starts_with("score") || key.starts_with("rating") || key == "points") {
                slot = &columns.score;
                title = "Score";
            } else if (is_rationale_header(key)) {
                slot = &columns.rationale;
                title = "Rationale";
            }
            if (slot == nullptr || (slot == &columns.rationale && slot->has_value())) {
                extra_column(m_source, cell, what, "name, Score, Range, Rationale");
            } else if (slot->has_value()) {
                error(cell, fmt::format("expected one \"{}\" column in the {} table, found a "
                                        "second: {}",
                                        title, what, quote(cell)));
                return std::nullopt;
            } else {
                *slot = i;
            }
        }
        if (!columns.score) {
            error(table.header.line,
                  fmt::format("expected a \"Score\" column in the {} table", what));
            return std::nullopt;
        }
        return columns;
    }

    // Reads the row of one of the fixed dimensions; returns false when the label names none.
    template <std::size_t N>
    bool read_dimension_row(const Table& table, const Row& row, const Columns& columns,
                            const std::array<std::string_view, N>& titles,
                            const std::array<std::string_view, N>& more,
                            std::array<ScoredItem*, N> items, std::array<std::string_view, N>& seen,
                            const std::array<RowKind, N>& kinds) {
        const auto found = match_dimension(row.cells[0], titles, more);
        if (!found) {
            return false;
        }
        const std::size_t i = *found;
        if (i == k_ambiguous) {
            return true; // reported
        }
        if (!seen[i].empty()) {
            duplicate_row(m_source, row, titles[i], seen[i]);
        } else if (check_cell_count(m_source, table, row)) {
            seen[i] = row.line;
            read_scored_item(row, columns, *items[i], kinds[i]);
        }
        return true;
    }

    // Which of `titles` a row label names: the whole title, or words of it or of `more`
    // that name no other ("Wages", "Job Postings", "Liability"); k_ambiguous (reported
    // here) when they name more than one.
    template <std::size_t N>
    std::optional<std::size_t> match_dimension(std::string_view cell,
                                               const std::array<std::string_view, N>& titles,
                                               const std::array<std::string_view, N>& more) {
        const std::string key = label_key(cell);
        for (std::size_t i = 0; i < N; ++i) {
            if (word_key(titles[i]) == key) {
                return i;
            }
        }
        const std::vector<std::string> words = label_words(cell);
        if (words.empty()) {
            return std::nullopt;
        }
        std::vector<std::size_t> matches;
        for (std::size_t i = 0; i < N; ++i) {
            std::vector<std::string> known = label_words(titles[i]);
            const std::vector<std::string> extra = label_words(more[i]);
            known.insert(known.end(), extra.begin(), extra.end());
            if (std::all_of(words.begin(), words.end(), [&](const std::string& w) {
                    return std::find(known.begin(), known.end(), w) != known.end();
                })) {
                matches.push_back(i);
            }
        }
        if (matches.empty()) {
            return std::nullopt;
        }
        if (matches.size() > 1) {
            std::string names;
            for (std::size_t k = 0; k < matches.size(); ++k) {
                names += fmt::format("{}\"{}\"",
                                     k == 0                    ? ""
                                     : k + 1 == matches.size() ? " or "
                                                               : ", ",
                                     titles[matches[k]]);
            }
            error(cell, fmt::format("expected one row label, found {}, which could be {}: "
                                    "write the label whole",
                                    quote(cell), names));
            return k_ambiguous;
        }
        return matches.front();
    }

    void read_scored_item(const Row& row, const Columns& columns, ScoredItem& item,
                          const RowKind& kind) {
        const auto score = read_score(m_source, row.cells[*columns.score], row.line,
                                      kind.bounds.min, kind.bounds.max, kind.what);
        item.score = score.value_or(0);
        if (columns.range) {
            const std::string_view cell = row.cells[*columns.range];
            if (kind.takes_range) {
                item.range = read_range(m_source, cell, kind.bounds, score);
            } else if (!cell.empty()) {
                error(cell, fmt::format("expected no range for a protective principle (principles "
                                        "do not enter the composite), found {}",
                                        quote(cell)));
            }
        }
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
        // The growth correlation is a row of this table, matched as the principles are.
        const std::array<std::string_view, 4> titles = {
            k_principle_titles[0], k_principle_titles[1], k_principle_titles[2],
            "AI Growth Correlation"};
        const std::array<ScoredItem*, 4> items = {&m_out.principles[0], &m_out.principles[1],
                                                  &m_out.principles[2], &m_out.growth};
        std::array<std::string_view, 4> seen{};
        std::string_view total_seen;
        for (const Row& row : table.rows) {
            if (row.cells.empty()) {
                continue;
            }
            if (is_total_row(row.cells[0], "protective")) {
                if (!total_seen.empty()) {
                    duplicate_row(m_source, row, "Protective Total", total_seen);
                    continue;
                }
                total_seen = row.line;
                read_total(row, Figure::protective_total, 9, "protective total");
            } else if (!read_dimension_row(table, row, *columns, titles, k_principle_words, items,
                                           seen,
                                           {{{k_principle_bounds, "a score", false},
                                             {k_principle_bounds, "a score", false},
                                             {k_principle_bounds, "a score", false},
                                             {k_growth_bounds, "an AI growth correlation"}}})) {
                error(row.cells[0],
                      fmt::format("expected one of the rows {}, \"Protective Total\", "
                                  "\"AI Growth Correlation\", found {}",
                                  list_names(k_principle_titles), quote(row.cells[0])));
            }
        }
        require_rows(table, titles, seen, "protective principles");
    }

    template <std::size_t N>
    void read_dimensions(const Table& table, std::string_view what,
                         const std::array<std::string_view, N>& titles,
                         const std::array<std::string_view, N>& more,
                         std::array<ScoredItem, N>& items, ScoreBounds bounds, Figure total) {
        const auto columns = scored_columns(table, what);
        if (!columns) {
            return;
        }
        std::array<ScoredItem*, N> slots{};
        std::array<RowKind, N> kinds{};
        for (std::size_t i = 0; i < N; ++i) {
            slots[i] = &items[i];
            kinds[i] = {bounds, "a score"};
        }
        std::array<std::string_view, N> seen{};
        std::string_view total_seen;
        for (const Row& row : table.rows) {
            if (row.cells.empty()) {
                continue;
            }
            if (is_total_row(row.cells[0], what)) {
                if (!total_seen.empty()) {
                    duplicate_row(m_source, row, "Total", total_seen);
                    continue;
                }
                total_seen = row.line;
                read_total(row, total, 10, fmt::format("{} total", what));
            } else if (!read_dimension_row(table, row, *columns, titles, more, slots, seen,
                                           kinds)) {
                error(row.cells[0], fmt::format("expected one of the rows {}, \"Total\", found {}",
                                                list_names(titles), quote(row.cells[0])));
            }
        }
        require_rows(table, titles, seen, what);
    }

    void add_table_items(SectionKind kind, const Table& table, std::vector<Item>& items) {
        const bool composite = kind == SectionKind::composite;
        if (!check_two_columns(m_source, table, composite ? "composite" : "sub-label",
                               composite ? "Input | Value" : "Metric | Value")) {
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
    for (const std::string_view prefix : {"rationale", "evidence", "reason", "note", "why",
                                          "justification", "comment", "explanation"}) {
        if (key.starts_with(prefix)) {
            return true;
        }
    }
    return false;
}

bool is_range_header(const std::string& key) {
    return key == "range" || key == "scorerange" || key == "uncertainty";
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

bool check_two_columns(DocumentSource& source, const Table& table, std::string_view what,
                       std::string_view example) {
    if (table.header.cells.size() < 2) {
        source.error(table.header.line,
                     fmt::format("expected a table of two columns ({}), found {}", example,
                                 table.header.cells.size()));
        return false;
    }
    for (std::size_t i = 2; i < table.header.cells.size(); ++i) {
        extra_column(source, table.header.cells[i], what, example);
    }
    return true;
}

void extra_column(DocumentSource& source, std::string_view header, std::string_view what,
                  std::string_view columns) {
    source.warning_at(source.position_of(header),
                      fmt::format("the column {} is not one of the {} table's ({}): its cells "
                                  "are not imported",
                                  header.empty() ? std::string("without a header") : quote(header),
                                  what, columns));
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

std::optional<ScoreRange> read_range(DocumentSource& source, std::string_view cell,
                                     ScoreBounds bounds, std::optional<int> score) {
    if (cell.empty()) {
        return std::nullopt;
    }
    const auto figure = parse_score_range(cell);
    if (!figure) {
        source.error(cell, fmt::format("expected a range of scores from {} to {} written lo–hi "
                                       "(as 2–4), found {}",
                                       bounds.min, bounds.max, quote(cell)));
        return std::nullopt;
    }
    if (!score) {
        return std::nullopt;
    }
    // Integers, of at most a few digits once within bounds: a larger one is out of bounds.
    const auto end_of = [&bounds](const Number& n) {
        const Rational& v = n.literal.value;
        return v < Rational(bounds.min)   ? bounds.min - 1
               : v > Rational(bounds.max) ? bounds.max + 1
                                          : to_int(v);
    };
    const ScoreRange range{end_of(figure->lo), end_of(figure->hi)};
    if (const auto problem = range_problem(range, bounds, *score)) {
        source.error(cell, fmt::format("{}, found {}", *problem, quote(cell)));
        return std::nullopt;
    }
    return range;
}

void read_role_table(ImportContext& context, const Table& table) {
    TableReader(context).read_role_table(table);
}

void read_principles(ImportContext& context, const Table& table) {
    TableReader(context).read_principles(table);
}

void read_evidence(ImportContext& context, const Table& table) {
    TableReader(context).read_dimensions(table, "evidence", k_evidence_titles, k_evidence_words,
                                         context.out.evidence, k_evidence_bounds,
                                         Figure::evidence_total);
}

void read_barriers(ImportContext& context, const Table& table) {
    TableReader(context).read_dimensions(table, "barrier", k_barrier_titles, k_barrier_words,
                                         context.out.barriers, k_barrier_bounds,
                                         Figure::barrier_total);
}

void add_table_items(ImportContext& context, SectionKind kind, const Table& table,
                     std::vector<Item>& items) {
    TableReader(context).add_table_items(kind, table, items);
}

} // namespace aijri::detail
