// What the formats of a diff's report share: the pieces a report is handed out in, and the
// lines that say a role's movement, rename and scenarios the same way in every format.
// Every string returned is unescaped: each format makes it safe its own way.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "aijri/diff/diff.hpp"

namespace aijri::report_detail {

// The text of a report, handed out a piece at a time: a format appends, and calls
// role_done() after each role.
class Pieces {
public:
    explicit Pieces(const std::function<void(std::string_view)>& write) : m_write(write) {
        m_text.reserve(k_piece + 4096);
    }
    std::string& text() { return m_text; }
    void role_done() {
        if (m_text.size() >= k_piece) {
            m_write(m_text);
            m_text.clear();
        }
    }
    // Hands out what is held: before a long closing piece (an HTML page's script) that
    // would carry the last piece past its size.
    void flush() {
        if (!m_text.empty()) {
            m_write(m_text);
            m_text.clear();
        }
    }
    void finish() {
        m_write(m_text);
        m_text.clear();
    }

private:
    static constexpr std::size_t k_piece = 64U * 1024U;
    const std::function<void(std::string_view)>& m_write;
    std::string m_text;
};

// "3 changed, 1 added, …; 2 zone changes, 1 renamed".
std::string summary_line(const DiffSummary& s);

// One side of a role: its published figures, "invalid" for a file that has none, "—" for no
// file.
std::string side_text(const std::optional<RoleVerdict>& v, const std::string& file, int decimals);
std::string old_text(const RoleDiff& r, int decimals);
std::string new_text(const RoleDiff& r, int decimals);

// "renamed a.json → b.json".
std::string renamed_text(const RoleDiff& r);

// "scenario \"AutoML compression\": 57.0 Green (Accelerated) → 45.1 Yellow".
std::string scenario_text(const ScenarioChange& s, int decimals);

// Shown by formats that list what matters to a reviewer rather than every role.
bool worth_showing(const RoleDiff& r);

} // namespace aijri::report_detail
