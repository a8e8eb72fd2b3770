#include "lib/engine.hpp"
#include "lib/history_changes.hpp"
#include "lib/loader.hpp"
#include "lib/result_json.hpp"
#include "support.hpp"
#include "tests/result_oracle.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace sciatica;
using sciatica::test::answers_of;
using sciatica::test::first_error;
using sciatica::test::result_to_json;
using sciatica::test::small_rules_with;

namespace {

std::string written(const Result &result) {
    std::string out;
    ResultWriter(*result.rules).append(result, out);
    return out;
}

PreviousCheck previous(const RuleSet &rules,
                       const std::vector<std::pair<std::string, std::string>> &pairs) {
    return {answers_of(rules, pairs), "2026-11-20T09:00:00+01:00"};
}

bool has_flag(const Result &result, const std::string &id) {
    for (const auto &hit : result.red_flags) {
        if (hit.rule->id == id) {
            return true;
        }
    }
    return false;
}

} // namespace

TEST_CASE("weakness absent before and present now is progressive weakness", "[changes]") {
    const RuleSet &rules = default_rules();
    PreviousCheck before = previous(rules, {{"leg_weakness", "no"}});
    Result result = evaluate(rules, answers_of(rules, {{"leg_weakness", "yes"}}), &before);
    REQUIRE(result.changes.size() == 1);
    CHECK(rules.questions[static_cast<std::size_t>(result.changes[0].question)].id ==
          "leg_weakness");
    CHECK(result.changes[0].before == 0.0);
    CHECK(result.changes[0].after == 1.0);
    CHECK(result.changes[0].since == "2026-11-20T09:00:00+01:00");
    REQUIRE(has_flag(result, "progressive-weakness"));
    CHECK(result.urgency_level().id == "emergency");
    std::string json = written(result);
    CHECK(json.find("{\"question\":\"leg_weakness\",\"answer\":true}") != std::string::npos);
    CHECK(json.find("\"changes\":[{\"question\":\"leg_weakness\",\"before\":false,\"after\":true,"
                    "\"since\":\"2026-11-20T09:00:00+01:00\"}]") != std::string::npos);
}

TEST_CASE("new weakness outranks a 'not getting worse' answered today", "[changes]") {
    const RuleSet &rules = default_rules();
    PreviousCheck before = previous(rules, {{"leg_weakness", "no"}});
    Result result = evaluate(
        rules, answers_of(rules, {{"leg_weakness", "yes"}, {"weakness_getting_worse", "no"}}),
        &before);
    CHECK(has_flag(result, "progressive-weakness"));
}

TEST_CASE("weakness unknown before is no change", "[changes]") {
    const RuleSet &rules = default_rules();
    PreviousCheck before = previous(rules, {});
    Result result = evaluate(rules, answers_of(rules, {{"leg_weakness", "yes"}}), &before);
    CHECK(result.changes.empty());
    CHECK_FALSE(has_flag(result, "progressive-weakness"));
}

TEST_CASE("a pain score up by three is a change, up by two is not", "[changes]") {
    const RuleSet &rules = default_rules();
    PreviousCheck before = previous(rules, {{"pain_score", "4"}});
    CHECK(evaluate(rules, answers_of(rules, {{"pain_score", "7"}}), &before).changes.size() == 1);
    CHECK(evaluate(rules, answers_of(rules, {{"pain_score", "6"}}), &before).changes.empty());
}

TEST_CASE("no previous check gives the plain result", "[changes]") {
    const RuleSet &rules = default_rules();
    Answers answers = answers_of(rules, {{"leg_weakness", "yes"}, {"pain_score", "3"}});
    CHECK(written(evaluate(rules, answers, nullptr)) == written(evaluate(rules, answers)));
}

TEST_CASE("the same answers and history always give the same bytes, in both writers", "[changes]") {
    const RuleSet &rules = default_rules();
    PreviousCheck before =
        previous(rules, {{"leg_weakness", "no"}, {"pain_score", "2"}, {"saddle_numbness", "no"}});
    Answers answers = answers_of(
        rules, {{"leg_weakness", "yes"}, {"pain_score", "9"}, {"saddle_numbness", "yes"}});
    Result one = evaluate(rules, answers, &before);
    Result two = evaluate(rules, answers, &before);
    CHECK(written(one) == written(two));
    CHECK(written(one) == result_to_json(one).dump());
    CHECK(one.changes.size() == 3);
}

TEST_CASE("the result's answers leave unknown ones out, in rule-set order", "[changes]") {
    const RuleSet &rules = default_rules();
    Result result =
        evaluate(rules, answers_of(rules, {{"pain_side", "left"}, {"leg_pain", "yes"}}));
    CHECK(result_to_json(result)["answers"].dump() == "{\"leg_pain\":true,\"pain_side\":\"left\"}");
}

TEST_CASE("a watch of an unknown question names it", "[changes]") {
    std::string yaml = small_rules_with("techniques:", "history:\n  watch:\n    - {question: "
                                                       "nmub, change: became_yes}\ntechniques:");
    CHECK(first_error(yaml) ==
          "rules.yaml:39:18: error: unknown question 'nmub' (did you mean 'numb'?)");
}

TEST_CASE("became_yes watches only a yes/no question", "[changes]") {
    std::string yaml = small_rules_with(
        "techniques:",
        "history:\n  watch:\n    - {question: age, change: became_yes}\ntechniques:");
    CHECK(first_error(yaml) == "rules.yaml:39:18: error: 'became_yes' watches a yes_no question");
}
