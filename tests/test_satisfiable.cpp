#include "lib/satisfiable.hpp"

#include <catch2/catch.hpp>

using namespace sciatica;

namespace {

// Questions: 0 weeks (number 0..100), 1 age (integer 0..120), 2 pain (yes/no).
RuleSet three_questions() {
    RuleSet rules;
    Question weeks;
    weeks.id = "weeks";
    weeks.type = QuestionType::number;
    weeks.min = 0.0;
    weeks.max = 100.0;
    Question age;
    age.id = "age";
    age.type = QuestionType::integer;
    age.min = 0.0;
    age.max = 120.0;
    Question pain;
    pain.id = "pain";
    rules.questions = {weeks, age, pain};
    return rules;
}

Condition leaf(int question, CompareOp op, std::vector<double> values) {
    Condition c;
    c.kind = Condition::Kind::compare;
    c.question = question;
    c.op = op;
    c.values = std::move(values);
    return c;
}

Condition both(Condition a, Condition b) {
    Condition c;
    c.kind = Condition::Kind::all;
    c.children = {std::move(a), std::move(b)};
    return c;
}

Condition negated(Condition a) {
    Condition c;
    c.kind = Condition::Kind::negate;
    c.children = {std::move(a)};
    return c;
}

} // namespace

TEST_CASE("a number may lie strictly between two close bounds", "[satisfiable]") {
    CHECK(can_hold(both(leaf(0, CompareOp::gt, {5}), leaf(0, CompareOp::lt, {5.5})),
                   three_questions()));
}

TEST_CASE("a whole number never lies strictly between two neighbours", "[satisfiable]") {
    CHECK_FALSE(can_hold(both(leaf(1, CompareOp::gt, {5}), leaf(1, CompareOp::lt, {6})),
                         three_questions()));
}

TEST_CASE("a number cannot be above a bound and at most that bound", "[satisfiable]") {
    CHECK_FALSE(can_hold(both(leaf(0, CompareOp::gt, {5}), leaf(0, CompareOp::le, {5})),
                         three_questions()));
}

TEST_CASE("a comparison past the question's range can never hold", "[satisfiable]") {
    CHECK_FALSE(can_hold(leaf(0, CompareOp::gt, {100}), three_questions()));
}

TEST_CASE("not equal to both yes and no can never hold", "[satisfiable]") {
    CHECK_FALSE(can_hold(both(leaf(2, CompareOp::ne, {1}), leaf(2, CompareOp::ne, {0})),
                         three_questions()));
}

TEST_CASE("the negation of an impossible condition holds", "[satisfiable]") {
    CHECK(can_hold(negated(both(leaf(2, CompareOp::eq, {1}), leaf(2, CompareOp::eq, {0}))),
                   three_questions()));
}

TEST_CASE("comparisons on different questions do not constrain each other", "[satisfiable]") {
    CHECK(can_hold(both(leaf(1, CompareOp::ge, {60}), leaf(0, CompareOp::lt, {1})),
                   three_questions()));
}
