#pragma once

#include "lib/rules.hpp"

namespace sciatica {

// Whether some answers to the questions of `rules` make `condition` true.
// Each question can take only the values its type, range and options allow
// (a yes/no question 0 or 1, an integer whole numbers from min to max), so
// "age >= 60 and age < 40", or `in: [2.5]` on an integer, can never hold.
// The answer is exact for the conditions a rule set holds; for a condition
// too large to expand it is true (it may hold), never a false alarm.
bool can_hold(const Condition &condition, const RuleSet &rules);

} // namespace sciatica
