#include "lib/error.hpp"
#include "lib/vignette.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace sciatica;

namespace {

std::vector<Vignette> parse(const std::string &yaml) {
    static const RuleSet rules = sciatica::test::small_rules();
    return parse_vignettes(yaml, "cases.yaml", rules);
}

// The message of the Error that parsing `yaml` throws, or "" when it parses.
std::string parse_error(const std::string &yaml) {
    try {
        parse(yaml);
    } catch (const Error &e) {
        CHECK(e.kind() == ErrorKind::data);
        return e.what();
    }
    return "";
}

std::vector<std::string> failures(const std::string &yaml) {
    static const RuleSet rules = sciatica::test::small_rules();
    return check_vignette(rules, parse_vignettes(yaml, "cases.yaml", rules).front());
}

using Lines = std::vector<std::string>;

} // namespace

TEST_CASE("a case's name, position, answers and expectations are read", "[vignette]") {
    auto cases = parse("- name: older\n"
                       "  answers: {age: 70, pain: yes, side: right, numb: null}\n"
                       "  expect: {urgency: soon, top2_any: [a, b], no_causes: false}\n");
    REQUIRE(cases.size() == 1);
    CHECK(cases[0].name == "older");
    CHECK(cases[0].mark.line == 1);
    CHECK(cases[0].answers == Answers{1.0, std::nullopt, 70.0, 1.0});
    CHECK(cases[0].expect.urgency == std::optional<std::string>("soon"));
    CHECK(cases[0].expect.top2_any == Lines{"a", "b"});
}

TEST_CASE("an unknown question in the answers suggests the nearest id", "[vignette]") {
    CHECK(parse_error("- name: x\n  answers:\n    agee: 70\n") ==
          "cases.yaml:3:5: unknown question 'agee' (did you mean 'age'?)");
}

TEST_CASE("an answer out of range names its position and the range", "[vignette]") {
    CHECK(parse_error("- name: x\n  answers: {age: 130}\n") ==
          "cases.yaml:2:18: 'age': 130 is out of range; expected a whole number from 0 to 120");
}

TEST_CASE("an unknown urgency in expect suggests the nearest level", "[vignette]") {
    CHECK(parse_error("- name: x\n  answers: {}\n  expect: {urgency: son}\n") ==
          "cases.yaml:3:21: unknown urgency 'son' (did you mean 'soon'?)");
}

TEST_CASE("an unknown key in a case suggests the known one", "[vignette]") {
    CHECK(parse_error("- name: x\n  answers: {}\n  expcet: {}\n") ==
          "cases.yaml:3:3: unknown key 'expcet' (did you mean 'expect'?)");
}

TEST_CASE("a duplicate key in a case is an error", "[vignette]") {
    CHECK(parse_error("- name: x\n  name: y\n  answers: {}\n") ==
          "cases.yaml:2:3: duplicate key 'name'");
}

TEST_CASE("a file that is not a list of cases is refused", "[vignette]") {
    CHECK(parse_error("name: x\n") == "cases.yaml:1:1: a vignette file is a non-empty list of "
                                      "cases");
}

TEST_CASE("an alias in a vignette file is refused", "[vignette]") {
    CHECK(
        parse_error("- name: &n x\n  answers: {}\n") ==
        "cases.yaml:1:9: anchors (&name) are not allowed in a vignette file; write the value out");
}

TEST_CASE("a case that meets its expectations passes", "[vignette]") {
    CHECK(failures("- name: x\n  answers: {pain: yes, numb: yes}\n"
                   "  expect: {urgency: emergency, red_flags_include: [alarm]}\n")
              .empty());
}

TEST_CASE("a wrong urgency says what came out and what was wanted", "[vignette]") {
    CHECK(failures("- name: x\n  answers: {age: 70}\n  expect: {urgency: self-care}\n") ==
          Lines{"urgency 'soon', want 'self-care'"});
}

TEST_CASE("a wrong top cause lists the causes that came out", "[vignette]") {
    CHECK(failures("- name: x\n  answers: {pain: yes, side: left}\n  expect: {top_cause: b}\n") ==
          Lines{"causes [a], want 'b' first"});
}

TEST_CASE("no_causes fails when a cause is listed", "[vignette]") {
    CHECK(failures("- name: x\n  answers: {numb: yes}\n  expect: {no_causes: true}\n") ==
          Lines{"causes [b], want none"});
}

TEST_CASE("a missing red flag and a missing unanswered question are both named", "[vignette]") {
    CHECK(failures("- name: x\n  answers: {pain: no}\n"
                   "  expect: {red_flags_include: [alarm], unanswered_include: [numb]}\n") ==
          Lines{"red flags [] lack 'alarm'", "unanswered [age] lacks 'numb'"});
}

TEST_CASE("coverage lists every rule and finding no case exercised", "[vignette]") {
    RuleSet rules = sciatica::test::small_rules();
    Coverage coverage(rules);
    coverage.add(sciatica::test::answers_of(rules, {{"pain", "yes"}, {"numb", "yes"}}));
    std::vector<SourceMark> marks;
    CHECK(coverage.unexercised(&marks) == Lines{"urgency rule 'old'", "cause 'a' finding 2"});
    CHECK(marks.at(0).line == 19);
    CHECK(coverage.total() == 6);
    CHECK(coverage.exercised() == 4);
}

TEST_CASE("a finding against a cause is exercised when its condition is true", "[vignette]") {
    RuleSet rules = sciatica::test::small_rules();
    Coverage coverage(rules);
    coverage.add(sciatica::test::answers_of(rules, {{"pain", "yes"}}));
    CHECK(coverage.unexercised() == Lines{"red flag 'alarm'", "urgency rule 'old'",
                                          "cause 'a' finding 2", "cause 'b' finding 1"});
}

TEST_CASE("techniques_include and techniques_exclude name the technique that breaks them",
          "[vignette]") {
    const std::string screened = "- name: x\n  answers: {pain: no, numb: no, age: 30}\n";
    CHECK(failures(screened + "  expect: {techniques_include: [rub, walk]}\n").empty());
    CHECK(failures(screened + "  expect: {techniques_exclude: [walk]}\n") ==
          Lines{"techniques [rub, walk] include 'walk', want it withheld"});
    CHECK(failures("- name: x\n  answers: {pain: yes, numb: yes}\n"
                   "  expect: {techniques_include: [rub]}\n") ==
          Lines{"techniques [] lack 'rub'"});
    CHECK(parse_error(screened + "  expect: {techniques_exclude: [rubb]}\n")
              .find("unknown technique 'rubb' (did you mean 'rub'?)") != std::string::npos);
}
