#include "aijri/io/output_file.hpp"
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <fmt/format.h>

namespace aijri {
namespace {

// Small: every page of a fresh buffer is a page fault, which costs 12 µs in some virtual
// machines; 64 KiB a write is still few system calls.
constexpr std::size_t k_flush_at = 64U * 1024U;

// The temporary file's name is ".<name>.aijri-XXXXXX" beside the report; a long name is
// cut so that the whole stays within NAME_MAX (255 bytes on Linux's file systems).
constexpr std::size_t k_temp_name_room =
    255 - std::string_view(".").size() - std::string_view(".aijri-XXXXXX").size();

[[noreturn]] void fail(const std::string& path, std::string_view what, int error) {
    const std::string message =
        fmt::format("{}: {}: {}", display_path(path), what, std::strerror(error));
    if (error == EPIPE) {
        throw BrokenPipe(message);
    }
    throw IoError(message);
}

mode_t mode_for(const std::string& path) {
    struct stat existing {};
    if (::stat(path.c_str(), &existing) == 0) {
        return existing.st_mode & 07777U;
    }
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return static_cast<mode_t>(0666U & ~mask);
}

std::string folder_of(const std::string& path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) {
        return ".";
    }
    return slash == 0 ? "/" : path.substr(0, slash);
}

// Where a chain of symbolic links leads, whether or not the last one exists. Relative links
// are read relative to the folder that holds them.
std::string follow_links(const std::string& path) {
    std::string current = path;
    for (int hops = 0; hops < 40; ++hops) {
        struct stat info {};
        if (::lstat(current.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) {
            return current;
        }
        std::string target(PATH_MAX, '\0');
        const ssize_t length = ::readlink(current.c_str(), target.data(), target.size());
        if (length < 0) {
            fail(path, "cannot read the symbolic link", errno);
        }
        target.resize(static_cast<std::size_t>(length));
        current = target.front() == '/' ? target : folder_of(current) + "/" + target;
    }
    fail(path, "cannot follow the symbolic link", ELOOP);
}

} // namespace

OutputFile::OutputFile(const std::string& path, GuardLines guard)
    : m_path(path), m_guarded(guard == GuardLines::yes) {
    if (path.empty() || path == "-") {
        m_stream = stdout;
        return;
    }
    m_target = follow_links(path);
    struct stat info {};
    if (::stat(m_target.c_str(), &info) != 0) {
        if (errno != ENOENT) {
            fail(path, "cannot write", errno);
        }
        open_replacement(m_target);
        return;
    }
    if (S_ISDIR(info.st_mode)) {
        throw IoError(
            fmt::format("{}: is a folder: name a file to write the report to", display_path(path)));
    }
    if (S_ISREG(info.st_mode)) {
        open_replacement(m_target);
        return;
    }
    // Never replaced: renaming a file over /dev/null would break the system for everyone.
    const int fd = ::open(m_target.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        fail(path, "cannot open", errno);
    }
    m_stream = ::fdopen(fd, "wb");
    if (m_stream == nullptr) {
        const int error = errno;
        ::close(fd);
        fail(path, "cannot open", error);
    }
    m_direct = true;
}

void OutputFile::open_replacement(const std::string& target) {
    const std::string folder = folder_of(target);
    const auto slash = target.find_last_of('/');
    const std::string name = slash == std::string::npos ? target : target.substr(slash + 1);
    const int fd = m_temp.create(fmt::format("{}/.{}.aijri-XXXXXX", folder,
                                             std::string_view(name).substr(0, k_temp_name_room)));
    if (fd < 0) {
        fail(m_path, "cannot create a temporary file beside it", errno);
    }
    // mkstemp makes the file 0600; give the report the mode a new file would get (or the
    // mode of the file it replaces), not a fixed one that ignores the umask.
    ::fchmod(fd, mode_for(target));
    m_stream = ::fdopen(fd, "wb");
    if (m_stream == nullptr) {
        const int error = errno;
        ::close(fd);
        ::unlink(m_temp.path().c_str());
        m_temp.release();
        fail(m_path, "cannot open", error);
    }
}

OutputFile::~OutputFile() {
    if (m_stream == stdout) {
        try {
            flush();
        } catch (...) { // NOLINT(bugprone-empty-catch): a destructor must not throw
        }
        std::fflush(stdout);
        return;
    }
    if (!m_committed && m_stream != nullptr) {
        std::fclose(m_stream);
        if (!m_direct) {
            ::unlink(m_temp.path().c_str());
            m_temp.release();
        }
    }
}

void OutputFile::write(std::string_view text) {
    if (m_guarded) {
        m_guard.append(m_buffer, text);
    } else if (text.size() >= k_flush_at) {
        // A whole report in one piece goes out as it is, not through a copy.
        flush();
        if (!put(text)) {
            fail_write();
        }
        return;
    } else {
        m_buffer.append(text);
    }
    if (m_buffer.size() >= k_flush_at) {
        flush();
    }
}

bool OutputFile::put(std::string_view text) {
    return std::fwrite(text.data(), 1, text.size(), m_stream) == text.size();
}

void OutputFile::fail_write() const {
    fail(m_stream == stdout ? "<stdout>" : m_path, "write failed", errno);
}

void OutputFile::flush() {
    if (m_buffer.empty()) {
        return;
    }
    const bool written = put(m_buffer);
    m_buffer.clear(); // a failed write is reported once, not again by the destructor
    if (!written) {
        fail_write();
    }
}

void OutputFile::commit() {
    if (m_guarded) {
        m_guard.finish(m_buffer);
    }
    flush();
    if (m_stream == stdout) {
        if (std::fflush(stdout) != 0) {
            fail_write();
        }
        return;
    }
    if (m_direct) {
        const bool flushed = std::fflush(m_stream) == 0;
        const int error = errno;
        const bool closed = std::fclose(m_stream) == 0;
        m_stream = nullptr;
        m_committed = true;
        if (!flushed || !closed) {
            fail(m_path, "write failed", flushed ? errno : error);
        }
        return;
    }
    if (std::fflush(m_stream) != 0 || ::fsync(::fileno(m_stream)) != 0) {
        fail_write();
    }
    std::fclose(m_stream);
    m_stream = nullptr;
    if (::rename(m_temp.path().c_str(), m_target.c_str()) != 0) {
        const int error = errno;
        ::unlink(m_temp.path().c_str());
        m_temp.release();
        fail(m_path, "cannot rename the finished report into place", error);
    }
    m_temp.release();
    m_committed = true;
}

namespace {

constexpr std::size_t k_spool_memory = 4U * 1024U * 1024U;

void write_all(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t n = ::write(fd, text.data(), text.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            throw IoError(
                fmt::format("the report's temporary file: write failed: {}", std::strerror(errno)));
        }
        text.remove_prefix(static_cast<std::size_t>(n));
    }
}

} // namespace

Spool::~Spool() {
    if (m_fd >= 0) {
        ::close(m_fd);
    }
}

void Spool::write(std::string_view text) {
    m_memory.append(text);
    if (m_memory.size() >= k_spool_memory) {
        spill();
    }
}

void Spool::spill() {
    if (m_fd < 0) {
        const char* folder = std::getenv("TMPDIR");
        std::string pattern = fmt::format("{}/aijri-spool-XXXXXX",
                                          folder != nullptr && *folder != '\0' ? folder : "/tmp");
        m_fd = ::mkostemp(pattern.data(), O_CLOEXEC);
        if (m_fd < 0) {
            throw IoError(fmt::format("{}: cannot create a temporary file: {}", pattern,
                                      std::strerror(errno)));
        }
        ::unlink(pattern.c_str()); // gone from the folder at once: nothing to clean up
    }
    write_all(m_fd, m_memory);
    m_memory.clear();
}

void Spool::drain(OutputFile& out) {
    if (m_fd >= 0) {
        spill();
        if (::lseek(m_fd, 0, SEEK_SET) != 0) {
            throw IoError(fmt::format("the report's temporary file: {}", std::strerror(errno)));
        }
        std::string chunk(k_flush_at, '\0');
        while (true) {
            const ssize_t n = ::read(m_fd, chunk.data(), chunk.size());
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n < 0) {
                throw IoError(fmt::format("the report's temporary file: read failed: {}",
                                          std::strerror(errno)));
            }
            if (n == 0) {
                break;
            }
            out.write(std::string_view(chunk.data(), static_cast<std::size_t>(n)));
        }
        ::close(m_fd);
        m_fd = -1;
    }
    out.write(m_memory);
    m_memory.clear();
}

void create_new_file(const std::string& path, std::string_view text) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) == 0) {
        throw IoError(fmt::format("{}: already exists", display_path(path)));
    }
    const auto slash = path.find_last_of('/');
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    interrupt::TemporaryFile temp;
    const int fd = temp.create(fmt::format("{}/.{}.aijri-XXXXXX", folder_of(path),
                                           std::string_view(name).substr(0, k_temp_name_room)));
    if (fd < 0) {
        fail(path, "cannot create a temporary file beside it", errno);
    }
    ::fchmod(fd, mode_for(path));
    const auto remove_temp = [&temp] {
        ::unlink(temp.path().c_str());
        temp.release();
    };
    std::string_view rest = text;
    while (!rest.empty()) {
        const ssize_t n = ::write(fd, rest.data(), rest.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            const int error = errno;
            ::close(fd);
            remove_temp();
            fail(path, "write failed", error);
        }
        rest.remove_prefix(static_cast<std::size_t>(n));
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int error = errno;
        remove_temp();
        fail(path, "write failed", error);
    }
    if (::link(temp.path().c_str(), path.c_str()) != 0) {
        const int error = errno;
        remove_temp();
        if (error == EEXIST) {
            throw IoError(fmt::format("{}: already exists", display_path(path)));
        }
        fail(path, "cannot create", error);
    }
    remove_temp();
}

bool same_file(const std::string& a, const std::string& b) {
    struct stat first {};
    struct stat second {};
    return ::stat(a.c_str(), &first) == 0 && ::stat(b.c_str(), &second) == 0 &&
           first.st_dev == second.st_dev && first.st_ino == second.st_ino;
}

} // namespace aijri
