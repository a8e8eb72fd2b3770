#include "lib/fhir.hpp"

#include "lib/engine.hpp"
#include "lib/error.hpp"
#include "lib/loader.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace sciatica;
using sciatica::test::answers_of;
using sciatica::test::small_rules;
using sciatica::test::small_rules_with;
using Json = nlohmann::ordered_json;

namespace {

const Json &item_of(const Json &questionnaire, const std::string &link_id) {
    for (const auto &item : questionnaire["item"]) {
        if (item["linkId"] == link_id) {
            return item;
        }
    }
    throw std::logic_error("no item " + link_id);
}

// The small rule set with `line` added to its questions.
RuleSet rules_with_question(const std::string &line) {
    return load_rules(small_rules_with("  - {id: side, type: choice, options: [left, right, both], "
                                       "prompt: Side}\n",
                                       "  - {id: side, type: choice, options: [left, right, both], "
                                       "prompt: Side}\n" +
                                           line),
                      "small.yaml");
}

Json bundle_of(const RuleSet &rules, const std::vector<std::pair<std::string, std::string>> &pairs,
               const FhirCheck &check = {}) {
    Answers given = answers_of(rules, pairs);
    Result result = evaluate(rules, given);
    return fhir_bundle(result, own_answers(result), check);
}

const Json &resource(const Json &bundle, const char *type) {
    for (const auto &entry : bundle["entry"]) {
        if (entry["resource"]["resourceType"] == type) {
            return entry["resource"];
        }
    }
    throw std::logic_error(std::string("no ") + type);
}

} // namespace

TEST_CASE("a choice's set under all becomes != for each option outside it", "[fhir]") {
    RuleSet rules = rules_with_question(
        "  - {id: extra, type: yes_no, prompt: Extra, ask_when: {all: [{q: age, ge: 12}, "
        "{q: side, in: [left, both]}]}}\n");
    Json item = item_of(fhir_questionnaire(rules), "extra");
    CHECK(item["enableBehavior"] == "all");
    CHECK(item["enableWhen"].dump() ==
          R"([{"question":"age","operator":">=","answerInteger":12},)"
          R"({"question":"side","operator":"!=","answerCoding":{"system":"urn:sciatica:rules:untitled:option:side","code":"right"}}])");
}

TEST_CASE("a set under any becomes one = for each of its values", "[fhir]") {
    RuleSet rules = rules_with_question(
        "  - {id: extra, type: yes_no, prompt: Extra, ask_when: {any: [{q: pain, eq: true}, "
        "{q: side, in: [left, both]}]}}\n");
    Json item = item_of(fhir_questionnaire(rules), "extra");
    CHECK(item["enableBehavior"] == "any");
    REQUIRE(item["enableWhen"].size() == 3);
    CHECK(item["enableWhen"][0].dump() ==
          R"({"question":"pain","operator":"=","answerBoolean":true})");
    CHECK(item["enableWhen"][2]["answerCoding"]["code"] == "both");
}

TEST_CASE("a not over an any becomes all of the negated comparisons", "[fhir]") {
    RuleSet rules = rules_with_question(
        "  - {id: extra, type: yes_no, prompt: Extra, ask_when: {not: {any: [{q: pain, eq: "
        "true}, {q: age, lt: 18}]}}}\n");
    Json item = item_of(fhir_questionnaire(rules), "extra");
    CHECK(item["enableBehavior"] == "all");
    CHECK(item["enableWhen"].dump() ==
          R"([{"question":"pain","operator":"!=","answerBoolean":true},)"
          R"({"question":"age","operator":">=","answerInteger":18}])");
}

TEST_CASE("an ask_when with an all inside an any has no enableWhen and names its question",
          "[fhir]") {
    RuleSet rules = rules_with_question(
        "  - id: extra\n    type: yes_no\n    prompt: Extra\n    ask_when:\n      any:\n"
        "        - {q: pain, eq: true}\n        - {all: [{q: numb, eq: true}, {q: age, ge: 50}]}\n");
    try {
        fhir_questionnaire(rules);
        FAIL("no error");
    } catch (const Error &e) {
        CHECK(e.kind() == ErrorKind::data);
        CHECK(std::string(e.what()) ==
              "line 16: question 'extra': its ask_when has no FHIR enableWhen (only one "
              "comparison, or an all or any of comparisons, has one)");
    }
}

TEST_CASE("integer bounds become minValue and maxValue integers", "[fhir]") {
    Json item = item_of(fhir_questionnaire(small_rules()), "age");
    CHECK(item["type"] == "integer");
    CHECK(item["extension"].dump() ==
          R"([{"url":"http://hl7.org/fhir/StructureDefinition/minValue","valueInteger":0},)"
          R"({"url":"http://hl7.org/fhir/StructureDefinition/maxValue","valueInteger":120}])");
}

TEST_CASE("a unit becomes the questionnaire-unit extension in UCUM", "[fhir]") {
    RuleSet rules = rules_with_question(
        "  - {id: weeks, type: number, min: 0, unit: weeks, prompt: Weeks}\n");
    Json item = item_of(fhir_questionnaire(rules), "weeks");
    CHECK(item["type"] == "decimal");
    CHECK(item["extension"][0].dump() ==
          R"({"url":"http://hl7.org/fhir/StructureDefinition/questionnaire-unit",)"
          R"("valueCoding":{"system":"http://unitsofmeasure.org","code":"wk","display":"weeks"}})");
    CHECK(item["extension"][1]["valueDecimal"] == 0.0);
}

TEST_CASE("a choice's options become answer options of its code system", "[fhir]") {
    Json item = item_of(fhir_questionnaire(small_rules()), "side");
    CHECK(item["type"] == "choice");
    CHECK(item["answerOption"].size() == 3);
    CHECK(item["answerOption"][1].dump() ==
          R"({"valueCoding":{"system":"urn:sciatica:rules:untitled:option:side","code":"right"}})");
}

TEST_CASE("the canonical URL is made from the rule set's title", "[fhir]") {
    RuleSet rules = small_rules();
    rules.title = "Sciatica triage & self-care!";
    CHECK(questionnaire_url(rules) == "urn:sciatica:rules:sciatica-triage-self-care");
}

TEST_CASE("a response holds only the answers given: an unknown stays absent", "[fhir]") {
    RuleSet rules = small_rules();
    Json bundle = bundle_of(rules, {{"pain", "yes"}, {"age", "61"}, {"side", "left"}});
    const Json &response = resource(bundle, "QuestionnaireResponse");
    REQUIRE(response["item"].size() == 3);
    CHECK(response["item"][0].dump() ==
          R"({"linkId":"pain","text":"Pain","answer":[{"valueBoolean":true}]})");
    CHECK(response["item"][1]["answer"][0].dump() == R"({"valueInteger":61})");
    CHECK(response["item"][2]["answer"][0]["valueCoding"]["code"] == "left");
}

TEST_CASE("the same answers give byte-identical Bundles", "[fhir]") {
    RuleSet rules = small_rules();
    FhirCheck check;
    check.tool_version = "1.2.3";
    CHECK(bundle_of(rules, {{"pain", "yes"}}, check).dump() ==
          bundle_of(rules, {{"pain", "yes"}}, check).dump());
    CHECK(bundle_of(rules, {{"pain", "yes"}}, check)["entry"][0]["fullUrl"] !=
          bundle_of(rules, {{"pain", "no"}}, check)["entry"][0]["fullUrl"]);
}

TEST_CASE("the risk assessment's basis is the response and no prediction has a probability",
          "[fhir]") {
    RuleSet rules = small_rules();
    Json bundle = bundle_of(rules, {{"pain", "yes"}, {"numb", "yes"}});
    const Json &risk = resource(bundle, "RiskAssessment");
    CHECK(risk["basis"][0]["reference"] == bundle["entry"][0]["fullUrl"]);
    REQUIRE(risk["prediction"].size() >= 2);
    CHECK(risk["prediction"][0]["qualitativeRisk"]["coding"][0]["code"] == "emergency");
    CHECK(risk["prediction"][1]["outcome"]["coding"][0]["code"] == "alarm");
    CHECK(risk["prediction"][1]["rationale"] == "Go. (Pain Yes; Numb Yes)");
    for (const auto &prediction : risk["prediction"]) {
        CHECK_FALSE(prediction.contains("probabilityDecimal"));
        CHECK_FALSE(prediction.contains("probabilityRange"));
    }
}

TEST_CASE("the subject is anonymous unless a reference is given", "[fhir]") {
    RuleSet rules = small_rules();
    CHECK(resource(bundle_of(rules, {}), "RiskAssessment")["subject"].dump() ==
          R"({"display":"anonymous"})");
    FhirCheck check;
    check.subject = "Patient/123";
    CHECK(resource(bundle_of(rules, {}, check), "QuestionnaireResponse")["subject"].dump() ==
          R"({"reference":"Patient/123"})");
}

TEST_CASE("a subject reference with a space or no resource type is refused", "[fhir]") {
    CHECK_NOTHROW(check_subject_reference("Patient/123"));
    CHECK_NOTHROW(check_subject_reference("urn:uuid:0b7a0d6e-7f5e-4c55-9a52-0c1d0d0e0f10"));
    CHECK_THROWS_WITH(check_subject_reference("Patient/1 2"),
                      "'Patient/1 2' is not a FHIR reference: expected one such as Patient/123, "
                      "an absolute URL or a urn:");
    CHECK_THROWS_AS(check_subject_reference("123"), Error);
    CHECK_THROWS_AS(check_subject_reference(""), Error);
}

TEST_CASE("a batch case id becomes the Bundle's identifier", "[fhir]") {
    FhirCheck check;
    check.identifier = "case-7";
    Json bundle = bundle_of(small_rules(), {}, check);
    CHECK(bundle["identifier"].dump() == R"({"system":"urn:sciatica:case-id","value":"case-7"})");
}
