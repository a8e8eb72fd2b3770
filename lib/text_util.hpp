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
// and bytes that are not UTF-8 written as \xNN, and anything past
// `max_bytes` bytes replaced by "...".
std::string printable(std::string_view text, std::size_t max_bytes);

// Offset of the first byte of `text` that is not valid UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view text);

// `text` without the leading and trailing characters in `blanks` (by
// default, the C locale's white space).
std::string_view trim(std::string_view text, std::string_view blanks = " \t\n\v\f\r");

// `text` with ASCII letters in lower case; other bytes as they are.
std::string lower(std::string_view text);

// Formats a number the way people write it: 6, 6.5, never 6.000000.
std::string format_number(double value);

} // namespace sciatica
