#pragma once

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
// where allowed), a new one gets 0666 less the umask. A file with several
// hard links is refused (a rename would split them). A `path` that exists but
// is not a regular file (/dev/stdout, /dev/full, a FIFO) is written directly;
// a FIFO that nobody reads is an error, not a hang. Throws Error(io) naming
// `path`.
void write_output_file(const std::string &path, const std::string &text);

// Writes `text` to `path`, or to standard output when `path` is empty or "-".
void write_output(const std::string &path, const std::string &text);

} // namespace sciatica::cli
