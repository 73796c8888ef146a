// read_history() on a real repository (support/history_repo.hpp): which commits give a role
// a point, with what figures, at which file, and what a range and a methodology change do.
#include <string>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "aijri/history/history.hpp"
#include "aijri/io/git_source.hpp"
#include "aijri/model/methodology.hpp"
#include "aijri/util/rational.hpp"

#include "support/builder.hpp"
#include "support/history_repo.hpp"

namespace {

using aijri::HistoryPoint;
using aijri::PointStatus;
using aijri::Zone;

// read_history() reads the repository of the current folder: the test moves there and back.
class InFolder {
public:
    explicit InFolder(const std::string& dir) {
        char here[4096];
        REQUIRE(::getcwd(here, sizeof here) != nullptr);
        m_back = here;
        REQUIRE(::chdir(dir.c_str()) == 0);
    }
    ~InFolder() { (void)::chdir(m_back.c_str()); }
    InFolder(const InFolder&) = delete;
    InFolder& operator=(const InFolder&) = delete;

private:
    std::string m_back;
};

const aijri::RoleHistory& role(const aijri::History& h, const std::string& id) {
    for (const auto& r : h.roles) {
        if (r.id == id) {
            return r;
        }
    }
    FAIL("no role " << id);
    throw;
}

std::string figure(const HistoryPoint& p) {
    return p.status == PointStatus::valid ? aijri::to_fixed(p.aijri, p.decimals)
                                          : std::string(aijri::to_string(p.status));
}

aijri::History history_of(const std::vector<std::string>& revisions, const std::string& file) {
    const aijri::Methodology builtin = aijri::builtin_methodology();
    aijri::HistoryOptions o;
    o.revisions = revisions;
    o.paths = {"assessments"};
    o.methodology = &builtin;
    o.methodology_file = file;
    o.jobs = 2;
    o.max_bytes = 1 << 20;
    return aijri::read_history(o);
}

} // namespace

TEST_CASE("history: a point a commit that changed a role's file, renames followed", "[history]") {
    const auto repo = aijri::test::make_history_repo();
    const auto& c = repo.commits;
    InFolder in(repo.dir);
    const aijri::History h = history_of({}, "");
    // Without the methodology file, the commit that only changes it is not in the history,
    // nor the one that changes notes.txt.
    CHECK(h.commits.size() == 6);
    REQUIRE(h.roles.size() == 3);
    CHECK(h.roles[0].id == "late");
    CHECK(h.roles[1].id == "mover");
    CHECK(h.roles[2].id == "steady");

    const auto& mover = role(h, "mover").points;
    REQUIRE(mover.size() == 4);
    CHECK(mover[0].commit == c[0]);
    CHECK(mover[0].date == "2026-01-01T10:00:00+00:00");
    CHECK(figure(mover[0]) == "64.6");
    CHECK(mover[0].label == "Green (Accelerated)");
    CHECK_FALSE(mover[0].delta);
    CHECK(mover[1].commit == c[1]);
    CHECK(figure(mover[1]) == "25.6");
    CHECK(mover[1].zone == Zone::yellow);
    CHECK(aijri::to_fixed(*mover[1].delta, 1) == "-39.0");
    CHECK(mover[1].zone_changed());
    // An invalid version is a point, with its errors named at its commit.
    CHECK(mover[2].commit == c[4]);
    CHECK(mover[2].status == PointStatus::invalid);
    REQUIRE(mover[2].errors.size() == 1);
    CHECK(mover[2].errors[0].starts_with(c[4].substr(0, 8) + ":assessments/mover.json:"));
    CHECK_FALSE(mover[2].delta);
    // Compared with its last valid version, across the invalid one.
    CHECK(mover[3].commit == c[5]);
    CHECK(figure(mover[3]) == "64.6");
    CHECK(aijri::to_fixed(*mover[3].delta, 1) == "39.0");
    CHECK(*mover[3].previous_zone == Zone::yellow);
    CHECK(mover[3].zone == Zone::green);
    for (const auto& p : mover) {
        CHECK(p.file == "assessments/mover.json");
        CHECK(p.file_changed);
        CHECK_FALSE(p.methodology_changed);
    }

    const auto& steady = role(h, "steady").points;
    REQUIRE(steady.size() == 3);
    CHECK(steady[0].file == "assessments/steady.json");
    CHECK(steady[1].commit == c[2]);
    CHECK(steady[1].file == "assessments/team/steady-role.json");
    CHECK(steady[1].old_file == "assessments/steady.json");
    CHECK(aijri::to_fixed(*steady[1].delta, 1) == "0.0");
    CHECK_FALSE(steady[1].zone_changed());
    CHECK(steady[2].commit == c[5]);
    CHECK(steady[2].status == PointStatus::deleted);
    CHECK(steady[2].file == "assessments/team/steady-role.json");

    const auto& late = role(h, "late").points;
    REQUIRE(late.size() == 1);
    CHECK(late[0].commit == c[7]);
    CHECK(late[0].label == "Green (Accelerated)"); // the embedded methodology
}

TEST_CASE("history: a tracked methodology scores each commit with its own version", "[history]") {
    const auto repo = aijri::test::make_history_repo();
    const auto& c = repo.commits;
    InFolder in(repo.dir);
    const aijri::History h = history_of({}, "methodologies/m.json");
    REQUIRE(h.commits.size() == 7);
    // The time line: every commit that changed a file or the methodology, oldest first (not
    // the fourth, which changes notes.txt only).
    const std::vector<std::size_t> listed{0, 1, 2, 4, 5, 6, 7};
    for (std::size_t i = 0; i < listed.size(); ++i) {
        CHECK(h.commits[i].id == c[listed[i]]);
    }
    CHECK(h.commits[6].date == "2026-01-08T10:00:00+00:00");
    const auto& mover = role(h, "mover").points;
    REQUIRE(mover.size() == 5);
    // Before the change, the file's first version: the embedded one's figures.
    CHECK(mover[3].label == "Green (Accelerated)");
    CHECK(mover[4].commit == c[6]);
    CHECK(mover[4].methodology_changed);
    CHECK_FALSE(mover[4].file_changed);
    CHECK(figure(mover[4]) == "64.6");
    CHECK(mover[4].zone == Zone::yellow);
    CHECK(aijri::to_fixed(*mover[4].delta, 1) == "0.0");
    CHECK(mover[4].zone_changed());
    // A role added after the change is scored with the new version.
    const auto& late = role(h, "late").points;
    REQUIRE(late.size() == 1);
    CHECK(late[0].zone == Zone::yellow);
    CHECK(late[0].label == "Yellow");
    // steady was deleted before: no point at the methodology's change.
    CHECK(role(h, "steady").points.size() == 3);
}

TEST_CASE("history: a range compares its first points with the range's base", "[history]") {
    const auto repo = aijri::test::make_history_repo();
    const auto& c = repo.commits;
    InFolder in(repo.dir);
    const aijri::History h = history_of({"HEAD~2..HEAD"}, "methodologies/m.json");
    CHECK(h.commits.size() == 2);
    REQUIRE(h.roles.size() == 2);
    const auto& mover = role(h, "mover").points;
    REQUIRE(mover.size() == 1);
    CHECK(mover[0].commit == c[6]);
    CHECK(aijri::to_fixed(*mover[0].delta, 1) == "0.0");
    CHECK(*mover[0].previous_zone == Zone::green); // as the base scored it, with its version
    CHECK(mover[0].zone == Zone::yellow);
    CHECK(role(h, "late").points.size() == 1);
}

TEST_CASE("history: a revision git does not know is an error in git's words", "[history]") {
    const auto repo = aijri::test::make_history_repo();
    InFolder in(repo.dir);
    CHECK_THROWS_WITH(history_of({"nope"}, ""),
                      Catch::Contains("git log failed: fatal: bad revision 'nope'"));
    CHECK_THROWS_AS(history_of({"nope"}, ""), aijri::GitError);
}

TEST_CASE("history: a merge brings its branch's changes at the merge, along the first parent",
          "[history]") {
    const auto repo = aijri::test::make_history_repo();
    // A branch edits late.json twice; main merges it without fast-forward.
    const std::string commit = " && git -c user.email=t@t -c user.name=t commit -qam ";
    const auto r = aijri::test::run_command(
        "cd " + aijri::test::shell_quote(repo.dir) +
        " && git checkout -q -b side && sed -i '/growth_correlation/s/2/1/' "
        "assessments/late.json" +
        commit + "one && sed -i '/growth_correlation/s/1/0/' assessments/late.json" + commit +
        "two && git checkout -q main && git -c user.email=t@t -c user.name=t merge -q --no-ff "
        "-m merged side && git rev-parse HEAD");
    REQUIRE(r.status == 0);
    const std::string merge = r.out.substr(0, r.out.find('\n'));
    InFolder in(repo.dir);
    const aijri::History h = history_of({}, "");
    const auto& late = role(h, "late").points;
    // The branch's two commits are not on the first-parent line: one point, at the merge,
    // against late's version before it.
    REQUIRE(late.size() == 2);
    CHECK(late[1].commit == merge);
    REQUIRE(late[1].delta);
    CHECK(late[1].delta->sign() < 0);
    CHECK(h.commits.back().id == merge);
}
