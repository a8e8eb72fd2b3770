#pragma once

#include <string>
#include <string_view>

namespace sciatica::cli {

// How text for a person is laid out on one output stream.
struct TextStyle {
    int width = 80;
    bool colour = false;
    // For screen readers and logs: no box drawing, no colour, headings as
    // words, one idea per line (never wrapped).
    bool plain = false;
};

// The style for file descriptor `fd`: its terminal's width (TIOCGWINSZ, then
// $COLUMNS, then 80), and colour as the `color` setting says: always, never,
// or auto (only when `fd` is a terminal and TERM is not dumb). NO_COLOR and
// --no-color reach it through the setting (cli/config.hpp). Plain when
// `plain` (--plain) or TERM is dumb; plain text is never coloured.
TextStyle style_for(int fd, const std::string &color, bool plain = false);

// Whether TERM is "dumb": a terminal that draws no boxes or colours.
bool dumb_terminal();

// Whether text beyond ASCII (box-drawing characters) can be shown: the
// locale (the first set of LC_ALL, LC_CTYPE and LANG) names UTF-8 and TERM
// is not "dumb".
bool unicode_wanted();

// SGR codes for paint().
inline constexpr const char *k_bold = "1";
inline constexpr const char *k_red = "1;31";
inline constexpr const char *k_yellow = "1;33";
inline constexpr const char *k_green = "1;32";
inline constexpr const char *k_dim = "2";
inline constexpr const char *k_alarm = "1;97;41";  // bold white on red
inline constexpr const char *k_urgent = "1;30;43"; // bold black on yellow

// `text` wrapped in the escape sequence `sgr` when `style.colour`, else as is.
std::string paint(const TextStyle &style, const char *sgr, const std::string &text);

// `text` with every character is_unsafe_character names (lib/text_util.hpp:
// controls but newline and tab, bidirectional overrides) written as \xNN
// bytes, so text from a rule set or a vignette cannot move the cursor, hide
// what follows or clear a screen.
std::string visible(std::string_view text);

// `text` (made visible()) word-wrapped to `width` columns, the first line after `first` and the
// others after `rest`; each line ends in a newline. Widths count characters,
// not bytes, so UTF-8 text wraps where a person sees it.
std::string wrap(const std::string &text, int width, const std::string &first,
                 const std::string &rest);

// flow(), then each line painted with `sgr`: for titles and names, which must
// wrap like the rest (and, in plain style, stay on one line like it).
std::string wrap_painted(const TextStyle &style, const char *sgr, const std::string &text,
                         const std::string &first, const std::string &rest);

// wrap() for `style`; in plain style `text` stays on one line after `first`.
std::string flow(const TextStyle &style, const std::string &text, const std::string &first,
                 const std::string &rest);

// Writes `text` to standard error, where a person at the terminal reads the
// prompts (standard output carries only the result). A failed write is
// ignored: mid-prompt there is no better place to report it.
void say(const std::string &text);

// The number of characters (UTF-8 code points) in `text`.
std::size_t display_width(const std::string &text);

} // namespace sciatica::cli
