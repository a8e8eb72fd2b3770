#include "lib/fhir.hpp"

#include "lib/answers.hpp"
#include "lib/error.hpp"
#include "lib/fhir_values.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <utility>

namespace sciatica {

namespace {

using Json = nlohmann::ordered_json;

const char *const k_unit_extension = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
const char *const k_min_extension = "http://hl7.org/fhir/StructureDefinition/minValue";
const char *const k_max_extension = "http://hl7.org/fhir/StructureDefinition/maxValue";
const char *const k_item_control_extension =
    "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
const char *const k_item_control_system = "http://hl7.org/fhir/questionnaire-item-control";
const char *const k_ucum = "http://unitsofmeasure.org";

// The UCUM code of each of duration_units()' names.
const char *ucum_code(const std::string &unit) {
    if (unit == "days") {
        return "d";
    }
    if (unit == "weeks") {
        return "wk";
    }
    if (unit == "months") {
        return "mo";
    }
    if (unit == "years") {
        return "a";
    }
    return nullptr;
}

const char *item_type(QuestionType type) {
    switch (type) {
    case QuestionType::yes_no:
        return "boolean";
    case QuestionType::integer:
        return "integer";
    case QuestionType::number:
        return "decimal";
    case QuestionType::choice:
        return "choice";
    }
    return "string";
}

Json number_json(QuestionType type, double value) {
    if (type == QuestionType::integer && fhir_is_whole(value)) {
        return static_cast<long long>(value);
    }
    return value;
}

Json bound_extension(const char *url, const Question &question, double value) {
    Json out = {{"url", url}};
    out[question.type == QuestionType::integer && fhir_is_whole(value) ? "valueInteger"
                                                                   : "valueDecimal"] =
        number_json(question.type, value);
    return out;
}

Json extensions(const Question &question) {
    Json out = Json::array();
    if (const char *code = ucum_code(question.unit)) {
        out.push_back({{"url", k_unit_extension},
                       {"valueCoding", {{"system", k_ucum}, {"code", code}, {"display", question.unit}}}});
    }
    if (question.min) {
        out.push_back(bound_extension(k_min_extension, question, *question.min));
    }
    if (question.max) {
        out.push_back(bound_extension(k_max_extension, question, *question.max));
    }
    return out;
}

// The question's help as the standard child "display" item shown on request.
Json help_item(const Question &question) {
    Json control = {{"url", k_item_control_extension},
                    {"valueCodeableConcept",
                     {{"coding", Json::array({{{"system", k_item_control_system},
                                               {"code", "help"},
                                               {"display", "Help-Button"}}})}}}};
    return {{"extension", Json::array({std::move(control)})},
            {"linkId", question.id + ".help"},
            {"text", question.help},
            {"type", "display"}};
}

Json questionnaire_item(const RuleSet &rules, const Question &question) {
    Json item = Json::object();
    Json extension = extensions(question);
    if (!extension.empty()) {
        item["extension"] = std::move(extension);
    }
    item["linkId"] = question.id;
    item["text"] = question.prompt;
    item["type"] = item_type(question.type);
    if (question.ask_when) {
        auto flat = fhir_enable_when(rules, *question.ask_when);
        if (!flat) {
            throw Error(ErrorKind::data,
                        "line " + std::to_string(question.ask_when->mark.line) + ": question '" +
                            question.id +
                            "': its ask_when has no FHIR enableWhen (only one comparison, or an "
                            "all or any of comparisons, has one)");
        }
        item["enableWhen"] = flat->conditions;
        if (flat->conditions.size() > 1) {
            item["enableBehavior"] = flat->behavior;
        }
    }
    if (question.type == QuestionType::choice) {
        Json options = Json::array();
        for (const auto &option : question.options) {
            options.push_back(
                {{"valueCoding", {{"system", fhir_option_system(rules, question)}, {"code", option}}}});
        }
        item["answerOption"] = std::move(options);
    }
    if (!question.help.empty()) {
        item["item"] = Json::array({help_item(question)});
    }
    return item;
}

// 64-bit FNV-1a of `text` from `basis`.
std::uint64_t fnv1a(const std::string &text, std::uint64_t basis) {
    std::uint64_t hash = basis;
    for (const char byte : text) {
        const auto c = static_cast<unsigned char>(byte);
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

// A name-based UUID (version 8, RFC 9562) of `name`: the same name, the same id.
std::string name_uuid(const std::string &name) {
    std::uint64_t high = fnv1a(name, 0xcbf29ce484222325ULL);
    std::uint64_t low = fnv1a(name, 0x84222325cbf29ce4ULL ^ high);
    high = (high & ~0xf000ULL) | 0x8000ULL;
    low = (low & ~(0xc000ULL << 48)) | (0x8000ULL << 48);
    char text[40];
    std::snprintf(text, sizeof text, "%08llx-%04llx-%04llx-%04llx-%012llx",
                  static_cast<unsigned long long>(high >> 32),
                  static_cast<unsigned long long>((high >> 16) & 0xffff),
                  static_cast<unsigned long long>(high & 0xffff),
                  static_cast<unsigned long long>(low >> 48),
                  static_cast<unsigned long long>(low & 0xffffffffffffULL));
    return std::string("urn:uuid:") + text;
}

Json subject_json(const std::string &subject) {
    if (subject.empty()) {
        return {{"display", "anonymous"}};
    }
    return {{"reference", subject}};
}

Json response_items(const RuleSet &rules, const Answers &given) {
    Json items = Json::array();
    for (std::size_t i = 0; i < rules.questions.size() && i < given.size(); ++i) {
        if (!given[i] || is_not_applicable(given[i])) {
            continue;
        }
        const Question &question = rules.questions[i];
        auto typed = fhir_value(rules, question, *given[i], "value");
        Json answer = Json::object();
        answer[typed.first] = std::move(typed.second);
        items.push_back({{"linkId", question.id},
                         {"text", question.prompt},
                         {"answer", Json::array({std::move(answer)})}});
    }
    return items;
}

Json coding(const std::string &system, const std::string &code, const std::string &display) {
    return {{"coding", Json::array({{{"system", system}, {"code", code}, {"display", display}}})},
            {"text", display}};
}

// `text`, then the statements of the answers behind it in brackets.
std::string rationale(const Result &result, const std::string &text,
                      const std::vector<int> &because) {
    std::string statements;
    for (int index : because) {
        const auto &answer = result.answers[static_cast<std::size_t>(index)];
        if (!answer || is_not_applicable(answer)) {
            continue;
        }
        statements += (statements.empty() ? "" : "; ") +
                      answer_statement(result.rules->questions[static_cast<std::size_t>(index)],
                                       *answer);
    }
    return statements.empty() ? text : text + " (" + statements + ")";
}

Json urgency_concept(const RuleSet &rules, int urgency) {
    const UrgencyLevel &level = rules.urgencies[static_cast<std::size_t>(urgency)];
    return coding(questionnaire_url(rules) + ":urgency", level.id, level.name);
}

// A prediction of `outcome`, with its `rationale` unless that is empty.
Json prediction(Json outcome, std::optional<Json> risk, const std::string &rationale_text) {
    Json out = {{"outcome", std::move(outcome)}};
    if (risk) {
        out["qualitativeRisk"] = std::move(*risk);
    }
    if (!rationale_text.empty()) {
        out["rationale"] = rationale_text;
    }
    return out;
}

Json predictions(const Result &result) {
    const RuleSet &rules = *result.rules;
    std::string url = questionnaire_url(rules);
    Json out = Json::array();
    out.push_back(prediction(urgency_concept(rules, result.urgency),
                             urgency_concept(rules, result.urgency), result.urgency_level().advice));
    auto add_rules = [&](const std::vector<FiredRule> &fired, const std::string &system) {
        for (const auto &rule : fired) {
            out.push_back(prediction(coding(system, rule.rule->id, rule.rule->name),
                                     urgency_concept(rules, rule.rule->urgency),
                                     rationale(result, rule.rule->advice, rule.because)));
        }
    };
    add_rules(result.red_flags, url + ":red-flag");
    add_rules(result.urgency_rules, url + ":urgency-rule");
    for (const auto &cause : result.causes) {
        out.push_back(prediction(coding(url + ":cause", cause.cause->id, cause.cause->name),
                                 std::nullopt,
                                 rationale(result, cause.cause->summary, cause.because)));
    }
    return out;
}

// The answers given, as one text: part of every id's name.
std::string answers_key(const RuleSet &rules, const Answers &given) {
    std::string key;
    for (std::size_t i = 0; i < rules.questions.size() && i < given.size(); ++i) {
        if (given[i] && !is_not_applicable(given[i])) {
            key += rules.questions[i].id + "=" + answer_text(rules.questions[i], *given[i]) + ";";
        }
    }
    return key;
}

} // namespace

std::string questionnaire_url(const RuleSet &rules) {
    std::string slug;
    for (const char byte : rules.title) {
        const auto c = static_cast<unsigned char>(byte);
        if (std::isalnum(c) != 0 && c < 0x80) {
            slug += static_cast<char>(std::tolower(c));
        } else if (!slug.empty() && slug.back() != '-') {
            slug += '-';
        }
    }
    while (!slug.empty() && slug.back() == '-') {
        slug.pop_back();
    }
    return "urn:sciatica:rules:" + (slug.empty() ? std::string("untitled") : slug);
}

nlohmann::ordered_json fhir_questionnaire(const RuleSet &rules) {
    Json items = Json::array();
    for (const auto &question : rules.questions) {
        items.push_back(questionnaire_item(rules, question));
    }
    Json out = {{"resourceType", "Questionnaire"}, {"url", questionnaire_url(rules)}};
    // FHIR has no empty strings: what the rule set leaves out stays out.
    if (!rules.version.empty()) {
        out["version"] = rules.version;
    }
    if (!rules.title.empty()) {
        out["title"] = rules.title;
    }
    out["status"] = "active";
    out["subjectType"] = Json::array({"Patient"});
    if (!rules.notice.empty()) {
        out["description"] = rules.notice;
    }
    out["item"] = std::move(items);
    return out;
}

nlohmann::ordered_json fhir_bundle(const Result &result, const Answers &given,
                                   const FhirCheck &check) {
    const RuleSet &rules = *result.rules;
    std::string name = check.id_seed + "|" + check.identifier + "|" + rules.version + "|" + answers_key(rules, given);
    std::string response_id = name_uuid(name + "|response");
    std::string risk_id = name_uuid(name + "|risk");

    Json response = {{"resourceType", "QuestionnaireResponse"},
                     {"questionnaire", questionnaire_url(rules) +
                                          (rules.version.empty() ? "" : "|" + rules.version)},
                     {"status", "completed"},
                     {"subject", subject_json(check.subject)}};
    if (!check.authored.empty()) {
        response["authored"] = check.authored;
    }
    response["item"] = response_items(rules, given);

    Json risk = {{"resourceType", "RiskAssessment"},
                 {"status", "final"},
                 {"method", {{"text", "sciatica " + check.tool_version + ", rules " + rules.title +
                                          " " + rules.version}}},
                 {"subject", subject_json(check.subject)}};
    risk["basis"] = Json::array({{{"reference", response_id}}});
    risk["prediction"] = predictions(result);
    if (!rules.notice.empty()) {
        risk["note"] = Json::array({{{"text", rules.notice}}});
    }

    Json bundle = {{"resourceType", "Bundle"}};
    if (!check.identifier.empty()) {
        bundle["identifier"] = {{"system", "urn:sciatica:case-id"}, {"value", check.identifier}};
    }
    bundle["type"] = "collection";
    bundle["entry"] = Json::array({{{"fullUrl", response_id}, {"resource", std::move(response)}},
                                   {{"fullUrl", risk_id}, {"resource", std::move(risk)}}});
    return bundle;
}

nlohmann::ordered_json fhir_outcome(const std::string &message) {
    return {{"resourceType", "OperationOutcome"},
            {"issue", Json::array({{{"severity", "error"},
                                    {"code", "invalid"},
                                    {"diagnostics", message}}})}};
}

void check_subject_reference(const std::string &reference) {
    auto refuse = [&reference] {
        std::string shown = reference.size() > 80 ? reference.substr(0, 80) + "..." : reference;
        throw Error(ErrorKind::usage, "'" + shown +
                                          "' is not a FHIR reference: expected one such as "
                                          "Patient/123, an absolute URL or a urn:");
    };
    if (reference.empty() || reference.size() > 1000) {
        refuse();
    }
    for (const char byte : reference) {
        const auto c = static_cast<unsigned char>(byte);
        if (c <= 0x20 || c >= 0x7f) {
            refuse();
        }
    }
    if (reference.rfind("http://", 0) == 0 || reference.rfind("https://", 0) == 0 ||
        reference.rfind("urn:", 0) == 0) {
        return;
    }
    // Type/id: a resource type (an upper-case letter, then letters) and an id
    // of 1 to 64 letters, digits, '-' and '.'.
    auto slash = reference.find('/');
    if (slash == std::string::npos || slash == 0 || std::isupper(reference[0]) == 0) {
        refuse();
    }
    for (std::size_t i = 0; i < slash; ++i) {
        if (std::isalpha(static_cast<unsigned char>(reference[i])) == 0) {
            refuse();
        }
    }
    std::string id = reference.substr(slash + 1);
    if (id.empty() || id.size() > 64) {
        refuse();
    }
    for (const char byte : id) {
        const auto c = static_cast<unsigned char>(byte);
        if (std::isalnum(c) == 0 && c != '-' && c != '.') {
            refuse();
        }
    }
}

} // namespace sciatica
