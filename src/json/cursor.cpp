#include "aijri/json/cursor.hpp"
#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "aijri/json/limits.hpp"
#include "aijri/json/syntax.hpp"
#include "aijri/util/text.hpp"
#include "aijri/util/utf8.hpp"

namespace aijri::detail {
namespace {

// Few objects in the format have more than a dozen keys; a linear scan beats hashing
// until an object is large, which only happens in x- payloads or hostile files.
constexpr std::size_t k_linear_duplicate_scan = 16;

class DuplicateKeyTracker {
public:
    // Returns the offset of the first occurrence when `key` was seen before.
    std::optional<std::size_t> insert(std::string_view key, std::size_t offset) {
        if (m_count < m_first.size()) {
            for (std::size_t i = 0; i < m_count; ++i) {
                if (m_first[i].first == key) {
                    return m_first[i].second;
                }
            }
            m_first[m_count++] = {key, offset};
            return std::nullopt;
        }
        if (m_index.empty()) {
            for (const auto& [seen, seen_offset] : m_first) {
                m_index.emplace(seen, seen_offset);
            }
        }
        const auto [it, inserted] = m_index.emplace(key, offset);
        if (!inserted) {
            return it->second;
        }
        return std::nullopt;
    }

private:
    // Unescaped keys live in the parser's string buffer for the whole document. The first
    // keys sit in place (no allocation for the objects of the format, called for every
    // object of every file); only x- payloads or hostile files spill into the hash map.
    std::array<std::pair<std::string_view, std::size_t>, k_linear_duplicate_scan> m_first{};
    std::size_t m_count = 0;
    std::unordered_map<std::string_view, std::size_t> m_index;
};

std::string_view trim_right(std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\r' ||
                             text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

// The value of a token such as 3 or -2 (at most two digits, no fraction or exponent), which
// is what every score in an assessment is; anything else takes the exact parser.
std::optional<int> small_integer(std::string_view token) {
    const bool negative = !token.empty() && token.front() == '-';
    const std::string_view digits = token.substr(negative ? 1 : 0);
    if (digits.empty() || digits.size() > 2 || (digits.size() == 2 && digits[0] == '0')) {
        return std::nullopt;
    }
    int value = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    return negative ? -value : value;
}

} // namespace

std::string quoted(std::string_view text, std::size_t max_bytes) {
    // Messages end up on terminals and in CI logs: never let file content carry control
    // characters or escape sequences into them.
    std::string out = "\"";
    std::size_t shown = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (shown >= max_bytes) {
            // Do not cut a UTF-8 sequence in half.
            while (!out.empty() && detail::is_utf8_continuation(out.back())) {
                out.pop_back();
            }
            if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0U) {
                out.pop_back();
            }
            out += "…";
            break;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7F) {
            out += fmt::format("\\u{:04x}", c);
        } else {
            out += static_cast<char>(c);
        }
        ++shown;
    }
    out += '"';
    return out;
}

std::string one_of_message(std::span<const std::string_view> choices, std::string_view found) {
    std::string message = "expected one of ";
    for (std::size_t i = 0; i < choices.size(); ++i) {
        message += fmt::format("{}\"{}\"", i == 0 ? "" : ", ", choices[i]);
    }
    message += fmt::format(", found {}", quoted(found, 40));
    if (const auto near = closest_match(found, choices)) {
        message += fmt::format("; did you mean \"{}\"?", *near);
    }
    return message;
}

std::string unknown_key_message(std::string_view key, std::span<const std::string_view> known) {
    std::string message = fmt::format("unknown key {}", quoted(key));
    if (const auto candidate = closest_match(key, known)) {
        return message + fmt::format("; did you mean \"{}\"?", *candidate);
    }
    message += " (expected ";
    message += known.size() == 1 ? "" : "one of: ";
    for (std::size_t i = 0; i < known.size(); ++i) {
        message += (i == 0 ? "" : ", ");
        message += known[i];
    }
    message += "; keys beginning with \"x-\" are ignored)";
    return message;
}

std::string JsonNode::pointer() const {
    if (parent == nullptr) {
        return {};
    }
    return in_array ? pointer_append(parent->pointer(), index)
                    : pointer_append(parent->pointer(), key);
}

JsonCursor::JsonCursor(std::string_view text, Diagnostics& diagnostics)
    : m_text(text), m_diagnostics(diagnostics), m_lines(text) {}

void JsonCursor::error(std::size_t offset, std::string pointer, std::string message) {
    add(Severity::error, offset, std::move(pointer), std::move(message));
    const auto errors = std::count_if(m_diagnostics.begin(), m_diagnostics.end(),
                                      [](auto& d) { return d.severity == Severity::error; });
    if (static_cast<std::size_t>(errors) == k_max_errors) {
        // A file can hold millions of errors ("tasks": [1, 1, …]); past a hundred nobody reads
        // them, and keeping them all would cost memory in proportion.
        add(Severity::error, offset, "",
            fmt::format("too many errors: stopped checking after {}; fix these first",
                        k_max_errors));
        throw TooManyErrors{};
    }
}

void JsonCursor::warning(std::size_t offset, std::string pointer, std::string message) {
    add(Severity::warning, offset, std::move(pointer), std::move(message));
}

void JsonCursor::add(Severity severity, std::size_t offset, std::string pointer,
                     std::string message) {
    std::size_t cut = 0;
    const std::string_view excerpt = m_lines.excerpt_at(offset, cut);
    m_diagnostics.push_back(Diagnostic{severity, std::move(pointer), position_of(offset),
                                       std::move(message), std::string(excerpt), cut});
}

void JsonCursor::enter() {
    // The root object is level 1, as in the strict scanner's count: k_max_json_depth levels
    // are allowed, the next one is refused (by both, so that they agree on every text).
    if (++m_depth > k_max_json_depth) {
        throw JsonSyntaxAbort{simdjson::DEPTH_ERROR};
    }
}

std::size_t JsonCursor::offset_of_pointer(const char* at) const {
    const auto offset = static_cast<std::size_t>(at - m_text.data());
    return std::min(offset, m_text.size());
}

std::size_t JsonCursor::offset_of(od::value& value) {
    return offset_of_pointer(take(value.current_location()));
}

JsonKind JsonCursor::kind_of(JsonNode& node) {
    switch (take(node.value.type())) {
    case od::json_type::object:
        return JsonKind::object;
    case od::json_type::array:
        return JsonKind::array;
    case od::json_type::string:
        return JsonKind::string;
    case od::json_type::number:
        return JsonKind::number;
    case od::json_type::boolean:
        return JsonKind::boolean;
    case od::json_type::null:
        return JsonKind::null;
    }
    throw JsonSyntaxAbort{simdjson::INCORRECT_TYPE};
}

std::string_view JsonCursor::raw_number_token(JsonNode& node) {
    const std::string_view token = trim_right(node.value.raw_json_token());
    if (!small_integer(token)) {
        parsed_number(token);
    }
    return token;
}

ParsedNumber JsonCursor::parsed_number(std::string_view token) {
    ParsedNumber parsed = parse_json_number(token);
    if (parsed.problem == NumberProblem::not_a_json_number) {
        throw JsonSyntaxAbort{simdjson::NUMBER_ERROR};
    }
    return parsed;
}

std::string JsonCursor::describe(JsonNode& node) {
    switch (kind_of(node)) {
    case JsonKind::object:
        skip(node);
        return "an object";
    case JsonKind::array:
        skip(node);
        return "an array";
    case JsonKind::string:
        return "a string " + quoted(take(node.value.get_string()), 40);
    case JsonKind::number:
        return std::string(raw_number_token(node).substr(0, 40));
    case JsonKind::boolean:
        return take(node.value.get_bool()) ? "true" : "false";
    case JsonKind::null:
        skip(node);
        return "null";
    }
    return "a value";
}

bool JsonCursor::is_null(JsonNode& node) {
    if (kind_of(node) != JsonKind::null) {
        return false;
    }
    if (!take(node.value.is_null())) {
        throw JsonSyntaxAbort{simdjson::N_ATOM_ERROR};
    }
    return true;
}

void JsonCursor::for_each_member(JsonNode& object, const MemberHandler& on_member) {
    od::object members = take(object.value.get_object());
    enter();
    DuplicateKeyTracker seen;
    for (auto field_result : members) {
        od::field field = take(std::move(field_result));
        const std::size_t key_offset = offset_of_pointer(field.key().raw()) - 1;
        const std::string_view key = take(field.unescaped_key());
        JsonNode member{field.value(), 0, &object, key, 0, false};
        member.offset = offset_of(member.value);
        if (const auto first = seen.insert(key, key_offset)) {
            const SourcePosition at = position_of(*first);
            error(key_offset, member.pointer(),
                  fmt::format("duplicate key {} (first at line {}, column {})", quoted(key),
                              at.line, at.column));
            skip(member);
            continue;
        }
        on_member(key, member, key_offset);
    }
    leave();
}

std::size_t JsonCursor::for_each_element(JsonNode& array, const ElementHandler& on_element) {
    od::array elements = take(array.value.get_array());
    enter();
    std::size_t index = 0;
    for (auto element_result : elements) {
        JsonNode element{take(std::move(element_result)), 0, &array, {}, index, true};
        element.offset = offset_of(element.value);
        on_element(element);
        ++index;
    }
    leave();
    return index;
}

bool JsonCursor::expect_object(JsonNode& node, std::string_view what) {
    if (kind_of(node) == JsonKind::object) {
        return true;
    }
    const std::size_t at = node.offset;
    error(at, node.pointer(), fmt::format("expected {}, found {}", what, describe(node)));
    return false;
}

bool JsonCursor::expect_array(JsonNode& node) {
    if (kind_of(node) == JsonKind::array) {
        return true;
    }
    error(node.offset, node.pointer(), fmt::format("expected an array, found {}", describe(node)));
    return false;
}

std::optional<std::string> JsonCursor::read_string(JsonNode& node) {
    if (kind_of(node) != JsonKind::string) {
        error(node.offset, node.pointer(),
              fmt::format("expected a string, found {}", describe(node)));
        return std::nullopt;
    }
    return std::string(take(node.value.get_string()));
}

std::optional<std::string_view> JsonCursor::read_string_view(JsonNode& node) {
    if (kind_of(node) != JsonKind::string) {
        error(node.offset, node.pointer(),
              fmt::format("expected a string, found {}", describe(node)));
        return std::nullopt;
    }
    return take(node.value.get_string());
}

bool JsonCursor::check_string(JsonNode& node) {
    return read_string_view(node).has_value(); // unescaped and checked, then dropped
}

std::optional<std::string> JsonCursor::read_nonempty_string(JsonNode& node) {
    auto text = read_string(node);
    if (text && text->find_first_not_of(" \t\r\n") == std::string::npos) {
        error(node.offset, node.pointer(), "expected a non-empty string, found an empty one");
        return std::nullopt;
    }
    return text;
}

std::optional<bool> JsonCursor::read_bool(JsonNode& node) {
    if (kind_of(node) != JsonKind::boolean) {
        error(node.offset, node.pointer(),
              fmt::format("expected true or false, found {}", describe(node)));
        return std::nullopt;
    }
    return take(node.value.get_bool());
}

std::optional<int> JsonCursor::read_integer(JsonNode& node, int min, int max) {
    const auto expected = [&] {
        return fmt::format("expected an integer from {} to {}", min, max);
    };
    if (kind_of(node) != JsonKind::number) {
        error(node.offset, node.pointer(), fmt::format("{}, found {}", expected(), describe(node)));
        return std::nullopt;
    }
    const std::string_view token = trim_right(node.value.raw_json_token());
    if (const auto small = small_integer(token); small && *small >= min && *small <= max) {
        return small;
    }
    const ParsedNumber parsed = parsed_number(token);
    const Rational& value = parsed.literal.value;
    if (parsed.problem != NumberProblem::none || !value.is_integer() || value < Rational(min) ||
        value > Rational(max)) {
        error(node.offset, node.pointer(),
              fmt::format("{}, found {}", expected(), token.substr(0, 40)));
        return std::nullopt;
    }
    return static_cast<int>(value.numerator());
}

std::optional<DecimalLiteral> JsonCursor::read_number(JsonNode& node, std::string_view what) {
    if (kind_of(node) != JsonKind::number) {
        error(node.offset, node.pointer(),
              fmt::format("expected {}, found {}", what, describe(node)));
        return std::nullopt;
    }
    const std::string_view token = trim_right(node.value.raw_json_token());
    const ParsedNumber parsed = parsed_number(token);
    if (parsed.problem != NumberProblem::none) {
        // "expected a number, found 1e999" would read as a contradiction: say what is wrong.
        error(node.offset, node.pointer(),
              fmt::format("expected {}, found {}, which is out of range (at most 18 digits "
                          "before and 18 after the decimal point, 24 in all)",
                          what, token.substr(0, 40)));
        return std::nullopt;
    }
    return parsed.literal;
}

void JsonCursor::skip(JsonNode& node) {
    // Unlike simdjson's own skipping, this reads every value, so a malformed x- payload
    // is still reported as malformed. Depth is bounded by the parser's max_depth.
    switch (kind_of(node)) {
    case JsonKind::object:
        for_each_member(node,
                        [this](std::string_view, JsonNode& member, std::size_t) { skip(member); });
        return;
    case JsonKind::array:
        for_each_element(node, [this](JsonNode& element) { skip(element); });
        return;
    case JsonKind::string:
        take(node.value.get_string());
        return;
    case JsonKind::number:
        raw_number_token(node);
        return;
    case JsonKind::boolean:
        take(node.value.get_bool());
        return;
    case JsonKind::null:
        if (!take(node.value.is_null())) {
            throw JsonSyntaxAbort{simdjson::N_ATOM_ERROR};
        }
        return;
    }
}

bool JsonCursor::read_fields(JsonNode& node, std::span<const std::string_view> known,
                             std::span<const std::string_view> required,
                             const FieldHandler& on_field) {
    if (!expect_object(node)) {
        return false;
    }
    // A bit per required key: no allocation for every object read.
    std::uint64_t present = 0;
    assert(required.size() <= 64);
    for_each_member(node, [&](std::string_view key, JsonNode& member, std::size_t key_offset) {
        if (key.substr(0, 2) == "x-") {
            skip(member);
            return;
        }
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            error(key_offset, member.pointer(), unknown_key_message(key, known));
            // A mistyped required key is one error, with its suggestion, not a second one
            // saying the key is missing.
            if (const auto meant = closest_match(key, known)) {
                const auto req = std::find(required.begin(), required.end(), *meant);
                if (req != required.end()) {
                    present |= std::uint64_t{1} << static_cast<unsigned>(req - required.begin());
                }
            }
            skip(member);
            return;
        }
        const auto req = std::find(required.begin(), required.end(), key);
        if (req != required.end()) {
            present |= std::uint64_t{1} << static_cast<unsigned>(req - required.begin());
        }
        on_field(key, member);
    });
    for (std::size_t i = 0; i < required.size(); ++i) {
        if ((present & (std::uint64_t{1} << i)) == 0) {
            error(node.offset, node.pointer(),
                  fmt::format("missing required key \"{}\"", required[i]));
        }
    }
    return true;
}

namespace {

// A document that is a bare scalar (`"x"`, `7`, `null`), described the way describe()
// describes any other value. It is read from the text, which the strict scanner has checked:
// simdjson 3.0's getters for a scalar document refuse some valid ones, such as `null ` and
// `true   ` (trailing white space; simdjson issue #2354).
std::string describe_scalar_document(std::string_view text) {
    const std::string_view token =
        trim_right(text.substr(std::min(text.find_first_not_of(" \t\r\n"), text.size())));
    if (!token.empty() && token.front() == '"') {
        return "a string " + quoted(decode_string(token, 0), 40);
    }
    return std::string(token.substr(0, 40)); // a number, true, false or null
}

} // namespace

void walk_document(od::parser& parser, PaddedText padded, JsonCursor& cursor,
                   Diagnostics& diagnostics, std::string_view root_expected,
                   const FunctionRef<void(JsonNode& root)>& read_root) {
    const std::string_view text = padded.view();
    try {
        auto document = take(
            parser.iterate(text.data(), text.size(), text.size() + simdjson::SIMDJSON_PADDING));
        const od::json_type type = take(document.type());
        if (type == od::json_type::object || type == od::json_type::array) {
            JsonNode root{take(document.get_value()), 0, nullptr, {}, 0, false};
            root.offset = cursor.offset_of(root.value);
            read_root(root);
        } else {
            // simdjson leaves a scalar document unconsumed (so it cannot tell what follows
            // it); such a file is small and rare, and the strict scanner checks it whole.
            if (find_syntax_error(text, k_max_json_depth)) {
                throw JsonSyntaxAbort{simdjson::TAPE_ERROR};
            }
            const std::size_t at = std::min(text.find_first_not_of(" \t\r\n"), text.size());
            cursor.error(at, "",
                         fmt::format("expected {}, found {}", root_expected,
                                     describe_scalar_document(text)));
            return;
        }
        if (!document.current_location().error()) {
            throw JsonSyntaxAbort{simdjson::TRAILING_CONTENT};
        }
    } catch (const TooManyErrors&) {
        // The diagnostics end with a note that the rest of the file was not checked.
    } catch (const JsonSyntaxAbort& abort) {
        // A document that is not JSON has one error worth reporting: the first.
        diagnostics.clear();
        if (const auto found = find_syntax_error(text, k_max_json_depth)) {
            cursor.error(found->offset, found->pointer, found->message);
        } else {
            // The strict scanner found the text well formed, so simdjson refused it for a
            // limit of its own; say so rather than invent a position. The fuzz target
            // fuzz_json_syntax checks that this does not happen.
            cursor.error(0, "",
                         fmt::format("could not read the JSON document: {}",
                                     simdjson::error_message(abort.code)));
        }
    }
}

} // namespace aijri::detail
