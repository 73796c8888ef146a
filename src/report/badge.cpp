// `--format badge`: the run summed up as shields.io's endpoint JSON, for a README badge
// (https://shields.io/badges/endpoint-badge). Nothing is written per result: the counts are
// known only at the end.
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "aijri/json/writer.hpp"

#include "formats.hpp"

namespace aijri::report_detail {

namespace {

std::size_t count_in(const BatchTotals& t, Zone zone) {
    const auto it = t.zones.find(zone);
    return it == t.zones.end() ? 0 : it->second;
}

// "12 Green · 5 Yellow · 2 Red", then " · 1 invalid" when some file is: every zone is
// named, so that the badge keeps its shape from run to run.
std::string badge_message(const BatchTotals& t) {
    if (t.files == 0) {
        return "no assessments"; // only with --allow-empty
    }
    std::string out;
    for (const Zone zone : k_zones) {
        out += fmt::format("{}{} {}", out.empty() ? "" : " · ", count_in(t, zone), to_string(zone));
    }
    if (t.invalid > 0) {
        out += fmt::format(" · {} invalid", t.invalid);
    }
    return out;
}

// Red when the run fails (an invalid file, a tripped gate, an id shared by files) or some
// role is Red; yellow when some role is Yellow; green otherwise. Shields' named colours.
std::string_view badge_color(const BatchTotals& t) {
    if (t.files == 0) {
        return "lightgrey";
    }
    const bool failed = t.invalid > 0 || !t.gate_trips.empty() || !t.duplicate_ids.empty();
    if (failed || count_in(t, Zone::red) > 0) {
        return "red";
    }
    return count_in(t, Zone::yellow) > 0 ? "yellow" : "green";
}

class Badge final : public BatchReport {
public:
    std::string render(const Evaluation&, const std::optional<std::string>&) const override {
        return {};
    }
    std::string end(const BatchTotals& t) const override {
        std::string out;
        detail::JsonWriter w(out, 2);
        w.begin_object();
        w.key("schemaVersion");
        w.integer(1);
        w.key("label");
        w.string("aijri");
        w.key("message");
        w.string(badge_message(t));
        w.key("color");
        w.string(badge_color(t));
        w.end_object();
        return out + "\n";
    }
};

} // namespace

std::unique_ptr<BatchReport> make_badge_report() {
    return std::make_unique<Badge>();
}

} // namespace aijri::report_detail
