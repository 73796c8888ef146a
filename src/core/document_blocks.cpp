#include "document_blocks.hpp"
#include <algorithm>

#include <fmt/format.h>

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
        const std::string_view text = m_source.text();
        std::vector<std::string_view> lines;
        for (std::size_t start = 0; start < text.size();) {
            std::size_t end = text.find('\n', start);
            end = end == std::string_view::npos ? text.size() : end;
            std::string_view line = text.substr(start, end - start);
            if (!line.empty() && line.back() == '\r') {
                line.remove_suffix(1);
            }
            lines.push_back(trim(line));
            start = end + 1;
        }
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (lines[i].empty()) {
                continue;
            }
            std::size_t next = i + 1; // blank lines never matter, not even inside a table
            while (next < lines.size() && lines[next].empty()) {
                ++next;
            }
            if (take(lines[i], next < lines.size() ? lines[next] : std::string_view())) {
                i = next;
            }
        }
        return std::move(m_sections);
    }

private:
    // Handles one non-blank line; returns whether it used the next non-blank line too.
    bool take(std::string_view line, std::string_view next) {
        Section& section = m_sections.back();
        LineKind kind = classify_line(section.kind, line);
        // GitHub's tables may leave out the outer pipes: such a line is a row when it
        // continues a table or heads one.
        if (kind == LineKind::text && section_info(section.kind).has_table &&
            has_unescaped_pipe(line) && (m_in_table || is_delimiter_row(next))) {
            kind = LineKind::table_row;
        }
        if (kind == LineKind::table_row) {
            return take_table_line(section, line, next);
        }
        m_in_table = false;
        switch (kind) {
        case LineKind::section_title:
            open_section(*section_title(line), line);
            break;
        case LineKind::sub_heading:
            section.entries.push_back(TextEntry{decode_text(sub_heading_text(line)), line, {}});
            break;
        case LineKind::rule:
            break;
        case LineKind::label: {
            const auto labeled = split_label(line);
            section.items.push_back(
                Item{*line_label(section.kind, labeled->label), labeled->label, labeled->value});
            break;
        }
        default:
            if (section.entries.empty()) {
                section.entries.push_back(
                    TextEntry{std::string(section_info(section.kind).title), line, {}});
            }
            section.entries.back().lines.push_back(decode_text(normalize_bold_label(line), true));
            break;
        }
        return false;
    }

    void open_section(SectionKind kind, std::string_view line) {
        Section section;
        section.kind = kind;
        section.title_line = line;
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
            if (!section.tables.empty()) {
                m_source.error(
                    line,
                    fmt::format("expected one table in the section \"{}\", "
                                "found a second (the first is on line {})",
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

    DocumentSource& m_source;
    std::vector<Section> m_sections;
    bool m_in_table = false;
};

} // namespace

std::vector<Section> split_sections(DocumentSource& source) {
    return Splitter(source).run();
}

} // namespace aijri::detail
