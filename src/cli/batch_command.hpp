// What `score` and `robustness` share: reading files, folders, standard input or a JSON Lines
// stream, scoring them on every core, writing a report in any batch format (in order, or
// sorted), the gates and the exit status. Each command adds what is its own.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "aijri/report/batch.hpp"
#include "aijri/robustness/robustness.hpp"
#include "aijri/util/enum_names.hpp"

#include "common.hpp"
#include "project_config.hpp"

namespace aijri::cli {

// --sort: the order results are written in.
enum class SortOrder { path, score, fragility };
inline constexpr std::array<EnumName<SortOrder>, 2> k_score_sort_names = {{
    {"path", SortOrder::path},
    {"score", SortOrder::score},
}};
inline constexpr std::array<EnumName<SortOrder>, 3> k_robustness_sort_names = {{
    {"path", SortOrder::path},
    {"score", SortOrder::score},
    {"fragility", SortOrder::fragility},
}};

// validate -f: the text for people, and the formats a code-scanning tool reads (the batch
// formats of the same names: every problem of every file, nothing of a valid one). Here, with
// score's, for aijri.toml's key table too.
inline constexpr std::array<EnumName<BatchFormat>, 3> k_validate_format_names = {{
    {"text", BatchFormat::text},
    {"sarif", BatchFormat::sarif},
    {"gitlab", BatchFormat::gitlab},
}};

// --fail-if-fragile N: from 0 to this many unit steps.
inline constexpr std::int64_t k_max_fragile_steps = 1000;

struct BatchCommandOptions {
    std::string command; // "score", "robustness": for messages
    std::vector<std::string> paths;
    BatchFormat format = BatchFormat::text;
    MethodologyOption methodology;
    ColorChoice color = ColorChoice::automatic;
    bool wide = false;
    std::size_t width = 0;
    std::size_t max_bytes = k_default_max_bytes;
    unsigned jobs = 0;
    SortOrder sort = SortOrder::path;
    std::string fail_under;
    std::string fail_on_zone;
    int fail_if_fragile = -1; // off
    std::string output;
    std::vector<std::string> reports; // --report FORMAT=FILE, as given (parse_reports)
    std::string jsonl_input;
    bool allow_empty = false;
    InputFormatOption input_format;
    SetOption set;       // --set POINTER=VALUE: what if
    ConfigOption config; // aijri.toml: applied before the command runs, its thresholds per file
    // robustness: analyse each valid role, under this model of uncertainty.
    bool analyse = false;
    UncertaintyModel uncertainty = UncertaintyModel::standard;
};

// Declares the options both commands take (robustness, when options.analyse is set, may also
// sort by fragility).
void add_batch_options(CLI::App& command, BatchCommandOptions& options);

int run_batch_command(const BatchCommandOptions& options);

} // namespace aijri::cli
