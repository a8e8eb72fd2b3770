#include "lib/diagnostic.hpp"

#include "lib/text_util.hpp"

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

// Line `line` (1-based) of `text`, without its line break.
std::string_view source_line(std::string_view text, int line) {
    std::size_t start = 0;
    for (int i = 1; i < line; ++i) {
        start = text.find('\n', start);
        if (start == std::string_view::npos) {
            return {};
        }
        ++start;
    }
    std::string_view out = text.substr(std::min(start, text.size()));
    out = out.substr(0, out.find('\n'));
    if (!out.empty() && out.back() == '\r') {
        out.remove_suffix(1);
    }
    return out;
}

} // namespace

std::string source_excerpt(const Diagnostic &d, std::string_view text) {
    if (d.line <= 0) {
        return {};
    }
    std::string_view line = source_line(text, d.line);
    constexpr std::size_t k_max_echoed_line = 200;
    if (line.size() > k_max_echoed_line || printable(line, k_max_echoed_line) != line) {
        return {};
    }
    // Tabs before the column are kept so that the caret lines up.
    std::string pad;
    for (int i = 0; i + 1 < d.column && static_cast<std::size_t>(i) < line.size(); ++i) {
        pad += line[static_cast<std::size_t>(i)] == '\t' ? '\t' : ' ';
    }
    return std::string(line) + "\n" + pad + "^\n";
}

std::string render(const Diagnostic &d, std::string_view text) {
    return d.to_string() + "\n" + source_excerpt(d, text);
}

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
