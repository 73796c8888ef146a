// Reads the files of a batch a run at a time, the cheapest way the machine allows. Where the
// kernel offers io_uring, the small files of a run that a walk found cost one system call
// for them all (three a file otherwise, and in a virtual machine a system call is the
// dearest part of reading a small file); every other file is read by load_file().
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <variant>

#include "aijri/io/file_source.hpp"
#include "aijri/io/walk.hpp"
#include "aijri/json/padded_text.hpp"

namespace aijri {

class FileLoader {
public:
    // Runs of up to `run_size` files; `max_bytes` is load_file()'s limit.
    FileLoader(std::size_t run_size, std::size_t max_bytes);
    ~FileLoader();
    FileLoader(const FileLoader&) = delete;
    FileLoader& operator=(const FileLoader&) = delete;

    // The next run (at most run_size files, which must outlive the run): what can be read of
    // them at once is read now.
    void start(std::span<const InputFile> files);
    // files[i] of the run: its text, valid until the next load() or start(), or why it could
    // not be read, as load_file() words it.
    std::variant<PaddedText, LoadError> load(std::size_t i);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace aijri
