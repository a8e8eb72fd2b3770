#include "lib/text_util.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace sciatica {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[b.size()];
}

CodePoint decode_utf8(std::string_view text, std::size_t at) {
    auto byte = static_cast<unsigned char>(text[at]);
    std::size_t length = 0;
    char32_t min = 0;
    if (byte < 0x80) {
        return {byte, 1};
    } else if ((byte & 0xE0) == 0xC0) {
        length = 2;
        min = 0x80;
    } else if ((byte & 0xF0) == 0xE0) {
        length = 3;
        min = 0x800;
    } else if ((byte & 0xF8) == 0xF0) {
        length = 4;
        min = 0x10000;
    } else {
        return {};
    }
    if (at + length > text.size()) {
        return {};
    }
    char32_t code = byte & (0x7Fu >> length);
    for (std::size_t k = 1; k < length; ++k) {
        auto next = static_cast<unsigned char>(text[at + k]);
        if ((next & 0xC0) != 0x80) {
            return {};
        }
        code = (code << 6) | (next & 0x3Fu);
    }
    // Overlong forms, surrogates and values past Unicode are not UTF-8.
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        return {};
    }
    return {code, length};
}

std::size_t first_invalid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = decode_utf8(text, i).length;
        if (length == 0) {
            return i;
        }
        i += length;
    }
    return std::string_view::npos;
}

bool is_unsafe_character(char32_t c) {
    bool c0 = c < 0x20 && c != '\n' && c != '\t';
    bool c1 = c >= 0x7F && c <= 0x9F;
    bool bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    return c0 || c1 || bidi;
}

std::string_view trim(std::string_view text, std::string_view blanks) {
    std::size_t begin = text.find_first_not_of(blanks);
    if (begin == std::string_view::npos) {
        return {};
    }
    return text.substr(begin, text.find_last_not_of(blanks) - begin + 1);
}

std::string with_article(const std::string &noun) {
    bool vowel = !noun.empty() && std::string("aeiou").find(noun.front()) != std::string::npos;
    return (vowel ? "an " : "a ") + noun;
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string nearest(std::string_view word, const std::vector<std::string> &candidates) {
    // A typo is a few characters off; anything further is another word.
    std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
    std::string best;
    std::size_t best_distance = limit + 1;
    for (const auto &candidate : candidates) {
        // The distance is at least the difference in length: skip the
        // quadratic work for a word that is far too long or short.
        std::size_t longer = std::max(word.size(), candidate.size());
        std::size_t shorter = std::min(word.size(), candidate.size());
        if (longer - shorter > limit) {
            continue;
        }
        std::size_t distance = edit_distance(word, candidate);
        if (distance < best_distance) {
            best_distance = distance;
            best = candidate;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string> &candidates) {
    std::string best = nearest(word, candidates);
    return best.empty() ? std::string() : " (did you mean '" + best + "'?)";
}

std::string or_list(const std::vector<std::string> &items) {
    std::string list;
    for (std::size_t i = 0; i < items.size(); ++i) {
        list += (i == 0 ? "" : i + 1 == items.size() ? " or " : ", ") + items[i];
    }
    return list;
}

namespace {

void append_escaped(std::string &out, unsigned char byte) {
    static const char digits[] = "0123456789abcdef";
    out += "\\x";
    out += digits[byte >> 4];
    out += digits[byte & 0xF];
}

} // namespace

std::string hex_escaped(std::string_view bytes) {
    std::string out;
    for (char byte : bytes) {
        append_escaped(out, static_cast<unsigned char>(byte));
    }
    return out;
}

std::string printable(std::string_view text, std::size_t max_bytes) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (out.size() >= max_bytes) {
            return out + "...";
        }
        CodePoint point = decode_utf8(text, i);
        if (point.length == 0 || point.value == '\n' || point.value == '\t' ||
            is_unsafe_character(point.value)) {
            // A one-line message: newline and tab are escaped too.
            std::size_t length = std::max<std::size_t>(point.length, 1);
            out += hex_escaped(text.substr(i, length));
            i += length;
            continue;
        }
        out.append(text.substr(i, point.length));
        i += point.length;
    }
    return out;
}

std::string format_number(double value) {
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
        return std::to_string(static_cast<long long>(value));
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

} // namespace sciatica
