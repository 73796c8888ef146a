// The reports of a diff: one per reader of them (people, pull-request comments, data
// pipelines). They read the roles a diff made and never reach back into comparing.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "aijri/diff.hpp"

namespace aijri {

// The JSON report, ending in a line break, with "gates": the roles that tripped a gate and
// why (indent < 0: one line).
std::string diff_json(const DiffResult& result, int decimals,
                      const std::vector<std::string>& gate_trips, int indent = 2);
// The same text, handed to `write` in pieces of about 64 KiB as it is made: a report of
// thousands of roles is never held whole.
void write_diff_json(const DiffResult& result, int decimals,
                     const std::vector<std::string>& gate_trips, int indent,
                     const std::function<void(std::string_view)>& write);
std::string diff_text(const DiffResult& result, int decimals, bool color, bool show_unchanged);
std::string diff_markdown(const DiffResult& result, int decimals);

} // namespace aijri
