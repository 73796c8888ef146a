#include "aijri/io/git_source.hpp"
#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <exception>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <fmt/format.h>

#include "aijri/io/interrupt.hpp"
#include "aijri/util/threads.hpp"

#include "git_blob_reader.hpp"
#include "git_run.hpp"

extern char** environ; // NOLINT: POSIX

namespace aijri {
namespace {

constexpr int k_pipe_size = 1 << 20;

struct Pipe {
    int read_end = -1;
    int write_end = -1;
    Pipe() {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) {
            throw GitError(fmt::format("cannot create a pipe: {}", std::strerror(errno)));
        }
        read_end = fds[0];
        write_end = fds[1];
    }
    static void close_fd(int& fd) {
        if (fd >= 0) {
            ::close(fd);
            fd = -1;
        }
    }
};

// Starts git with `arguments` (no shell), its stdin/stdout/stderr on the given descriptors.
pid_t spawn_git(const std::vector<std::string>& arguments, int in, int out, int err) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in, STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err, STDERR_FILENO);
    std::vector<char*> argv;
    std::vector<std::string> storage = arguments;
    storage.insert(storage.begin(), "git");
    for (std::string& a : storage) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int rc = ::posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        throw GitError(fmt::format("cannot run git: {}", std::strerror(rc)));
    }
    interrupt::register_child(pid);
    return pid;
}

} // namespace

namespace detail {

// Runs git to completion, reading its output and errors together so neither pipe fills.
Completed run_git(const std::vector<std::string>& arguments) {
    Pipe out;
    Pipe err;
    const int null_in = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    const pid_t pid = spawn_git(arguments, null_in, out.write_end, err.write_end);
    ::close(null_in);
    Pipe::close_fd(out.write_end);
    Pipe::close_fd(err.write_end);
    Completed done;
    std::array<pollfd, 2> fds{{{out.read_end, POLLIN, 0}, {err.read_end, POLLIN, 0}}};
    std::array<std::string*, 2> sinks{&done.out, &done.err};
    int open_count = 2;
    char chunk[65536];
    while (open_count > 0) {
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            break;
        }
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) {
                continue;
            }
            const ssize_t got = ::read(fds[i].fd, chunk, sizeof chunk);
            if (got > 0) {
                sinks[i]->append(chunk, static_cast<std::size_t>(got));
            } else if (got == 0 || errno != EINTR) {
                ::close(fds[i].fd);
                fds[i].fd = -1;
                --open_count;
            }
        }
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    interrupt::release_child(pid);
    done.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return done;
}

std::string first_line(const std::string& text) {
    const auto end = text.find('\n');
    return text.substr(0, end);
}

bool is_hidden_path(std::string_view path) {
    std::size_t start = 0;
    while (start < path.size()) {
        if (path[start] == '.') {
            return true;
        }
        const auto slash = path.find('/', start);
        if (slash == std::string_view::npos) {
            break;
        }
        start = slash + 1;
    }
    return false;
}

} // namespace detail

using detail::Completed;
using detail::first_line;
using detail::run_git;

std::string git_resolve_commit(const std::string& revision) {
    if (revision.empty()) {
        throw GitError("an empty revision names no commit: give a branch, tag or commit");
    }
    if (revision.front() == '-') {
        throw GitError(fmt::format(
            "refusing the revision \"{}\": a revision may not begin with '-'", revision));
    }
    const Completed r =
        run_git({"rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"});
    if (r.status != 0) {
        const Completed inside = run_git({"rev-parse", "--is-inside-work-tree"});
        if (inside.status != 0) {
            throw GitError(fmt::format("not in a git repository: {}", first_line(inside.err)));
        }
        throw GitError(fmt::format("unknown revision \"{}\"", revision));
    }
    return first_line(r.out);
}

std::string git_prefix() {
    const Completed r = run_git({"rev-parse", "--show-prefix"});
    if (r.status != 0) {
        throw GitError(fmt::format("git rev-parse failed: {}", first_line(r.err)));
    }
    return first_line(r.out);
}

bool is_listed_assessment(std::string_view path, InputFormat format) {
    const std::string_view name = path.substr(path.find_last_of('/') + 1);
    return is_assessment_name(name, format) && !detail::is_hidden_path(path);
}

std::vector<GitFile> git_list_json(const std::string& commit, const std::vector<std::string>& paths,
                                   InputFormat format) {
    std::vector<std::string> arguments{"ls-tree", "-r", "-z", "--full-name", commit, "--"};
    arguments.insert(arguments.end(), paths.begin(), paths.end());
    const Completed r = run_git(arguments);
    if (r.status != 0) {
        throw GitError(fmt::format("git ls-tree failed: {}", first_line(r.err)));
    }
    // Each entry: "<mode> <type> <object>\t<path>\0"
    std::vector<GitFile> files;
    std::size_t start = 0;
    while (start < r.out.size()) {
        auto end = r.out.find('\0', start);
        end = end == std::string::npos ? r.out.size() : end;
        const std::string_view entry(r.out.data() + start, end - start);
        start = end + 1;
        const auto tab = entry.find('\t');
        if (tab == std::string_view::npos || entry.find(" blob ") == std::string_view::npos) {
            continue;
        }
        const std::string_view path = entry.substr(tab + 1);
        if (is_listed_assessment(path, format)) {
            const std::string_view head = entry.substr(0, tab);
            files.push_back(
                GitFile{std::string(path), std::string(head.substr(head.rfind(' ') + 1))});
        }
    }
    return files;
}

void git_read_blobs(const std::vector<std::string>& blobs, unsigned readers, std::size_t max_bytes,
                    const std::function<void(std::size_t, std::string&&)>& on_blob,
                    const std::function<void(std::size_t, std::size_t)>& on_too_large) {
    // git spends its time inflating objects: several cat-file processes use several cores.
    // Each takes a run of consecutive blobs, so that blobs asked for one after the other (a
    // file's two versions) go to the same git.
    const std::size_t count =
        std::max<std::size_t>(1, std::min<std::size_t>(readers, blobs.size()));
    const std::size_t per_reader = (blobs.size() + count - 1) / count;
    std::atomic<std::size_t> next_reader{0};
    // Every reader reads its whole run: one git failing does not stop the others.
    detail::run_on_threads(
        count,
        [&] {
            const std::size_t begin = std::min(blobs.size(), next_reader++ * per_reader);
            const std::size_t end = std::min(blobs.size(), begin + per_reader);
            const std::vector<std::string> objects(
                blobs.begin() + static_cast<std::ptrdiff_t>(begin),
                blobs.begin() + static_cast<std::ptrdiff_t>(end));
            GitBlobReader reader(max_bytes);
            reader.read_each(objects, [&](std::size_t k, GitAnswer&& answer) {
                if (answer.missing) {
                    throw GitError(fmt::format("git cannot read the object {}", objects[k]));
                }
                if (answer.too_large) {
                    on_too_large(begin + k, answer.size);
                } else {
                    on_blob(begin + k, std::move(answer.content));
                }
            });
        },
        [] {});
}

struct GitBlobReader::Impl {
    pid_t pid = -1;
    int to_git = -1;
    int from_git = -1;
    // Answers read from git: [begin, filled) is read and not yet consumed. The buffer keeps
    // its size between reads: growing a string zero-fills it, and doing that for every read
    // of up to a pipe-full was most of the memset time of a diff --git.
    std::string buffer;
    std::size_t begin = 0;
    std::size_t filled = 0;

    std::size_t max_bytes = SIZE_MAX;

    explicit Impl(std::size_t limit) : max_bytes(limit) {
        Pipe in;
        Pipe out;
        const int null_err = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
        // -z: requests end with NUL, so file names with newlines are read correctly.
        // git keeps the objects it inflates to resolve deltas in a cache of up to 96 MiB,
        // each in fresh memory: a page fault every 4 KiB, and a fault costs 12 µs in some
        // virtual machines (this cache was most of git's time in bench/diff.py). Blobs are
        // asked for with a file's two versions together (see git_read_blobs), so the base a
        // delta needs was inflated just before, and a small cache that reuses its memory
        // serves it.
        const std::vector<std::string> arguments{
            "-c", "core.deltaBaseCacheLimit=1m", "cat-file", "--batch", "-z", "--buffer"};
        // A pipe holds 64 KiB by default: git would stop and wake us every few blobs, and a
        // switch between processes is dear in a virtual machine. 1 MiB is what Linux lets any
        // process ask for; a refusal only costs speed.
        (void)::fcntl(out.read_end, F_SETPIPE_SZ, k_pipe_size);
        pid = spawn_git(arguments, in.read_end, out.write_end, null_err);
        ::close(null_err);
        Pipe::close_fd(in.read_end);
        Pipe::close_fd(out.write_end);
        to_git = in.write_end;
        from_git = out.read_end;
        // A git that dies must be an error, not our death.
        std::signal(SIGPIPE, SIG_IGN); // NOLINT(cert-err33-c)
    }

    ~Impl() {
        Pipe::close_fd(to_git);
        Pipe::close_fd(from_git);
        if (pid > 0) {
            int status = 0;
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            interrupt::release_child(pid);
        }
    }

    void write_all(std::string_view data) {
        while (!data.empty()) {
            const ssize_t n = ::write(to_git, data.data(), data.size());
            if (n < 0) {
                if (errno == EINTR) {
                    continue;
                }
                throw GitError(fmt::format("git cat-file stopped: {}", std::strerror(errno)));
            }
            data.remove_prefix(static_cast<std::size_t>(n));
        }
    }

    std::size_t available() const { return filled - begin; }

    // Reads until at least `size` unconsumed bytes are buffered.
    void fill(std::size_t size) {
        if (begin > 0 && begin >= filled / 2) {
            // Compact rarely, not on every answer.
            std::copy(buffer.begin() + static_cast<std::ptrdiff_t>(begin),
                      buffer.begin() + static_cast<std::ptrdiff_t>(filled), buffer.begin());
            filled -= begin;
            begin = 0;
        }
        constexpr std::size_t k_chunk = k_pipe_size;
        while (available() < size) {
            // Room for a pipe-full after what is buffered (or for the rest of a big answer).
            const std::size_t room = filled + std::max(k_chunk, size - available());
            if (buffer.size() < room) {
                buffer.resize(room);
            }
            const ssize_t n = ::read(from_git, buffer.data() + filled, buffer.size() - filled);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                throw GitError("git cat-file stopped answering");
            }
            filled += static_cast<std::size_t>(n);
        }
    }

    std::string read_line() {
        std::size_t newline = 0;
        while ((newline = std::string_view(buffer.data(), filled).find('\n', begin)) ==
               std::string_view::npos) {
            fill(available() + 1);
        }
        std::string line = buffer.substr(begin, newline - begin);
        begin = newline + 1;
        return line;
    }

    // Drops `size` bytes of an answer as they arrive, a pipe-full at a time.
    void skip(std::size_t size) {
        while (size > 0) {
            if (available() == 0) {
                fill(1);
            }
            const std::size_t step = std::min(size, available());
            begin += step;
            size -= step;
        }
    }

    // "<object> blob <size>\n<content>\n", or "<object> missing\n"
    GitAnswer read_answer() {
        const std::string header = read_line();
        GitAnswer answer;
        if (header.size() >= 8 && header.compare(header.size() - 8, 8, " missing") == 0) {
            answer.missing = true;
            return answer;
        }
        const auto last_space = header.rfind(' ');
        std::size_t size = 0;
        try {
            size = std::stoull(header.substr(last_space + 1));
        } catch (const std::exception&) {
            throw GitError(fmt::format("unexpected answer from git cat-file: {}", header));
        }
        answer.size = size;
        if (size > max_bytes) {
            answer.too_large = true;
            skip(size + 1);
            return answer;
        }
        fill(size + 1);
        answer.content = buffer.substr(begin, size);
        begin += size + 1;
        return answer;
    }
};

GitBlobReader::GitBlobReader(std::size_t max_bytes) : m_impl(std::make_unique<Impl>(max_bytes)) {}
GitBlobReader::~GitBlobReader() = default;

void GitBlobReader::read_each(const std::vector<std::string>& objects,
                              const std::function<void(std::size_t, GitAnswer&&)>& on_answer) {
    // Requests go in from a second thread while the answers are read here, so git never
    // waits for us to ask, and neither pipe can fill up and stall the other.
    std::string requests;
    for (const std::string& object : objects) {
        requests += object;
        requests += '\0';
    }
    std::exception_ptr write_failure;
    std::thread writer([&] {
        try {
            m_impl->write_all(requests);
            // The end of the requests is what makes a buffering git write its last answers.
            Pipe::close_fd(m_impl->to_git);
        } catch (...) {
            write_failure = std::current_exception();
        }
    });
    try {
        for (std::size_t i = 0; i < objects.size(); ++i) {
            on_answer(i, m_impl->read_answer());
        }
    } catch (...) {
        // Closing our end stops git, which unblocks the writer.
        Pipe::close_fd(m_impl->from_git);
        writer.join();
        throw;
    }
    writer.join();
    if (write_failure) {
        std::rethrow_exception(write_failure);
    }
}

} // namespace aijri
