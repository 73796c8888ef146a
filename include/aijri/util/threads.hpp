// Running one piece of work on several threads, the calling thread one of them.
#pragma once

#include <cstddef>
#include <functional>

namespace aijri::detail {

// Runs `work` on `threads` threads (at least one: the calling thread) and waits for all of
// them. The first exception any of them throws comes out here, on the calling thread, after
// `stop` was called to make the others finish early (work typically takes indexes from an
// atomic counter, which `stop` moves past the end).
void run_on_threads(std::size_t threads, const std::function<void()>& work,
                    const std::function<void()>& stop);

} // namespace aijri::detail
