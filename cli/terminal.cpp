#include "cli/terminal.hpp"

#include "lib/text_util.hpp"

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <sys/ioctl.h>
#include <unistd.h>

namespace sciatica::cli {

namespace {

// Narrower than this, wrapping does more harm than good.
constexpr int k_min_width = 30;
constexpr int k_default_width = 80;

int terminal_width(int fd) {
    winsize size{};
    if (ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        return size.ws_col;
    }
    if (const char *columns = std::getenv("COLUMNS")) {
        char *end = nullptr;
        long value = std::strtol(columns, &end, 10);
        if (end != columns && *end == '\0' && value > 0 && value < 10000) {
            return static_cast<int>(value);
        }
    }
    return k_default_width;
}

// `color` is the effective setting (cli/config.hpp), which already holds
// NO_COLOR, the config file, SCIATICA_COLOR and --color/--no-color.
bool colour_wanted(int fd, const std::string &color) {
    if (color == "always") {
        return true;
    }
    if (color == "never" || !isatty(fd)) {
        return false;
    }
    return !dumb_terminal();
}

bool names_utf8(std::string locale) {
    for (auto &c : locale) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return locale.find("utf-8") != std::string::npos || locale.find("utf8") != std::string::npos;
}

} // namespace

bool unicode_wanted() {
    const char *term = std::getenv("TERM");
    if (term && std::strcmp(term, "dumb") == 0) {
        return false;
    }
    for (const char *name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
        const char *value = std::getenv(name);
        if (value && *value != '\0') {
            return names_utf8(value);
        }
    }
    return false;
}

bool dumb_terminal() {
    const char *term = std::getenv("TERM");
    return term && std::strcmp(term, "dumb") == 0;
}

TextStyle style_for(int fd, const std::string &color, bool plain) {
    int width = terminal_width(fd);
    TextStyle style{width < k_min_width ? k_min_width : width, colour_wanted(fd, color), false};
    if (plain || dumb_terminal()) {
        style.plain = true;
        style.colour = false;
    }
    return style;
}

std::string flow(const TextStyle &style, const std::string &text, const std::string &first,
                 const std::string &rest) {
    if (style.plain) {
        return first + text + "\n";
    }
    return wrap(text, style.width, first, rest);
}

std::string paint(const TextStyle &style, const char *sgr, const std::string &text) {
    if (!style.colour || text.empty()) {
        return text;
    }
    return std::string("\x1b[") + sgr + "m" + text + "\x1b[0m";
}

void say(const std::string &text) {
    ssize_t ignored = write(STDERR_FILENO, text.data(), text.size());
    (void)ignored;
}

std::size_t display_width(const std::string &text) {
    std::size_t count = 0;
    for (const char byte : text) {
        const auto c = static_cast<unsigned char>(byte);
        count += (c & 0xC0) != 0x80 ? 1 : 0; // skip UTF-8 continuation bytes
    }
    return count;
}

std::string visible(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        CodePoint point = decode_utf8(text, i);
        // Bytes that are not UTF-8 pass as they are, one at a time.
        std::size_t length = point.length == 0 ? 1 : point.length;
        if (point.length != 0 && is_unsafe_character(point.value)) {
            out += hex_escaped(text.substr(i, length));
        } else {
            out.append(text.substr(i, length));
        }
        i += length;
    }
    return out;
}

std::string wrap(const std::string &raw, int width, const std::string &first,
                 const std::string &rest) {
    // Rule-set text reaches the terminal here: any control character left
    // (lint refuses them) is shown, never obeyed.
    std::string text = visible(raw);
    std::istringstream words(text);
    std::string word;
    std::string out;
    std::string line = first;
    bool empty_line = true;
    const auto limit = static_cast<std::size_t>(width > 0 ? width : k_default_width);
    while (words >> word) {
        std::size_t extra = display_width(word) + (empty_line ? 0 : 1);
        if (!empty_line && display_width(line) + extra > limit) {
            out += line + "\n";
            line = rest;
            empty_line = true;
            extra = display_width(word);
        }
        line += (empty_line ? "" : " ") + word;
        empty_line = false;
    }
    return out + line + "\n";
}

std::string wrap_painted(const TextStyle &style, const char *sgr, const std::string &text,
                         const std::string &first, const std::string &rest) {
    std::string lines = flow(style, text, first, rest);
    std::string out;
    std::size_t start = 0;
    while (start < lines.size()) {
        std::size_t end = lines.find('\n', start);
        std::string line = lines.substr(start, end - start);
        // Only the words are painted: a background colour must not fill the indent.
        std::size_t words = line.find_first_not_of(' ');
        words = words == std::string::npos ? line.size() : words;
        out += line.substr(0, words) + paint(style, sgr, line.substr(words)) + "\n";
        start = end + 1;
    }
    return out;
}

} // namespace sciatica::cli
