// What a signal must undo before the process ends: the temporary files of reports being
// written, and the git processes reading for us. A report interrupted by Ctrl-C, a CI
// time-out (SIGTERM) or a closed terminal (SIGHUP) leaves no temporary file, no half report
// and no git behind.
#pragma once

#include <string>
#include <sys/types.h>

namespace aijri::interrupt {

// SIGINT, SIGTERM and SIGHUP remove every registered file, end every registered child and
// exit with 128 + the signal's number (130, 143, 129), as shells report it. A signal that
// was ignored at start stays ignored.
void install_handlers();

// Runs the handlers' clean-up without exiting (for a process about to die of SIGPIPE).
void clean_up();

// A temporary file to remove on a signal, from its creation until it is renamed or removed.
// Created with the signals blocked, so that no signal comes between the file and its entry.
class TemporaryFile {
public:
    // mkstemp() of `pattern` (ending in XXXXXX), registered; the path is in path(). Returns
    // -1 with errno set when it cannot be created.
    int create(std::string pattern);
    // The file is renamed into place or removed: a signal no longer touches it.
    void release();
    const std::string& path() const { return m_path; }

    TemporaryFile() = default;
    ~TemporaryFile() { release(); }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;

private:
    std::string m_path;
    int m_slot = -1;
};

// A child to end (SIGTERM) on a signal, from its start until it has been waited for.
void register_child(pid_t pid);
void release_child(pid_t pid);

} // namespace aijri::interrupt
