#include "progress.hpp"
#include <cstdio>

#include <fmt/format.h>

#include "console.hpp"

namespace aijri::cli {
namespace {

// Short batches finish before anyone looks; only long ones get a progress line.
constexpr auto k_first_draw = std::chrono::milliseconds(500);
constexpr auto k_redraw = std::chrono::milliseconds(100);

} // namespace

Progress::Progress(std::size_t total, bool enabled)
    : m_total(total), m_enabled(enabled && total > 1), m_start(Clock::now()), m_last_draw(m_start) {
}

void Progress::advance() {
    ++m_done;
    if (m_enabled && (m_done & 63U) == 0) {
        draw(false);
    }
}

void Progress::draw(bool force) {
    const auto now = Clock::now();
    if (!force && (now - m_start < k_first_draw || now - m_last_draw < k_redraw)) {
        return;
    }
    m_last_draw = now;
    const double seconds = std::chrono::duration<double>(now - m_start).count();
    const double rate = seconds > 0 ? static_cast<double>(m_done) / seconds : 0.0;
    const double left = rate > 0 ? static_cast<double>(m_total - m_done) / rate : 0.0;
    eprint("\r\x1b[K{}/{} files · {:.0f}/s · {:.0f}s left", m_done, m_total, rate, left);
    std::fflush(stderr);
    m_drawn = true;
}

void Progress::clear() {
    if (m_drawn) {
        eprint("\r\x1b[K");
        std::fflush(stderr);
        m_drawn = false;
    }
}

} // namespace aijri::cli
