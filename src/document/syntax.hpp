// The grammar that `import` and `render` share: section titles, line labels, headings and
// how text is escaped inside a document. Both sides use these same functions, so whatever
// render writes, import reads back as the same text.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace aijri::detail {

enum class SectionKind {
    preamble, // whatever stands before the first section
    role,
    principles,
    tasks,
    evidence,
    barriers,
    growth_check,
    composite,
    sub_label,
    scenarios,
    commentary,
    meaning,
    unknown, // under a title that names no section (an error, reported where it stands)
};

struct SectionInfo {
    SectionKind kind;
    std::string_view title;         // also the commentary heading of the section's own text
    std::string_view display_title; // as render writes it (the seed's wording)
    bool required;
    bool has_table;
};

// The eleven sections, in the order of the seed document (Scenarios, which aijri adds, after
// the sub-label).
std::span<const SectionInfo> document_sections();
const SectionInfo& section_info(SectionKind kind);

// Labels recognised at the start of a line ("Raw: …") or in the first column of a
// two-column table, by section.
enum class Label {
    seniority_note,
    quick_screen,
    task_resistance,
    split,
    reinstatement,
    evidence_modifier,
    barrier_modifier,
    growth_modifier,
    raw,
    aijri,
    zone,
    pct_time_3plus,
    growth,
    sub_label,
    assessor_override,
};

std::string_view trim(std::string_view text);
// "**x**" → "x"; anything else unchanged.
std::string_view strip_bold(std::string_view text);
// Drops a trailing "(…)" group: "Task Decomposition (Agentic AI Scoring)".
std::string_view strip_parenthetical(std::string_view text);
// The words of a name in lower case, joined, without "and": "Goal-Setting & Moral
// Judgment" and "goal setting and moral judgment" both give "goalsettingmoraljudgment".
std::string word_key(std::string_view text);
// The key of a label as written in a document (a row label, a column header, a line's
// label, a title): bold around it is dropped, escapes and character references are decoded
// ("Goal-Setting &amp; Moral Judgment" is "Goal-Setting & Moral Judgment"), then a trailing
// parenthetical, then word_key. Text that begins with a numeric character reference is
// not decoded: that is how render spells text that must not read as a label ("&#x54;otal").
std::string label_key(std::string_view raw);
// The words of a label, decoded as for label_key, in lower case and in the singular
// ("Job Postings" → job, posting; "Salaries" → salary), without "and", "of" and "the".
std::vector<std::string> label_words(std::string_view raw);

struct Heading {
    std::size_t level = 0;
    std::string_view text; // without the #s and any closing sequence
};
// A Markdown ATX heading ("## Title"), or nullopt.
std::optional<Heading> parse_heading(std::string_view line);

// A line that may be a title: the text of a Markdown heading, of a whole line in bold or of
// a plain line (without #s, bold and a trailing colon), and how strongly it is marked.
inline constexpr std::size_t k_bold_level = 7;  // a whole line in bold
inline constexpr std::size_t k_plain_level = 8; // a plain line
struct TitleText {
    std::string_view text;
    std::size_t level = k_plain_level; // 1 to 6 for "#" to "######"
};
TitleText title_text(std::string_view line);

// The section a (trimmed) line opens: a title as a plain line, a heading or in bold, in
// any case, with or without a trailing colon or a parenthetical, numbered ("3. "); a
// heading or a bold line also with other numbering ("Section 3:", "IV.", "7.1"), symbols
// before it, or a subtitle after a dash.
std::optional<SectionKind> section_title(std::string_view line);

// A heading, a bold line or a plain line that names a part of a section people also write
// as a heading of its own ("## 7. Assessor Override", "### Quick Screen", "Assessor
// Override"): its value follows it.
std::optional<Label> heading_label(std::string_view line);
// Whether `text` (a line's label or a heading's text) names `label`.
bool names_label(Label label, std::string_view text);

// The section an unrecognised title was most likely meant to be: a title a typo away
// ("Task Decompositon"), or words of one title only ("Tasks", "Evidence"); nullopt when
// none is close.
std::optional<SectionKind> suggest_section(const TitleText& title);
// The ten titles, quoted, for messages: "Role Definition", "Protective Principles + …", ….
std::string section_titles();

struct LabeledText {
    std::string_view label; // without bold and colon
    std::string_view value; // trimmed
};
// "Label: value", "**Label:** value" or "**Label**: value".
std::optional<LabeledText> split_label(std::string_view line);
std::optional<Label> line_label(SectionKind section, std::string_view label);

// Short and without sentence punctuation at its end: how a sub-heading written as a plain
// line ("Score vs Reality Check") differs from a paragraph.
bool looks_like_heading(std::string_view text);
// "**Score vs Reality Check**": a whole line in bold that looks like a heading.
std::optional<std::string_view> bold_heading(std::string_view line);

// `rule`: a thematic break (---, ***, ___), presentation only.
enum class LineKind { section_title, sub_heading, table_row, label, rule, text };
// What import makes of a non-blank, trimmed line in a section.
LineKind classify_line(SectionKind section, std::string_view line);

// Document text to plain text: backslash escapes, character references (&amp; &lt; &gt;
// &quot; &apos; &#N; &#xH;) and <br> (a line break). A `free_line` (a line of free text)
// that is only <br> is an empty line of its text.
std::string decode_text(std::string_view raw, bool free_line = false);
// A | that separates table cells (not "\|").
bool has_unescaped_pipe(std::string_view line);
// The first cell of a table's total row: "Total", "**Total**".
bool is_total_label(std::string_view cell);
// "**Label:** rest" → "Label: rest": bold around a leading label is presentation.
std::string normalize_bold_label(std::string_view line);

// Plain text to document text that import reads back unchanged and that cannot break the
// document: | \ < and entity-like & are escaped, line breaks become <br>, control
// characters and bidi controls become character references, and white space at either end
// is kept as a character reference. Emphasis, links and code are left as written; a
// leading "**", which import skips before a value, is escaped.
std::string escape_inline(std::string_view text);
// A table cell: as escape_inline, but a leading "**" is escaped only when bold would wrap
// the whole cell ("**Lead** nurse" stays bold).
std::string escape_cell(std::string_view text);
// One line of free text in a section, escaped so that import reads it as text (not as a
// title, heading, table row or label) and gets the same line back.
std::string escape_text_line(SectionKind section, std::string_view line);
// The text of a sub-heading.
std::string escape_heading(std::string_view text);
// As escape_inline, with the first character spelled as a character reference: the text
// then reads as nothing but text (not a title, label or "Total" row) wherever it stands.
std::string escape_with_reference(std::string_view text);

// "# Deep Learning Engineer": a level-1 heading that is just the role's title. Render opens
// a document with one; import does not keep it as text, since it follows from the title.
bool is_document_title(std::string_view line, std::string_view role_title);

} // namespace aijri::detail
