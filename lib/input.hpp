#pragma once

#include "lib/limits.hpp"

#include <cstddef>
#include <string>

namespace sciatica {

// Reading whole inputs (rule files, answers files, standard input) with a size
// limit, so that a huge file, an endless device or a directory ends in a clear
// error instead of exhausting memory or hanging.

// Reads the whole file at `path`, which may be a regular file, a FIFO or a
// character device, but not a directory. `what` names the kind of input in
// the error for a file over `max_bytes` ("a rule file"). Throws
// Error(no_input) naming `path` when it cannot be read, Error(data) when it
// is too large.
std::string read_file(const std::string &path, std::size_t max_bytes = k_max_rules_bytes,
                      const std::string &what = "the file");

// Opens `path` for reading as read_file does: a FIFO nobody writes to does
// not block the open, and a directory is refused. Returns a blocking
// descriptor the caller closes. Throws Error(no_input) naming `path`.
int open_for_reading(const std::string &path);

// Reads open descriptor `fd` to its end, as read_file; `source` names it in
// errors ("<stdin>").
std::string read_descriptor(int fd, std::size_t max_bytes, const std::string &source,
                            const std::string &what);

// "4 MiB", "1 MiB", "512 KiB": a limit in words.
std::string size_text(std::size_t bytes);

} // namespace sciatica
