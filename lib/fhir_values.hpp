#pragma once

#include "lib/rules.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sciatica {

// How lib/fhir says answers and `ask_when` conditions in FHIR R4: the
// value[x] of an answer and the flat enableWhen of a condition.

// Whether `value` is a whole number an integer member can hold.
bool fhir_is_whole(double value);

// The code system of a choice question's options: the Questionnaire's
// canonical URL, ":option:" and the question's id.
std::string fhir_option_system(const RuleSet &rules, const Question &question);

// `value` of `question` as a FHIR value[x] with `prefix` ("value" in a
// response, "answer" in an enableWhen): the member's name ("valueBoolean",
// "answerCoding", ...) and its value.
std::pair<std::string, nlohmann::ordered_json> fhir_value(const RuleSet &rules,
                                                          const Question &question, double value,
                                                          const char *prefix);

// A flat enableWhen: its conditions and how they combine ("all" or "any").
struct FhirEnableWhen {
    std::string behavior;
    std::vector<nlohmann::ordered_json> conditions;
};

// `condition` as a flat enableWhen, or nullopt when it has none: one
// comparison, or an all/any of comparisons (a `not` turns one into the
// other, as De Morgan has it); a set (`in`) becomes one "=" each under
// "any", or under "all" one "!=" for each option of a choice outside it.
std::optional<FhirEnableWhen> fhir_enable_when(const RuleSet &rules, const Condition &condition);

} // namespace sciatica
