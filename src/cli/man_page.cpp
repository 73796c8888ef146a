#include "man_page.hpp"
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "aijri/util/utf8.hpp"

namespace aijri::cli {
namespace {

constexpr const char* k_generated_note =
    ".\\\" Written by aijri-docgen from aijri's command table (src/cli/app.cpp) and each\n"
    ".\\\" command's options: change the code, not this page.\n";

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

std::string bold(std::string_view text) {
    return "\\fB" + roff_escape(text) + "\\fR";
}

std::string italic(std::string_view text) {
    return "\\fI" + roff_escape(text) + "\\fR";
}

// A line of text that roff fills: guarded where it would start with a control character.
std::string text_line(std::string_view text) {
    const std::string escaped = roff_escape(text);
    if (!escaped.empty() && (escaped.front() == '.' || escaped.front() == '\'')) {
        return "\\&" + escaped + "\n";
    }
    return escaped + "\n";
}

std::string header(const std::string& name, const ProgramDoc& program) {
    return fmt::format("{}.TH {} 1 \"\" \"aijri {}\" \"aijri manual\"\n", k_generated_note,
                       roff_escape(upper(name)), roff_escape(program.version));
}

std::string name_section(const std::string& name, std::string_view summary) {
    return ".SH NAME\n" + roff_escape(name) + " \\- " + roff_escape(summary) + "\n";
}

// "[OPTIONS] [PATH...]": a required operand bare, an optional one in brackets, "..." where it
// repeats.
std::string synopsis_operands(const CommandDoc& command) {
    std::string out = command.options.empty() ? "" : "[" + italic("OPTIONS") + "]";
    for (const OptionDoc& operand : command.operands) {
        const std::string shape = italic(operand.value_name) + (operand.repeatable ? "..." : "");
        out += " " + (operand.required ? shape : "[" + shape + "]");
    }
    return out + "\n";
}

std::string option_heading(const OptionDoc& option) {
    std::string out;
    for (const std::string& name : option.short_names) {
        out += (out.empty() ? "" : ", ") + bold("-" + name);
    }
    for (const std::string& name : option.long_names) {
        out += (out.empty() ? "" : ", ") + bold("--" + name);
    }
    if (out.empty()) {
        return italic(option.value_name) + (option.repeatable ? "..." : "");
    }
    if (!option.value_name.empty()) {
        out += " " + italic(option.value_name);
    }
    return out;
}

// "FORMAT is one of text, json, …."
std::string one_of_note(std::string_view name, const std::vector<std::string>& values) {
    std::string listed;
    for (const std::string& value : values) {
        listed += (listed.empty() ? "" : ", ") + bold(value);
    }
    return italic(name) + " is one of " + listed + ".";
}

std::string option_entry(const OptionDoc& option) {
    std::string out = ".TP\n" + option_heading(option) + "\n" + text_line(option.help);
    std::vector<std::string> notes;
    if (!option.choices.empty()) {
        notes.push_back(one_of_note(option.value_name, option.choices));
    }
    if (!option.keys.empty()) {
        notes.push_back(one_of_note(option.key_name(), option.keys));
    }
    if (!option.default_value.empty()) {
        notes.push_back("Default: " + bold(option.default_value) + ".");
    }
    if (!notes.empty()) {
        out += fmt::format(".IP\n{}\n", fmt::join(notes, " "));
    }
    return out;
}

std::string options_section(const CommandDoc& command) {
    std::string out = ".SH OPTIONS\n";
    for (const OptionDoc& operand : command.operands) {
        out += option_entry(operand);
    }
    for (const OptionDoc& option : command.options) {
        out += option_entry(option);
    }
    return out;
}

// Paragraphs of prose, filled by roff; an empty line starts a new one.
std::string prose(const std::vector<std::string>& lines) {
    std::string out;
    bool paragraph_open = false;
    for (const std::string& line : lines) {
        if (line.empty()) {
            paragraph_open = false;
            continue;
        }
        if (!paragraph_open) {
            out += ".PP\n";
            paragraph_open = true;
        }
        out += text_line(line);
    }
    return out;
}

std::string description_section(std::string_view summary, const FooterDoc& footer) {
    std::string out = ".SH DESCRIPTION\n" + text_line(std::string(summary) + ".");
    return out + prose(footer.prose);
}

std::string exit_status_section(const std::vector<ExitStatusDoc>& entries) {
    if (entries.empty()) {
        return {};
    }
    std::string out = ".SH EXIT STATUS\n";
    for (const ExitStatusDoc& entry : entries) {
        out += ".TP\n" + bold(entry.code) + "\n" + text_line(entry.meaning);
    }
    return out;
}

// Examples as typed: not filled, each on its line.
std::string examples_section(const std::vector<std::string>& examples) {
    if (examples.empty()) {
        return {};
    }
    std::string out = ".SH EXAMPLES\n.PP\n.RS 4\n.nf\n";
    for (const std::string& example : examples) {
        out += text_line(example);
    }
    return out + ".fi\n.RE\n";
}

std::string see_also_section(const std::string& self, const ProgramDoc& program) {
    std::vector<std::string> pages{program.program.name};
    for (const CommandDoc& command : program.commands) {
        pages.push_back(command_page_name(command, program));
    }
    std::vector<std::string> references;
    for (const std::string& page : pages) {
        if (page != self) {
            references.push_back(bold(page) + "(1)");
        }
    }
    return ".SH SEE ALSO\n" + fmt::format("{}\n", fmt::join(references, ",\n"));
}

} // namespace

std::string roff_escape(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const detail::Utf8Char c = detail::utf8_char_at(text, i);
        if (c.length == 0) {
            out += "\\[uFFFD]"; // not UTF-8: the replacement character, never a raw byte
            i += 1;
            continue;
        }
        if (c.code_point == '\\') {
            out += "\\e";
        } else if (c.code_point == '-') {
            out += "\\-";
        } else if (c.code_point >= 0x80) {
            out += fmt::format("\\[u{:04X}]", c.code_point);
        } else {
            out += static_cast<char>(c.code_point);
        }
        i += c.length;
    }
    return out;
}

std::string command_page_name(const CommandDoc& command, const ProgramDoc& program) {
    return program.program.name + "-" + command.name;
}

std::string program_man_page(const ProgramDoc& program) {
    const CommandDoc& self = program.program;
    // The program's help opens "aijri: scores …": NAME gives the name once.
    std::string summary = self.summary;
    if (summary.rfind(self.name + ": ", 0) == 0) {
        summary.erase(0, self.name.size() + 2);
    }
    std::string out = header(self.name, program) + name_section(self.name, summary);
    out += ".SH SYNOPSIS\n" + bold(self.name) + " [" + italic("OPTIONS") + "] " +
           italic("COMMAND") + " [" + italic("ARGS") + "...]\n";
    out += description_section(summary, self.footer);
    out += ".SH COMMANDS\n";
    for (const CommandDoc& command : program.commands) {
        out += ".TP\n" + bold(self.name + " " + command.name) + "\n" + text_line(command.summary) +
               ".IP\nSee " + bold(command_page_name(command, program)) + "(1).\n";
    }
    out += options_section(self);
    out += exit_status_section(self.footer.exit_status);
    out += examples_section(self.footer.examples);
    return out + see_also_section(self.name, program);
}

std::string command_man_page(const CommandDoc& command, const ProgramDoc& program) {
    const std::string name = command_page_name(command, program);
    std::string out = header(name, program) + name_section(name, command.summary);
    out += ".SH SYNOPSIS\n" + bold(program.program.name + " " + command.name) + " " +
           synopsis_operands(command);
    out += description_section(command.summary, command.footer);
    out += options_section(command);
    out += exit_status_section(exit_status_of(command, program));
    out += examples_section(command.footer.examples);
    return out + see_also_section(name, program);
}

} // namespace aijri::cli
