#pragma once

#include "lib/diagnostic.hpp"
#include "lib/rules.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace sciatica {

// Lint rules about the words and text of a rule set, which reach terminals
// and shells (completion scripts) as well as people; lint_rules runs them.
// Errors: a choice option that is not a plain word (letters, digits, '_',
// '-', '.', starting with a letter or digit; ids are held to lower-case words
// when loaded); options that differ only in case; the reserved question id `case_id`; a control
// character (other than newline and tab) or a bidirectional override in any text; a notice, urgency
// level or rule name or advice that looks blank (only spaces, no-break or zero-width spaces); a
// finding's weight outside ±k_max_finding_weight; an `emergency` or `urgent` level that allows
// self-care. Warning: no red flags at all.
void lint_text(const RuleSet &rules, const std::string &file_name, std::vector<Diagnostic> &out);

// True when `word` is a plain word as above: safe unquoted in a shell and on a
// command line.
bool is_plain_word(std::string_view word);

// The first character of `text` that is_unsafe_character names (a control
// character or a bidirectional override; newline and tab are allowed) as
// \xNN bytes, or "" when there is none.
std::string first_control_character(std::string_view text);

// True when `text` shows nothing: empty, or only white space, no-break and
// zero-width spaces and other invisible characters.
bool looks_blank(std::string_view text);

} // namespace sciatica
