#pragma once

#include "lib/history.hpp"
#include "lib/rules.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace sciatica {

// The version of the `history` JSON contract (history --format json, history
// show, history export). Adding a member keeps it.
inline constexpr int k_history_schema_version = 1;

// A saved check as JSON: {id, at, rules_version, urgency, pain_score,
// leading_cause, answers, result}. `answers` holds every question id the
// check was saved with (null: left unknown); `result` is the result JSON as
// it was given then. `pain_score` is the rule set's history.pain_score answer
// or null; `leading_cause` the first possible cause's id or null. Throws
// Error(data) naming `store_path` and the check when the stored JSON is
// damaged.
nlohmann::ordered_json saved_check_json(const RuleSet &rules, const SavedCheck &check,
                                        const std::string &store_path);

// {schema_version, checks, notice}.
nlohmann::ordered_json history_json(const RuleSet &rules, const std::vector<SavedCheck> &checks,
                                    const std::string &store_path);

// Pain scores as a one-line sparkline, one character per check (U+2581 to
// U+2588 from `low` to `high`; a middle dot where a score is unknown).
std::string sparkline(const std::vector<std::optional<double>> &scores, double low, double high);

} // namespace sciatica
