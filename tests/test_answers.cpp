#include "lib/answers.hpp"
#include "lib/answers_document.hpp"
#include "lib/error.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace sciatica;
using sciatica::test::question;
using sciatica::test::small_rules;

TEST_CASE("yes/no answers accept yes, no, y, n, true and false in any case", "[answers]") {
    RuleSet rules = small_rules();
    for (const char *yes : {"yes", "Y", "TRUE", " y "}) {
        CHECK(parse_answer(question(rules, "pain"), yes) == 1);
    }
    for (const char *no : {"no", "N", "False"}) {
        CHECK(parse_answer(question(rules, "pain"), no) == 0);
    }
}

TEST_CASE("a yes/no answer that is neither names the question and what is expected", "[answers]") {
    RuleSet rules = small_rules();
    CHECK_THROWS_WITH(parse_answer(question(rules, "pain"), "maybe"),
                      "'pain': 'maybe' is not an answer; expected yes or no");
}

TEST_CASE("an integer answer is checked for range and wholeness", "[answers]") {
    RuleSet rules = small_rules();
    CHECK(parse_answer(question(rules, "age"), "42") == 42);
    CHECK_THROWS_WITH(parse_answer(question(rules, "age"), "130"),
                      "'age': 130 is out of range; expected a whole number from 0 to 120");
    CHECK_THROWS_WITH(parse_answer(question(rules, "age"), "4.5"),
                      "'age': '4.5' is not a whole number; expected a whole number from 0 to 120");
    CHECK_THROWS_WITH(parse_answer(question(rules, "age"), "nan"),
                      "'age': 'nan' is not a number; expected a whole number from 0 to 120");
}

TEST_CASE("a choice answer is matched by name and suggests the nearest", "[answers]") {
    RuleSet rules = small_rules();
    CHECK(parse_answer(question(rules, "side"), "Right") == 1);
    CHECK_THROWS_WITH(parse_answer(question(rules, "side"), "lef"),
                      "'side': 'lef' is not allowed; expected one of left, right, both (did you "
                      "mean 'left'?)");
}

TEST_CASE("an answer flag for an unknown question suggests the nearest id", "[answers]") {
    RuleSet rules = small_rules();
    Answers answers = no_answers(rules);
    CHECK_THROWS_WITH(apply_answer_flag(rules, answers, "pian=yes"),
                      "--answer: unknown question 'pian' (did you mean 'pain'?)");
    CHECK_THROWS_WITH(apply_answer_flag(rules, answers, "pain"),
                      "--answer 'pain': expected ID=VALUE, such as leg_pain=yes");
}

TEST_CASE("a JSON document gives typed answers and null stays unanswered", "[answers]") {
    RuleSet rules = small_rules();
    Answers answers = parse_answers_document(
        rules, R"({"pain": true, "age": 61, "side": "both", "numb": null})", "a.json");
    CHECK(answers[0] == 1.0);
    CHECK_FALSE(answers[1].has_value());
    CHECK(answers[2] == 61.0);
    CHECK(answers[3] == 2.0);
}

TEST_CASE("a JSON answer of the wrong type names the file and question", "[answers]") {
    RuleSet rules = small_rules();
    CHECK_THROWS_WITH(parse_answers_document(rules, R"({"age": true})", "a.json"),
                      "a.json: 'age': true is not allowed; expected a whole number from 0 to 120");
    CHECK_THROWS_WITH(parse_answers_document(rules, R"({"pain": [1]})", "a.json"),
                      "a.json: 'pain': an array is not allowed; expected yes or no");
}

TEST_CASE("answers must be an object, not an array", "[answers]") {
    RuleSet rules = small_rules();
    CHECK_THROWS_WITH(parse_answers_document(rules, "[1, 2]", "a.json"),
                      "a.json: answers must be an object of question id to value, not an array");
}

TEST_CASE("invalid JSON is reported with its position", "[answers]") {
    RuleSet rules = small_rules();
    try {
        parse_answers_document(rules, "{\"pain\": tru}", "a.json");
        FAIL("no error");
    } catch (const Error &e) {
        CHECK(e.kind() == ErrorKind::data);
        CHECK(std::string(e.what()).rfind("a.json: invalid JSON at byte ", 0) == 0);
    }
}

TEST_CASE("a YAML document of answers is read like a JSON one", "[answers]") {
    RuleSet rules = small_rules();
    Answers answers = parse_answers_document(rules, "pain: yes\nage: 70\n", "a.yaml");
    CHECK(answers[0] == 1.0);
    CHECK(answers[2] == 70.0);
    CHECK_THROWS_WITH(parse_answers_document(rules, "pain: yes\npain: no\n", "a.yaml"),
                      "a.yaml:2:1: duplicate answer 'pain'");
}

TEST_CASE("a bad YAML answer is reported at its value's line and column", "[answers]") {
    RuleSet rules = small_rules();
    CHECK_THROWS_WITH(parse_answers_document(rules, "pain: yes\nage:   130\n", "a.yaml"),
                      "a.yaml:2:8: 'age': 130 is out of range; expected a whole number from 0 "
                      "to 120");
}

TEST_CASE("an empty answers document is an error", "[answers]") {
    RuleSet rules = small_rules();
    CHECK_THROWS_WITH(parse_answers_document(rules, " \n", "<stdin>"),
                      "<stdin>: no answers (the input is empty)");
}

TEST_CASE("ignored members such as case_id are skipped", "[answers]") {
    RuleSet rules = small_rules();
    Answers answers =
        parse_answers_document(rules, R"({"case_id": "x1", "pain": false})", "l", {"case_id"});
    CHECK(answers[0] == 0.0);
}

TEST_CASE("an option written with capitals matches an answer in any case", "[answers]") {
    // Options [Left, right] once refused the answer "Left" while suggesting it.
    Question side;
    side.id = "side";
    side.type = QuestionType::choice;
    side.options = {"Left", "right"};
    CHECK(parse_answer(side, "Left") == 0);
    CHECK(parse_answer(side, "left") == 0);
    CHECK(parse_answer(side, "LEFT") == 0);
    CHECK(parse_answer(side, "Right") == 1);
}

TEST_CASE("a JSON key given twice is refused, naming the key and its line", "[answers]") {
    RuleSet rules = small_rules();
    CHECK_THROWS_WITH(parse_answers_document(rules, "{\"pain\": true,\n\"pain\": false}", "a.json"),
                      "a.json:2: duplicate answer 'pain'");
    CHECK_THROWS_WITH(
        parse_answers_document(rules, "{\"side\": {\"x\": 1, \"x\": 2}}", "a.json"),
        "a.json: 'side': an object is not allowed; expected one of left, right, both");
}

namespace {

Question duration(QuestionType type, const char *unit) {
    Question q;
    q.id = "weeks";
    q.type = type;
    q.min = 0;
    q.max = 5200;
    q.unit = unit;
    return q;
}

} // namespace

TEST_CASE("a duration in days, months or years is converted to the question's unit", "[answers]") {
    Question weeks = duration(QuestionType::number, "weeks");
    CHECK(parse_answer(weeks, "3 days") == Approx(0.43));
    CHECK(parse_answer(weeks, "2 months") == Approx(8.7));
    CHECK(parse_answer(weeks, "1.5 years") == Approx(78.27));
    CHECK(parse_answer(weeks, "2 WEEKS") == 2);
    CHECK(parse_answer(weeks, "10d") == Approx(1.43));
    CHECK(parse_answer(weeks, "4") == 4);
}

TEST_CASE("a duration for an integer question rounds to a whole number", "[answers]") {
    CHECK(parse_answer(duration(QuestionType::integer, "weeks"), "10 days") == 1);
}

TEST_CASE("a unit the question has none of, or an unknown unit, is not a number", "[answers]") {
    CHECK_THROWS_WITH(parse_answer(duration(QuestionType::number, ""), "3 days"),
                      "'weeks': '3 days' is not a number; expected a number from 0 to 5200");
    CHECK_THROWS_WITH(parse_answer(duration(QuestionType::number, "weeks"), "3 fortnights"),
                      "'weeks': '3 fortnights' is not a number; expected a number from 0 to "
                      "5200 weeks; or with a unit, such as 3 days, 2 months or 1.5 years");
}

TEST_CASE("a converted duration is still checked against the range", "[answers]") {
    CHECK_THROWS_WITH(parse_answer(duration(QuestionType::number, "weeks"), "200 years"),
                      "'weeks': 200 years is out of range; expected a number from 0 to 5200 "
                      "weeks; or with a unit, such as 3 days, 2 months or 1.5 years");
}

TEST_CASE("an answer reads as the rule set's statement, with the value put in", "[answers]") {
    Question pain;
    pain.prompt = "Pain?";
    pain.says = {"no pain", "pain below the knee"};
    CHECK(answer_statement(pain, 1) == "pain below the knee");
    CHECK(answer_statement(pain, 0) == "no pain");
    Question age = duration(QuestionType::integer, "");
    age.says = {"aged {answer}"};
    CHECK(answer_statement(age, 35) == "aged 35");
}

TEST_CASE("an answer without a statement reads as the prompt and the answer", "[answers]") {
    RuleSet rules = small_rules();
    CHECK(answer_statement(question(rules, "side"), 1) == "Side Right");
}

TEST_CASE("a reply may give a choice by its number as listed, from 1", "[answers]") {
    RuleSet rules = small_rules();
    const Question &side = sciatica::test::question(rules, "side");
    CHECK(parse_reply(side, " 2 ") == 1.0);
    CHECK(parse_reply(side, "both") == 2.0);
    CHECK_THROWS_WITH(parse_reply(side, "4"),
                      "'side': '4' is not allowed; expected one of left, right, both");
    CHECK(parse_reply(sciatica::test::question(rules, "age"), "2") == 2.0);
}

TEST_CASE("an answer error carries the question id apart from the reason", "[answers]") {
    RuleSet rules = small_rules();
    try {
        parse_answer(sciatica::test::question(rules, "age"), "130");
        FAIL("no error");
    } catch (const AnswerError &e) {
        CHECK(e.question_id() == "age");
        CHECK(e.reason() == "130 is out of range; expected a whole number from 0 to 120");
        CHECK(std::string(e.what()) == "'age': " + e.reason());
    }
}
