#pragma once

#include <string>
#include <string_view>
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

// The source line `d` points at in `text`, then a caret under its column,
// as compilers show them ("  q: pian\n     ^\n"). "" when `d` has no line,
// or when the line is long or holds control or invalid bytes: a terminal
// must not receive escape sequences from a file.
std::string source_excerpt(const Diagnostic &d, std::string_view text);

// d.to_string(), a line break, then source_excerpt(d, text).
std::string render(const Diagnostic &d, std::string_view text);

bool has_errors(const std::vector<Diagnostic> &diagnostics);

} // namespace sciatica
