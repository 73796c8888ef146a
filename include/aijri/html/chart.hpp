// Charts as inline SVG. Each one is an image with a <title> (what it shows, as a sentence)
// and a <desc> that lists every figure it draws, so that a screen reader, a search and a
// reader of the page's text get what the picture says. Its axes are labelled, and start and
// end where their labels say. Colours come from CSS classes (the page's palette, which is
// safe for colour-blind readers); a class never carries meaning alone: every bar and region
// also has its label.
//
// Positions are doubles: the figures were computed exactly and formatted by the caller;
// the chart only places them.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace aijri::html {

// A vertical line across a chart at `value`, e.g. a zone's lower bound.
struct ReferenceLine {
    double value = 0;
    std::string label; // "48.0"
};

// A stretch of the value axis shaded as a zone.
struct Region {
    double from = 0;
    double to = 0;
    std::string css;   // "zone-green"
    std::string label; // "Green"
};

struct Axis {
    double min = 0;
    double max = 100;
    std::string label;           // "AIJRI", "% of time"
    std::vector<double> ticks;   // labelled with tick_format
    int decimals = 0;            // of the tick labels
    std::vector<Region> regions; // shaded behind the data
    std::vector<ReferenceLine> lines;
};

// A 0–100 band with the zone regions, and markers on it: a role's AIJRI, its scenarios, a
// diff's old and new place (drawn as an arrow from `from`).
struct Marker {
    double value = 0;
    std::string label; // "64.6 Green (Accelerated)"
    std::string css;
    std::optional<double> from; // an arrow from here to value
};

struct BandChart {
    std::string title;
    Axis axis;
    std::vector<Marker> markers;
};
std::string band_chart(const BandChart& chart);

// Horizontal bars, one a row, each from `from` to `to` on a shared axis: sizes from 0 (time
// shares, scores that can be negative), a waterfall (each step from where the last ended),
// a tornado (low to high around a reference line).
struct Bar {
    std::string label; // the row's name, left of the axis
    double from = 0;
    double to = 0;
    std::string text; // the figure written beside the bar ("+0.24", "25% · score 2")
    std::string css;
};

struct BarChart {
    std::string title;
    Axis axis;
    std::vector<Bar> bars;
    bool connect = false; // a waterfall: a dotted line joins each bar's end to the next
};
std::string bar_chart(const BarChart& chart);

// Counts of roles in bins of a value (the AIJRI), with the zone regions behind.
struct Bin {
    double from = 0;
    double to = 0;
    std::size_t count = 0;
    std::string css;
};

struct Histogram {
    std::string title;
    Axis axis;               // the binned value
    std::string count_label; // "roles"
    std::vector<Bin> bins;
};
std::string histogram(const Histogram& chart);

// Points on two axes, and curves through the plane (iso-lines). Over `aggregate_above`
// points the chart draws a grid of cells with their counts instead of a dot a point, so that
// its size stays bounded.
struct Point {
    double x = 0;
    double y = 0;
    std::string css;
    std::string label; // the point's <title>
    std::string href;  // "#role-…": a link to the point's section, or nothing
};

struct Curve {
    std::string label; // "AIJRI 48.0"
    std::string css;
    std::vector<std::pair<double, double>> points;
};

struct Scatter {
    std::string title;
    Axis x;
    Axis y;
    std::vector<Point> points;
    std::vector<Curve> curves;
    std::size_t aggregate_above = 2000;
};
std::string scatter(const Scatter& chart);

// Series of values over time (or any ordered x), with regions of y shaded (zone bands).
struct Series {
    std::string label;
    std::string css;
    std::vector<Point> points; // in x order
};

struct LineChart {
    std::string title;
    Axis x;
    Axis y;
    std::vector<std::string> x_tick_labels; // one per x.ticks entry ("2026-03-01")
    std::vector<Series> series;
};
std::string line_chart(const LineChart& chart);

} // namespace aijri::html
