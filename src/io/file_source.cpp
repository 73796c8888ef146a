#include "aijri/io/file_source.hpp"
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "aijri/io/walk.hpp"

#include "file_reading.hpp"
#include "open_folder.hpp"

namespace aijri {

std::string display_path(std::string_view path) {
    if (path == "-") {
        return "<stdin>";
    }
    if (!path.empty() && (path.front() == ':' || path.front() == '#' || path.front() == ' ' ||
                          path.front() == '\t')) {
        return "./" + std::string(path);
    }
    return std::string(path);
}

std::string describe_errno(int error) {
    switch (error) {
    case ENOENT:
        return "no such file";
    case EACCES:
        return "permission denied";
    case EISDIR:
        return "is a directory, expected a file";
    case ELOOP:
        return "too many levels of symbolic links";
    case EBADF:
        return "not open (the descriptor was closed)";
    default:
        return std::strerror(error);
    }
}

LoadError too_large(std::size_t max_bytes, std::size_t size) {
    if (size == 0) {
        return LoadError{
            fmt::format("is over the limit of {} (--max-bytes)", describe_size(max_bytes)), true};
    }
    return LoadError{fmt::format("is {}, over the limit of {} (--max-bytes); not read",
                                 describe_size(size), describe_size(max_bytes)),
                     true};
}

namespace {

class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

LoadError io_error(std::string message) {
    return LoadError{std::move(message), false};
}

// One byte more than the limit is enough to know that the input is over it. The limit may be
// as large as size_t goes (a library caller's "no limit"): never wrap to 0.
std::size_t enough_for(std::size_t max_bytes) {
    return max_bytes < std::numeric_limits<std::size_t>::max() ? max_bytes + 1 : max_bytes;
}

// Reads until end of file or until more than max_bytes have arrived, after the `size` bytes
// already in the buffer.
std::optional<LoadError> read_all(int fd, std::size_t max_bytes, PaddedBuffer& buffer,
                                  std::size_t size, std::size_t expected) {
    const std::size_t enough = enough_for(max_bytes);
    std::size_t capacity = std::max({expected + 1, std::size_t{4096}, size + 4096});
    while (true) {
        capacity = std::min(capacity, enough);
        buffer.reserve(capacity, size);
        const ssize_t got = ::read(fd, buffer.data() + size, capacity - size);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            return io_error(describe_errno(errno));
        }
        if (got == 0) {
            break;
        }
        size += static_cast<std::size_t>(got);
        if (size > max_bytes) {
            return too_large(max_bytes);
        }
        // A regular file that gave exactly the size it had when it was opened is whole:
        // asking again only to be told "end of file" is a system call per file.
        if (expected > 0 && size == expected) {
            break;
        }
        if (size == capacity) {
            capacity = capacity > enough / 2 ? enough : capacity * 2;
        }
    }
    buffer.set_size(size);
    return std::nullopt;
}

// A file a folder walk saw as regular: read at once; a short read is the end of a regular
// file, so a file of ordinary size costs open, read and close, no fstat. Only a file that
// fills the first read is looked at (still regular? within the limit?) before more is read.
std::optional<LoadError> read_found_regular(int fd, std::size_t max_bytes, PaddedBuffer& buffer) {
    const std::size_t first = detail::first_read_size(max_bytes);
    buffer.reserve(first);
    ssize_t got = 0;
    do {
        got = ::read(fd, buffer.data(), first);
    } while (got < 0 && errno == EINTR);
    if (got < 0) {
        return io_error(describe_errno(errno));
    }
    const auto size = static_cast<std::size_t>(got);
    if (size < first) {
        buffer.set_size(size);
        return std::nullopt;
    }
    struct stat opened {};
    if (::fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode)) {
        return io_error("is not a regular file (a FIFO, socket or device), not read");
    }
    const auto file_size = static_cast<std::size_t>(opened.st_size);
    if (file_size > max_bytes) {
        return too_large(max_bytes, file_size);
    }
    if (size > max_bytes) {
        return too_large(max_bytes);
    }
    return read_all(fd, max_bytes, buffer, size, file_size);
}

// `found_regular`: a folder walk has just seen that `path` is a regular file. `folder_fd`,
// when not negative, is an open folder that holds the file: the file is opened by its name
// relative to it.
std::optional<LoadError> load(const std::string& path, std::size_t max_bytes, PaddedBuffer& buffer,
                              bool found_regular, int folder_fd) {
    buffer.set_size(0);
    if (path == "-") {
        return read_all(STDIN_FILENO, max_bytes, buffer, 0, 0);
    }
    const int at = folder_fd < 0 ? AT_FDCWD : folder_fd;
    const char* name = folder_fd < 0 ? path.c_str() : detail::name_in_folder(path);
    // Look before opening: opening a device can act on it (a tape rewinds), and a path named
    // by the user can be anything.
    if (!found_regular) {
        struct stat info {};
        if (::fstatat(at, name, &info, 0) != 0) {
            return io_error(describe_errno(errno));
        }
        if (S_ISDIR(info.st_mode)) {
            return io_error(describe_errno(EISDIR));
        }
        if (!S_ISREG(info.st_mode)) {
            return io_error("is not a regular file (a FIFO, socket or device), not read");
        }
    }
    // O_NONBLOCK: should the file have been swapped for a FIFO since it was seen, open must
    // not hang waiting for a writer.
    const FileDescriptor fd(::openat(at, name, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
    if (fd.get() < 0) {
        return io_error(describe_errno(errno));
    }
    if (found_regular) {
        return read_found_regular(fd.get(), max_bytes, buffer);
    }
    struct stat opened {};
    if (::fstat(fd.get(), &opened) != 0 || !S_ISREG(opened.st_mode)) {
        return io_error("is not a regular file (a FIFO, socket or device), not read");
    }
    const auto size = static_cast<std::size_t>(opened.st_size);
    if (size > max_bytes) {
        return too_large(max_bytes, size);
    }
    return read_all(fd.get(), max_bytes, buffer, 0, size);
}

} // namespace

namespace detail {

std::size_t first_read_size(std::size_t max_bytes) {
    // More than any assessment: a file found by a walk is read with one call.
    constexpr std::size_t k_first_read = 64U * 1024U;
    return std::min(k_first_read, enough_for(max_bytes));
}

const char* name_in_folder(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    return path.c_str() + (slash == std::string::npos ? 0 : slash + 1);
}

} // namespace detail

std::string describe_size(std::size_t bytes) {
    constexpr std::size_t k_gib = 1024U * 1024U * 1024U;
    if (bytes >= k_gib && bytes % k_gib == 0) {
        return fmt::format("{} GiB", bytes / k_gib);
    }
    if (bytes >= 1024U * 1024U && bytes % (1024U * 1024U) == 0) {
        return fmt::format("{} MiB", bytes / (1024U * 1024U));
    }
    if (bytes >= 1024U && bytes % 1024U == 0) {
        return fmt::format("{} KiB", bytes / 1024U);
    }
    return fmt::format("{} bytes", bytes);
}

std::optional<LoadError> load_file(const std::string& path, std::size_t max_bytes,
                                   FileBuffer& buffer) {
    return load(path, max_bytes, buffer.bytes, false, -1);
}

std::optional<LoadError> load_file(const InputFile& file, std::size_t max_bytes,
                                   FileBuffer& buffer) {
    return load(file.path, max_bytes, buffer.bytes, !file.explicit_,
                file.folder ? file.folder->fd() : -1);
}

} // namespace aijri
