#include "lib/engine.hpp"
#include "lib/result_json.hpp"
#include "support.hpp"
#include "tests/result_oracle.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

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
    CHECK(technique_ids(evaluate(rules, answers_of(rules, {{"pain", "no"}, {"age", "70"}}))) ==
          std::vector<std::string>{"walk"});
    CHECK(technique_ids(evaluate(rules, answers_of(rules, {{"pain", "no"}, {"age", "20"}}))) ==
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

TEST_CASE("unanswered lists only questions that could change the urgency", "[engine]") {
    RuleSet rules = small_rules();
    // The red flag is not ruled out, so the urgency is already the
    // incomplete-screen level (soon): age cannot raise it, numb decides it.
    CHECK(unanswered_ids(evaluate(rules, answers_of(rules, {{"pain", "yes"}}))) ==
          std::vector<std::string>{"numb"});
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
    CHECK(json["urgency"] == "soon");
    CHECK(json["screen_complete"] == false);
    CHECK(json["not_ruled_out"] == nlohmann::ordered_json({"alarm"}));
    CHECK(json["notice"] == "See your practitioner.");
    CHECK(json["causes"][0]["id"] == "a");
    CHECK(json["causes"][0]["because"][0]["question"] == "pain");
    CHECK(json["causes"][0]["because"][0]["answer"] == true);
    CHECK(json["techniques"].empty());
    CHECK(json["unanswered"] == nlohmann::ordered_json({"numb"}));
}

TEST_CASE("the default rule set never offers techniques at emergency or urgent", "[engine]") {
    const RuleSet &rules = default_rules();
    for (const auto &level : rules.urgencies) {
        if (level.id == "emergency" || level.id == "urgent") {
            CHECK_FALSE(level.self_care);
        }
    }
}

// ---------------------------------------------------------------------------
// The warning-sign screen (issue 10): an unanswered warning sign never
// reassures.

namespace {

// The small rule set with a follow-up question, a rule with `unless` and a
// technique with its own exclusions.
RuleSet screen_rules() {
    std::string yaml = sciatica::test::small_rules_with(
        R"(  - {id: age, type: integer, min: 0, max: 120, prompt: Age})",
        R"(  - {id: age, type: integer, min: 0, max: 120, prompt: Age}
  - {id: weak, type: yes_no, prompt: Weak}
  - {id: worse, type: yes_no, prompt: Worse, ask_when: {q: weak, eq: true}}
  - {id: old_news, type: yes_no, prompt: Old news, ask_when: {q: numb, eq: true}})");
    yaml = sciatica::test::small_rules_with_in(
        yaml, R"(    when: {all: [{q: pain, eq: true}, {q: numb, eq: true}]}
    advice: Go.)",
        R"(    when: {all: [{q: pain, eq: true}, {q: numb, eq: true}]}
    unless: {q: old_news, eq: true}
    advice: Go.
    source: test
  - {id: worsening, name: Worsening, urgency: emergency, when: {q: worse, eq: true}, advice: Go.,
     source: test})");
    yaml = sciatica::test::small_rules_with_in(
        yaml, "  - {id: walk, name: Walk, summary: Walk, steps: [Walk]}",
        "  - {id: walk, name: Walk, summary: Walk, steps: [Walk], unless: {q: weak, eq: true}}\n"
        "  - {id: press, name: Press, summary: Press, steps: [Press], not_with_causes: [a]}");
    return load_rules(yaml, "screen.yaml");
}

std::vector<std::string> not_ruled_out_ids(const Result &result) {
    std::vector<std::string> ids;
    for (const auto *flag : result.not_ruled_out) {
        ids.push_back(flag->id);
    }
    return ids;
}

} // namespace

TEST_CASE("with nothing answered the screen is incomplete, not self-care, with no technique",
          "[engine][screen]") {
    RuleSet rules = small_rules();
    Result result = evaluate(rules, no_answers(rules));
    CHECK_FALSE(result.screen_complete);
    CHECK(not_ruled_out_ids(result) == std::vector<std::string>{"alarm"});
    CHECK(result.urgency_level().id == "soon");
    CHECK(result.techniques.empty());
    CHECK(unanswered_ids(result) == std::vector<std::string>{"pain", "numb"});
}

TEST_CASE("a red flag ruled out by one answer completes the screen", "[engine][screen]") {
    RuleSet rules = small_rules();
    Result result = evaluate(rules, answers_of(rules, {{"numb", "no"}}));
    CHECK(result.screen_complete);
    CHECK(result.not_ruled_out.empty());
    CHECK(result.urgency_level().id == "self-care");
}

TEST_CASE("a follow-up whose ask_when is false is not applicable, never not ruled out",
          "[engine][screen]") {
    RuleSet rules = screen_rules();
    Result result = evaluate(rules, answers_of(rules, {{"pain", "no"}, {"weak", "no"}}));
    CHECK(result.screen_complete);
    CHECK(unanswered_ids(result).empty() == false); // age could still raise it
    CHECK(std::find(result.unanswered.begin(), result.unanswered.end(),
                    rules.question_index("worse")) == result.unanswered.end());
    CHECK(result.urgency_level().id == "self-care");
}

TEST_CASE("a follow-up whose parent is unknown keeps its red flag open", "[engine][screen]") {
    RuleSet rules = screen_rules();
    Result result = evaluate(rules, answers_of(rules, {{"pain", "no"}}));
    CHECK(not_ruled_out_ids(result) == std::vector<std::string>{"worsening"});
    CHECK(result.urgency_level().id == "soon");
}

TEST_CASE("an answer given where its ask_when is false still counts, toward safety",
          "[engine][screen]") {
    RuleSet rules = screen_rules();
    Result result =
        evaluate(rules, answers_of(rules, {{"pain", "no"}, {"weak", "no"}, {"worse", "yes"}}));
    CHECK(result.urgency_level().id == "emergency");
    REQUIRE(result.red_flags.size() == 1);
    CHECK(result.red_flags[0].rule->id == "worsening");
}

TEST_CASE("an unknown unless never lifts a rule; a yes does", "[engine][screen]") {
    RuleSet rules = screen_rules();
    Answers base = answers_of(rules, {{"pain", "yes"}, {"numb", "yes"}, {"weak", "no"}});
    CHECK(evaluate(rules, base).urgency_level().id == "emergency");
    Answers lifted = base;
    lifted[static_cast<std::size_t>(rules.question_index("old_news"))] = 1;
    Result result = evaluate(rules, lifted);
    CHECK(result.red_flags.empty());
    CHECK(result.screen_complete);
}

TEST_CASE("a technique is withheld when its unless holds or a listed cause leads",
          "[engine][screen]") {
    RuleSet rules = screen_rules();
    // pain = yes makes cause a lead, which withholds `press`; weak = yes
    // withholds `walk`; numb = no and worse = no rule the red flags out.
    Result result = evaluate(
        rules,
        answers_of(rules, {{"pain", "yes"}, {"numb", "no"}, {"weak", "yes"}, {"worse", "no"}}));
    CHECK(result.screen_complete);
    CHECK(technique_ids(result) == std::vector<std::string>{"rub"});
    Result without = evaluate(
        rules, answers_of(rules, {{"pain", "no"}, {"numb", "no"}, {"weak", "no"}, {"age", "30"}}));
    CHECK(technique_ids(without) == std::vector<std::string>{"rub", "walk", "press"});
}

TEST_CASE("equal cause scores keep the rule set's clinical order", "[engine]") {
    RuleSet rules = load_rules(
        sciatica::test::small_rules_with("      - {when: {q: pain, eq: true}, weight: -5}",
                                         "      - {when: {q: side, eq: left}, weight: 3}"),
        "ties.yaml");
    // a: pain 2 + left 1 = 3; b: left 3 = 3. File order decides, every time.
    Result result = evaluate(rules, answers_of(rules, {{"pain", "yes"}, {"side", "left"}}));
    CHECK(cause_ids(result) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("the default rule set: nothing answered is never self-care", "[engine][screen]") {
    const RuleSet &rules = default_rules();
    Result result = evaluate(rules, no_answers(rules));
    CHECK_FALSE(result.screen_complete);
    CHECK(result.urgency_level().id != "self-care");
    CHECK(result.techniques.empty());
    CHECK(std::find(result.not_ruled_out.begin(), result.not_ruled_out.end(),
                    &rules.red_flags[static_cast<std::size_t>(0)]) != result.not_ruled_out.end());
}

TEST_CASE("the default rule set: a cancer history alone is urgent, with no technique",
          "[engine][screen]") {
    const RuleSet &rules = default_rules();
    Result result = evaluate(rules, answers_of(rules, {{"history_of_cancer", "yes"}}));
    CHECK(result.urgency_level().id == "urgent");
    CHECK(result.techniques.empty());
    REQUIRE_FALSE(result.causes.empty());
    CHECK(result.causes[0].cause->id == "spinal-tumor");
}

TEST_CASE("the default rule set: every red flag names its source", "[engine]") {
    for (const auto &flag : default_rules().red_flags) {
        INFO(flag.id);
        CHECK_FALSE(flag.source.empty());
    }
}

namespace {

// The small fixture with an implication: pain on the left implies numbness
// unless numbness was answered; `overrides` settles `old_news` against a
// pain of under two weeks whatever was said.
RuleSet implication_rules() {
    std::string yaml = sciatica::test::small_rules_with(
        R"(  - {id: side, type: choice, options: [left, right, both], prompt: Side})",
        R"(  - {id: side, type: choice, options: [left, right, both], prompt: Side}
  - {id: weeks, type: number, min: 0, max: 500, prompt: Weeks}
  - {id: old_news, type: yes_no, prompt: Old news})");
    yaml = sciatica::test::small_rules_with_in(yaml, "urgency_rules:", R"(implications:
  - id: left-means-numb
    when: {q: side, eq: left}
    implies: {q: numb, eq: true}
    source: test
  - id: new-pain-is-news
    when: {q: weeks, lt: 2}
    implies: {q: old_news, eq: false}
    overrides: true
    source: test
urgency_rules:)");
    return load_rules(yaml, "implied.yaml");
}

} // namespace

TEST_CASE("an implication answers an unanswered question and says which answer implied it",
          "[engine][implications]") {
    RuleSet rules = implication_rules();
    Result result = evaluate(rules, answers_of(rules, {{"pain", "yes"}, {"side", "left"}}));
    CHECK(result.urgency_level().id == "emergency");
    REQUIRE(result.red_flags.size() == 1);
    const auto &because = result.red_flags[0].because;
    CHECK(std::find(because.begin(), because.end(), rules.question_index("side")) !=
          because.end());
    REQUIRE(result.implied.size() == 1);
    CHECK(result.implied[0].question == rules.question_index("numb"));
    // What is saved is what the person said: numb stays unanswered.
    CHECK_FALSE(own_answers(result)[static_cast<std::size_t>(rules.question_index("numb"))]);
}

TEST_CASE("an implication never overrules an answer unless it says it overrides",
          "[engine][implications]") {
    RuleSet rules = implication_rules();
    Result kept =
        evaluate(rules, answers_of(rules, {{"pain", "yes"}, {"side", "left"}, {"numb", "no"}}));
    CHECK(kept.red_flags.empty());
    CHECK(kept.implied.empty());
    Answers said = answers_of(rules, {{"weeks", "1"}, {"old_news", "yes"}});
    Result overridden = evaluate(rules, said);
    REQUIRE(overridden.implied.size() == 1);
    CHECK(overridden.answers[static_cast<std::size_t>(rules.question_index("old_news"))] == 0.0);
    CHECK(own_answers(overridden) == said);
}

TEST_CASE("a technique whose exclusion is unknown is withheld; a no to it offers it",
          "[engine][screen]") {
    RuleSet rules = load_rules(
        sciatica::test::small_rules_with("  - {id: walk, name: Walk, summary: Walk, steps: [Walk]}",
                                         "  - {id: walk, name: Walk, summary: Walk, steps: [Walk], "
                                         "unless: {q: side, eq: both}}"),
        "unless.yaml");
    Answers base = answers_of(rules, {{"pain", "no"}, {"numb", "no"}, {"age", "30"}});
    CHECK(technique_ids(evaluate(rules, base)) == std::vector<std::string>{"rub"});
    Answers left = base;
    left[static_cast<std::size_t>(rules.question_index("side"))] = 0;
    CHECK(technique_ids(evaluate(rules, left)) == std::vector<std::string>{"rub", "walk"});
}
