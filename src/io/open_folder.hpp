// A folder a walk found files in, held open so that each of its files is opened by name
// relative to it: opening "corpus/g00/f00/role.json" by its path has the kernel look up
// every folder on the way again, for every file. Closed when the last file found in it is
// done with. Only io opens files, so only io sees the descriptor: an InputFile carries it
// as an opaque handle.
#pragma once

#include <cstddef>

namespace aijri {

class OpenFolder {
public:
    // Takes ownership of `fd`.
    explicit OpenFolder(int fd);
    ~OpenFolder();
    OpenFolder(const OpenFolder&) = delete;
    OpenFolder& operator=(const OpenFolder&) = delete;

    int fd() const { return m_fd; }

    // How many are open in the process: walks stop keeping folders open past a limit, far
    // below the usual limit of open files, whatever --jobs or the shape of the tree.
    static std::size_t open_count();

private:
    int m_fd;
};

} // namespace aijri
