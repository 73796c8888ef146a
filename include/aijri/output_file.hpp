// Where a report goes: standard output, or a file that appears whole or not at all.
#pragma once

#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>

#include "aijri/file_source.hpp"

namespace aijri {

// The report could not be written (a missing folder, a full disk): an I/O error.
using OutputError = IoError;

class OutputFile {
public:
    // "" or "-" is standard output. Otherwise the report is written to a temporary file in
    // the same folder and renamed into place by commit(), so nobody ever reads half a
    // report; without commit() (an error, an exception) the temporary file is removed.
    explicit OutputFile(const std::string& path);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    void write(std::string_view text);
    void commit();

private:
    // Writes `text` to the stream; false when it could not (errno says why).
    bool put(std::string_view text);
    void flush();

    std::string m_path;
    std::string m_temp_path;
    std::FILE* m_stream = nullptr;
    std::string m_buffer;
    bool m_committed = false;
};

// True when both paths name the same existing file (so an output would overwrite an input).
bool same_file(const std::string& a, const std::string& b);

} // namespace aijri
