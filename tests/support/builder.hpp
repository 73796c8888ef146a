// Builds assessment JSON for tests: a valid assessment by default, with the parts a test
// cares about set explicitly.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace aijri::test {

struct TaskSpec {
    std::string time_pct; // as written in JSON, e.g. "22.35"
    int score = 2;
    std::string impact = "augmentation";
    std::string name{}; // "" for "Task N", N its place in the list from 1
};

struct AssessmentSpec {
    std::array<int, 3> principles{0, 0, 2};
    int growth = 2;
    std::vector<TaskSpec> tasks{{"20", 2},
                                {"25", 3},
                                {"15", 3},
                                {"15", 2},
                                {"15", 1, "not_involved"},
                                {"10", 2, "not_involved"}};
    std::array<int, 5> evidence{2, 2, 1, 1, 2};
    std::array<int, 5> barriers{1, 0, 0, 1, 0};
    std::string override_json = "null";
    std::string extra; // more top-level members, e.g. ",\n  \"stated\": {...}"
};

// Spreads a total over five dimensions, each within [min, max], largest first.
std::array<int, 5> spread(int total, int min, int max);

std::string to_json(const AssessmentSpec& spec);

// Runs a command line and captures what it printed; the exit status is its exit code.
struct CommandResult {
    int status = -1;
    std::string out;
    std::string err;
};
CommandResult run_command(const std::string& shell_command);
CommandResult run_aijri(const std::string& arguments);
// aijri run from inside `folder`, as a user runs it in a repository.
CommandResult run_aijri_in(const std::string& folder, const std::string& arguments);

bool contains(const std::string& text, const std::string& part);

// The seed assessment (assessments/deep-learning-engineer.json), and the same with the first
// `from` replaced by `to` (a test fails when `from` is not there).
std::string seed_json();
std::string seed_json_with(const std::string& from, const std::string& to);

// Single quotes for sh: any text, newlines included, is one word.
std::string shell_quote(const std::string& text);

// A prefix that runs a command as an unprivileged user (nobody) when the tests run as root,
// where permissions hide faults (root reads a file of mode 000); "" when they already run
// unprivileged. Empty optional, with `why` set, when no such user can run the binary here.
std::optional<std::string> unprivileged_prefix(std::string& why);

// A fresh folder that the unprivileged user can enter and write in, removed at exit.
std::string shared_temp_dir();

std::string read_text_file(const std::string& path);
void write_text_file(const std::string& path, const std::string& text);
std::string source_path(const std::string& relative); // a path inside the repository
std::string temp_dir(); // a fresh folder, removed when the test program exits

} // namespace aijri::test
