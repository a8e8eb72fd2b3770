#pragma once

// Reading a reply at the interview's terminal, and the rule set's words for
// yes, no and not sure (texts yes_words, no_words, unsure_words).

#include "lib/rules.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sciatica::cli {

// One line typed at the terminal, edited with libedit (arrow keys, Home,
// End, Backspace), without its newline; std::nullopt at end of input
// (Ctrl-D on an empty line). `prompt` goes to standard error, never to
// standard output, which carries only the result. A terminal is left out of
// line mode, without its own echo, so that a key typed before the next
// prompt is not shown twice: the caller puts its mode back when the
// questions end (run_interview does, however they end).
std::optional<std::string> read_line(const std::string &prompt);

// The comma-separated words of the rule set's text `key`, trimmed.
std::vector<std::string> word_list(const RuleSet &rules, const char *key);

// A reply as the word lists spell it: lower case, a typographic apostrophe
// as ', spaces collapsed, and a full stop or exclamation mark at the end
// dropped ("Nope." is "nope").
std::string normalised(const std::string &line);

// Whether `reply` (normalised) is one of `words`.
bool listed(const std::vector<std::string> &words, const std::string &reply);

// The rule set's words for yes, no and not sure.
struct Words {
    std::vector<std::string> yes, no, unsure;
    explicit Words(const RuleSet &rules)
        : yes(word_list(rules, "yes_words")), no(word_list(rules, "no_words")),
          unsure(word_list(rules, "unsure_words")) {}
};

} // namespace sciatica::cli
