#include "project_config.hpp"
#include <array>
#include <vector>

#include <fmt/format.h>

#include "aijri/io/file_source.hpp"
#include "aijri/io/input_format.hpp"
#include "aijri/report/batch.hpp"
#include "aijri/report/diff.hpp"
#include "aijri/report/history.hpp"
#include "aijri/robustness/robustness.hpp"
#include "aijri/util/text.hpp"

#include "batch_command.hpp"
#include "common.hpp"
#include "terminal.hpp"

namespace aijri::cli {
namespace {

// The names of a table of EnumName (enum_names.hpp), kept for the key table, which outlives
// everything.
template <const auto& Names>
std::span<const std::string_view> names_of() {
    static const std::vector<std::string_view> views = [] {
        std::vector<std::string_view> out;
        for (const auto& entry : Names) {
            out.push_back(entry.name);
        }
        return out;
    }();
    return views;
}

constexpr std::array<std::string_view, 2> k_gate_zones = {"Red", "Yellow"};

std::vector<ConfigKey> make_config_keys() {
    using K = ConfigKind;
    const auto max_bytes = static_cast<std::int64_t>(k_largest_max_bytes);
    return {
        // For every command that has the option.
        {"", "methodology", K::string, {}, {}, {}, ConfigPath::whole},
        {"", "paths", K::string_list, {}, {}, {}, ConfigPath::whole},
        {"", "jobs", K::integer, {}, 1, k_max_jobs},
        {"", "max-bytes", K::integer, {}, 1, max_bytes},
        {"", "input-format", K::choice, names_of<k_input_format_names>()},
        {"", "color", K::choice, names_of<k_color_choice_names>()},
        {"", "allow-empty", K::boolean},
        {"", "fail-under", K::number},
        {"", "fail-on-zone", K::choice, k_gate_zones},
        {"", "fail-if-fragile", K::integer, {}, 0, k_max_fragile_steps},
        // For one command.
        {"score", "format", K::choice, names_of<k_batch_format_names>()},
        {"score", "sort", K::choice, names_of<k_score_sort_names>()},
        {"score",
         "reports",
         K::assignments,
         names_of<k_batch_format_names>(),
         {},
         {},
         ConfigPath::after_equals},
        {"robustness", "format", K::choice, names_of<k_batch_format_names>()},
        {"robustness", "sort", K::choice, names_of<k_robustness_sort_names>()},
        {"robustness", "uncertainty", K::choice, names_of<k_uncertainty_model_names>()},
        {"robustness",
         "reports",
         K::assignments,
         names_of<k_batch_format_names>(),
         {},
         {},
         ConfigPath::after_equals},
        {"validate", "format", K::choice, names_of<k_validate_format_names>()},
        {"diff", "format", K::choice, names_of<k_diff_format_names>()},
        {"diff", "fail-on-zone-change", K::boolean},
        {"diff", "fail-on-drop", K::number, {}, 0},
        {"diff",
         "reports",
         K::assignments,
         names_of<k_diff_format_names>(),
         {},
         {},
         ConfigPath::after_equals},
        {"history", "format", K::choice, names_of<k_history_format_names>()},
    };
}

std::string relative_to(const std::filesystem::path& path, const std::filesystem::path& folder) {
    const std::filesystem::path relative = path.lexically_relative(folder);
    return relative.empty() ? path.string() : relative.string();
}

// Whether the command line names the input another way than the operands the file's `paths`
// stand for: --jsonl-input's stream, which refuses PATHs beside it, sets `paths` aside as
// PATHs named on the command line would.
bool input_named_otherwise(const ConfigKey& key, const CLI::App& command) {
    const CLI::Option* stream = command.get_option_no_throw("--jsonl-input");
    return key.name == "paths" && stream != nullptr && stream->count() > 0;
}

} // namespace

std::span<const ConfigKey> config_keys() {
    static const std::vector<ConfigKey> keys = make_config_keys();
    return keys;
}

std::string option_of(const ConfigKey& key) {
    if (key.name == "paths") {
        return "paths";
    }
    if (key.name == "reports") {
        return "--report";
    }
    return fmt::format("--{}", key.name);
}

std::string qualified_name(const ConfigKey& key) {
    return key.table.empty() ? std::string(key.name) : fmt::format("{}.{}", key.table, key.name);
}

ProjectSettings::ProjectSettings(ProjectConfig config, std::string name,
                                 std::filesystem::path folder, std::filesystem::path working_folder)
    : m_config(std::move(config)), m_file(std::move(name)), m_folder(std::move(folder)),
      m_working_folder(std::move(working_folder)) {}

std::string ProjectSettings::origin_of(const ConfigKey& key) const {
    return origin_of(qualified_name(key));
}

std::string ProjectSettings::origin_of(std::string_view name) const {
    if (!m_config || m_command_line.contains(name)) {
        return {};
    }
    for (const ConfigValue& value : m_config->values) {
        if (qualified_name(*value.key) == name) {
            return fmt::format("{}:{}:{}", m_file, value.position.line, value.position.column);
        }
    }
    return {};
}

void ProjectSettings::set_by_command_line(const ConfigKey& key) {
    m_command_line.insert(qualified_name(key));
}

std::vector<std::string> ProjectSettings::texts_of(const ConfigValue& value) const {
    std::vector<std::string> texts = value.texts;
    for (std::string& text : texts) {
        std::size_t start = 0;
        if (value.key->path == ConfigPath::none) {
            continue;
        }
        if (value.key->path == ConfigPath::after_equals) {
            start = std::min(text.find('='), text.size() - 1) + 1;
        }
        const std::filesystem::path named = text.substr(start);
        if (named.is_relative() && text.substr(start) != "-") {
            text = text.substr(0, start) +
                   relative_to((m_folder / named).lexically_normal(), m_working_folder);
        }
    }
    return texts;
}

Gates ProjectSettings::gates_for(std::string_view file, const Gates& gates) const {
    if (!has_thresholds() || file == "-" || file == "<stdin>") {
        return gates;
    }
    const std::filesystem::path path =
        (m_working_folder / std::filesystem::path(file)).lexically_normal();
    const std::string relative = path.lexically_relative(m_folder).generic_string();
    if (relative.empty() || relative.starts_with("..")) {
        return gates; // outside the config file's folder: no pattern can name it
    }
    return aijri::gates_for(m_config->thresholds, relative, gates);
}

void ConfigOption::add_to(CLI::App& command) {
    command
        .add_option("--config", file,
                    "Read settings from this file instead of the aijri.toml found from the "
                    "working folder upward")
        ->type_name("FILE");
    command.add_flag("--no-config", none, "Read no aijri.toml");
}

ProjectSettings ConfigOption::load() const {
    if (none) {
        if (!file.empty()) {
            throw Failure("aijri: --config and --no-config cannot be used together", k_exit_usage);
        }
        return {};
    }
    std::error_code error;
    const std::filesystem::path working_folder = std::filesystem::current_path(error);
    if (error) {
        throw Failure(fmt::format("aijri: the working folder: {}", error.message()), k_exit_usage);
    }
    std::filesystem::path path;
    std::string name = file;
    if (!file.empty()) {
        path = (working_folder / file).lexically_normal();
    } else if (const auto found = find_config_file(working_folder)) {
        path = *found;
        name = relative_to(path, working_folder);
    } else {
        return {};
    }
    FileBuffer buffer;
    if (const auto problem =
            load_file(file.empty() ? path.string() : file, k_default_max_bytes, buffer)) {
        throw Failure(fmt::format("aijri: {}: {}", sanitize(name), problem->message), k_exit_usage);
    }
    ConfigRead read = read_config(buffer.text(), name, config_keys());
    if (!read.config) {
        std::string message;
        for (const Diagnostic& d : read.diagnostics) {
            message += (message.empty() ? "" : "\n") + format_diagnostic_with_source(name, d);
        }
        throw Failure(message, k_exit_usage);
    }
    return ProjectSettings(std::move(*read.config), name, path.parent_path(), working_folder);
}

const ProjectSettings& ConfigOption::apply(CLI::App& command) {
    settings = load();
    const ProjectConfig* config = settings.config();
    if (config == nullptr) {
        return settings;
    }
    for (const ConfigValue& value : config->values) {
        const ConfigKey& key = *value.key;
        CLI::Option* option = command.get_option_no_throw(option_of(key));
        if ((!key.table.empty() && key.table != command.get_name()) || option == nullptr) {
            continue;
        }
        if (option->count() > 0 || input_named_otherwise(key, command)) {
            settings.set_by_command_line(key);
            continue;
        }
        for (std::string& text : settings.texts_of(value)) {
            option->add_result(std::move(text));
        }
        try {
            option->run_callback();
        } catch (const CLI::Error& e) {
            // The file's reader checks what each option checks: this is a safety net.
            throw Failure(fmt::format("{}: error: {}: {}", settings.origin_of(key),
                                      qualified_name(key), sanitize(e.what())),
                          k_exit_usage);
        }
    }
    return settings;
}

} // namespace aijri::cli
