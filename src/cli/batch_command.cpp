#include "batch_command.hpp"
#include <algorithm>
#include <array>
#include <memory>
#include <sys/stat.h>

#include <fmt/format.h>

#include "aijri/batch/batch.hpp"
#include "aijri/io/output_file.hpp"
#include "aijri/io/walk.hpp"
#include "aijri/json/dump.hpp"
#include "aijri/report/batch.hpp"
#include "aijri/report/json.hpp"
#include "aijri/report/robustness.hpp"
#include "aijri/report/text.hpp"
#include "aijri/util/text.hpp"

#include "console.hpp"
#include "progress.hpp"
#include "terminal.hpp"
#include "write_output.hpp"

namespace aijri::cli {
namespace {

Gates parse_gates(const BatchCommandOptions& o) {
    Gates gates;
    if (!o.fail_under.empty()) {
        const ParsedNumber n = parse_json_number(o.fail_under);
        if (n.problem == NumberProblem::not_a_json_number) {
            throw Failure(fmt::format("aijri: --fail-under: expected a number such as 25 or "
                                      "47.5, found \"{}\"",
                                      o.fail_under),
                          k_exit_usage);
        }
        if (n.problem == NumberProblem::out_of_range) {
            throw Failure(fmt::format("aijri: --fail-under: {} is out of range (at most 18 "
                                      "digits before and 18 after the decimal point)",
                                      o.fail_under),
                          k_exit_usage);
        }
        gates.fail_under = n.literal.value;
    }
    if (!o.fail_on_zone.empty()) {
        gates.fail_on_zone = zone_from_string(o.fail_on_zone);
    }
    if (o.fail_if_fragile >= 0) {
        gates.fail_if_fragile = o.fail_if_fragile;
    }
    return gates;
}

class BatchCommand {
public:
    explicit BatchCommand(const BatchCommandOptions& options)
        : m_options(options), m_methodology(options.methodology.load()),
          m_gates(parse_gates(options)), m_edits(options.set.edits()) {
        m_style.width = options.width != 0 ? options.width : terminal_width();
        m_style.color = use_color(
            options.color, options.output.empty() || options.output == "-" ? stdout : nullptr);
        m_style.wide = options.wide;
    }

    int run() {
        if (!m_options.jsonl_input.empty()) {
            return run_stream();
        }
        if (m_options.paths.empty()) {
            fail_usage(m_options.command,
                       "name at least one PATH (a file, a folder, or - for standard "
                       "input), or use --jsonl-input");
        }
        refuse_output_over_inputs(m_options.output, inputs());
        const BatchFormat format = m_options.format;
        refuse_unsortable(format);
        const bool one_named_file =
            m_options.paths.size() == 1 && !is_directory(m_options.paths[0]);
        if (one_named_file && (format == BatchFormat::text || format == BatchFormat::json)) {
            return run_single(InputFile{m_options.paths[0], true, nullptr, {}}, format);
        }
        return run_many(format);
    }

private:
    // One file named on the command line: the full report, or the bare result object.
    int run_single(const InputFile& input, BatchFormat format) {
        AssessmentReader reader;
        FileBuffer buffer;
        Evaluation e = evaluate_file(reader, buffer, input, m_methodology, m_options.max_bytes,
                                     m_options.input_format.get(), m_edits);
        if (e.edit_error) {
            // The command line asked what this role cannot give: nothing is reported of it.
            for (const Diagnostic& d : e.diagnostics) {
                eprint("aijri: {}\n", sanitize(d.message));
            }
            return k_exit_usage;
        }
        analyse(e);
        const auto gate = gate_failure(summarize(e), m_gates, m_methodology);
        // A file whose only errors are stated figures that do not match is still shown, its
        // mismatches marked: the figures are what the analyst needs to correct them.
        const bool mismatched_only = !e.valid() && e.assessment && !e.methodology_error;
        // A file that could not be read, or a text report with nothing to show, leaves an
        // existing --output as it was.
        const bool has_report =
            format == BatchFormat::json || e.valid() || (mismatched_only && !robust());
        if (!e.io_error && has_report) {
            OutputFile out(m_options.output, guard_for(format));
            if (format == BatchFormat::json) {
                std::string text;
                (robust() ? append_robustness_json : append_result_json)(text, e, m_methodology,
                                                                         gate, 2);
                out.write(text + "\n");
            } else if (robust()) {
                if (e.valid()) {
                    out.write(render_robustness_text(e, m_methodology, m_style));
                }
            } else if (e.valid()) {
                out.write(render_text_report(e, m_methodology, m_style));
            } else {
                Evaluation shown = e;
                shown.score = compute_score(*e.assessment, m_methodology);
                out.write(render_text_report(shown, m_methodology, m_style));
            }
            out.commit();
        }
        if (format == BatchFormat::text) {
            print_diagnostics(e, true);
        }
        if (gate) {
            eprint("{}: gate: {}\n", sanitize(e.file), *gate);
        }
        return status_of(e.io_error || e.methodology_error, !e.valid() || gate);
    }

    // Files are walked as they are scored, so memory stays flat however many there are.
    int run_many(BatchFormat format) {
        const auto report = make_report(format);
        const bool show_progress = is_terminal(stderr) && !is_terminal(stdout);
        // Progress needs the total up front: a walk that only counts, for people watching.
        Progress progress(show_progress ? count_inputs() : 0, show_progress);
        BatchOptions batch{job_count(m_options.jobs), m_options.max_bytes, &m_methodology};
        batch.input_format = m_options.input_format.get();
        batch.edits = m_edits;
        batch.keep_prose = report->needs_prose();
        Emitter emitter(*this, *report, format);
        InputWalk walk(m_options.paths, batch.input_format);
        run_batch(
            walk, batch, render_function(*report, format),
            [&](RenderedResult&& r) {
                emitter.emit(std::move(r));
                progress.advance();
            },
            [&](const std::string& warning) {
                progress.clear();
                if (format == BatchFormat::github) {
                    // Part of the report, in its place: a walk warning is an annotation too.
                    emitter.annotate(
                        fmt::format("::warning title=aijri::{}\n", github_escape_data(warning)));
                } else {
                    eprint("aijri: warning: {}\n", sanitize(warning));
                }
                m_totals.warnings.push_back(warning); // sarif: the run's notifications
            });
        progress.finish();
        emitter.finish();
        return status_of(m_io_error, m_totals.invalid > 0 || !m_totals.gate_trips.empty() ||
                                         !m_totals.duplicate_ids.empty());
    }

    int run_stream() {
        if (!m_options.paths.empty()) {
            throw Failure(fmt::format("aijri: {}: --jsonl-input reads one stream; do not name "
                                      "PATHs too",
                                      m_options.command),
                          k_exit_usage);
        }
        refuse_output_over_inputs(m_options.output, inputs());
        const BatchFormat format = m_options.format;
        refuse_unsortable(format);
        const auto report = make_report(format);
        BatchOptions batch{1, m_options.max_bytes, &m_methodology};
        batch.edits = m_edits;
        batch.keep_prose = report->needs_prose();
        Emitter emitter(*this, *report, format);
        run_jsonl_stream(m_options.jsonl_input, display_path(m_options.jsonl_input), batch,
                         render_function(*report, format),
                         [&](RenderedResult&& r) { emitter.emit(std::move(r)); });
        emitter.finish();
        return status_of(m_io_error, m_totals.invalid > 0 || !m_totals.gate_trips.empty() ||
                                         !m_totals.duplicate_ids.empty());
    }

    // Writes results as they come (in order). A header that needs the totals (JUnit's
    // counts) has the results spooled until the end, in constant memory; --sort score holds
    // them, since it must see them all.
    class Emitter {
    public:
        Emitter(BatchCommand& command, const BatchReport& report, BatchFormat format)
            : m_command(command), m_report(report),
              m_out(command.m_options.output, guard_for(format)),
              m_sorting(command.m_options.sort != SortOrder::path),
              m_spooling(!m_sorting && report.header_needs_totals()) {}

        void emit(RenderedResult&& r) {
            m_command.count(r.summary, r.position);
            if (!r.diagnostics.empty()) {
                print_error(r.diagnostics);
            }
            if (m_sorting) {
                m_held.push_back(std::move(r));
                return;
            }
            write(r.text);
        }

        // A line of the report that is not a result (formats without separators only).
        void annotate(const std::string& line) { body(line); }

        void finish() {
            if (m_command.m_totals.files == 0 && !m_command.m_options.allow_empty) {
                // Nothing is written: no report of nothing to pass a gate.
                const BatchCommandOptions& o = m_command.m_options;
                fail_nothing_found(o.command, o.jsonl_input.empty()
                                                  ? fmt::format("{}", fmt::join(o.paths, ", "))
                                                  : display_path(o.jsonl_input));
            }
            m_command.find_duplicate_ids();
            begin();
            if (m_spooling) {
                m_spool.drain(m_out);
                m_spooling = false;
            }
            std::stable_sort(m_held.begin(), m_held.end(),
                             m_command.m_options.sort == SortOrder::fragility ? by_fragility
                                                                              : by_score);
            for (const RenderedResult& r : m_held) {
                write(r.text);
            }
            for (const std::string& r : m_report.closing_results(m_command.m_totals)) {
                write(r);
            }
            m_out.write(m_report.end(m_command.m_totals));
            m_out.commit();
        }

    private:
        // The header goes out with the first result, not before: a stream that cannot be
        // opened leaves no half report behind its error message.
        void begin() {
            if (m_begun) {
                return;
            }
            m_begun = true;
            m_out.write(
                m_report.begin(m_report.header_needs_totals() ? &m_command.m_totals : nullptr));
        }

        static bool by_score(const RenderedResult& a, const RenderedResult& b) {
            if (a.summary.valid != b.summary.valid) {
                return a.summary.valid;
            }
            return a.summary.aijri > b.summary.aijri;
        }

        // Fewest steps to a change of zone first; roles no edit can move, then invalid files,
        // last.
        static bool by_fragility(const RenderedResult& a, const RenderedResult& b) {
            const auto rank = [](const ResultSummary& s) {
                if (!s.valid || !s.analysed) {
                    return std::pair(2, 0);
                }
                return s.nearest_change ? std::pair(0, s.nearest_change->count) : std::pair(1, 0);
            };
            return rank(a.summary) < rank(b.summary);
        }

        void write(const std::string& text) {
            if (text.empty()) {
                return; // a file with nothing to report (sarif, gitlab): no separator either
            }
            if (!m_first) {
                body(m_report.separator());
            }
            m_first = false;
            body(text);
        }

        // Where the report's body goes: out at once, or to the spool until the header can
        // be written.
        void body(std::string_view text) {
            if (m_spooling) {
                m_spool.write(text);
                return;
            }
            begin();
            m_out.write(text);
        }

        BatchCommand& m_command;
        const BatchReport& m_report;
        OutputFile m_out;
        bool m_sorting;
        bool m_spooling;
        Spool m_spool;
        bool m_begun = false;
        bool m_first = true;
        std::vector<RenderedResult> m_held;
    };

    RenderFunction render_function(const BatchReport& report, BatchFormat format) const {
        return [this, &report, format](Evaluation& e) {
            analyse(e);
            RenderedResult r;
            r.summary = summarize(e);
            const auto gate = gate_failure(r.summary, m_gates, m_methodology);
            r.text = report.render(e, gate);
            if (format == BatchFormat::text && !e.valid()) {
                for (const Diagnostic& d : e.diagnostics) {
                    r.diagnostics += format_diagnostic_with_source(summary_file(e), d) + "\n";
                }
            }
            return r;
        };
    }

    static std::string summary_file(const Evaluation& e) { return e.file; }

    bool robust() const { return m_options.analyse; }

    // robustness: the analysis, on the worker that scored the file.
    void analyse(Evaluation& e) const {
        if (robust()) {
            analyse_robustness_of(e, m_methodology, m_options.uncertainty);
        }
    }

    std::unique_ptr<BatchReport> make_report(BatchFormat format) {
        const bool one_named_file = m_options.jsonl_input.empty() && m_options.paths.size() == 1 &&
                                    !is_directory(m_options.paths[0]);
        const ReportStyle style{m_style.color, m_style.width, one_named_file,
                                m_gates,       AIJRI_VERSION, working_dir()};
        auto report = robust() ? make_robustness_report(format, m_methodology, style)
                               : make_batch_report(format, m_methodology, style);
        m_keep_results = report->needs_results();
        return report;
    }

    // `position`: the file's place in the walk (skipped documents counted).
    void count(const ResultSummary& s, std::size_t position) {
        if (!s.id.empty() && m_options.jsonl_input.empty()) {
            m_census.add(s.id, position);
        }
        ++m_totals.files;
        if (m_keep_results) {
            m_totals.results.push_back(s);
        }
        m_io_error = m_io_error || s.io_error || s.methodology_error || s.usage_error;
        if (!s.valid) {
            ++m_totals.invalid;
            return;
        }
        ++m_totals.scored;
        ++m_totals.zones[s.zone];
        if (const auto gate = gate_failure(s, m_gates, m_methodology)) {
            m_totals.gate_trips.push_back(GateTrip{s.file, s.title, *gate});
        }
    }

    void find_duplicate_ids() {
        const BatchOptions options{1, m_options.max_bytes, &m_methodology};
        m_totals.duplicate_ids = confirm_duplicate_ids(
            m_census,
            [this](const std::vector<std::size_t>& positions) {
                return walked_files_at(m_options.paths, positions, m_options.input_format.get());
            },
            options);
        for (const DuplicateId& d : m_totals.duplicate_ids) {
            eprint("aijri: error: {}\n", sanitize(describe_duplicate(d)));
        }
    }

    std::size_t count_inputs() const {
        InputWalk walk(m_options.paths, m_options.input_format.get());
        std::size_t count = 0;
        while (walk.next()) {
            ++count;
        }
        return count;
    }

    // Everything the command reads: --output must be none of them.
    std::vector<std::string> inputs() const {
        std::vector<std::string> all = m_options.paths;
        all.push_back(m_options.jsonl_input);
        all.push_back(m_options.methodology.file);
        return all;
    }

    // jsonl is written as results come, for consumers that read it as it grows: an order
    // that needs every result first would make it a json array in all but name.
    void refuse_unsortable(BatchFormat format) const {
        if (format == BatchFormat::jsonl && m_options.sort != SortOrder::path) {
            fail_usage(m_options.command,
                       fmt::format("--sort {} cannot be honoured by -f jsonl, which is written "
                                   "as results come; use -f json (an array) to sort, or sort the "
                                   "lines afterwards",
                                   enum_name(k_robustness_sort_names, m_options.sort)));
        }
    }

    static GuardLines guard_for(BatchFormat format) {
        const bool guarded = format != BatchFormat::json && format != BatchFormat::jsonl &&
                             format != BatchFormat::github && format != BatchFormat::badge &&
                             format != BatchFormat::sarif && format != BatchFormat::gitlab;
        return guarded ? GuardLines::yes : GuardLines::no;
    }

    static bool is_directory(const std::string& path) {
        struct stat info {};
        return path != "-" && ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
    }

    static int status_of(bool io_error, bool failed) {
        if (io_error) {
            return k_exit_usage;
        }
        return failed ? k_exit_invalid : k_exit_ok;
    }

    const BatchCommandOptions& m_options;
    Methodology m_methodology;
    Gates m_gates;
    std::vector<InputSetting> m_edits; // --set
    TextStyle m_style;
    BatchTotals m_totals;
    bool m_keep_results = false; // the report draws every result (BatchReport::needs_results)
    // The ids of a walk, to name an id that several files use. Not for --jsonl-input: a
    // stream of a million records would hold a million ids, and its records are not files.
    IdCensus m_census;
    bool m_io_error = false;
};

} // namespace

void add_batch_options(CLI::App& command, BatchCommandOptions& options) {
    add_paths_argument(command, options.paths);
    add_format_option(
        command, options.format, k_batch_format_names,
        list_choices(k_batch_format_names, {{"text", "a report for one file, a table for many"},
                                            {"badge", "shields.io endpoint JSON of the counts"},
                                            {"sarif", "SARIF 2.1.0, for code scanning"},
                                            {"gitlab", "GitLab Code Quality"}}));
    options.methodology.add_to(command);
    add_jobs_option(command, options.jobs, options.analyse ? "Files analysed" : "Files scored");
    const std::map<std::string, std::string> sort_notes{
        {"score", "highest first, invalid last"},
        {"fragility", "fewest steps to a change of zone first"}};
    if (options.analyse) {
        add_choice_option(command, "--sort", options.sort, k_robustness_sort_names,
                          "Order of the results: " +
                              list_choices(k_robustness_sort_names, sort_notes, ", or "),
                          "ORDER");
    } else {
        add_choice_option(command, "--sort", options.sort, k_score_sort_names,
                          "Order of the results: " +
                              list_choices(k_score_sort_names, sort_notes, ", or "),
                          "ORDER");
    }
    add_threshold_option(command, "--fail-under", options.fail_under,
                         "Exit 1 when a role's AIJRI is below SCORE (the report stays complete)",
                         "SCORE");
    command
        .add_option("--fail-on-zone", options.fail_on_zone,
                    "Exit 1 when a role is in this zone or below: Red, or Yellow (Yellow and Red)")
        ->type_name("ZONE")
        ->transform(one_of({"Red", "Yellow"}));
    add_output_option(command, options.output, "the report");
    command
        .add_option("--jsonl-input", options.jsonl_input,
                    "Score a stream of assessments, one JSON object per line (- for stdin)")
        ->type_name("FILE");
    add_color_option(command, options.color);
    command.add_flag("--wide", options.wide, "Show rationales whole instead of shortened");
    // Validated as a signed number: CLI11 would read -5 into a size_t as 2^64 - 5, and a
    // report as wide as that is a failed allocation.
    command
        .add_option("--width", options.width,
                    "Columns to lay the report out in, 40 to 10000 (default: the terminal's, "
                    "else 100)")
        ->type_name("N")
        ->check(whole_number(static_cast<std::int64_t>(k_narrowest),
                             static_cast<std::int64_t>(k_widest)));
    add_max_bytes_option(command, options.max_bytes);
    add_allow_empty_option(command, options.allow_empty);
    options.input_format.add_to(command);
    options.set.add_to(command);
}

int run_batch_command(const BatchCommandOptions& options) {
    return BatchCommand(options).run();
}

} // namespace aijri::cli
