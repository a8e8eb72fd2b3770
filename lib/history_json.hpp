#pragma once

#include "lib/history.hpp"
#include "lib/rules.hpp"

#include <nlohmann/json.hpp>

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
// or null; `leading_cause` the first possible cause's id or null.
//
// What it returns can be read without further checks: every member of the
// result that a reader uses (urgency, urgency_name, urgency_advice, notice,
// screen_complete, not_ruled_out, red_flags, urgency_rules, causes with their
// id, name, summary and because, changes with question, before, after and
// since) has its type when present, and `at` and `rules_version` are UTF-8.
// Otherwise it throws Error(data) naming `store_path`, the check and what is
// wrong: stored data that is damaged is never an internal error.
nlohmann::ordered_json saved_check_json(const RuleSet &rules, const SavedCheck &check,
                                        const std::string &store_path);

// One saved check as a document of its own (a line of history export, the
// JSON of history show): schema_version first, then saved_check_json's members.
nlohmann::ordered_json saved_check_line(const RuleSet &rules, const SavedCheck &check,
                                        const std::string &store_path);

// Checks what the `history` list reads of a saved check (its time is UTF-8,
// its answers and result are objects, and the urgency and the first cause's
// id and name are text when present); throws Error(data) as
// saved_check_json does.
void check_summary(const CheckSummary &summary, const std::string &store_path);

// {schema_version, checks, notice}.
nlohmann::ordered_json history_json(const RuleSet &rules, const std::vector<SavedCheck> &checks,
                                    const std::string &store_path);

} // namespace sciatica
