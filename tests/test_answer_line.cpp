#include "lib/answer_line.hpp"
#include "lib/answers.hpp"
#include "lib/answers_document.hpp"
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
        parse_answers_json(rules, line, "l:1", {"case_id"}, true);
    } catch (const Error &e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("the fast path reads a flat line as parse_answers_json does", "[answer_line]") {
    RuleSet rules = small_rules();
    AnswerLineParser parser(rules);
    for (std::string line : {R"({"pain": true, "numb": false, "age": 42, "side": "left"})",
                             R"( {"age":"42","pain":"Yes","side":"both"} )", R"({"pain": null})",
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

TEST_CASE("a numeric case_id keeps its digits exactly, on either path", "[answer_line]") {
    RuleSet rules = small_rules();
    AnswerLineParser parser(rules);
    for (std::string id : {"123456789012345678901234567890", "123456789012345678901234567891",
                           "1.50", "-0", "1E+2", "-12.5e-3"}) {
        AnswerLine out;
        REQUIRE(parser.try_parse(R"({"case_id": )" + id + R"(, "pain": true})", out));
        CHECK(out.case_id_json == id);
        // An escaped answer sends the line to the full parser.
        std::string slow = R"({"side": "l\u0065ft", "case_id" :  )" + id + R"( , "pain": true})";
        REQUIRE_FALSE(parser.try_parse(slow, out));
        parser.parse(slow, "l:1", out);
        CHECK(out.case_id_json == id);
        parser.parse(R"({"case\u005fid": )" + id + "}", "l:1", out);
        CHECK(out.case_id_json == id);
    }
}

TEST_CASE("a question or case_id given twice is refused on either path", "[answer_line]") {
    RuleSet rules = small_rules();
    for (const char *line :
         {R"({"pain": true, "pain": false})", R"({"pain": true, "pain": null})",
          R"({"pain": null, "pain": true})", R"({"side": "left", "side": "l\u0065ft"})",
          R"({"pa\u0069n": true, "pain": true})"}) {
        AnswerLine out;
        CHECK_FALSE(AnswerLineParser(rules).try_parse(line, out));
        std::string error = error_of(rules, line);
        CHECK((error == "l:1: duplicate answer 'pain'" || error == "l:1: duplicate answer 'side'"));
    }
    CHECK(error_of(rules, R"({"case_id": 1, "case_id": 2})") == "l:1: duplicate answer 'case_id'");
}

TEST_CASE("a NUL byte anywhere in a line is refused, not taken as its end", "[answer_line]") {
    RuleSet rules = small_rules();
    using namespace std::string_literals;
    CHECK(error_of(rules, "{\"pain\": false}\0, \"numb\": true}"s) ==
          "l:1: the text contains a NUL byte (at byte 16)");
    CHECK(error_of(rules, "\0"s) == "l:1: the text contains a NUL byte (at byte 1)");
}

TEST_CASE("a case_id the fast path cannot copy exactly is read by the full parser",
          "[answer_line]") {
    RuleSet rules = small_rules();
    AnswerLine out;
    AnswerLineParser parser(rules);
    for (auto [line, id] : std::vector<std::pair<std::string, std::string>>{
             {R"({"case_id": "caf\u00e9"})", R"("caf\u00e9")"},
             {R"({"case_id": "tab\there"})", R"("tab\there")"},
             {R"({"case_id": {"site": 3}})", R"({"site": 3})"}}) {
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

TEST_CASE("the fast path takes a key only as a question id written without escapes",
          "[answer_line]") {
    RuleSet rules = small_rules();
    rules.questions[0].id = "pa\\in"; // JSON writes it "pa\\in"; the raw bytes "pa\in" are an escape
    AnswerLineParser parser(rules);
    AnswerLine out;
    CHECK_FALSE(parser.try_parse(R"({"pa\in": true})", out));
    CHECK_FALSE(parser.try_parse(R"({"pa\\in": true})", out));
    parser.parse(R"({"pa\\in": true, "numb": false})", "l:1", out);
    CHECK(out.answers[0] == 1.0);
    CHECK(out.answers[1] == 0.0);
    CHECK(error_of(rules, R"({"pa\in": true})") == reference_error(rules, R"({"pa\in": true})"));
    CHECK_FALSE(error_of(rules, R"({"pa\in": true})").empty());
    // An escaped spelling of a plain id is decoded by the full parser.
    RuleSet plain = small_rules();
    CHECK_FALSE(AnswerLineParser(plain).try_parse(R"({"pa\u0069n": true})", out));
    AnswerLineParser(plain).parse(R"({"pa\u0069n": true})", "l:1", out);
    CHECK(out.answers[0] == 1.0);
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
