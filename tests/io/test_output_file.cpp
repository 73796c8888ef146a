// The report file: whole or not at all, and every byte in order however it is written.
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "aijri/io/output_file.hpp"

#include "support/builder.hpp"

using namespace aijri;

TEST_CASE("pieces of every size reach the file in order, and only on commit") {
    const std::string path = test::temp_dir() + "/report.json";
    std::string expected;
    {
        OutputFile out(path);
        // Small pieces are gathered; a piece of 64 KiB or more goes out without a copy,
        // after what was gathered before it.
        for (const std::size_t size : {10U, 70'000U, 5U, 65'536U, 65'535U, 1U, 200'000U, 3U}) {
            const std::string piece(size, static_cast<char>('a' + expected.size() % 26));
            out.write(piece);
            expected += piece;
        }
        CHECK_FALSE(std::filesystem::exists(path)); // not there before commit
        out.commit();
    }
    CHECK(test::read_text_file(path) == expected);
}
