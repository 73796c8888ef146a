#include "aijri/batch/batch.hpp"
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <unistd.h>
#include <variant>

#include <fmt/format.h>

#include "aijri/io/file_loader.hpp"
#include "aijri/util/function_ref.hpp"
#include "aijri/util/threads.hpp"

namespace aijri {

ResultSummary summarize(const Evaluation& e) {
    ResultSummary s;
    s.file = e.record_line > 0 ? fmt::format("{}:{}", e.file, e.record_line) : e.file;
    s.valid = e.valid();
    s.io_error = e.io_error;
    s.methodology_error = e.methodology_error;
    s.usage_error = e.edit_error;
    if (e.assessment) {
        s.id = e.assessment->id;
        s.title = e.assessment->role.title;
    }
    if (e.score) {
        s.aijri = e.score->final_.aijri;
        s.zone = e.score->final_.zone;
        s.label = e.score->final_.label;
        s.task_resistance = e.score->task_resistance;
        s.modifiers =
            e.score->evidence_modifier * e.score->barrier_modifier * e.score->growth_modifier;
    }
    constexpr std::size_t k_errors_kept = 5;
    for (const Diagnostic& d : e.diagnostics) {
        (d.severity == Severity::error ? s.errors : s.warnings) += 1;
        if (!s.valid && d.severity == Severity::error && s.first_errors.size() < k_errors_kept) {
            s.first_errors.push_back(d);
            s.first_errors.back().source_line.clear();
        }
    }
    if (e.robustness) {
        s.analysed = true;
        s.nearest_change = nearest_zone_change(e.robustness->fewest_edits);
    }
    return s;
}

void IdCensus::add(std::string_view id, std::size_t position) {
    m_seen.emplace_back(std::hash<std::string_view>{}(id), position);
}

std::vector<std::vector<std::size_t>> IdCensus::collisions() {
    std::sort(m_seen.begin(), m_seen.end());
    std::vector<std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < m_seen.size();) {
        std::size_t end = i + 1;
        while (end < m_seen.size() && m_seen[end].first == m_seen[i].first) {
            ++end;
        }
        if (end - i > 1) {
            std::vector<std::size_t> group;
            for (std::size_t k = i; k < end; ++k) {
                group.push_back(m_seen[k].second);
            }
            groups.push_back(std::move(group));
        }
        i = end;
    }
    std::sort(groups.begin(), groups.end());
    return groups;
}

namespace {

// What one thread reads assessments with, set up once from the options: its buffers grow to
// fit a file once, then are reused.
struct ThreadReader {
    explicit ThreadReader(const BatchOptions& options) { reader.keep_prose(options.keep_prose); }
    AssessmentReader reader;
    FileBuffer buffer;
};

} // namespace

std::vector<DuplicateId> confirm_duplicate_ids(
    IdCensus& census,
    const std::function<std::vector<InputFile>(const std::vector<std::size_t>&)>& files_at,
    const BatchOptions& options) {
    std::vector<DuplicateId> duplicates;
    ThreadReader thread(options);
    for (const std::vector<std::size_t>& group : census.collisions()) {
        std::map<std::string, std::vector<std::string>> by_id; // a hash collision splits here
        for (const InputFile& file : files_at(group)) {
            const Evaluation e =
                evaluate_file(thread.reader, thread.buffer, file, *options.methodology,
                              options.max_bytes, options.input_format);
            if (e.assessment) {
                by_id[e.assessment->id].push_back(e.file);
            }
        }
        for (auto& [id, files] : by_id) {
            if (files.size() > 1) {
                duplicates.push_back(DuplicateId{id, std::move(files)});
            }
        }
    }
    return duplicates;
}

std::vector<InputFile> walked_files_at(const std::vector<std::string>& paths,
                                       const std::vector<std::size_t>& positions,
                                       InputFormat format) {
    std::vector<InputFile> files;
    InputWalk walk(paths, format);
    std::size_t position = 0;
    auto wanted = positions.begin();
    while (wanted != positions.end()) {
        auto file = walk.next();
        if (!file) {
            break;
        }
        if (position++ == *wanted) {
            files.push_back(std::move(*file));
            ++wanted;
        }
    }
    return files;
}

namespace {

// A file that could not be read: only its name and why.
Evaluation not_read(const InputFile& input, std::string message, bool io_error) {
    Evaluation e;
    e.file = display_path(input.path);
    e.io_error = io_error;
    e.diagnostics.push_back(make_error("", {}, std::move(message)));
    return e;
}

} // namespace

Evaluation evaluate_file(AssessmentReader& reader, FileBuffer& buffer, const InputFile& input,
                         const Methodology& methodology, std::size_t max_bytes, InputFormat format,
                         std::span<const InputSetting> edits) {
    if (!input.unreadable.empty()) {
        return not_read(input, input.unreadable, true);
    }
    if (const auto problem = load_file(input, max_bytes, buffer)) {
        return not_read(input, problem->message, !problem->too_large);
    }
    return evaluate(reader, buffer.padded(), display_path(input.path), methodology,
                    ReadOptions{format, !input.explicit_, edits});
}

namespace {

// files[i] of the loader's run, read by it.
Evaluation evaluate_loaded(AssessmentReader& reader, FileLoader& loader, std::size_t i,
                           const InputFile& input, const Methodology& methodology,
                           const BatchOptions& options) {
    if (!input.unreadable.empty()) {
        return not_read(input, input.unreadable, true);
    }
    auto loaded = loader.load(i);
    if (auto* problem = std::get_if<LoadError>(&loaded)) {
        return not_read(input, std::move(problem->message), !problem->too_large);
    }
    return evaluate(reader, std::get<PaddedText>(loaded), display_path(input.path), methodology,
                    ReadOptions{options.input_format, !input.explicit_, options.edits});
}

// An internal failure (an exhausted allocator, arithmetic overflow from an extreme
// methodology) becomes that file's error, so the rest of the batch is still reported.
RenderedResult score_one(const InputFile& input, const RenderFunction& render,
                         detail::FunctionRef<Evaluation()> evaluate_input) {
    try {
        Evaluation e = evaluate_input();
        if (!e.skipped.empty()) {
            RenderedResult skipped;
            skipped.skipped = std::move(e.skipped);
            return skipped;
        }
        return render(e);
    } catch (const std::exception& failure) {
        Evaluation e;
        e.file = input.path;
        e.diagnostics.push_back(
            make_error("", {}, fmt::format("internal error: {}", failure.what())));
        return render(e);
    }
}

// Results are produced out of order by the workers and handed out in order. Work is handed
// out in chunks of consecutive files, so that the threads meet once per chunk rather than
// once per file (every meeting can be a futex system call), and a worker may run at most
// `window` chunks ahead of the last one emitted, which bounds memory.
//
// There is no thread that only waits for results: the worker that delivers the next chunk
// in order emits it (and any that were waiting behind it), then goes back to scoring. On a
// machine with as many workers as cores, a separate consumer would be woken once per chunk
// and preempt a worker every time.
class OrderedPipeline {
public:
    using Result = std::variant<RenderedResult, std::exception_ptr>;

    struct Chunk {
        std::vector<InputFile> files;
        std::vector<Result> results;
        // What the source met on the way, each with the index of the file it came before
        // (files.size(): after the last one).
        std::vector<std::pair<std::size_t, std::string>> warnings;
    };
    using EmitChunk = detail::FunctionRef<void(Chunk&)>;

    OrderedPipeline(InputSource& source, std::size_t chunk_size, std::size_t window)
        : m_source(source), m_chunk_size(chunk_size), m_slots(window) {}

    // The next chunk of files to score (its index, its files), or nullopt when the source
    // has no more or the batch stopped. The source is read under the lock, so chunk i holds
    // the i-th run of files whichever worker asks.
    std::optional<std::pair<std::size_t, Chunk>> claim() {
        std::unique_lock lock(m_mutex);
        if (m_exhausted || m_failure) {
            return std::nullopt;
        }
        Chunk chunk;
        try {
            while (chunk.files.size() < m_chunk_size) {
                auto file = m_source.next();
                for (std::string& warning : m_source.take_warnings()) {
                    chunk.warnings.emplace_back(chunk.files.size(), std::move(warning));
                }
                if (!file) {
                    break;
                }
                chunk.files.push_back(std::move(*file));
            }
        } catch (...) {
            fail(std::current_exception());
            return std::nullopt;
        }
        if (chunk.files.empty()) {
            m_exhausted = true;
            for (auto& [before, warning] : chunk.warnings) {
                m_trailing_warnings.push_back(std::move(warning));
            }
            return std::nullopt;
        }
        const std::size_t index = m_next++;
        m_space.wait(lock, [&] { return m_failure || index < m_emitted + m_slots.size(); });
        if (m_failure) {
            return std::nullopt;
        }
        return std::pair{index, std::move(chunk)};
    }

    // Hands a scored chunk in. If it is the next one in order and nobody is emitting, this
    // thread emits it and every chunk already waiting behind it.
    void deliver(std::size_t index, Chunk&& chunk, EmitChunk emit) {
        std::unique_lock lock(m_mutex);
        m_slots[index % m_slots.size()] = std::move(chunk);
        if (m_emitting || index != m_emitted || m_failure) {
            return;
        }
        m_emitting = true;
        for (auto* slot = &m_slots[m_emitted % m_slots.size()]; slot->has_value() && !m_failure;
             slot = &m_slots[m_emitted % m_slots.size()]) {
            Chunk ready = std::move(**slot);
            slot->reset();
            lock.unlock();
            try {
                emit(ready);
            } catch (...) {
                lock.lock();
                m_emitting = false;
                fail(std::current_exception());
                return;
            }
            lock.lock();
            ++m_emitted;
            m_space.notify_all();
        }
        m_emitting = false;
    }

    // Ends the batch early: the first failure is kept for the caller, the rest is dropped.
    void fail(std::exception_ptr failure) {
        if (!m_failure) {
            m_failure = std::move(failure);
        }
        m_space.notify_all();
    }

    void fail_unlocked(std::exception_ptr failure) {
        std::lock_guard lock(m_mutex);
        fail(std::move(failure));
    }

    // Once every worker is done: the first failure, if any.
    std::exception_ptr failure() {
        std::lock_guard lock(m_mutex);
        return m_failure;
    }

    // Once every worker is done: what the source met after its last file.
    std::vector<std::string> trailing_warnings() {
        std::lock_guard lock(m_mutex);
        return std::move(m_trailing_warnings);
    }

private:
    InputSource& m_source;
    const std::size_t m_chunk_size;
    std::mutex m_mutex;
    std::condition_variable m_space;
    std::vector<std::optional<Chunk>> m_slots;
    std::size_t m_next = 0;    // chunks handed out
    std::size_t m_emitted = 0; // chunks emitted
    bool m_emitting = false;
    bool m_exhausted = false;
    // The source threw (out of memory), or emitting did (the output could not be written),
    // or a file's scoring failed outside its own error handling.
    std::exception_ptr m_failure;
    std::vector<std::string> m_trailing_warnings;
};

// Small enough that the first results show at once and a slow file delays few others;
// large enough that threads rarely wait on each other.
constexpr std::size_t k_chunk_files = 16;
constexpr std::size_t k_window_chunks_per_job = 4;

class ListSource final : public InputSource {
public:
    explicit ListSource(const std::vector<InputFile>& files) : m_files(files) {}
    std::optional<InputFile> next() override {
        if (m_next == m_files.size()) {
            return std::nullopt;
        }
        return m_files[m_next++];
    }

private:
    const std::vector<InputFile>& m_files;
    std::size_t m_next = 0;
};

void run_serial(InputSource& source, const BatchOptions& options, const RenderFunction& render,
                const EmitFunction& emit, const WarningFunction& on_warning) {
    ThreadReader thread(options);
    const auto warn = [&] {
        for (const std::string& warning : source.take_warnings()) {
            on_warning(warning);
        }
    };
    std::size_t position = 0;
    while (auto input = source.next()) {
        warn();
        RenderedResult result = score_one(*input, render, [&] {
            return evaluate_file(thread.reader, thread.buffer, *input, *options.methodology,
                                 options.max_bytes, options.input_format, options.edits);
        });
        result.position = position++;
        if (!result.skipped.empty()) {
            on_warning(result.skipped);
        } else {
            emit(std::move(result));
        }
    }
    warn();
}

void score_chunks(OrderedPipeline& pipeline, const BatchOptions& options,
                  const RenderFunction& render, OrderedPipeline::EmitChunk emit) {
    ThreadReader thread(options);
    FileLoader loader(k_chunk_files, options.max_bytes);
    while (auto claimed = pipeline.claim()) {
        auto& [index, chunk] = *claimed;
        chunk.results.reserve(chunk.files.size());
        loader.start(chunk.files);
        for (std::size_t i = 0; i < chunk.files.size(); ++i) {
            // An exception on a worker thread would end the program (std::terminate); it is
            // kept in its place and rethrown on the calling thread when it comes in order.
            // Named, not captured through the structured binding: clang before 16 refuses that.
            const InputFile& file = chunk.files[i];
            try {
                chunk.results.emplace_back(score_one(file, render, [&] {
                    return evaluate_loaded(thread.reader, loader, i, file, *options.methodology,
                                           options);
                }));
            } catch (...) {
                chunk.results.emplace_back(std::current_exception());
            }
        }
        chunk.files = {};
        pipeline.deliver(index, std::move(chunk), emit);
    }
}

} // namespace

void run_batch(InputSource& source, const BatchOptions& options, const RenderFunction& render,
               const EmitFunction& emit, const WarningFunction& on_warning) {
    const std::size_t jobs = std::max<std::size_t>(options.jobs, 1);
    if (jobs == 1) {
        run_serial(source, options, render, emit, on_warning);
        return;
    }
    std::size_t position = 0; // chunks are emitted one at a time, in order
    const auto emit_chunk = [&](OrderedPipeline::Chunk& chunk) {
        auto warning = chunk.warnings.begin();
        for (std::size_t i = 0; i <= chunk.results.size(); ++i) {
            for (; warning != chunk.warnings.end() && warning->first == i; ++warning) {
                on_warning(warning->second);
            }
            if (i == chunk.results.size()) {
                break;
            }
            OrderedPipeline::Result& result = chunk.results[i];
            if (auto* failure = std::get_if<std::exception_ptr>(&result)) {
                std::rethrow_exception(*failure);
            }
            auto& rendered = std::get<RenderedResult>(result);
            rendered.position = position++;
            if (!rendered.skipped.empty()) {
                on_warning(rendered.skipped);
            } else {
                emit(std::move(rendered));
            }
        }
    };
    OrderedPipeline pipeline(source, k_chunk_files, jobs * k_window_chunks_per_job);
    // Every failure is kept by the pipeline, which stops the others and keeps the first.
    detail::run_on_threads(
        jobs,
        [&] {
            try {
                score_chunks(pipeline, options, render, emit_chunk);
            } catch (...) {
                pipeline.fail_unlocked(std::current_exception()); // allocating a reader failed
            }
        },
        [] {});
    if (const auto failure = pipeline.failure()) {
        std::rethrow_exception(failure);
    }
    for (const std::string& warning : pipeline.trailing_warnings()) {
        on_warning(warning);
    }
}

void evaluate_all(const std::vector<InputFile>& files, const BatchOptions& options,
                  const std::function<void(std::size_t, Evaluation&&)>& on_evaluation) {
    evaluate_all(
        files, options,
        [&options](std::size_t) -> const Methodology& { return *options.methodology; },
        on_evaluation);
}

void evaluate_all(const std::vector<InputFile>& files, const BatchOptions& options,
                  const std::function<const Methodology&(std::size_t)>& methodology_of,
                  const std::function<void(std::size_t, Evaluation&&)>& on_evaluation) {
    const std::size_t chunks = (files.size() + k_chunk_files - 1) / k_chunk_files;
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        ThreadReader thread(options);
        FileLoader loader(k_chunk_files, options.max_bytes);
        for (std::size_t chunk = next++; chunk < chunks; chunk = next++) {
            const std::size_t begin = chunk * k_chunk_files;
            const std::size_t count = std::min(k_chunk_files, files.size() - begin);
            loader.start(std::span(files).subspan(begin, count));
            for (std::size_t k = 0; k < count; ++k) {
                const std::size_t i = begin + k;
                on_evaluation(i, evaluate_loaded(thread.reader, loader, k, files[i],
                                                 methodology_of(i), options));
            }
        }
    };
    detail::run_on_threads(std::min<std::size_t>(std::max(options.jobs, 1U), chunks), work,
                           [&] { next = chunks; });
}

void run_batch(const std::vector<InputFile>& files, const BatchOptions& options,
               const RenderFunction& render, const EmitFunction& emit,
               const WarningFunction& on_warning) {
    ListSource source(files);
    BatchOptions batch = options;
    batch.jobs = static_cast<unsigned>(
        std::clamp<std::size_t>(options.jobs, 1, std::max<std::size_t>(files.size(), 1)));
    run_batch(source, batch, render, emit,
              on_warning ? on_warning : WarningFunction([](const std::string&) {}));
}

namespace {

constexpr std::size_t k_stream_chunk = 1U << 20U;

class LineReader {
public:
    LineReader(int fd, std::size_t max_line) : m_fd(fd), m_max_line(max_line) {
        m_buffer.reserve(k_stream_chunk);
    }

    // The errno of a read that failed (the lines before it were handed out), else 0.
    int error() const { return m_error; }

    // The next line (without its '\n'), or nullopt at end of input. A line longer than the
    // limit is skipped and reported through `too_long`.
    std::optional<PaddedText> next(bool& too_long) {
        too_long = false;
        while (true) {
            const auto newline = static_cast<const char*>(
                std::memchr(m_buffer.data() + m_begin, '\n', m_end - m_begin));
            if (newline != nullptr) {
                const auto length = static_cast<std::size_t>(newline - (m_buffer.data() + m_begin));
                // The bytes after a line belong to the same buffer, which is padded at its
                // end, so the reader can work in place.
                const PaddedText line = m_buffer.part(m_begin, length);
                m_begin += length + 1;
                // A line found whole in the buffer is held to the limit too, not only one
                // that outgrew a read.
                too_long = m_skipping || length > m_max_line;
                m_skipping = false;
                return line;
            }
            if (m_eof) {
                if (m_begin == m_end && !m_skipping) {
                    return std::nullopt;
                }
                const PaddedText line = m_buffer.part(m_begin, m_end - m_begin);
                m_begin = m_end;
                too_long = m_skipping || line.view().size() > m_max_line;
                m_skipping = false;
                return line;
            }
            fill();
        }
    }

private:
    void fill() {
        // Keep the unfinished line at the front, then read more after it.
        const std::size_t pending = m_end - m_begin;
        if (pending > m_max_line) {
            m_skipping = true; // drop it; the rest of the line is dropped as it arrives
            m_begin = m_end;
        }
        const std::size_t keep = m_end - m_begin;
        std::memmove(m_buffer.data(), m_buffer.data() + m_begin, keep);
        m_begin = 0;
        m_end = keep;
        m_buffer.reserve(std::max(k_stream_chunk, keep * 2), keep);
        const std::size_t room = m_buffer.capacity() - m_end;
        ssize_t got = 0;
        do {
            got = ::read(m_fd, m_buffer.data() + m_end, room);
        } while (got < 0 && errno == EINTR);
        if (got < 0) {
            // A stream that breaks off did not end: the caller reports what was lost.
            m_error = errno;
            m_eof = true;
            return;
        }
        if (got == 0) {
            m_eof = true;
            return;
        }
        m_end += static_cast<std::size_t>(got);
    }

    int m_fd;
    std::size_t m_max_line;
    int m_error = 0;
    PaddedBuffer m_buffer;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
    bool m_eof = false;
    bool m_skipping = false;
};

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

} // namespace

void run_jsonl_stream(const std::string& path, const std::string& display,
                      const BatchOptions& options, const RenderFunction& render,
                      const EmitFunction& emit) {
    int fd = STDIN_FILENO;
    if (path != "-") {
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            throw IoError(fmt::format("{}: {}", display, describe_errno(errno)));
        }
    }
    ThreadReader thread(options);
    LineReader lines(fd, options.max_bytes);
    const std::string stem = id_from_path(display);
    std::size_t line_number = 0;
    bool too_long = false;
    while (const auto line = lines.next(too_long)) {
        ++line_number;
        if (!too_long && is_blank(line->view())) {
            continue;
        }
        Evaluation e;
        if (too_long) {
            e.file = display;
            e.diagnostics.push_back(
                make_error("", {line_number, 1},
                           fmt::format("the line is over the limit of {} (--max-bytes)",
                                       describe_size(options.max_bytes))));
        } else {
            e = evaluate(thread.reader, *line, fmt::format("{}-{}.json", stem, line_number),
                         *options.methodology,
                         ReadOptions{InputFormat::automatic, false, options.edits});
            e.file = display;
            for (Diagnostic& d : e.diagnostics) {
                if (d.position.line > 0) {
                    d.position.line = line_number;
                }
            }
        }
        e.record_line = line_number;
        emit(render(e));
    }
    if (lines.error() != 0) {
        // Reported in its place, after the records read before it, in every format.
        Evaluation e;
        e.file = display;
        e.io_error = true;
        e.record_line = line_number + 1;
        e.diagnostics.push_back(
            make_error("", {line_number + 1, 1},
                       fmt::format("cannot read the stream: {}", describe_errno(lines.error()))));
        emit(render(e));
    }
    if (fd != STDIN_FILENO) {
        ::close(fd);
    }
}

} // namespace aijri
