#pragma once

#include "lib/engine.hpp"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace sciatica {

// The rule set and a check in FHIR R4 (docs/fhir.md maps every member): a
// Questionnaire of the questions, and a Bundle of a QuestionnaireResponse
// (the answers given) and a RiskAssessment (the urgency, red flags and
// causes). Pure: the time, the subject and the tool's version come in as
// arguments, so the same arguments always give the same bytes.

// The Questionnaire's canonical URL, from the rule set's title:
// "urn:sciatica:rules:sciatica-triage-and-self-care". The code systems of
// urgencies, red flags, causes and options are this URL with ":urgency",
// ":red-flag", ":cause" and ":option:QUESTION" after it.
std::string questionnaire_url(const RuleSet &rules);

// The Questionnaire: one item per question, in the rule set's order, with
// `enableWhen` from its `ask_when`, the unit and the bounds as the standard
// extensions, and answer options for a choice. Throws Error(data) naming the
// question when an `ask_when` has no flat `enableWhen` (a nested all/any).
nlohmann::ordered_json fhir_questionnaire(const RuleSet &rules);

struct FhirCheck {
    std::string authored;     // ISO 8601; "" leaves `authored` out
    std::string subject;      // a reference ("Patient/123"); "" is anonymous
    std::string tool_version; // the program's version, in the RiskAssessment's method
    // Makes the Bundle's ids (name-based UUIDs, never random): a saved
    // check's id and time, so that two saved checks never share one. The
    // answers are always part of it.
    std::string id_seed;
    // The Bundle's `identifier` value (batch's case_id); "" for none.
    std::string identifier;
};

// The Bundle (type "collection") of `result`: a QuestionnaireResponse of
// `given` (the person's own answers: unknown and not-applicable ones are
// absent) and a RiskAssessment whose `basis` is that response. No prediction
// has a probability: the rule set has none.
nlohmann::ordered_json fhir_bundle(const Result &result, const Answers &given,
                                   const FhirCheck &check);

// An OperationOutcome of one error: what batch and history export give
// in place of a Bundle they cannot make. `message` must be valid UTF-8.
nlohmann::ordered_json fhir_outcome(const std::string &message);

// Whether `reference` is one `--subject` may give: a relative reference
// ("Patient/123"), an absolute URL or a URN, of printable ASCII without
// spaces. The message of the Error(usage) it throws otherwise names it.
void check_subject_reference(const std::string &reference);

} // namespace sciatica
