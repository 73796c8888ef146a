#include "aijri/batch.hpp"
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <fcntl.h>
#include <mutex>
#include <optional>
#include <thread>
#include <unistd.h>
#include <variant>

#include <fmt/format.h>

namespace aijri {

ResultSummary summarize(const Evaluation& e) {
    ResultSummary s;
    s.file = e.record_line > 0 ? fmt::format("{}:{}", e.file, e.record_line) : e.file;
    s.valid = e.valid();
    s.io_error = e.io_error;
    s.methodology_error = e.methodology_error;
    if (e.assessment) {
        s.id = e.assessment->id;
        s.title = e.assessment->role.title;
    }
    if (e.score) {
        s.aijri = e.score->final_.aijri;
        s.zone = e.score->final_.zone;
        s.label = e.score->final_.label;
    }
    for (const Diagnostic& d : e.diagnostics) {
        (d.severity == Severity::error ? s.errors : s.warnings) += 1;
    }
    return s;
}

Evaluation evaluate_file(AssessmentReader& reader, FileBuffer& buffer, const std::string& path,
                         const Methodology& methodology, std::size_t max_bytes) {
    std::string shown = path == "-" ? "<stdin>" : path;
    if (const auto problem = load_file(path, max_bytes, buffer)) {
        Evaluation e;
        e.file = std::move(shown);
        e.io_error = !problem->too_large;
        e.diagnostics.push_back(make_error("", {}, problem->message));
        return e;
    }
    return evaluate(reader, buffer.text(), std::move(shown), methodology, /*padded=*/true);
}

namespace {

// An internal failure (an exhausted allocator, arithmetic overflow from an extreme
// methodology) becomes that file's error, so the rest of the batch is still reported.
RenderedResult score_one(AssessmentReader& reader, FileBuffer& buffer, const InputFile& input,
                         const BatchOptions& options, const RenderFunction& render) {
    try {
        return render(
            evaluate_file(reader, buffer, input.path, *options.methodology, options.max_bytes));
    } catch (const std::exception& failure) {
        Evaluation e;
        e.file = input.path;
        e.diagnostics.push_back(
            make_error("", {}, fmt::format("internal error: {}", failure.what())));
        return render(e);
    }
}

// Results are produced out of order by the workers and handed out in order: a worker may
// run at most `window` files ahead of the last one emitted, which bounds memory.
class OrderedPipeline {
public:
    OrderedPipeline(std::size_t count, std::size_t window) : m_count(count), m_slots(window) {}

    // Worker side: the index of the next file to score, or nullopt when all are taken.
    std::optional<std::size_t> claim() {
        const std::size_t index = m_next.fetch_add(1);
        if (index >= m_count) {
            return std::nullopt;
        }
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [&] { return m_stopped || index < m_emitted + m_slots.size(); });
        if (m_stopped) {
            return std::nullopt;
        }
        return index;
    }

    void deliver(std::size_t index, RenderedResult&& result) {
        fill(index, Slot{std::move(result)});
    }

    // An exception on a worker thread would end the program (std::terminate); it is handed to
    // the caller instead, in its place, and thrown there.
    void fail(std::size_t index, std::exception_ptr failure) { fill(index, Slot{failure}); }

    // Caller side: blocks until result `index` is there.
    RenderedResult take(std::size_t index) {
        std::unique_lock lock(m_mutex);
        auto& slot = m_slots[index % m_slots.size()];
        m_ready.wait(lock, [&] { return slot.has_value(); });
        Slot taken = std::move(*slot);
        slot.reset();
        m_emitted = index + 1;
        lock.unlock();
        m_space.notify_all();
        if (auto* failure = std::get_if<std::exception_ptr>(&taken)) {
            std::rethrow_exception(*failure);
        }
        return std::get<RenderedResult>(std::move(taken));
    }

    void stop() {
        {
            std::lock_guard lock(m_mutex);
            m_stopped = true;
        }
        m_space.notify_all();
    }

private:
    using Slot = std::variant<RenderedResult, std::exception_ptr>;

    void fill(std::size_t index, Slot&& slot) {
        {
            std::lock_guard lock(m_mutex);
            m_slots[index % m_slots.size()] = std::move(slot);
        }
        m_ready.notify_one(); // only the caller waits for results
    }

    const std::size_t m_count;
    std::atomic<std::size_t> m_next{0};
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::condition_variable m_space;
    std::vector<std::optional<Slot>> m_slots;
    std::size_t m_emitted = 0;
    bool m_stopped = false;
};

constexpr std::size_t k_window_per_job = 32;

} // namespace

void run_batch(const std::vector<InputFile>& files, const BatchOptions& options,
               const RenderFunction& render, const EmitFunction& emit) {
    const std::size_t jobs =
        std::clamp<std::size_t>(options.jobs, 1, std::max<std::size_t>(files.size(), 1));
    if (jobs == 1) {
        AssessmentReader reader;
        FileBuffer buffer;
        for (const InputFile& input : files) {
            emit(score_one(reader, buffer, input, options, render));
        }
        return;
    }
    OrderedPipeline pipeline(files.size(), jobs * k_window_per_job);
    std::vector<std::thread> workers;
    workers.reserve(jobs);
    for (std::size_t j = 0; j < jobs; ++j) {
        workers.emplace_back([&] {
            AssessmentReader reader;
            FileBuffer buffer;
            while (const auto index = pipeline.claim()) {
                try {
                    pipeline.deliver(*index,
                                     score_one(reader, buffer, files[*index], options, render));
                } catch (...) {
                    pipeline.fail(*index, std::current_exception());
                }
            }
        });
    }
    const auto join_all = [&] {
        for (std::thread& worker : workers) {
            worker.join();
        }
    };
    try {
        for (std::size_t i = 0; i < files.size(); ++i) {
            emit(pipeline.take(i));
        }
    } catch (...) {
        // Writing the output failed: stop the workers before the exception leaves.
        pipeline.stop();
        join_all();
        throw;
    }
    join_all();
}

namespace {

constexpr std::size_t k_stream_chunk = 1U << 20U;

class LineReader {
public:
    LineReader(int fd, std::size_t max_line) : m_fd(fd), m_max_line(max_line) {}

    // The next line (without its '\n'), or nullopt at end of input. A line longer than the
    // limit is skipped and reported through `too_long`.
    std::optional<std::string_view> next(bool& too_long) {
        too_long = false;
        while (true) {
            const auto newline = static_cast<const char*>(
                std::memchr(m_buffer.data() + m_begin, '\n', m_end - m_begin));
            if (newline != nullptr) {
                const auto length = static_cast<std::size_t>(newline - (m_buffer.data() + m_begin));
                std::string_view line(m_buffer.data() + m_begin, length);
                m_begin += length + 1;
                // A line found whole in the buffer is held to the limit too, not only one
                // that outgrew a read.
                too_long = m_skipping || length > m_max_line;
                m_skipping = false;
                return line;
            }
            if (m_eof) {
                if (m_begin == m_end) {
                    return std::nullopt;
                }
                std::string_view line(m_buffer.data() + m_begin, m_end - m_begin);
                m_begin = m_end;
                too_long = m_skipping || line.size() > m_max_line;
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
        const std::size_t want = std::max(k_stream_chunk, keep * 2);
        if (m_buffer.size() < want + k_read_padding) {
            m_buffer.resize(want + k_read_padding);
        }
        const std::size_t room = m_buffer.size() - k_read_padding - m_end;
        ssize_t got = 0;
        do {
            got = ::read(m_fd, m_buffer.data() + m_end, room);
        } while (got < 0 && errno == EINTR);
        if (got <= 0) {
            m_eof = true;
            return;
        }
        m_end += static_cast<std::size_t>(got);
    }

    int m_fd;
    std::size_t m_max_line;
    std::string m_buffer;
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
            throw IoError(fmt::format("{}: {}", display, std::strerror(errno)));
        }
    }
    AssessmentReader reader;
    LineReader lines(fd, options.max_bytes);
    const std::string stem = id_from_path(display);
    std::size_t line_number = 0;
    bool too_long = false;
    while (const auto line = lines.next(too_long)) {
        ++line_number;
        if (!too_long && is_blank(*line)) {
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
            // The bytes after a line belong to the same buffer, which is padded at its end,
            // so the reader can work in place.
            e = evaluate(reader, *line, fmt::format("{}-{}.json", stem, line_number),
                         *options.methodology, /*padded=*/true);
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
    if (fd != STDIN_FILENO) {
        ::close(fd);
    }
}

} // namespace aijri
