#include "lib/answers.hpp"
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
