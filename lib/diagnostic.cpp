#include "lib/diagnostic.hpp"

#include <algorithm>

namespace sciatica {

namespace {

std::string location(const Diagnostic &d) {
    std::string out = d.file;
    if (d.line > 0) {
        out += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
    }
    return out;
}

} // namespace

std::string Diagnostic::to_string() const {
    return location(*this) + (severity == Severity::error ? ": error: " : ": warning: ") + message;
}

std::string Diagnostic::without_severity() const {
    return location(*this) + ": " + message;
}

bool has_errors(const std::vector<Diagnostic> &diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic &d) {
        return d.severity == Diagnostic::Severity::error;
    });
}

} // namespace sciatica
