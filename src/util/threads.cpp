#include "aijri/util/threads.hpp"
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace aijri::detail {

void run_on_threads(std::size_t threads, const std::function<void()>& work,
                    const std::function<void()>& stop) {
    std::exception_ptr failure;
    std::mutex failure_mutex;
    // An exception leaving a thread would end the program (std::terminate).
    const auto guarded = [&] {
        try {
            work();
        } catch (...) {
            const std::lock_guard lock(failure_mutex);
            if (!failure) {
                failure = std::current_exception();
            }
            stop();
        }
    };
    std::vector<std::thread> helpers;
    for (std::size_t t = 1; t < threads; ++t) {
        helpers.emplace_back(guarded);
    }
    guarded();
    for (std::thread& helper : helpers) {
        helper.join();
    }
    if (failure) {
        std::rethrow_exception(failure);
    }
}

} // namespace aijri::detail
