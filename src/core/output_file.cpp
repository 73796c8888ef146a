#include "aijri/output_file.hpp"
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "aijri/file_source.hpp"

namespace aijri {
namespace {

// Small: every page of a fresh buffer is a page fault, which costs 12 µs in some virtual
// machines; 64 KiB a write is still few system calls.
constexpr std::size_t k_flush_at = 64U * 1024U;

[[noreturn]] void fail(const std::string& path, std::string_view what) {
    throw IoError(fmt::format("{}: {}: {}", path, what, std::strerror(errno)));
}

[[noreturn]] void fail_write(const std::string& path) {
    fail(path.empty() ? "<stdout>" : path, "write failed");
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

} // namespace

OutputFile::OutputFile(const std::string& path) : m_path(path) {
    if (path.empty() || path == "-") {
        m_stream = stdout;
        return;
    }
    const auto slash = path.find_last_of('/');
    const std::string folder = slash == std::string::npos ? "." : path.substr(0, slash);
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    m_temp_path = fmt::format("{}/.{}.aijri-XXXXXX", folder, name);
    const int fd = ::mkstemp(m_temp_path.data());
    if (fd < 0) {
        fail(path, "cannot create a temporary file beside it");
    }
    // mkstemp makes the file 0600; give the report the mode a new file would get (or the
    // mode of the file it replaces), not a fixed one that ignores the umask.
    ::fchmod(fd, mode_for(path));
    m_stream = ::fdopen(fd, "wb");
    if (m_stream == nullptr) {
        ::close(fd);
        ::unlink(m_temp_path.c_str());
        fail(path, "cannot open");
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
        ::unlink(m_temp_path.c_str());
    }
}

void OutputFile::write(std::string_view text) {
    if (text.size() >= k_flush_at) {
        // A whole report in one piece goes out as it is, not through a copy.
        flush();
        if (!put(text)) {
            fail_write(m_path);
        }
        return;
    }
    m_buffer.append(text);
    if (m_buffer.size() >= k_flush_at) {
        flush();
    }
}

bool OutputFile::put(std::string_view text) {
    return std::fwrite(text.data(), 1, text.size(), m_stream) == text.size();
}

void OutputFile::flush() {
    if (m_buffer.empty()) {
        return;
    }
    const bool written = put(m_buffer);
    m_buffer.clear(); // a failed write is reported once, not again by the destructor
    if (!written) {
        fail_write(m_path);
    }
}

void OutputFile::commit() {
    flush();
    if (m_stream == stdout) {
        if (std::fflush(stdout) != 0) {
            fail("<stdout>", "write failed");
        }
        return;
    }
    if (std::fflush(m_stream) != 0 || ::fsync(::fileno(m_stream)) != 0) {
        fail(m_path, "write failed");
    }
    std::fclose(m_stream);
    m_stream = nullptr;
    if (::rename(m_temp_path.c_str(), m_path.c_str()) != 0) {
        ::unlink(m_temp_path.c_str());
        fail(m_path, "cannot rename the finished report into place");
    }
    m_committed = true;
}

bool same_file(const std::string& a, const std::string& b) {
    struct stat first {};
    struct stat second {};
    return ::stat(a.c_str(), &first) == 0 && ::stat(b.c_str(), &second) == 0 &&
           first.st_dev == second.st_dev && first.st_ino == second.st_ino;
}

} // namespace aijri
