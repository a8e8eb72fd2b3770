#pragma once

#include "engine.hpp"

#include <nlohmann/json.hpp>

namespace sciatica {

// The version of the JSON result contract below. Adding a member keeps it;
// renaming, removing or retyping one bumps it.
inline constexpr int k_result_schema_version = 1;

// The result as JSON: schema_version, urgency, urgency_name, urgency_advice,
// red_flags, urgency_rules, causes, techniques, unanswered, asked, notice.
// Each red flag, rule and cause carries `because`: [{question, answer}].
nlohmann::ordered_json result_to_json(const Result &result);

// An answer as a JSON value: true/false, a number, or the option's name.
nlohmann::ordered_json answer_to_json(const Question &question, double value);

} // namespace sciatica
