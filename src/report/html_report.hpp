// The HTML page of `score` and `robustness` (BatchFormat::html): one role's page when one
// file is named, else a portfolio of every role.
#pragma once

#include <memory>

#include "aijri/model/methodology.hpp"
#include "aijri/report/batch.hpp"

namespace aijri::report_detail {

// With `robustness`, each role's section also shows how firm its verdict is.
std::unique_ptr<BatchReport> make_html_report(const Methodology& methodology,
                                              const ReportStyle& style, bool robustness);

} // namespace aijri::report_detail
