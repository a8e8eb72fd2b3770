#include "lib/answer_line.hpp"
#include "lib/answers.hpp"
#include "lib/error.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace sciatica;
using sciatica::test::small_rules;

namespace {

// The error parse() throws for `line`, or "" when it parses.
std::string error_of(const RuleSet &rules, const std::string &line) {
    AnswerLine out;
    try {
        AnswerLineParser(rules).parse(line, "l:1", out);
    } catch (const Error &e) {
        return e.what();
    }
    return "";
}

std::string reference_error(const RuleSet &rules, const std::string &line) {
    try {
        parse_answers_json(rules, line, "l:1", {"case_id"});
    } catch (const Error &e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("the fast path reads a flat line as parse_answers_json does", "[answer_line]") {
    RuleSet rules = small_rules();
    AnswerLineParser parser(rules);
    for (std::string line :
         {R"({"pain": true, "numb": false, "age": 42, "side": "left"})",
          R"( {"age":"42","pain":"Yes","side":"both"} )", R"({"pain": true, "pain": null})",
          R"({})", R"({"age": 4.2e1, "numb": null})"}) {
        AnswerLine out;
        REQUIRE(parser.try_parse(line, out));
        CHECK(out.answers == parse_answers_json(rules, line, "l", {"case_id"}));
        CHECK(out.case_id_json.empty());
    }
}

TEST_CASE("a string or integer case_id is carried as JSON, not answered", "[answer_line]") {
    RuleSet rules = small_rules();
    AnswerLine out;
    AnswerLineParser parser(rules);
    REQUIRE(parser.try_parse(R"({"case_id": "a-1", "pain": true})", out));
    CHECK(out.case_id_json == "\"a-1\"");
    CHECK(out.answers[0] == 1.0);
    REQUIRE(parser.try_parse(R"({"pain": true, "case_id": 17})", out));
    CHECK(out.case_id_json == "17");
}

TEST_CASE("a case_id the fast path cannot copy exactly is read by the full parser",
          "[answer_line]") {
    RuleSet rules = small_rules();
    AnswerLine out;
    AnswerLineParser parser(rules);
    for (auto [line, id] : std::vector<std::pair<std::string, std::string>>{
             {R"({"case_id": "caf\u00e9"})", "\"caf\xc3\xa9\""},
             {R"({"case_id": "tab\there"})", "\"tab\\there\""},
             {R"({"case_id": 1.50})", "1.5"},
             {R"({"case_id": {"site": 3}})", "{\"site\":3}"}}) {
        CHECK_FALSE(parser.try_parse(line, out));
        parser.parse(line, "l:1", out);
        CHECK(out.case_id_json == id);
    }
}

TEST_CASE("lines outside the simple shape are left to the full parser", "[answer_line]") {
    RuleSet rules = small_rules();
    AnswerLine out;
    AnswerLineParser parser(rules);
    for (const char *line :
         {R"({"pain": "y\u0065s"})", R"({"side": "left", "x": 1})", R"({"pain": [true]})", R"([1])",
          R"({"pain": true,})", R"({"age": 130})", R"({"pain": 1})", R"({"age": 01})", ""}) {
        CHECK_FALSE(parser.try_parse(line, out));
    }
}

TEST_CASE("errors are exactly those of parse_answers_json", "[answer_line]") {
    RuleSet rules = small_rules();
    for (const char *line : {R"({"pian": true})", R"({"age": 130})", R"({"age": 4.5})",
                             R"({"pain": 1})", R"({"side": "up"})", R"({"pain": [true]})",
                             R"([1, 2])", R"({"pain": tru})", R"({"pain": true} x)"}) {
        std::string expected = reference_error(rules, line);
        REQUIRE_FALSE(expected.empty());
        CHECK(error_of(rules, line) == expected);
    }
}

TEST_CASE("an unknown question in a line names it and suggests the nearest id", "[answer_line]") {
    RuleSet rules = small_rules();
    CHECK(error_of(rules, R"({"case_id": 3, "pian": true})") ==
          "l:1: unknown question 'pian' (did you mean 'pain'?)");
}

TEST_CASE("an escaped string answer is decoded by the full parser", "[answer_line]") {
    RuleSet rules = small_rules();
    AnswerLine out;
    AnswerLineParser(rules).parse(R"({"side": "l\u0065ft"})", "l:1", out);
    CHECK(out.answers[3] == 0.0);
}
