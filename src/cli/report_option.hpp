// --report FORMAT=FILE: more reports of one run, each written to a file as -o writes it.
// One option, one check and one set of refusals for every command that has it (score,
// robustness, diff).
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "aijri/util/enum_names.hpp"

#include "common.hpp"

namespace aijri::cli {

// Adds the repeatable --report, checked against `formats` (the names -f takes).
void add_report_option(CLI::App& command, std::vector<std::string>& reports,
                       const std::vector<std::string>& formats);

// A value the option has checked, split: the format's name as -f spells it, and the file.
struct ReportText {
    std::string format;
    std::string path;
    std::string given; // as the command line gave it, for messages
};
ReportText split_report(const std::string& text, const std::vector<std::string>& formats);

// Refuses (a usage error, before anything is read) two reports, or a report and --output,
// that name one file: the last written would replace the others.
void refuse_shared_report_files(const std::string& command, const std::vector<ReportText>& reports,
                                const std::string& output);

template <class Format>
struct ReportRequest {
    Format format{};
    std::string path;
};

template <class Format, class Names>
std::vector<ReportRequest<Format>> parse_reports(const std::string& command,
                                                 const std::vector<std::string>& texts,
                                                 const std::string& output, const Names& names) {
    const std::vector<std::string> formats = choice_names(names);
    std::vector<ReportText> split;
    for (const std::string& text : texts) {
        split.push_back(split_report(text, formats));
    }
    refuse_shared_report_files(command, split, output);
    std::vector<ReportRequest<Format>> requests;
    for (const ReportText& report : split) {
        requests.push_back({*enum_from_name(names, report.format), report.path});
    }
    return requests;
}

} // namespace aijri::cli
