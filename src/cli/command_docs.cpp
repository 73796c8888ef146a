#include "command_docs.hpp"
#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "common.hpp"

namespace aijri::cli {
namespace {

// The words of a value name that say it is a file or a folder: FILE, PATH, DOC, REF (a
// schema's path) and diff's OLD NEW.
constexpr std::array<std::string_view, 6> k_file_words = {"FILE", "PATH", "DOC",
                                                          "REF",  "OLD",  "NEW"};

OptionDoc describe_option(CLI::Option& option) {
    OptionDoc doc;
    doc.short_names = option.get_snames();
    doc.long_names = option.get_lnames();
    doc.help = option.get_description();
    if (option.get_type_size_max() > 0) {
        // The type name as declared (->type_name), without the descriptions CLI11 appends
        // for the validators.
        doc.value_name = option.get_type_name();
        doc.value_name = doc.value_name.substr(0, doc.value_name.find(':'));
        if (doc.value_name.empty()) {
            doc.value_name = option.get_name(/*positional=*/true);
        }
        doc.default_value = option.get_default_str();
        doc.choices = choices_of(option);
        doc.keys = keys_of(option);
    }
    doc.repeatable = option.get_items_expected_max() > 1;
    doc.required = option.get_required();
    return doc;
}

bool is_indented(const std::string& line) {
    return !line.empty() && std::isspace(static_cast<unsigned char>(line.front())) != 0;
}

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// "  1  an assessment is invalid" starts an entry; an indented line that does not start
// with a code continues the one before.
void add_exit_status_line(std::vector<ExitStatusDoc>& entries, const std::string& line) {
    const std::string text = trim(line);
    const auto code_end = text.find_first_not_of("0123456789");
    if (code_end != 0 && code_end != std::string::npos) {
        entries.push_back({text.substr(0, code_end), trim(text.substr(code_end))});
    } else if (!entries.empty()) {
        entries.back().meaning += " " + text;
    }
}

CommandDoc describe_command(CLI::App& app, const std::string& name) {
    CommandDoc doc;
    doc.name = name;
    doc.summary = app.get_description();
    for (CLI::Option* option : app.get_options()) {
        if (option->get_group().empty()) {
            continue; // hidden from --help: hidden here too
        }
        OptionDoc described = describe_option(*option);
        described.exits = option == app.get_help_ptr() || option == app.get_version_ptr();
        (option->nonpositional() ? doc.options : doc.operands).push_back(std::move(described));
    }
    doc.footer = split_footer(app.get_footer());
    return doc;
}

} // namespace

std::string OptionDoc::names() const {
    std::string out;
    for (const std::string& name : short_names) {
        out += (out.empty() ? "-" : ", -") + name;
    }
    for (const std::string& name : long_names) {
        out += (out.empty() ? "--" : ", --") + name;
    }
    return out.empty() ? value_name : out;
}

bool OptionDoc::takes_file() const {
    std::string word;
    for (std::size_t i = 0; i <= value_name.size(); ++i) {
        if (i < value_name.size() && std::isalnum(static_cast<unsigned char>(value_name[i]))) {
            word += value_name[i];
            continue;
        }
        if (std::find(k_file_words.begin(), k_file_words.end(), word) != k_file_words.end()) {
            return true;
        }
        word.clear();
    }
    return false;
}

std::string OptionDoc::key_name() const {
    return value_name.substr(0, value_name.find('='));
}

FooterDoc split_footer(const std::string& footer) {
    enum class Section { prose, examples, exit_status };
    FooterDoc doc;
    Section section = Section::prose;
    std::string_view rest = footer;
    while (!rest.empty()) {
        const std::size_t end = std::min(rest.find('\n'), rest.size());
        const std::string line(rest.substr(0, end));
        rest.remove_prefix(std::min(end + 1, rest.size()));
        if (line == "Examples:" || line == "Example:") {
            section = Section::examples;
        } else if (line == "Exit status:") {
            section = Section::exit_status;
        } else if (section == Section::examples && is_indented(line)) {
            doc.examples.push_back(trim(line));
        } else if (section == Section::exit_status && is_indented(line)) {
            add_exit_status_line(doc.exit_status, line);
        } else if (section != Section::prose && line.empty()) {
            continue; // the blank line that closes a section
        } else {
            if (section != Section::prose && !doc.prose.empty() && !doc.prose.back().empty()) {
                doc.prose.emplace_back(); // prose after a section is a paragraph of its own
            }
            section = Section::prose;
            doc.prose.push_back(line);
        }
    }
    while (!doc.prose.empty() && doc.prose.back().empty()) {
        doc.prose.pop_back();
    }
    return doc;
}

ProgramDoc describe_program(CLI::App& app, const std::string& version) {
    ProgramDoc doc;
    doc.version = version;
    doc.program = describe_command(app, app.get_name());
    for (CLI::App* command : app.get_subcommands({})) {
        doc.commands.push_back(describe_command(*command, command->get_name()));
    }
    return doc;
}

const std::vector<ExitStatusDoc>& exit_status_of(const CommandDoc& command,
                                                 const ProgramDoc& program) {
    return command.footer.exit_status.empty() ? program.program.footer.exit_status
                                              : command.footer.exit_status;
}

} // namespace aijri::cli
