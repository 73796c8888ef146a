// Files read sixteen to a system call (io_uring) must be exactly what load_file() reads, and
// every file it cannot vouch for must be left to load_file().
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "aijri/assessment/reader.hpp"
#include "aijri/io/file_batch_reader.hpp"
#include "aijri/io/file_source.hpp"
#include "aijri/io/walk.hpp"

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

} // namespace

TEST_CASE("batch reads give load_file's bytes, or leave the file to load_file") {
    const std::string root = test::temp_dir();
    const std::vector<std::size_t> sizes = {0, 1, 4095, 4096, 16'000, 65'535, 65'536, 200'000};
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        test::write_text_file(root + "/f" + std::to_string(10 + i) + ".json",
                              bytes(sizes[i], static_cast<char>(i)));
    }
    std::vector<InputFile> files = collect_inputs({root}).files; // each with its open folder
    REQUIRE(files.size() == sizes.size());
    files.push_back(InputFile{root + "/missing.json", false, nullptr, {}}); // gone since the walk
    files.push_back(InputFile{files[1].path, true, nullptr, {}});           // named by the user
    detail::FileBatchReader reader(16, k_default_max_bytes);
    if (!reader.available()) {
        WARN("io_uring is not available here: every file goes through load_file()");
    }
    reader.read(files);
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto content = reader.content(i);
        if (!content) {
            continue;
        }
        FileBuffer buffer;
        REQUIRE_FALSE(load_file(files[i].path, k_default_max_bytes, buffer, true));
        CHECK(*content == buffer.text());
        for (std::size_t k = 0; k < k_read_padding; ++k) { // padded for the JSON reader
            CHECK(content->data()[content->size() + k] == '\0');
        }
    }
    // A file that fills the first read (64 KiB) may be larger: load_file() looks at it. So
    // are a file that cannot be opened and one named on the command line.
    for (const std::size_t i : {6U, 7U, 8U, 9U}) {
        CHECK_FALSE(reader.content(i));
    }
    if (reader.available()) {
        for (std::size_t i = 0; i < 6; ++i) {
            CHECK(reader.content(i)); // every small walked file was read
        }
    }
}

TEST_CASE("batch reads respect a small --max-bytes as load_file does") {
    const std::string root = test::temp_dir();
    test::write_text_file(root + "/a.json", bytes(100, 'a'));
    test::write_text_file(root + "/b.json", bytes(101, 'b'));
    const std::vector<InputFile> files = collect_inputs({root}).files;
    detail::FileBatchReader reader(16, 100);
    reader.read(files);
    if (reader.available()) {
        REQUIRE(reader.content(0));
        CHECK(*reader.content(0) == bytes(100, 'a'));
    }
    CHECK_FALSE(reader.content(1)); // over the limit: load_file() words the message
    FileBuffer buffer;
    CHECK(load_file(files[1].path, 100, buffer, true)->too_large);
}
