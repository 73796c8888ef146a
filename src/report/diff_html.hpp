// The html format of a diff's report: one self-contained page (see aijri/html/html.hpp).
#pragma once

#include "aijri/diff/diff.hpp"
#include "aijri/report/diff.hpp"

#include "diff_parts.hpp"

namespace aijri::report_detail {

// The zone changes summarised first (the roles that crossed each zone line, up and down, and
// a link to each one's section), a sortable table of every role, then a section a role (as
// the text report lists them: unchanged ones with `show_unchanged`): its move on the AIJRI
// band, and its attribution as a waterfall from the old AIJRI through each input's points to
// the new one, with the same figures in a table beside it.
void write_diff_html(Pieces& out, const DiffResult& result, const DiffReportStyle& style);

} // namespace aijri::report_detail
