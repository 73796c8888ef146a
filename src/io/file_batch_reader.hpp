// Reads a run of files a walk found with one system call for them all, where the kernel
// offers io_uring: each file's open, read and close are linked operations of one
// submission. Private to io: FileLoader chooses between it and load_file().
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "aijri/io/walk.hpp"
#include "aijri/json/padded_text.hpp"

namespace aijri::detail {

class FileBatchReader {
public:
    // Up to `max_files` files at a time; `max_bytes` is the size limit of load_file().
    FileBatchReader(std::size_t max_files, std::size_t max_bytes);
    ~FileBatchReader();
    FileBatchReader(const FileBatchReader&) = delete;
    FileBatchReader& operator=(const FileBatchReader&) = delete;

    // False when io_uring cannot be used here (an old kernel, a sandbox that forbids it,
    // a build without liburing): read() then reads nothing.
    bool available() const;
    // When not available(), why not: "this build has no liburing", "the kernel refused
    // io_uring (operation not permitted)".
    const std::string& unavailable_reason() const;

    // Reads `files` (at most max_files of them). Only the whole content of a small file that
    // a walk found is kept; anything else (an error, a file that fills the first read, a file
    // named on the command line) is left to load_file(), which words every message.
    void read(std::span<const InputFile> files);

    // The content of files[i] of the last read(); nullopt: read it with load_file().
    std::optional<PaddedText> content(std::size_t i) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace aijri::detail
