// `aijri config`: the settings the commands take from aijri.toml, each with where it came
// from, so that a gate that trips (or does not) can be traced to its line.
#include <algorithm>
#include <array>
#include <functional>
#include <memory>

#include <fmt/format.h>

#include "aijri/json/writer.hpp"
#include "aijri/model/zone.hpp"
#include "aijri/util/text.hpp"

#include "commands.hpp"
#include "common.hpp"
#include "project_config.hpp"
#include "write_output.hpp"

namespace aijri::cli {
namespace {

enum class ConfigFormat { text, json };
constexpr std::array<EnumName<ConfigFormat>, 2> k_config_format_names = {{
    {"text", ConfigFormat::text},
    {"json", ConfigFormat::json},
}};

struct ConfigCommandOptions {
    ConfigOption config;
    ConfigFormat format = ConfigFormat::text;
    std::string command; // list this command's settings, its arguments after it
};

bool is_list(const ConfigKey& key) {
    return key.kind == ConfigKind::string_list || key.kind == ConfigKind::assignments;
}

// One line of the listing: a key, its value (unset: none), and where the value came from.
struct Setting {
    std::string key;
    std::vector<std::string> value;
    std::string origin;
    bool list = false; // an array in JSON
};

// The option a key stands for, in the command it is for (the first that has it, for a
// top-level key): its default is the key's default.
const CLI::Option* option_for(const CLI::App& app, const ConfigKey& key) {
    for (const CLI::App* command : app.get_subcommands({})) {
        if (!key.table.empty() && command->get_name() != key.table) {
            continue;
        }
        if (const CLI::Option* option = command->get_option_no_throw(option_of(key))) {
            return option;
        }
    }
    return nullptr;
}

// What an option holds when neither the command line nor the file sets it.
std::vector<std::string> default_of(const CLI::Option* option, const ConfigKey& key) {
    if (option != nullptr && !option->get_default_str().empty()) {
        return {option->get_default_str()};
    }
    if (key.kind == ConfigKind::boolean) {
        return {"false"};
    }
    return {};
}

// Every key, as the file sets it or by default.
std::vector<Setting> settings_of(const CLI::App& app, const ProjectSettings& project) {
    std::vector<Setting> settings;
    for (const ConfigKey& key : config_keys()) {
        Setting s{qualified_name(key), {}, "default", is_list(key)};
        const ConfigValue* value =
            project.config() != nullptr ? project.config()->find(key.table, key.name) : nullptr;
        if (value != nullptr) {
            s.value = project.texts_of(*value);
            s.origin = project.origin_of(key);
        } else {
            s.value = default_of(option_for(app, key), key);
        }
        settings.push_back(std::move(s));
    }
    return settings;
}

// The keys `command` takes, as its command line (parsed, and the file applied) leaves them.
std::vector<Setting> command_settings(const CLI::App& command, const ProjectSettings& project) {
    std::vector<Setting> settings;
    for (const ConfigKey& key : config_keys()) {
        const CLI::Option* option = command.get_option_no_throw(option_of(key));
        if ((!key.table.empty() && key.table != command.get_name()) || option == nullptr) {
            continue;
        }
        Setting s{qualified_name(key), {}, "default", is_list(key)};
        if (const std::string origin = project.origin_of(key); !origin.empty()) {
            s.origin = origin;
        } else if (option->count() > 0) {
            s.origin = "command line";
        }
        s.value = option->count() > 0 ? option->results() : default_of(option, key);
        settings.push_back(std::move(s));
    }
    return settings;
}

// The command `aijri config COMMAND ARGS...` asks about, its arguments parsed as they would
// be (nothing runs), and the config file it would read applied.
std::vector<Setting> settings_for_command(CLI::App& config_command,
                                          const ConfigCommandOptions& options,
                                          ProjectSettings& project) {
    CLI::App& app = *config_command.get_parent();
    std::vector<std::string_view> names;
    CLI::App* target = nullptr;
    for (CLI::App* command : app.get_subcommands({})) {
        if (command->get_option_no_throw("--config") != nullptr && command != &config_command) {
            names.emplace_back(command->get_name());
            target = command->get_name() == options.command ? command : target;
        }
    }
    if (target == nullptr) {
        std::string message = fmt::format("\"{}\" is no command that reads aijri.toml (expected "
                                          "one of {})",
                                          sanitize(options.command), fmt::join(names, ", "));
        if (const auto near = closest_match(options.command, names)) {
            message += fmt::format("; did you mean \"{}\"?", *near);
        }
        fail_usage("config", message);
    }
    std::vector<std::string> arguments = config_command.remaining();
    std::reverse(arguments.begin(), arguments.end());
    // Parsed to be shown, not run: its callback only names it as the runner, which run()
    // no longer looks at (it runs a copy, this one).
    try {
        target->parse(arguments);
    } catch (const CLI::ParseError& e) {
        fail_usage("config", fmt::format("{}: {}", options.command, sanitize(e.what())));
    }
    // The command's own --config or --no-config, else config's.
    ConfigOption config = options.config;
    if (const CLI::Option* file = target->get_option("--config"); file->count() > 0) {
        config.file = file->results().front();
    }
    config.none = config.none || target->get_option("--no-config")->count() > 0;
    project = config.apply(*target);
    return command_settings(*target, project);
}

// A threshold's gates as settings: "fail-under", "50", "aijri.toml:11:1".
std::vector<Setting> gates_of(const Threshold& threshold) {
    std::vector<Setting> out;
    const Gates& g = threshold.gates;
    if (g.fail_under) {
        out.push_back({"fail-under", {to_decimal(*g.fail_under, 0, 6)}, g.fail_under.origin});
    }
    if (g.fail_on_zone) {
        out.push_back(
            {"fail-on-zone", {std::string(to_string(*g.fail_on_zone))}, g.fail_on_zone.origin});
    }
    if (g.fail_if_fragile) {
        out.push_back(
            {"fail-if-fragile", {std::to_string(*g.fail_if_fragile)}, g.fail_if_fragile.origin});
    }
    return out;
}

// The [[thresholds]] entries as lines of the listing: each entry's patterns, then its gates.
std::vector<Setting> threshold_lines(const ProjectSettings& project) {
    std::vector<Setting> lines;
    if (project.config() == nullptr) {
        return lines;
    }
    for (const Threshold& threshold : project.config()->thresholds) {
        lines.push_back({"[[thresholds]]", threshold.paths,
                         fmt::format("{}:{}:{}", project.file(), threshold.position.line,
                                     threshold.position.column),
                         true});
        for (Setting& gate : gates_of(threshold)) {
            gate.key = "  " + gate.key;
            lines.push_back(std::move(gate));
        }
    }
    return lines;
}

std::string source_line(const ConfigOption& option, const ProjectSettings& project) {
    if (option.none) {
        return "config file: none (--no-config)\n";
    }
    if (project.file().empty()) {
        return "config file: none (no aijri.toml in the working folder or above it, up to the "
               "root of its git repository)\n";
    }
    return fmt::format("config file: {}{}\n", sanitize(project.file()),
                       option.file.empty() ? "" : " (--config)");
}

std::string shown_value(const Setting& s) {
    return s.value.empty() ? std::string("-")
                           : sanitize(fmt::format("{}", fmt::join(s.value, ", ")));
}

// Three columns: key, value ("-" for none), where it came from.
std::string render_text(const std::string& header, const std::vector<Setting>& lines) {
    std::size_t key_width = 3;
    std::size_t value_width = 5;
    for (const Setting& s : lines) {
        key_width = std::max(key_width, s.key.size());
        value_width = std::max(value_width, display_width(shown_value(s)));
    }
    std::string out = header;
    out += fmt::format("{}  {}  from\n", pad("key", key_width), pad("value", value_width));
    for (const Setting& s : lines) {
        out += fmt::format("{}  {}  {}\n", pad(s.key, key_width), pad(shown_value(s), value_width),
                           sanitize(s.origin));
    }
    return out;
}

void write_setting(detail::JsonWriter& json, const Setting& s) {
    json.begin_object();
    json.key("key");
    json.string(s.key);
    json.key("value");
    if (s.value.empty()) {
        json.null();
    } else if (s.list) {
        json.begin_array();
        for (const std::string& text : s.value) {
            json.string(text);
        }
        json.end_array();
    } else {
        json.string(s.value.front());
    }
    json.key("origin");
    json.string(s.origin);
    json.end_object();
}

std::string render_json(const ProjectSettings& project, const std::vector<Setting>& settings) {
    std::string out;
    detail::JsonWriter json(out, 2);
    json.begin_object();
    json.key("file");
    if (project.file().empty()) {
        json.null();
    } else {
        json.string(project.file());
    }
    json.key("settings");
    json.begin_array();
    for (const Setting& s : settings) {
        write_setting(json, s);
    }
    json.end_array();
    json.key("thresholds");
    json.begin_array();
    if (project.config() != nullptr) {
        for (const Threshold& threshold : project.config()->thresholds) {
            json.begin_object();
            json.key("paths");
            json.begin_array();
            for (const std::string& pattern : threshold.paths) {
                json.string(pattern);
            }
            json.end_array();
            json.key("origin");
            json.string(fmt::format("{}:{}:{}", project.file(), threshold.position.line,
                                    threshold.position.column));
            json.key("gates");
            json.begin_array();
            for (const Setting& s : gates_of(threshold)) {
                write_setting(json, s);
            }
            json.end_array();
            json.end_object();
        }
    }
    json.end_array();
    json.end_object();
    return out + "\n";
}

int run_config(CLI::App& command, const ConfigCommandOptions& options) {
    ProjectSettings project;
    std::vector<Setting> settings;
    if (options.command.empty()) {
        project = ConfigOption(options.config).apply(command);
        settings = settings_of(*command.get_parent(), project);
    } else {
        settings = settings_for_command(command, options, project);
    }
    std::string text;
    if (options.format == ConfigFormat::json) {
        text = render_json(project, settings);
    } else {
        std::vector<Setting> lines = settings;
        for (Setting& line : threshold_lines(project)) {
            lines.push_back(std::move(line));
        }
        text = render_text(source_line(options.config, project), lines);
    }
    write_output("-", text);
    return k_exit_ok;
}

} // namespace

Runner setup_config(CLI::App& command) {
    auto options = std::make_shared<ConfigCommandOptions>();
    command
        .add_option("command", options->command,
                    "Show what this command would take, given its options and operands after "
                    "it (nothing runs)")
        ->type_name("COMMAND [ARGS...]");
    // Everything after COMMAND is that command's, not config's.
    command.prefix_command();
    options->config.add_to(command);
    add_format_option(command, options->format, k_config_format_names,
                      list_choices(k_config_format_names));
    command.footer(
        "Each key of aijri.toml, its value, and where it came from: the file's line and column,\n"
        "or default. With a command and its arguments, the settings that command would take,\n"
        "those of its command line marked \"command line\", which win over the file.\n\n"
        "Exit status:\n"
        "  0  the settings were printed\n"
        "  2  a bad aijri.toml (every problem at its line and column), an unknown COMMAND, or\n"
        "     an argument COMMAND would refuse\n\n"
        "Examples:\n"
        "  aijri config\n"
        "  aijri config --config ci/aijri.toml --format json\n"
        "  aijri config score --fail-under 30 assessments/");
    return [options, &command] { return run_config(command, *options); };
}

} // namespace aijri::cli
