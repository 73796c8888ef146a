// Where a report goes: standard output, or a file that appears whole or not at all.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "aijri/io/file_source.hpp"
#include "aijri/io/interrupt.hpp"
#include "aijri/util/text.hpp"

namespace aijri {

// Standard output went to a reader that has gone (`aijri … | head`): not an error to report,
// the process ends quietly as `cat` does.
struct BrokenPipe : IoError {
    using IoError::IoError;
};

// Whether the text passes through a LineGuard on its way out: every report a CI log may show
// whose lines can begin with text from a file. JSON needs none (the JSON writer guards its
// strings), nor the github format (its commands are meant; it guards its plain lines).
enum class GuardLines { no, yes };

class OutputFile {
public:
    // "" or "-" is standard output. A regular file (or a new one) is written to a temporary
    // file in the same folder and renamed into place by commit(), so nobody ever reads half
    // a report; without commit() (an error, an exception, a signal) the temporary file is
    // removed. A symbolic link is followed: its target is written that way and the link
    // stays. A device, FIFO or socket is written directly, as the shell's `>` would: it is
    // never replaced. A folder is refused (IoError).
    explicit OutputFile(const std::string& path, GuardLines guard = GuardLines::no);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    void write(std::string_view text);
    void commit();

private:
    // Writes `text` to the stream; false when it could not (errno says why).
    bool put(std::string_view text);
    void flush();
    [[noreturn]] void fail_write() const;
    void open_replacement(const std::string& target);

    std::string m_path;   // as the user named it
    std::string m_target; // the file renamed into place: m_path, or where its link leads
    interrupt::TemporaryFile m_temp;
    std::FILE* m_stream = nullptr;
    bool m_direct = false; // a device, FIFO or socket, written in place
    std::string m_buffer;
    bool m_guarded = false;
    LineGuard m_guard;
    bool m_committed = false;
};

// Text kept for later in constant memory: a report whose header needs figures that only the
// end knows (JUnit's counts) keeps its body here. Up to 4 MiB stays in memory; beyond, it goes
// to a temporary file that is unlinked as soon as it is made, so nothing is left behind by
// any way the process ends. Throws IoError when the temporary file cannot be made or written.
class Spool {
public:
    Spool() = default;
    ~Spool();
    Spool(const Spool&) = delete;
    Spool& operator=(const Spool&) = delete;

    void write(std::string_view text);
    // Hands everything written, in order, to `out`, then empties the spool.
    void drain(OutputFile& out);

private:
    void spill();

    std::string m_memory;
    int m_fd = -1;
};

// Writes a new file whole, or not at all, and never over anything: the text goes to a
// temporary file beside it, which is linked into place (link() fails when the name is taken,
// even by a file made a moment before). Throws IoError ("PATH: already exists" when it does).
void create_new_file(const std::string& path, std::string_view text);

// True when both paths name the same existing file (so an output would overwrite an input).
bool same_file(const std::string& a, const std::string& b);

} // namespace aijri
