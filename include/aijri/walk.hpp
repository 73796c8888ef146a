// Turns the paths a user names into the list of files to score, in a stable order.
#pragma once

#include <string>
#include <vector>

namespace aijri {

struct InputFile {
    std::string path;       // as it will be opened and named in messages ("-" is stdin)
    bool explicit_ = false; // named on the command line rather than found in a folder
};

struct WalkResult {
    std::vector<InputFile> files;
    std::vector<std::string> warnings; // "dir/fifo.json: skipped: not a regular file (FIFO)"
};

// Files named directly are kept as given, in command-line order (a missing one too: it is
// reported in its place when read). Folders are walked recursively for *.json files, in
// byte order of their paths; hidden files and folders (names beginning with '.') are
// skipped; symbolic links are followed while they stay inside the folder named (a link that
// leads elsewhere, such as to /dev/zero or a file in the home folder, is skipped with a
// warning), and a folder already visited (a link loop) is not entered again; anything that
// is not a regular file (FIFO, socket, device) is skipped with a warning and never opened.
WalkResult collect_inputs(const std::vector<std::string>& paths);

} // namespace aijri
