#include "completions.hpp"
#include <string_view>

#include <fmt/format.h>

namespace aijri::cli {
namespace {

constexpr std::size_t k_longest_short_help = 80;

std::string generated_note(std::string_view shell) {
    return fmt::format("# {} completion for aijri, written by aijri-docgen from aijri's command "
                       "table\n# (src/cli/app.cpp) and each command's options: change the code, "
                       "not this file.\n",
                       shell);
}

// Every name of an option as typed: "-f --format".
std::vector<std::string> typed_names(const OptionDoc& option) {
    std::vector<std::string> names;
    for (const std::string& name : option.short_names) {
        names.push_back("-" + name);
    }
    for (const std::string& name : option.long_names) {
        names.push_back("--" + name);
    }
    return names;
}

std::string joined(const std::vector<std::string>& words, std::string_view separator = " ") {
    return fmt::format("{}", fmt::join(words, separator));
}

bool operands_take_files(const CommandDoc& command) {
    for (const OptionDoc& operand : command.operands) {
        if (operand.takes_file()) {
            return true;
        }
    }
    return false;
}

// The help up to its first ": " or "; " outside parentheses: "Colour the zones: auto, …" is
// "Colour the zones", while "(default: …)" stays whole.
std::string first_clause(const std::string& help) {
    int depth = 0;
    for (std::size_t i = 0; i + 1 < help.size(); ++i) {
        if (help[i] == '(') {
            ++depth;
        } else if (help[i] == ')' && depth > 0) {
            --depth;
        } else if (depth == 0 && (help[i] == ':' || help[i] == ';') && help[i + 1] == ' ') {
            return help.substr(0, i);
        }
    }
    return help;
}

// The text without its parenthesised asides (and the space before each): what is left of a
// help too long for a menu still says what the option is, and no parenthesis is left open.
std::string without_asides(const std::string& text) {
    std::string out;
    int depth = 0;
    for (const char c : text) {
        if (c == '(') {
            if (depth == 0 && !out.empty() && out.back() == ' ') {
                out.pop_back();
            }
            ++depth;
        } else if (c == ')' && depth > 0) {
            --depth;
        } else if (depth == 0) {
            out += c;
        }
    }
    return out;
}

// ---- bash ----------------------------------------------------------------------------------

// The `case` branch of one command: the value of the option before the cursor, else nothing
// (the options and operands are completed after the case).
std::string bash_command_case(const CommandDoc& command) {
    std::vector<std::string> option_words;
    std::string values;
    std::vector<std::string> file_options;
    std::vector<std::string> other_options;
    for (const OptionDoc& option : command.options) {
        const std::vector<std::string> names = typed_names(option);
        option_words.insert(option_words.end(), names.begin(), names.end());
        if (option.value_name.empty()) {
            continue;
        }
        if (!option.choices.empty()) {
            values += fmt::format("                {}) _aijri_words \"{}\"; return ;;\n",
                                  joined(names, "|"), joined(option.choices));
        } else if (!option.keys.empty()) {
            // Its keys, then (after KEY=) a file name, or nothing a list holds.
            values += fmt::format("                {}) if [[ -n $key ]]; then {}; else _aijri_keys "
                                  "\"{}\"; fi; return ;;\n",
                                  joined(names, "|"), option.takes_file() ? "_aijri_files" : ":",
                                  joined(option.keys));
        } else if (option.takes_file()) {
            file_options.insert(file_options.end(), names.begin(), names.end());
        } else {
            other_options.insert(other_options.end(), names.begin(), names.end());
        }
    }
    if (!file_options.empty()) {
        values +=
            fmt::format("                {}) _aijri_files; return ;;\n", joined(file_options, "|"));
    }
    if (!other_options.empty()) {
        values += fmt::format("                {}) return ;; # a value no list holds\n",
                              joined(other_options, "|"));
    }
    return fmt::format("        {})\n"
                       "            options=\"{}\"\n"
                       "            operand_files={}\n"
                       "            case $option in\n"
                       "{}"
                       "            esac\n"
                       "            ;;\n",
                       command.name, joined(option_words), operands_take_files(command) ? 1 : 0,
                       values);
}

// ---- zsh -----------------------------------------------------------------------------------

// Text inside single quotes, in an _arguments description ([…]) or message (:…:).
std::string zsh_quoted(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '\'') {
            out += "'\\''";
        } else if (c == '[' || c == ']' || c == ':' || c == '\\') {
            out += '\\';
            out += c;
        } else {
            out += c;
        }
    }
    return out;
}

std::string zsh_action(const OptionDoc& option) {
    if (!option.choices.empty()) {
        return "(" + joined(option.choices) + ")";
    }
    if (!option.keys.empty()) {
        // KEY=VALUE: the keys, each with '=' and no space after it; past the '=', the value.
        return fmt::format("{{if compset -P \"*=\"; then {}; else compadd -S = -- {}; fi}}",
                           option.takes_file() ? "_files" : "_message value", joined(option.keys));
    }
    return option.takes_file() ? "_files" : " ";
}

// One _arguments spec: '(-f --format)'{-f,--format=}'[Output format]:FORMAT:(text json)'.
std::string zsh_option_spec(const OptionDoc& option) {
    std::vector<std::string> names;
    for (const std::string& name : option.short_names) {
        names.push_back("-" + name);
    }
    for (const std::string& name : option.long_names) {
        // "--format=": the value after '=' or as the next word, as CLI11 takes both.
        names.push_back("--" + name + (option.value_name.empty() ? "" : "="));
    }
    std::string exclusions;
    if (option.exits) {
        exclusions = "'(- *)'";
    } else if (!option.repeatable) {
        exclusions = "'(" + joined(typed_names(option)) + ")'";
    } else {
        exclusions = "'*'";
    }
    const std::string spelled = names.size() == 1 ? names.front() : "{" + joined(names, ",") + "}";
    std::string spec = exclusions + spelled + "'[" + zsh_quoted(short_help(option.help)) + "]";
    if (!option.value_name.empty()) {
        spec += ":" + zsh_quoted(option.value_name) + ":" + zsh_action(option);
    }
    return spec + "'";
}

std::string zsh_operand_spec(const OptionDoc& operand) {
    const std::string action = operand.takes_file() ? "_files" : " ";
    return fmt::format("'{}:{}:{}'", operand.repeatable ? "*" : ":", zsh_quoted(operand.value_name),
                       action);
}

std::string zsh_command_function(const CommandDoc& command) {
    std::vector<std::string> specs;
    for (const OptionDoc& option : command.options) {
        specs.push_back(zsh_option_spec(option));
    }
    for (const OptionDoc& operand : command.operands) {
        specs.push_back(zsh_operand_spec(operand));
    }
    return fmt::format("_aijri_{}() {{\n    _arguments -s -S \\\n        {}\n}}\n\n", command.name,
                       joined(specs, " \\\n        "));
}

// ---- fish ----------------------------------------------------------------------------------

std::string fish_quoted(std::string_view text) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + "'";
}

std::string fish_option_line(const std::string& condition, const OptionDoc& option) {
    std::string line = "complete -c aijri -n " + fish_quoted(condition);
    for (const std::string& name : option.short_names) {
        line += " -s " + name;
    }
    for (const std::string& name : option.long_names) {
        line += " -l " + name;
    }
    if (!option.choices.empty()) {
        line += " -x -a " + fish_quoted(joined(option.choices));
    } else if (!option.keys.empty()) {
        line += " -x -a " + fish_quoted(fmt::format("(__aijri_keyed_value {} {})",
                                                    option.takes_file() ? "files" : "none",
                                                    joined(option.keys)));
    } else if (option.takes_file()) {
        line += " -r -F";
    } else if (!option.value_name.empty()) {
        line += " -x";
    }
    return line + " -d " + fish_quoted(short_help(option.help)) + "\n";
}

} // namespace

std::string short_help(const std::string& help) {
    std::string text = first_clause(help);
    if (text.size() > k_longest_short_help) {
        text = without_asides(text);
    }
    if (text.size() > k_longest_short_help) {
        const std::size_t space = text.rfind(' ', k_longest_short_help - 3);
        text =
            text.substr(0, space == std::string::npos ? k_longest_short_help - 3 : space) + "...";
    }
    return text;
}

std::string bash_completion(const ProgramDoc& program) {
    std::vector<std::string> command_names;
    std::string cases;
    for (const CommandDoc& command : program.commands) {
        command_names.push_back(command.name);
        cases += bash_command_case(command);
    }
    std::vector<std::string> program_options;
    for (const OptionDoc& option : program.program.options) {
        const std::vector<std::string> names = typed_names(option);
        program_options.insert(program_options.end(), names.begin(), names.end());
    }
    return generated_note("bash") + fmt::format(R"(
# The words of $1 that start with the word being completed.
_aijri_words() {{
    mapfile -t COMPREPLY < <(compgen -W "$1" -- "$cur")
}}

# The words of $1 that start with the word being completed, each with '=' after it and no
# space: the keys of a KEY=VALUE value, whose value follows.
_aijri_keys() {{
    compopt -o nospace 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -W "$1" -S "=" -- "$cur")
}}

# File and folder names that start with the word being completed.
_aijri_files() {{
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}}

_aijri() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} cword=$COMP_CWORD
    # The option whose value is being completed: "--format json", or "--format=json", which
    # bash splits into "--format" "=" "json" ('=' is in COMP_WORDBREAKS).
    local at
    if [[ $cur == "=" ]]; then
        at=$(( cword - 1 ))
        cur=""
    elif [[ ${{COMP_WORDS[cword-1]}} == "=" ]]; then
        at=$(( cword - 2 ))
    else
        at=$(( cword - 1 ))
    fi
    local option="" key=""
    (( at > 0 )) && option=${{COMP_WORDS[at]}}
    # A KEY=VALUE value, "--report json=FILE" (or "--report=json=FILE"): the option is the
    # word before the key, and the word being completed is the VALUE.
    if (( at > 1 )) && [[ $option != -* && ${{COMP_WORDS[at+1]}} == "=" ]]; then
        local before=$(( at - 1 ))
        [[ ${{COMP_WORDS[before]}} == "=" ]] && before=$(( before - 1 ))
        if [[ ${{COMP_WORDS[before]}} == -* ]]; then
            key=$option
            option=${{COMP_WORDS[before]}}
        fi
    fi
    # The command: the first word after aijri's own options (which take no value).
    local command="" i
    for (( i = 1; i < cword; i++ )); do
        if [[ ${{COMP_WORDS[i]}} != -* ]]; then
            command=${{COMP_WORDS[i]}}
            break
        fi
    done
    COMPREPLY=()
    local options="" operand_files=0
    case $command in
        "")
            if [[ $cur == -* ]]; then
                _aijri_words "{}"
            else
                _aijri_words "{}"
            fi
            return
            ;;
{}        *)
            return
            ;;
    esac
    if [[ $cur == -* ]]; then
        _aijri_words "$options"
    elif (( operand_files )); then
        _aijri_files
    fi
}}

complete -F _aijri aijri
)",
                                                joined(program_options), joined(command_names),
                                                cases);
}

std::string zsh_completion(const ProgramDoc& program) {
    std::string functions;
    std::string dispatch;
    std::string described;
    for (const CommandDoc& command : program.commands) {
        functions += zsh_command_function(command);
        dispatch += fmt::format("                {0}) _aijri_{0} ;;\n", command.name);
        described += fmt::format("                '{}:{}'\n", zsh_quoted(command.name),
                                 zsh_quoted(command.summary));
    }
    std::vector<std::string> program_specs;
    for (const OptionDoc& option : program.program.options) {
        program_specs.push_back(zsh_option_spec(option));
    }
    return "#compdef aijri\n" + generated_note("zsh") + "\n" + functions +
           fmt::format(R"(_aijri() {{
    local curcontext=$curcontext state line
    typeset -A opt_args
    _arguments -C \
        {} \
        '1:command:->command' \
        '*::argument:->argument'
    case $state in
        command)
            local -a commands
            commands=(
{}            )
            _describe -t commands 'aijri command' commands
            ;;
        argument)
            case $words[1] in
{}            esac
            ;;
    esac
}}

_aijri "$@"
)",
                       joined(program_specs, " \\\n        "), described, dispatch);
}

// The value of a KEY=VALUE option, in fish: the keys, each with '=' after it; past the '=',
// file names after the key when the value is one ("files"), else nothing.
constexpr const char* k_fish_keyed_value = R"(
# The value of a KEY=VALUE option (--report FORMAT=FILE): its keys (the arguments after the
# first), each with '=' after it; past the '=', file names when the first argument is "files".
function __aijri_keyed_value
    set -l token (string replace -r -- '^--[^=]*=' '' (commandline -ct))
    if string match -q -- '*=*' $token
        set -l parts (string split -m 1 -- = $token)
        test $argv[1] = files; and __fish_complete_path $parts[2] | string replace -r -- '^' "$parts[1]="
    else
        printf '%s=\n' $argv[2..]
    end
end
)";

std::string fish_completion(const ProgramDoc& program) {
    std::string out = generated_note("fish") +
                      "\n# No file names but where a value or an "
                      "operand is one.\ncomplete -c aijri -f\n" +
                      k_fish_keyed_value + "\n";
    const std::string no_command = "__fish_use_subcommand";
    for (const OptionDoc& option : program.program.options) {
        out += fish_option_line(no_command, option);
    }
    for (const CommandDoc& command : program.commands) {
        out += fmt::format("complete -c aijri -n {} -a {} -d {}\n", no_command, command.name,
                           fish_quoted(short_help(command.summary)));
    }
    for (const CommandDoc& command : program.commands) {
        const std::string condition = "__fish_seen_subcommand_from " + command.name;
        out += "\n";
        for (const OptionDoc& option : command.options) {
            out += fish_option_line(condition, option);
        }
        if (operands_take_files(command)) {
            out += "complete -c aijri -n " + fish_quoted(condition) + " -F\n";
        }
    }
    return out;
}

} // namespace aijri::cli
