#pragma once

#include "lib/rules.hpp"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace sciatica {

// The education commands' content (causes, techniques, treatments,
// questions), looked up and shaped as JSON straight from the rule set. Every
// document has "schema_version" first and the practitioner "notice" last;
// the shapes are part of the tool's contract (see README).

inline constexpr int k_catalog_schema_version = 1;

// The cause or technique with `id`. Throws Error(usage) naming the id, with
// the nearest known id when there is one:
// "unknown cause 'disc' (did you mean 'herniated-disc'?); 'sciatica causes' lists them".
// `id` may be an id or a name, in any case, with spaces for hyphens:
// "Trauma", "spinal stenosis" and "Spinal stenosis" all find spinal-stenosis.
const Cause &find_cause(const RuleSet &rules, const std::string &id);
const Technique &find_technique(const RuleSet &rules, const std::string &id);

// The cause or, failing that, the red flag or urgency rule that `id` names
// (as find_cause matches); the other is null. Throws Error(usage) naming the
// nearest cause or rule id when neither matches.
struct Explained {
    const Cause *cause = nullptr;
    const UrgencyRule *rule = nullptr;
};
Explained find_explained(const RuleSet &rules, const std::string &id);

// A red flag or urgency rule in the shape of cause_json: its urgency's name
// as the summary, its advice as the description, no signs or diagnosis.
nlohmann::ordered_json rule_json(const RuleSet &rules, const UrgencyRule &rule);

// {"schema_version", "causes": [{id, name, summary, usual_urgency}], "notice"}
nlohmann::ordered_json causes_json(const RuleSet &rules);

// {"schema_version", id, name, summary, description, signs, diagnosis,
//  usual_urgency, source, "notice"}
nlohmann::ordered_json cause_json(const RuleSet &rules, const Cause &cause);

// {"schema_version", "techniques": [{id, name, summary, steps, cautions,
//  equipment, not_at, source}], "equipment": [{id, name, description,
//  how_to_use, source}], "notice"}: every technique and every item of
// equipment, or, when `only` is not null, that technique and the equipment
// it uses. A technique's "equipment" holds the names of what it uses.
nlohmann::ordered_json techniques_json(const RuleSet &rules, const Technique *only = nullptr);

// The equipment `only` uses, in the rule set's order; every item when
// `only` is null.
std::vector<const Equipment *> equipment_of(const RuleSet &rules, const Technique *only);

// {"schema_version", "treatments": [{id, name, description, source}], "notice"}
nlohmann::ordered_json treatments_json(const RuleSet &rules);

// The rule set's `about` section. Throws Error(data) when it has none.
const About &find_about(const RuleSet &rules);

// {"schema_version", name, what_it_is, nerve_path, symptoms, diagnosis,
//  "get_help_now": [{advice, signs}], source, "notice"}. Throws as
// find_about does.
nlohmann::ordered_json about_json(const RuleSet &rules);

// {"schema_version", "questions": [{id, type, prompt, help, min?, max?,
//  options?, unit?, ask_when?}], "notice"}: min, max, unit and ask_when only
// where set, options only for choices; ask_when as the rule format writes a
// condition ({q, eq: value}, {all: [...]}, {any: [...]}, {not: ...}).
nlohmann::ordered_json questions_json(const RuleSet &rules);

} // namespace sciatica
