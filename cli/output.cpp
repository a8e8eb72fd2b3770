#include "cli/output.hpp"

#include "lib/error.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sciatica::cli {

namespace {

// The temporary file being written, for the signal handler to remove. A
// fixed buffer because a handler may not allocate.
char g_temporary[4096];
volatile std::sig_atomic_t g_have_temporary = 0;

extern "C" void remove_temporary_and_exit(int signal_number) {
    if (g_have_temporary) {
        ::unlink(g_temporary);
    }
    ::_exit(128 + signal_number);
}

// Installs the handler for as long as it lives, then restores the old ones.
class CleanupOnSignal {
  public:
    explicit CleanupOnSignal(const std::string &temporary) {
        std::size_t length = std::min(temporary.size(), sizeof g_temporary - 1);
        std::memcpy(g_temporary, temporary.data(), length);
        g_temporary[length] = '\0';
        g_have_temporary = 1;
        struct sigaction action {};
        action.sa_handler = remove_temporary_and_exit;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &m_old_int);
        sigaction(SIGTERM, &action, &m_old_term);
        sigaction(SIGHUP, &action, &m_old_hup);
    }
    CleanupOnSignal(const CleanupOnSignal &) = delete;
    CleanupOnSignal &operator=(const CleanupOnSignal &) = delete;
    ~CleanupOnSignal() {
        sigaction(SIGINT, &m_old_int, nullptr);
        sigaction(SIGTERM, &m_old_term, nullptr);
        sigaction(SIGHUP, &m_old_hup, nullptr);
        g_have_temporary = 0;
    }

  private:
    struct sigaction m_old_int {};
    struct sigaction m_old_term {};
    struct sigaction m_old_hup {};
};

[[noreturn]] void fail(const std::string &path, const char *doing, int error) {
    throw Error(ErrorKind::io, path + ": cannot " + doing + ": " + std::strerror(error));
}

// Writes all of `text`; returns 0 or the errno of the failure.
int write_all(int fd, std::string_view text) {
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t wrote = ::write(fd, text.data() + done, text.size() - done);
        if (wrote < 0 && errno == EINTR) {
            continue;
        }
        if (wrote < 0) {
            return errno;
        }
        done += static_cast<std::size_t>(wrote);
    }
    return 0;
}

// Writes straight into a file that is not a regular one (a device, a FIFO):
// renaming over it would replace it.
void write_in_place(const std::string &path, const std::string &text) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        fail(path, "open", errno);
    }
    int error = write_all(fd, text);
    if (::close(fd) != 0 && error == 0) {
        error = errno;
    }
    if (error != 0) {
        fail(path, "write", error);
    }
}

std::string directory_of(const std::string &path) {
    auto slash = path.rfind('/');
    if (slash == std::string::npos) {
        return ".";
    }
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string base_name_of(const std::string &path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

} // namespace

void write_output_file(const std::string &path, const std::string &text) {
    struct stat status {};
    if (::stat(path.c_str(), &status) == 0 && !S_ISREG(status.st_mode)) {
        if (S_ISDIR(status.st_mode)) {
            throw Error(ErrorKind::io, path + ": cannot write: it is a directory");
        }
        write_in_place(path, text);
        return;
    }
    std::string temporary = directory_of(path) + "/." + base_name_of(path) + ".XXXXXX";
    CleanupOnSignal cleanup(temporary);
    int fd = ::mkstemp(g_temporary);
    if (fd < 0) {
        fail(path, "create a temporary file beside it", errno);
    }
    temporary = g_temporary;
    int error = write_all(fd, text);
    // Keep the usual permissions of a new file rather than mkstemp's 0600.
    mode_t mask = ::umask(0);
    ::umask(mask);
    if (error == 0 && (::fchmod(fd, 0666 & ~mask) != 0 || ::fsync(fd) != 0)) {
        error = errno;
    }
    if (::close(fd) != 0 && error == 0) {
        error = errno;
    }
    if (error == 0 && ::rename(temporary.c_str(), path.c_str()) != 0) {
        error = errno;
    }
    if (error != 0) {
        ::unlink(temporary.c_str());
        fail(path, "write", error);
    }
}

void write_stdout(std::string_view text) {
    int error = write_all(STDOUT_FILENO, text);
    if (error == EPIPE) {
        throw OutputClosed();
    }
    if (error != 0) {
        throw Error(ErrorKind::io, std::string("cannot write the output: ") + std::strerror(error));
    }
}

void write_output(const std::string &path, const std::string &text) {
    if (path.empty() || path == "-") {
        write_stdout(text);
    } else {
        write_output_file(path, text);
    }
}

} // namespace sciatica::cli
