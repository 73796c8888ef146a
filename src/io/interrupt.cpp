#include "aijri/io/interrupt.hpp"
#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <pthread.h>
#include <unistd.h>

#include <climits>

namespace aijri::interrupt {
namespace {

// Fixed tables, so that the handler reads them without allocating or locking: a slot is
// claimed with a compare-and-swap and published once its contents are written.
constexpr std::size_t k_slots = 64;

struct FileSlot {
    std::atomic<bool> used{false};
    std::atomic<bool> ready{false};
    std::array<char, PATH_MAX + 1> path{};
};

struct ChildSlot {
    std::atomic<pid_t> pid{0};
};

std::array<FileSlot, k_slots> g_files;
std::array<ChildSlot, k_slots> g_children;

void handle(int signal_number) {
    clean_up();
    ::_exit(128 + signal_number);
}

// Blocks the three signals for the life of the object (this thread only).
class SignalsBlocked {
public:
    SignalsBlocked() {
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGINT);
        sigaddset(&set, SIGTERM);
        sigaddset(&set, SIGHUP);
        pthread_sigmask(SIG_BLOCK, &set, &m_old);
    }
    ~SignalsBlocked() { pthread_sigmask(SIG_SETMASK, &m_old, nullptr); }
    SignalsBlocked(const SignalsBlocked&) = delete;
    SignalsBlocked& operator=(const SignalsBlocked&) = delete;

private:
    sigset_t m_old{};
};

} // namespace

void install_handlers() {
    struct sigaction action {};
    action.sa_handler = handle;
    sigemptyset(&action.sa_mask);
    for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
        sigaddset(&action.sa_mask, signal_number);
    }
    for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
        // A signal ignored when aijri started (nohup, a shell's background job) stays
        // ignored, as the one who started it asked.
        struct sigaction previous {};
        if (::sigaction(signal_number, nullptr, &previous) == 0 && previous.sa_handler == SIG_IGN) {
            continue;
        }
        ::sigaction(signal_number, &action, nullptr);
    }
}

void clean_up() {
    for (FileSlot& slot : g_files) {
        if (slot.ready.load(std::memory_order_acquire)) {
            ::unlink(slot.path.data());
        }
    }
    for (ChildSlot& slot : g_children) {
        if (const pid_t pid = slot.pid.load(std::memory_order_acquire); pid > 0) {
            ::kill(pid, SIGTERM);
        }
    }
}

int TemporaryFile::create(std::string pattern) {
    release();
    if (pattern.size() > PATH_MAX) {
        errno = ENAMETOOLONG;
        return -1;
    }
    const SignalsBlocked blocked;
    for (std::size_t i = 0; i < g_files.size(); ++i) {
        bool expected = false;
        if (g_files[i].used.compare_exchange_strong(expected, true)) {
            m_slot = static_cast<int>(i);
            break;
        }
    }
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) {
        const int error = errno;
        release();
        errno = error;
        return -1;
    }
    m_path = std::move(pattern);
    if (m_slot >= 0) {
        FileSlot& slot = g_files[static_cast<std::size_t>(m_slot)];
        std::memcpy(slot.path.data(), m_path.c_str(), m_path.size() + 1);
        slot.ready.store(true, std::memory_order_release);
    }
    return fd;
}

void TemporaryFile::release() {
    if (m_slot < 0) {
        return;
    }
    FileSlot& slot = g_files[static_cast<std::size_t>(m_slot)];
    slot.ready.store(false, std::memory_order_release);
    slot.used.store(false, std::memory_order_release);
    m_slot = -1;
}

void register_child(pid_t pid) {
    for (ChildSlot& slot : g_children) {
        pid_t expected = 0;
        if (slot.pid.compare_exchange_strong(expected, pid)) {
            return;
        }
    }
}

void release_child(pid_t pid) {
    for (ChildSlot& slot : g_children) {
        pid_t expected = pid;
        if (slot.pid.compare_exchange_strong(expected, 0)) {
            return;
        }
    }
}

} // namespace aijri::interrupt
