#include "support/builder.hpp"
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

namespace aijri::test {

std::array<int, 5> spread(int total, int min, int max) {
    std::array<int, 5> out{};
    out.fill(min);
    int left = total - 5 * min;
    for (int& v : out) {
        const int add = std::min(left, max - min);
        v += add;
        left -= add;
    }
    if (left != 0) {
        throw std::invalid_argument("total out of range");
    }
    return out;
}

namespace {

template <std::size_t N>
std::string scored_group(const std::array<const char*, N>& keys, const std::array<int, N>& scores) {
    std::string out = "{";
    for (std::size_t i = 0; i < N; ++i) {
        out += fmt::format("{}\n    \"{}\": {{ \"score\": {}, \"rationale\": \"r\" }}",
                           i == 0 ? "" : ",", keys[i], scores[i]);
    }
    return out + "\n  }";
}

} // namespace

std::string to_json(const AssessmentSpec& spec) {
    std::string tasks;
    for (std::size_t i = 0; i < spec.tasks.size(); ++i) {
        const TaskSpec& t = spec.tasks[i];
        const std::string name = t.name.empty() ? fmt::format("Task {}", i + 1) : t.name;
        tasks += fmt::format("{}\n    {{ \"name\": \"{}\", \"time_pct\": {}, \"score\": {}, "
                             "\"impact\": \"{}\" }}",
                             i == 0 ? "" : ",", name, t.time_pct, t.score, t.impact);
    }
    return fmt::format(
        R"({{
  "aijri": 1,
  "role": {{ "title": "Test Role" }},
  "protective_principles": {},
  "growth_correlation": {{ "score": {} }},
  "tasks": [{}
  ],
  "evidence": {},
  "barriers": {},
  "override": {}{}
}}
)",
        scored_group(std::array{"embodied_physicality", "deep_interpersonal_connection",
                                "goal_setting_moral_judgment"},
                     spec.principles),
        spec.growth, tasks,
        scored_group(std::array{"job_posting_trends", "company_actions", "wage_trends",
                                "ai_tool_maturity", "expert_consensus"},
                     spec.evidence),
        scored_group(std::array{"regulatory_licensing", "physical_presence",
                                "union_collective_bargaining", "liability_accountability",
                                "cultural_ethical"},
                     spec.barriers),
        spec.override_json, spec.extra);
}

CommandResult run_command(const std::string& shell_command) {
    const std::string dir = temp_dir();
    const std::string out_path = dir + "/stdout";
    const std::string err_path = dir + "/stderr";
    // The command's own redirections, inside the group, win over the default empty stdin.
    const std::string full =
        fmt::format("( {} ) >'{}' 2>'{}' </dev/null", shell_command, out_path, err_path);
    const int raw = std::system(full.c_str());
    CommandResult result;
    result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    result.out = read_text_file(out_path);
    result.err = read_text_file(err_path);
    return result;
}

CommandResult run_aijri(const std::string& arguments) {
    return run_command(fmt::format("'{}' {}", AIJRI_BINARY, arguments));
}

CommandResult run_aijri_in(const std::string& folder, const std::string& arguments) {
    return run_command(
        fmt::format("cd {} && '{}' {}", shell_quote(folder), AIJRI_BINARY, arguments));
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string seed_json() {
    return read_text_file(source_path("assessments/deep-learning-engineer.json"));
}

std::string seed_json_with(const std::string& from, const std::string& to) {
    std::string text = seed_json();
    const auto at = text.find(from);
    if (at == std::string::npos) {
        throw std::logic_error("seed_json_with: \"" + from + "\" is not in the seed");
    }
    return text.replace(at, from.size(), to);
}

std::string shell_quote(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

std::optional<std::string> unprivileged_prefix(std::string& why) {
    if (::geteuid() != 0) {
        return std::string();
    }
    const std::string prefix = "setpriv --reuid=65534 --regid=65534 --clear-groups -- ";
    const CommandResult probe =
        run_command(prefix + shell_quote(AIJRI_BINARY) + " --version >/dev/null");
    if (probe.status != 0) {
        why = "running as root, and user 65534 (nobody) cannot run " + std::string(AIJRI_BINARY) +
              " here (setpriv: " + probe.err + "): permission checks skipped";
        return std::nullopt;
    }
    return prefix;
}

std::string shared_temp_dir() {
    struct SharedRoot {
        std::string path =
            (std::filesystem::temp_directory_path() / "aijri-shared-XXXXXX").string();
        SharedRoot() {
            if (::mkdtemp(path.data()) == nullptr) {
                throw std::runtime_error("mkdtemp failed");
            }
            ::chmod(path.c_str(), 0755);
        }
        ~SharedRoot() {
            std::error_code ignored;
            std::filesystem::remove_all(path, ignored);
        }
        SharedRoot(const SharedRoot&) = delete;
        SharedRoot& operator=(const SharedRoot&) = delete;
    };
    static const SharedRoot root;
    static int counter = 0;
    const std::string dir = root.path + "/" + std::to_string(++counter);
    std::filesystem::create_directories(dir);
    ::chmod(dir.c_str(), 01777);
    return dir;
}

std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_text_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

std::string source_path(const std::string& relative) {
    return std::string(AIJRI_SOURCE_DIR) + "/" + relative;
}

namespace {

struct TempRoot {
    std::filesystem::path path;
    TempRoot() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "aijri-test-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("mkdtemp failed");
        }
        path = pattern;
    }
    ~TempRoot() {
        std::error_code ignored;
        std::filesystem::permissions(path, std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::add, ignored);
        std::filesystem::remove_all(path, ignored);
    }
};

} // namespace

std::string temp_dir() {
    static TempRoot root;
    static int counter = 0;
    const auto dir = root.path / std::to_string(++counter);
    std::filesystem::create_directories(dir);
    return dir.string();
}

} // namespace aijri::test
