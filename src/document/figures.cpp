#include "figures.hpp"
#include <array>

#include "aijri/util/text.hpp"

#include "syntax.hpp"

namespace aijri::detail {
namespace {

constexpr std::array<std::string_view, 3> k_dashes = {"\u2212", "\u2013", "\u2014"}; // − – —
constexpr std::array<std::string_view, 2> k_times = {"\u00D7", "\u00B7"};            // × ·

// A cursor over one value, skipping white space and bold markers between tokens.
class Scanner {
public:
    explicit Scanner(std::string_view text) : m_text(text) {}

    std::size_t mark() const { return m_pos; }
    void reset(std::size_t mark) { m_pos = mark; }

    void skip_space() {
        while (m_pos < m_text.size()) {
            if (m_text[m_pos] == ' ' || m_text[m_pos] == '\t') {
                ++m_pos;
            } else if (m_text.substr(m_pos, 2) == "**") {
                m_pos += 2;
            } else {
                return;
            }
        }
    }

    // The end, after an optional final period.
    bool end() {
        skip_space();
        if (m_pos < m_text.size() && m_text[m_pos] == '.') {
            ++m_pos;
            skip_space();
        }
        return m_pos == m_text.size();
    }

    std::string_view rest() {
        skip_space();
        return trim(m_text.substr(m_pos));
    }

    // '-' matches every dash, '*' every multiplication sign (and a lone x), '/' also ÷.
    bool op(char symbol) {
        skip_space();
        if (m_pos >= m_text.size()) {
            return false;
        }
        const std::string_view here = m_text.substr(m_pos);
        if (here.front() == symbol) {
            ++m_pos;
            return true;
        }
        if (symbol == '-' && (match_any(here, k_dashes))) {
            return true;
        }
        if (symbol == '*') {
            if (match_any(here, k_times)) {
                return true;
            }
            if ((here.front() == 'x' || here.front() == 'X') &&
                (here.size() == 1 || !is_ascii_alpha(here[1]))) {
                ++m_pos;
                return true;
            }
        }
        if (symbol == '/' && here.substr(0, 2) == "\u00F7") {
            m_pos += 2;
            return true;
        }
        if (symbol == '>' && here.substr(0, 3) == "\u2265") { // ≥
            m_pos += 3;
            return true;
        }
        return false;
    }

    // Exactly `expected` here (after white space).
    bool literal(std::string_view expected) {
        skip_space();
        if (m_text.substr(m_pos, expected.size()) == expected) {
            m_pos += expected.size();
            return true;
        }
        return false;
    }

    // An operator that may be there: always true.
    bool optional_op(char symbol) {
        op(symbol);
        return true;
    }

    // A number as written: optional sign (any dash counts as minus), digits, optional
    // decimals, optional %.
    std::optional<Number> number(bool allow_sign) {
        skip_space();
        const std::size_t start = m_pos;
        bool negative = false;
        if (allow_sign && m_pos < m_text.size()) {
            const std::string_view here = m_text.substr(m_pos);
            if (here.front() == '+' || here.front() == '-') {
                negative = here.front() == '-';
                ++m_pos;
            } else if (match_any(here, std::array<std::string_view, 2>{k_dashes[0], k_dashes[1]})) {
                negative = true;
            }
        }
        const std::size_t digits_start = m_pos;
        while (m_pos < m_text.size() && is_ascii_digit(m_text[m_pos])) {
            ++m_pos;
        }
        if (m_pos == digits_start) {
            m_pos = start;
            return std::nullopt;
        }
        if (m_pos + 1 < m_text.size() && m_text[m_pos] == '.' &&
            is_ascii_digit(m_text[m_pos + 1])) {
            ++m_pos;
            while (m_pos < m_text.size() && is_ascii_digit(m_text[m_pos])) {
                ++m_pos;
            }
        }
        const std::string digits =
            (negative ? "-" : "") + std::string(m_text.substr(digits_start, m_pos - digits_start));
        const ParsedNumber parsed = parse_json_number(digits);
        if (parsed.problem != NumberProblem::none) {
            m_pos = start;
            return std::nullopt;
        }
        Number out{parsed.literal, m_text.substr(start, m_pos - start), false};
        const std::size_t before_percent = m_pos;
        skip_space();
        if (m_pos < m_text.size() && m_text[m_pos] == '%') {
            ++m_pos;
            out.percent = true;
        } else {
            m_pos = before_percent;
        }
        return out;
    }

    // A whole word, in any case.
    bool word(std::string_view expected) {
        skip_space();
        const std::string_view here = m_text.substr(m_pos, expected.size());
        if (here.size() != expected.size()) {
            return false;
        }
        for (std::size_t i = 0; i < here.size(); ++i) {
            if (to_ascii_lower(here[i]) != to_ascii_lower(expected[i])) {
                return false;
            }
        }
        const std::size_t after = m_pos + expected.size();
        if (after < m_text.size() && is_ascii_alpha(m_text[after])) {
            return false;
        }
        m_pos = after;
        return true;
    }

    // Letters, digits, - and _ up to the next other character.
    std::string_view identifier() {
        skip_space();
        const std::size_t start = m_pos;
        while (m_pos < m_text.size() &&
               (is_ascii_alpha(m_text[m_pos]) || is_ascii_digit(m_text[m_pos]) ||
                m_text[m_pos] == '-' || m_text[m_pos] == '_')) {
            ++m_pos;
        }
        return m_text.substr(start, m_pos - start);
    }

    // The text up to the ')' that closes an already consumed '(' (nested pairs allowed).
    std::optional<std::string_view> until_close() {
        int depth = 1;
        const std::size_t start = m_pos;
        for (; m_pos < m_text.size(); ++m_pos) {
            if (m_text[m_pos] == '(') {
                ++depth;
            } else if (m_text[m_pos] == ')' && --depth == 0) {
                const std::string_view inner = m_text.substr(start, m_pos - start);
                ++m_pos;
                return trim(inner);
            }
        }
        m_pos = start;
        return std::nullopt;
    }

    // A dash between words (" — ", " - "), as opposed to a minus sign.
    bool dash() {
        const std::size_t before = m_pos;
        if (op('-')) {
            return true;
        }
        m_pos = before;
        return false;
    }

    // A "…"-quoted string (also “…”), with backslash escapes left in place.
    std::optional<std::string_view> quoted() {
        skip_space();
        const std::string_view here = m_text.substr(m_pos);
        std::string_view close = "\"";
        std::size_t open = 1;
        if (here.substr(0, 3) == "\u201C") {
            close = "\u201D";
            open = 3;
        } else if (here.empty() || here.front() != '"') {
            return std::nullopt;
        }
        for (std::size_t i = open; i < here.size(); ++i) {
            if (here[i] == '\\') {
                ++i;
            } else if (here.substr(i, close.size()) == close) {
                m_pos += i + close.size();
                return here.substr(open, i - open);
            }
        }
        return std::nullopt;
    }

private:
    template <std::size_t N>
    bool match_any(std::string_view here, const std::array<std::string_view, N>& options) {
        for (const std::string_view option : options) {
            if (here.substr(0, option.size()) == option) {
                m_pos += option.size();
                return true;
            }
        }
        return false;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

bool is_integral(const Number& n) {
    return n.literal.value.is_integer();
}

// "/5.0" after a figure: the scale it is out of.
std::optional<Number> scale_suffix(Scanner& s) {
    const std::size_t mark = s.mark();
    if (s.op('/')) {
        if (auto scale = s.number(false)) {
            return scale;
        }
    }
    s.reset(mark);
    return std::nullopt;
}

} // namespace

std::optional<Zone> zone_name(std::string_view word) {
    const std::string key = word_key(word);
    for (const Zone zone : k_zones) {
        if (key == word_key(to_string(zone))) {
            return zone;
        }
    }
    return std::nullopt;
}

std::optional<ScoreFigure> parse_score(std::string_view text) {
    Scanner s(text);
    auto value = s.number(true);
    if (!value || value->percent || !is_integral(*value)) {
        return std::nullopt;
    }
    ScoreFigure out{*value, scale_suffix(s)};
    if (!s.end()) {
        return std::nullopt;
    }
    return out;
}

std::optional<ScoreRangeFigure> parse_score_range(std::string_view text) {
    Scanner s(text);
    const auto lo = s.number(true);
    if (!lo || lo->percent || !is_integral(*lo) || !(s.op('-') || s.word("to"))) {
        return std::nullopt;
    }
    const auto hi = s.number(true);
    if (!hi || hi->percent || !is_integral(*hi) || !s.end()) {
        return std::nullopt;
    }
    return ScoreRangeFigure{*lo, *hi};
}

std::optional<Number> parse_percent(std::string_view text) {
    Scanner s(text);
    auto value = s.number(false);
    if (!value || !s.end()) {
        return std::nullopt;
    }
    return value;
}

std::optional<Number> parse_plain_number(std::string_view text) {
    Scanner s(text);
    auto value = s.number(true);
    if (!value || value->percent || !s.end()) {
        return std::nullopt;
    }
    return value;
}

std::optional<TaskResistanceFigure> parse_task_resistance(std::string_view text) {
    Scanner s(text);
    TaskResistanceFigure out;
    const std::size_t mark = s.mark();
    auto base = s.number(false);
    std::optional<Number> weighted;
    if (base && s.op('-') && (weighted = s.number(false)) && s.op('=')) {
        out.base = base;
        out.weighted_total = weighted;
    } else {
        s.reset(mark);
    }
    auto trs = s.number(false);
    if (!trs || trs->percent) {
        return std::nullopt;
    }
    out.task_resistance = *trs;
    out.scale = scale_suffix(s);
    if (!s.end()) {
        return std::nullopt;
    }
    return out;
}

std::optional<ModifierFigure> parse_modifier(std::string_view text) {
    Scanner s(text);
    ModifierFigure out;
    const std::size_t mark = s.mark();
    const auto formula = [&]() -> bool {
        out.one = s.number(false);
        if (!out.one) {
            return false;
        }
        bool minus = false;
        if (!s.op('+')) {
            if (!s.op('-')) {
                return false;
            }
            minus = true;
        }
        const bool paren = s.op('(');
        out.total = s.number(true);
        if (!out.total || !s.op('*') || !(out.weight = s.number(false))) {
            return false;
        }
        if ((paren && !s.op(')')) || !s.op('=')) {
            return false;
        }
        if (minus) {
            out.total->literal.value = -out.total->literal.value;
        }
        return true;
    };
    if (!formula()) {
        s.reset(mark);
        out = ModifierFigure{};
    }
    auto modifier = s.number(false);
    if (!modifier || modifier->percent || !s.end()) {
        return std::nullopt;
    }
    out.modifier = *modifier;
    return out;
}

std::optional<RawFigure> parse_raw(std::string_view text) {
    Scanner s(text);
    RawFigure out;
    const std::size_t mark = s.mark();
    for (int i = 0; i < 4; ++i) {
        auto factor = s.number(false);
        if (!factor || !(i < 3 ? s.op('*') : s.op('='))) {
            out.factors.clear();
            s.reset(mark);
            break;
        }
        out.factors.push_back(*factor);
    }
    auto raw = s.number(false);
    if (!raw || raw->percent || !s.end()) {
        return std::nullopt;
    }
    out.raw = *raw;
    return out;
}

std::optional<AijriFigure> parse_aijri(std::string_view text) {
    Scanner s(text);
    AijriFigure out;
    const std::size_t mark = s.mark();
    const auto formula = [&]() -> bool {
        return s.op('(') && (out.raw = s.number(false)) && s.op('-') &&
               (out.raw_min = s.number(false)) && s.op(')') && s.op('/') &&
               (out.raw_span = s.number(false)) && s.op('*') && (out.scale = s.number(false)) &&
               s.op('=');
    };
    if (!formula()) {
        s.reset(mark);
        out = AijriFigure{};
    }
    auto aijri = s.number(true);
    if (!aijri || aijri->percent) {
        return std::nullopt;
    }
    out.aijri = *aijri;
    out.maximum = scale_suffix(s);
    if (!s.end()) {
        return std::nullopt;
    }
    return out;
}

namespace {

// "Green", "Green Zone", "Green (Accelerated)", "Green Zone (Accelerated)" or "Green
// (Accelerated) Zone": a zone and the sub-label in brackets, with "Zone" in either place or
// not at all. `label` is the raw text in the brackets.
std::optional<Zone> zone_and_label(Scanner& s, std::optional<std::string_view>& label) {
    const auto zone = zone_name(s.identifier());
    if (!zone) {
        return std::nullopt;
    }
    const bool zone_word = s.word("Zone");
    const std::size_t mark = s.mark();
    if (s.op('(')) {
        label = s.until_close();
        if (!label || label->empty()) {
            return std::nullopt;
        }
        if (!zone_word) {
            s.word("Zone");
        }
    } else {
        s.reset(mark);
    }
    return zone;
}

// "Protective 2 + Correlation 2 =", "Protective Total 2/9 + AI Growth Correlation +2 = 4 →":
// the arithmetic before a quick screen's verdict.
bool quick_screen_arithmetic(Scanner& s, QuickScreenFigure& out) {
    if (!s.word("Protective")) {
        return false;
    }
    s.word("Total");
    out.protective = s.number(false);
    if (!out.protective || out.protective->percent) {
        return false;
    }
    scale_suffix(s);
    if (!s.op('+')) {
        return false;
    }
    s.word("AI");
    const bool growth = s.word("Growth");
    if (!s.word("Correlation") && !growth) {
        return false;
    }
    out.growth = s.number(true);
    if (!out.growth || out.growth->percent) {
        return false;
    }
    const auto arrow = [&s] {
        const std::size_t mark = s.mark();
        s.skip_space();
        if (s.op('=') || s.op(':') || s.literal("\u2192") || s.literal("->") || s.literal("=>")) {
            return true;
        }
        s.reset(mark);
        return false;
    };
    if (!arrow()) {
        return false;
    }
    // "= 4 =": the sum, restated.
    const std::size_t mark = s.mark();
    if (auto total = s.number(true); total && !total->percent && arrow()) {
        out.total = total;
    } else {
        s.reset(mark);
    }
    return true;
}

} // namespace

std::optional<QuickScreenFigure> parse_quick_screen(std::string_view text) {
    Scanner s(text);
    QuickScreenFigure out;
    if (!quick_screen_arithmetic(s, out)) {
        s.reset(0);
        out = QuickScreenFigure{};
    }
    s.skip_space();
    const std::size_t verdict_start = s.mark();
    s.word("Likely");
    std::optional<std::string_view> label;
    const auto zone = zone_and_label(s, label);
    if (!zone) {
        return std::nullopt;
    }
    out.verdict = "Likely " + std::string(to_string(*zone));
    if (label) {
        out.verdict += " (" + std::string(*label) + ")";
    }
    std::string_view written = trim(text.substr(verdict_start, s.mark() - verdict_start));
    while (!written.empty() && written.back() == '*') {
        written = trim(written.substr(0, written.size() - 1)); // bold is not part of it
    }
    out.verdict_text = written;
    std::string_view tail = s.rest();
    while (!tail.empty() && std::string_view(".,;").find(tail.front()) != std::string_view::npos) {
        tail = trim(tail.substr(1));
    }
    Scanner dash(tail);
    if (dash.dash()) {
        tail = dash.rest();
    }
    if (!tail.empty() && tail.back() == '.') {
        tail = trim(tail.substr(0, tail.size() - 1));
    }
    out.tail = tail;
    return out;
}

std::optional<SplitFigure> parse_split(std::string_view text) {
    Scanner s(text);
    SplitFigure out;
    for (int i = 0; i < 3; ++i) {
        if (i > 0 && !s.op(',') && !s.op(';') && !s.op('/')) {
            return std::nullopt;
        }
        auto share = s.number(false);
        if (!share) {
            return std::nullopt;
        }
        std::optional<Number>* slot = nullptr;
        if (s.word("displacement")) {
            slot = &out.displacement;
        } else if (s.word("augmentation")) {
            slot = &out.augmentation;
        } else if (s.word("not")) {
            if (!s.op('-') && !s.op('_')) {
                s.skip_space();
            }
            slot = s.word("involved") ? &out.not_involved : nullptr;
        }
        if (slot == nullptr || slot->has_value()) {
            return std::nullopt;
        }
        *slot = share;
    }
    if (!s.end()) {
        return std::nullopt;
    }
    return out;
}

std::optional<ZoneFigure> parse_zone(std::string_view text) {
    Scanner s(text);
    ZoneFigure out;
    const auto zone = zone_name(s.identifier());
    if (!zone) {
        return std::nullopt;
    }
    out.zone = *zone;
    const bool zone_word = s.word("Zone"); // "Red Zone"
    if (s.op('(')) {
        // (Green >= 48, Yellow 25-47, Red <25)
        std::array<Number, 4> t{};
        const auto next = [&](std::size_t i) -> bool {
            auto n = s.number(false);
            if (n) {
                t[i] = *n;
            }
            return n.has_value();
        };
        const std::size_t inside = s.mark();
        const bool ok = s.word(to_string(Zone::green)) && s.op('>') && s.optional_op('=') &&
                        next(0) && s.op(',') && s.word(to_string(Zone::yellow)) && next(1) &&
                        (s.op('-') || s.word("to")) && next(2) && s.op(',') &&
                        s.word(to_string(Zone::red)) && s.op('<') && next(3) && s.op(')');
        if (ok) {
            out.thresholds = t;
        } else {
            // Not the thresholds: "Green (Accelerated)" names the sub-label.
            s.reset(inside);
            out.sub_label = s.until_close();
            if (!out.sub_label || out.sub_label->empty()) {
                return std::nullopt;
            }
        }
        if (!zone_word) {
            s.word("Zone"); // "Green (Accelerated) Zone"
        }
    }
    if (!s.end()) {
        return std::nullopt;
    }
    return out;
}

std::optional<SubLabelFigure> parse_sub_label(std::string_view text) {
    Scanner s(text);
    SubLabelFigure out;
    const std::size_t mark = s.mark();
    const std::string_view first = s.identifier();
    if (zone_name(first)) {
        s.reset(mark);
        std::optional<std::string_view> label;
        out.zone = zone_and_label(s, label);
        if (!out.zone) {
            return std::nullopt;
        }
        if (label) {
            out.sub_label = std::string(*label);
        }
    } else if (word_key(first) == "none") {
        // no sub-label
    } else {
        // A bare label ("Transforming"): everything up to the dash.
        s.reset(mark);
        std::string_view rest = s.rest();
        for (const std::string_view dash : {" \u2014", " \u2013", " - "}) {
            rest = rest.substr(0, rest.find(dash));
        }
        rest = trim(rest);
        if (rest.empty() || !is_ascii_alpha(rest.front())) {
            return std::nullopt;
        }
        out.sub_label = std::string(strip_bold(rest));
        return out;
    }
    // What follows a dash is the rule that gave the label: derived, not kept.
    if (!s.end() && !s.dash()) {
        return std::nullopt;
    }
    return out;
}

std::optional<ReinstatementFigure> parse_reinstatement(std::string_view text) {
    Scanner s(text);
    ReinstatementFigure out;
    if (s.word("yes")) {
        out.new_tasks = true;
    } else if (!s.word("no")) {
        return std::nullopt;
    }
    if (s.end()) {
        return out;
    }
    if (!s.dash() && !s.op(':') && !s.op(',') && !s.op('.')) {
        return std::nullopt;
    }
    out.note = s.rest();
    return out;
}

std::optional<OverrideFigure> parse_override(std::string_view text) {
    Scanner s(text);
    OverrideFigure out;
    if (s.word("none")) {
        out.none = true;
        if (s.end()) {
            return out;
        }
        // "None — formula score accepted." is the only thing a "none" may say.
        if (s.dash() && s.word("formula") && s.word("score") && s.word("accepted") && s.end()) {
            return out;
        }
        return std::nullopt;
    }
    bool any = false;
    while (true) {
        if (s.word("AIJRI")) {
            auto value = s.number(false);
            if (!value || out.aijri) {
                return std::nullopt;
            }
            out.aijri = value;
        } else if (s.word("zone")) {
            const auto zone = zone_name(s.identifier());
            if (!zone || out.zone) {
                return std::nullopt;
            }
            s.word("Zone"); // "zone Yellow Zone"
            out.zone = zone;
        } else if (s.word("sub-label") || s.word("sub label") || s.word("sublabel")) {
            if (out.has_sub_label) {
                return std::nullopt;
            }
            out.has_sub_label = true;
            if (const auto quoted = s.quoted()) {
                out.sub_label = std::string(*quoted);
            } else if (!s.word("none")) {
                return std::nullopt;
            }
        } else {
            break;
        }
        any = true;
        if (!s.op(';') && !s.op(',')) {
            break;
        }
    }
    if (!any || !s.dash()) {
        return std::nullopt;
    }
    out.reason = s.rest();
    return out;
}

} // namespace aijri::detail
