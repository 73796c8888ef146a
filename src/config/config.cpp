#include "aijri/config/config.hpp"
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "aijri/json/cursor.hpp"
#include "aijri/model/zone.hpp"
#include "aijri/util/glob.hpp"
#include "aijri/util/rational.hpp"
#include "aijri/util/text.hpp"

// toml++ is compiled here, header-only, in this one file: the binary needs no TOML library at
// run time, and only this file pays for its templates. Debian's CMake target would link its
// shared library instead, so only its include folder is used (src/CMakeLists.txt).
#define TOML_HEADER_ONLY 1
#define TOML_ENABLE_FORMATTERS 0
#include <toml++/toml.h>

namespace aijri {
namespace {

SourcePosition position_of(const toml::source_region& region) {
    return SourcePosition{region.begin.line, region.begin.column};
}

// What a value is, as a message says what was found: "a string \"x\"", "3", "an array".
std::string describe(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::string:
        return "a string " + detail::quoted(node.as_string()->get(), 40);
    case toml::node_type::integer:
        return std::to_string(node.as_integer()->get());
    case toml::node_type::floating_point:
        return fmt::format("{}", node.as_floating_point()->get());
    case toml::node_type::boolean:
        return node.as_boolean()->get() ? "true" : "false";
    case toml::node_type::array:
        return "an array";
    case toml::node_type::table:
        return "a table";
    case toml::node_type::date:
        return "a date";
    case toml::node_type::time:
        return "a time";
    case toml::node_type::date_time:
        return "a date-time";
    case toml::node_type::none:
        break;
    }
    return "a value";
}

// toml++'s "Error while parsing array: encountered end-of-file" as "TOML syntax error
// (array): encountered end-of-file": what toml++ says, in the words of aijri's other messages.
std::string syntax_message(std::string_view description) {
    constexpr std::string_view k_prefix = "Error while parsing ";
    const std::size_t colon = description.find(": ");
    if (description.starts_with(k_prefix) && colon != std::string_view::npos) {
        const std::string_view what = description.substr(k_prefix.size(), colon - k_prefix.size());
        return fmt::format("TOML syntax error ({}): {}", what, description.substr(colon + 2));
    }
    return fmt::format("TOML syntax error: {}", description);
}

class ConfigReader {
public:
    ConfigReader(std::string_view text, std::string_view file, std::span<const ConfigKey> keys)
        : m_lines(text), m_text(text), m_file(file), m_keys(keys) {}

    ConfigRead read() {
        toml::table root;
        try {
            root = toml::parse(m_text, std::string(m_file));
        } catch (const toml::parse_error& e) {
            error(position_of(e.source()), "", syntax_message(e.description()));
            return finish();
        }
        read_table(root, "");
        return finish();
    }

private:
    void read_table(const toml::table& table, std::string_view table_name) {
        for (const auto& [key, node] : table) {
            const std::string_view name = key.str();
            if (name.starts_with("x-")) {
                continue;
            }
            const SourcePosition at = position_of(key.source());
            const std::string path = dotted(table_name, name);
            if (table_name.empty() && name == "thresholds") {
                read_thresholds(node);
            } else if (table_name.empty() && is_table_name(name)) {
                if (const toml::table* inner = node.as_table()) {
                    read_table(*inner, name);
                } else {
                    error(position_of(node.source()), path,
                          fmt::format("expected a table, found {}", describe(node)));
                }
            } else if (const ConfigKey* k = find_key(table_name, name)) {
                if (auto texts = read_value(*k, node, path)) {
                    m_config.values.push_back(ConfigValue{k, std::move(*texts), at});
                }
            } else {
                error(at, path, unknown_key(table_name, name));
            }
        }
    }

    void read_thresholds(const toml::node& node) {
        const toml::array* entries = node.as_array();
        if (entries == nullptr || !entries->is_array_of_tables()) {
            error(position_of(node.source()), "thresholds",
                  fmt::format("expected [[thresholds]] tables, found {}", describe(node)));
            return;
        }
        for (std::size_t i = 0; i < entries->size(); ++i) {
            read_threshold(*entries->get(i)->as_table(), fmt::format("thresholds[{}]", i));
        }
    }

    void read_threshold(const toml::table& table, const std::string& path) {
        Threshold threshold;
        threshold.position = position_of(table.source());
        std::vector<std::string_view> known{"paths"};
        known.insert(known.end(), k_threshold_gate_keys.begin(), k_threshold_gate_keys.end());
        bool has_paths = false;
        for (const auto& [key, node] : table) {
            const std::string_view name = key.str();
            const SourcePosition key_at = position_of(key.source());
            const std::string key_path = path + "." + std::string(name);
            if (name.starts_with("x-")) {
                continue;
            }
            if (name == "paths") {
                has_paths = true;
                read_patterns(node, key_path, threshold.paths);
            } else if (const ConfigKey* k = gate_key(name)) {
                if (const auto texts = read_value(*k, node, key_path)) {
                    set_gate(threshold.gates, name, texts->front(), origin(key_at));
                }
            } else {
                error(key_at, key_path, detail::unknown_key_message(name, known));
            }
        }
        if (!has_paths) {
            error(threshold.position, path,
                  "expected \"paths\", the patterns of the files these gates are for, found "
                  "none");
        }
        m_config.thresholds.push_back(std::move(threshold));
    }

    void read_patterns(const toml::node& node, const std::string& path,
                       std::vector<std::string>& patterns) {
        static const ConfigKey k_paths{"", "paths", ConfigKind::string_list};
        const auto texts = read_value(k_paths, node, path);
        if (!texts) {
            return;
        }
        const toml::array& items = *node.as_array();
        for (std::size_t i = 0; i < texts->size(); ++i) {
            if (const auto problem = glob_problem((*texts)[i])) {
                error(position_of(items[i].source()), fmt::format("{}[{}]", path, i), *problem);
            }
        }
        patterns = *texts;
    }

    // The texts of a value, or nullopt after reporting what is wrong with it.
    std::optional<std::vector<std::string>> read_value(const ConfigKey& key, const toml::node& node,
                                                       const std::string& path) {
        const SourcePosition at = position_of(node.source());
        if (key.kind == ConfigKind::string_list || key.kind == ConfigKind::assignments) {
            const toml::array* items = node.as_array();
            if (items == nullptr || items->empty()) {
                error(at, path,
                      fmt::format("expected an array of strings, at least one, found {}",
                                  items == nullptr ? describe(node) : "an empty array"));
                return std::nullopt;
            }
            std::vector<std::string> texts;
            bool good = true;
            for (std::size_t i = 0; i < items->size(); ++i) {
                const toml::node& item = (*items)[i];
                std::string problem;
                if (!item.is_string()) {
                    problem = fmt::format("expected a string, found {}", describe(item));
                } else if (key.kind == ConfigKind::string_list) {
                    texts.push_back(item.as_string()->get());
                } else if (auto text = assignment_text(key, item.as_string()->get(), problem)) {
                    texts.push_back(std::move(*text));
                }
                if (!problem.empty()) {
                    error(position_of(item.source()), fmt::format("{}[{}]", path, i), problem);
                    good = false;
                }
            }
            return good ? std::optional(std::move(texts)) : std::nullopt;
        }
        std::string problem;
        std::optional<std::string> text = scalar_text(key, node, problem);
        if (!text) {
            error(at, path, problem);
            return std::nullopt;
        }
        return std::vector<std::string>{std::move(*text)};
    }

    // A scalar as its option takes it, or nullopt with `problem` set.
    static std::optional<std::string> scalar_text(const ConfigKey& key, const toml::node& node,
                                                  std::string& problem) {
        switch (key.kind) {
        case ConfigKind::string:
            if (node.is_string()) {
                return node.as_string()->get();
            }
            problem = fmt::format("expected a string, found {}", describe(node));
            return std::nullopt;
        case ConfigKind::boolean:
            if (node.is_boolean()) {
                return node.as_boolean()->get() ? "true" : "false";
            }
            problem = fmt::format("expected true or false, found {}", describe(node));
            return std::nullopt;
        case ConfigKind::integer:
            return integer_text(key, node, problem);
        case ConfigKind::number:
            return number_text(key, node, problem);
        case ConfigKind::choice:
            if (node.is_string()) {
                const std::string& found = node.as_string()->get();
                for (const std::string_view choice : key.choices) {
                    if (to_ascii_lower(std::string(choice)) == to_ascii_lower(found)) {
                        return std::string(choice);
                    }
                }
                problem = detail::one_of_message(key.choices, found);
                return std::nullopt;
            }
            problem = fmt::format("expected one of {}, found {}", quoted_list(key.choices),
                                  describe(node));
            return std::nullopt;
        case ConfigKind::string_list:
        case ConfigKind::assignments:
            break;
        }
        return std::nullopt;
    }

    // "NAME=FILE" with NAME one of the key's choices (in its listed spelling), or nullopt
    // with `problem` set: the words of --report's own check.
    static std::optional<std::string> assignment_text(const ConfigKey& key, const std::string& text,
                                                      std::string& problem) {
        const std::size_t equals = text.find('=');
        if (equals == std::string::npos) {
            problem = fmt::format("expected FORMAT=FILE, such as \"sarif=aijri.sarif\", found {}",
                                  detail::quoted(text, 40));
            return std::nullopt;
        }
        const std::string name = text.substr(0, equals);
        const std::string file = text.substr(equals + 1);
        const auto choice =
            std::find_if(key.choices.begin(), key.choices.end(), [&name](std::string_view c) {
                return to_ascii_lower(std::string(c)) == to_ascii_lower(name);
            });
        if (choice == key.choices.end()) {
            problem = detail::one_of_message(key.choices, name);
            return std::nullopt;
        }
        if (file.empty() || file == "-") {
            problem = fmt::format("expected a file after \"{}=\" (the console shows the format), "
                                  "found {}",
                                  *choice, detail::quoted(file, 40));
            return std::nullopt;
        }
        return fmt::format("{}={}", *choice, file);
    }

    static std::optional<std::string> integer_text(const ConfigKey& key, const toml::node& node,
                                                   std::string& problem) {
        const std::int64_t min = key.min.value_or(INT64_MIN);
        const std::int64_t max = key.max.value_or(INT64_MAX);
        if (node.is_integer()) {
            const std::int64_t value = node.as_integer()->get();
            if (value >= min && value <= max) {
                return std::to_string(value);
            }
        }
        problem = fmt::format("expected a whole number from {} to {}, found {}", min, max,
                              describe(node));
        return std::nullopt;
    }

    static std::optional<std::string> number_text(const ConfigKey& key, const toml::node& node,
                                                  std::string& problem) {
        const std::string expected = key.min
                                         ? fmt::format("expected a number of at least {}", *key.min)
                                         : std::string("expected a number such as 25 or 47.5");
        std::string text;
        if (node.is_integer()) {
            text = std::to_string(node.as_integer()->get());
        } else if (node.is_floating_point() && std::isfinite(node.as_floating_point()->get())) {
            // The shortest text that reads back as the same double: 47.5, not 47.500000001.
            text = fmt::format("{}", node.as_floating_point()->get());
        } else {
            problem = fmt::format("{}, found {}", expected, describe(node));
            return std::nullopt;
        }
        const ParsedNumber parsed = parse_json_number(text);
        if (parsed.problem != NumberProblem::none) {
            problem = fmt::format("{} is out of range (at most 18 digits before and 18 after "
                                  "the decimal point)",
                                  text);
            return std::nullopt;
        }
        if (key.min && parsed.literal.value < Rational(*key.min)) {
            problem = fmt::format("{}, found {}", expected, text);
            return std::nullopt;
        }
        return text;
    }

    static std::string quoted_list(std::span<const std::string_view> choices) {
        std::string out;
        for (const std::string_view choice : choices) {
            out += fmt::format("{}\"{}\"", out.empty() ? "" : ", ", choice);
        }
        return out;
    }

    static void set_gate(Gates& gates, std::string_view name, const std::string& text,
                         const std::string& origin) {
        if (name == "fail-under") {
            gates.fail_under = {parse_json_number(text).literal.value, origin};
        } else if (name == "fail-on-zone") {
            gates.fail_on_zone = {zone_from_string(text), origin};
        } else {
            gates.fail_if_fragile = {std::stoi(text), origin};
        }
    }

    std::string origin(SourcePosition at) const {
        return fmt::format("{}:{}:{}", m_file, at.line, at.column);
    }

    const ConfigKey* find_key(std::string_view table, std::string_view name) const {
        for (const ConfigKey& key : m_keys) {
            if (key.table == table && key.name == name) {
                return &key;
            }
        }
        return nullptr;
    }

    const ConfigKey* gate_key(std::string_view name) const {
        const auto* gate =
            std::find(k_threshold_gate_keys.begin(), k_threshold_gate_keys.end(), name);
        return gate == k_threshold_gate_keys.end() ? nullptr : find_key("", name);
    }

    bool is_table_name(std::string_view name) const {
        return std::any_of(m_keys.begin(), m_keys.end(),
                           [name](const ConfigKey& key) { return key.table == name; });
    }

    // An unknown key, or a known one in the wrong place: "fail-under" in [score] is named as
    // the top-level key it is, "format" at the top level as the key of the tables that have it.
    std::string unknown_key(std::string_view table, std::string_view name) const {
        std::vector<std::string> homes;
        for (const ConfigKey& key : m_keys) {
            if (key.name == name && key.table != table) {
                homes.push_back(key.table.empty() ? std::string("the top level")
                                                  : fmt::format("[{}]", key.table));
            }
        }
        if (homes.empty()) {
            return detail::unknown_key_message(name, names_in(table));
        }
        return fmt::format("unknown key \"{}\" {}; it is a key of {}", name,
                           table.empty() ? std::string("at the top level")
                                         : fmt::format("in [{}]", table),
                           fmt::join(homes, ", "));
    }

    // The names a table may hold, in the order of the key table: for "did you mean".
    std::vector<std::string_view> names_in(std::string_view table) const {
        std::vector<std::string_view> names;
        for (const ConfigKey& key : m_keys) {
            if (key.table == table) {
                names.push_back(key.name);
            } else if (table.empty() &&
                       std::find(names.begin(), names.end(), key.table) == names.end()) {
                names.push_back(key.table);
            }
        }
        if (table.empty()) {
            names.emplace_back("thresholds");
        }
        return names;
    }

    static std::string dotted(std::string_view table, std::string_view name) {
        return table.empty() ? std::string(name) : fmt::format("{}.{}", table, name);
    }

    void error(SourcePosition at, std::string pointer, std::string message) {
        Diagnostic d = make_error(std::move(pointer), at, std::move(message));
        if (at.line > 0) {
            d.source_line = std::string(m_lines.line_text(at.line));
        }
        m_diagnostics.push_back(std::move(d));
    }

    ConfigRead finish() {
        // toml++ keeps a table's keys sorted by name: the messages go in the file's order.
        std::stable_sort(m_diagnostics.begin(), m_diagnostics.end(),
                         [](const Diagnostic& a, const Diagnostic& b) {
                             return std::pair(a.position.line, a.position.column) <
                                    std::pair(b.position.line, b.position.column);
                         });
        ConfigRead read;
        read.diagnostics = std::move(m_diagnostics);
        if (!has_errors(read.diagnostics)) {
            read.config = std::move(m_config);
        }
        return read;
    }

    LineIndex m_lines;
    std::string_view m_text;
    std::string_view m_file;
    std::span<const ConfigKey> m_keys;
    ProjectConfig m_config;
    Diagnostics m_diagnostics;
};

} // namespace

const ConfigValue* ProjectConfig::find(std::string_view table, std::string_view name) const {
    for (const ConfigValue& value : values) {
        if (value.key->table == table && value.key->name == name) {
            return &value;
        }
    }
    return nullptr;
}

ConfigRead read_config(std::string_view text, std::string_view file,
                       std::span<const ConfigKey> keys) {
    return ConfigReader(text, file, keys).read();
}

} // namespace aijri
