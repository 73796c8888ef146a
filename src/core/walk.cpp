#include "aijri/walk.hpp"
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <set>
#include <sys/stat.h>
#include <utility>

#include <climits>
#include <fmt/format.h>

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

bool has_json_extension(std::string_view name) {
    constexpr std::string_view extension = ".json";
    return name.size() > extension.size() &&
           name.substr(name.size() - extension.size()) == extension;
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

class Walker {
public:
    Walker(WalkResult& out, const std::string& root) : m_out(out), m_root(real_path(root)) {}

    void walk_folder(const std::string& folder, const struct stat& info) {
        if (!m_visited.insert({info.st_dev, info.st_ino}).second) {
            m_out.warnings.push_back(
                fmt::format("{}: skipped: already visited (a symbolic link loop)", folder));
            return;
        }
        std::vector<std::string> names = list(folder);
        std::sort(names.begin(), names.end());
        for (const std::string& name : names) {
            visit(join(folder, name), name);
        }
    }

private:
    std::vector<std::string> list(const std::string& folder) {
        std::vector<std::string> names;
        DIR* dir = ::opendir(folder.c_str());
        if (dir == nullptr) {
            m_out.warnings.push_back(
                fmt::format("{}: skipped: cannot open folder ({})", folder, std::strerror(errno)));
            return names;
        }
        while (const dirent* entry = ::readdir(dir)) {
            const std::string_view name = entry->d_name;
            if (!name.empty() && name.front() != '.') {
                names.emplace_back(name);
            }
        }
        ::closedir(dir);
        return names;
    }

    void visit(const std::string& path, std::string_view name) {
        struct stat info {};
        // stat follows links: a link to a file counts as that file, a link to a folder is
        // walked unless that folder was visited already.
        if (::stat(path.c_str(), &info) != 0) {
            const int stat_error = errno;
            struct stat link {};
            if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
                if (has_json_extension(name) || stat_error == ELOOP) {
                    m_out.warnings.push_back(fmt::format(
                        "{}: skipped: {}", path,
                        stat_error == ELOOP ? "symbolic link loop" : "broken symbolic link"));
                }
                return;
            }
            m_out.warnings.push_back(
                fmt::format("{}: skipped: {}", path, std::strerror(stat_error)));
            return;
        }
        if (const std::string outside = link_outside_root(path); !outside.empty()) {
            if (S_ISDIR(info.st_mode) || has_json_extension(name)) {
                m_out.warnings.push_back(
                    fmt::format("{}: skipped: a symbolic link to {}, outside the folder {}", path,
                                outside, m_root));
            }
            return;
        }
        if (S_ISDIR(info.st_mode)) {
            walk_folder(path, info);
            return;
        }
        if (!has_json_extension(name)) {
            return;
        }
        if (!S_ISREG(info.st_mode)) {
            m_out.warnings.push_back(
                fmt::format("{}: skipped: {}, not a regular file", path, kind_of(info.st_mode)));
            return;
        }
        m_out.files.push_back(InputFile{path, false});
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
        const bool inside = !m_root.empty() && (target == m_root || m_root == "/" ||
                                                target.rfind(m_root + "/", 0) == 0);
        return inside ? std::string() : (target.empty() ? path : target);
    }

    WalkResult& m_out;
    std::string m_root; // the folder named, every link in it resolved
    std::set<DirectoryKey> m_visited;
};

} // namespace

WalkResult collect_inputs(const std::vector<std::string>& paths) {
    WalkResult result;
    for (const std::string& path : paths) {
        struct stat info {};
        if (path != "-" && ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
            Walker(result, path).walk_folder(path, info);
            continue;
        }
        result.files.push_back(InputFile{path, true});
    }
    return result;
}

} // namespace aijri
