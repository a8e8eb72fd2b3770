#pragma once

#include "lib/history.hpp"
#include "lib/history_changes.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sciatica {

// Answers as the history keeps them, and what a new check takes from the
// saved ones. Nothing here touches the disk.

// Every question id -> its value, null when unknown, in the rule set's order.
std::string answers_to_store_json(const RuleSet &rules, const Answers &answers);

// The answers of a saved check under `rules`. Forgiving, since the rule set
// may have changed since it was saved: an id `rules` does not have, or a
// value it no longer accepts, is left unknown.
Answers answers_from_store_json(const RuleSet &rules, const std::string &json);

// The check a new one is compared with.
PreviousCheck previous_check(const RuleSet &rules, const SavedCheck &saved);

// The rule set's history.duration (weeks of pain), offered when it is not
// answered: its value at the first saved check of this episode that answered
// it, plus the weeks since. An episode is the run of checks (ending `now`,
// seconds since the epoch) with no gap longer than history.episode_gap_weeks
// between two; with no gap set, every saved check. `checks` oldest first.
// A check dated after `now` counts as made at `now` (never negative weeks).
std::optional<double> carried_duration(const RuleSet &rules, const std::vector<SavedCheck> &checks,
                                       long long now);

// `last` without the answers that can change over days (history.ask_again),
// for `check --resume` to ask again.
Answers resume_answers(const RuleSet &rules, const Answers &last);

} // namespace sciatica
