// The layout of a text report: headings, lines that wrap with a hanging indent, prose, and
// tables that keep their shape at any width. The score report and the robustness report are
// both written with it.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "aijri/report/text.hpp"
#include "aijri/util/text.hpp"

namespace aijri::report_detail {

constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_reset = "\x1b[0m";
constexpr std::size_t k_indent = 2;

struct Column {
    std::string title;
    std::size_t width = 0; // 0: takes what is left (the text column)
    bool right = false;
};

class ReportWriter {
public:
    ReportWriter(const TextStyle& style) : m_style(style) {}

    // `title` holds no colour codes; a title wider than the layout wraps.
    void heading(std::string_view title) {
        if (!m_out.empty()) {
            m_out += '\n';
        }
        const std::vector<std::string> lines = display_width(title) <= m_style.width
                                                   ? std::vector<std::string>{std::string(title)}
                                                   : wrap(title, m_style.width);
        for (const std::string& part : lines) {
            m_out += m_style.color ? fmt::format("{}{}{}\n", k_bold, part, k_reset)
                                   : fmt::format("{}\n", part);
        }
    }

    // The report's first line, "Title — AIJRI 64.6 Green (Accelerated)", whose label may be
    // coloured: when it is too wide, the verdict goes on a line of its own.
    void title(std::string_view name, std::string_view verdict, std::string_view colored) {
        const std::string plain = fmt::format("{} — {}", name, verdict);
        if (display_width(plain) <= m_style.width) {
            m_out += m_style.color ? fmt::format("{}{} — {}{}\n", k_bold, name, colored, k_reset)
                                   : plain + "\n";
            return;
        }
        heading(name);
        m_out += m_style.color ? fmt::format("{}{}{}\n", k_bold, colored, k_reset)
                               : std::string(verdict) + "\n";
    }

    // Lines longer than the terminal wrap with a hanging indent rather than overflow.
    void line(std::string_view text) {
        if (display_width(text) <= available_width()) {
            m_out += fmt::format("{:{}}{}\n", "", k_indent, text);
            return;
        }
        const auto lines = wrap(text, available_width() - 4);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            m_out += fmt::format("{:{}}{}\n", "", i == 0 ? k_indent : k_indent + 4, lines[i]);
        }
    }

    // Prose as the document has it: paragraphs and "- " bullets, wrapped to the width (a
    // bullet's lines under its text), a blank line between paragraphs.
    void prose(std::string_view text) {
        std::size_t start = 0;
        bool blank_pending = false;
        while (start <= text.size()) {
            const auto end = std::min(text.find('\n', start), text.size());
            const std::string part = sanitize(text.substr(start, end - start));
            start = end + 1;
            if (part.find_first_not_of(' ') == std::string::npos) {
                blank_pending = true;
                continue;
            }
            if (blank_pending) {
                m_out += '\n';
                blank_pending = false;
            }
            const bool bullet = part.starts_with("- ") || part.starts_with("* ");
            const std::size_t hang = bullet ? 2 : 0;
            const std::size_t room =
                available_width() > hang + k_min_text ? available_width() - hang : k_min_text;
            const auto lines = wrap(bullet ? std::string_view(part).substr(2) : part, room);
            for (std::size_t i = 0; i < lines.size(); ++i) {
                m_out += fmt::format("{:{}}{}{}\n", "", k_indent,
                                     bullet ? (i == 0 ? "- " : "  ") : "", lines[i]);
            }
        }
    }

    // A "Label: text" line whose text wraps under itself; where that would leave the text
    // too little room, the text goes under the label instead.
    void paragraph(std::string_view label, std::string_view text) {
        const std::string clean = sanitize(text);
        const std::size_t beside = label.size() + 2;
        constexpr std::size_t k_min_beside = 24;
        if (available_width() < beside + k_min_beside) {
            line(fmt::format("{}:", label));
            for (const std::string& part : wrap(clean, available_width() - 4)) {
                line(fmt::format("    {}", part));
            }
            return;
        }
        const auto lines = wrap(clean, available_width() - beside);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            line(fmt::format("{:<{}}{}", i == 0 ? fmt::format("{}: ", label) : "", beside,
                             lines[i]));
        }
    }

    // A table keeps its shape at any width: the columns that do not fit beside the name
    // (the text column first, then the ones before it) move to a line of their own under
    // each row, joined by " — ".
    void table(std::vector<Column> columns, const std::vector<std::vector<std::string>>& rows) {
        const std::size_t inline_count = fit_columns(columns, rows);
        std::vector<std::string> titles;
        for (const Column& c : columns) {
            titles.push_back(c.title);
        }
        row_line(columns, inline_count, titles, true);
        std::size_t total = 0;
        for (std::size_t i = 0; i < inline_count; ++i) {
            total += columns[i].width + 2;
        }
        line(std::string(total > 2 ? total - 2 : 0, '-'));
        for (const auto& row : rows) {
            row_line(columns, inline_count, row, false);
        }
    }

    std::string take() { return std::move(m_out); }
    std::size_t available_width() const {
        return m_style.width > k_indent + 20 ? m_style.width - k_indent : 20;
    }

private:
    static constexpr std::size_t k_min_name = 8;
    static constexpr std::size_t k_min_text = 12;

    // Sets the widths and returns how many columns stay in the row; the rest go under it.
    std::size_t fit_columns(std::vector<Column>& columns,
                            const std::vector<std::vector<std::string>>& rows) const {
        // The first (name) column is as wide as its longest entry, within reason.
        Column& name = columns[0];
        name.width = display_width(name.title);
        for (const auto& row : rows) {
            name.width = std::max(name.width, display_width(sanitize(row[0])));
        }
        name.width =
            std::min<std::size_t>(name.width, std::max<std::size_t>(available_width() / 3, 12));
        const auto fixed_width = [&columns](std::size_t count) {
            std::size_t fixed = 0;
            for (std::size_t i = 1; i < count; ++i) {
                fixed += columns[i].width + 2;
            }
            return fixed;
        };
        std::size_t count = columns.size();
        // All columns in the row: the text column keeps at least k_min_text cells, the name
        // column giving way first.
        const std::size_t with_text = fixed_width(count - 1) + k_min_text + 2;
        if (with_text + k_min_name <= available_width()) {
            name.width = std::min(name.width, available_width() - with_text);
            columns.back().width = available_width() - fixed_width(count - 1) - name.width - 2;
            return count;
        }
        // Fewer columns in the row; what is moved goes on a line of its own.
        count -= 1;
        while (count > 2 && fixed_width(count) + k_min_name > available_width()) {
            count -= 1;
        }
        name.width =
            std::max(k_min_name, std::min(name.width, available_width() - fixed_width(count)));
        return count;
    }

    void row_line(const std::vector<Column>& columns, std::size_t inline_count,
                  const std::vector<std::string>& cells, bool header) {
        const bool text_inline = inline_count == columns.size();
        std::string prefix;
        for (std::size_t i = 0; i < inline_count; ++i) {
            if (i + 1 == columns.size()) {
                break; // the text column, written below
            }
            const std::string cell = shorten(sanitize(cells[i]), columns[i].width);
            prefix += pad(cell, columns[i].width, columns[i].right) + "  ";
        }
        if (!text_inline) {
            trim_and_line(prefix);
        }
        // The last cell (or the moved ones) is one line; it wraps when --wide asks for it.
        std::string text;
        for (std::size_t i = text_inline ? columns.size() - 1 : inline_count; i < cells.size();
             ++i) {
            const std::string cell = sanitize(cells[i]);
            if (!cell.empty()) {
                text += (text.empty() ? "" : " — ") + cell;
            }
        }
        if (!text_inline) {
            prefix = "    ";
            if (text.empty()) {
                return;
            }
        }
        const std::size_t room =
            text_inline ? columns.back().width : std::max(available_width(), k_min_text + 4) - 4;
        std::vector<std::string> lines = m_style.wide && !header
                                             ? wrap(text, room)
                                             : std::vector<std::string>{shorten(text, room)};
        for (std::size_t i = 0; i < lines.size(); ++i) {
            trim_and_line((i == 0 ? prefix : std::string(display_width(prefix), ' ')) + lines[i]);
        }
    }

    void trim_and_line(std::string out) {
        while (!out.empty() && out.back() == ' ') {
            out.pop_back();
        }
        line(out);
    }

    const TextStyle& m_style;
    std::string m_out;
};

} // namespace aijri::report_detail
