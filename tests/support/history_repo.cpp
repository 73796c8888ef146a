#include "support/history_repo.hpp"
#include <filesystem>
#include <stdexcept>

#include <fmt/format.h>

#include "support/builder.hpp"

namespace aijri::test {
namespace {

AssessmentSpec with_id(AssessmentSpec spec, const std::string& id) {
    spec.extra = fmt::format(",\n  \"id\": \"{}\"", id);
    return spec;
}

void run_in(const std::string& dir, const std::string& command) {
    const CommandResult r = run_command(fmt::format("cd {} && {}", shell_quote(dir), command));
    if (r.status != 0) {
        throw std::runtime_error(fmt::format("{}: {}", command, r.err));
    }
}

} // namespace

HistoryRepo make_history_repo() {
    HistoryRepo repo;
    repo.dir = temp_dir() + "/history";
    const std::string& d = repo.dir;
    std::filesystem::create_directories(d + "/assessments");
    std::filesystem::create_directories(d + "/methodologies");
    run_in(d, "git init -q -b main && git config user.email t@example.com && "
              "git config user.name t");
    int day = 0;
    const auto commit = [&](const std::string& message) {
        ++day;
        const std::string date = fmt::format("2026-01-{:02}T10:00:00+00:00", day);
        run_in(d, fmt::format("git add -A && GIT_COMMITTER_DATE={0} GIT_AUTHOR_DATE={0} git "
                              "commit -q -m {1}",
                              date, shell_quote(message)));
        const CommandResult head =
            run_command(fmt::format("cd {} && git rev-parse HEAD", shell_quote(d)));
        repo.commits.push_back(head.out.substr(0, head.out.find('\n')));
    };
    const std::string methodology = read_text_file(source_path("methodologies/aijri-1.json"));
    write_text_file(d + "/assessments/mover.json", to_json(with_id({}, "mover")));
    write_text_file(d + "/assessments/steady.json", to_json(with_id({}, "steady")));
    write_text_file(d + "/methodologies/m.json", methodology);
    write_text_file(d + "/notes.txt", "one\n");
    commit("first");
    AssessmentSpec lower;
    lower.evidence = spread(-10, -2, 2);
    write_text_file(d + "/assessments/mover.json", to_json(with_id(lower, "mover")));
    commit("mover goes yellow");
    std::filesystem::create_directories(d + "/assessments/team");
    run_in(d, "git mv assessments/steady.json assessments/team/steady-role.json");
    commit("move steady");
    write_text_file(d + "/notes.txt", "two\n");
    commit("notes only");
    AssessmentSpec invalid;
    invalid.tasks[0].score = 9;
    write_text_file(d + "/assessments/mover.json", to_json(with_id(invalid, "mover")));
    commit("mover breaks");
    write_text_file(d + "/assessments/mover.json", to_json(with_id({}, "mover")));
    std::filesystem::remove(d + "/assessments/team/steady-role.json");
    commit("mover repaired, steady deleted");
    const std::string from = "\"green_min\": 48.0";
    const auto at = methodology.find(from);
    if (at == std::string::npos) {
        throw std::runtime_error("the methodology has no green_min of 48.0");
    }
    write_text_file(d + "/methodologies/m.json",
                    std::string(methodology).replace(at, from.size(), "\"green_min\": 70.0"));
    commit("a higher green line");
    write_text_file(d + "/assessments/late.json", to_json(with_id({}, "late")));
    commit("late arrives");
    return repo;
}

} // namespace aijri::test
