// How load_file() reads a file a walk found, shared with the batch reader (io_uring) so that
// both read the same bytes and leave the same files to a closer look.
#pragma once

#include <cstddef>
#include <string>

namespace aijri::detail {

// How much of a walked file is read at once (64 KiB, or less under a small --max-bytes). A
// read that comes back shorter is the whole file; one that fills it needs a closer look.
std::size_t first_read_size(std::size_t max_bytes);

// The part of a walked file's path that names it in its folder.
const char* name_in_folder(const std::string& path);

} // namespace aijri::detail
