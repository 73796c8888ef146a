// What a CI gate trusts: aijri never replaces a node that is not a regular file, never writes
// over one of its inputs, never dies of a failed write to stderr, never leaves half a report
// behind a signal, never loses an input in silence, and never lets text from a file start a
// line that a CI log reads as a command. Every case runs the built binary.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <spawn.h>
#include <string>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "support/builder.hpp"

using aijri::test::CommandResult;
using aijri::test::contains;
using aijri::test::read_text_file;
using aijri::test::run_command;
using aijri::test::shell_quote;
using aijri::test::write_text_file;
namespace fs = std::filesystem;

extern char** environ;

namespace {

const std::string k_aijri = shell_quote(AIJRI_BINARY);

// The binary under a timeout, so that a hang fails the test instead of stalling CI.
CommandResult run(const std::string& arguments) {
    return run_command("timeout 60 " + k_aijri + " " + arguments);
}

// In bash, for PIPESTATUS and <&- style redirections.
CommandResult run_bash(const std::string& script) {
    return run_command("bash -c " + shell_quote(script));
}

std::string one_line(const std::string& json) {
    return nlohmann::json::parse(json).dump() + "\n";
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

bool no_temporary_left(const std::string& folder) {
    return std::none_of(fs::directory_iterator(folder), fs::directory_iterator(),
                        [](const fs::directory_entry& e) {
                            return contains(e.path().filename().string(), ".aijri-");
                        });
}

// A git repository with assessments/ committed once; `edit` changes the files for a second
// commit when given.
std::string make_repository(int roles) {
    const std::string root = aijri::test::temp_dir() + "/repo";
    fs::create_directories(root + "/assessments");
    for (int i = 0; i < roles; ++i) {
        write_text_file(fmt::format("{}/assessments/role-{:03}.json", root, i),
                        aijri::test::seed_json_with("\"deep-learning-engineer\"",
                                                    fmt::format("\"role-{:03}\"", i)));
    }
    const CommandResult init = run_command(
        "cd " + shell_quote(root) +
        " && git init -q && git add -A && git -c user.email=t@t -c user.name=t commit -qm one");
    REQUIRE(init.status == 0);
    return root;
}

// Starts aijri with `input` as its stdin (the test keeps `other_end`, which the child must
// not hold) and its `output` descriptor written to `file`.
pid_t spawn_aijri(const std::vector<std::string>& arguments, int input, int other_end, int output,
                  const std::string& file) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, input, STDIN_FILENO);
    posix_spawn_file_actions_addclose(&actions, other_end);
    posix_spawn_file_actions_addopen(&actions, output, file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    std::vector<std::string> storage{AIJRI_BINARY};
    storage.insert(storage.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& a : storage) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    pid_t pid = -1;
    REQUIRE(::posix_spawn(&pid, AIJRI_BINARY, &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    ::close(input);
    return pid;
}

// A running aijri whose standard input the test writes, for signals at a known moment.
class Running {
public:
    Running(const std::vector<std::string>& arguments, const std::string& folder) {
        int in[2];
        REQUIRE(::pipe(in) == 0);
        m_pid = spawn_aijri(arguments, in[0], in[1], STDERR_FILENO, folder + "/stderr");
        m_input = in[1];
    }
    ~Running() {
        if (m_input >= 0) {
            ::close(m_input);
        }
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
    }
    Running(const Running&) = delete;
    Running& operator=(const Running&) = delete;

    void feed(const std::string& text) const {
        REQUIRE(::write(m_input, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
    }
    // Signals the process and returns its exit status (-1 when a signal ended it).
    int stop_with(int signal_number) {
        ::kill(m_pid, signal_number);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_pid = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

private:
    pid_t m_pid = -1;
    int m_input = -1;
};

} // namespace

TEST_CASE(
    "score -o writes a regular file, follows a link, writes a device in place, refuses a folder") {
    const std::string dir = aijri::test::temp_dir();
    write_text_file(dir + "/seed.json", aijri::test::seed_json());
    const std::string report = run("score " + shell_quote(dir + "/seed.json")).out;
    REQUIRE(contains(report, "AIJRI 64.6 Green (Accelerated)"));

    // A link: its target is written (whole, through a temporary file), the link stays.
    write_text_file(dir + "/target.txt", "old");
    fs::create_symlink("target.txt", dir + "/link.txt");
    CHECK(run("score " + shell_quote(dir + "/seed.json") + " -o " + shell_quote(dir + "/link.txt"))
              .status == 0);
    CHECK(fs::is_symlink(dir + "/link.txt"));
    CHECK(read_text_file(dir + "/target.txt") == report);
    // A link that leads to no file yet: the file is made where it leads.
    fs::create_symlink("made.txt", dir + "/dangling.txt");
    CHECK(run("score " + shell_quote(dir + "/seed.json") + " -o " +
              shell_quote(dir + "/dangling.txt"))
              .status == 0);
    CHECK(fs::is_symlink(dir + "/dangling.txt"));
    CHECK(read_text_file(dir + "/made.txt") == report);

    // A FIFO is written as `>` would write it: the reader waiting on it gets the report.
    REQUIRE(::mkfifo((dir + "/fifo").c_str(), 0600) == 0);
    const CommandResult fifo =
        run_command("cat " + shell_quote(dir + "/fifo") + " > " + shell_quote(dir + "/from-fifo") +
                    " & " + "timeout 60 " + k_aijri + " score " + shell_quote(dir + "/seed.json") +
                    " -o " + shell_quote(dir + "/fifo") + "; status=$?; wait; exit $status");
    CHECK(fifo.status == 0);
    CHECK(fs::is_fifo(dir + "/fifo"));
    CHECK(read_text_file(dir + "/from-fifo") == report);

    // A device node is written in place, never replaced (as root, `-o /dev/null` used to
    // destroy the system's /dev/null). Only root may make one; elsewhere /dev/null itself.
    const std::string device = ::geteuid() == 0 ? dir + "/mynull" : "/dev/null";
    if (::geteuid() == 0) {
        REQUIRE(::mknod(device.c_str(), S_IFCHR | 0666, ::makedev(1, 3)) == 0);
    }
    CHECK(run("score " + shell_quote(dir + "/seed.json") + " -o " + shell_quote(device)).status ==
          0);
    CHECK(fs::is_character_file(device));

    // A folder: exit 2, and nothing made in it.
    fs::create_directories(dir + "/folder");
    const CommandResult folder =
        run("score " + shell_quote(dir + "/seed.json") + " -o " + shell_quote(dir + "/folder"));
    CHECK(folder.status == 2);
    CHECK(folder.err ==
          "aijri: " + dir + "/folder: is a folder: name a file to write the report to\n");
    CHECK(fs::is_empty(dir + "/folder"));

    // A name of 250 characters: the temporary name beside it still fits in NAME_MAX.
    const std::string long_name = dir + "/" + std::string(250, 'r') + ".txt";
    CHECK(
        run("score " + shell_quote(dir + "/seed.json") + " -o " + shell_quote(long_name)).status ==
        0);
    CHECK(read_text_file(long_name) == report);
    CHECK(no_temporary_left(dir));
}

TEST_CASE("no output lands on an input, however the path reaches it, exit 2, input intact") {
    const std::string dir = aijri::test::temp_dir();
    const std::string s = shell_quote(dir);
    write_text_file(dir + "/seed.json", aijri::test::seed_json());
    write_text_file(dir + "/a.json", aijri::test::seed_json());
    write_text_file(dir + "/b.json", aijri::test::seed_json());
    write_text_file(dir + "/in.jsonl", one_line(aijri::test::seed_json()));
    write_text_file(dir + "/m.json", run("methodology").out);
    fs::create_directories(dir + "/folder/sub");
    write_text_file(dir + "/folder/sub/x.json", aijri::test::seed_json());
    fs::create_hard_link(dir + "/seed.json", dir + "/hard.json");
    fs::create_symlink("seed.json", dir + "/soft.json");
    write_text_file(dir + "/doc.md", read_text_file(aijri::test::source_path(
                                         "tests/data/deep-learning-engineer.md")));
    struct Case {
        std::string arguments;
        std::string output; // as named in the message
        std::string input;  // the file that must stay as it was
    };
    const std::vector<Case> cases = {
        {"score --jsonl-input " + s + "/in.jsonl -f jsonl -o " + s + "/in.jsonl", dir + "/in.jsonl",
         dir + "/in.jsonl"},
        {"diff " + s + "/a.json " + s + "/b.json -o " + s + "/b.json", dir + "/b.json",
         dir + "/b.json"},
        {"diff " + s + "/a.json " + s + "/b.json --methodology-new " + s + "/m.json -o " + s +
             "/m.json",
         dir + "/m.json", dir + "/m.json"},
        {"score " + s + "/a.json --methodology " + s + "/m.json -o " + s + "/m.json",
         dir + "/m.json", dir + "/m.json"},
        {"score " + s + "/seed.json -o " + s + "/hard.json", dir + "/hard.json",
         dir + "/seed.json"},
        {"score " + s + "/seed.json -o " + s + "/soft.json", dir + "/soft.json",
         dir + "/seed.json"},
        {"score " + s + "/seed.json -o " + s + "/./seed.json", dir + "/./seed.json",
         dir + "/seed.json"},
        {"score -f csv " + s + "/folder -o " + s + "/folder/sub/x.json", dir + "/folder/sub/x.json",
         dir + "/folder/sub/x.json"},
        {"import " + s + "/doc.md -o " + s + "/doc.md", dir + "/doc.md", dir + "/doc.md"},
        {"import " + s + "/doc.md --methodology " + s + "/m.json -o " + s + "/m.json",
         dir + "/m.json", dir + "/m.json"},
        {"render " + s + "/a.json -o " + s + "/a.json", dir + "/a.json", dir + "/a.json"},
    };
    for (const Case& c : cases) {
        INFO(c.arguments);
        const std::string before = read_text_file(c.input);
        const CommandResult r = run(c.arguments);
        CHECK(r.status == 2);
        CHECK(r.err ==
              "aijri: --output " + c.output + " is one of the inputs; inputs are never written\n");
        CHECK(read_text_file(c.input) == before);
    }
    CHECK(no_temporary_left(dir));

    // diff --git with one revision reads the working tree: its files are inputs too.
    const std::string repo = make_repository(2);
    const std::string file = repo + "/assessments/role-000.json";
    const std::string before = read_text_file(file);
    const CommandResult git = run_command("cd " + shell_quote(repo) + " && timeout 60 " + k_aijri +
                                          " diff --git HEAD -o assessments/role-000.json");
    CHECK(git.status == 2);
    CHECK(git.err == "aijri: --output assessments/role-000.json is one of the inputs; inputs "
                     "are never written\n");
    CHECK(read_text_file(file) == before);
}

TEST_CASE(
    "standard streams: stderr never aborts, stdout failures are exit 2, closed ones stay closed") {
    const std::string dir = aijri::test::temp_dir();
    const std::string s = shell_quote(dir);
    fs::create_directories(dir + "/d");
    write_text_file(dir + "/d/bad.json", "{");
    write_text_file(dir + "/seed.json", aijri::test::seed_json());

    // A full stderr: the run goes on and exits as it would have (1: an invalid file).
    const CommandResult full_err = run("score " + s + "/d 2>/dev/full");
    CHECK(full_err.status == 1);
    CHECK(contains(full_err.out, "1 file: 0 Green, 0 Yellow, 0 Red, 1 invalid"));

    // A full stdout is an I/O error, in every command that writes there.
    for (const std::string& command :
         {std::string("methodology"), std::string("schema"), "validate " + s + "/seed.json",
          "score " + s + "/seed.json", "score -f csv " + s + "/d", std::string("--help"),
          std::string("score --help")}) {
        INFO(command);
        const CommandResult r = run(command + " > /dev/full");
        CHECK(r.status == 2);
        CHECK(contains(r.err, "aijri: <stdout>: write failed: No space left on device"));
    }

    // A stderr closed at start is never reused: the report holds the report, not the
    // diagnostics, and the diagnostics go nowhere.
    const CommandResult closed = run("score " + s + "/d -o " + s + "/out.txt 2>&-");
    CHECK(closed.status == 1);
    CHECK(read_text_file(dir + "/out.txt") == run("score " + s + "/d").out); // the table only
    CHECK_FALSE(contains(read_text_file(dir + "/out.txt"), "bad.json:1:2: error:"));

    // import with stderr closed still writes the whole assessment (it used to die, leaving
    // 0 bytes).
    std::string doc =
        read_text_file(aijri::test::source_path("tests/data/deep-learning-engineer.md"));
    doc.replace(doc.find("= 5.6628"), 8, "= 5.6728"); // an audit error to print
    write_text_file(dir + "/warn.md", doc);
    const CommandResult import = run("import " + s + "/warn.md -o " + s + "/w.json 2>&-");
    CHECK(import.status == 1); // the figure does not match; the assessment is written
    CHECK(read_text_file(dir + "/w.json") == run("import " + s + "/warn.md").out);

    // A closed stdout: a write error, not a report sent into a file descriptor opened later.
    const CommandResult no_stdout = run("score " + s + "/seed.json >&-");
    CHECK(no_stdout.status == 2);
    CHECK(contains(no_stdout.err, "aijri: <stdout>: write failed: Bad file descriptor"));
}

TEST_CASE("a reader that goes away ends aijri quietly, as SIGPIPE ends cat") {
    const std::string dir = aijri::test::temp_dir();
    for (int i = 0; i < 200; ++i) {
        write_text_file(fmt::format("{}/r{:03}.json", dir, i), aijri::test::seed_json());
    }
    const CommandResult score = run_bash(k_aijri + " score -f jsonl " + shell_quote(dir) +
                                         " 2>&1 | head -c 100 >/dev/null; echo ${PIPESTATUS[0]}");
    CHECK(score.out == "141\n");

    // diff --git with its stderr on the same pipe died of SIGABRT (exit 134).
    const std::string repo = make_repository(200);
    const CommandResult edit =
        run_command("cd " + shell_quote(repo) +
                    " && sed -i 's/\"score\": 3,/\"score\": 4,/' assessments/*.json && git -c "
                    "user.email=t@t -c user.name=t commit -qam two");
    REQUIRE(edit.status == 0);
    const CommandResult diff =
        run_bash("cd " + shell_quote(repo) + " && " + k_aijri +
                 " diff --git HEAD~1 HEAD -f json 2>&1 | head -c 100 >/dev/null; echo "
                 "${PIPESTATUS[0]}");
    CHECK(diff.out == "141\n");
}

TEST_CASE("a signal during -o leaves no temporary file and no half report, exit 128+signal") {
    for (const auto& [signal_number, expected] :
         std::vector<std::pair<int, int>>{{SIGTERM, 143}, {SIGINT, 130}, {SIGHUP, 129}}) {
        INFO(signal_number);
        const std::string dir = aijri::test::temp_dir();
        write_text_file(dir + "/out.json", "the last report\n");
        Running aijri({"score", "--jsonl-input", "-", "-f", "json", "-o", dir + "/out.json"}, dir);
        const std::string record = one_line(aijri::test::seed_json());
        for (int i = 0; i < 50; ++i) {
            aijri.feed(record);
        }
        // The report is under way: its temporary file is there.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (no_temporary_left(dir) && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        REQUIRE_FALSE(no_temporary_left(dir));
        CHECK(aijri.stop_with(signal_number) == expected);
        CHECK(no_temporary_left(dir));
        CHECK(read_text_file(dir + "/out.json") == "the last report\n");
    }
}

TEST_CASE("a signal ends the git processes that diff --git started") {
    // A git whose cat-file never answers: the diff waits on it until the signal.
    const std::string repo = make_repository(2);
    const std::string bin = aijri::test::temp_dir();
    const std::string real_git = run_command("command -v git").out;
    REQUIRE_FALSE(real_git.empty());
    write_text_file(bin + "/git", "#!/bin/sh\n"
                                  "case \" $* \" in *\" cat-file \"*) echo $$ >> " +
                                      shell_quote(bin + "/pids") +
                                      "; exec sleep 300;; esac\n"
                                      "exec " +
                                      real_git.substr(0, real_git.size() - 1) + " \"$@\"\n");
    fs::permissions(bin + "/git", fs::perms::owner_all);
    const CommandResult r = run_command(
        "cd " + shell_quote(repo) + " && (PATH=" + shell_quote(bin) + ":$PATH timeout -s TERM 2 " +
        k_aijri + " diff --git HEAD HEAD; echo \"exit $?\" > " + shell_quote(bin + "/status") +
        ")");
    CHECK(read_text_file(bin + "/status") == "exit 124\n"); // timeout's: the TERM ended it
    const std::vector<std::string> pids = lines_of(read_text_file(bin + "/pids"));
    REQUIRE_FALSE(pids.empty());
    for (const std::string& pid : pids) {
        INFO(pid);
        bool gone = false;
        for (int i = 0; i < 200 && !gone; ++i) { // reaped by init once it is ended
            gone = ::kill(std::stoi(pid), 0) != 0;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        CHECK(gone);
    }
}

TEST_CASE("what could not be read is an error of the run, in its place, in every format") {
    // A path longer than PATH_MAX: the folder at depth 3,001 cannot be opened.
    const std::string deep = aijri::test::temp_dir();
    write_text_file(deep + "/ok.json", aijri::test::seed_json());
    const std::string level = [] {
        std::string path = "a";
        for (int i = 1; i < 1000; ++i) {
            path += "/a";
        }
        return path;
    }();
    // bash: dash's cd refuses a path longer than PATH_MAX.
    REQUIRE(run_bash("cd " + shell_quote(deep) + " && for i in 1 2 3; do mkdir -p " + level +
                     " && cd " + level + " || exit 1; done && mkdir -p a && echo '{' > a/bad.json")
                .status == 0);
    for (const char* format : {"text", "csv", "jsonl", "junit", "github", "markdown", "json"}) {
        INFO(format);
        const CommandResult r = run(fmt::format("score -f {} {}", format, shell_quote(deep)));
        CHECK(r.status == 2);
        CHECK(contains(r.out + r.err, "cannot be read (File name too long)"));
    }
    const CommandResult validate = run("validate " + shell_quote(deep));
    CHECK(validate.status == 2);
    CHECK(contains(validate.out, ": error: cannot be read (File name too long)\n"));
    CHECK(contains(validate.out, "1 valid, 1 invalid\n"));
    run_command("rm -rf " + shell_quote(deep + "/a"));

    // --jsonl-input of a folder, and of a closed stdin: nothing read is not "0 files".
    const std::string dir = aijri::test::temp_dir();
    const CommandResult folder = run("score --jsonl-input " + shell_quote(dir) + " -f csv");
    CHECK(folder.status == 2);
    CHECK(contains(folder.out, "cannot read the stream: is a directory, expected a file"));
    const CommandResult closed = run("score --jsonl-input - -f jsonl <&-");
    CHECK(closed.status == 2);
    CHECK(contains(closed.out, "cannot read the stream: not open (the descriptor was closed)"));
}

TEST_CASE("a stream that breaks off is reported after the records read before it") {
    int sockets[2];
    REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM, 0, sockets) == 0);
    // Bytes left unread on the test's end make the kernel reset aijri's end when the test's
    // end closes: a read error after the records, as a dropped network stream gives.
    REQUIRE(::write(sockets[0], "unread", 6) == 6);
    const std::string dir = aijri::test::temp_dir();
    const pid_t pid = spawn_aijri({"score", "--jsonl-input", "-", "-f", "csv"}, sockets[0],
                                  sockets[1], STDOUT_FILENO, dir + "/out");
    const std::string records =
        one_line(aijri::test::seed_json()) + one_line(aijri::test::seed_json());
    REQUIRE(::write(sockets[1], records.data(), records.size()) ==
            static_cast<ssize_t>(records.size()));
    ::close(sockets[1]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WEXITSTATUS(status) == 2);
    const std::vector<std::string> rows = lines_of(read_text_file(dir + "/out"));
    REQUIRE(rows.size() == 4);
    CHECK(rows[1].rfind("<stdin>:1,deep-learning-engineer,", 0) == 0);
    CHECK(rows[2].rfind("<stdin>:2,deep-learning-engineer,", 0) == 0);
    CHECK(rows[3] == "<stdin>:3,,,unreadable,,,,,,,,,,,,<stdin>:3:1: error: cannot read the "
                     "stream: Connection reset by peer\r"); // CSV rows end in CRLF
}

TEST_CASE("a stream gives the same records however its reads are chunked") {
    const std::string dir = aijri::test::temp_dir();
    const std::string record = one_line(aijri::test::seed_json());
    // The last line has no newline and is over --max-bytes: a record like any other.
    write_text_file(dir + "/in.jsonl", record + "\n" + record +
                                           record.substr(0, record.size() - 1) +
                                           std::string(100, ' '));
    const std::string limit = std::to_string(record.size() + 10);
    const std::string file = shell_quote(dir + "/in.jsonl");
    const CommandResult whole = run("score -f csv --max-bytes " + limit + " --jsonl-input " + file);
    CHECK(whole.status == 1);
    const std::vector<std::string> rows = lines_of(whole.out);
    REQUIRE(rows.size() == 4);
    CHECK(contains(rows[3], ":4:1: error: the line is over the limit of"));
    // The same bytes through a pipe, one byte a write, and in bigger pieces.
    for (const std::string& feed :
         {"cat " + file, "dd bs=1 status=none if=" + file, "dd bs=4093 status=none if=" + file}) {
        INFO(feed);
        const CommandResult piped =
            run_command(feed + " | timeout 60 " + k_aijri + " score -f csv --max-bytes " + limit +
                        " --jsonl-input -");
        CHECK(piped.status == 1);
        std::string expected = whole.out;
        for (std::size_t at = expected.find(dir + "/in.jsonl"); at != std::string::npos;
             at = expected.find(dir + "/in.jsonl")) {
            expected.replace(at, dir.size() + 9, "<stdin>");
        }
        CHECK(piped.out == expected);
    }
}

TEST_CASE("unreadable files and folders are errors for an unprivileged user too") {
    std::string why;
    const auto as_user = aijri::test::unprivileged_prefix(why);
    if (!as_user) {
        WARN(why);
        return;
    }
    const std::string dir = aijri::test::shared_temp_dir();
    write_text_file(dir + "/good.json", aijri::test::seed_json());
    fs::create_directories(dir + "/noread");
    write_text_file(dir + "/noread/bad.json", "{");
    write_text_file(dir + "/locked.json", aijri::test::seed_json());
    ::chmod((dir + "/good.json").c_str(), 0644);
    ::chmod((dir + "/noread").c_str(), 0);
    ::chmod((dir + "/locked.json").c_str(), 0);
    const std::string prefix = "timeout 60 " + *as_user + k_aijri + " ";
    const CommandResult validate = run_command(prefix + "validate " + shell_quote(dir));
    CHECK(validate.status == 2);
    CHECK(validate.out == dir + "/good.json: ok\n" + dir +
                              "/locked.json: error: permission denied\n" + dir +
                              "/noread: error: cannot open folder (permission denied)\n"
                              "1 valid, 2 invalid\n");
    const CommandResult csv = run_command(prefix + "score -f csv " + shell_quote(dir));
    CHECK(csv.status == 2);
    CHECK(contains(csv.out, dir + "/noread,,,unreadable,"));
    ::chmod((dir + "/noread").c_str(), 0755);
}

TEST_CASE("limits hold everywhere: --max-bytes in every command, git blobs, gate values") {
    const std::string dir = aijri::test::temp_dir();
    const std::string s = shell_quote(dir);
    write_text_file(dir + "/a.json", aijri::test::seed_json());
    write_text_file(dir + "/doc.md", read_text_file(aijri::test::source_path(
                                         "tests/data/deep-learning-engineer.md")));
    const std::vector<std::string> commands = {
        "score " + s + "/a.json", "validate " + s + "/a.json", "import " + s + "/doc.md",
        "render " + s + "/a.json", "diff " + s + "/a.json " + s + "/a.json"};
    for (const std::string& command : commands) {
        for (const char* value : {"-1", "0", "18446744073709551616", "1099511627777", "x"}) {
            INFO(command << " --max-bytes " << value);
            const CommandResult r = run(command + " --max-bytes " + value);
            CHECK(r.status == 2);
            CHECK(contains(r.err, "--max-bytes"));
        }
        INFO(command);
        CHECK(run(command + " --max-bytes 1099511627776").status == 0);
    }
    for (const std::string& gate : {"score " + s + "/a.json --fail-under ''",
                                    "diff " + s + "/a.json " + s + "/a.json --fail-on-drop ''"}) {
        INFO(gate);
        const CommandResult r = run(gate);
        CHECK(r.status == 2);
        CHECK(contains(r.err, "expected a number, found an empty value"));
    }

    // diff --git: a blob over --max-bytes is refused from its size, never read whole.
    const std::string repo = make_repository(1);
    const CommandResult git = run_command("cd " + shell_quote(repo) + " && timeout 60 " + k_aijri +
                                          " diff --git HEAD HEAD --max-bytes 100 -f json");
    CHECK(git.status == 1);
    const auto report = nlohmann::json::parse(git.out);
    CHECK(report["roles"][0]["status"] == "invalid");
    CHECK(report["roles"][0]["errors"][0] ==
          fmt::format("HEAD:assessments/role-000.json: error: is {} bytes, over the limit of 100 "
                      "bytes (--max-bytes); not read",
                      fs::file_size(repo + "/assessments/role-000.json")));
}

TEST_CASE("JUnit keeps its counts in the header and its memory flat: the body is spooled") {
    // More than the 4 MiB a spool keeps in memory, so the temporary file is used.
    const std::string dir = aijri::test::temp_dir();
    const std::string record = one_line(aijri::test::to_json({}));
    std::string stream;
    for (int i = 0; i < 30'000; ++i) {
        stream += record;
    }
    write_text_file(dir + "/in.jsonl", stream);
    const CommandResult r = run("score -f junit --jsonl-input " + shell_quote(dir + "/in.jsonl") +
                                " -o " + shell_quote(dir + "/junit.xml"));
    CHECK(r.status == 0);
    REQUIRE(fs::file_size(dir + "/junit.xml") > 4U * 1024U * 1024U);
    const CommandResult parsed = run_command(
        "python3 -c 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); "
        "s = r.find(\"testsuite\"); print(r.get(\"tests\"), s.get(\"tests\"), "
        "len(s.findall(\"testcase\")), r.get(\"failures\"))' " +
        shell_quote(dir + "/junit.xml"));
    CHECK(parsed.out == "30000 30000 30000 0\n");
}

TEST_CASE("text from a file never starts a line a CI log reads as a command") {
    const std::string dir = aijri::test::temp_dir();
    std::string hostile =
        aijri::test::seed_json_with("\"Deep Learning Engineer\"", "\"::stop-commands::deadbeef\"");
    hostile.replace(hostile.find("\"deep-learning-engineer\""), 24, "\"##[error]id\"");
    const auto task = hostile.find("\"name\": \"") + 9;
    hostile.insert(task, "::warning::");
    write_text_file(dir + "/role.json", hostile);
    write_text_file(dir + "/::error::x.json", aijri::test::seed_json());
    const std::string folder = shell_quote(dir);

    // Lines aijri itself means as commands: the github format's annotations.
    const auto is_own_command = [](const std::string& line, const std::string& format) {
        return format == "github" &&
               (line.rfind("::error file=", 0) == 0 || line.rfind("::warning file=", 0) == 0 ||
                line.rfind("::warning title=aijri::", 0) == 0);
    };
    // Each command is run inside the folder: files named as they were written there.
    std::vector<std::pair<std::string, std::string>> runs;
    for (const char* format : {"text", "json", "jsonl", "csv", "markdown", "junit", "github"}) {
        runs.emplace_back(format, fmt::format("score -f {} .", format));
        runs.emplace_back(format, fmt::format("score -f {} role.json", format));
        runs.emplace_back(format,
                          fmt::format("score -f {} '::error::x.json' missing.json", format));
    }
    runs.emplace_back("text", "validate . '::error::x.json' missing.json");
    runs.emplace_back("text", "render role.json");
    runs.emplace_back("text", "diff role.json '::error::x.json'");
    for (const auto& [format, arguments] : runs) {
        INFO(arguments);
        const CommandResult r =
            run_command("cd " + folder + " && timeout 60 " + k_aijri + " " + arguments);
        for (const std::string& line : lines_of(r.out + r.err)) {
            INFO(line);
            const std::string trimmed =
                line.substr(std::min(line.find_first_not_of(" \t"), line.size()));
            CHECK((trimmed.rfind("::", 0) != 0 || is_own_command(trimmed, format)));
            CHECK_FALSE(contains(line, "##["));
        }
    }
    const CommandResult text = run("score " + shell_quote(dir + "/role.json"));
    CHECK(text.out.rfind("\\::stop-commands::deadbeef — AIJRI 64.6 Green (Accelerated)\n", 0) == 0);
    const CommandResult named =
        run_command("cd " + folder + " && " + k_aijri + " validate '::error::x.json' missing.json");
    CHECK(named.out == "./::error::x.json: ok\nmissing.json: error: no such file\n"
                       "1 valid, 1 invalid\n");
}

TEST_CASE("markdown reports hold no live link, checked by cmark-gfm") {
    const std::string dir = aijri::test::temp_dir();
    write_text_file(dir + "/role.json",
                    aijri::test::seed_json_with(
                        "\"Deep Learning Engineer\"",
                        "\"See https://evil.example, www.evil.example or ask@evil.example\""));
    const CommandResult md = run("score -f markdown " + shell_quote(dir));
    REQUIRE(md.status == 0);
    write_text_file(dir + "/report.md", md.out);
    const CommandResult html =
        run_command("cmark-gfm -e autolink -e table " + shell_quote(dir + "/report.md"));
    REQUIRE(html.status == 0);
    CHECK(contains(html.out, "See https://evil.example, www.evil.example or ask@"));
    CHECK_FALSE(contains(html.out, "<a "));
}

TEST_CASE("diff --end-of-options: what follows is a revision or a side, never an option") {
    const std::string repo = make_repository(1);
    const std::string in_repo = "cd " + shell_quote(repo) + " && timeout 60 " + k_aijri;
    const std::string file = aijri::test::temp_dir() + "/x";
    const CommandResult refused =
        run_command(in_repo + " diff --git --end-of-options --output=" + file + " HEAD");
    CHECK(refused.status == 2);
    CHECK(refused.err == "aijri: diff: refusing the revision \"--output=" + file +
                             "\": a revision may not begin with '-'\n");
    CHECK_FALSE(fs::exists(file));
    const CommandResult works =
        run_command(in_repo + " diff --git --all --end-of-options HEAD HEAD -- assessments");
    CHECK(works.status == 0);
    CHECK(contains(works.out, "1 unchanged"));
    const CommandResult empty = run_command(in_repo + " diff --git --end-of-options '' HEAD");
    CHECK(empty.status == 2);
    CHECK(empty.err ==
          "aijri: diff: an empty revision names no commit: give a branch, tag or commit\n");
    CHECK(contains(run("diff --help").out, "--end-of-options"));
}

TEST_CASE("smaller faults: names, numbers, methodologies, exit codes") {
    const std::string dir = aijri::test::temp_dir();
    const std::string s = shell_quote(dir);

    // File names that differ only in bytes that are not UTF-8 stay apart in JSON.
    fs::create_directories(dir + "/names");
    write_text_file(dir + "/names/a\xff.json", aijri::test::seed_json());
    write_text_file(dir + "/names/a\xfe.json", aijri::test::seed_json());
    const CommandResult names = run("score -f json " + shell_quote(dir + "/names"));
    const auto results = nlohmann::json::parse(names.out);
    REQUIRE(results.size() == 2);
    CHECK(results[0]["file"] == dir + "/names/a\\xfe.json");
    CHECK(results[1]["file"] == dir + "/names/a\\xff.json");

    // A missing or invalid single input leaves an existing -o FILE as it was.
    write_text_file(dir + "/out.txt", "keep\n");
    write_text_file(dir + "/bad.json", "{");
    CHECK(run("score " + s + "/missing.json -o " + s + "/out.txt").status == 2);
    CHECK(run("score -f json " + s + "/missing.json -o " + s + "/out.txt").status == 2);
    CHECK(run("score " + s + "/bad.json -o " + s + "/out.txt").status == 1);
    CHECK(read_text_file(dir + "/out.txt") == "keep\n");

    // Methodology constants: a huge one is quoted as written and called too large; zone lines
    // out of order are an error.
    auto methodology = nlohmann::ordered_json::parse(run("methodology").out);
    methodology["evidence_weight"] = 1e17;
    write_text_file(dir + "/huge.json", methodology.dump(1));
    write_text_file(dir + "/a.json", aijri::test::seed_json());
    const CommandResult huge = run("score " + s + "/a.json --methodology " + s + "/huge.json");
    CHECK(huge.status == 2);
    CHECK(contains(huge.err, "/evidence_weight: expected a number with at most 6 decimals, "
                             "found 1e+17, which is too large (at most 1000000 either side of 0)"));
    methodology["evidence_weight"] = 2000000;
    write_text_file(dir + "/big.json", methodology.dump(1));
    CHECK(contains(run("score " + s + "/a.json --methodology " + s + "/big.json").err,
                   "found 2000000, which is too large"));
    methodology["evidence_weight"] = 0.04;
    methodology["zones"]["green_min"] = 20.0;
    write_text_file(dir + "/zones.json", methodology.dump(1));
    const CommandResult zones = run("score " + s + "/a.json --methodology " + s + "/zones.json");
    CHECK(zones.status == 2);
    CHECK(contains(zones.err, "/zones: expected green_min above yellow_min, found green_min 20 "
                              "and yellow_min 25"));

    // The same fault, the same exit code: a methodology that cannot score in exact arithmetic
    // is exit 2 in render as in score; a FIFO named as a side is an I/O error in diff.
    methodology = nlohmann::ordered_json::parse(run("methodology").out);
    for (const char* key : {"evidence_weight", "barrier_weight", "growth_weight", "raw_span"}) {
        methodology[key] = 999999.999999;
    }
    write_text_file(dir + "/overflow.json", methodology.dump(1));
    CHECK(run("score " + s + "/a.json --methodology " + s + "/overflow.json").status == 2);
    const CommandResult render =
        run("render " + s + "/a.json --methodology " + s + "/overflow.json");
    CHECK(render.status == 2);
    CHECK(contains(render.err, "its constants take exact arithmetic beyond 128 bits"));
    REQUIRE(::mkfifo((dir + "/fifo.json").c_str(), 0600) == 0);
    CHECK(run("diff " + s + "/a.json " + s + "/fifo.json").status == 2);
    CHECK(run("score " + s + "/fifo.json").status == 2);
}
