// A thin layer over simdjson's On-Demand API for reading a document against a schema:
// it tracks JSON pointers and byte offsets, reads numbers exactly from their text, checks
// duplicate keys, validates every value it is asked to skip, and collects diagnostics.
// Any malformed JSON aborts the walk with JsonSyntaxAbort; the caller then asks the strict
// scanner (json_syntax.hpp) for a precise message.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "aijri/json/padded_text.hpp"
#include "aijri/util/diagnostic.hpp"
#include "aijri/util/function_ref.hpp"
#include "aijri/util/rational.hpp"

namespace aijri::detail {

namespace od = simdjson::ondemand;

struct JsonSyntaxAbort {
    simdjson::error_code code;
};

// Thrown by JsonCursor::error at the k_max_errors-th error: the walk stops there.
struct TooManyErrors {};

enum class JsonKind { object, array, string, number, boolean, null };

// A value about to be read, with where it stands. Its JSON pointer is built only when
// asked for (an error, a stated figure): most values never need it.
struct JsonNode {
    od::value value;
    std::size_t offset = 0;
    const JsonNode* parent = nullptr;
    std::string_view key;  // member name (valid while the document is), or
    std::size_t index = 0; // element index when `in_array`
    bool in_array = false;

    std::string pointer() const;
};

class JsonCursor {
public:
    JsonCursor(std::string_view text, Diagnostics& diagnostics);

    void error(std::size_t offset, std::string pointer, std::string message);
    void warning(std::size_t offset, std::string pointer, std::string message);
    SourcePosition position_of(std::size_t offset) const { return m_lines.position_of(offset); }
    const LineIndex& lines() const { return m_lines; }

    JsonKind kind_of(JsonNode& node);
    // "a string (\"20%\")", "7", "null", "an object": for "expected …, found …" messages.
    // Consumes the value.
    std::string describe(JsonNode& node);

    // Calls on_member(key, node, key_offset) for every member, after checking that the
    // key is not a duplicate. The node must be an object.
    using MemberHandler =
        FunctionRef<void(std::string_view key, JsonNode& member, std::size_t key_offset)>;
    void for_each_member(JsonNode& object, const MemberHandler& on_member);
    // Returns the number of elements.
    using ElementHandler = FunctionRef<void(JsonNode& element)>;
    std::size_t for_each_element(JsonNode& array, const ElementHandler& on_element);

    // Typed reads: each reports "expected …, found …" and returns nullopt on a mismatch.
    bool expect_object(JsonNode& node, std::string_view what = "an object");
    bool expect_array(JsonNode& node);
    std::optional<std::string> read_string(JsonNode& node);
    // As read_string(), without copying the text, which stays valid while the document is.
    std::optional<std::string_view> read_string_view(JsonNode& node);
    // As read_string(), without keeping the text: true when it is a string.
    bool check_string(JsonNode& node);
    std::optional<std::string> read_nonempty_string(JsonNode& node);
    std::optional<bool> read_bool(JsonNode& node);
    std::optional<int> read_integer(JsonNode& node, int min, int max);
    // Any JSON number, exactly. Reports out-of-range numbers as "expected <what>".
    std::optional<DecimalLiteral> read_number(JsonNode& node, std::string_view what);
    bool is_null(JsonNode& node);

    // Reads and validates a value whose content is ignored (x- keys, unknown keys).
    void skip(JsonNode& node);

    // Reads an object whose keys are known: unknown keys and missing required keys are
    // errors, keys that begin with "x-" are validated and ignored. Returns false when the
    // value is not an object.
    using FieldHandler = FunctionRef<void(std::string_view key, JsonNode& value)>;
    bool read_fields(JsonNode& node, std::span<const std::string_view> known,
                     std::span<const std::string_view> required, const FieldHandler& on_field);

    std::size_t offset_of(od::value& value);
    std::size_t offset_of_pointer(const char* at) const;

private:
    void add(Severity severity, std::size_t offset, std::string pointer, std::string message);
    // The token of a number, checked to be a JSON number (else the walk aborts).
    std::string_view raw_number_token(JsonNode& node);
    static ParsedNumber parsed_number(std::string_view token);

    // simdjson's On-Demand API does not limit nesting, and skip() recurses: the depth is
    // counted here so that a hostile file cannot exhaust the stack.
    void enter();
    void leave() { --m_depth; }

    std::string_view m_text;
    Diagnostics& m_diagnostics;
    std::size_t m_depth = 0;
    LineIndex m_lines;
};

// Walks the document in `text` with `read_root`. When the
// text is not well-formed JSON, the diagnostics become its one syntax error. A document that
// is a bare scalar is "expected <root_expected>, found …" (an object or array root is left to
// read_root, which says what it expected).
void walk_document(od::parser& parser, PaddedText padded, JsonCursor& cursor,
                   Diagnostics& diagnostics, std::string_view root_expected,
                   const FunctionRef<void(JsonNode& root)>& read_root);

// Throws JsonSyntaxAbort when `result` carries an error.
template <typename T>
T take(simdjson::simdjson_result<T>&& result) {
    T value;
    if (const auto code = std::move(result).get(value); code != simdjson::SUCCESS) {
        throw JsonSyntaxAbort{code};
    }
    return value;
}

// "expected one of: a, b, c" with "did you mean …?" when a known key is one edit or
// transposition away, so that typos like phyiscal_presence point at the right name.
std::string unknown_key_message(std::string_view key, std::span<const std::string_view> known);
std::string quoted(std::string_view text, std::size_t max_bytes = 60);
// "expected one of \"a\", \"b\", found \"x\"", with "did you mean \"a\"?" when a choice is near
// (case aside: "Displacement", or "displacment").
std::string one_of_message(std::span<const std::string_view> choices, std::string_view found);

} // namespace aijri::detail
