#include "lib/engine.hpp"
#include "lib/loader.hpp"
#include "lib/result_json.hpp"
#include "lib/saved_answers.hpp"
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

TEST_CASE("stored answers keep unknown ones as null and read back", "[changes]") {
    const RuleSet &rules = default_rules();
    Answers answers = answers_of(rules, {{"age", "40"}, {"pain_side", "both"}});
    std::string json = answers_to_store_json(rules, answers);
    CHECK(json.find("\"age\":40") != std::string::npos);
    CHECK(json.find("\"leg_pain\":null") != std::string::npos);
    CHECK(answers_from_store_json(rules, json) == answers);
    // A question this rule set lacks, or a value it refuses, is left unknown.
    Answers odd = answers_from_store_json(rules, "{\"gone\":true,\"age\":500,\"fever\":true}");
    CHECK_FALSE(odd[static_cast<std::size_t>(rules.question_index("age"))]);
    CHECK(odd[static_cast<std::size_t>(rules.question_index("fever"))] == 1.0);
}

TEST_CASE("weeks of pain grow from the first check of the episode", "[changes]") {
    const RuleSet &rules = default_rules();
    auto saved = [&rules](const char *at, const char *weeks) {
        Answers answers = answers_of(rules, {});
        if (weeks != nullptr) {
            answers = answers_of(rules, {{"pain_duration_weeks", weeks}});
        }
        return SavedCheck{0, at, "1", answers_to_store_json(rules, answers), "{}"};
    };
    const long long now = *parse_iso_time("2026-03-15T00:00:00Z");
    // An old episode (more than 12 weeks before), then this one.
    std::vector<SavedCheck> checks = {saved("2025-06-01T00:00:00Z", "30"),
                                      saved("2026-03-01T00:00:00Z", "1"),
                                      saved("2026-03-08T00:00:00Z", nullptr)};
    CHECK(carried_duration(rules, checks, now) == 3.0);
    CHECK_FALSE(carried_duration(rules, {saved("2026-03-01T00:00:00Z", nullptr)}, now));
}

TEST_CASE("resuming forgets the answers that can change over days", "[changes]") {
    const RuleSet &rules = default_rules();
    Answers last = answers_of(rules, {{"age", "40"}, {"pain_score", "6"}, {"fever", "no"}});
    Answers resumed = resume_answers(rules, last);
    CHECK(resumed[static_cast<std::size_t>(rules.question_index("age"))] == 40.0);
    CHECK_FALSE(resumed[static_cast<std::size_t>(rules.question_index("pain_score"))]);
    CHECK_FALSE(resumed[static_cast<std::size_t>(rules.question_index("fever"))]);
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
