#include "common.hpp"
#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <sys/stat.h>
#include <thread>

#include <fmt/format.h>

#include "aijri/io/file_source.hpp"
#include "aijri/util/text.hpp"

#include "console.hpp"

namespace aijri::cli {

std::string version_line() {
    return fmt::format("aijri {} (methodology {})", AIJRI_VERSION, builtin_methodology().name);
}

std::string working_dir() {
    std::error_code error;
    const std::filesystem::path here = std::filesystem::current_path(error);
    return error ? std::string() : here.generic_string();
}

void fail_usage(const std::string& command, const std::string& message) {
    throw Failure(
        fmt::format("aijri {0}: {1}\nRun `aijri {0} --help` for usage.", command, message),
        k_exit_usage);
}

void MethodologyOption::add_to(CLI::App& app) {
    add_methodology_option(app, "--methodology", file,
                           "Methodology definition to score with (default: the embedded aijri-1; "
                           "`aijri methodology` prints it as a starting point)");
}

void add_methodology_option(CLI::App& app, const std::string& name, std::string& file,
                            const std::string& help) {
    app.add_option(name, file, help)->type_name("FILE");
}

Methodology MethodologyOption::load() const {
    if (file.empty()) {
        return builtin_methodology();
    }
    FileBuffer buffer;
    if (const auto problem = load_file(file, k_default_max_bytes, buffer)) {
        throw Failure(fmt::format("aijri: {}: {}", file, problem->message), k_exit_usage);
    }
    MethodologyLoad load = read_methodology(buffer.text());
    if (!load.methodology) {
        std::string message;
        for (const Diagnostic& d : load.diagnostics) {
            message += (message.empty() ? "" : "\n") + format_diagnostic_with_source(file, d);
        }
        throw Failure(message, k_exit_usage);
    }
    return *load.methodology;
}

CLI::Validator whole_number(std::int64_t min, std::int64_t max) {
    // The text is checked before CLI11 converts it: CLI11 reads "-5" into an unsigned as
    // 2^64 - 5, and "1e3" or "" would get its own wording.
    return CLI::Validator(
        [min, max](std::string& text) -> std::string {
            std::int64_t value = 0;
            const char* end = text.data() + text.size();
            const auto [ptr, error] = std::from_chars(text.data(), end, value);
            if (text.empty() || error != std::errc() || ptr != end || value < min || value > max) {
                return fmt::format("expected a whole number from {} to {}, found \"{}\"", min, max,
                                   sanitize(text));
            }
            return {};
        },
        "", "whole number");
}

namespace {
// A validator records the values it takes in its name: this prefix, then the values,
// separated by a character no value holds. choices_of() and keys_of() read them back.
constexpr std::string_view k_one_of = "one of:";
constexpr std::string_view k_keyed_by = "keyed by:";
constexpr char k_choice_separator = '|';

std::string recorded(std::string_view kind, const std::vector<std::string>& values) {
    return std::string(kind) +
           fmt::format("{}", fmt::join(values, std::string(1, k_choice_separator)));
}

// The values that a validator of `option` recorded under `kind`, in their order; none when no
// validator did.
std::vector<std::string> recorded_in(CLI::Option& option, std::string_view kind) {
    for (int i = 0;; ++i) {
        const CLI::Validator* validator = nullptr;
        try {
            validator = option.get_validator(i);
        } catch (const CLI::OptionNotFound&) {
            return {}; // CLI11 2.1 has no count of validators: the index ran past the last
        }
        const std::string& name = validator->get_name();
        if (name.rfind(kind, 0) != 0) {
            continue;
        }
        std::vector<std::string> values;
        std::size_t start = kind.size();
        while (start <= name.size()) {
            const std::size_t end = std::min(name.find(k_choice_separator, start), name.size());
            values.push_back(name.substr(start, end - start));
            start = end + 1;
        }
        return values;
    }
}
} // namespace

CLI::Validator one_of(std::vector<std::string> choices) {
    std::string name = recorded(k_one_of, choices);
    return CLI::Validator(
        [choices = std::move(choices)](std::string& text) -> std::string {
            for (const std::string& choice : choices) {
                if (choice.size() == text.size() &&
                    std::equal(choice.begin(), choice.end(), text.begin(), [](char a, char b) {
                        return std::tolower(static_cast<unsigned char>(a)) ==
                               std::tolower(static_cast<unsigned char>(b));
                    })) {
                    text = choice;
                    return {};
                }
            }
            std::string message = "expected one of ";
            std::vector<std::string_view> views;
            for (const std::string& choice : choices) {
                message += (views.empty() ? "" : ", ") + choice;
                views.emplace_back(choice);
            }
            message += fmt::format(", found \"{}\"", sanitize(text));
            if (const auto near = closest_match(text, views)) {
                message += fmt::format("; did you mean \"{}\"?", *near);
            }
            return message;
        },
        "", std::move(name));
}

std::vector<std::string> choices_of(CLI::Option& option) {
    return recorded_in(option, k_one_of);
}

std::string keyed_by(const std::vector<std::string>& keys) {
    return recorded(k_keyed_by, keys);
}

std::vector<std::string> keys_of(CLI::Option& option) {
    return recorded_in(option, k_keyed_by);
}

std::string join_choices(const std::vector<std::string>& names,
                         const std::map<std::string, std::string>& notes, const std::string& last) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) {
            out += i + 1 == names.size() ? last : ", ";
        }
        out += names[i];
        if (const auto note = notes.find(names[i]); note != notes.end()) {
            out += " (" + note->second + ")";
        }
    }
    return out;
}

void SetOption::add_to(CLI::App& app) {
    app.add_option("--set", texts,
                   "Score the role with an input set to VALUE, its file untouched (repeatable): "
                   "POINTER is /tasks/N/score, /tasks/N/time_pct, /evidence/KEY/score, "
                   "/barriers/KEY/score, /protective_principles/KEY/score or "
                   "/growth_correlation/score; the report adds what the edits change")
        ->type_name("POINTER=VALUE")
        ->allow_extra_args(false);
}

std::vector<InputSetting> SetOption::edits() const {
    std::vector<InputSetting> edits;
    for (const std::string& text : texts) {
        const auto fail = [&](const std::string& why) {
            throw Failure(fmt::format("aijri: --set {}: {}", sanitize(text), why), k_exit_usage);
        };
        const auto equals = text.find('=');
        if (equals == std::string::npos) {
            fail("expected POINTER=VALUE, such as /tasks/1/score=4, found no \"=\"");
        }
        const std::string pointer = text.substr(0, equals);
        const std::string value = text.substr(equals + 1);
        if (pointer.empty() || pointer.front() != '/') {
            fail(fmt::format("expected a JSON pointer before \"=\", such as /tasks/1/score, "
                             "found \"{}\"",
                             sanitize(pointer)));
        }
        const ParsedNumber number = parse_json_number(value);
        if (number.problem == NumberProblem::not_a_json_number) {
            fail(fmt::format("expected a number after \"=\", such as 4 or 12.5, found \"{}\"",
                             sanitize(value)));
        }
        if (number.problem == NumberProblem::out_of_range) {
            fail(fmt::format("{} is out of range (at most 18 digits before and 18 after the "
                             "decimal point)",
                             sanitize(value)));
        }
        edits.push_back(InputSetting{pointer, number.literal});
    }
    return edits;
}

void InputFormatOption::add_to(CLI::App& app) {
    add_choice_option(
        app, "--input-format", value, k_input_format_names,
        "How files are read: " +
            list_choices(k_input_format_names,
                         {{"auto", "*.json as JSON, *.md and *.markdown as documents, folders "
                                   "walked for both; other names by content"},
                          {"markdown", "every file as one kind; folders walked for that kind "
                                       "only"}}),
        "FORMAT");
}

void add_max_bytes_option(CLI::App& app, std::size_t& max_bytes) {
    app.add_option("--max-bytes", max_bytes,
                   "Refuse files (and --jsonl-input lines) larger than N bytes, from their size, "
                   "before reading them (1 to 1099511627776, 1 TiB)")
        ->type_name("N")
        ->check(whole_number(1, static_cast<std::int64_t>(k_largest_max_bytes)))
        ->capture_default_str();
}

void add_jobs_option(CLI::App& app, unsigned& jobs, const std::string& what) {
    app.add_option("-j,--jobs", jobs, what + " at once, 1 to 1024 (default: the core count)")
        ->type_name("N")
        ->check(whole_number(1, k_max_jobs));
}

unsigned job_count(unsigned requested) {
    return requested != 0 ? requested : std::max(1U, std::thread::hardware_concurrency());
}

void add_allow_empty_option(CLI::App& app, bool& allow_empty) {
    app.add_flag("--allow-empty", allow_empty,
                 "Finding no assessment is not an error (without it: exit 2, so that a gate "
                 "pointed at the wrong folder does not pass)");
}

std::vector<std::string> git_paths_or_default(const std::vector<std::string>& named) {
    if (!named.empty()) {
        return named;
    }
    // A repository holds other JSON (schemas, methodologies, tool configuration): by
    // default only its assessments folder is read, when it has one.
    struct stat info {};
    if (::stat("assessments", &info) == 0 && S_ISDIR(info.st_mode)) {
        return {"assessments"};
    }
    return {"."};
}

void fail_nothing_found(const std::string& command, const std::string& where) {
    throw Failure(fmt::format("aijri {}: no assessment found in {} (folders are searched for "
                              "*.json); --allow-empty accepts that",
                              command, sanitize(where)),
                  k_exit_usage);
}

void add_output_option(CLI::App& app, std::string& output, const std::string& what) {
    app.add_option("-o,--output", output,
                   "Write " + what +
                       " to FILE (whole or not at all; never over an input) instead of "
                       "standard output")
        ->type_name("FILE");
}

void add_color_option(CLI::App& app, ColorChoice& color) {
    add_choice_option(app, "--color", color, k_color_choice_names,
                      "Colour the zones: " + list_choices(k_color_choice_names), "WHEN");
}

void add_paths_argument(CLI::App& app, std::vector<std::string>& paths) {
    app.add_option("paths", paths,
                   "Assessment files and folders: JSON or documents (folders are searched for "
                   "*.json and *.md; - reads standard input)")
        ->type_name("PATH");
}

void add_quiet_option(CLI::App& app, bool& quiet, const std::string& help) {
    app.add_flag("-q,--quiet", quiet, help);
}

int exit_status_of(const Evaluation& evaluation) {
    if (evaluation.io_error || evaluation.methodology_error || evaluation.edit_error) {
        return k_exit_usage;
    }
    return evaluation.valid() ? k_exit_ok : k_exit_invalid;
}

void print_diagnostics(const Evaluation& evaluation, bool with_source) {
    for (const Diagnostic& d : evaluation.diagnostics) {
        const std::string text = with_source ? format_diagnostic_with_source(evaluation.file, d)
                                             : sanitize(format_diagnostic(evaluation.file, d));
        eprint("{}\n", text);
    }
}

CLI::Option* add_threshold_option(CLI::App& app, const std::string& name, std::string& value,
                                  const std::string& help, const std::string& type_name) {
    return app.add_option(name, value, help)
        ->type_name(type_name)
        ->check(CLI::Validator(
            [](const std::string& text) -> std::string {
                return text.empty() ? "expected a number, found an empty value" : "";
            },
            "", "not empty"));
}

} // namespace aijri::cli
