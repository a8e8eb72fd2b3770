#include "lib/engine.hpp"
#include "lib/result_json.hpp"
#include "support.hpp"
#include "tests/result_oracle.hpp"

#include <catch2/catch.hpp>

using namespace sciatica;
using sciatica::test::answers_of;
using sciatica::test::result_to_json;
using sciatica::test::small_rules;

namespace {

std::vector<std::string> cause_ids(const Result &result) {
    std::vector<std::string> ids;
    for (const auto &ranked : result.causes) {
        ids.push_back(ranked.cause->id);
    }
    return ids;
}

std::vector<std::string> technique_ids(const Result &result) {
    std::vector<std::string> ids;
    for (const auto *technique : result.techniques) {
        ids.push_back(technique->id);
    }
    return ids;
}

std::vector<std::string> unanswered_ids(const Result &result) {
    std::vector<std::string> ids;
    for (int index : result.unanswered) {
        ids.push_back(result.rules->questions[static_cast<std::size_t>(index)].id);
    }
    return ids;
}

} // namespace

TEST_CASE("with no rule holding the urgency is the least severe level", "[engine]") {
    RuleSet rules = small_rules();
    Result result = evaluate(rules, answers_of(rules, {{"pain", "no"}, {"age", "30"}}));
    CHECK(result.urgency_level().id == "self-care");
    CHECK(result.red_flags.empty());
}

TEST_CASE("a red flag that holds sets its urgency and says why", "[engine]") {
    RuleSet rules = small_rules();
    Result result = evaluate(rules, answers_of(rules, {{"pain", "yes"}, {"numb", "yes"}}));
    CHECK(result.urgency_level().id == "emergency");
    REQUIRE(result.red_flags.size() == 1);
    CHECK(result.red_flags[0].rule->id == "alarm");
    CHECK(result.red_flags[0].because.size() == 2);
}

TEST_CASE("the most severe of several rules wins", "[engine]") {
    RuleSet rules = small_rules();
    Result result =
        evaluate(rules, answers_of(rules, {{"pain", "yes"}, {"numb", "yes"}, {"age", "70"}}));
    CHECK(result.urgency_level().id == "emergency");
    CHECK(result.urgency_rules.size() == 1);
}

TEST_CASE("no technique is offered at a level without self-care", "[engine]") {
    RuleSet rules = small_rules();
    Result result = evaluate(rules, answers_of(rules, {{"pain", "yes"}, {"numb", "yes"}}));
    CHECK(result.techniques.empty());
}

TEST_CASE("a technique is withheld at the levels it lists in not_at", "[engine]") {
    RuleSet rules = small_rules();
    CHECK(technique_ids(evaluate(rules, answers_of(rules, {{"age", "70"}}))) ==
          std::vector<std::string>{"walk"});
    CHECK(technique_ids(evaluate(rules, answers_of(rules, {{"age", "20"}}))) ==
          std::vector<std::string>{"rub", "walk"});
}

TEST_CASE("causes are ranked by score and a cause needs a supporting answer", "[engine]") {
    RuleSet rules = small_rules();
    CHECK(cause_ids(evaluate(rules, answers_of(rules, {{"numb", "yes"}}))) ==
          std::vector<std::string>{"b"});
    CHECK(cause_ids(evaluate(rules, answers_of(rules, {{"age", "30"}}))).empty());
}

TEST_CASE("a finding against a cause can remove it from the list", "[engine]") {
    RuleSet rules = small_rules();
    CHECK(cause_ids(evaluate(rules, answers_of(rules, {{"numb", "yes"}, {"pain", "yes"}}))) ==
          std::vector<std::string>{"a"});
}

TEST_CASE("unanswered lists only questions that could raise the urgency", "[engine]") {
    RuleSet rules = small_rules();
    CHECK(unanswered_ids(evaluate(rules, answers_of(rules, {{"pain", "yes"}}))) ==
          std::vector<std::string>{"numb", "age"});
    // With pain = no the red flag cannot hold, so numb no longer matters.
    CHECK(unanswered_ids(evaluate(rules, answers_of(rules, {{"pain", "no"}}))) ==
          std::vector<std::string>{"age"});
    // At emergency nothing can raise it further.
    CHECK(unanswered_ids(evaluate(rules, answers_of(rules, {{"pain", "yes"}, {"numb", "yes"}})))
              .empty());
}

TEST_CASE("the same answers always give the same JSON", "[engine]") {
    RuleSet rules = small_rules();
    Answers answers = answers_of(rules, {{"pain", "yes"}, {"side", "left"}});
    CHECK(result_to_json(evaluate(rules, answers)).dump() ==
          result_to_json(evaluate(rules, answers)).dump());
}

TEST_CASE("the JSON result carries the contract's members", "[engine]") {
    RuleSet rules = small_rules();
    auto json = result_to_json(evaluate(rules, answers_of(rules, {{"pain", "yes"}})));
    CHECK(json["schema_version"] == 1);
    CHECK(json["urgency"] == "self-care");
    CHECK(json["notice"] == "See your practitioner.");
    CHECK(json["causes"][0]["id"] == "a");
    CHECK(json["causes"][0]["because"][0]["question"] == "pain");
    CHECK(json["causes"][0]["because"][0]["answer"] == true);
    CHECK(json["unanswered"] == nlohmann::ordered_json({"numb", "age"}));
}

TEST_CASE("the default rule set never offers techniques at emergency or urgent", "[engine]") {
    const RuleSet &rules = default_rules();
    for (const auto &level : rules.urgencies) {
        if (level.id == "emergency" || level.id == "urgent") {
            CHECK_FALSE(level.self_care);
        }
    }
}
