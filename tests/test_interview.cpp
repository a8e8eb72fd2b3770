#include "lib/interview.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace sciatica;
using sciatica::test::answers_of;
using sciatica::test::small_rules;
using sciatica::test::small_rules_with;

namespace {

std::string id_of(const RuleSet &rules, int question) {
    return question < 0 ? "(done)" : rules.questions[static_cast<std::size_t>(question)].id;
}

} // namespace

TEST_CASE("with nothing answered the first question comes first", "[interview]") {
    RuleSet rules = small_rules();
    Interview interview(rules, no_answers(rules));
    CHECK(id_of(rules, interview.next()) == "pain");
}

TEST_CASE("an answer given beforehand is not asked", "[interview]") {
    RuleSet rules = small_rules();
    Interview interview(rules, answers_of(rules, {{"pain", "no"}}));
    CHECK(id_of(rules, interview.next()) == "numb");
}

TEST_CASE("a don't-know reply stays unknown and is not asked again", "[interview]") {
    RuleSet rules = small_rules();
    Interview interview(rules, no_answers(rules));
    interview.answer(rules.question_index("pain"), std::nullopt);
    CHECK_FALSE(interview.answers()[0].has_value());
    CHECK(id_of(rules, interview.next()) == "numb");
}

TEST_CASE("an emergency ends the interview at once", "[interview]") {
    RuleSet rules = small_rules();
    Interview interview(rules, no_answers(rules));
    interview.answer(rules.question_index("pain"), 1);
    interview.answer(rules.question_index("numb"), 1);
    CHECK(interview.emergency());
    CHECK(interview.next() == -1);
}

TEST_CASE("going back asks the last question again with its answer cleared", "[interview]") {
    RuleSet rules = small_rules();
    Interview interview(rules, no_answers(rules));
    interview.answer(rules.question_index("pain"), 1);
    REQUIRE(interview.back());
    CHECK(id_of(rules, interview.next()) == "pain");
    CHECK_FALSE(interview.answers()[0].has_value());
    CHECK(interview.asked().empty());
}

TEST_CASE("going back with nothing asked does nothing", "[interview]") {
    RuleSet rules = small_rules();
    Interview interview(rules, no_answers(rules));
    CHECK_FALSE(interview.back());
    CHECK(id_of(rules, interview.next()) == "pain");
}

TEST_CASE("a question whose ask-condition is false is not asked", "[interview]") {
    RuleSet rules = load_rules(small_rules_with("{id: numb, type: yes_no, prompt: Numb}",
                                                "{id: numb, type: yes_no, prompt: Numb, "
                                                "ask_when: {q: pain, eq: true}}"),
                               "small.yaml");
    Interview interview(rules, no_answers(rules));
    interview.answer(rules.question_index("pain"), 0);
    CHECK(id_of(rules, interview.next()) == "age");
}

TEST_CASE("a question no answer to which changes the conclusion is skipped", "[interview]") {
    RuleSet rules = small_rules();
    // Cause A leads whatever the side; no rule reads the side otherwise.
    Interview interview(rules, answers_of(rules, {{"pain", "yes"}, {"numb", "no"}, {"age", "30"}}));
    CHECK(interview.next() == -1);
}

TEST_CASE("a question that could change the leading causes is asked", "[interview]") {
    RuleSet rules = small_rules();
    // With only B listed, a left side would list A second.
    Interview interview(rules, answers_of(rules, {{"pain", "no"}, {"numb", "yes"}, {"age", "30"}}));
    CHECK(id_of(rules, interview.next()) == "side");
}

TEST_CASE("a question that could raise the urgency is asked", "[interview]") {
    RuleSet rules = small_rules();
    Interview interview(rules, answers_of(rules, {{"pain", "yes"}, {"numb", "no"}}));
    CHECK(id_of(rules, interview.next()) == "age");
}

TEST_CASE("numbers are probed at the range ends and on each side of a threshold", "[interview]") {
    RuleSet rules = small_rules();
    Interview interview(rules, no_answers(rules));
    CHECK(interview.probe_values(rules.question_index("age")) ==
          std::vector<double>{0, 59, 60, 61, 120});
}

TEST_CASE("the result lists the questions asked in order", "[interview]") {
    RuleSet rules = small_rules();
    Interview interview(rules, no_answers(rules));
    interview.answer(rules.question_index("pain"), 1);
    interview.answer(rules.question_index("numb"), std::nullopt);
    CHECK(interview.result().asked ==
          std::vector<int>{rules.question_index("pain"), rules.question_index("numb")});
}

TEST_CASE("at an emergency only what could lift it is asked, then the interview ends",
          "[interview]") {
    const RuleSet &rules = default_rules();
    Interview interview(rules, no_answers(rules));
    interview.answer(rules.question_index("saddle_numbness"), 1);
    CHECK(interview.emergency());
    CHECK(id_of(rules, interview.next()) == "cauda_equina_signs_longstanding");
    interview.answer(rules.question_index("cauda_equina_signs_longstanding"), 0);
    CHECK(interview.next() == -1);
}

TEST_CASE("long-standing stable signs lift the emergency and the interview goes on",
          "[interview]") {
    const RuleSet &rules = default_rules();
    Interview interview(rules, no_answers(rules));
    interview.answer(rules.question_index("saddle_numbness"), 1);
    interview.answer(rules.question_index("cauda_equina_signs_longstanding"), 1);
    CHECK_FALSE(interview.emergency());
    CHECK(interview.next() != -1);
}

namespace {

// The questions asked after answering everything before leg_weakness "no",
// leg_weakness `weak`, and everything after it "don't know".
std::vector<std::string> asked_after_weakness(const RuleSet &rules, std::optional<double> weak) {
    Interview interview(rules, no_answers(rules));
    int question = rules.question_index("leg_weakness");
    while (interview.next() != question && interview.next() != -1) {
        interview.answer(interview.next(), 0);
    }
    interview.answer(question, weak);
    std::vector<std::string> out;
    for (int q = interview.next(); q != -1; q = interview.next()) {
        out.push_back(id_of(rules, q));
        interview.answer(q, std::nullopt);
    }
    return out;
}

bool contains(const std::vector<std::string> &ids, const std::string &id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

} // namespace

TEST_CASE("a follow-up is never asked after a no to what it follows up", "[interview]") {
    CHECK_FALSE(contains(asked_after_weakness(default_rules(), 0), "weakness_getting_worse"));
    CHECK(contains(asked_after_weakness(default_rules(), 1), "weakness_getting_worse"));
}

TEST_CASE("after a don't-know a follow-up is asked when it could change the urgency",
          "[interview]") {
    // Unknown is not no: "is it getting worse?" can still make it an emergency.
    std::vector<std::string> asked = asked_after_weakness(default_rules(), std::nullopt);
    CHECK(contains(asked, "weakness_getting_worse"));
}

TEST_CASE("a reopened don't-know is asked again and leaves asked until answered", "[interview]") {
    RuleSet rules = small_rules();
    Interview interview(rules, no_answers(rules));
    const int pain = rules.question_index("pain");
    interview.answer(pain, std::nullopt);
    REQUIRE(interview.reopen(pain));
    CHECK(interview.asked().empty());
    CHECK(id_of(rules, interview.next()) == "pain");
    interview.answer(pain, 0);
    CHECK(interview.asked() == std::vector<int>{pain});
}

TEST_CASE("only a question asked and left unknown can be reopened", "[interview]") {
    RuleSet rules = small_rules();
    Interview interview(rules, no_answers(rules));
    const int pain = rules.question_index("pain");
    CHECK_FALSE(interview.reopen(pain)); // not asked
    interview.answer(pain, 1);
    CHECK_FALSE(interview.reopen(pain)); // answered
    CHECK(interview.asked() == std::vector<int>{pain});
}

TEST_CASE("remaining counts the question asked now and those that could follow", "[interview]") {
    RuleSet rules = small_rules();
    Interview interview(rules, no_answers(rules));
    while (interview.next() >= 0) {
        CHECK(interview.remaining() >= 1); // the one asked now at least
        interview.answer(interview.next(), 0);
    }
    CHECK(interview.remaining() == 0);
}

namespace {

// The small rule set with `pain` and `numb` on one screen.
RuleSet grouped_rules() {
    std::string text = sciatica::test::small_rules_with_in(
        sciatica::test::small_rules_with("  - {id: pain, type: yes_no, prompt: Pain}",
                                         "  - {id: pain, type: yes_no, prompt: Pain, group: g}"),
        "  - {id: numb, type: yes_no, prompt: Numb}",
        "  - {id: numb, type: yes_no, prompt: Numb, group: g}");
    return sciatica::load_rules(text + "\nquestion_groups:\n  - {id: g, prompt: Which apply}\n",
                                "grouped.yaml");
}

} // namespace

TEST_CASE("a question group is asked together, each item its own question", "[interview]") {
    RuleSet rules = grouped_rules();
    Interview interview(rules, no_answers(rules));
    std::vector<int> group = interview.next_group();
    REQUIRE(group.size() == 2);
    CHECK(id_of(rules, group[0]) == "pain");
    CHECK(id_of(rules, group[1]) == "numb");
    interview.answer(group[0], 1);
    interview.answer(group[1], 0);
    CHECK(interview.asked() == group);
    CHECK(interview.next_group() != group);
}

TEST_CASE("a group member already answered is left off its screen", "[interview]") {
    RuleSet rules = grouped_rules();
    Interview interview(rules, answers_of(rules, {{"pain", "no"}}));
    std::vector<int> group = interview.next_group();
    REQUIRE(group.size() == 1);
    CHECK(id_of(rules, group[0]) == "numb");
}

TEST_CASE("a group counts once in the screens remaining", "[interview]") {
    RuleSet rules = grouped_rules();
    RuleSet plain = small_rules();
    CHECK(Interview(rules, no_answers(rules)).remaining() ==
          Interview(plain, no_answers(plain)).remaining() - 1);
}
