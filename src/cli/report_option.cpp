#include "report_option.hpp"
#include <filesystem>
#include <stdexcept>

#include <fmt/format.h>

#include "aijri/io/output_file.hpp"
#include "aijri/util/text.hpp"

#include "write_output.hpp"

namespace aijri::cli {
namespace {

// FORMAT one of `formats` (any case, as -f takes it), and a FILE.
CLI::Validator report_check(std::vector<std::string> formats) {
    const std::string keys = keyed_by(formats);
    return CLI::Validator(
        [formats = std::move(formats)](std::string& text) -> std::string {
            const auto equals = text.find('=');
            if (equals == std::string::npos) {
                return fmt::format("expected FORMAT=FILE, such as sarif=aijri.sarif, found "
                                   "\"{}\"",
                                   sanitize(text));
            }
            std::string format = text.substr(0, equals);
            const std::string path = text.substr(equals + 1);
            if (std::string problem = one_of(formats)(format); !problem.empty()) {
                return problem;
            }
            if (path.empty() || path == "-") {
                return fmt::format("expected a file after \"{}=\" (the console shows "
                                   "--format), found \"{}\"",
                                   format, sanitize(path));
            }
            text = format + "=" + path;
            return {};
        },
        "", keys);
}

bool same_file_named(const std::string& a, const std::string& b) {
    return std::filesystem::path(a).lexically_normal() ==
               std::filesystem::path(b).lexically_normal() ||
           same_file(a, b);
}

} // namespace

void add_report_option(CLI::App& command, std::vector<std::string>& reports,
                       const std::vector<std::string>& formats) {
    command
        .add_option("--report", reports,
                    "Also write the report in FORMAT to FILE, from the same run (repeatable): "
                    "--report sarif=aijri.sarif --report junit=junit.xml")
        ->type_name("FORMAT=FILE")
        ->allow_extra_args(false) // one value each: `--report json=r.json PATH` names a PATH
        ->transform(report_check(formats)); // a transform: it writes the canonical name back
}

ReportText split_report(const std::string& text, const std::vector<std::string>& formats) {
    std::string checked = text;
    if (std::string problem = report_check(formats)(checked); !problem.empty()) {
        throw std::invalid_argument(problem); // callers pass what --report has checked
    }
    const auto equals = checked.find('=');
    return ReportText{checked.substr(0, equals), checked.substr(equals + 1), text};
}

void refuse_shared_report_files(const std::string& command, const std::vector<ReportText>& reports,
                                const std::string& output) {
    for (std::size_t i = 0; i < reports.size(); ++i) {
        const ReportText& report = reports[i];
        for (std::size_t j = 0; j < i; ++j) {
            const ReportText& earlier = reports[j];
            if (same_file_named(earlier.path, report.path)) {
                fail_usage(command,
                           fmt::format("--report {}={} and --report {} name the same file",
                                       earlier.format, display_path(earlier.path), report.given));
            }
        }
        if (!output.empty() && output != "-" && same_file_named(output, report.path)) {
            fail_usage(command, fmt::format("--report {} and --output {} name the same file",
                                            report.given, display_path(output)));
        }
    }
}

} // namespace aijri::cli
