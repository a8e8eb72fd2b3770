#pragma once

#include <csignal>
#include <exception>
#include <string>
#include <string_view>

namespace sciatica::cli {

// Thrown when standard output is a pipe whose reader has gone (EPIPE): the
// reader wanted no more, so main() ends quietly with status 0.
class OutputClosed : public std::exception {
  public:
    const char *what() const noexcept override { return "standard output was closed"; }
};

// Thrown by write_stdout when a stop was asked for (stop_writes_on) and the
// reader takes no more output: the rest is dropped rather than waited for.
class OutputInterrupted : public std::exception {
  public:
    const char *what() const noexcept override { return "standard output was not being read"; }
};

// While `flag` (a signal handler's) is nonzero, write_stdout no longer
// waits for a reader that has stalled: it writes what the pipe takes within
// half a second in all, then throws OutputInterrupted. For batch, which
// SIGTERM must end promptly even behind a stalled reader. nullptr stops it.
void stop_writes_on(const volatile std::sig_atomic_t *flag);

// Writes all of `text` to standard output (unbuffered: nothing is held back
// for a later flush). Throws OutputClosed when the reader has gone (EPIPE)
// and Error(io) on any other failure. Every command's output goes through
// here or write_output; SIGPIPE is ignored once, in main().
void write_stdout(std::string_view text);

// Writes `text` to the file at `path` so that it is never seen half written:
// into a temporary file in the same directory, then renamed over `path`. A
// failure, or SIGINT/SIGTERM meanwhile, removes the temporary file and leaves
// any old `path` as it was. Symbolic links are followed, so the file they name
// is replaced and the links stay; a replaced file keeps its mode (and owner,
// where allowed), a new one gets 0666 less the umask (NewFile::usual) or
// 0600 from the moment it exists (NewFile::private_to_owner, which also makes
// a replaced file 0600; a file written in place keeps its mode). A file with several
// hard links is refused (a rename would split them). A `path` that exists but
// is not a regular file (/dev/stdout, /dev/full, a FIFO) is written directly;
// a FIFO that nobody reads is an error, not a hang. A file name as long as the
// system allows is fine (the temporary file's name is shortened to fit).
// Throws Error(io) naming `path`.
enum class NewFile { usual, private_to_owner };
void write_output_file(const std::string &path, const std::string &text,
                       NewFile mode = NewFile::usual);

// Writes `text` to `path`, or to standard output when `path` is empty or "-".
void write_output(const std::string &path, const std::string &text,
                  NewFile mode = NewFile::usual);

// Throws the Error(io) write_output would throw, for a `path` that cannot be
// written at all (a directory, or a folder that is missing or read-only),
// before anything else is done: so that a command which also saves can
// refuse first, and a retry does not save twice. Standard output ("" or
// "-") and existing devices pass; so does anything a later write may still
// find wrong.
void check_output_path(const std::string &path);

} // namespace sciatica::cli
