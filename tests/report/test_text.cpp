// The text report of the seed: its key lines word for word, its layout at a given width,
// and colour only when asked for.
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "aijri/assessment/reader.hpp"
#include "aijri/batch/evaluate.hpp"
#include "aijri/report/text.hpp"
#include "aijri/util/text.hpp"

#include "support/builder.hpp"

using namespace aijri;

namespace {

using Lines = std::vector<std::string>;

std::string report(std::size_t width, bool color = false, bool wide = false) {
    AssessmentReader reader;
    const Evaluation e = evaluate(reader, test::seed_json(),
                                  "assessments/deep-learning-engineer.json", builtin_methodology());
    REQUIRE(e.valid());
    return render_text_report(e, builtin_methodology(), TextStyle{width, color, wide});
}

Lines lines_of(const std::string& text) {
    Lines out;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        REQUIRE(end != std::string::npos); // every line ends with a line break
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

bool has_line(const Lines& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

// The lines from `heading` to the blank line that ends its section.
Lines section(const Lines& lines, const std::string& heading) {
    auto at = std::find(lines.begin(), lines.end(), heading);
    REQUIRE(at != lines.end());
    Lines out;
    for (; at != lines.end() && !at->empty(); ++at) {
        out.push_back(*at);
    }
    return out;
}

} // namespace

TEST_CASE("text report: the seed's verdict and figures, line for line") {
    const Lines lines = lines_of(report(80));
    REQUIRE(lines.size() >= 2);
    CHECK(lines[0] == "Deep Learning Engineer — AIJRI 64.6 Green (Accelerated)");
    CHECK(lines[1] == "  assessments/deep-learning-engineer.json · methodology aijri-1");
    CHECK(section(lines, "JobZone Composite Score (AIJRI)") ==
          Lines{"JobZone Composite Score (AIJRI)", "  Task Resistance Score: 3.75/5.0",
                "  Evidence modifier: 1.0 + (8 × 0.04) = 1.32",
                "  Barrier modifier: 1.0 + (2 × 0.02) = 1.04",
                "  Growth modifier: 1.0 + (2 × 0.05) = 1.10",
                "  Raw: 3.75 × 1.32 × 1.04 × 1.10 = 5.6628",
                "  AIJRI: (5.6628 − 0.54) / 7.93 × 100 = 64.6",
                "  Zone: Green (Green >= 48.0, Yellow 25.0–47.9, Red < 25.0)"});
    CHECK(
        section(lines, "Sub-Label Determination") ==
        Lines{"Sub-Label Determination", "  % of task time scoring 3+: 40%",
              "  AI Growth Correlation: +2",
              "  Sub-label: Green (Accelerated) — Growth Correlation = 2 AND AIJRI 64.6 >= 48.0"});
    CHECK(section(lines, "Assessor Override") ==
          Lines{"Assessor Override", "  Assessor override: none — formula score accepted."});
    CHECK(has_line(lines, "  Quick screen result: Protective 2 + Correlation 2 = Likely Green "
                          "(Accelerated)"));
    CHECK(has_line(lines, "  Task resistance: 6.00 − 2.25 = 3.75"));
    CHECK(has_line(lines, "  Total                        100%             2.25"));
}

TEST_CASE("text report: tables at 80 columns, cells shortened to fit") {
    const Lines lines = lines_of(report(80));
    CHECK(section(lines, "Task Decomposition") ==
          Lines{"Task Decomposition",
                "  Task                       Time %  Score  Weighted  Impact        Rationale",
                "  " + std::string(78, '-'),
                "  Design novel neural netw…     20%      2      0.40  Augmentation  Each proble…",
                "  Train & optimize deep le…     25%      3      0.75  Augmentation  Hyperparame…",
                "  Build & maintain trainin…     15%      3      0.45  Augmentation  GPU pipelin…",
                "  Debug convergence issues…     15%      2      0.30  Augmentation  Diagnosing…",
                "  Research & prototype new…     15%      1      0.15  Not involved  Reading pap…",
                "  Cross-functional collabo…     10%      2      0.20  Not involved  Translating…",
                "  Total                        100%             2.25",
                "  Task resistance: 6.00 − 2.25 = 3.75",
                "  Displacement/augmentation split: 0% displacement, 75% augmentation, 25%",
                "      not involved",
                "  Reinstatement check: Yes — AI creates substantial new tasks: designing",
                "                       architectures for new modalities (multimodal models,",
                "                       world models, video generation), scaling training to",
                "                       trillion-parameter models, AI alignment and safety",
                "                       training, diffusion model engineering, neural",
                "                       architecture search oversight, efficiency optimization",
                "                       for edge deployment. The task portfolio expands with",
                "                       every new AI capability frontier."});
    CHECK(section(lines, "Evidence Score") ==
          Lines{"Evidence Score", "  Dimension           Score  Rationale",
                "  " + std::string(78, '-'),
                "  Job Posting Trends     +2  Deep learning roles are a subset of the 163% YoY M…",
                "  Company Actions        +2  Every frontier lab and major tech company is hirin…",
                "  Wage Trends            +1  Average DL Engineer salary $148,769 (ZipRecruiter)…",
                "  AI Tool Maturity       +1  NAS (Neural Architecture Search) and AutoML automa…",
                "  Expert Consensus       +2  WEF: ML specialists among top 15 fastest-growing r…",
                "  Total                  +8"});
}

TEST_CASE("text report: no line is wider than the width asked for") {
    for (const std::size_t width : {40U, 60U, 80U, 100U, 150U}) {
        INFO("width " << width);
        const Lines lines = lines_of(report(width));
        std::size_t widest = 0;
        for (const std::string& line : lines) {
            widest = std::max(widest, display_width(line));
        }
        CHECK(widest <= width);
        // Table rules run the width of the layout, less the indent.
        CHECK(has_line(lines, "  " + std::string(width - 2, '-')));
    }
    // Too narrow for the title line: the verdict goes on a line of its own.
    const Lines narrow = lines_of(report(40));
    CHECK(narrow[0] == "Deep Learning Engineer");
    CHECK(narrow[1] == "AIJRI 64.6 Green (Accelerated)");
    // Wider, the table's text column takes the room: fewer cells are shortened.
    const Lines wide_layout = lines_of(report(150));
    CHECK(has_line(wide_layout,
                   "  Wage Trends            +1  Average DL Engineer salary $148,769 "
                   "(ZipRecruiter), DL Software Engineer $195,069 (Glassdoor). Mid-level range "
                   "$149K-$19…"));
}

TEST_CASE("text report: --wide shows rationales whole, wrapped under their column") {
    const std::string shortened = report(80);
    const std::string whole = report(80, false, true);
    CHECK(shortened.find("NOT an ML/AI Engineer (broader scope including classic…") !=
          std::string::npos);
    CHECK(whole.find("NOT an ML/AI Engineer (broader scope including classic…") ==
          std::string::npos);
    const Lines lines = lines_of(whole);
    CHECK(has_line(lines, "                         specifically on large language models). "
                          "NOT a Computer"));
    CHECK(lines.size() > lines_of(shortened).size());
}

TEST_CASE("text report: colour only when asked, around headings and zone labels") {
    const std::string plain = report(100);
    CHECK(plain.find('\x1b') == std::string::npos);
    const std::string colored = report(100, true);
    const Lines lines = lines_of(colored);
    CHECK(lines[0] == "\x1b[1mDeep Learning Engineer — AIJRI 64.6 \x1b[1;32mGreen "
                      "(Accelerated)\x1b[0m\x1b[0m");
    CHECK(has_line(lines, "\x1b[1mTask Decomposition\x1b[0m"));
    CHECK(has_line(lines, "  Zone: \x1b[1;32mGreen\x1b[0m (Green >= 48.0, Yellow 25.0–47.9, "
                          "Red < 25.0)"));
    CHECK(colored_label(Zone::green, "Green (Accelerated)", false) == "Green (Accelerated)");
    CHECK(colored_label(Zone::yellow, "Yellow (Stable)", true) ==
          "\x1b[1;33mYellow (Stable)\x1b[0m");
    CHECK(colored_label(Zone::red, "Red", true) == "\x1b[1;31mRed\x1b[0m");
    // A label is text from a file: it is sanitized, coloured or not.
    CHECK(colored_label(Zone::red, "R\x1b[2Jed", false) == "R\\x1b[2Jed");
}

// Colour codes take no room on the screen, so they must not move a line break: at every
// width, the coloured report with its escapes removed is the plain report, line for line.
TEST_CASE("text report: colour never changes where a line wraps") {
    const auto without_escapes = [](const std::string& text) {
        std::string out;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\x1b') {
                i = text.find('m', i);
                continue;
            }
            out += text[i];
        }
        return out;
    };
    for (std::size_t width = 40; width <= 150; ++width) {
        INFO("width " << width);
        CHECK(without_escapes(report(width, true)) == report(width));
    }
}
