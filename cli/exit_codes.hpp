#pragma once

#include "lib/error.hpp"

namespace sciatica::cli {

// The tool's exit codes, sysexits.h values where one fits: part of the
// documented interface (README.md, man page), so add, never change.
inline constexpr int k_exit_failure = 1;       // rules test: a case failed or went unexercised
inline constexpr int k_exit_usage = 64;        // the command line was wrong
inline constexpr int k_exit_data = 65;         // answers or a rule set were malformed
inline constexpr int k_exit_no_input = 66;     // an input could not be read; Ctrl-D
inline constexpr int k_exit_software = 70;     // an internal error
inline constexpr int k_exit_not_saved = 73;    // check: the result was given, the save failed
inline constexpr int k_exit_io = 74;           // an output could not be written
inline constexpr int k_exit_interrupted = 130; // Ctrl-C (128 + SIGINT)
inline constexpr int k_exit_terminated = 143;  // batch: SIGTERM (128 + SIGTERM)

// The exit code for an Error of `kind`.
inline int exit_code(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::usage:
        return k_exit_usage;
    case ErrorKind::data:
        return k_exit_data;
    case ErrorKind::no_input:
        return k_exit_no_input;
    case ErrorKind::io:
        return k_exit_io;
    }
    return k_exit_software;
}

} // namespace sciatica::cli
