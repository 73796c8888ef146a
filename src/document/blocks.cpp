#include "blocks.hpp"
#include <algorithm>

#include <fmt/format.h>

#include "aijri/util/text.hpp"

namespace aijri::detail {

SourcePosition DocumentSource::position_of(std::string_view piece) const {
    const auto offset = static_cast<std::size_t>(piece.data() - m_text.data());
    return m_index.position_of(offset);
}

SourcePosition DocumentSource::end() const {
    if (m_text.empty()) {
        return {1, 1};
    }
    const SourcePosition last = m_index.position_of(m_text.size());
    return m_text.back() == '\n' ? last : SourcePosition{last.line + 1, 1};
}

void DocumentSource::error(std::string_view at, std::string message) {
    error_at(position_of(at), std::move(message));
}

void DocumentSource::error_at(SourcePosition position, std::string message) {
    m_diagnostics.push_back(
        Diagnostic{Severity::error, "", position, std::move(message), line_text(position.line)});
}

void DocumentSource::mismatch_at(SourcePosition position, std::string message) {
    error_at(position, std::move(message));
    m_diagnostics.back().kind = DiagnosticKind::stated_figure;
}

void DocumentSource::warning_at(SourcePosition position, std::string message) {
    m_diagnostics.push_back(
        Diagnostic{Severity::warning, "", position, std::move(message), line_text(position.line)});
}

namespace {

// The cells of a table line, split at the pipes that are not escaped.
std::vector<std::string_view> split_cells(std::string_view line) {
    std::vector<std::string_view> cells;
    std::size_t start = line.front() == '|' ? 1 : 0;
    bool closed = false;
    for (std::size_t i = start; i < line.size(); ++i) {
        if (line[i] == '\\') {
            ++i;
        } else if (line[i] == '|') {
            cells.push_back(trim(line.substr(start, i - start)));
            start = i + 1;
            closed = start == line.size();
        }
    }
    if (!closed && start < line.size()) {
        cells.push_back(trim(line.substr(start)));
    }
    return cells;
}

bool is_delimiter_row(std::string_view line) {
    if (line.empty() || line.find('-') == std::string_view::npos ||
        (line.front() != '|' && line.front() != ':' && line.front() != '-')) {
        return false;
    }
    const auto cells = split_cells(line);
    if (cells.empty()) {
        return false;
    }
    for (std::string_view cell : cells) {
        if (!cell.empty() && cell.front() == ':') {
            cell.remove_prefix(1);
        }
        if (!cell.empty() && cell.back() == ':') {
            cell.remove_suffix(1);
        }
        if (cell.empty() || cell.find_first_not_of('-') != std::string_view::npos) {
            return false;
        }
    }
    return true;
}

// A title as written, for messages: decoded, shortened.
std::string quote_text(std::string_view text) {
    return fmt::format("\"{}\"", shorten(decode_text(text), 60));
}

std::string_view sub_heading_text(std::string_view line) {
    if (const auto heading = parse_heading(line)) {
        return strip_bold(heading->text);
    }
    if (const auto bold = bold_heading(line)) {
        return *bold;
    }
    return line;
}

class Splitter {
public:
    explicit Splitter(DocumentSource& source) : m_source(source) {
        m_sections.push_back(Section{});
    }

    std::vector<Section> run() {
        run_lines();
        end_pending("the end of the document");
        return std::move(m_sections);
    }

private:
    void run_lines() {
        const std::string_view text = m_source.text();
        for (std::size_t start = 0; start < text.size();) {
            std::size_t end = text.find('\n', start);
            end = end == std::string_view::npos ? text.size() : end;
            std::string_view line = text.substr(start, end - start);
            if (!line.empty() && line.back() == '\r') {
                line.remove_suffix(1);
            }
            m_lines.push_back(trim(line));
            start = end + 1;
        }
        for (std::size_t i = 0; i < m_lines.size(); ++i) {
            if (m_lines[i].empty()) {
                continue;
            }
            // Blank lines never matter, not even inside a table.
            const std::size_t next = next_line(i);
            if (take(m_lines[i], next)) {
                i = next;
            }
        }
    }

    // A heading that names a part with no value under it: said where it stands, not dropped.
    void end_pending(std::string_view found) {
        if (!m_pending) {
            return;
        }
        m_source.error(m_pending->heading,
                       fmt::format("expected {} on the line after this heading, found {}",
                                   part_name(m_pending->label), found));
        m_pending.reset();
    }

    static std::string_view part_name(Label label) {
        switch (label) {
        case Label::assessor_override:
            return "the assessor override (\"None — formula score accepted.\" or what it "
                   "overrides and why)";
        case Label::quick_screen:
            return "the quick screen";
        case Label::seniority_note:
            return "the seniority note";
        case Label::reinstatement:
            return "the reinstatement check (\"Yes — note\" or \"No — note\")";
        case Label::split:
            return "the displacement/augmentation split";
        case Label::task_resistance:
            return "the task resistance";
        default:
            return "its value";
        }
    }

    // The next non-blank line after `i` (m_lines.size() when there is none).
    std::size_t next_line(std::size_t i) const {
        std::size_t next = i + 1;
        while (next < m_lines.size() && m_lines[next].empty()) {
            ++next;
        }
        return next;
    }

    std::string_view line_at(std::size_t i) const {
        return i < m_lines.size() ? m_lines[i] : std::string_view();
    }

    // Whether a table (a row of cells, then its delimiter row) begins at line `i`.
    bool table_at(std::size_t i) const {
        return i < m_lines.size() && has_unescaped_pipe(m_lines[i]) &&
               is_delimiter_row(line_at(next_line(i)));
    }

    // Handles one non-blank line; returns whether it used the next non-blank line too.
    bool take(std::string_view line, std::size_t next) {
        Section& section = m_sections.back();
        if (section.kind == SectionKind::unknown) {
            take_in_unknown(section, line);
            return false;
        }
        LineKind kind = classify_line(section.kind, line);
        // GitHub's tables may leave out the outer pipes: such a line is a row when it
        // continues a table or heads one.
        if (kind == LineKind::text && section_info(section.kind).has_table &&
            has_unescaped_pipe(line) && (m_in_table || is_delimiter_row(line_at(next)))) {
            kind = LineKind::table_row;
        }
        if (kind == LineKind::table_row) {
            end_pending("a table");
            return take_table_line(section, line, line_at(next));
        }
        m_in_table = false;
        switch (kind) {
        case LineKind::section_title:
            end_pending("a section's title");
            open_section(*section_title(line), line);
            break;
        case LineKind::sub_heading:
            end_pending("a heading");
            take_heading(section, line, next);
            break;
        case LineKind::rule:
            break;
        case LineKind::label: {
            const auto labeled = split_label(line);
            if (m_pending && names_label(m_pending->label, labeled->label)) {
                m_pending.reset(); // "## Quick Screen", then "Quick screen result: …"
            }
            end_pending("another labelled line");
            section.items.push_back(
                Item{*line_label(section.kind, labeled->label), labeled->label, labeled->value});
            break;
        }
        default:
            take_text(section, line, next);
            break;
        }
        return false;
    }

    void take_heading(Section& section, std::string_view line, std::size_t next) {
        const TitleText title = title_text(line);
        if (section.kind == SectionKind::preamble) {
            open_unknown(line, title); // only a heading close to a section's title gets here
            return;
        }
        if (const auto label = heading_label(line)) {
            // "## 7. Assessor Override": the value follows, as a line of its own or labelled.
            m_pending = PendingLabel{*label, title.text};
            return;
        }
        // A heading as high as the section's own title opens a section: one that names none
        // is an error when it is close to a section's title, or when it brings a table
        // where the section has had its own.
        if ((title.level <= section.level && suggest_section(title)) ||
            (has_had_table(section) && table_at(next))) {
            open_unknown(line, title);
            return;
        }
        section.entries.push_back(TextEntry{decode_text(sub_heading_text(line)), line, {}});
    }

    void take_text(Section& section, std::string_view line, std::size_t next) {
        if (m_pending) {
            // The value under a heading that names a part: "None — formula score accepted."
            // or the labelled line itself.
            Item item{m_pending->label, m_pending->heading, line};
            if (const auto labeled = split_label(line);
                labeled && names_label(m_pending->label, labeled->label)) {
                item.label_text = labeled->label;
                item.value = labeled->value;
            }
            section.items.push_back(item);
            m_pending.reset();
            return;
        }
        // A short plain line just above a table, where the section has had its own: the
        // title of a section that names none ("Tasks").
        if (has_had_table(section) && table_at(next) &&
            ((line.front() >= 'A' && line.front() <= 'Z') ||
             (line.front() >= 'a' && line.front() <= 'z')) &&
            looks_like_heading(line)) {
            open_unknown(line, title_text(line));
            return;
        }
        if (section.entries.empty()) {
            section.entries.push_back(
                TextEntry{std::string(section_info(section.kind).title), line, {}});
        }
        section.entries.back().lines.push_back(decode_text(normalize_bold_label(line), true));
    }

    // Inside an unknown section nothing is read, up to the next section's title.
    void take_in_unknown(const Section& section, std::string_view line) {
        if (const auto kind = section_title(line)) {
            m_in_table = false;
            open_section(*kind, line);
            return;
        }
        const TitleText title = title_text(line);
        if (title.level < k_plain_level && title.level <= section.level && !heading_label(line) &&
            suggest_section(title)) {
            open_unknown(line, title);
        }
    }

    // A second table in a section, with a sub-heading between the two: that sub-heading was
    // the title of another section, one that names none ("### Barriers", then a line of text,
    // then the barrier table). What followed it is taken out of the section.
    bool reopen_as_unknown(Section& section) {
        const char* first_table = section.tables.front().header.line.data();
        for (std::size_t i = section.entries.size(); i-- > 0;) {
            const TextEntry& entry = section.entries[i];
            if (entry.line.data() < first_table) {
                return false;
            }
            const LineKind kind = classify_line(section.kind, entry.line);
            if (kind == LineKind::sub_heading) {
                const std::string_view line = entry.line;
                section.entries.erase(section.entries.begin() + static_cast<std::ptrdiff_t>(i),
                                      section.entries.end());
                open_unknown(line, title_text(line));
                return true;
            }
        }
        return false;
    }

    static bool has_had_table(const Section& section) {
        return section_info(section.kind).has_table && !section.tables.empty();
    }

    void open_unknown(std::string_view line, const TitleText& title) {
        Section section;
        section.kind = SectionKind::unknown;
        section.title_line = line;
        section.level = title.level;
        section.suggestion = suggest_section(title);
        std::string message = fmt::format("unknown section {}", quote_text(title.text));
        if (section.suggestion) {
            message +=
                fmt::format("; did you mean \"{}\"?", section_info(*section.suggestion).title);
        }
        message += fmt::format(" (the sections are {}, in any order)", section_titles());
        m_source.error(title.text.empty() ? line : title.text, std::move(message));
        m_sections.push_back(std::move(section));
    }

    void open_section(SectionKind kind, std::string_view line) {
        Section section;
        section.kind = kind;
        section.title_line = line;
        section.level = title_text(line).level;
        for (const Section& seen : m_sections) {
            if (seen.kind == kind && !seen.duplicate && !seen.title_line.empty()) {
                m_source.error(line, fmt::format("duplicate section \"{}\" (first on line {})",
                                                 section_info(kind).title,
                                                 m_source.position_of(seen.title_line).line));
                section.duplicate = true;
                break;
            }
        }
        m_sections.push_back(std::move(section));
    }

    bool take_table_line(Section& section, std::string_view line, std::string_view next) {
        Row row{line, split_cells(line)};
        if (is_delimiter_row(next)) {
            if (!section.tables.empty() && reopen_as_unknown(section)) {
                return true; // the table belongs to a section that names none
            }
            if (!section.tables.empty()) {
                m_source.error(
                    line,
                    fmt::format("expected one table in the section \"{}\", found a second (the "
                                "first is on line {}); a table of another section needs that "
                                "section's title above it",
                                section_info(section.kind).title,
                                m_source.position_of(section.tables.front().header.line).line));
            }
            const std::size_t delimiter_cells = split_cells(next).size();
            if (delimiter_cells != row.cells.size()) {
                m_source.error(next, fmt::format("expected {} cells in the delimiter row, as in "
                                                 "the header above, found {}",
                                                 row.cells.size(), delimiter_cells));
            }
            section.tables.push_back(Table{std::move(row), {}});
            m_in_table = true;
            return true;
        }
        if (m_in_table) {
            // A row of empty cells holds nothing to keep.
            if (std::any_of(row.cells.begin(), row.cells.end(),
                            [](std::string_view cell) { return !cell.empty(); })) {
                section.tables.back().rows.push_back(std::move(row));
            }
            return false;
        }
        if (section.tables.empty()) {
            // A header without its delimiter row: say so once and read the table anyway.
            m_source.error(line, "expected the delimiter row (|---|---|) on the line after this "
                                 "table header");
            section.tables.push_back(Table{std::move(row), {}});
            m_in_table = true;
            return false;
        }
        m_source.error(line, "expected this row in a table, after the table's header and its "
                             "delimiter row (|---|---|), but free text stands between them");
        return false;
    }

    // A heading that names a part of a section, waiting for its value on the next line.
    struct PendingLabel {
        Label label;
        std::string_view heading;
    };

    DocumentSource& m_source;
    std::vector<std::string_view> m_lines; // trimmed
    std::vector<Section> m_sections;
    bool m_in_table = false;
    std::optional<PendingLabel> m_pending;
};

} // namespace

std::vector<Section> split_sections(DocumentSource& source) {
    return Splitter(source).run();
}

} // namespace aijri::detail
