// Hostile inputs, run through the built binary as CI would meet them in a pull request: every
// one is refused (exit 1 for a bad file, 2 for usage and I/O) with a message that names the
// file, and the line and column wherever the file has them; nothing crashes, hangs, reads a
// device or prints a raw control character. Each command runs under `timeout`, so that a
// hang fails the test instead of stalling CI. The `asan` preset runs all of this too.
#include <algorithm>
#include <filesystem>
#include <string>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "aijri/json/limits.hpp"

#include "support/builder.hpp"

using aijri::test::CommandResult;
using aijri::test::run_command;
using aijri::test::write_text_file;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Single quotes for sh: any name, including newlines, is one word.
std::string quote(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

// The binary, under a timeout: a hang fails the test instead of stalling CI.
CommandResult run(const std::string& arguments) {
    return run_command("timeout 120 " + quote(AIJRI_BINARY) + " " + arguments);
}

// What may reach a terminal or a log: valid UTF-8 without control characters (line breaks
// and CSV's CRLF aside), C1 controls, bidi overrides or line separators.
bool is_clean(const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
            continue;
        }
        if (c < 0x20 || c == 0x7F) {
            return false;
        }
        if (c < 0x80) {
            continue;
        }
        const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (length == 0 || i + length > text.size()) {
            return false;
        }
        for (std::size_t k = 1; k < length; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0U) != 0x80U) {
                return false;
            }
        }
        const std::string_view sequence(text.data() + i, length);
        if ((c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) || // C1 controls
            sequence == "\xe2\x80\xae" || sequence == "\xe2\x80\xab" ||
            sequence == "\xe2\x81\xa6" || sequence == "\xe2\x80\xa8" ||
            sequence == "\xe2\x80\xa9") {
            return false;
        }
        i += length - 1;
    }
    return true;
}

std::string seed() {
    return aijri::test::read_text_file(
        aijri::test::source_path("assessments/deep-learning-engineer.json"));
}

// The seed assessment with its first `from` replaced by `to`.
std::string seed_with(const std::string& from, const std::string& to) {
    std::string text = seed();
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    return text;
}

struct Refusal {
    const char* what;
    std::string bytes;
    std::string message; // the first line of stderr after "<file>:"
};

} // namespace

TEST_CASE("hostile documents are refused with file:line:col, exit 1") {
    const std::string nested_arrays = std::string(200'000, '[') + std::string(200'000, ']');
    std::string nested_objects;
    for (int i = 0; i < 200'000; ++i) {
        nested_objects += "{\"a\":";
    }
    nested_objects += "1" + std::string(200'000, '}');
    const std::string deep_pointer = [] {
        std::string p;
        for (int i = 0; i < 64; ++i) {
            p += "/0";
        }
        return p;
    }();
    const std::vector<Refusal> refusals = {
        {"an empty file", "", "1:1: error: the file is empty: expected a JSON object"},
        {"only white space", " \n\t\n", "3:1: error: the file is empty: expected a JSON object"},
        {"an array", "[1, 2]",
         "1:1: error: expected a JSON object (one role assessment), found an array"},
        {"a string", "\"role\"",
         "1:1: error: expected a JSON object (one role assessment), found a string \"role\""},
        {"a number", "64.6",
         "1:1: error: expected a JSON object (one role assessment), found 64.6"},
        {"null", "null\n", "1:1: error: expected a JSON object (one role assessment), found null"},
        {"truncated inside a string", seed().substr(0, 300),
         "8:25: error: /role/primary_function: unterminated string: the file ends before its "
         "closing '\"'"},
        {"truncated between members", "{\"aijri\": 1,\n",
         "2:1: error: unexpected end of file: the object is not closed (expected '}')"},
        {"invalid UTF-8 in a string", "{\"aijri\": 1, \"role\": {\"title\": \"caf\xe9\"}}",
         "1:36: error: /role/title: invalid UTF-8: byte 0xe9"},
        {"invalid UTF-8 outside strings", "{\"aijri\": 1,\n \xff}",
         "2:2: error: invalid UTF-8: byte 0xff"},
        {"an overlong encoding", "{\"a\": \"\xc0\xaf\"}",
         "1:8: error: /a: invalid UTF-8: byte 0xc0"},
        {"a NUL byte in a string", std::string("{\"aijri\": 1,\n \"id\": \"a\0b\"}", 24),
         "2:10: error: /id: control character U+0000 must be escaped in a string"},
        {"a NUL byte after the document", std::string("{}\n\0", 4),
         "2:1: error: unexpected byte 0x00 after the end of the JSON document"},
        {"a NUL byte first", std::string("\0{}", 3),
         "1:1: error: expected a JSON value, found byte 0x00"},
        {"nesting 200,000 arrays deep", nested_arrays,
         "1:65: error: " + deep_pointer + ": nesting deeper than 64 levels"},
        {"nesting 200,000 objects deep", nested_objects, "1:321: error: "},
        {"1e999 as a score", seed_with("\"score\": 2", "\"score\": 1e999"),
         ": expected an integer from 0 to 3, found 1e999"},
        {"1e999 as a time share", seed_with("\"time_pct\": 20", "\"time_pct\": 1e999"),
         ": expected a time share in percent, greater than 0 and at most 100, found 1e999, which "
         "is out of range"},
        {"NaN", seed_with("\"score\": 2", "\"score\": NaN"), ": NaN is not a JSON number"},
        {"Infinity", seed_with("\"score\": 2", "\"score\": Infinity"),
         ": Infinity is not a JSON number"},
        {"-Infinity", seed_with("\"score\": 2", "\"score\": -Infinity"),
         ": Infinity is not a JSON number"},
        {"trailing garbage", seed() + "garbage",
         "error: unexpected 'g' after the end of the JSON document"},
        {"a second document", "{}\n{}",
         "2:1: error: unexpected '{' after the end of the JSON "
         "document"},
        {"a line comment", "{\n  // the role\n  \"aijri\": 1}",
         "2:3: error: comments are not allowed in JSON"},
        {"a block comment", "{\"aijri\": 1 /* v1 */}",
         "1:13: error: comments are not allowed in JSON"},
        {"a trailing comma", "{\"aijri\": 1,}", "1:13: error: trailing comma before '}'"},
        {"single quotes", "{'aijri': 1}",
         "1:2: error: strings must use double quotes, not single quotes"},
    };
    const std::string root = aijri::test::temp_dir();
    for (const Refusal& refusal : refusals) {
        INFO(refusal.what);
        const std::string path = root + "/hostile.json";
        write_text_file(path, refusal.bytes);
        const CommandResult r = run("score " + quote(path));
        CHECK(r.status == 1);
        CHECK(r.out.empty());
        CHECK(r.err.find(path + ":") == 0);
        CHECK(contains(r.err, refusal.message));
        CHECK(is_clean(r.err));
        const CommandResult v = run("validate -q " + quote(path));
        CHECK(v.status == 1);
        CHECK(contains(v.out, refusal.message));
    }
}

TEST_CASE("exactly 64 levels of nesting are read, and a byte order mark is accepted") {
    const std::string root = aijri::test::temp_dir();
    write_text_file(root + "/deep.json",
                    seed_with("\"aijri\": 1", "\"aijri\": 1, \"x-deep\": " + std::string(63, '[') +
                                                  std::string(63, ']')));
    CHECK(run("score " + quote(root + "/deep.json")).status == 0);
    write_text_file(root + "/bom.json", "\xEF\xBB\xBF" + seed());
    const CommandResult bom = run("score " + quote(root + "/bom.json"));
    CHECK(bom.status == 0);
    CHECK(contains(bom.out, "AIJRI 64.6 Green (Accelerated)"));
    // Columns after the mark count from the first character of the document.
    write_text_file(root + "/bom-bad.json", "\xEF\xBB\xBF{\"aijri\": 2}");
    CHECK(contains(run("score " + quote(root + "/bom-bad.json")).err,
                   "bom-bad.json:1:11: error: /aijri: expected the format version 1, found 2"));
}

TEST_CASE("a file over the size limit is refused from its size, without reading it") {
    const std::string root = aijri::test::temp_dir();
    write_text_file(root + "/small.json", seed());
    CHECK(run("score " + quote(root + "/small.json")).status == 0);
    rusage before{};
    ::getrusage(RUSAGE_CHILDREN, &before);
    // 20 GiB that take no disk space: reading them would take long and exhaust memory.
    const std::string sparse = root + "/sparse.json";
    write_text_file(sparse, "");
    std::filesystem::resize_file(sparse, 20ULL << 30U);
    const CommandResult r =
        run_command("timeout 20 " + quote(AIJRI_BINARY) + " score " + quote(sparse));
    CHECK(r.status == 1);
    CHECK(r.err == sparse + ": error: is 20 GiB, over the limit of 16 MiB (--max-bytes); not "
                            "read\n");
    rusage after{};
    ::getrusage(RUSAGE_CHILDREN, &after);
    // ru_maxrss is the largest child so far: no bigger than scoring a small file, give or take.
    CHECK(after.ru_maxrss < before.ru_maxrss + 8 * 1024);

    const auto size = std::filesystem::file_size(root + "/small.json");
    const CommandResult limited = run("score --max-bytes 1000 " + quote(root + "/small.json"));
    CHECK(limited.status == 1);
    CHECK(contains(limited.err, fmt::format("small.json: error: is {} bytes, over the limit of "
                                            "1000 bytes (--max-bytes); not read",
                                            size)));
    const CommandResult piped = run_command("head -c 5000 /dev/zero | timeout 20 " +
                                            quote(AIJRI_BINARY) + " score --max-bytes 1000 -");
    CHECK(piped.status == 1);
    CHECK(piped.err == "<stdin>: error: is over the limit of 1000 bytes (--max-bytes)\n");
    // A batch reports the file in its place and scores the others.
    const CommandResult batch = run("score -f csv " + quote(root));
    CHECK(batch.status == 1);
    CHECK(contains(batch.out, "sparse.json,,,invalid,"));
    CHECK(contains(batch.out, "small.json,deep-learning-engineer,"));
}

TEST_CASE("the --max-bytes option takes a size from 1 byte to 1 TiB") {
    for (const char* value : {"-5", "0", "abc", "18446744073709551615", "1099511627777"}) {
        INFO(value);
        const CommandResult r = run(std::string("score --max-bytes ") + value + " x.json");
        CHECK(r.status == 2);
        CHECK(r.err == std::string("aijri score: --max-bytes: expected a whole number from 1 to "
                                   "1099511627776, found \"") +
                           value + "\"\nRun `aijri score --help` for usage.\n");
    }
}

TEST_CASE("numeric options: the layout width is bounded, gates are numbers") {
    const std::string seed_path =
        quote(aijri::test::source_path("assessments/deep-learning-engineer.json"));
    for (const char* width : {"-5", "0", "39", "100000000000"}) {
        INFO(width);
        const CommandResult r = run(std::string("score --width ") + width + " " + seed_path);
        CHECK(r.status == 2);
        CHECK(contains(r.err, std::string("aijri score: --width: expected a whole number from 40 "
                                          "to 10000, found \"") +
                                  width + "\""));
    }
    const CommandResult abc = run("score --fail-under abc " + seed_path);
    CHECK(abc.status == 2);
    CHECK(contains(abc.err, "aijri: --fail-under: expected a number such as 25 or 47.5, found "
                            "\"abc\""));
    const CommandResult big = run("score --fail-under 1e999 " + seed_path);
    CHECK(big.status == 2);
    CHECK(contains(big.err, "aijri: --fail-under: 1e999 is out of range (at most 18 digits before "
                            "and 18 after the decimal point)"));
    const CommandResult huge = run_command("COLUMNS=100000000000 timeout 60 " +
                                           quote(AIJRI_BINARY) + " score " + seed_path);
    CHECK(huge.status == 0);
    CHECK(huge.out.size() < 1'000'000);
}

TEST_CASE("a 10 MB rationale is scored, shown shortened or whole") {
    const std::string root = aijri::test::temp_dir();
    const std::string rationale(10'000'000, 'x');
    write_text_file(root + "/big.json",
                    seed_with("\"rationale\": \"", "\"rationale\": \"" + rationale + " "));
    const CommandResult text = run("score " + quote(root + "/big.json"));
    CHECK(text.status == 0);
    CHECK(contains(text.out, "AIJRI 64.6 Green (Accelerated)"));
    CHECK(text.out.size() < 20'000);
    CHECK(run("score --wide " + quote(root + "/big.json")).status == 0);
    const CommandResult json = run("score -f json " + quote(root + "/big.json"));
    CHECK(json.status == 0);
    CHECK(nlohmann::json::parse(json.out)["aijri"] == 64.6);
}

namespace {

// The lines of `out` that report an error, without the source excerpt under each.
std::vector<std::string> error_lines(const std::string& out) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < out.size()) {
        const std::size_t end = std::min(out.find('\n', start), out.size());
        const std::string line = out.substr(start, end - start);
        if (contains(line, ": error: ")) {
            lines.push_back(line);
        }
        start = end + 1;
    }
    return lines;
}

} // namespace

TEST_CASE("hostile sizes: a huge key, too many tasks and too many errors are each reported "
          "once, within the error cut-off") {
    // What these guard is work that grew with the input (a 10 MB key copied into every
    // message, a message for each of 5 million errors); timing belongs in bench/, here the
    // output is held to the errors there are.
    const std::string root = aijri::test::temp_dir();
    const std::string huge_key(10'000'000, 'k');
    write_text_file(root + "/key.json", "{\"" + huge_key + "\": 1}");
    const CommandResult key = run("validate -q " + quote(root + "/key.json"));
    CHECK(key.status == 1);
    const auto key_errors = error_lines(key.out);
    REQUIRE(key_errors.size() == 8); // the seven required keys, and the unknown one
    CHECK(contains(key_errors[0], "key.json:1:1: error: missing required key \"aijri\""));
    CHECK(contains(key_errors[7], "key.json:1:2: error: /kkkk"));
    // The pointer holds the key once; the message quotes 60 characters of it, the excerpt
    // under each error about a hundred.
    CHECK(contains(key_errors[7], "k: unknown key \"" + std::string(60, 'k') + "…\" (expected"));
    CHECK(key.out.size() > huge_key.size());
    CHECK(key.out.size() < huge_key.size() + 5'000);

    std::string tasks = "{\"tasks\": [";
    for (int i = 0; i < 150'000; ++i) {
        tasks +=
            (i == 0 ? "" : ",") + fmt::format("{{\"name\": \"{}\", \"time_pct\": 1, \"score\": "
                                              "1, \"impact\": \"displacement\"}}",
                                              i);
    }
    write_text_file(root + "/tasks.json", tasks + "]}");
    const CommandResult many = run("validate -q " + quote(root + "/tasks.json"));
    CHECK(many.status == 1);
    const auto task_errors = error_lines(many.out);
    REQUIRE(task_errors.size() == 7); // six missing keys, one for the tasks: none per task
    CHECK(contains(task_errors[6],
                   "tasks.json:1:11: error: /tasks: expected 1 to 50 tasks, found 150000"));

    std::string ones = "{\"tasks\": [1";
    for (int i = 0; i < 5'000'000; ++i) {
        ones += ",1";
    }
    write_text_file(root + "/errors.json", ones + "]}");
    const CommandResult errors = run("validate -q " + quote(root + "/errors.json"));
    CHECK(errors.status == 1);
    const auto cut = error_lines(errors.out);
    REQUIRE(cut.size() == aijri::k_max_errors + 1);
    CHECK(contains(cut[0], "errors.json:1:12: error: /tasks/0: expected an object, found 1"));
    CHECK(contains(cut[99], "errors.json:1:210: error: /tasks/99: expected an object, found 1"));
    CHECK(contains(cut[100], "errors.json:1:210: error: too many errors: stopped checking after "
                             "100; fix these first"));
}

TEST_CASE("escape sequences and control characters in text never reach the output raw") {
    const std::string root = aijri::test::temp_dir();
    const std::string evil = "Evil \\u001b[31mRED\\u001b[0m \\u001b]0;pwned\\u0007 \\u009b31m "
                             "\\u202egnp.exe \\u2028 \\u007f [link](http://x) <b>&#x202e;</b> | "
                             "\\r\\n::error::injected %0A";
    write_text_file(root + "/evil.json", seed_with("\"title\": \"Deep Learning Engineer\"",
                                                   "\"title\": \"" + evil + "\""));
    write_text_file(root + "/evil-bad.json", seed_with("\"impact\": \"augmentation\"",
                                                       "\"impact\": \"\\u001b]8;;x\\u0007\""));
    // A sub-label comes from an override (or a methodology file): text from a file too. The
    // stated figures are moved out of the way (an override makes the stated sub-label wrong).
    std::string label_doc =
        seed_with("\"override\": null",
                  "\"override\": {\"sub_label\": \"" + evil + "\", \"reason\": \"\\u001b[2J\"}");
    label_doc.replace(label_doc.find("\"stated\""), 8, "\"x-stated\"");
    write_text_file(root + "/evil-label.json", label_doc);
    const std::string files = quote(root + "/evil.json") + " " + quote(root + "/evil-bad.json") +
                              " " + quote(root + "/evil-label.json");
    for (const char* format : {"text", "json", "jsonl", "csv", "markdown", "junit", "github"}) {
        INFO(format);
        const CommandResult r = run(std::string("score --color never -f ") + format + " " + files);
        CHECK(r.status == 1);
        CHECK(is_clean(r.out));
        CHECK(is_clean(r.err));
        CHECK(contains(r.out + r.err, "evil.json"));
        for (const std::string& line : {r.out, r.err}) {
            CHECK_FALSE(contains("\n" + line, "\n::error::injected"));
        }
    }
    const CommandResult single = run("score " + quote(root + "/evil.json"));
    CHECK(single.status == 0);
    CHECK(contains(single.out, "Evil \\x1b[31mRED\\x1b[0m \\x1b]0;pwned\\x07 \\u009b31m "
                               "\\u202egnp.exe"));
    CHECK(is_clean(single.out));
    // JSON keeps the title exactly, as \u escapes.
    const CommandResult json = run("score -f json " + quote(root + "/evil.json"));
    CHECK(nlohmann::json::parse(json.out)["title"].get<std::string>().find(
              "\x1b[31mRED\x1b[0m \x1b]0;pwned\x07 \xc2\x9b"
              "31m \xe2\x80\xae") == 5);
    const CommandResult bad = run("validate " + quote(root + "/evil-bad.json"));
    CHECK(contains(bad.out, "/tasks/0/impact: expected one of \"displacement\", \"augmentation\", "
                            "\"not_involved\", found \"\\u001b]8;;x\\u0007\""));
    CHECK(is_clean(bad.out));
    // Markdown renders the title as text: no link, no HTML, no entity.
    const CommandResult html =
        run_command("timeout 60 " + quote(AIJRI_BINARY) + " score -f markdown " +
                    quote(root + "/evil.json") + " | cmark-gfm -e table");
    CHECK(contains(html.out, "[link]"));
    CHECK_FALSE(contains(html.out, "<b>"));
    CHECK_FALSE(contains(html.out, "&#x202e;"));
    CHECK(contains(html.out, "&amp;#x202e;"));
}

TEST_CASE("file names with spaces, line breaks, escapes, bad bytes or a leading dash") {
    const std::string root = aijri::test::temp_dir();
    const std::string dir = root + "/names";
    std::filesystem::create_directories(dir + "/-sub dir");
    const std::vector<std::string> names = {"with space.json",
                                            "new\nline.json",
                                            "-x.json",
                                            "-sub dir/-y.json",
                                            "esc\x1b]0;t\x07\x1b[31m.json",
                                            "latin\xe9.json",
                                            "x\n::error::injected.json",
                                            "bidi\xe2\x80\xae.json",
                                            "back`tick|pipe.json"};
    for (std::size_t i = 0; i < names.size(); ++i) {
        // Each its own role: one id in several files is an error of its own.
        write_text_file(dir + "/" + names[i],
                        seed_with("\"deep-learning-engineer\"", fmt::format("\"role-{}\"", i)));
    }
    for (const char* format : {"text", "json", "jsonl", "csv", "markdown", "junit", "github"}) {
        INFO(format);
        const CommandResult r = run(std::string("score -f ") + format + " " + quote(dir));
        CHECK(r.status == 0);
        CHECK(is_clean(r.out));
        CHECK(is_clean(r.err));
        CHECK_FALSE(contains("\n" + r.out, "\n::error::injected"));
    }
    const CommandResult json = run("score -f json " + quote(dir));
    CHECK(nlohmann::json::parse(json.out).size() == names.size());
    const CommandResult csv = run_command(
        "timeout 60 " + quote(AIJRI_BINARY) + " score -f csv " + quote(dir) +
        " | python3 -c \"import csv,sys; print(len(list(csv.DictReader(sys.stdin))))\"");
    CHECK(csv.out == fmt::format("{}\n", names.size()));
    const CommandResult validate = run("validate " + quote(dir));
    CHECK(validate.status == 0);
    CHECK(is_clean(validate.out));
    CHECK(contains(validate.out, "/new line.json: ok\n"));
    CHECK(contains(validate.out, "/latin\\xe9.json: ok\n"));
    // A leading dash: after --, or written ./-x.json; without either, a hint.
    const std::string in_dir = "cd " + quote(dir) + " && timeout 60 " + quote(AIJRI_BINARY);
    CHECK(run_command(in_dir + " score -- -x.json").status == 0);
    CHECK(run_command(in_dir + " score ./-x.json").status == 0);
    const CommandResult dash = run_command(in_dir + " score -x.json");
    CHECK(dash.status == 2);
    CHECK(contains(dash.err, "-x.json is a file: to name a file that begins with '-', write "
                             "./-x.json or put -- before the file names."));
    CHECK(run_command(in_dir + " score -- " + quote("new\nline.json")).status == 0);
}

TEST_CASE("symbolic link loops, FIFOs, sockets and devices in folders are skipped unread") {
    const std::string root = aijri::test::temp_dir();
    const std::string dir = root + "/tree";
    std::filesystem::create_directories(dir + "/a");
    write_text_file(dir + "/a/good.json", seed());
    std::filesystem::create_symlink("..", dir + "/a/up");          // a folder loop
    std::filesystem::create_symlink("/dev/zero", dir + "/z.json"); // endless
    std::filesystem::create_symlink("/dev/null", dir + "/n.json"); // empty
    std::filesystem::create_symlink("loop2.json", dir + "/loop1.json");
    std::filesystem::create_symlink("loop1.json", dir + "/loop2.json");
    std::filesystem::create_symlink("missing.json", dir + "/broken.json");
    REQUIRE(::mkfifo((dir + "/fifo.json").c_str(), 0600) == 0); // blocks whoever opens it
    const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string socket_path = dir + "/sock.json";
    REQUIRE(socket_path.size() < sizeof address.sun_path);
    std::copy(socket_path.begin(), socket_path.end(), address.sun_path);
    REQUIRE(::bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);

    const CommandResult r =
        run_command("timeout 20 " + quote(AIJRI_BINARY) + " score -f jsonl " + quote(dir));
    ::close(sock);
    // Links that lead nowhere were asked for and cannot be read: I/O errors in their place.
    CHECK(r.status == 2);
    CHECK(contains(r.out, "good.json"));
    for (const char* error : {"/loop1.json\",\"errors\":[{\"pointer\":\"\",\"line\":0,\"column\":0,"
                              "\"message\":\"symbolic link loop\"}]}",
                              "/broken.json\",\"errors\":[{\"pointer\":\"\",\"line\":0,"
                              "\"column\":0,\"message\":\"broken symbolic link\"}]}"}) {
        INFO(error);
        CHECK(contains(r.out, "{\"file\":\"" + dir + error));
    }
    // What is skipped on purpose (outside the folder, not a regular file) stays a warning.
    for (const char* warning :
         {"/a/up: skipped: already visited (a symbolic link loop)",
          "/z.json: skipped: a symbolic link to /dev/zero, outside the folder ",
          "/n.json: skipped: a symbolic link to /dev/null, outside the folder ",
          "/fifo.json: skipped: a FIFO, not a regular file",
          "/sock.json: skipped: a socket, not a regular file"}) {
        INFO(warning);
        CHECK(contains(r.err, "aijri: warning: " + dir + warning));
    }
    // A device node in the folder itself (only root may make one) is skipped too.
    if (::mknod((dir + "/dev.json").c_str(), S_IFCHR | 0600, ::makedev(1, 5)) == 0) {
        const CommandResult device =
            run_command("timeout 20 " + quote(AIJRI_BINARY) + " score -f jsonl " + quote(dir));
        CHECK(device.status == 2); // the broken links above
        CHECK(contains(device.err, dir + "/dev.json: skipped: a device, not a regular file"));
    }
    // Named on the command line, they are errors of their own, and nothing blocks.
    for (const char* name : {"/z.json", "/fifo.json"}) {
        const CommandResult named =
            run_command("timeout 20 " + quote(AIJRI_BINARY) + " score " + quote(dir + name));
        CHECK(named.status == 2);
        CHECK(contains(named.err, dir + name +
                                      ": error: is not a regular file (a FIFO, socket or "
                                      "device), not read"));
    }
    const CommandResult loop = run("score " + quote(dir + "/loop1.json"));
    CHECK(loop.status == 2);
    CHECK(contains(loop.err, "loop1.json: error: too many levels of symbolic links"));
}

TEST_CASE("unreadable files and folders are I/O errors, the rest of the batch is reported") {
    // Root reads a file whatever its mode, so chmod 000 proves nothing as root (CI runs tests
    // as root): the commands run as an unprivileged user.
    std::string why;
    const auto as_user = aijri::test::unprivileged_prefix(why);
    if (!as_user) {
        WARN(why);
        return;
    }
    const auto run = [&](const std::string& arguments) {
        return run_command("timeout 120 " + *as_user + quote(AIJRI_BINARY) + " " + arguments);
    };
    const std::string root = aijri::test::shared_temp_dir();
    write_text_file(root + "/good.json", seed());
    write_text_file(root + "/locked.json", seed());
    std::filesystem::create_directories(root + "/closed");
    write_text_file(root + "/closed/inside.json", seed());
    ::chmod((root + "/good.json").c_str(), 0644);
    ::chmod((root + "/locked.json").c_str(), 0);
    ::chmod((root + "/closed").c_str(), 0);
    const CommandResult r = run("score -f csv " + quote(root));
    ::chmod((root + "/closed").c_str(), 0755);
    CHECK(r.status == 2);
    CHECK(contains(r.out, "locked.json,,,unreadable,"));
    CHECK(contains(r.out, "good.json,deep-learning-engineer,"));
    // A folder that cannot be opened is an error in its place, not a warning.
    CHECK(contains(r.out, "/closed,,,unreadable,,,,,,,,,,,," + root +
                              "/closed: error: cannot open folder (permission denied)"));
    const CommandResult named = run("score " + quote(root + "/locked.json"));
    CHECK(named.status == 2);
    CHECK(contains(named.err, "locked.json: error: permission denied"));
}

TEST_CASE("a batch that meets every kind of hostile file still reports every other file") {
    const std::string root = aijri::test::temp_dir();
    const std::vector<std::pair<std::string, std::string>> files = {
        {"a-good.json", seed()},
        {"b-empty.json", ""},
        {"c-nul.json", std::string("\0\0\0", 3)},
        {"d-deep.json", std::string(200'000, '[')},
        {"e-latin1.json", "{\"a\": \"\xe9\"}"},
        {"f-truncated.json", seed().substr(0, 1000)},
        {"g-escape.json", seed_with("Deep Learning Engineer", "\\u001b[2J")},
        {"h-good.json", seed()},
    };
    for (const auto& [name, bytes] : files) {
        write_text_file(root + "/" + name, bytes);
    }
    std::filesystem::create_symlink("/dev/zero", root + "/i-zero.json");
    REQUIRE(::mkfifo((root + "/j-fifo.json").c_str(), 0600) == 0);
    const CommandResult r = run("score -f json -j 3 " + quote(root));
    CHECK(r.status == 1);
    const auto results = nlohmann::json::parse(r.out);
    REQUIRE(results.size() == files.size());
    std::size_t scored = 0;
    for (const auto& result : results) {
        if (result.contains("aijri")) {
            ++scored;
        }
        if (result.contains("errors")) {
            CHECK(result["errors"][0]["line"].get<int>() > 0);
        }
    }
    CHECK(scored == 3);
    CHECK(results[6]["title"] == "\x1b[2J");
}

TEST_CASE("a JSON Lines stream with hostile records reports each by its line") {
    const std::string root = aijri::test::temp_dir();
    const std::string good = nlohmann::json::parse(seed()).dump();
    const std::string stream = good + "\n" + std::string("{\"a\": \"\0\"}", 10) + "\n" +
                               "{\"a\": \"\xff\"}\n" + std::string(100'000, '[') + "\n" +
                               std::string(3000, 'x') + "\n" + good + "\n";
    write_text_file(root + "/in.jsonl", stream);
    const CommandResult r =
        run("score --jsonl-input " + quote(root + "/in.jsonl") + " --max-bytes 2000000 -f csv");
    CHECK(r.status == 1);
    CHECK(is_clean(r.out));
    for (const char* part :
         {"in.jsonl:2:8: error: /a: control character U+0000 must be escaped in a string",
          "in.jsonl:3:8: error: /a: invalid UTF-8: byte 0xff", "in.jsonl:4:65: error: /0/0/",
          "in.jsonl:5:1: error: expected a JSON value, found 'x'"}) {
        INFO(part);
        CHECK(contains(r.out, part));
    }
    CHECK(contains(r.out, "in.jsonl:6,deep-learning-engineer,"));
    const CommandResult limited =
        run("score --jsonl-input " + quote(root + "/in.jsonl") + " --max-bytes 1000 -f csv");
    CHECK(contains(limited.out, "in.jsonl:1:1: error: the line is over the limit of 1000 bytes "
                                "(--max-bytes)"));
    // A stream that cannot be opened is an I/O error, with nothing on standard output.
    const CommandResult missing = run("score --jsonl-input " + quote(root + "/missing.jsonl"));
    CHECK(missing.status == 2);
    CHECK(missing.out.empty());
    CHECK(missing.err == "aijri: " + root + "/missing.jsonl: no such file\n"); // as for files
}

TEST_CASE("a methodology whose arithmetic overflows is a usage error, reported per file") {
    const std::string root = aijri::test::temp_dir();
    std::string methodology =
        aijri::test::read_text_file(aijri::test::source_path("methodologies/aijri-1.json"));
    for (const char* key : {"\"evidence_weight\": 0.04", "\"barrier_weight\": 0.02",
                            "\"growth_weight\": 0.05", "\"raw_span\": 7.93"}) {
        const std::string k(key);
        methodology.replace(methodology.find(k), k.size(),
                            k.substr(0, k.find(':')) + ": 999999.999999");
    }
    methodology.replace(methodology.find("\"aijri-1\""), 9, "\"huge\"");
    write_text_file(root + "/huge.json", methodology);
    write_text_file(root + "/a.json", seed());
    write_text_file(root + "/b.json", seed());
    const CommandResult r = run("score -f csv --methodology " + quote(root + "/huge.json") + " " +
                                quote(root + "/a.json") + " " + quote(root + "/b.json"));
    CHECK(r.status == 2);
    CHECK(contains(r.out, "a.json,deep-learning-engineer,Deep Learning Engineer,unscorable,"));
    CHECK(contains(r.out, "b.json,deep-learning-engineer,Deep Learning Engineer,unscorable,"));
    const CommandResult single =
        run("score --methodology " + quote(root + "/huge.json") + " " + quote(root + "/a.json"));
    CHECK(single.status == 2);
    CHECK(single.err == root + "/a.json: error: cannot be scored with the methodology \"huge\": "
                               "its constants take exact arithmetic beyond 128 bits (use fewer "
                               "decimals or smaller constants)\n");
}

TEST_CASE("files found in a folder: the size limit, and files larger than the first read") {
    // A walked file is read with one 64 KiB read and no look at its size first; a file that
    // fills that read is checked like any other.
    const std::string root = aijri::test::temp_dir();
    std::string big = seed();
    big.insert(big.find('{') + 1, "\n  \"x-padding\": \"" + std::string(200000, 'p') + "\",");
    write_text_file(root + "/big.json", big);
    std::string exact = seed();
    exact.insert(exact.find('{') + 1, "\n  \"x-padding\": \"\",");
    exact.insert(exact.find("\"x-padding\": \"") + 14, std::string(65536 - exact.size(), 'q'));
    REQUIRE(exact.size() == 65536);
    write_text_file(root + "/exact.json", exact);
    write_text_file(root + "/small.json", seed());
    const CommandResult all = run("score -f csv " + quote(root));
    // The three are one role (one id): scored, and the shared id is an error of the run.
    CHECK(all.status == 1);
    for (const char* name : {"big.json", "exact.json", "small.json"}) {
        CHECK(contains(all.out, fmt::format("{},deep-learning-engineer,", name)));
    }
    CHECK(all.err == "aijri: error: the id \"deep-learning-engineer\" is used by more than one "
                     "file: " +
                         root + "/big.json, " + root + "/exact.json, " + root + "/small.json\n");
    const CommandResult limited = run("score -f jsonl --max-bytes 1000 " + quote(root));
    CHECK(limited.status == 1);
    CHECK(contains(limited.out, fmt::format("is {} bytes, over the limit of 1000 bytes "
                                            "(--max-bytes); not read",
                                            seed().size())));
    CHECK(contains(limited.out, fmt::format("is {} bytes, over the limit of 1000 bytes "
                                            "(--max-bytes); not read",
                                            big.size())));
}

TEST_CASE("diff: a methodology that cannot attribute a change exactly is a usage error") {
    // These constants score both sides, but the exact Shapley split of the change between
    // them needs more than 128 bits: the role is reported as an error that names the
    // methodology, the rest of the diff still comes out, and the exit status is 2 (as for
    // score). It used to end the whole diff with "internal error" (found by fuzz_methodology).
    const std::string root = aijri::test::temp_dir();
    std::string methodology =
        aijri::test::read_text_file(aijri::test::source_path("methodologies/aijri-1.json"));
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"\"aijri-1\"", "\"odd\""},
             {"\"evidence_weight\": 0.04", "\"evidence_weight\": 0.123457"},
             {"\"barrier_weight\": 0.02", "\"barrier_weight\": 0.654321"},
             {"\"growth_weight\": 0.05", "\"growth_weight\": 0.111111"},
             {"\"raw_min\": 0.54", "\"raw_min\": -0.333333"},
             {"\"raw_span\": 7.93", "\"raw_span\": 7.123457"},
             {"\"published_decimals\": 1", "\"published_decimals\": 6"}}) {
        methodology.replace(methodology.find(from), from.size(), to);
    }
    write_text_file(root + "/odd.json", methodology);
    std::filesystem::create_directories(root + "/old");
    std::filesystem::create_directories(root + "/new");
    // The stated figures, the scenario's too, hold for aijri-1 only: set aside.
    std::string old_role = seed_with("\"stated\"", "\"x-stated\"");
    old_role.replace(old_role.find("\"scenarios\""), 11, "\"x-scenarios\"");
    write_text_file(root + "/old/role.json", old_role);
    std::string other = seed_with("\"id\": \"deep-learning-engineer\"", "\"id\": \"other\"");
    other.replace(other.find("\"stated\""), 8, "\"x-stated\"");
    other.replace(other.find("\"scenarios\""), 11, "\"x-scenarios\"");
    write_text_file(root + "/old/other.json", other);
    write_text_file(root + "/new/role.json",
                    R"({"aijri": 1, "id": "deep-learning-engineer", "role": {"title": "Lowest"},
  "protective_principles": {"embodied_physicality": {"score": 3},
    "deep_interpersonal_connection": {"score": 3}, "goal_setting_moral_judgment": {"score": 3}},
  "growth_correlation": {"score": -2},
  "tasks": [{"name": "a", "time_pct": 33.33, "score": 5, "impact": "displacement"},
            {"name": "b", "time_pct": 33.33, "score": 5, "impact": "augmentation"},
            {"name": "c", "time_pct": 33.34, "score": 4, "impact": "not_involved"}],
  "evidence": {"job_posting_trends": {"score": -2}, "company_actions": {"score": -2},
    "wage_trends": {"score": -2}, "ai_tool_maturity": {"score": -2},
    "expert_consensus": {"score": -2}},
  "barriers": {"regulatory_licensing": {"score": 2}, "physical_presence": {"score": 2},
    "union_collective_bargaining": {"score": 2}, "liability_accountability": {"score": 2},
    "cultural_ethical": {"score": 2}}})");
    const std::string message =
        root + "/new/role.json: error: the change cannot be attributed with the methodology "
               "\"odd\": its constants take exact arithmetic beyond 128 bits (use fewer decimals "
               "or smaller constants)";
    const std::string sides = quote(root + "/old") + " " + quote(root + "/new");
    const CommandResult text = run("diff --methodology " + quote(root + "/odd.json") + " " + sides);
    CHECK(text.status == 2);
    CHECK(text.err.empty());
    CHECK(text.out == "removed   other  100.000000 Green (Accelerated)  (" + root +
                          "/old/other.json)\n"
                          "invalid   deep-learning-engineer\n"
                          "          " +
                          message +
                          "\n"
                          "0 changed, 0 added, 1 removed, 0 fixed, 0 broken, 0 unchanged, 1 "
                          "invalid; 0 zone changes, 0 renamed\n");
    const CommandResult json =
        run("diff -f json --methodology " + quote(root + "/odd.json") + " " + sides);
    CHECK(json.status == 2);
    const auto role = nlohmann::json::parse(json.out)["roles"][1];
    CHECK(role["status"] == "invalid");
    CHECK(role["errors"] == nlohmann::json::array({message}));
    // With aijri-1 the same two sides are an ordinary change.
    CHECK(run("diff " + sides).status == 0);

    // A methodology that cannot even score the sides: each role is an error, exit 2 too.
    for (const char* key : {"\"evidence_weight\": 0.123457", "\"barrier_weight\": 0.654321",
                            "\"growth_weight\": 0.111111", "\"raw_span\": 7.123457"}) {
        const std::string k(key);
        methodology.replace(methodology.find(k), k.size(),
                            k.substr(0, k.find(':')) + ": 999999.999999");
    }
    write_text_file(root + "/huge.json", methodology);
    const CommandResult huge = run("diff --methodology " + quote(root + "/huge.json") + " " +
                                   quote(root + "/old") + " " + quote(root + "/old"));
    CHECK(huge.status == 2);
    CHECK(huge.out ==
          "invalid   deep-learning-engineer\n"
          "          " +
              root +
              "/old/role.json: error: cannot be scored with the methodology \"odd\": "
              "its constants take exact arithmetic beyond 128 bits (use fewer "
              "decimals or smaller constants)\n"
              "          " +
              root +
              "/old/role.json: error: cannot be scored with the methodology \"odd\": "
              "its constants take exact arithmetic beyond 128 bits (use fewer "
              "decimals or smaller constants)\n"
              "invalid   other\n"
              "          " +
              root +
              "/old/other.json: error: cannot be scored with the methodology "
              "\"odd\": its constants take exact arithmetic beyond 128 bits (use "
              "fewer decimals or smaller constants)\n"
              "          " +
              root +
              "/old/other.json: error: cannot be scored with the methodology "
              "\"odd\": its constants take exact arithmetic beyond 128 bits (use "
              "fewer decimals or smaller constants)\n"
              "0 changed, 0 added, 0 removed, 0 fixed, 0 broken, 0 unchanged, 2 invalid; 0 zone "
              "changes, 0 renamed\n");
}

TEST_CASE("import, render and diff never write escape sequences or controls raw") {
    const std::string root = aijri::test::temp_dir();
    const std::string document = aijri::test::read_text_file(
        aijri::test::source_path("tests/data/deep-learning-engineer.md"));
    const auto with_title = [&](const std::string& title) {
        std::string text = document;
        const std::string from = "| Job Title | Deep Learning Engineer |";
        REQUIRE(text.find(from) != std::string::npos);
        return text.replace(text.find(from), from.size(), "| Job Title | " + title + " |");
    };
    // A document says any character with a reference: an OSC 8 hyperlink, BEL, CR, the C1
    // CSI, a right-to-left override, a line separator, DEL; and '|' and backticks.
    const std::string title_cell = "Evil &#x1B;]8;;http://x&#x7;link&#x1B;]8;;&#x7; &#xD;&#x9B;31m "
                                   "&#x202E; &#x2028; &#x7F; \\| `tick`";
    write_text_file(root + "/evil.md", with_title(title_cell));
    const CommandResult imported = run("import " + quote(root + "/evil.md"));
    REQUIRE(imported.status == 0);
    CHECK(imported.err.empty());
    // The JSON keeps the text exactly, as \u escapes: the C1 CSI, the override and the line
    // separator were written raw before.
    CHECK(contains(imported.out, "\n    \"title\": \"Evil \\u001b]8;;http://x\\u0007link"
                                 "\\u001b]8;;\\u0007 \\r\\u009b31m \\u202e \\u2028 \\u007f | "
                                 "`tick`\",\n"));
    CHECK(is_clean(imported.out));
    CHECK(nlohmann::json::parse(imported.out)["role"]["title"] ==
          "Evil \x1b]8;;http://x\x07link\x1b]8;;\x07 \r\xc2\x9b"
          "31m \xe2\x80\xae \xe2\x80\xa8 \x7f | `tick`");

    // Render writes every one of them back as a reference (the line separator was raw), so
    // the cell is the document's own.
    write_text_file(root + "/evil.json", imported.out);
    const CommandResult rendered = run("render --format markdown " + quote(root + "/evil.json"));
    REQUIRE(rendered.status == 0);
    CHECK(contains(rendered.out, "\n| Job Title | " + title_cell + " |\n"));
    CHECK(is_clean(rendered.out));

    // Raw escape bytes in a document are text: kept exactly in the JSON, shown escaped in
    // messages with the source line.
    write_text_file(root + "/raw.md",
                    with_title("raw \x1b]8;;http://x\x07link\x1b]8;;\x07 \x1b[2J"));
    const CommandResult raw = run("import " + quote(root + "/raw.md"));
    CHECK(raw.status == 0);
    CHECK(contains(raw.out, "\n    \"title\": \"raw \\u001b]8;;http://x\\u0007link\\u001b]8;;"
                            "\\u0007 \\u001b[2J\",\n"));
    std::string bad = document;
    const std::string row = "| Company Actions | 2 |";
    bad.replace(bad.find(row), row.size(), "| Company Actions | two\x1b[31m\x07 |");
    write_text_file(root + "/bad.md", bad);
    const CommandResult refused = run("import " + quote(root + "/bad.md"));
    CHECK(refused.status == 1);
    CHECK(refused.out.empty());
    CHECK(refused.err.starts_with(root + "/bad.md:36:21: error: expected a score from -2 to 2, "
                                         "found \"two\\x1b[31m\\x07\"\n"
                                         "    | Company Actions | two\\x1b[31m\\x07 | Every "));
    CHECK(is_clean(refused.err));
}

TEST_CASE("diff shows ids and labels from files as text in every format, and in its gates") {
    const std::string root = aijri::test::temp_dir();
    std::filesystem::create_directories(root + "/old");
    std::filesystem::create_directories(root + "/new");
    const std::string id = "evil\\u001b]8;;http://x\\u0007|`id`\\u009b\\u202e\\u2028\\r";
    const std::string old_doc =
        seed_with("\"id\": \"deep-learning-engineer\"", "\"id\": \"" + id + "\"");
    write_text_file(root + "/old/r.json", old_doc);
    // An override's sub-label is text from the file; the override moves the zone.
    std::string new_doc = old_doc;
    new_doc.replace(new_doc.find("\"override\": null"), 16,
                    "\"override\": {\"zone\": \"Yellow\", \"sub_label\": \"Pwn\\u001b[2J\\u0007 | "
                    "`x` \\u202e\\r\\n::error::y\", \"reason\": \"r\"}");
    new_doc.replace(new_doc.find("\"stated\""), 8, "\"x-stated\"");
    write_text_file(root + "/new/r.json", new_doc);
    const std::string sides = quote(root + "/old") + " " + quote(root + "/new");
    const std::string shown_id = "evil\\x1b]8;;http://x\\x07|`id`\\u009b\\u202e\\u2028 ";
    const std::string gate =
        "gate: " + shown_id + ": zone changed from Green to Yellow (--fail-on-zone-change)\n";

    const CommandResult text = run("diff --color never --fail-on-zone-change " + sides);
    CHECK(text.status == 1);
    // The label was written raw here before, and the gate's id on stderr too.
    CHECK(text.out ==
          "changed   " + shown_id +
              "  64.6 Green (Accelerated) → 64.6 Yellow (Pwn\\x1b[2J\\x07 | `x` "
              "\\u202e  ::error::y)  (0.0)  ⚠ ZONE CHANGE\n"
              "             0.00  /override  (none) → override\n"
              "1 changed, 0 added, 0 removed, 0 fixed, 0 broken, 0 unchanged, 0 invalid; 1 zone "
              "change, 0 renamed\n");
    CHECK(text.err == gate);

    const CommandResult markdown = run("diff -f markdown --fail-on-zone-change " + sides);
    CHECK(markdown.status == 1);
    // The id ends in a control character, shown as a space: written &#32; so that the
    // **bold** around it still closes.
    const std::string md_id = "evil\\\\x1b\\]8;;http\\://x\\\\x07\\|\\`id\\`\\\\u009b\\\\u202e"
                              "\\\\u2028&#32;";
    CHECK(markdown.out ==
          "### AIJRI changes\n\n"
          "1 changed, 0 added, 0 removed, 0 fixed, 0 broken, 0 unchanged, 0 invalid; 1 zone "
          "change, 0 renamed\n\n"
          "| Role | Status | Old | New | Δ | Zone |\n"
          "|---|---|---|---|---:|---|\n"
          "| " +
              md_id +
              " | changed | 64.6 Green (Accelerated) | 64.6 Yellow (Pwn\\\\x1b\\[2J\\\\x07 \\| "
              "\\`x\\` \\\\u202e  \\:\\:error\\:\\:y) | 0.0 | ⚠️ **zone change** |\n"
              "\n**" +
              md_id +
              "** (0.0 points)\n\n"
              "- `/override`: (none) → override: **0.00**\n"
              "\nGates tripped:\n\n"
              "- **" +
              md_id + "**: zone changed from Green to Yellow (--fail-on-zone-change)\n");
    CHECK(markdown.err == gate);

    // JSON keeps the text exactly, as \u escapes: the C1 CSI, the override and the line
    // separator were written raw before.
    const CommandResult json = run("diff -f json --fail-on-zone-change " + sides);
    CHECK(json.status == 1);
    CHECK(contains(json.out, "\n      \"id\": \"evil\\u001b]8;;http://x\\u0007|`id`\\u009b\\u202e"
                             "\\u2028\\r\",\n"));
    CHECK(contains(json.out, "\n        \"label\": \"Yellow (Pwn\\u001b[2J\\u0007 | `x` "
                             "\\u202e\\r\\n::error::y)\"\n"));
    CHECK(is_clean(json.out));
    const auto parsed = nlohmann::json::parse(json.out);
    CHECK(parsed["roles"][0]["id"] ==
          "evil\x1b]8;;http://x\x07|`id`\xc2\x9b\xe2\x80\xae\xe2\x80\xa8\r");
    CHECK(parsed["gates"][0] == parsed["roles"][0]["id"].get<std::string>() +
                                    ": zone changed from Green to Yellow (--fail-on-zone-change)");
    CHECK(json.err == gate);

    // The formats for spreadsheets and CI: nothing raw, no line a log would take for a
    // command of its own, and the JUnit still XML.
    for (const char* format : {"csv", "junit", "github"}) {
        INFO(format);
        const CommandResult r =
            run(std::string("diff --fail-on-zone-change -f ") + format + " " + sides);
        CHECK(r.status == 1);
        CHECK(is_clean(r.out));
        CHECK_FALSE(contains("\n" + r.out, "\n::error::y"));
        CHECK_FALSE(contains(r.out, "\x1b"));
        CHECK(r.err == gate);
    }
    const CommandResult junit = run_command(
        "timeout 60 " + quote(AIJRI_BINARY) + " diff -f junit " + sides +
        " | python3 -c \"import sys, xml.etree.ElementTree as E; "
        "print(E.parse(sys.stdin).getroot().find('testsuite').find('testcase').get('name'))\"");
    CHECK(junit.out == shown_id + "\n");
    const CommandResult github = run("diff -f github " + sides);
    CHECK(contains(github.out, "::warning file=" + root + "/new/r.json,title=aijri diff::changed " +
                                   shown_id +
                                   "  64.6 Green (Accelerated) → 64.6 Yellow (Pwn\\x1b[2J"
                                   "\\x07 | `x` \\u202e  ::error::y)  (0.0)%0A/override: "));
}

TEST_CASE("diff markdown shows each input as code, without backslashes") {
    const std::string root = aijri::test::temp_dir();
    std::filesystem::create_directories(root + "/old");
    std::filesystem::create_directories(root + "/new");
    write_text_file(root + "/old/r.json", seed_with("\"stated\"", "\"x-stated\""));
    std::string changed = seed_with("\"time_pct\": 20", "\"time_pct\": 15");
    changed.replace(changed.find("\"time_pct\": 25"), 14, "\"time_pct\": 30");
    changed.replace(changed.find("\"stated\""), 8, "\"x-stated\"");
    // The scenario's stated figures hold for the old shares only.
    changed.replace(changed.find("\"scenarios\""), 11, "\"x-scenarios\"");
    write_text_file(root + "/new/r.json", changed);
    const CommandResult r =
        run("diff -f markdown " + quote(root + "/old") + " " + quote(root + "/new"));
    CHECK(r.status == 0);
    // A code span shows a backslash as it is: `/tasks/0/time\_pct` before. The task's name
    // is text, escaped as such.
    CHECK(contains(r.out, "\n- `/tasks/0/time_pct` \"Design novel neural network "
                          "architectures\": 20 → 15: **+1.90**\n"
                          "- `/tasks/1/time_pct` \"Train \\& optimize deep learning "
                          "models\": 25 → 30: **−2.86**\n"));
}

TEST_CASE("import, render and diff show file names as text in their messages") {
    // Names come from globs over files anyone can add: they were written raw here before.
    const std::string root = aijri::test::temp_dir();
    const std::string name = root + "/evil\x1b]0;t\x07\x1b[2J";
    const std::string shown = root + "/evil\\x1b]0;t\\x07\\x1b[2J";
    const CommandResult import = run("import " + quote(name + ".md"));
    CHECK(import.status == 2);
    CHECK(import.err == shown + ".md: error: no such file\n");
    const CommandResult render = run("render " + quote(name + ".json"));
    CHECK(render.status == 2);
    CHECK(render.err == shown + ".json: error: no such file\n");

    // A FIFO met while walking a folder for diff is a warning that names it.
    std::filesystem::create_directories(root + "/old");
    std::filesystem::create_directories(root + "/new");
    write_text_file(root + "/old/r.json", seed());
    write_text_file(root + "/new/r.json", seed());
    REQUIRE(::mkfifo((root + "/new/evil\x1b[2J.json").c_str(), 0600) == 0);
    const CommandResult diff = run("diff " + quote(root + "/old") + " " + quote(root + "/new"));
    CHECK(diff.status == 0);
    CHECK(diff.out == "0 changed, 0 added, 0 removed, 0 fixed, 0 broken, 1 unchanged, 0 invalid; 0 "
                      "zone changes, 0 renamed\n");
    CHECK(diff.err == "aijri: warning: " + root +
                          "/new/evil\\x1b[2J.json: skipped: a FIFO, not a regular file\n");
}

TEST_CASE("a methodology constant with 24 digits is refused with its exact text") {
    // Showing the number in the message used to overflow exact arithmetic ("internal
    // error"); found by fuzz_methodology.
    const std::string root = aijri::test::temp_dir();
    std::string methodology =
        aijri::test::read_text_file(aijri::test::source_path("methodologies/aijri-1.json"));
    methodology.replace(methodology.find("\"scale\": 100"), 12,
                        "\"scale\": 999999.999000000000000999");
    write_text_file(root + "/m.json", methodology);
    const CommandResult r =
        run("score --methodology " + quote(root + "/m.json") + " " +
            quote(aijri::test::source_path("assessments/deep-learning-engineer.json")));
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == root + "/m.json:10:12: error: /scale: expected a positive number with at most 6 "
                          "decimals, found 999999.999000000000000999\n"
                          "      \"scale\": 999999.999000000000000999,\n"
                          "               ^\n");
}
