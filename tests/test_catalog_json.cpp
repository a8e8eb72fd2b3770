#include "lib/catalog_json.hpp"
#include "lib/error.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace sciatica;
using sciatica::test::small_rules;

using sciatica::test::rules_with_extras;

TEST_CASE("the causes document lists each cause with its usual urgency", "[catalog]") {
    RuleSet rules = small_rules();
    auto out = causes_json(rules);
    CHECK(out["causes"][0].dump() ==
          R"({"id":"a","name":"Cause A","summary":"A.","usual_urgency":"self-care"})");
}

TEST_CASE("every catalog document has the version first and the notice last", "[catalog]") {
    RuleSet rules = small_rules();
    for (const auto &out :
         {causes_json(rules), cause_json(rules, rules.causes[0]), techniques_json(rules),
          treatments_json(rules), questions_json(rules)}) {
        CHECK(out.begin().key() == "schema_version");
        CHECK((--out.end()).key() == "notice");
        CHECK(out["notice"] == "See your practitioner.");
    }
}

TEST_CASE("a question shows min, max and options only where they apply", "[catalog]") {
    RuleSet rules = small_rules();
    auto questions = questions_json(rules)["questions"];
    CHECK(questions[0].dump() == R"({"id":"pain","type":"yes_no","prompt":"Pain","help":""})");
    CHECK(questions[2].dump() ==
          R"({"id":"age","type":"integer","prompt":"Age","help":"","min":0,"max":120})");
    CHECK(questions[3]["options"].dump() == R"(["left","right","both"])");
}

TEST_CASE("a question's unit and ask_when are given as the rule format writes them",
          "[catalog]") {
    RuleSet rules = load_rules(
        sciatica::test::small_rules_with(
            "  - {id: side, type: choice, options: [left, right, both], prompt: Side}\n",
            "  - {id: side, type: choice, options: [left, right, both], prompt: Side}\n"
            "  - {id: weeks, type: number, min: 0, unit: weeks, prompt: Weeks, ask_when: "
            "{all: [{q: pain, eq: true}, {not: {q: side, in: [left, both]}}, {q: age, ge: 18}]}}\n"),
        "small.yaml");
    auto weeks = questions_json(rules)["questions"][4];
    CHECK(weeks["unit"] == "weeks");
    CHECK(weeks["ask_when"].dump() ==
          R"({"all":[{"q":"pain","eq":true},{"not":{"q":"side","in":["left","both"]}},)"
          R"({"q":"age","ge":18}]})");
    CHECK_FALSE(questions_json(rules)["questions"][0].contains("ask_when"));
}

TEST_CASE("one technique can be asked for, with the urgencies it is withheld at", "[catalog]") {
    RuleSet rules = small_rules();
    auto out = techniques_json(rules, &find_technique(rules, "rub"));
    REQUIRE(out["techniques"].size() == 1);
    CHECK(out["techniques"][0]["not_at"].dump() == R"(["soon"])");
}

TEST_CASE("an unknown cause names the nearest id", "[catalog]") {
    RuleSet rules = small_rules();
    try {
        find_cause(rules, "aa");
        FAIL("no error");
    } catch (const Error &e) {
        CHECK(e.kind() == ErrorKind::usage);
        CHECK(std::string(e.what()) ==
              "unknown cause 'aa' (did you mean 'a'?); 'sciatica causes' lists them");
    }
}

TEST_CASE("an id contained in exactly one known id suggests that one", "[catalog]") {
    RuleSet rules =
        load_rules(sciatica::test::small_rules_with("{id: walk, name: Walk,",
                                                    "{id: brisk-walking-outdoors, name: Walk,"),
                   "small.yaml");
    try {
        find_technique(rules, "walking");
        FAIL("no error");
    } catch (const Error &e) {
        CHECK(std::string(e.what()) == "unknown technique 'walking' (did you mean "
                                       "'brisk-walking-outdoors'?); 'sciatica techniques' lists "
                                       "them");
    }
}

TEST_CASE("one technique's document lists only the equipment it uses", "[catalog]") {
    RuleSet rules = load_rules(rules_with_extras(), "rules.yaml");
    auto rub = techniques_json(rules, &find_technique(rules, "rub"));
    CHECK(rub["techniques"][0]["equipment"].dump() == R"(["Ball"])");
    CHECK(rub["equipment"].dump() ==
          R"([{"id":"ball","name":"Ball","description":"A ball.","how_to_use":"Lie on it.",)"
          R"("source":"test"}])");
    CHECK(techniques_json(rules, &find_technique(rules, "walk"))["equipment"].empty());
    CHECK(techniques_json(rules)["equipment"].size() == 2);
}

TEST_CASE("a treatment carries its id and its source", "[catalog]") {
    RuleSet rules = load_rules(rules_with_extras(), "rules.yaml");
    CHECK(treatments_json(rules)["treatments"].dump() ==
          R"([{"id":"rest","name":"Rest","description":"Rest a while.","source":"A guideline"}])");
}

TEST_CASE("the about document has its members in order, the notice last", "[catalog]") {
    RuleSet rules = load_rules(rules_with_extras(), "rules.yaml");
    auto out = about_json(rules);
    std::vector<std::string> keys;
    for (auto it = out.begin(); it != out.end(); ++it) {
        keys.push_back(it.key());
    }
    CHECK(keys == std::vector<std::string>{"schema_version", "name", "what_it_is", "nerve_path",
                                           "symptoms", "diagnosis", "get_help_now", "source",
                                           "notice"});
    CHECK(out["get_help_now"].dump() == R"([{"advice":"Go now.","signs":["Numbness"]}])");
}

TEST_CASE("a rule set without an about section is bad data for about", "[catalog]") {
    RuleSet rules = small_rules();
    try {
        about_json(rules);
        FAIL("no error");
    } catch (const Error &e) {
        CHECK(e.kind() == ErrorKind::data);
        CHECK(std::string(e.what()) == "this rule set has no 'about' section");
    }
}
