// The report a person reads in a terminal, laid out like the assessment documents.
#pragma once

#include <cstddef>
#include <string>

#include "aijri/batch/evaluate.hpp"

namespace aijri {

struct TextStyle {
    std::size_t width = 100; // terminal columns
    bool color = false;      // ANSI colours for zones and headings
    bool wide = false;       // rationales whole (wrapped) instead of shortened to one line
};

// The full report of one scored assessment.
std::string render_text_report(const Evaluation& evaluation, const Methodology& methodology,
                               const TextStyle& style);

// "Green (Accelerated)" in the zone's colour when colour is on; the label is sanitized.
std::string colored_label(Zone zone, const std::string& label, bool color);

} // namespace aijri
