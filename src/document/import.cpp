#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "aijri/assessment/reader.hpp"
#include "aijri/document/document.hpp"
#include "aijri/json/syntax.hpp"
#include "aijri/util/text.hpp"

#include "blocks.hpp"
#include "document_id.hpp"
#include "import_context.hpp"
#include "statements.hpp"
#include "syntax.hpp"

namespace aijri {

namespace detail {

std::string quote(std::string_view text) {
    return text.empty() ? std::string("an empty cell") : fmt::format("\"{}\"", shorten(text, 60));
}

std::string text_of(std::string_view raw) {
    return decode_text(strip_bold(raw));
}

} // namespace detail

namespace {

using namespace detail;

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        out += (i == 0 ? "" : "\n") + lines[i];
    }
    return out;
}

class Importer {
public:
    Importer(DocumentSource& source, const Methodology& methodology)
        : m_context{source, methodology, {}, {}, {}, {}, {}} {}

    Assessment run(const std::vector<Section>& sections) {
        check_required_sections(sections);
        // Tables first: the labelled lines are then read knowing the document's figures,
        // which their messages show.
        std::vector<std::vector<Item>> items(sections.size());
        for (std::size_t i = 0; i < sections.size(); ++i) {
            if (is_read(sections[i])) {
                items[i] = read_tables(sections[i]);
            }
        }
        if (m_scenarios != nullptr) {
            read_scenarios(m_context, *m_scenarios);
        }
        if (!m_context.source.has_errors()) {
            try {
                m_context.preview = compute_score(m_context.out, m_context.methodology);
            } catch (const std::overflow_error&) {
                // A methodology beyond exact arithmetic: messages go without figures.
            }
        }
        read_items(m_context, items);
        for (const Section& section : sections) {
            if (!is_read(section)) {
                continue;
            }
            for (const TextEntry& entry : section.entries) {
                if (&entry == document_title(sections)) {
                    // "# Deep Learning Engineer" follows from the title: render writes it.
                    if (entry.lines.size() > 1) {
                        m_context.out.commentary.push_back(CommentarySection{
                            entry.heading,
                            join_lines({entry.lines.begin() + 1, entry.lines.end()})});
                    }
                    continue;
                }
                m_context.out.commentary.push_back(
                    CommentarySection{entry.heading, join_lines(entry.lines)});
            }
        }
        fill_stated(m_context.out.stated, m_context.statements, m_context.source);
        return std::move(m_context.out);
    }

    const Statements& statements() const { return m_context.statements; }
    const std::string& id() const { return m_context.id; }
    bool is_document() const { return m_is_document; }

private:
    void error(std::string_view at, std::string message) {
        m_context.source.error(at, std::move(message));
    }

    // The preamble's text, when its first line is a heading that is just the role's title.
    const TextEntry* document_title(const std::vector<Section>& sections) const {
        const Section& preamble = sections.front();
        if (preamble.kind != SectionKind::preamble || preamble.entries.empty() ||
            !is_document_title(preamble.entries.front().line, m_context.out.role.title)) {
            return nullptr;
        }
        return &preamble.entries.front();
    }

    // A duplicate section and one under a title that names none are errors reported where
    // they stand: their content is not read.
    static bool is_read(const Section& section) {
        return !section.duplicate && section.kind != SectionKind::unknown;
    }

    // A required section that is missing is an error at the end of the document, unless a
    // title that names no section was likely meant to be it: that title's error says so.
    void check_required_sections(const std::vector<Section>& sections) {
        if (sections.size() == 1) {
            // Not one section, not even one misnamed: not an assessment document at all (a
            // README beside the assessments). One message says so, not five.
            std::string required;
            for (const SectionInfo& info : document_sections()) {
                if (info.required) {
                    required += fmt::format("{}\"{}\"", required.empty() ? "" : ", ", info.title);
                }
            }
            m_context.source.error_at({1, 1}, fmt::format("expected an assessment document, with "
                                                          "the sections {}, found none of them",
                                                          required));
            m_is_document = false;
            return;
        }
        for (const SectionInfo& info : document_sections()) {
            const bool found = std::any_of(sections.begin(), sections.end(), [&](const Section& s) {
                return !s.title_line.empty() &&
                       (s.kind == info.kind ||
                        (s.kind == SectionKind::unknown && s.suggestion == info.kind));
            });
            if (info.required && !found) {
                m_context.source.error_at(
                    m_context.source.end(),
                    fmt::format("expected the section \"{}\" (sections may come in any order), "
                                "found none",
                                info.title));
            }
        }
    }

    // The section's tables; returns its labelled lines and the rows read as such.
    std::vector<Item> read_tables(const Section& section) {
        const Table* table = section.tables.empty() ? nullptr : &section.tables.front();
        std::vector<Item> items = section.items;
        switch (section.kind) {
        case SectionKind::role:
            if (require_table(section, table, "the role table (| Field | Value |)")) {
                read_role_table(m_context, *table);
            }
            break;
        case SectionKind::principles:
            if (require_table(section, table,
                              "the table of protective principles (| Principle | Score (0-3) | "
                              "Rationale |)")) {
                read_principles(m_context, *table);
            }
            break;
        case SectionKind::tasks:
            if (require_table(section, table,
                              "the task table (| Task | Time % | Score (1-5) | Weighted | "
                              "Aug/Disp | Rationale |)")) {
                read_tasks(m_context, *table);
            }
            break;
        case SectionKind::evidence:
            if (require_table(section, table,
                              "the evidence table (| Dimension | Score (-2 to 2) | Evidence |)")) {
                read_evidence(m_context, *table);
            }
            break;
        case SectionKind::barriers:
            if (require_table(section, table,
                              "the barrier table (| Barrier | Score (0-2) | Rationale |)")) {
                read_barriers(m_context, *table);
            }
            break;
        case SectionKind::scenarios:
            m_scenarios = table; // once the role's tables are read (read_scenarios)
            break;
        case SectionKind::composite:
        case SectionKind::sub_label:
            if (table != nullptr) {
                add_table_items(m_context, section.kind, *table, items);
            }
            break;
        default:
            break;
        }
        return items;
    }

    bool require_table(const Section& section, const Table* table, std::string_view what) {
        if (table == nullptr) {
            error(section.title_line, fmt::format("expected {} in the section \"{}\"", what,
                                                  section_info(section.kind).title));
        }
        return table != nullptr;
    }

    ImportContext m_context;
    const Table* m_scenarios = nullptr;
    bool m_is_document = true;
};

void sort_by_position(Diagnostics& diagnostics) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return std::pair(a.position.line, a.position.column) <
                                std::pair(b.position.line, b.position.column);
                     });
}

bool is_standard_input(std::string_view path) {
    return path.empty() || path == "-" || path == "<stdin>";
}

} // namespace

bool looks_like_document(std::string_view text) {
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        end = end == std::string_view::npos ? text.size() : end;
        if (section_title(trim(text.substr(start, end - start)))) {
            return true;
        }
        start = end + 1;
    }
    return false;
}

std::string document_id(std::string_view path) {
    if (is_standard_input(path)) {
        return "stdin";
    }
    const auto slash = path.find_last_of('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const auto dot = name.find_last_of('.');
    if (dot != std::string_view::npos && dot > 0) {
        name = name.substr(0, dot);
    }
    return std::string(name);
}

ImportResult import_document(std::string_view text, std::string_view source_name,
                             const ImportOptions& options) {
    ImportResult result;
    const std::string_view body = strip_bom(text);
    if (const auto bad = find_invalid_utf8(body)) {
        const SourcePosition at = LineIndex(body).position_of(*bad);
        result.diagnostics.push_back(
            make_error("", at,
                       fmt::format("expected UTF-8 text, found the byte 0x{:02X}",
                                   static_cast<unsigned>(static_cast<unsigned char>(body[*bad])))));
        return result;
    }
    const Methodology& methodology =
        options.methodology != nullptr ? *options.methodology : builtin_methodology();
    DocumentSource source(body, result.diagnostics);
    const std::vector<Section> sections = split_sections(source);
    Importer importer(source, methodology);
    Assessment assessment = importer.run(sections);
    result.is_document = importer.is_document();
    if (has_errors(result.diagnostics)) {
        sort_by_position(result.diagnostics);
        return result;
    }
    if (!options.id.empty()) {
        assessment.id = options.id;
        result.id_source = IdSource::option;
    } else if (!importer.id().empty()) {
        assessment.id = importer.id();
        result.id_source = IdSource::document;
    } else {
        assessment.id = document_id(source_name);
        result.id_source =
            is_standard_input(source_name) ? IdSource::standard_input : IdSource::file_name;
    }
    // As the JSON reader marks an id it did not find in the text.
    assessment.id_from_file_name =
        result.id_source == IdSource::file_name || result.id_source == IdSource::standard_input;
    assessment.schema = options.schema;
    try {
        result.mismatches =
            audit_statements(assessment, importer.statements(), methodology, source);
        result.mismatches += audit_scenarios(assessment, methodology, source, result.diagnostics);
    } catch (const std::overflow_error&) {
        // Exact arithmetic refuses to wrap; only a methodology with extreme constants gets
        // here, so the document is not to blame.
        result.methodology_error = true;
        source.error_at(source.end(),
                        fmt::format("cannot be audited with the methodology \"{}\": its "
                                    "constants take exact arithmetic beyond 128 bits (use fewer "
                                    "decimals or smaller constants)",
                                    methodology.name));
        sort_by_position(result.diagnostics);
        return result;
    }
    sort_by_position(result.diagnostics);
    // Read whole: the assessment holds the figures as the document states them, whether
    // or not they match (the mismatches are errors among the diagnostics).
    result.assessment = std::move(assessment);
    return result;
}

} // namespace aijri
