#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sciatica {

// Edit distance between `a` and `b` (insert, delete, substitute cost 1).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word`, or "" when none is close enough to be a
// plausible typo.
std::string nearest(std::string_view word, const std::vector<std::string> &candidates);

// " (did you mean 'x'?)" for the nearest candidate, or "" when there is none.
std::string did_you_mean(std::string_view word, const std::vector<std::string> &candidates);

// `items` as a person lists them: "a", "a or b", "a, b or c".
std::string or_list(const std::vector<std::string> &items);

// `text` made safe to repeat inside a one-line message: control characters
// (is_unsafe_character, and newline and tab too) and bytes that are not
// UTF-8 written as \xNN, and anything past `max_bytes` bytes replaced by
// "...".
std::string printable(std::string_view text, std::size_t max_bytes);

// Each byte of `bytes` as \xNN (lower-case hex).
std::string hex_escaped(std::string_view bytes);

// The one UTF-8 decoder: the code point that starts at `text[at]` and its
// length in bytes, or a length of 0 when the bytes there are not UTF-8 (a
// stray or cut-short sequence, an overlong form, a surrogate, past U+10FFFF).
struct CodePoint {
    char32_t value = 0;
    std::size_t length = 0;
};
CodePoint decode_utf8(std::string_view text, std::size_t at);

// Offset of the first byte of `text` that is not valid UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view text);

// The one list of characters that must not reach a terminal as themselves:
// C0 controls but newline and tab, DEL, C1 controls, and the bidirectional
// overrides and isolates (U+202A..U+202E, U+2066..U+2069), which can move the
// cursor, clear a screen or make text read in another order. Lint refuses
// them in a rule set; the terminal shows any that reach it as \xNN.
bool is_unsafe_character(char32_t c);

// `text` without the leading and trailing characters in `blanks` (by
// default, the C locale's white space).
std::string_view trim(std::string_view text, std::string_view blanks = " \t\n\v\f\r");

// `noun` after "a" or "an", by its first letter: "an urgency", "a cause".
std::string with_article(const std::string &noun);

// `text` with ASCII letters in lower case; other bytes as they are.
std::string lower(std::string_view text);

// Formats a number the way people write it: 6, 6.5, 1500000, never 6.000000
// or 1.5e+06 (whole numbers below 1e15 in full; others with 6 significant
// digits). The one number format of every text, HTML and SVG output.
std::string format_number(double value);

} // namespace sciatica
