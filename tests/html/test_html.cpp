#include <catch2/catch.hpp>

#include "aijri/html/chart.hpp"
#include "aijri/html/html.hpp"

using namespace aijri;

TEST_CASE("html escape turns every markup character into an entity", "[html]") {
    CHECK(html::escape("<script>alert('x')</script>") ==
          "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    CHECK(html::escape("a \"b\" & c") == "a &quot;b&quot; &amp; c");
    // Control characters and bidi overrides are made visible before the markup is escaped.
    CHECK(html::escape("x\x1b[31my\u202e") == "x\\x1b[31my\\u202e");
}

TEST_CASE("html anchors keep safe characters and encode every other byte", "[html]") {
    CHECK(html::anchor("role-", "team/a b.json") == "role-team/a_20b.json");
    // '_' itself is encoded, so that two keys never give one anchor.
    CHECK(html::anchor("r-", "a_2f") != html::anchor("r-", "a/"));
    CHECK(html::anchor("r-", "a_20") != html::anchor("r-", "a "));
    CHECK(html::anchor("r-", "a_2f") == "r-a_5f2f");
    CHECK(html::anchor("r-", "\"><script>") == "r-_22_3e_3cscript_3e");
}

TEST_CASE("html hashes follow FIPS 180-4", "[html]") {
    CHECK(html::sha256_base64("abc") == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
    CHECK(html::sha256_base64("") == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    // Two blocks: the padding crosses a 64-byte boundary.
    CHECK(html::sha256_base64(std::string(60, 'a')) ==
          "Ee45EhHGJWRgtu03WVf63YBhyvuzHa+Wfbh1rr1aqtQ=");
}

TEST_CASE("html pages allow no source but their own style and script", "[html]") {
    const std::string page = html::page_begin("<b>Title</b>") + html::page_end();
    const std::string policy = html::content_security_policy();
    CHECK(policy.rfind("default-src 'none'; style-src 'sha256-", 0) == 0);
    CHECK(policy.find("img-src 'none'") != std::string::npos);
    CHECK(policy.find("unsafe") == std::string::npos);
    CHECK(page.find("<title>&lt;b&gt;Title&lt;/b&gt;</title>") != std::string::npos);
    CHECK(page.find(policy) != std::string::npos);
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
}

TEST_CASE("html charts carry their title and every figure as text", "[html]") {
    html::BarChart chart;
    chart.title = "Tasks <by time>";
    chart.axis.label = "% of time";
    chart.axis.ticks = {0, 50, 100};
    chart.bars.push_back({"Train <models>", 0, 25, "25% · score 2", "s2"});
    const std::string svg = html::bar_chart(chart);
    CHECK(svg.find("<title>Tasks &lt;by time&gt;</title>") != std::string::npos);
    CHECK(svg.find("<desc>Train &lt;models&gt;: 25% · score 2</desc>") != std::string::npos);
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(svg.find(">% of time</text>") != std::string::npos);
}

TEST_CASE("html scatter aggregates many points into cells", "[html]") {
    html::Scatter chart;
    chart.x.max = 5;
    chart.y.max = 2;
    chart.aggregate_above = 3;
    for (int i = 0; i < 10; ++i) {
        chart.points.push_back({1.0, 1.0, "green", "p", ""});
    }
    const std::string svg = html::scatter(chart);
    CHECK(svg.find("<circle") == std::string::npos);
    CHECK(svg.find("<title>10 roles</title>") != std::string::npos);
}
