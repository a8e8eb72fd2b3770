#include "lib/input.hpp"

#include "lib/error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sciatica {

namespace {

// Closes a descriptor when it goes out of scope.
class Descriptor {
  public:
    explicit Descriptor(int fd) : m_fd(fd) {}
    Descriptor(const Descriptor &) = delete;
    Descriptor &operator=(const Descriptor &) = delete;
    ~Descriptor() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    int get() const { return m_fd; }
    int release() {
        int fd = m_fd;
        m_fd = -1;
        return fd;
    }

  private:
    int m_fd;
};

[[noreturn]] void fail_to_read(const std::string &source, const char *doing) {
    throw Error(ErrorKind::no_input, source + ": " + doing + ": " + std::strerror(errno));
}

} // namespace

std::string size_text(std::size_t bytes) {
    if (bytes % (1024 * 1024) == 0) {
        return std::to_string(bytes / (1024 * 1024)) + " MiB";
    }
    if (bytes % 1024 == 0) {
        return std::to_string(bytes / 1024) + " KiB";
    }
    return std::to_string(bytes) + " bytes";
}

std::string read_descriptor(int fd, std::size_t max_bytes, const std::string &source,
                            const std::string &what) {
    std::string text;
    char buffer[64 * 1024];
    for (;;) {
        ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            fail_to_read(source, "cannot read");
        }
        if (got == 0) {
            return text;
        }
        // Stop at the first byte past the limit rather than reading it all.
        if (text.size() + static_cast<std::size_t>(got) > max_bytes) {
            throw Error(ErrorKind::data, source + ": too large: " + what + " may be at most " +
                                             size_text(max_bytes));
        }
        text.append(buffer, static_cast<std::size_t>(got));
    }
}

int open_for_reading(const std::string &path) {
    // Non-blocking, so that opening a FIFO nobody writes to does not hang;
    // reads block as usual once the flag is cleared.
    Descriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    if (fd.get() < 0) {
        fail_to_read(path, "cannot open");
    }
    struct stat status {};
    if (::fstat(fd.get(), &status) != 0) {
        fail_to_read(path, "cannot read");
    }
    if (S_ISDIR(status.st_mode)) {
        throw Error(ErrorKind::no_input, path + ": is a directory, not a file");
    }
    int flags = ::fcntl(fd.get(), F_GETFL);
    if (flags < 0 || ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK) != 0) {
        fail_to_read(path, "cannot read");
    }
    return fd.release();
}

std::string read_file(const std::string &path, std::size_t max_bytes, const std::string &what) {
    Descriptor fd(open_for_reading(path));
    struct stat status {};
    if (::fstat(fd.get(), &status) != 0) {
        fail_to_read(path, "cannot read");
    }
    if (S_ISREG(status.st_mode) && static_cast<std::size_t>(status.st_size) > max_bytes) {
        throw Error(ErrorKind::data,
                    path + ": too large: " + what + " may be at most " + size_text(max_bytes));
    }
    return read_descriptor(fd.get(), max_bytes, path, what);
}

} // namespace sciatica
