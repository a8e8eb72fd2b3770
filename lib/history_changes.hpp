#pragma once

#include "lib/engine.hpp"
#include "lib/history.hpp"

#include <string>

namespace sciatica {

// Comparing a check with a saved one: the rule set's history.watch. The
// changes found are Result::changes (lib/engine.hpp).

// The answers of the last saved check, which a new check compares with.
struct PreviousCheck {
    Answers answers;
    std::string at; // when it was saved, ISO 8601 with offset
};

// As evaluate(rules, answers), compared with `previous` when it is not
// null: the watched answers that changed are listed in `changes`, and a
// change that implies an answer (new leg weakness implies weakness that is
// getting worse) sets it before evaluating, so Result::answers holds it and
// every rule that rests on it also names the changed answer in its
// `because`. The same answers and the same previous check always give the
// same result.
Result evaluate(const RuleSet &rules, const Answers &answers, const PreviousCheck *previous);

// `latest` with its stored result's `changes` worked out again against
// `before`, the check before it that is still saved, so that a check
// forgotten in between hides nothing that changed; everything else as it
// was saved. A result that is not a JSON object is returned as it is (the
// reader reports it as damaged).
SavedCheck compared_again(const RuleSet &rules, const SavedCheck &before, const SavedCheck &latest);

} // namespace sciatica
