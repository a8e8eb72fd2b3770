#pragma once

#include <stdexcept>
#include <string>

namespace sciatica {

// What kind of failure an Error is. The CLI maps each kind to one exit code
// (sysexits.h values), so the kinds are part of the tool's contract.
enum class ErrorKind {
    usage,    // 64: the command line was wrong
    data,     // 65: answers or a rule set were malformed
    no_input, // 66: an input file could not be opened
    io,       // 74: an output could not be written
};

// An error the user caused, with a message that already says where.
// The library throws it; main() catches it once and prints it.
class Error : public std::runtime_error {
  public:
    Error(ErrorKind kind, const std::string &message, std::string detail = {})
        : std::runtime_error(message), m_kind(kind), m_detail(std::move(detail)) {}

    ErrorKind kind() const { return m_kind; }

    // Whole lines to show after the one-line message, each ending in a line
    // break, safe for a terminal: the source line and a caret under the
    // place (diagnostic.hpp's source_excerpt). "" when there is none.
    const std::string &detail() const { return m_detail; }

  private:
    ErrorKind m_kind;
    std::string m_detail;
};

} // namespace sciatica
