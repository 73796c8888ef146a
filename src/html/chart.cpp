#include "aijri/html/chart.hpp"
#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "aijri/html/html.hpp"
#include "aijri/util/text.hpp"

namespace aijri::html {
namespace {

constexpr double k_width = 720;
constexpr std::size_t k_label_cells = 34; // a bar's name, before it is shortened

// Coordinates to a tenth of a pixel: finer is invisible and only makes the page bigger.
std::string px(double value) {
    return fmt::format("{:.1f}", value);
}

// A linear map from an axis to pixels.
struct Scale {
    double min;
    double max;
    double from; // pixel of min
    double to;   // pixel of max

    double operator()(double value) const {
        const double clamped = std::clamp(value, std::min(min, max), std::max(min, max));
        return max == min ? from : from + (clamped - min) / (max - min) * (to - from);
    }
};

std::string tick_text(const Axis& axis, double value) {
    return fmt::format("{:.{}f}", value, axis.decimals);
}

// The opening of a chart: its title is its accessible name, its description every figure.
std::string open_svg(double height, const std::string& title,
                     const std::vector<std::string>& desc) {
    std::string out =
        fmt::format("<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\"><title>{}</title>",
                    px(k_width), px(height), escape(title));
    if (!desc.empty()) {
        out += "<desc>";
        for (std::size_t i = 0; i < desc.size(); ++i) {
            out += (i == 0 ? "" : "; ") + escape(desc[i]);
        }
        out += "</desc>";
    }
    return out;
}

std::string text_at(double x, double y, std::string_view anchor, const std::string& text,
                    std::string_view css = "") {
    return fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\"{}>{}</text>", px(x), px(y),
                       anchor, css.empty() ? "" : fmt::format(" class=\"{}\"", css), escape(text));
}

std::string line(double x1, double y1, double x2, double y2, std::string_view css) {
    return fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"{}\"/>", px(x1),
                       px(y1), px(x2), px(y2), css);
}

std::string rect(double x, double y, double w, double h, std::string_view css,
                 const std::string& title = "") {
    const std::string shape =
        fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"{}\"", px(x), px(y),
                    px(std::max(w, 0.0)), px(std::max(h, 0.0)), escape(css));
    return title.empty() ? shape + "/>"
                         : fmt::format("{}><title>{}</title></rect>", shape, escape(title));
}

// The shaded regions and reference lines of a horizontal axis, between rows `top` and
// `bottom`, with the lines' labels under the bottom.
std::string x_regions(const Axis& axis, const Scale& x, double top, double bottom) {
    std::string out;
    for (const Region& r : axis.regions) {
        out += rect(x(r.from), top, x(r.to) - x(r.from), bottom - top, "region " + r.css, r.label);
    }
    for (const ReferenceLine& l : axis.lines) {
        out += line(x(l.value), top, x(l.value), bottom, "ref");
        if (!l.label.empty()) {
            out += text_at(x(l.value), top - 4, "middle", l.label, "muted");
        }
    }
    return out;
}

// Ticks and their labels along a horizontal axis at `y`, the axis's name under them.
std::string x_axis(const Axis& axis, const Scale& x, double y) {
    std::string out = line(x.from, y, x.to, y, "axis");
    for (const double t : axis.ticks) {
        out += line(x(t), y, x(t), y + 4, "axis");
        out += text_at(x(t), y + 16, "middle", tick_text(axis, t));
    }
    out += text_at((x.from + x.to) / 2, y + 32, "middle", axis.label, "muted");
    return out;
}

std::string y_axis(const Axis& axis, const Scale& y, double x) {
    std::string out = line(x, y.from, x, y.to, "axis");
    for (const double t : axis.ticks) {
        out += line(x - 4, y(t), x, y(t), "axis");
        out += text_at(x - 6, y(t) + 4, "end", tick_text(axis, t));
    }
    out += fmt::format("<text x=\"12\" y=\"{}\" text-anchor=\"middle\" class=\"muted\" "
                       "transform=\"rotate(-90 12 {})\">{}</text>",
                       px((y.from + y.to) / 2), px((y.from + y.to) / 2), escape(axis.label));
    return out;
}

std::string region_desc(const Axis& axis) {
    std::string out;
    for (const Region& r : axis.regions) {
        out += fmt::format("{}{} {}–{}", out.empty() ? "" : ", ", r.label, tick_text(axis, r.from),
                           tick_text(axis, r.to));
    }
    return out;
}

} // namespace

std::string band_chart(const BandChart& chart) {
    const double top = 8 + 16 * static_cast<double>(chart.markers.size());
    const double band = 24;
    const Scale x{chart.axis.min, chart.axis.max, 20, k_width - 20};
    std::vector<std::string> desc;
    if (!chart.axis.regions.empty()) {
        desc.push_back(region_desc(chart.axis));
    }
    for (const Marker& m : chart.markers) {
        desc.push_back(m.label);
    }
    std::string out = open_svg(top + band + 40, chart.title, desc);
    out += x_regions(chart.axis, x, top, top + band);
    for (const Region& r : chart.axis.regions) {
        out += text_at((x(r.from) + x(r.to)) / 2, top + band / 2 + 4, "middle", r.label, "muted");
    }
    for (std::size_t i = 0; i < chart.markers.size(); ++i) {
        const Marker& m = chart.markers[i];
        const double row = 14 + 16 * static_cast<double>(i);
        const double at = x(m.value);
        const double middle = top + band / 2;
        if (m.from) {
            // The move, along the band itself: from where the role was to where it is.
            const double start = x(*m.from);
            const double dir = at >= start ? 1 : -1;
            out += line(start, middle, at - dir * 6, middle, "marker");
            out += fmt::format("<polygon points=\"{},{} {},{} {},{}\" class=\"marker\"/>", px(at),
                               px(middle), px(at - dir * 7), px(middle - 4), px(at - dir * 7),
                               px(middle + 4));
        }
        out += line(at, row, at, top + band, "marker");
        out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"4\" class=\"{}\"/>", px(at), px(middle),
                           escape(m.css));
        // The label goes on the side of the marker where it fits (about 6.5 px a character),
        // else on the roomier side, shortened.
        const double room_right = k_width - at - 8;
        const double room_left = at - 8;
        const double width = 6.5 * static_cast<double>(display_width(m.label));
        const bool right_side =
            width <= room_right || (width > room_left && room_right >= room_left);
        const auto cells =
            static_cast<std::size_t>(std::max(right_side ? room_right : room_left, 0.0) / 6.5);
        out += text_at(right_side ? at + 6 : at - 6, row, right_side ? "start" : "end",
                       shorten(m.label, cells));
    }
    out += x_axis(chart.axis, x, top + band);
    return out + "</svg>";
}

std::string bar_chart(const BarChart& chart) {
    constexpr double row = 22;
    constexpr double label_right = 236;
    constexpr double text_left = k_width - 130;
    const double top = chart.axis.lines.empty() ? 6 : 18;
    const double bottom = top + row * static_cast<double>(chart.bars.size());
    const Scale x{chart.axis.min, chart.axis.max, label_right + 8, text_left - 10};
    std::vector<std::string> desc;
    for (const Bar& b : chart.bars) {
        desc.push_back(fmt::format("{}: {}", b.label, b.text));
    }
    std::string out = open_svg(bottom + 40, chart.title, desc);
    out += x_regions(chart.axis, x, top, bottom);
    for (std::size_t i = 0; i < chart.bars.size(); ++i) {
        const Bar& b = chart.bars[i];
        const double y = top + row * static_cast<double>(i);
        const double left = x(std::min(b.from, b.to));
        const double right = x(std::max(b.from, b.to));
        out += text_at(label_right, y + 15, "end", shorten(b.label, k_label_cells));
        // A bar of no length still shows where it stands.
        out += rect(left, y + 4, std::max(right - left, 1.5), row - 8, b.css,
                    fmt::format("{}: {}", b.label, b.text));
        out += text_at(text_left, y + 15, "start", b.text);
        if (chart.connect && i + 1 < chart.bars.size()) {
            out += line(x(b.to), y + row - 4, x(b.to), y + row + 4, "join");
        }
    }
    out += x_axis(chart.axis, x, bottom);
    return out + "</svg>";
}

std::string histogram(const Histogram& chart) {
    constexpr double top = 10;
    constexpr double bottom = 210;
    std::size_t highest = 1;
    for (const Bin& b : chart.bins) {
        highest = std::max(highest, b.count);
    }
    const Scale x{chart.axis.min, chart.axis.max, 60, k_width - 20};
    const Scale y{0, static_cast<double>(highest), bottom, top};
    std::vector<std::string> desc{region_desc(chart.axis)};
    for (const Bin& b : chart.bins) {
        if (b.count > 0) {
            desc.push_back(fmt::format("{}–{}: {}", tick_text(chart.axis, b.from),
                                       tick_text(chart.axis, b.to), b.count));
        }
    }
    std::string out = open_svg(bottom + 40, chart.title, desc);
    out += x_regions(chart.axis, x, top, bottom);
    for (const Bin& b : chart.bins) {
        const double h = bottom - y(static_cast<double>(b.count));
        out += rect(x(b.from) + 0.5, bottom - h, x(b.to) - x(b.from) - 1, h, b.css,
                    fmt::format("{}–{}: {} {}", tick_text(chart.axis, b.from),
                                tick_text(chart.axis, b.to), b.count, chart.count_label));
    }
    Axis counts;
    counts.max = static_cast<double>(highest);
    counts.label = chart.count_label;
    counts.ticks = {0, counts.max};
    out += y_axis(counts, y, x.from);
    out += x_axis(chart.axis, x, bottom);
    return out + "</svg>";
}

std::string scatter(const Scatter& chart) {
    constexpr double top = 10;
    constexpr double bottom = 370;
    const Scale x{chart.x.min, chart.x.max, 60, k_width - 20};
    const Scale y{chart.y.min, chart.y.max, bottom, top};
    std::vector<std::string> desc;
    for (const Curve& c : chart.curves) {
        desc.push_back(c.label);
    }
    desc.push_back(fmt::format("{} points", chart.points.size()));
    std::string out = open_svg(bottom + 40, chart.title, desc);
    for (const Curve& c : chart.curves) {
        std::string path;
        for (const auto& [cx, cy] : c.points) {
            if (cy < chart.y.min || cy > chart.y.max) {
                continue;
            }
            path += fmt::format("{}{},{}", path.empty() ? "" : " ", px(x(cx)), px(y(cy)));
        }
        out += fmt::format("<polyline points=\"{}\" class=\"ref\" fill=\"none\"><title>{}</title>"
                           "</polyline>",
                           path, escape(c.label));
        if (!c.points.empty()) {
            const auto& [lx, ly] = c.points.back();
            out +=
                text_at(x(lx) - 4, y(std::clamp(ly, chart.y.min, chart.y.max)) - 6, "end", c.label);
        }
    }
    if (chart.points.size() <= chart.aggregate_above) {
        for (const Point& p : chart.points) {
            const std::string dot =
                fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" class=\"{}\"><title>{}</title>"
                            "</circle>",
                            px(x(p.x)), px(y(p.y)), escape(p.css), escape(p.label));
            out += p.href.empty() ? dot : fmt::format("<a href=\"{}\">{}</a>", escape(p.href), dot);
        }
    } else {
        // A grid of cells, each in the colour most of its points have, its count its title:
        // the page stays the same size whatever the number of roles.
        constexpr int k_columns = 64;
        constexpr int k_rows = 40;
        std::map<std::pair<int, int>, std::map<std::string, std::size_t>> cells;
        for (const Point& p : chart.points) {
            const int cx =
                std::clamp(static_cast<int>((x(p.x) - x.from) / (x.to - x.from) * k_columns), 0,
                           k_columns - 1);
            const int cy = std::clamp(static_cast<int>((y(p.y) - y.to) / (y.from - y.to) * k_rows),
                                      0, k_rows - 1);
            ++cells[{cx, cy}][p.css];
        }
        const double cw = (x.to - x.from) / k_columns;
        const double ch = (y.from - y.to) / k_rows;
        for (const auto& [cell, counts] : cells) {
            std::size_t total = 0;
            const std::pair<const std::string, std::size_t>* most = nullptr;
            for (const auto& entry : counts) {
                total += entry.second;
                if (most == nullptr || entry.second > most->second) {
                    most = &entry;
                }
            }
            out += rect(x.from + cw * cell.first, y.to + ch * cell.second, cw, ch,
                        "cell " + most->first, fmt::format("{} roles", total));
        }
    }
    out += y_axis(chart.y, y, x.from);
    out += x_axis(chart.x, x, bottom);
    return out + "</svg>";
}

std::string line_chart(const LineChart& chart) {
    constexpr double top = 10;
    constexpr double bottom = 250;
    const Scale x{chart.x.min, chart.x.max, 60, k_width - 20};
    const Scale y{chart.y.min, chart.y.max, bottom, top};
    std::vector<std::string> desc;
    for (const Series& s : chart.series) {
        std::string points;
        for (const Point& p : s.points) {
            points += (points.empty() ? "" : ", ") + p.label;
        }
        desc.push_back(fmt::format("{}: {}", s.label, points));
    }
    std::string out = open_svg(bottom + 40, chart.title, desc);
    for (const Region& r : chart.y.regions) {
        out +=
            rect(x.from, y(r.to), x.to - x.from, y(r.from) - y(r.to), "region " + r.css, r.label);
        out += text_at(x.to - 4, y(r.to) + 14, "end", r.label, "muted");
    }
    for (const ReferenceLine& l : chart.y.lines) {
        out += line(x.from, y(l.value), x.to, y(l.value), "ref");
    }
    for (const Series& s : chart.series) {
        std::string path;
        for (const Point& p : s.points) {
            path += fmt::format("{}{},{}", path.empty() ? "" : " ", px(x(p.x)), px(y(p.y)));
        }
        out += fmt::format("<polyline points=\"{}\" class=\"line {}\"/>", path, escape(s.css));
        for (const Point& p : s.points) {
            out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" class=\"{}\"><title>{}"
                               "</title></circle>",
                               px(x(p.x)), px(y(p.y)), escape(p.css.empty() ? s.css : p.css),
                               escape(p.label));
        }
    }
    out += y_axis(chart.y, y, x.from);
    out += line(x.from, bottom, x.to, bottom, "axis");
    for (std::size_t i = 0; i < chart.x.ticks.size(); ++i) {
        const double t = chart.x.ticks[i];
        out += line(x(t), bottom, x(t), bottom + 4, "axis");
        const std::string label =
            i < chart.x_tick_labels.size() ? chart.x_tick_labels[i] : tick_text(chart.x, t);
        // A label centred on its tick would run off the chart at the right edge (a date at the
        // last commit): it ends at its tick there instead.
        const double half = 3.25 * static_cast<double>(display_width(label));
        out += text_at(x(t), bottom + 16, x(t) + half > k_width ? "end" : "middle", label);
    }
    out += text_at((x.from + x.to) / 2, bottom + 32, "middle", chart.x.label, "muted");
    return out + "</svg>";
}

} // namespace aijri::html
