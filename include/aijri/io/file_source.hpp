// Reading files is done here and only here: size limits, non-regular files and the padding
// the JSON reader needs are handled once.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "aijri/json/padded_text.hpp"

namespace aijri {

struct InputFile;

inline constexpr std::size_t k_default_max_bytes = 16U * 1024U * 1024U;
// The largest limit a user may ask for (--max-bytes): 1 TiB, far beyond any assessment, and
// small enough that the limit plus the reader's padding can never overflow.
inline constexpr std::size_t k_largest_max_bytes = std::size_t{1} << 40U;

// A file or stream that cannot be opened, read or written (exit status 2). The message
// begins with the path: "out/report.xml: cannot create a temporary file beside it: …".
struct IoError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct FileBuffer {
    PaddedBuffer bytes;
    std::string_view text() const { return bytes.text().view(); }
    // For the JSON reader, which reads it in place.
    PaddedText padded() const { return bytes.text(); }
};

struct LoadError {
    std::string message; // "no such file", "is 20 GiB, over the limit of 16 MiB (--max-bytes); …"
    bool too_large = false; // bad input (exit 1) rather than an I/O error (exit 2)
};

// Reads `path` ("-" is standard input) into `buffer`. A file over `max_bytes` is refused
// from its size, before any of it is read; a FIFO or device is refused without being
// opened for reading.
std::optional<LoadError> load_file(const std::string& path, std::size_t max_bytes,
                                   FileBuffer& buffer);
// As above, for a file a walk found (or one named, `explicit_`): a file found in a folder is
// known to be regular, so the look before opening is skipped, and a file smaller than the
// first read (64 KiB) is read without asking its size; what was opened is still checked
// before more is read. It is opened relative to the folder the walk kept open, if any.
std::optional<LoadError> load_file(const InputFile& file, std::size_t max_bytes,
                                   FileBuffer& buffer);

// The refusal of a file over the limit; `size` is its size when known before reading (a
// regular file, a git blob), else 0.
LoadError too_large(std::size_t max_bytes, std::size_t size = 0);

// "16 MiB", "1.5 KiB", "12 bytes".
std::string describe_size(std::size_t bytes);

// How a path is named in messages and reports: standard input ("-") is "<stdin>", and a
// relative path that begins with ':', '#' or a blank is written "./path", the same file,
// so that no file name can start a line that a CI log reads as a command ("::error::x.json").
std::string display_path(std::string_view path);

// How messages say why a file could not be read: "no such file", "permission denied", …
std::string describe_errno(int error);

} // namespace aijri
