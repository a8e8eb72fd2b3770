#include "cli/output.hpp"

#include "lib/error.hpp"
#include "lib/limits.hpp"
#include "lib/text_util.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
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

// Opens the FIFO at `path` for writing. Opening blocks until a reader comes,
// so it is tried without blocking, saying on standard error that it waits,
// for at most k_fifo_wait: a FIFO that nobody reads is an error, not a hang.
int open_fifo(const std::string &path, const std::string &shown) {
    constexpr auto k_fifo_wait = std::chrono::seconds(10);
    constexpr auto k_retry = std::chrono::milliseconds(50);
    auto deadline = std::chrono::steady_clock::now() + k_fifo_wait;
    bool said = false;
    for (;;) {
        int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NONBLOCK);
        if (fd >= 0 || errno != ENXIO) {
            return fd;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            throw Error(ErrorKind::io, shown + ": cannot write: it is a FIFO and nothing read " +
                                           "from it for " + std::to_string(k_fifo_wait.count()) +
                                           " seconds");
        }
        if (!said) {
            std::fprintf(stderr, "sciatica: %s is a FIFO: waiting up to %d seconds for a reader\n",
                         printable(shown, k_max_quoted_chars).c_str(),
                         static_cast<int>(k_fifo_wait.count()));
            said = true;
        }
        std::this_thread::sleep_for(k_retry);
    }
}

// Writes straight into a file that is not a regular one (a device, a FIFO):
// renaming over it would replace it.
// A regular file reached through /dev/stdout or /proc/self/fd/N is appended
// to: the shell opened it (`>` emptied it, `>>` keeps what it holds).
void write_in_place(const std::string &path, const std::string &text, bool fifo,
                    const std::string &shown, bool append) {
    int fd = fifo ? open_fifo(path, shown)
                  : ::open(path.c_str(), O_WRONLY | O_CLOEXEC | (append ? O_APPEND : 0));
    if (fd < 0) {
        fail(shown, "open", errno);
    }
    if (fifo) {
        // A reader is there: write as to any pipe, waiting while it is full.
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    }
    int error = write_all(fd, text);
    if (::close(fd) != 0 && error == 0) {
        error = errno;
    }
    if (error == EPIPE) {
        throw OutputClosed();
    }
    if (error != 0) {
        fail(shown, "write", error);
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

// `path` with its symbolic links followed to what they name (which need not
// exist yet), so the file is replaced where it lives and the links stay.
std::string resolve_links(const std::string &path) {
    constexpr int k_max_links = 40; // as the kernel's ELOOP
    std::string at = path;
    for (int i = 0; i < k_max_links; ++i) {
        struct stat status {};
        if (::lstat(at.c_str(), &status) != 0 || !S_ISLNK(status.st_mode)) {
            return at;
        }
        std::string target(static_cast<std::size_t>(status.st_size) + 1, '\0');
        ssize_t length = ::readlink(at.c_str(), target.data(), target.size());
        if (length < 0) {
            fail(path, "follow the symbolic link", errno);
        }
        target.resize(static_cast<std::size_t>(length));
        at = !target.empty() && target.front() == '/' ? target : directory_of(at) + "/" + target;
    }
    fail(path, "follow the symbolic link", ELOOP);
}

// Gives the new file `fd` the mode and owner of the file it replaces
// (`existing`), or a new file's usual mode (0666 less the umask) rather than
// mkstemp's 0600. The owner is kept where the system allows (root); otherwise
// the file is the writer's, as any new file is.
int copy_attributes(int fd, const struct stat *existing) {
    if (existing) {
        if (::fchown(fd, existing->st_uid, existing->st_gid) != 0) {
            // Not permitted for another user's file: keep the group if we can.
            (void)::fchown(fd, static_cast<uid_t>(-1), existing->st_gid);
        }
        return ::fchmod(fd, existing->st_mode & 07777) == 0 ? 0 : errno;
    }
    mode_t mask = ::umask(0);
    ::umask(mask);
    return ::fchmod(fd, 0666 & ~mask) == 0 ? 0 : errno;
}

void replace_atomically(const std::string &shown, const std::string &path,
                        const struct stat *existing, const std::string &text) {
    std::string directory = directory_of(path);
    std::string temporary = directory + "/." + base_name_of(path) + ".XXXXXX";
    CleanupOnSignal cleanup(temporary);
    int fd = ::mkstemp(g_temporary);
    if (fd < 0) {
        int error = errno;
        if (existing && (error == EACCES || error == EROFS)) {
            // The file itself may be writable; writing it in place would risk
            // leaving it half written, which --output promises never to do.
            throw Error(ErrorKind::io, shown + ": cannot write it atomically: cannot create a " +
                                           "temporary file in " + directory + " (" +
                                           std::strerror(error) +
                                           "); the directory must be writable");
        }
        fail(shown, "create a temporary file beside it", error);
    }
    temporary = g_temporary;
    int error = write_all(fd, text);
    if (error == 0) {
        error = copy_attributes(fd, existing);
    }
    if (error == 0 && ::fsync(fd) != 0) {
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
        fail(shown, "write", error);
    }
}

} // namespace

void write_output_file(const std::string &path, const std::string &text) {
    struct stat status {};
    bool exists = ::stat(path.c_str(), &status) == 0;
    if (exists && S_ISDIR(status.st_mode)) {
        throw Error(ErrorKind::io, path + ": cannot write: it is a directory");
    }
    // /dev/stdout and /proc/self/fd/N name whatever the descriptor is open on
    // (a pipe, a terminal, a file opened for appending): write through it.
    bool special = path.rfind("/dev/", 0) == 0 || path.rfind("/proc/", 0) == 0;
    if (exists && (!S_ISREG(status.st_mode) || special)) {
        write_in_place(path, text, S_ISFIFO(status.st_mode), path, S_ISREG(status.st_mode));
        return;
    }
    std::string target = resolve_links(path);
    if (exists && status.st_nlink > 1) {
        // Renaming a new file over one of its names would split the links.
        throw Error(ErrorKind::io, path + ": cannot replace it atomically: it has " +
                                       std::to_string(status.st_nlink) +
                                       " hard links, which a new file would split; "
                                       "write to another path");
    }
    replace_atomically(path, target, exists ? &status : nullptr, text);
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
