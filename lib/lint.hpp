#pragma once

#include "lib/diagnostic.hpp"
#include "lib/rules.hpp"

#include <functional>
#include <string>
#include <vector>

namespace sciatica {

// Checks a loaded rule set for what loading alone cannot see, appending to
// `out` with `file_name`:
// - errors: a condition that can never be true (reported at the innermost
//   `all`, `any` or comparison that cannot hold), a blank practitioner notice;
// - warnings: a question no condition uses, an ask_when that refers to the
//   question itself or to a later one (it is asked before its answer is
//   known), a red flag or urgency rule at the least severe level (it never
//   raises the urgency), a level allowing self-care that is more severe than
//   one that does not, a red flag without a `source`, red flags without an
//   `incomplete_screen`.
// parse_rules runs it on every rule set that loads, so `--rules` refuses a
// set with these errors as it does any other.
void lint_rules(const RuleSet &rules, const std::string &file_name, std::vector<Diagnostic> &out);

// Calls `visit` on every top-level condition of `rules` (rules and their
// context, findings, requires, causes_when, technique and ask_when
// conditions), in file order within each part.
void for_each_condition(const RuleSet &rules, const std::function<void(const Condition &)> &visit);

// Orders `diagnostics` by file, line and column, keeping the order of equals.
void sort_by_position(std::vector<Diagnostic> &diagnostics);

} // namespace sciatica
