// The project config file (aijri.toml) on the command line: --config FILE and --no-config,
// which every command that reads it takes, the keys it may hold (each the long option it
// stands for), and giving the command's options what the command line left unset.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "aijri/config/config.hpp"

namespace aijri::cli {

// Every key aijri.toml may hold. A top-level key is for every command that has the option
// of its name; a key of [score], [robustness], [diff] or [history] for that command only.
std::span<const ConfigKey> config_keys();
// The option of `command` a key stands for: "--NAME", "paths" (the operands), "--report".
std::string option_of(const ConfigKey& key);
// "score.format", "fail-under".
std::string qualified_name(const ConfigKey& key);

// What the config file set for a command, once applied (ConfigOption::apply).
class ProjectSettings {
public:
    ProjectSettings() = default;
    ProjectSettings(ProjectConfig config, std::string name, std::filesystem::path folder,
                    std::filesystem::path working_folder);

    // The config file as messages name it ("aijri.toml", "../aijri.toml"); "" for none.
    const std::string& file() const { return m_file; }
    const ProjectConfig* config() const { return m_config ? &*m_config : nullptr; }
    // Where the key's value came from, for a key the file sets: "aijri.toml:9:1", or ""
    // when the command line set it (or nothing did).
    std::string origin_of(const ConfigKey& key) const;
    std::string origin_of(std::string_view qualified_name) const;
    // The texts of a value as the command takes them: paths made relative to the working
    // folder (the file names them relative to its own folder).
    std::vector<std::string> texts_of(const ConfigValue& value) const;
    // The gates for `file` (as the walk names it): `gates` with the [[thresholds]] entries
    // that match it laid over them (gates_for() in config.hpp).
    Gates gates_for(std::string_view file, const Gates& gates) const;
    bool has_thresholds() const { return m_config && !m_config->thresholds.empty(); }

    // Marks the key as set on the command line (it keeps no origin).
    void set_by_command_line(const ConfigKey& key);

private:
    std::optional<ProjectConfig> m_config;
    std::string m_file;
    std::filesystem::path m_folder;                    // absolute, the config file's
    std::filesystem::path m_working_folder;            // absolute
    std::set<std::string, std::less<>> m_command_line; // keys the command line set
};

// --config FILE, --no-config.
struct ConfigOption {
    std::string file;
    bool none = false;
    void add_to(CLI::App& command);
    // The config file named, else the one found from the working folder upward, read and
    // checked; none with --no-config or when there is none. A bad file: exit 2, every problem
    // at its line and column.
    ProjectSettings load() const;
    // load(), then every option of `command` that the command line left unset takes the
    // file's value. Returns what was applied (kept in `settings` too).
    const ProjectSettings& apply(CLI::App& command);
    ProjectSettings settings;
};

} // namespace aijri::cli
