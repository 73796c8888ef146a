#include "syntax.hpp"
#include <algorithm>
#include <array>
#include <cstdint>

#include <fmt/format.h>

#include "aijri/json/syntax.hpp"
#include "aijri/util/text.hpp"
#include "aijri/util/utf8.hpp"

namespace aijri::detail {
namespace {

using enum SectionKind;

constexpr std::array<SectionInfo, 11> k_sections = {{
    {role, "Role Definition", "Role Definition", true, true},
    {principles, "Protective Principles + AI Growth Correlation",
     "Protective Principles + AI Growth Correlation", true, true},
    {tasks, "Task Decomposition", "Task Decomposition (Agentic AI Scoring)", true, true},
    {evidence, "Evidence Score", "Evidence Score", true, true},
    {barriers, "Barrier Assessment", "Barrier Assessment", true, true},
    {growth_check, "AI Growth Correlation Check", "AI Growth Correlation Check", false, false},
    {composite, "JobZone Composite Score", "JobZone Composite Score (AIJRI)", false, true},
    {sub_label, "Sub-Label Determination", "Sub-Label Determination", false, true},
    {scenarios, "Scenarios", "Scenarios", false, true},
    {commentary, "Assessor Commentary", "Assessor Commentary", false, false},
    {meaning, "What This Means", "What This Means", false, false},
}};

constexpr SectionInfo k_preamble = {preamble, "", "", false, false};

struct KeyedSection {
    std::string_view key;
    SectionKind kind;
};

// Title keys (see word_key); "Protective Principles" alone is accepted for the second.
constexpr std::array<KeyedSection, 12> k_title_keys = {{
    {"roledefinition", role},
    {"protectiveprinciplesaigrowthcorrelation", principles},
    {"protectiveprinciples", principles},
    {"taskdecomposition", tasks},
    {"evidencescore", evidence},
    {"barrierassessment", barriers},
    {"aigrowthcorrelationcheck", growth_check},
    {"jobzonecompositescore", composite},
    {"sublabeldetermination", sub_label},
    {"scenarios", scenarios},
    {"assessorcommentary", commentary},
    {"whatthismeans", meaning},
}};

struct KeyedLabel {
    SectionKind section;
    std::string_view key;
    Label label;
};

constexpr std::array<KeyedLabel, 27> k_label_keys = {{
    {role, "senioritynote", Label::seniority_note},
    {principles, "quickscreenresult", Label::quick_screen},
    {principles, "quickscreen", Label::quick_screen},
    {tasks, "taskresistancescore", Label::task_resistance},
    {tasks, "taskresistance", Label::task_resistance},
    {tasks, "displacementaugmentationsplit", Label::split},
    {tasks, "reinstatementcheck", Label::reinstatement},
    {tasks, "reinstatement", Label::reinstatement},
    {composite, "taskresistancescore", Label::task_resistance},
    {composite, "taskresistance", Label::task_resistance},
    {composite, "evidencemodifier", Label::evidence_modifier},
    {composite, "barriermodifier", Label::barrier_modifier},
    {composite, "growthmodifier", Label::growth_modifier},
    {composite, "raw", Label::raw},
    {composite, "rawscore", Label::raw},
    {composite, "jobzonescore", Label::aijri},
    {composite, "aijri", Label::aijri},
    {composite, "aijriscore", Label::aijri},
    {composite, "jobzonecompositescore", Label::aijri},
    {composite, "compositescore", Label::aijri},
    {composite, "zone", Label::zone},
    {sub_label, "aigrowthcorrelation", Label::growth},
    {sub_label, "sublabel", Label::sub_label},
    {sub_label, "assessoroverride", Label::assessor_override},
    {sub_label, "override", Label::assessor_override},
    {commentary, "assessoroverride", Label::assessor_override},
    {commentary, "override", Label::assessor_override},
}};

bool is_word_byte(char c) {
    return is_ascii_alpha(c) || is_ascii_digit(c) || static_cast<unsigned char>(c) >= 0x80U;
}
bool is_ascii_punct(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}
bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}
bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// "&name;" or "&#…;": what a Markdown reader would take for a character reference.
bool is_entity_like(std::string_view text, std::size_t at) {
    std::size_t i = at + 1;
    if (i < text.size() && text[i] == '#') {
        ++i;
    }
    const std::size_t start = i;
    while (i < text.size() && (is_ascii_alpha(text[i]) || is_ascii_digit(text[i]))) {
        ++i;
    }
    return i > start && i < text.size() && text[i] == ';';
}

// Decodes the character reference at `at`, if it is one import understands.
std::optional<std::pair<std::string, std::size_t>> decode_entity(std::string_view text,
                                                                 std::size_t at) {
    constexpr std::array<std::pair<std::string_view, std::string_view>, 5> named = {
        {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}}};
    for (const auto& [name, value] : named) {
        if (starts_with(text.substr(at), name)) {
            return std::pair(std::string(value), name.size());
        }
    }
    if (!starts_with(text.substr(at), "&#")) {
        return std::nullopt;
    }
    std::size_t i = at + 2;
    const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
    i += hex ? 1 : 0;
    const std::size_t start = i;
    std::uint32_t cp = 0;
    while (i < text.size() && i - start < 7) {
        const char c = to_ascii_lower(text[i]);
        if (is_ascii_digit(c)) {
            cp = cp * (hex ? 16U : 10U) + static_cast<std::uint32_t>(c - '0');
        } else if (hex && c >= 'a' && c <= 'f') {
            cp = cp * 16U + static_cast<std::uint32_t>(c - 'a' + 10);
        } else {
            break;
        }
        ++i;
    }
    if (i == start || i >= text.size() || text[i] != ';' || cp > 0x10FFFFU ||
        (cp >= 0xD800U && cp <= 0xDFFFU)) {
        return std::nullopt;
    }
    std::string out;
    append_utf8(out, cp);
    return std::pair(std::move(out), i + 1 - at);
}

// "<br>", "<br/>" or "<br />", in any case: its length, or 0.
std::size_t line_break_tag(std::string_view text, std::size_t at) {
    for (const std::string_view tag : {"<br>", "<br/>", "<br />"}) {
        const std::string_view candidate = text.substr(at, tag.size());
        if (candidate.size() == tag.size() &&
            std::equal(tag.begin(), tag.end(), candidate.begin(),
                       [](char a, char b) { return a == to_ascii_lower(b); })) {
            return tag.size();
        }
    }
    return 0;
}

std::string character_reference(std::uint32_t cp) {
    return fmt::format("&#x{:X};", cp);
}

// The escaping every piece of text gets: | \ < and entity-like & are escaped, line breaks
// become <br>, what a terminal or a viewer would act on becomes a character reference, and
// a space at the end (or, with `at_start`, at the start) is kept as a reference. Nothing
// else is touched: emphasis, links and code are the author's Markdown.
std::string escape_impl(std::string_view text, bool at_start) {
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        const bool first = at_start && i == 0;
        const bool last = i + 1 == text.size();
        if (c == ' ' && (first || last)) {
            out += "&#32;"; // a space at either end would be trimmed away
        } else if (c == '\\' || c == '|') {
            out += '\\';
            out += c;
        } else if (c == '<') {
            out += "&lt;";
        } else if (c == '&' && is_entity_like(text, i)) {
            out += "&amp;";
        } else if (c == '\n') {
            out += "<br>";
        } else {
            const auto [length, cp] = utf8_char_at(text, i);
            if (length == 0) {
                // A byte that is not UTF-8 (only an id taken from a file name can hold one) is
                // written as every report shows it, \xff (escaped: "\\xff"), and the
                // document stays UTF-8.
                out += fmt::format("\\\\x{:02x}", static_cast<unsigned char>(c));
                ++i;
                continue;
            }
            // What sanitize() escapes, the line separators included: nothing from a file may
            // move a terminal's cursor, reorder what a reviewer sees (Trojan Source) or break
            // a line in a viewer.
            if (aijri::is_unsafe_code_point(cp)) {
                out += character_reference(cp);
            } else {
                out.append(text.substr(i, length));
            }
            i += length;
            continue;
        }
        ++i;
    }
    return out;
}

// The first character as a character reference, then the rest escaped.
std::string reference_first(std::string_view text) {
    const auto [length, cp] = utf8_char_at(text, 0);
    if (length == 0) {
        return escape_impl(text, false); // "\\xff": text already, whatever follows
    }
    return character_reference(cp) + escape_impl(text.substr(length), false);
}

// A backslash before the first character, where import would otherwise read it as
// Markdown it drops or acts on: "\**Nurse**" stays bold text, not a bold cell.
std::string guard_start(std::string out) {
    out.insert(0, 1, '\\');
    return out;
}

bool starts_bold(std::string_view text) {
    return starts_with(text, "**");
}

// A heading's closing sequence is a run of #s after a space at its end: "C# #" would lose
// its last "#". Its first # is escaped.
std::string escape_closing_hashes(std::string out) {
    const auto last = out.find_last_not_of('#');
    if (last + 1 < out.size() &&
        (last == std::string::npos || out[last] == ' ' || out[last] == '\t')) {
        out.insert(last + 1, 1, '\\');
    }
    return out;
}

bool starts_plain(std::string_view line) {
    return !line.empty() && is_word_byte(line.front());
}

} // namespace

std::span<const SectionInfo> document_sections() {
    return k_sections;
}

const SectionInfo& section_info(SectionKind kind) {
    for (const SectionInfo& info : k_sections) {
        if (info.kind == kind) {
            return info;
        }
    }
    return k_preamble;
}

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return text.substr(0, 0); // keeps its place in the document, for positions
    }
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

std::string_view strip_bold(std::string_view text) {
    if (text.size() >= 4 && starts_with(text, "**") && ends_with(text, "**")) {
        return trim(text.substr(2, text.size() - 4));
    }
    return text;
}

std::string_view strip_parenthetical(std::string_view text) {
    text = trim(text);
    if (text.empty() || text.back() != ')') {
        return text;
    }
    int depth = 0;
    for (std::size_t i = text.size(); i-- > 0;) {
        if (text[i] == ')') {
            ++depth;
        } else if (text[i] == '(' && --depth == 0) {
            return i == 0 ? text : trim(text.substr(0, i));
        }
    }
    return text;
}

std::string word_key(std::string_view text) {
    std::string key;
    std::string word;
    const auto flush = [&] {
        if (word != "and") {
            key += word;
        }
        word.clear();
    };
    for (const char c : text) {
        if (is_word_byte(c)) {
            word += to_ascii_lower(c);
        } else {
            flush();
        }
    }
    flush();
    return key;
}

std::string label_key(std::string_view raw) {
    const std::string_view text = strip_bold(trim(raw));
    if (starts_with(text, "&#")) {
        return word_key(strip_parenthetical(text));
    }
    const std::string decoded = decode_text(text);
    return word_key(strip_parenthetical(decoded));
}

std::vector<std::string> label_words(std::string_view raw) {
    const std::string_view text = strip_bold(trim(raw));
    const std::string decoded = starts_with(text, "&#") ? std::string(text) : decode_text(text);
    std::vector<std::string> words;
    std::string word;
    const auto flush = [&] {
        // The singular: "postings", "salaries"; not "consensus", "business", "analysis".
        if (word.size() > 4 && ends_with(word, "ies")) {
            word.replace(word.size() - 3, 3, "y");
        } else if (word.size() > 3 && ends_with(word, "s") && !ends_with(word, "ss") &&
                   !ends_with(word, "us") && !ends_with(word, "is")) {
            word.pop_back();
        }
        if (!word.empty() && word != "and" && word != "of" && word != "the") {
            words.push_back(std::move(word));
        }
        word.clear();
    };
    for (const char c : strip_parenthetical(decoded)) {
        if (is_word_byte(c)) {
            word += to_ascii_lower(c);
        } else {
            flush();
        }
    }
    flush();
    return words;
}

std::optional<Heading> parse_heading(std::string_view line) {
    std::size_t level = 0;
    while (level < line.size() && line[level] == '#') {
        ++level;
    }
    if (level == 0 || level > 6 ||
        (level < line.size() && line[level] != ' ' && line[level] != '\t')) {
        return std::nullopt;
    }
    std::string_view text = trim(line.substr(level));
    // An optional closing sequence of #s, after a space, is not part of the text.
    const auto last = text.find_last_not_of('#');
    if (last == std::string_view::npos) {
        text = {};
    } else if (last + 1 < text.size() && (text[last] == ' ' || text[last] == '\t')) {
        text = trim(text.substr(0, last));
    }
    return Heading{level, text};
}

bool is_thematic_break(std::string_view line) {
    std::size_t count = 0;
    for (const char c : line) {
        if (c == line.front()) {
            ++count;
        } else if (c != ' ' && c != '\t') {
            return false;
        }
    }
    return count >= 3 && std::string_view("-*_=").find(line.front()) != std::string_view::npos;
}

namespace {

// Numbering before a title. A plain line may be numbered "3. " or "3) "; a heading or a
// bold line also "7.1 ", "7 ", "7 - ", "IV. ", "Part II — ", "A) ", "Section 2: ", "Step 3.",
// and may begin with symbols ("📊 Evidence Score"). Only what the numbering leaves must then
// be a title, so stripping too much costs nothing.
std::string_view strip_numbering(std::string_view text, bool marked) {
    text = trim(text);
    if (!marked) {
        std::size_t i = 0;
        while (i < text.size() && is_ascii_digit(text[i])) {
            ++i;
        }
        if (i > 0 && i + 1 < text.size() && (text[i] == '.' || text[i] == ')') &&
            text[i + 1] == ' ') {
            return trim(text.substr(i + 1));
        }
        return text;
    }
    const auto skip_symbols = [](std::string_view t) {
        std::size_t i = 0;
        while (i < t.size() && !is_ascii_alpha(t[i]) && !is_ascii_digit(t[i])) {
            ++i;
        }
        return t.substr(i);
    };
    text = skip_symbols(text);
    for (const std::string_view word : {"section ", "part ", "step ", "chapter "}) {
        if (text.size() > word.size() &&
            std::equal(word.begin(), word.end(), text.begin(),
                       [](char a, char b) { return a == to_ascii_lower(b); })) {
            text = trim(text.substr(word.size()));
            break;
        }
    }
    std::size_t end = 0;
    while (end < text.size() &&
           (is_ascii_digit(text[end]) || (text[end] == '.' && end > 0 && end + 1 < text.size() &&
                                          is_ascii_digit(text[end + 1])))) {
        ++end;
    }
    if (end == 0) {
        // "IV." or "II —", a Roman numeral; "A)" or "B.", a letter closed by a period or a
        // bracket.
        std::size_t roman = 0;
        while (roman < text.size() &&
               std::string_view("IVXLC").find(text[roman]) != std::string_view::npos) {
            ++roman;
        }
        const auto closes = [&text](std::size_t at, std::string_view by) {
            return at < text.size() && by.find(text[at]) != std::string_view::npos;
        };
        if (roman > 0 && closes(roman, ".): ")) {
            end = roman;
        } else if (!text.empty() && is_ascii_alpha(text.front()) && closes(1, ".)") &&
                   closes(2, " ")) {
            end = 1;
        }
    }
    if (end == 0) {
        return text;
    }
    // The separators after a number: "7. ", "7) ", "7: ", "7 - ", "7 — ".
    std::string_view rest = text.substr(end);
    if (!rest.empty() && rest.front() != ' ' &&
        std::string_view(".):").find(rest.front()) == std::string_view::npos) {
        return text; // "3D Modelling": not a number
    }
    return skip_symbols(rest);
}

std::optional<SectionKind> section_of_key(const std::string& key) {
    for (const KeyedSection& entry : k_title_keys) {
        if (entry.key == key) {
            return entry.kind;
        }
    }
    return std::nullopt;
}

// The words of a title that name it, without numbering or symbols; "" when it begins with
// something else than a letter (render's escapes: "\# ", "&#x45;").
std::string_view title_words(const TitleText& title) {
    const std::string_view text = strip_numbering(title.text, title.level < k_plain_level);
    if (text.empty() || !is_ascii_alpha(text.front())) {
        return {};
    }
    return text;
}

struct KeyedHeadingLabel {
    std::string_view key;
    Label label;
    bool plain; // also as a plain line, as the seed writes its titles
};

// The parts of a section that people also write as headings of their own ("## 7. Assessor
// Override"), with their value on the lines below. Only names that cannot be a line of text
// are read as plain lines: "Assessor Override", not "Override".
constexpr std::array<KeyedHeadingLabel, 10> k_heading_labels = {{
    {"assessoroverride", Label::assessor_override, true},
    {"override", Label::assessor_override, false},
    {"quickscreenresult", Label::quick_screen, true},
    {"quickscreen", Label::quick_screen, true},
    {"senioritynote", Label::seniority_note, true},
    {"reinstatementcheck", Label::reinstatement, true},
    {"reinstatement", Label::reinstatement, false},
    {"displacementaugmentationsplit", Label::split, true},
    {"taskresistancescore", Label::task_resistance, false},
    {"taskresistance", Label::task_resistance, false},
}};

} // namespace

TitleText title_text(std::string_view line) {
    std::string_view text = trim(line);
    std::size_t level = k_plain_level;
    if (const auto heading = parse_heading(text)) {
        text = heading->text;
        level = heading->level;
    }
    const auto drop_colon = [](std::string_view t) {
        t = trim(t);
        return ends_with(t, ":") ? trim(t.substr(0, t.size() - 1)) : t;
    };
    text = drop_colon(text);
    if (level == k_plain_level && text.size() >= 5 && starts_with(text, "**") &&
        ends_with(text, "**") && text.substr(2, text.size() - 4).find("**") == std::string::npos) {
        level = k_bold_level;
    }
    return TitleText{drop_colon(strip_bold(text)), level};
}

std::optional<SectionKind> section_title(std::string_view line) {
    const TitleText title = title_text(line);
    const std::string_view text = title_words(title);
    if (text.empty()) {
        return std::nullopt;
    }
    if (const auto kind = section_of_key(label_key(text))) {
        return kind;
    }
    if (title.level < k_plain_level) {
        // A heading may add a subtitle: "Task Decomposition — Agentic AI Scoring".
        for (const std::string_view dash : {" \u2014 ", " \u2013 ", " - ", ": "}) {
            if (const auto at = text.find(dash); at != std::string_view::npos) {
                if (const auto kind = section_of_key(label_key(text.substr(0, at)))) {
                    return kind;
                }
            }
        }
    }
    return std::nullopt;
}

std::optional<Label> heading_label(std::string_view line) {
    const TitleText title = title_text(line);
    const std::string_view text = title_words(title);
    // The name alone: "Seniority note: \|" is a labelled line, whose value has no words.
    if (text.empty() || text.find(':') != std::string_view::npos ||
        !(is_word_byte(text.back()) || text.back() == ')')) {
        return std::nullopt;
    }
    const std::string key = label_key(text);
    for (const KeyedHeadingLabel& entry : k_heading_labels) {
        if (entry.key == key && (entry.plain || title.level < k_plain_level)) {
            return entry.label;
        }
    }
    return std::nullopt;
}

bool names_label(Label label, std::string_view text) {
    const std::string key = label_key(text);
    for (const KeyedLabel& entry : k_label_keys) {
        if (entry.label == label && entry.key == key) {
            return true;
        }
    }
    for (const KeyedHeadingLabel& entry : k_heading_labels) {
        if (entry.label == label && entry.key == key) {
            return true;
        }
    }
    return false;
}

std::optional<SectionKind> suggest_section(const TitleText& title) {
    const std::string_view text = strip_numbering(title.text, true);
    const std::string key = label_key(text);
    // A typo: at most two edits from a title ("Task Decompositon").
    if (key.size() >= 5) {
        for (const KeyedSection& entry : k_title_keys) {
            const std::size_t longer = std::max(key.size(), entry.key.size());
            const std::size_t shorter = std::min(key.size(), entry.key.size());
            if (longer - shorter <= 2 && edit_distance(key, entry.key) <= 2) {
                return entry.kind;
            }
        }
    }
    // Words of one title only ("Tasks", "Evidence", "Barriers"), each as written or one
    // letter off; of several titles, the one with the fewest other words.
    const std::vector<std::string> words = label_words(text);
    if (words.empty()) {
        return std::nullopt;
    }
    std::optional<SectionKind> best;
    std::size_t best_size = 0;
    for (const SectionInfo& info : k_sections) {
        const std::vector<std::string> known = label_words(info.title);
        const bool all = std::all_of(words.begin(), words.end(), [&](const std::string& w) {
            return std::any_of(known.begin(), known.end(), [&](const std::string& k) {
                return w == k || (w.size() >= 5 && k.size() >= 5 && edit_distance(w, k) <= 1);
            });
        });
        if (all && (!best || known.size() < best_size)) {
            best = info.kind;
            best_size = known.size();
        }
    }
    return best;
}

std::string section_titles() {
    std::string out;
    for (const SectionInfo& info : k_sections) {
        out += fmt::format("{}\"{}\"", out.empty() ? "" : ", ", info.title);
    }
    return out;
}

std::optional<LabeledText> split_label(std::string_view line) {
    std::string_view label;
    std::string_view value;
    if (starts_with(line, "**")) {
        const auto close = line.find("**", 2);
        if (close == std::string_view::npos) {
            return std::nullopt;
        }
        const std::string_view inner = trim(line.substr(2, close - 2));
        const std::string_view after = line.substr(close + 2);
        if (ends_with(inner, ":")) {
            label = inner.substr(0, inner.size() - 1);
            value = after;
        } else if (starts_with(trim(after), ":")) {
            label = inner;
            value = trim(after).substr(1);
        } else {
            return std::nullopt;
        }
    } else {
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) {
            return std::nullopt;
        }
        label = line.substr(0, colon);
        value = line.substr(colon + 1);
    }
    label = trim(label);
    constexpr std::size_t k_max_label = 80;
    if (label.empty() || label.size() > k_max_label ||
        !(is_ascii_alpha(label.front()) || label.front() == '%') ||
        label.find('|') != std::string_view::npos) {
        return std::nullopt;
    }
    return LabeledText{label, trim(value)};
}

std::optional<Label> line_label(SectionKind section, std::string_view label) {
    const std::string key = label_key(label);
    // The figures of the composite and of the sub-label are accepted in either section.
    const auto figures = [](SectionKind kind) { return kind == composite || kind == sub_label; };
    for (const KeyedLabel& entry : k_label_keys) {
        if ((entry.section == section || (figures(section) && figures(entry.section))) &&
            entry.key == key) {
            return entry.label;
        }
    }
    if (figures(section) && key.find("tasktimescoring") != std::string::npos) {
        return Label::pct_time_3plus;
    }
    return std::nullopt;
}

bool looks_like_heading(std::string_view text) {
    text = trim(text);
    constexpr std::size_t k_max_chars = 80;
    constexpr std::size_t k_max_words = 12;
    if (text.empty() || text.size() > k_max_chars * 4) {
        return false;
    }
    std::size_t chars = 0;
    std::size_t words = 0;
    bool in_word = false;
    bool has_letter = false;
    for (const char c : text) {
        chars += is_utf8_continuation(c) ? 0U : 1U;
        has_letter = has_letter || is_ascii_alpha(c) || static_cast<unsigned char>(c) >= 0x80U;
        const bool space = c == ' ' || c == '\t';
        words += !space && !in_word ? 1 : 0;
        in_word = !space;
    }
    const std::string_view sentence_end = ".:;,!?";
    const bool list_item =
        starts_with(text, "- ") || starts_with(text, "* ") || starts_with(text, "+ ") ||
        (is_ascii_digit(text.front()) && text.find_first_of(".)") < text.find(' '));
    return has_letter && chars <= k_max_chars && words <= k_max_words &&
           sentence_end.find(text.back()) == std::string_view::npos &&
           text.find(": ") == std::string_view::npos && !list_item;
}

std::optional<std::string_view> bold_heading(std::string_view line) {
    if (line.size() < 5 || !starts_with(line, "**") || !ends_with(line, "**")) {
        return std::nullopt;
    }
    const std::string_view inner = strip_bold(line);
    if (inner.find("**") != std::string_view::npos || !looks_like_heading(inner)) {
        return std::nullopt;
    }
    return inner;
}

LineKind classify_line(SectionKind section, std::string_view line) {
    if (section_title(line)) {
        return LineKind::section_title;
    }
    if (is_thematic_break(line)) {
        return LineKind::rule;
    }
    if (section == preamble) {
        // Before the first section a heading is text (the document's title is one), unless
        // it is close to a section's title: "## Tasks" is a section misnamed.
        const auto heading = parse_heading(line);
        return heading && heading->level > 1 && suggest_section(title_text(line))
                   ? LineKind::sub_heading
                   : LineKind::text;
    }
    if (parse_heading(line)) {
        return LineKind::sub_heading;
    }
    if (line.front() == '|') {
        return section_info(section).has_table ? LineKind::table_row : LineKind::text;
    }
    if (bold_heading(line) || heading_label(line)) {
        return LineKind::sub_heading;
    }
    if (const auto labeled = split_label(line); labeled && line_label(section, labeled->label)) {
        return LineKind::label;
    }
    // The seed writes the Assessor Commentary's sub-headings as plain lines.
    if (section == commentary && starts_plain(line) && looks_like_heading(line)) {
        return LineKind::sub_heading;
    }
    return LineKind::text;
}

bool has_unescaped_pipe(std::string_view line) {
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\') {
            ++i;
        } else if (line[i] == '|') {
            return true;
        }
    }
    return false;
}

bool is_total_label(std::string_view cell) {
    const std::string_view text = strip_bold(cell);
    // A leading backslash or reference is render's way of saying "a name, not the total".
    return !text.empty() && is_ascii_alpha(text.front()) && label_key(text) == "total";
}

std::string decode_text(std::string_view raw, bool free_line) {
    const std::string_view trimmed = trim(raw);
    if (free_line && !trimmed.empty() && line_break_tag(trimmed, 0) == trimmed.size()) {
        return {}; // a line that is only <br> is an empty line of the text
    }
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size();) {
        const char c = raw[i];
        if (c == '\\' && i + 1 < raw.size() && is_ascii_punct(raw[i + 1])) {
            out += raw[i + 1];
            i += 2;
        } else if (const auto entity = c == '&' ? decode_entity(raw, i) : std::nullopt) {
            out += entity->first;
            i += entity->second;
        } else if (const std::size_t tag = c == '<' ? line_break_tag(raw, i) : 0) {
            out += '\n';
            i += tag;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

std::string normalize_bold_label(std::string_view line) {
    if (!starts_with(line, "**")) {
        return std::string(line);
    }
    const auto labeled = split_label(line);
    if (!labeled) {
        return std::string(line);
    }
    return fmt::format("{}:{}{}", labeled->label, labeled->value.empty() ? "" : " ",
                       labeled->value);
}

std::string escape_inline(std::string_view text) {
    // A value is read after its label or dash with any "**" before it skipped.
    std::string out = escape_impl(text, true);
    return starts_bold(out) ? guard_start(std::move(out)) : out;
}

std::string escape_cell(std::string_view text) {
    // Bold around the whole cell is presentation, dropped on import; "**Lead** nurse" is not.
    std::string out = escape_impl(text, true);
    return strip_bold(out) != out ? guard_start(std::move(out)) : out;
}

std::string escape_text_line(SectionKind section, std::string_view line) {
    if (line.empty()) {
        return "<br>";
    }
    std::string out = escape_impl(line, true);
    if (starts_bold(out) && (normalize_bold_label(out) != out || bold_heading(out))) {
        out = guard_start(std::move(out)); // "**Note:** x" would lose its bold, "**X**" be a title
    } else if (starts_with(out, "```") || starts_with(out, "~~~")) {
        out = guard_start(std::move(out)); // would open a fenced code block
    } else if (section != SectionKind::preamble && parse_heading(out)) {
        // A heading in a section starts an entry; before the first section, the document's
        // title stays a heading, as written.
        out = guard_start(std::move(out));
    }
    if (classify_line(section, out) != LineKind::text) {
        out = escape_with_reference(line);
    }
    return out;
}

std::string escape_heading(std::string_view text) {
    std::string out = escape_impl(text, true);
    if (strip_bold(out) != out) {
        out = guard_start(std::move(out));
    }
    // As render writes it: a heading that names a section, or a part of one, would be read
    // as that section or part rather than as a sub-heading.
    const std::string line = "### " + out;
    if (!text.empty() && (section_title(line) || heading_label(line))) {
        out = reference_first(text);
    }
    return escape_closing_hashes(std::move(out));
}

std::string escape_with_reference(std::string_view text) {
    return text.empty() ? std::string() : reference_first(text);
}

bool is_document_title(std::string_view line, std::string_view role_title) {
    const auto heading = parse_heading(trim(line));
    return heading && heading->level == 1 && decode_text(strip_bold(heading->text)) == role_title;
}

} // namespace aijri::detail
