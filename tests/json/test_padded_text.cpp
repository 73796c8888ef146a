// A PaddedText is only ever followed by the padding the JSON reader may read: whatever the
// buffer held before, however it grew, and for a part of it.
#include <string>

#include <catch2/catch.hpp>
#include <simdjson.h>

#include "aijri/json/padded_text.hpp"

using aijri::PaddedBuffer;
using aijri::PaddedText;

namespace {

bool padded_with_zeros(PaddedText text) {
    const std::string_view view = text.view();
    for (std::size_t k = 0; k < simdjson::SIMDJSON_PADDING; ++k) {
        if (view.data()[view.size() + k] != '\0') {
            return false;
        }
    }
    return true;
}

} // namespace

TEST_CASE("a padded buffer's text is followed by zeroed padding") {
    PaddedBuffer buffer;
    CHECK(buffer.text().view().empty());
    CHECK(padded_with_zeros(buffer.text())); // never given room, still padded
    buffer.assign(std::string(100, 'x'));
    CHECK(buffer.text().view() == std::string(100, 'x'));
    CHECK(padded_with_zeros(buffer.text()));
    buffer.assign("{}"); // shorter than what the buffer held: the old bytes are not read
    CHECK(buffer.text().view() == "{}");
    CHECK(padded_with_zeros(buffer.text()));
}

TEST_CASE("growing a padded buffer keeps what was asked to be kept") {
    PaddedBuffer buffer;
    buffer.assign("abcdef");
    buffer.reserve(1U << 20U, 4);
    CHECK(buffer.capacity() == 1U << 20U);
    buffer.set_size(4);
    CHECK(buffer.text().view() == "abcd");
    CHECK(padded_with_zeros(buffer.text()));
}

TEST_CASE("a part of a padded buffer is followed by the rest of it") {
    PaddedBuffer buffer;
    buffer.assign("{\"a\": 1}\n{\"b\": 2}");
    const PaddedText line = buffer.part(0, 8);
    CHECK(line.view() == "{\"a\": 1}");
    CHECK(line.view().data()[8] == '\n');
    CHECK(padded_with_zeros(buffer.part(9, 8)));
    // What is left after a byte order mark is still padded.
    buffer.assign("\xef\xbb\xbf{}");
    CHECK(buffer.text().without_prefix(3).view() == "{}");
    CHECK(padded_with_zeros(buffer.text().without_prefix(3)));
}
