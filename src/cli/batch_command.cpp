#include "batch_command.hpp"
#include <algorithm>
#include <array>
#include <filesystem>
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
#include "report_option.hpp"
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
        gates.fail_under.value = n.literal.value;
    }
    if (!o.fail_on_zone.empty()) {
        gates.fail_on_zone.value = zone_from_string(o.fail_on_zone);
    }
    if (o.fail_if_fragile >= 0) {
        gates.fail_if_fragile.value = o.fail_if_fragile;
    }
    // A gate the config file set is named with its place in the reason.
    gates.fail_under.origin = o.config.settings.origin_of("fail-under");
    gates.fail_on_zone.origin = o.config.settings.origin_of("fail-on-zone");
    gates.fail_if_fragile.origin = o.config.settings.origin_of("fail-if-fragile");
    return gates;
}

class BatchCommand {
public:
    explicit BatchCommand(const BatchCommandOptions& options)
        : m_options(options),
          m_requests(parse_reports<BatchFormat>(options.command, options.reports, options.output,
                                                k_batch_format_names)),
          m_methodology(options.methodology.load()), m_gates(parse_gates(options)),
          m_edits(options.set.edits()) {
        m_style.width = options.width != 0 ? options.width : terminal_width();
        m_style.color = use_color(
            options.color, options.output.empty() || options.output == "-" ? stdout : nullptr);
        m_style.wide = options.wide;
    }

    int run() {
        if (!m_options.jsonl_input.empty()) {
            if (!m_options.paths.empty()) {
                throw Failure(fmt::format("aijri: {}: --jsonl-input reads one stream; do not "
                                          "name PATHs too",
                                          m_options.command),
                              k_exit_usage);
            }
        } else if (m_options.paths.empty()) {
            fail_usage(m_options.command,
                       "name at least one PATH (a file, a folder, or - for standard "
                       "input), or use --jsonl-input");
        }
        refuse_outputs_over_inputs();
        refuse_unsortable(m_options.format);
        for (const ReportRequest<BatchFormat>& request : m_requests) {
            refuse_unsortable(request.format);
        }
        make_reports();
        if (!m_options.jsonl_input.empty()) {
            return run_stream();
        }
        const BatchFormat format = m_options.format;
        const bool one_named_file =
            m_options.paths.size() == 1 && !is_directory(m_options.paths[0]);
        if (one_named_file && wants_single_form()) {
            return run_single(InputFile{m_options.paths[0], true, nullptr, {}}, format);
        }
        return run_many();
    }

private:
    // text and json show one named file whole (the full report, the bare result object),
    // not as a batch of one.
    static bool has_single_form(BatchFormat format) {
        return format == BatchFormat::text || format == BatchFormat::json;
    }

    bool wants_single_form() const {
        return has_single_form(m_options.format) ||
               std::any_of(
                   m_requests.begin(), m_requests.end(),
                   [](const ReportRequest<BatchFormat>& r) { return has_single_form(r.format); });
    }

    // One file named on the command line: each report in its single form, or as a batch of
    // that one file.
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
        const ResultSummary summary = summarize(e);
        const auto gate = gate_failure(summary, gates_for(summary), m_methodology);
        count(summary, 0); // the totals a batch-of-one report draws on
        // Every report is rendered and opened before any is committed: all or none.
        std::vector<std::unique_ptr<OutputFile>> files;
        for (std::size_t i = 0; i < m_reports.size(); ++i) {
            const BatchFormat report_format = i == 0 ? format : m_requests[i - 1].format;
            if (auto text = single_report(e, gate, report_format, i)) {
                const std::string& path = i == 0 ? m_options.output : m_requests[i - 1].path;
                auto& out = files.emplace_back(
                    std::make_unique<OutputFile>(path, guard_for(report_format)));
                out->write(*text);
            }
        }
        for (const auto& out : files) {
            out->commit();
        }
        if (format == BatchFormat::text) {
            print_diagnostics(e, true);
        }
        if (gate && has_single_form(format)) {
            eprint("{}: gate: {}\n", sanitize(e.file), *gate);
        }
        return status_of(e.io_error || e.methodology_error, !e.valid() || gate);
    }

    // What one named file gives in `format`, for report `index` (0: the console's): the full
    // text report, the bare result object (json), or the batch report of that one file. None
    // when there is nothing to show, which leaves an existing file as it was.
    std::optional<std::string> single_report(const Evaluation& e,
                                             const std::optional<std::string>& gate,
                                             BatchFormat format, std::size_t index) const {
        if (!has_single_form(format)) {
            const BatchReport& report = *m_reports[index];
            return report.begin(report.header_needs_totals() ? &m_totals : nullptr) +
                   report.render(e, gate) + report.end(m_totals);
        }
        if (e.io_error) {
            return std::nullopt;
        }
        if (format == BatchFormat::json) {
            std::string text;
            (robust() ? append_robustness_json : append_result_json)(text, e, m_methodology, gate,
                                                                     2);
            return text + "\n";
        }
        TextStyle style = m_style;
        style.color = style.color && index == 0; // a file is never coloured
        // A file whose only errors are stated figures that do not match is still shown, its
        // mismatches marked: the figures are what the analyst needs to correct them.
        const bool mismatched_only = !e.valid() && e.assessment && !e.methodology_error;
        if (robust()) {
            return e.valid() ? std::optional(render_robustness_text(e, m_methodology, style))
                             : std::nullopt;
        }
        if (e.valid()) {
            return render_text_report(e, m_methodology, style);
        }
        if (!mismatched_only) {
            return std::nullopt;
        }
        Evaluation shown = e;
        shown.score = compute_score(*e.assessment, m_methodology);
        return render_text_report(shown, m_methodology, style);
    }

    // Files are walked as they are scored, so memory stays flat however many there are.
    int run_many() {
        const bool show_progress = is_terminal(stderr) && !is_terminal(stdout);
        // Progress needs the total up front: a walk that only counts, for people watching.
        Progress progress(show_progress ? count_inputs() : 0, show_progress);
        BatchOptions batch{job_count(m_options.jobs), m_options.max_bytes, &m_methodology};
        batch.input_format = m_options.input_format.get();
        batch.edits = m_edits;
        batch.keep_prose = m_keep_prose;
        Emitter emitter(*this);
        InputWalk walk(m_options.paths, batch.input_format);
        run_batch(
            walk, batch, render_function(),
            [&](RenderedResult&& r) {
                emitter.emit(std::move(r));
                progress.advance();
            },
            [&](const std::string& warning) {
                progress.clear();
                emitter.warn(warning);
            });
        progress.finish();
        emitter.finish();
        return batch_status();
    }

    int run_stream() {
        BatchOptions batch{1, m_options.max_bytes, &m_methodology};
        batch.edits = m_edits;
        batch.keep_prose = m_keep_prose;
        Emitter emitter(*this);
        run_jsonl_stream(m_options.jsonl_input, display_path(m_options.jsonl_input), batch,
                         render_function(),
                         [&](RenderedResult&& r) { emitter.emit(std::move(r)); });
        emitter.finish();
        return batch_status();
    }

    int batch_status() const {
        return status_of(m_io_error, m_totals.invalid > 0 || !m_totals.gate_trips.empty() ||
                                         !m_totals.duplicate_ids.empty());
    }

    // One report of the run and the file it goes to: the console's (--format, --output) or
    // a --report file. Every sink is committed at the end, together, or not at all.
    class ReportSink {
    public:
        ReportSink(const BatchReport& report, BatchFormat format, const std::string& path,
                   bool sorting)
            : m_report(report), m_format(format), m_out(path, guard_for(format)),
              m_spooling(!sorting && report.header_needs_totals()) {}

        BatchFormat format() const { return m_format; }

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

        // A line of the report that is not a result (formats without separators only).
        void annotate(const std::string& line) { body(line); }

        // Writes what is held and the end, short of committing.
        void close(const BatchTotals& totals) {
            begin(&totals);
            if (m_spooling) {
                m_spool.drain(m_out);
                m_spooling = false;
            }
        }

        // The results known only at the end (sarif, gitlab: the ids used by more than one
        // file), after the others.
        void write_closing(const BatchTotals& totals) {
            for (const std::string& result : m_report.closing_results(totals)) {
                write(result);
            }
        }

        void end(const BatchTotals& totals) { m_out.write(m_report.end(totals)); }

        void commit() { m_out.commit(); }

    private:
        // The header goes out with the first result, not before: a stream that cannot be
        // opened leaves no half report behind its error message.
        // `totals` is null before the run ends, when only a header that does not need them
        // can be written.
        void begin(const BatchTotals* totals) {
            if (m_begun) {
                return;
            }
            m_begun = true;
            m_out.write(m_report.begin(m_report.header_needs_totals() ? totals : nullptr));
        }

        // Where the report's body goes: out at once, or to the spool until the header can
        // be written (the totals are known when the run ends).
        void body(std::string_view text) {
            if (m_spooling) {
                m_spool.write(text);
                return;
            }
            begin(nullptr);
            m_out.write(text);
        }

        const BatchReport& m_report;
        BatchFormat m_format;
        OutputFile m_out;
        bool m_spooling;
        Spool m_spool;
        bool m_begun = false;
        bool m_first = true;
    };

    // Writes results as they come (in order) to every report of the run. A header that needs
    // the totals (JUnit's counts) has the results spooled until the end, in constant memory;
    // --sort score holds them, since it must see them all.
    class Emitter {
    public:
        explicit Emitter(BatchCommand& command)
            : m_command(command), m_sorting(command.m_options.sort != SortOrder::path) {
            const bool sorting = m_sorting;
            const BatchCommandOptions& o = command.m_options;
            m_sinks.emplace_back(std::make_unique<ReportSink>(*command.m_reports.front(), o.format,
                                                              o.output, sorting));
            for (std::size_t i = 0; i < command.m_requests.size(); ++i) {
                const ReportRequest<BatchFormat>& request = command.m_requests[i];
                m_sinks.emplace_back(std::make_unique<ReportSink>(
                    *command.m_reports[i + 1], request.format, request.path, sorting));
            }
        }

        void emit(RenderedResult&& r) {
            m_command.count(r.summary, r.position);
            if (!r.diagnostics.empty()) {
                print_error(r.diagnostics);
            }
            if (m_sorting) {
                m_held.push_back(std::move(r));
                return;
            }
            write(r);
        }

        // A walk's warning: an annotation in the reports that are annotations (github), on
        // standard error once for the others.
        void warn(const std::string& warning) {
            bool printed = false;
            for (const auto& sink : m_sinks) {
                if (sink->format() == BatchFormat::github) {
                    // Part of the report, in its place: a walk warning is an annotation too.
                    sink->annotate(
                        fmt::format("::warning title=aijri::{}\n", github_escape_data(warning)));
                } else if (!printed) {
                    eprint("aijri: warning: {}\n", sanitize(warning));
                    printed = true;
                }
            }
            m_command.m_totals.warnings.push_back(warning); // sarif: the run's notifications
        }

        void finish() {
            if (m_command.m_totals.files == 0 && !m_command.m_options.allow_empty) {
                // Nothing is written: no report of nothing to pass a gate.
                const BatchCommandOptions& o = m_command.m_options;
                fail_nothing_found(o.command, o.jsonl_input.empty()
                                                  ? fmt::format("{}", fmt::join(o.paths, ", "))
                                                  : display_path(o.jsonl_input));
            }
            m_command.find_duplicate_ids();
            const BatchTotals& totals = m_command.m_totals;
            for (const auto& sink : m_sinks) {
                sink->close(totals);
            }
            std::stable_sort(m_held.begin(), m_held.end(),
                             m_command.m_options.sort == SortOrder::fragility ? by_fragility
                                                                              : by_score);
            for (const RenderedResult& r : m_held) {
                write(r);
            }
            for (const auto& sink : m_sinks) {
                sink->write_closing(totals);
                sink->end(totals);
            }
            for (const auto& sink : m_sinks) {
                sink->commit();
            }
        }

    private:
        void write(const RenderedResult& r) {
            m_sinks.front()->write(r.text);
            for (std::size_t i = 1; i < m_sinks.size(); ++i) {
                m_sinks[i]->write(r.report_texts[i - 1]);
            }
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

        BatchCommand& m_command;
        bool m_sorting;
        // The console's report first, then each --report's. Pointers: an OutputFile stays
        // where it was opened.
        std::vector<std::unique_ptr<ReportSink>> m_sinks;
        std::vector<RenderedResult> m_held;
    };

    // Every report of the run renders the file on the worker that scored it: scored once,
    // written in each format.
    RenderFunction render_function() const {
        return [this](Evaluation& e) {
            analyse(e);
            RenderedResult r;
            r.summary = summarize(e);
            const auto gate = gate_failure(r.summary, gates_for(r.summary), m_methodology);
            r.text = m_reports.front()->render(e, gate);
            for (std::size_t i = 1; i < m_reports.size(); ++i) {
                r.report_texts.push_back(m_reports[i]->render(e, gate));
            }
            if (m_options.format == BatchFormat::text && !e.valid()) {
                for (const Diagnostic& d : e.diagnostics) {
                    r.diagnostics += format_diagnostic_with_source(summary_file(e), d) + "\n";
                }
            }
            return r;
        };
    }

    static std::string summary_file(const Evaluation& e) { return e.file; }

    // The gates of one file, for every format and the exit status alike: the command line's
    // and the config file's top level, laid over by the [[thresholds]] entries that match
    // the file. A record of a JSON Lines stream is no file: the top level only.
    Gates gates_for(const ResultSummary& s) const {
        if (!m_options.jsonl_input.empty()) {
            return m_gates;
        }
        return m_options.config.settings.gates_for(s.file, m_gates);
    }

    bool robust() const { return m_options.analyse; }

    // robustness: the analysis, on the worker that scored the file.
    void analyse(Evaluation& e) const {
        if (robust()) {
            analyse_robustness_of(e, m_methodology, m_options.uncertainty);
        }
    }

    // The console's report, then one for each --report.
    void make_reports() {
        const bool one_named_file = m_options.jsonl_input.empty() && m_options.paths.size() == 1 &&
                                    !is_directory(m_options.paths[0]);
        ReportStyle style;
        style.color = m_style.color;
        style.width = m_style.width;
        style.one_role = one_named_file;
        style.gates = m_gates;
        style.tool_version = AIJRI_VERSION;
        style.working_dir = working_dir();
        // A file is never coloured, whatever --color says of the console.
        ReportStyle file_style = style;
        file_style.color = false;
        m_reports.push_back(make_report(m_options.format, style));
        for (const ReportRequest<BatchFormat>& request : m_requests) {
            m_reports.push_back(make_report(request.format, file_style));
        }
        for (const auto& report : m_reports) {
            m_keep_results = m_keep_results || report->needs_results();
            m_keep_prose = m_keep_prose || report->needs_prose();
        }
    }

    std::unique_ptr<BatchReport> make_report(BatchFormat format, const ReportStyle& style) const {
        return robust() ? make_robustness_report(format, m_methodology, style)
                        : make_batch_report(format, m_methodology, style);
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
        if (const auto gate = gate_failure(s, gates_for(s), m_methodology)) {
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

    // Everything the command reads: no report may be written over one of them.
    std::vector<std::string> inputs() const {
        std::vector<std::string> all = m_options.paths;
        all.push_back(m_options.jsonl_input);
        all.push_back(m_options.methodology.file);
        return all;
    }

    void refuse_outputs_over_inputs() const {
        refuse_output_over_inputs(m_options.output, inputs(), "--output");
        for (const ReportRequest<BatchFormat>& request : m_requests) {
            refuse_output_over_inputs(request.path, inputs(), "--report");
        }
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
    std::vector<ReportRequest<BatchFormat>> m_requests; // --report
    Methodology m_methodology;
    Gates m_gates;
    std::vector<InputSetting> m_edits; // --set
    TextStyle m_style;
    BatchTotals m_totals;
    // The console's report, then one per --report (make_reports).
    std::vector<std::unique_ptr<BatchReport>> m_reports;
    bool m_keep_results = false; // a report draws every result (BatchReport::needs_results)
    bool m_keep_prose = false;   // a report shows a role whole (BatchReport::needs_prose)
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
    add_report_option(command, options.reports, choice_names(k_batch_format_names));
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
    options.config.add_to(command);
}

int run_batch_command(const BatchCommandOptions& options) {
    return BatchCommand(options).run();
}

} // namespace aijri::cli
