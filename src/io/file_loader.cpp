#include "aijri/io/file_loader.hpp"

#include "file_batch_reader.hpp"

namespace aijri {

struct FileLoader::Impl {
    Impl(std::size_t run_size, std::size_t limit) : max_bytes(limit), batch(run_size, limit) {}

    std::size_t max_bytes;
    detail::FileBatchReader batch;
    std::span<const InputFile> files;
    FileBuffer buffer;
};

FileLoader::FileLoader(std::size_t run_size, std::size_t max_bytes)
    : m_impl(std::make_unique<Impl>(run_size, max_bytes)) {}

FileLoader::~FileLoader() = default;

void FileLoader::start(std::span<const InputFile> files) {
    m_impl->files = files;
    m_impl->batch.read(files);
}

std::variant<PaddedText, LoadError> FileLoader::load(std::size_t i) {
    if (const auto content = m_impl->batch.content(i)) {
        return *content;
    }
    if (auto problem = load_file(m_impl->files[i], m_impl->max_bytes, m_impl->buffer)) {
        return std::move(*problem);
    }
    return m_impl->buffer.padded();
}

} // namespace aijri
