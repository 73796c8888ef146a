#include "aijri/json/padded_text.hpp"
#include <algorithm>
#include <cassert>
#include <cstring>

#include <simdjson.h>

namespace aijri {
namespace {

constexpr std::size_t k_padding = simdjson::SIMDJSON_PADDING;

// The text of a buffer that was never given room: empty, and padded like any other.
constexpr char k_empty[k_padding] = {};

} // namespace

void PaddedBuffer::reserve(std::size_t capacity, std::size_t keep) {
    if (capacity <= m_capacity && m_storage) {
        return;
    }
    // Uninitialised on purpose (see the class); the padding alone is zeroed, so that what the
    // reader may look at past a text is never indeterminate.
    std::unique_ptr<char[]> storage(new char[capacity + k_padding]); // NOLINT
    keep = std::min({keep, m_capacity, capacity});
    if (keep > 0) {
        std::memcpy(storage.get(), m_storage.get(), keep);
    }
    std::memset(storage.get() + capacity, 0, k_padding);
    m_storage = std::move(storage);
    m_capacity = capacity;
    m_size = std::min(m_size, keep);
}

void PaddedBuffer::set_size(std::size_t size) {
    assert(size <= m_capacity);
    m_size = size;
    if (m_storage) {
        std::memset(m_storage.get() + size, 0, k_padding);
    }
}

void PaddedBuffer::assign(std::string_view text) {
    reserve(text.size());
    if (!text.empty()) {
        std::memcpy(m_storage.get(), text.data(), text.size());
    }
    set_size(text.size());
}

PaddedText PaddedBuffer::text() const {
    return part(0, m_size);
}

PaddedText PaddedBuffer::part(std::size_t begin, std::size_t length) const {
    if (!m_storage) {
        return PaddedText(std::string_view(k_empty, 0));
    }
    assert(begin <= m_capacity && length <= m_capacity - begin);
    return PaddedText(std::string_view(m_storage.get() + begin, length));
}

} // namespace aijri
