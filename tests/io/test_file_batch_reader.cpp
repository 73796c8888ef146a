// Files read sixteen to a system call (io_uring) must be exactly what load_file() reads, and
// every file the batch read cannot vouch for must be left to load_file(). The io_uring cases
// are hidden from the default run ("[.uring]") and run by ctest as their own test, which
// reports itself skipped, with the reason, where io_uring is missing or refused.
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include <catch2/catch.hpp>

#include "aijri/io/file_loader.hpp"
#include "aijri/io/file_source.hpp"
#include "aijri/io/walk.hpp"

#include "io/file_batch_reader.hpp"
#include "support/builder.hpp"

using namespace aijri;

namespace {

std::string bytes(std::size_t size, char seed) {
    std::string text(size, ' ');
    for (std::size_t i = 0; i < size; ++i) {
        text[i] = static_cast<char>('a' + (static_cast<std::size_t>(seed) + i * 7) % 26);
    }
    return text;
}

// Files of every size around the first read (64 KiB), one gone since the walk, one named by
// the user.
std::vector<InputFile> files_of_every_size(const std::string& root) {
    const std::vector<std::size_t> sizes = {0, 1, 4095, 4096, 16'000, 65'535, 65'536, 200'000};
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        test::write_text_file(root + "/f" + std::to_string(10 + i) + ".json",
                              bytes(sizes[i], static_cast<char>(i)));
    }
    std::vector<InputFile> files = collect_inputs({root}).files; // each with its open folder
    REQUIRE(files.size() == sizes.size());
    files.push_back(InputFile{root + "/missing.json", false, nullptr, {}});
    files.push_back(InputFile{files[1].path, true, nullptr, {}});
    return files;
}

} // namespace

TEST_CASE("a file loader gives load_file's bytes, or its error, for every file of a run") {
    const std::vector<InputFile> files = files_of_every_size(test::temp_dir());
    FileLoader loader(16, k_default_max_bytes);
    loader.start(files);
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto loaded = loader.load(i);
        FileBuffer buffer;
        const auto problem = load_file(files[i], k_default_max_bytes, buffer);
        if (problem) {
            REQUIRE(std::holds_alternative<LoadError>(loaded));
            CHECK(std::get<LoadError>(loaded).message == problem->message);
        } else {
            REQUIRE(std::holds_alternative<PaddedText>(loaded));
            CHECK(std::get<PaddedText>(loaded).view() == buffer.text());
        }
    }
    CHECK(std::get<LoadError>(loader.load(8)).message == "no such file");
}

TEST_CASE("a file loader refuses a file over a small --max-bytes as load_file does") {
    const std::string root = test::temp_dir();
    test::write_text_file(root + "/a.json", bytes(100, 'a'));
    test::write_text_file(root + "/b.json", bytes(101, 'b'));
    const std::vector<InputFile> files = collect_inputs({root}).files;
    FileLoader loader(16, 100);
    loader.start(files);
    CHECK(std::get<PaddedText>(loader.load(0)).view() == bytes(100, 'a'));
    const auto refused = loader.load(1);
    REQUIRE(std::holds_alternative<LoadError>(refused));
    CHECK(std::get<LoadError>(refused).too_large);
}

TEST_CASE("io_uring batch reads give load_file's bytes, or leave the file to load_file",
          "[.uring]") {
    const std::vector<InputFile> files = files_of_every_size(test::temp_dir());
    detail::FileBatchReader reader(16, k_default_max_bytes);
    if (!reader.available()) {
        WARN("skipped: io_uring is not available here: " << reader.unavailable_reason());
        return;
    }
    reader.read(files);
    for (std::size_t i = 0; i < 6; ++i) { // every small walked file was read
        const auto content = reader.content(i);
        REQUIRE(content);
        FileBuffer buffer;
        REQUIRE_FALSE(load_file(files[i], k_default_max_bytes, buffer));
        CHECK(content->view() == buffer.text());
    }
    // A file that fills the first read (64 KiB) may be larger: load_file() looks at it. So
    // are a file that cannot be opened and one named on the command line.
    for (const std::size_t i : {6U, 7U, 8U, 9U}) {
        CHECK_FALSE(reader.content(i));
    }
}

TEST_CASE("io_uring batch reads leave a file over a small --max-bytes to load_file", "[.uring]") {
    const std::string root = test::temp_dir();
    test::write_text_file(root + "/a.json", bytes(100, 'a'));
    test::write_text_file(root + "/b.json", bytes(101, 'b'));
    const std::vector<InputFile> files = collect_inputs({root}).files;
    detail::FileBatchReader reader(16, 100);
    if (!reader.available()) {
        WARN("skipped: io_uring is not available here: " << reader.unavailable_reason());
        return;
    }
    reader.read(files);
    REQUIRE(reader.content(0));
    CHECK(reader.content(0)->view() == bytes(100, 'a'));
    CHECK_FALSE(reader.content(1)); // over the limit: load_file() words the message
}
