// The project config file, aijri.toml: defaults for the command line, and gates per folder.
// The file is TOML; every key is checked against a table of keys (ConfigKey) that the caller
// gives, named like the long options they stand for, and every problem is located.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aijri/report/batch.hpp"
#include "aijri/util/diagnostic.hpp"

namespace aijri {

inline constexpr std::string_view k_config_file_name = "aijri.toml";

// What a key's value must be.
enum class ConfigKind {
    string,      // a string (a path, when the caller says so)
    string_list, // an array of strings, at least one
    boolean,     // true or false
    integer,     // a whole number from min to max
    number,      // an integer or a float, finite, at least min when min is set
    choice,      // one of `choices`, matched without regard to case
    assignments, // an array of "NAME=FILE" strings, NAME one of `choices`: --report's values
};

// Whether a key's texts name files, relative to the config file's folder (its reader leaves
// them as written: the caller makes them relative to where it runs).
enum class ConfigPath {
    none,
    whole,        // "methodologies/draft.json"
    after_equals, // "sarif=reports/aijri.sarif"
};

// A key the file may hold, in `table` ("" for the top level, else "score", "diff", …).
struct ConfigKey {
    std::string_view table;
    std::string_view name; // the long option it stands for, without "--"
    ConfigKind kind;
    std::span<const std::string_view> choices = {};
    std::optional<std::int64_t> min = std::nullopt;
    std::optional<std::int64_t> max = std::nullopt;
    ConfigPath path = ConfigPath::none;
};

// A key's value as read, as the option it stands for takes it on the command line: "47.5",
// "Red" (a choice in its listed spelling), "true"; a list as one text an item.
struct ConfigValue {
    const ConfigKey* key = nullptr;
    std::vector<std::string> texts;
    SourcePosition position; // of the key
};

// A [[thresholds]] entry: the gates it sets for the files its patterns match. Each gate's
// origin is the place of its key ("aijri.toml:9:1").
struct Threshold {
    std::vector<std::string> paths; // glob patterns, relative to the config file's folder
    Gates gates;
    SourcePosition position; // of the entry's first key
};

struct ProjectConfig {
    std::vector<ConfigValue> values;
    std::vector<Threshold> thresholds;
    // The value of `name` in `table`, if the file sets it.
    const ConfigValue* find(std::string_view table, std::string_view name) const;
};

struct ConfigRead {
    std::optional<ProjectConfig> config; // none when there are errors
    Diagnostics diagnostics;             // in the order of the file
};

// The keys of [[thresholds]] entries besides "paths": the gates. Each is checked as the
// top-level key of the same name in `keys`, which must have it.
inline constexpr std::array<std::string_view, 3> k_threshold_gate_keys = {
    "fail-under", "fail-on-zone", "fail-if-fragile"};

// Reads a config file's text; `file` names it in origins ("aijri.toml:9:1"). Keys beginning
// with "x-" are ignored, as in an assessment.
ConfigRead read_config(std::string_view text, std::string_view file,
                       std::span<const ConfigKey> keys);

// The gates for the file at `path` (relative to the config file's folder, lexically normal):
// `gates`, with every gate that was not set on the command line (a value without an origin)
// replaced by that of the last [[thresholds]] entry that matches the file and sets it.
Gates gates_for(std::span<const Threshold> thresholds, std::string_view path, Gates gates);

// The config file that applies in `folder` (absolute): its aijri.toml, else that of the
// closest folder above. The search stops at the root of a git repository (a folder that holds
// .git), so that a file above a project is never taken for its own, and at the file system's
// root.
std::optional<std::filesystem::path> find_config_file(const std::filesystem::path& folder);

} // namespace aijri
