#include "aijri/io/walk.hpp"
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <memory>
#include <optional>
#include <set>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

#include <fmt/format.h>

#include "aijri/io/file_source.hpp"
#include "aijri/io/input_format.hpp"

#include "open_folder.hpp"

namespace aijri {
namespace {

using DirectoryKey = std::pair<dev_t, ino_t>;

std::string_view kind_of(mode_t mode) {
    if (S_ISFIFO(mode)) {
        return "a FIFO";
    }
    if (S_ISSOCK(mode)) {
        return "a socket";
    }
    if (S_ISCHR(mode) || S_ISBLK(mode)) {
        return "a device";
    }
    return "not a regular file";
}

std::string join(const std::string& folder, std::string_view name) {
    if (!folder.empty() && folder.back() == '/') {
        return folder + std::string(name);
    }
    return folder + "/" + std::string(name);
}

// The absolute path with every link resolved, or "" when it cannot be resolved.
std::string real_path(const std::string& path) {
    char* resolved = ::realpath(path.c_str(), nullptr);
    if (resolved == nullptr) {
        return {};
    }
    std::string out(resolved);
    std::free(resolved); // NOLINT(cppcoreguidelines-no-malloc): realpath allocates with malloc
    return out;
}

// One folder being walked: its entries in byte order, and how far the walk has come.
struct Entry {
    std::string name;
    unsigned char type; // d_type: DT_REG, DT_DIR, DT_LNK, …, or DT_UNKNOWN
};

struct Frame {
    std::string folder;
    std::vector<Entry> entries;
    std::size_t next = 0;
    std::shared_ptr<const OpenFolder> open; // null past the limit of open folders
    std::string unreadable;                 // why the folder could not be listed
};

// Far below the usual limit of 1,024 open files: a batch holds at most a window of files
// in flight (64 per job), and their folders are what stays open.
constexpr std::size_t k_max_open_folders = 256;
std::atomic<std::size_t> g_open_folders{0};

} // namespace

// A depth-first walk with an explicit stack: only the folders on the current path are
// held (each as its sorted list of names), so memory does not grow with the number of files.
struct InputWalk::Impl {
    std::vector<std::string> paths;
    InputFormat format = InputFormat::automatic; // which names are read
    std::size_t next_path = 0;
    std::vector<Frame> stack;
    std::string root; // the folder named, every link in it resolved
    std::set<DirectoryKey> visited;
    std::vector<std::string> warnings;

    std::optional<InputFile> next() {
        while (true) {
            if (stack.empty()) {
                if (next_path == paths.size()) {
                    return std::nullopt;
                }
                if (auto named = start(paths[next_path++])) {
                    return named;
                }
                continue;
            }
            Frame& frame = stack.back();
            if (!frame.unreadable.empty()) {
                InputFile failed{frame.folder, false, nullptr, std::move(frame.unreadable)};
                stack.pop_back();
                return failed;
            }
            if (frame.next == frame.entries.size()) {
                stack.pop_back();
                continue;
            }
            const Entry& entry = frame.entries[frame.next++];
            std::string path = join(frame.folder, entry.name);
            // A plain file's type comes with its name: no stat for each of thousands of
            // files (a stat is a system call, and system calls are dear in a virtual machine).
            if (entry.type == DT_REG) {
                if (is_assessment_name(entry.name, format)) {
                    return InputFile{std::move(path), false, frame.open, {}};
                }
                continue;
            }
            const std::string name = entry.name; // `frame` goes when a folder is entered
            if (auto found = visit(path, name)) {
                return found;
            }
        }
    }

    // A path named by the user: a folder is walked; anything else is kept as given.
    std::optional<InputFile> start(const std::string& path) {
        struct stat info {};
        if (path != "-" && ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
            root = real_path(path);
            visited.clear();
            enter(path, info);
            return std::nullopt;
        }
        return InputFile{path, true, nullptr, {}};
    }

    void enter(const std::string& folder, const struct stat& info) {
        if (!visited.insert({info.st_dev, info.st_ino}).second) {
            warnings.push_back(
                fmt::format("{}: skipped: already visited (a symbolic link loop)", folder));
            return;
        }
        Frame frame{folder, {}, 0, nullptr, {}};
        frame.entries = list(folder, frame.open, frame.unreadable);
        std::sort(frame.entries.begin(), frame.entries.end(),
                  [](const Entry& a, const Entry& b) { return a.name < b.name; });
        stack.push_back(std::move(frame));
    }

    // The folder's entries; `open` is set to the folder kept open, unless too many are.
    std::vector<Entry> list(const std::string& folder, std::shared_ptr<const OpenFolder>& open,
                            std::string& unreadable) {
        std::vector<Entry> entries;
        DIR* dir = ::opendir(folder.c_str());
        if (dir == nullptr) {
            unreadable = fmt::format("cannot open folder ({})", describe_errno(errno));
            return entries;
        }
        while (const dirent* entry = ::readdir(dir)) {
            const std::string_view name = entry->d_name;
            if (!name.empty() && name.front() != '.') {
                entries.push_back(Entry{std::string(name), entry->d_type});
            }
        }
        if (OpenFolder::open_count() < k_max_open_folders) {
            const int kept = ::fcntl(::dirfd(dir), F_DUPFD_CLOEXEC, 0);
            if (kept >= 0) {
                open = std::make_shared<const OpenFolder>(kept);
            }
        }
        ::closedir(dir);
        return entries;
    }

    // Anything that is not known to be a plain file: a folder, a link, a FIFO, a device, or
    // an entry whose file system does not say its type.
    std::optional<InputFile> visit(const std::string& path, std::string_view name) {
        struct stat info {};
        // stat follows links: a link to a file counts as that file, a link to a folder is
        // walked unless that folder was visited already.
        if (::stat(path.c_str(), &info) != 0) {
            const int stat_error = errno;
            struct stat link {};
            if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
                if (!is_assessment_name(name, format)) {
                    return std::nullopt; // a link nothing would read
                }
                return InputFile{path, false, nullptr,
                                 stat_error == ELOOP    ? "symbolic link loop"
                                 : stat_error == ENOENT ? "broken symbolic link"
                                                        : describe_errno(stat_error)};
            }
            return InputFile{path, false, nullptr,
                             fmt::format("cannot be read ({})", describe_errno(stat_error))};
        }
        if (const std::string outside = link_outside_root(path); !outside.empty()) {
            if (S_ISDIR(info.st_mode) || is_assessment_name(name, format)) {
                warnings.push_back(
                    fmt::format("{}: skipped: a symbolic link to {}, outside the folder {}", path,
                                outside, root));
            }
            return std::nullopt;
        }
        if (S_ISDIR(info.st_mode)) {
            enter(path, info);
            return std::nullopt;
        }
        if (!is_assessment_name(name, format)) {
            return std::nullopt;
        }
        if (!S_ISREG(info.st_mode)) {
            warnings.push_back(
                fmt::format("{}: skipped: {}, not a regular file", path, kind_of(info.st_mode)));
            return std::nullopt;
        }
        return InputFile{path, false, nullptr, {}};
    }

    // Where `path` leads when it is a symbolic link that leaves the folder being walked, else
    // "". Such a link is not followed: what aijri reads it reports (messages quote the lines
    // of a file), so a link in a pull request must not make CI print ~/.docker/config.json.
    std::string link_outside_root(const std::string& path) const {
        struct stat link {};
        if (::lstat(path.c_str(), &link) != 0 || !S_ISLNK(link.st_mode)) {
            return {};
        }
        std::string target = real_path(path);
        const bool inside =
            !root.empty() && (target == root || root == "/" || target.rfind(root + "/", 0) == 0);
        return inside ? std::string() : (target.empty() ? path : target);
    }
};

OpenFolder::OpenFolder(int fd) : m_fd(fd) {
    ++g_open_folders;
}

OpenFolder::~OpenFolder() {
    ::close(m_fd);
    --g_open_folders;
}

std::size_t OpenFolder::open_count() {
    return g_open_folders.load(std::memory_order_relaxed);
}

InputWalk::InputWalk(std::vector<std::string> paths, InputFormat format)
    : m_impl(std::make_unique<Impl>()) {
    m_impl->paths = std::move(paths);
    m_impl->format = format;
}
InputWalk::~InputWalk() = default;

std::optional<InputFile> InputWalk::next() {
    return m_impl->next();
}

std::vector<std::string> InputWalk::take_warnings() {
    return std::exchange(m_impl->warnings, {});
}

WalkResult collect_inputs(const std::vector<std::string>& paths, InputFormat format) {
    WalkResult result;
    InputWalk walk(paths, format);
    while (auto file = walk.next()) {
        result.files.push_back(std::move(*file));
    }
    result.warnings = walk.take_warnings();
    return result;
}

} // namespace aijri
