#pragma once

#include "lib/rules.hpp"

#include <string>
#include <vector>

namespace sciatica {

// The words a shell can complete from a rule set, so a completion script
// follows the rule set it was generated from.

// The values `--answer ID=VALUE` accepts for `question` that are worth
// offering: yes and no, or the choice's options; none for numbers.
std::vector<std::string> answer_values(const Question &question);

} // namespace sciatica
