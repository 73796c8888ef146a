// A git repository with a known history of assessments, for the tests of `aijri history`
// (the core in tests/history/, the binary in tests/cli/).
#pragma once

#include <string>
#include <vector>

namespace aijri::test {

// Eight commits, one a day from 2026-01-01T10:00:00+00:00 (committer dates fixed), on the
// branch main, with methodologies/m.json a copy of the embedded methodology:
//   1  adds assessments/mover.json (id "mover") and assessments/steady.json ("steady"),
//      both the builder's default role (64.6 Green (Accelerated)), and the methodology
//   2  mover's evidence drops to -2 in every dimension: it goes Yellow
//   3  steady.json is moved to assessments/team/steady-role.json, unchanged
//   4  only notes.txt changes (no assessment, no methodology)
//   5  mover is made invalid (a task score of 9)
//   6  mover is back to the default (Green); steady-role.json is deleted
//   7  the methodology's green line moves from 48.0 to 70.0 (mover is Yellow at 64.6)
//   8  adds assessments/late.json ("late", the default role)
struct HistoryRepo {
    std::string dir;
    std::vector<std::string> commits; // full ids, oldest first
};
HistoryRepo make_history_repo();

} // namespace aijri::test
