#include "file_batch_reader.hpp"
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aijri/io/file_source.hpp"

#include "file_reading.hpp"
#include "open_folder.hpp"

#if AIJRI_HAVE_URING
#include <liburing.h>
#endif

namespace aijri::detail {

struct FileBatchReader::Impl {
    std::size_t max_files;
    std::size_t read_size;
    // One a file, allocated once, left uninitialised: only the pages a file's bytes land on
    // are ever touched.
    std::vector<PaddedBuffer> buffers;
    std::vector<unsigned char> whole; // the file was read whole
    bool available = false;
    std::string unavailable_reason = "this build has no liburing";
#if AIJRI_HAVE_URING
    io_uring ring{};
#endif

    Impl(std::size_t files, std::size_t max_bytes)
        : max_files(files), read_size(first_read_size(max_bytes)), whole(files) {
#if AIJRI_HAVE_URING
        // Three operations a file; the files' descriptors live in io_uring's own table
        // ("direct" descriptors), never in the process's, so no other thread sees them.
        if (const int error = io_uring_queue_init(static_cast<unsigned>(3 * files), &ring, 0);
            error < 0) {
            unavailable_reason =
                fmt::format("the kernel refused io_uring ({})", describe_errno(-error));
            return;
        }
        if (const int error = io_uring_register_files_sparse(&ring, static_cast<unsigned>(files));
            error < 0) {
            unavailable_reason = fmt::format("the kernel refused io_uring's file table ({})",
                                             describe_errno(-error));
            io_uring_queue_exit(&ring);
            return;
        }
        available = true;
        unavailable_reason.clear();
        buffers.resize(files);
#endif
    }

    ~Impl() {
#if AIJRI_HAVE_URING
        if (available) {
            io_uring_queue_exit(&ring);
        }
#endif
    }

    void read(std::span<const InputFile> files) {
        std::fill(whole.begin(), whole.end(), 0);
        if (!available || files.size() > max_files) {
            return;
        }
#if AIJRI_HAVE_URING
        unsigned submitted = 0;
        for (std::size_t i = 0; i < files.size(); ++i) {
            const InputFile& file = files[i];
            if (file.explicit_ || file.path == "-" || !file.unreadable.empty()) {
                continue; // looked at before it is opened, or not to be opened: load_file()
            }
            buffers[i].reserve(read_size);
            const auto slot = static_cast<unsigned>(i);
            const int at = file.folder ? file.folder->fd() : AT_FDCWD;
            const char* name = file.folder ? name_in_folder(file.path) : file.path.c_str();
            // As load_file() opens it: should the file have become a FIFO since the walk
            // saw it, the open must not wait for a writer. (So the read does not wait
            // either: a file the page cache cannot serve at once comes back EAGAIN, and
            // load_file() reads it.)
            io_uring_sqe* open = io_uring_get_sqe(&ring);
            io_uring_prep_openat_direct(open, at, name, O_RDONLY | O_NOCTTY | O_NONBLOCK, 0, slot);
            open->flags |= IOSQE_IO_LINK;
            open->user_data = 0;
            io_uring_sqe* read = io_uring_get_sqe(&ring);
            io_uring_prep_read(read, static_cast<int>(slot), buffers[i].data(),
                               static_cast<unsigned>(read_size), 0);
            // A hard link: the close follows even a short read (the end of a small file).
            read->flags |= IOSQE_FIXED_FILE | IOSQE_IO_HARDLINK;
            read->user_data = i + 1;
            io_uring_sqe* close = io_uring_get_sqe(&ring);
            io_uring_prep_close_direct(close, slot);
            close->user_data = 0;
            submitted += 3;
        }
        if (submitted == 0) {
            return;
        }
        const int sent = io_uring_submit(&ring);
        if (sent < 0) {
            disable();
            return; // nothing kept: load_file() reads them all
        }
        collect(static_cast<unsigned>(sent));
        if (static_cast<unsigned>(sent) != submitted) {
            disable(); // not seen in practice; the files are read the usual way from now on
        }
#endif
    }

#if AIJRI_HAVE_URING
    // Waits for every operation sent (buffers are reused by the next read(), so none may
    // still be in flight); a read that came back short is a whole small file.
    void collect(unsigned count) {
        for (unsigned done = 0; done < count; ++done) {
            io_uring_cqe* cqe = nullptr;
            int waited = 0;
            while ((waited = io_uring_wait_cqe(&ring, &cqe)) == -EINTR) {
            }
            if (waited < 0) {
                disable();
                return;
            }
            if (cqe->user_data != 0) {
                const std::size_t i = cqe->user_data - 1;
                if (cqe->res >= 0 && static_cast<std::size_t>(cqe->res) < read_size) {
                    buffers[i].set_size(static_cast<std::size_t>(cqe->res));
                    whole[i] = 1;
                }
            }
            io_uring_cqe_seen(&ring, cqe);
        }
    }

    void disable() {
        std::fill(whole.begin(), whole.end(), 0);
        available = false;
        unavailable_reason = "a submission failed";
        io_uring_queue_exit(&ring);
    }
#endif
};

FileBatchReader::FileBatchReader(std::size_t max_files, std::size_t max_bytes)
    : m_impl(std::make_unique<Impl>(max_files, max_bytes)) {}

FileBatchReader::~FileBatchReader() = default;

bool FileBatchReader::available() const {
    return m_impl->available;
}

const std::string& FileBatchReader::unavailable_reason() const {
    return m_impl->unavailable_reason;
}

void FileBatchReader::read(std::span<const InputFile> files) {
    m_impl->read(files);
}

std::optional<PaddedText> FileBatchReader::content(std::size_t i) const {
    if (i >= m_impl->whole.size() || m_impl->whole[i] == 0) {
        return std::nullopt;
    }
    return m_impl->buffers[i].text();
}

} // namespace aijri::detail
