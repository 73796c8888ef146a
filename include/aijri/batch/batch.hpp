// Scores many files on all cores and hands the results back in input order, with memory
// bounded by a window of results in flight rather than by the number of files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aijri/batch/evaluate.hpp"
#include "aijri/io/file_source.hpp"
#include "aijri/io/walk.hpp"
#include "aijri/model/methodology.hpp"

namespace aijri {

// What a batch keeps of every file once its output is written: enough for zone counts,
// gates and sorting, and small.
struct ResultSummary {
    std::string file;
    std::string id;
    std::string title;
    bool valid = false;
    bool io_error = false;
    bool methodology_error = false;
    bool usage_error = false; // the command line asked what this file cannot give (--set)
    Rational aijri;           // final
    Zone zone = Zone::red;
    std::string label;
    // The composite's two halves, for a chart of a portfolio: the task resistance and the
    // product of the three modifiers (raw = task_resistance × modifiers).
    Rational task_resistance;
    Rational modifiers;
    Diagnostics first_errors; // of an invalid file: its first few errors, for a summary
    std::size_t errors = 0;
    std::size_t warnings = 0;
    // With a robustness analysis: the zone change that takes the fewest steps, if any.
    bool analysed = false;
    std::optional<ZoneChange> nearest_change;
};

ResultSummary summarize(const Evaluation& evaluation);

// One file's result, formatted on the worker thread that scored it.
struct RenderedResult {
    std::string text; // for the report
    // For each further report of the same run (aijri score --report), in order.
    std::vector<std::string> report_texts;
    std::string diagnostics; // for people, on standard error (the text format)
    ResultSummary summary;
    // A file found in a folder that is no assessment (Evaluation::skipped): no result, but a
    // warning of the batch, in its place.
    std::string skipped;
    // Where the file stands among the source's files (skipped ones counted): what a walk of
    // the same paths gives at that place (walked_files_at).
    std::size_t position = 0;
};

struct BatchOptions {
    unsigned jobs = 1;
    std::size_t max_bytes = 0;
    const Methodology* methodology = nullptr;
    // Batch reports show titles and figures, never rationales: by default the prose is
    // checked but not kept (AssessmentReader::keep_prose).
    bool keep_prose = false;
    InputFormat input_format = InputFormat::automatic; // JSON or documents (see evaluate)
    std::vector<InputSetting> edits{}; // `--set`: every role scored as edited (ReadOptions::edits)
};

// Called on worker threads, concurrently: must only read shared state. It may complete the
// evaluation before rendering it (robustness adds its analysis there, on the worker).
using RenderFunction = std::function<RenderedResult(Evaluation&)>;
// Called once per file, in input order, never concurrently; with more than one job, on
// whichever worker finished the next file in order (the calling thread is one of them).
// What it throws ends the batch and comes out of run_batch.
using EmitFunction = std::function<void(RenderedResult&&)>;

// Called like EmitFunction with each warning of the source (a file skipped by a walk, a
// document found in a folder that is no assessment), before the results of the files that
// come after it.
using WarningFunction = std::function<void(const std::string&)>;

// Scores every file of `source`. Files are taken from the source in chunks as workers need
// them, so a walk streams: memory holds a window of files, not the list of them all.
void run_batch(InputSource& source, const BatchOptions& options, const RenderFunction& render,
               const EmitFunction& emit, const WarningFunction& on_warning);

void run_batch(const std::vector<InputFile>& files, const BatchOptions& options,
               const RenderFunction& render, const EmitFunction& emit,
               const WarningFunction& on_warning = {});

// Evaluates every file on options.jobs threads, in no set order, reading runs of files at
// once as run_batch() does; on_evaluation(i, the evaluation of files[i]) runs on the worker
// that made it, and may keep what it needs. What it throws ends the work and comes out of
// evaluate_all, on the calling thread.
void evaluate_all(const std::vector<InputFile>& files, const BatchOptions& options,
                  const std::function<void(std::size_t, Evaluation&&)>& on_evaluation);
// The same with files[i] scored under methodology_of(i) rather than options.methodology (a
// diff reads the files of both its sides at once).
void evaluate_all(const std::vector<InputFile>& files, const BatchOptions& options,
                  const std::function<const Methodology&(std::size_t)>& methodology_of,
                  const std::function<void(std::size_t, Evaluation&&)>& on_evaluation);

// Reads one assessment per line from `path` ("-" for stdin), in constant memory, and
// scores each on the calling thread. A record's diagnostics name `display` and the line.
void run_jsonl_stream(const std::string& path, const std::string& display,
                      const BatchOptions& options, const RenderFunction& render,
                      const EmitFunction& emit);

// An id that more than one file of a batch uses: diff pairs roles by id, so only one of them
// could be compared.
struct DuplicateId {
    std::string id;
    std::vector<std::string> files;
};

// The ids of a batch, kept as 64-bit hashes with each file's position (16 bytes a file, so a
// walk of any size stays small). Files whose ids hash alike are the candidates for an id
// used by more than one file; the caller confirms them (reading those few files again).
class IdCensus {
public:
    void add(std::string_view id, std::size_t position);
    // Groups of positions (each sorted, two or more) whose ids hash alike, by first position.
    std::vector<std::vector<std::size_t>> collisions();

private:
    std::vector<std::pair<std::uint64_t, std::size_t>> m_seen;
};

// The ids used by more than one file, from a census of `files_at` positions: the candidate
// files are read again (few, and only when hashes meet) and grouped by their real id.
// `files_at(positions)` gives the files at those positions, in that order.
std::vector<DuplicateId> confirm_duplicate_ids(
    IdCensus& census,
    const std::function<std::vector<InputFile>(const std::vector<std::size_t>&)>& files_at,
    const BatchOptions& options);

// The files a walk of `paths` gives at `positions` (sorted), by walking it again.
std::vector<InputFile> walked_files_at(const std::vector<std::string>& paths,
                                       const std::vector<std::size_t>& positions,
                                       InputFormat format = InputFormat::automatic);

// Evaluates one file: reads it (with the size limit) and scores it, as JSON or as a
// document (see evaluate). A file a walk found is read as load_file() reads a file found
// regular, relative to its folder when that is open.
Evaluation evaluate_file(AssessmentReader& reader, FileBuffer& buffer, const InputFile& input,
                         const Methodology& methodology, std::size_t max_bytes,
                         InputFormat format = InputFormat::automatic,
                         std::span<const InputSetting> edits = {});

} // namespace aijri
