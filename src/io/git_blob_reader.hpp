// One `git cat-file --batch` process, asked for many objects at once: what git_read_blobs()
// runs, one a reading thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace aijri {

// What git answered for one object.
struct GitAnswer {
    bool missing = false;
    std::size_t size = 0;
    std::string content; // empty when missing or over the reader's limit
    bool too_large = false;
};

class GitBlobReader {
public:
    // The reader serves one read_each() and nothing else, so git may buffer its answers
    // (--buffer) instead of writing each one as it goes: three system calls an object fewer
    // for git. Objects over `max_bytes` are skipped as git sends them, never held
    // (too_large).
    explicit GitBlobReader(std::size_t max_bytes = SIZE_MAX);
    ~GitBlobReader();
    GitBlobReader(const GitBlobReader&) = delete;
    GitBlobReader& operator=(const GitBlobReader&) = delete;

    // The contents of many objects ("<commit>:<path>", or a blob id), handed to
    // on_answer(index, content) in order, without a round trip per object.
    void read_each(const std::vector<std::string>& objects,
                   const std::function<void(std::size_t, GitAnswer&&)>& on_answer);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace aijri
