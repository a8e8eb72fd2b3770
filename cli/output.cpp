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
#include <climits>
#include <fcntl.h>
#include <poll.h>
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

// stop_writes_on's flag, and when the stop was first seen by a write.
const volatile std::sig_atomic_t *g_stop_flag = nullptr;
std::chrono::steady_clock::time_point g_stop_deadline{};
bool g_stop_seen = false;

// Once a stop was asked for: whether `fd` takes more within the deadline.
bool writable_before_deadline(int fd) {
    constexpr auto k_stop_grace = std::chrono::milliseconds(500);
    auto now = std::chrono::steady_clock::now();
    if (!g_stop_seen) {
        g_stop_seen = true;
        g_stop_deadline = now + k_stop_grace;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(g_stop_deadline - now);
    struct pollfd poller {};
    poller.fd = fd;
    poller.events = POLLOUT;
    // A closed pipe is ready too (POLLERR): the write then says EPIPE.
    return left.count() > 0 && ::poll(&poller, 1, static_cast<int>(left.count())) > 0;
}

[[noreturn]] void fail(const std::string &path, const char *doing, int error) {
    throw Error(ErrorKind::io, path + ": cannot " + doing + ": " + std::strerror(error));
}

// Writes all of `text`; returns 0 or the errno of the failure. With
// `stoppable`, once stop_writes_on's flag is set it gives up (EINTR) rather
// than wait on a reader that takes nothing.
int write_all(int fd, std::string_view text, bool stoppable = false) {
    std::size_t done = 0;
    while (done < text.size()) {
        std::size_t size = text.size() - done;
        bool stopping = stoppable && g_stop_flag != nullptr && *g_stop_flag != 0;
        if (stopping) {
            if (!writable_before_deadline(fd)) {
                return EINTR;
            }
            // What a pipe that polls writable takes without blocking.
            size = std::min<std::size_t>(size, PIPE_BUF);
        }
        ssize_t wrote = ::write(fd, text.data() + done, size);
        if (wrote < 0 && errno == EINTR) {
            continue; // stopping or not, the loop decides again
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

// Gives `fd` the group `group` where the system allows; where it does not,
// the file keeps the writer's group, as any new file has (not an error).
void keep_group(int fd, gid_t group) {
    if (::fchown(fd, static_cast<uid_t>(-1), group) != 0) {
        return;
    }
}

// Gives the new file `fd` the mode and owner of the file it replaces
// (`existing`), or a new file's usual mode (0666 less the umask) rather than
// mkstemp's 0600. The owner is kept where the system allows (root); otherwise
// the file is the writer's, as any new file is.
int copy_attributes(int fd, const struct stat *existing, NewFile mode) {
    if (mode == NewFile::private_to_owner) {
        if (existing && ::fchown(fd, existing->st_uid, existing->st_gid) != 0) {
            keep_group(fd, existing->st_gid);
        }
        return 0; // mkstemp made it 0600, and 0600 it stays
    }
    if (existing) {
        if (::fchown(fd, existing->st_uid, existing->st_gid) != 0) {
            // Not permitted for another user's file: keep the group if we can.
            keep_group(fd, existing->st_gid);
        }
        return ::fchmod(fd, existing->st_mode & 07777) == 0 ? 0 : errno;
    }
    mode_t mask = ::umask(0);
    ::umask(mask);
    return ::fchmod(fd, 0666 & ~mask) == 0 ? 0 : errno;
}

// The temporary file's name beside `path`: ".NAME.XXXXXX", NAME shortened
// when that would pass the system's limit on a name (NAME_MAX).
std::string temporary_name(const std::string &path) {
    const std::string suffix = ".XXXXXX";
    std::string base = base_name_of(path);
    const std::size_t room = NAME_MAX - 1 - suffix.size();
    if (base.size() > room) {
        base.resize(room);
    }
    return directory_of(path) + "/." + base + suffix;
}

void replace_atomically(const std::string &shown, const std::string &path,
                        const struct stat *existing, const std::string &text, NewFile mode) {
    std::string directory = directory_of(path);
    std::string temporary = temporary_name(path);
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
        error = copy_attributes(fd, existing, mode);
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

void stop_writes_on(const volatile std::sig_atomic_t *flag) {
    g_stop_flag = flag;
    g_stop_seen = false;
}

void check_output_path(const std::string &path) {
    if (path.empty() || path == "-") {
        return;
    }
    struct stat status {};
    if (::stat(path.c_str(), &status) == 0) {
        if (S_ISDIR(status.st_mode)) {
            throw Error(ErrorKind::io, path + ": cannot write: it is a directory");
        }
        if (!S_ISREG(status.st_mode)) {
            return; // a device or FIFO: written in place
        }
    }
    std::string directory = directory_of(resolve_links(path));
    if (::stat(directory.c_str(), &status) != 0) {
        fail(path, "create a temporary file beside it", errno);
    }
    if (!S_ISDIR(status.st_mode)) {
        fail(path, "create a temporary file beside it", ENOTDIR);
    }
}

void write_output_file(const std::string &path, const std::string &text, NewFile mode) {
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
    replace_atomically(path, target, exists ? &status : nullptr, text, mode);
}

void write_stdout(std::string_view text) {
    int error = write_all(STDOUT_FILENO, text, true);
    if (error == EPIPE) {
        throw OutputClosed();
    }
    if (error == EINTR) {
        throw OutputInterrupted();
    }
    if (error != 0) {
        throw Error(ErrorKind::io, std::string("cannot write the output: ") + std::strerror(error));
    }
}

void write_output(const std::string &path, const std::string &text, NewFile mode) {
    if (path.empty() || path == "-") {
        write_stdout(text);
    } else {
        write_output_file(path, text, mode);
    }
}

} // namespace sciatica::cli
