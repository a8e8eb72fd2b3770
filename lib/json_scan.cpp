#include "lib/json_scan.hpp"

#include <algorithm>

namespace sciatica {

std::size_t json_string_end(std::string_view text, std::size_t i) {
    for (++i; i < text.size() && text[i] != '"'; ++i) {
        i += text[i] == '\\' ? 1U : 0U;
    }
    return std::min(i + 1, text.size());
}

std::size_t scan_top_level_keys(std::string_view text,
                                const std::function<bool(const JsonKey &)> &visit) {
    std::size_t line = 1;
    int depth = 0;
    bool expect_key = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
        } else if (c == '"') {
            const std::size_t end = json_string_end(text, i);
            if (depth == 1 && expect_key && !visit({text.substr(i, end - i), end, line})) {
                return line;
            }
            expect_key = false;
            i = end - 1;
        } else if (c == '{' || c == '[') {
            ++depth;
            expect_key = depth == 1 && c == '{';
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == ',' && depth == 1) {
            expect_key = true;
        }
    }
    return line;
}

} // namespace sciatica
