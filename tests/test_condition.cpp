#include "lib/condition.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

using namespace sciatica;
using sciatica::test::answers_of;
using sciatica::test::small_rules;

namespace {

const Condition &alarm(const RuleSet &rules) {
    return rules.red_flags.at(0).when;
}

} // namespace

TEST_CASE("an unanswered question makes a comparison unknown", "[condition]") {
    RuleSet rules = small_rules();
    CHECK(evaluate(rules.urgency_rules[0].when, no_answers(rules)) == Tri::unknown);
}

TEST_CASE("all is false as soon as one part is false, even with unknowns", "[condition]") {
    RuleSet rules = small_rules();
    CHECK(evaluate(alarm(rules), answers_of(rules, {{"pain", "no"}})) == Tri::no);
}

TEST_CASE("all stays unknown while a part is unknown and none is false", "[condition]") {
    RuleSet rules = small_rules();
    CHECK(evaluate(alarm(rules), answers_of(rules, {{"pain", "yes"}})) == Tri::unknown);
}

TEST_CASE("all holds when every part holds", "[condition]") {
    RuleSet rules = small_rules();
    CHECK(evaluate(alarm(rules), answers_of(rules, {{"pain", "yes"}, {"numb", "yes"}})) ==
          Tri::yes);
}

TEST_CASE("any holds as soon as one part holds, and is false only when all are", "[condition]") {
    RuleSet rules = load_rules(
        sciatica::test::small_rules_with("when: {all: [{q: pain, eq: true}, {q: numb, eq: true}]}",
                                         "when: {any: [{q: pain, eq: true}, {q: numb, eq: true}]}"),
        "r.yaml");
    const Condition &any = alarm(rules);
    CHECK(evaluate(any, answers_of(rules, {{"numb", "yes"}})) == Tri::yes);
    CHECK(evaluate(any, answers_of(rules, {{"numb", "no"}})) == Tri::unknown);
    CHECK(evaluate(any, answers_of(rules, {{"numb", "no"}, {"pain", "no"}})) == Tri::no);
}

TEST_CASE("not flips yes and no and keeps unknown", "[condition]") {
    RuleSet rules = load_rules(
        sciatica::test::small_rules_with("when: {q: age, ge: 60}", "when: {not: {q: age, ge: 60}}"),
        "r.yaml");
    const Condition &young = rules.urgency_rules[0].when;
    CHECK(evaluate(young, answers_of(rules, {{"age", "30"}})) == Tri::yes);
    CHECK(evaluate(young, answers_of(rules, {{"age", "70"}})) == Tri::no);
    CHECK(evaluate(young, no_answers(rules)) == Tri::unknown);
}

TEST_CASE("comparisons cover every operator at their boundaries", "[condition]") {
    RuleSet rules = small_rules();
    Answers answers = answers_of(rules, {{"age", "60"}});
    Condition c;
    c.kind = Condition::Kind::compare;
    c.question = rules.question_index("age");
    c.values = {60};
    auto with = [&](CompareOp op) {
        c.op = op;
        return evaluate(c, answers);
    };
    CHECK(with(CompareOp::eq) == Tri::yes);
    CHECK(with(CompareOp::ne) == Tri::no);
    CHECK(with(CompareOp::lt) == Tri::no);
    CHECK(with(CompareOp::le) == Tri::yes);
    CHECK(with(CompareOp::gt) == Tri::no);
    CHECK(with(CompareOp::ge) == Tri::yes);
    c.values = {10, 60};
    CHECK(with(CompareOp::in) == Tri::yes);
}

TEST_CASE("explain names the answers that made a condition hold", "[condition]") {
    RuleSet rules = small_rules();
    std::vector<int> because;
    explain(alarm(rules), answers_of(rules, {{"numb", "yes"}, {"pain", "yes"}, {"age", "3"}}),
            Tri::yes, because);
    CHECK(because == std::vector<int>{rules.question_index("pain"), rules.question_index("numb")});
}

TEST_CASE("an unknown condition marks only its undecided questions as relevant", "[condition]") {
    RuleSet rules = small_rules();
    std::vector<bool> relevant(rules.questions.size(), false);
    CHECK(mark_relevant(alarm(rules), answers_of(rules, {{"pain", "yes"}}), relevant) ==
          Tri::unknown);
    CHECK_FALSE(relevant[static_cast<std::size_t>(rules.question_index("pain"))]);
    CHECK(relevant[static_cast<std::size_t>(rules.question_index("numb"))]);
    CHECK_FALSE(relevant[static_cast<std::size_t>(rules.question_index("age"))]);
}

TEST_CASE("a decided condition marks nothing as relevant", "[condition]") {
    RuleSet rules = small_rules();
    std::vector<bool> relevant(rules.questions.size(), false);
    CHECK(mark_relevant(alarm(rules), answers_of(rules, {{"pain", "no"}}), relevant) == Tri::no);
    CHECK(std::none_of(relevant.begin(), relevant.end(), [](bool b) { return b; }));
}

TEST_CASE("a nested condition marks the questions of its undecided branches only",
          "[condition]") {
    RuleSet rules = small_rules();
    auto leaf = [&rules](const char *id, CompareOp op, double value) {
        Condition c;
        c.kind = Condition::Kind::compare;
        c.question = rules.question_index(id);
        c.op = op;
        c.values = {value};
        return c;
    };
    auto node = [](Condition::Kind kind, std::vector<Condition> children) {
        Condition c;
        c.kind = kind;
        c.children = std::move(children);
        return c;
    };
    // all(any(pain = yes, not numb = yes), not all(age >= 60, age >= 70))
    Condition tree = node(
        Condition::Kind::all,
        {node(Condition::Kind::any,
              {leaf("pain", CompareOp::eq, 1),
               node(Condition::Kind::negate, {leaf("numb", CompareOp::eq, 1)})}),
         node(Condition::Kind::negate,
              {node(Condition::Kind::all,
                    {leaf("age", CompareOp::ge, 60), leaf("age", CompareOp::ge, 70)})})});
    auto marked = [&](const Answers &answers) {
        std::vector<bool> relevant(rules.questions.size(), false);
        Tri value = mark_relevant(tree, answers, relevant);
        std::vector<std::string> ids;
        for (std::size_t q = 0; q < relevant.size(); ++q) {
            if (relevant[q]) {
                ids.push_back(rules.questions[q].id);
            }
        }
        return std::make_pair(value, ids);
    };
    // The first `any` holds by pain, so numb cannot change it.
    CHECK(marked(answers_of(rules, {{"pain", "yes"}})) ==
          std::make_pair(Tri::unknown, std::vector<std::string>{"age"}));
    CHECK(marked(answers_of(rules, {{"pain", "no"}})) ==
          std::make_pair(Tri::unknown, std::vector<std::string>{"numb", "age"}));
    // Decided by the second branch: nothing is relevant.
    CHECK(marked(answers_of(rules, {{"age", "75"}})) ==
          std::make_pair(Tri::no, std::vector<std::string>{}));
}

TEST_CASE("a comparison's values copy, move, grow and erase as a vector of them does",
          "[condition]") {
    ConditionValues one = {60};
    CHECK(one.size() == 1);
    CHECK(one.front() == 60);
    ConditionValues many;
    for (double value : {3.0, 1.0, 3.0, 2.0}) {
        many.push_back(value);
    }
    std::sort(many.begin(), many.end());
    many.erase(std::unique(many.begin(), many.end()), many.end());
    CHECK(many == std::vector<double>{1, 2, 3});
    ConditionValues copy = many;
    ConditionValues moved = std::move(many);
    CHECK(copy == moved);
    CHECK(static_cast<std::vector<double>>(moved) == std::vector<double>{1, 2, 3});
    copy = one;
    CHECK(copy == std::vector<double>{60});
    moved = std::move(one);
    CHECK(moved == std::vector<double>{60});
    ConditionValues from_vector = std::vector<double>{4, 5};
    CHECK(from_vector[1] == 5);
}
