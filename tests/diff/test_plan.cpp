// The order a diff of two walks reads its files in (src/diff/plan.cpp).
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "diff/plan.hpp"

using namespace aijri;
using namespace aijri::detail;

namespace {

std::vector<InputFile> files(const std::vector<std::string>& paths) {
    std::vector<InputFile> out;
    for (const std::string& path : paths) {
        InputFile file;
        file.path = path;
        out.push_back(file);
    }
    return out;
}

// Each file of the plan as "old 1" / "new 0", with " #p" for the pair it is in.
std::vector<std::string> described(const ReadingPlan& plan) {
    std::vector<std::string> out;
    for (const Origin& at : plan.origin) {
        std::string line = (at.old_side ? "old " : "new ") + std::to_string(at.index);
        if (at.pair != k_no_pair) {
            line += " #" + std::to_string(at.pair);
        }
        out.push_back(line);
    }
    return out;
}

} // namespace

TEST_CASE("plan: a path below its root") {
    CHECK(below_root("old/sub/r.json", "old") == "sub/r.json");
    CHECK(below_root("old//r.json", "old/") == "r.json");
    CHECK(below_root("r.json", "r.json") == ""); // a file named alone
    CHECK(below_root("elsewhere/r.json", "old") == "elsewhere/r.json");
}

TEST_CASE("plan: walk order compares paths component by component") {
    CHECK(walk_order_less("a/z.json", "a.json")); // '/' ends a component: before any byte
    CHECK_FALSE(walk_order_less("a.json", "a/z.json"));
    CHECK(walk_order_less("a", "ab"));
    CHECK(walk_order_less("z.json", "\xc3\xa9.json")); // bytes compare unsigned
    CHECK_FALSE(walk_order_less("b", "b"));
}

TEST_CASE("plan: the files at one path below both roots are read one after the other") {
    const auto old_files = files({"old/a.json", "old/b.json", "old/sub/c.json"});
    const auto new_files = files({"new/b.json", "new/c.json", "new/sub/c.json", "new/z.json"});
    const ReadingPlan plan = plan_reading(old_files, "old", new_files, "new");
    CHECK(described(plan) == std::vector<std::string>{"old 0", "old 1 #0", "new 0 #0", "new 1",
                                                      "old 2 #1", "new 2 #1", "new 3"});
    CHECK(plan.pairs == std::vector<std::pair<std::size_t, std::size_t>>{{1, 0}, {2, 2}});
}

TEST_CASE("plan: two files named alone are one pair, whatever their names") {
    const ReadingPlan plan =
        plan_reading(files({"a/old.json"}), "a/old.json", files({"b/new.json"}), "b/new.json");
    CHECK(described(plan) == std::vector<std::string>{"old 0 #0", "new 0 #0"});
}

TEST_CASE("plan: a side with no file reads the other in its order") {
    const ReadingPlan plan = plan_reading({}, "old", files({"new/b.json", "new/a.json"}), "new");
    CHECK(described(plan) == std::vector<std::string>{"new 0", "new 1"});
    CHECK(plan.pairs.empty());
}
