// Turns the paths a user names into the list of files to score, in a stable order.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aijri/io/input_format.hpp"

namespace aijri {

// A folder a walk keeps open for the files found in it (see src/io/open_folder.hpp).
class OpenFolder;

struct InputFile {
    std::string path;       // as it will be opened and named in messages ("-" is stdin)
    bool explicit_ = false; // named on the command line rather than found in a folder
    // The folder it was found in, when the walk kept it open: load_file() opens the file by
    // its name (what follows the last '/' of `path`) relative to it.
    std::shared_ptr<const OpenFolder> folder;
    // Set when the walk met something it was asked to read and could not (a folder it may
    // not open, a path longer than PATH_MAX, a broken link): "cannot open folder
    // (permission denied)". The entry is reported in its place as an I/O error, never
    // skipped in silence.
    std::string unreadable;
};

struct WalkResult {
    std::vector<InputFile> files;
    std::vector<std::string> warnings; // "dir/fifo.json: skipped: not a regular file (FIFO)"
};

// Files named directly are kept as given, in command-line order (a missing one too: it is
// reported in its place when read). Folders are walked recursively for assessments: *.json
// files and *.md and *.markdown documents (InputFormat::automatic), or one kind only, in
// byte order of their paths; hidden files and folders (names beginning with '.') are
// skipped; symbolic links are followed while they stay inside the folder named (a link that
// leads elsewhere, such as to /dev/zero or a file in the home folder, is skipped with a
// warning), and a folder already visited (a link loop) is not entered again; anything that
// is not a regular file (FIFO, socket, device) is skipped with a warning and never opened.
// What cannot be read (a folder that cannot be opened, an entry that cannot be looked at, a
// assessment link that leads nowhere) is an entry of its own with `unreadable` set.
WalkResult collect_inputs(const std::vector<std::string>& paths,
                          InputFormat format = InputFormat::automatic);

// Where a batch gets its files: one at a time, from one thread at a time.
class InputSource {
public:
    virtual ~InputSource() = default;
    InputSource() = default;
    InputSource(const InputSource&) = delete;
    InputSource& operator=(const InputSource&) = delete;

    // The next file, or nullopt when there are no more.
    virtual std::optional<InputFile> next() = 0;
    // What was skipped since the last call, as collect_inputs() words it.
    virtual std::vector<std::string> take_warnings() { return {}; }
};

// The walk of collect_inputs(), file by file and in the same order, holding only the folders
// on the current path: a folder of any size is walked in constant memory.
class InputWalk final : public InputSource {
public:
    explicit InputWalk(std::vector<std::string> paths, InputFormat format = InputFormat::automatic);
    ~InputWalk() override;
    std::optional<InputFile> next() override;
    std::vector<std::string> take_warnings() override;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace aijri
