#pragma once

#include <string>
#include <vector>

namespace sciatica {

// One problem found in an input file, at a 1-based line and column.
struct Diagnostic {
    enum class Severity { error, warning };

    Severity severity = Severity::error;
    std::string file;
    int line = 0;
    int column = 0;
    std::string message;

    // "FILE:LINE:COL: error: message", the form compilers and editors parse.
    std::string to_string() const;

    // "FILE:LINE:COL: message", for an error that stops a command.
    std::string without_severity() const;
};

bool has_errors(const std::vector<Diagnostic> &diagnostics);

} // namespace sciatica
