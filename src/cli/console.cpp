#include "console.hpp"
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

#include "aijri/io/interrupt.hpp"
#include "aijri/util/text.hpp"

namespace aijri::cli {

void print_error(std::string_view text) {
    const std::string guarded = guard_lines(text);
    std::string_view rest = guarded;
    while (!rest.empty()) {
        const ssize_t n = ::write(STDERR_FILENO, rest.data(), rest.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return; // nobody can be told; the exit status still says how it went
        }
        rest.remove_prefix(static_cast<std::size_t>(n));
    }
}

void prepare_process() {
    for (const int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) {
        if (::fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
            // open() takes the lowest free number, which is `fd`: the lower ones are open.
            (void)::open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY);
        }
    }
    (void)std::signal(SIGPIPE, SIG_IGN);
    interrupt::install_handlers();
}

void die_of_broken_pipe() {
    interrupt::clean_up();
    (void)std::signal(SIGPIPE, SIG_DFL);
    (void)std::raise(SIGPIPE);
    ::_exit(128 + SIGPIPE);
}

} // namespace aijri::cli
