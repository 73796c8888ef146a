// Text that the JSON reader may read past the end of. simdjson reads its input in blocks and
// can read up to its padding beyond the last byte; a reader handed a bare string_view must
// copy it into a padded buffer first. A PaddedText can only come from a PaddedBuffer, which
// always keeps the padding after what it holds, so the guarantee travels with the type
// rather than with a caller's promise, and the loaders that read into one save that copy.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

namespace aijri {

class PaddedText {
public:
    std::string_view view() const { return m_text; }
    // Without its first `count` bytes: the padding still follows.
    PaddedText without_prefix(std::size_t count) const { return PaddedText(m_text.substr(count)); }

private:
    friend class PaddedBuffer;
    explicit PaddedText(std::string_view text) : m_text(text) {}
    std::string_view m_text;
};

// Bytes followed by the padding. What lies between the text and the capacity is left
// uninitialised: reading a small file into a large buffer touches only the pages its bytes
// land on.
class PaddedBuffer {
public:
    // Room for `capacity` bytes before the padding; the first `keep` bytes (at most the
    // current capacity) are kept.
    void reserve(std::size_t capacity, std::size_t keep = 0);
    std::size_t capacity() const { return m_capacity; }
    char* data() { return m_storage.get(); }
    const char* data() const { return m_storage.get(); }

    // The text is the first `size` bytes (at most capacity()); the padding after them is
    // zeroed.
    void set_size(std::size_t size);
    std::size_t size() const { return m_size; }
    // A copy of `text`.
    void assign(std::string_view text);

    PaddedText text() const;
    // Bytes [begin, begin + length) of the buffer, at most capacity(): whatever follows them,
    // the buffer's padding comes after.
    PaddedText part(std::size_t begin, std::size_t length) const;

private:
    std::unique_ptr<char[]> m_storage;
    std::size_t m_capacity = 0;
    std::size_t m_size = 0;
};

} // namespace aijri
