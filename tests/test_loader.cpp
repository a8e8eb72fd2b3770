#include "lib/error.hpp"
#include "lib/loader.hpp"
#include "lib/yaml_guard.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace sciatica;
using sciatica::test::first_error;
using sciatica::test::small_rules_with;

using sciatica::test::rules_with_extras;

TEST_CASE("the small fixture rule set loads without errors", "[loader]") {
    LoadResult result = parse_rules(sciatica::test::k_small_rules, "small.yaml");
    for (const auto &d : result.diagnostics) {
        CHECK(d.severity == Diagnostic::Severity::warning); // its red flag has no source
    }
    REQUIRE(result.rules);
    CHECK(result.rules->questions.size() == 4);
    CHECK(result.rules->urgencies.front().id == "emergency");
}

TEST_CASE("the embedded default rule set loads cleanly", "[loader]") {
    LoadResult result = parse_rules(default_rules_text(), "default.yaml");
    for (const auto &d : result.diagnostics) {
        INFO(d.to_string());
    }
    CHECK_FALSE(has_errors(result.diagnostics));
}

TEST_CASE("a YAML syntax error names the file, line and column", "[loader]") {
    CHECK(first_error("format: [unclosed\n") ==
          "rules.yaml:2:1: error: end of sequence flow not found");
}

TEST_CASE("an empty file is reported as an empty rule set", "[loader]") {
    CHECK(first_error("") == "rules.yaml: error: the rule set is empty");
}

TEST_CASE("a misspelt question id in a condition suggests the nearest id", "[loader]") {
    CHECK(first_error(small_rules_with("{q: age, ge: 60}", "{q: aeg, ge: 60}")) ==
          "rules.yaml:19:53: error: unknown question 'aeg' (did you mean 'age'?)");
}

TEST_CASE("an unknown key names the key and suggests the known one", "[loader]") {
    CHECK(first_error(small_rules_with("notice:", "notise:")) ==
          "rules.yaml:2:1: error: unknown key 'notise' (did you mean 'notice'?)");
}

TEST_CASE("a duplicate key is an error, not silently the last one", "[loader]") {
    CHECK(
        first_error(small_rules_with("notice: See your practitioner.", "notice: A.\nnotice: B.")) ==
        "rules.yaml:3:1: error: duplicate key 'notice'");
}

TEST_CASE("a missing required key names the key", "[loader]") {
    CHECK(first_error(small_rules_with("notice: See your practitioner.\n", "")) ==
          "rules.yaml:1:1: error: missing key 'notice'");
}

TEST_CASE("yes is not accepted where a rule file means true", "[loader]") {
    CHECK(first_error(
              small_rules_with("{q: pain, eq: true}, {q: numb", "{q: pain, eq: yes}, {q: numb")) ==
          "rules.yaml:16:32: error: 'pain' is a yes_no question: compare it with true or false");
}

TEST_CASE("a yes_no question cannot be compared with a number", "[loader]") {
    CHECK(first_error(
              small_rules_with("{q: pain, eq: true}, {q: numb", "{q: pain, eq: 1}, {q: numb")) ==
          "rules.yaml:16:32: error: 'pain' is a yes_no question: compare it with true or false");
}

TEST_CASE("a choice value must be one of the question's options", "[loader]") {
    CHECK(first_error(small_rules_with("{q: side, eq: left}", "{q: side, eq: lfet}")) ==
          "rules.yaml:28:30: error: 'lfet' is not an option of 'side' (did you mean 'left'?)");
}

TEST_CASE("a number outside the question's range is an error", "[loader]") {
    CHECK(first_error(small_rules_with("{q: age, ge: 60}", "{q: age, ge: 160}")) ==
          "rules.yaml:19:62: error: 160 is outside the range of 'age' (0 to 120)");
}

TEST_CASE("a duplicate id is an error at the second one", "[loader]") {
    CHECK(first_error(small_rules_with("{id: walk,", "{id: rub,")) ==
          "rules.yaml:39:10: error: duplicate id 'rub' in 'techniques'");
}

TEST_CASE("an unknown urgency in a rule suggests the nearest level", "[loader]") {
    CHECK(first_error(small_rules_with("urgency: soon,", "urgency: son,")) ==
          "rules.yaml:19:37: error: unknown urgency 'son' (did you mean 'soon'?)");
}

TEST_CASE("a cause with no supporting finding is an error", "[loader]") {
    CHECK(first_error(small_rules_with("{when: {q: numb, eq: true}, weight: 2}",
                                       "{when: {q: numb, eq: true}, weight: -2}")) ==
          "rules.yaml:35:7: error: cause 'b' has no finding that supports it");
}

TEST_CASE("a comparison needs exactly one operator", "[loader]") {
    CHECK(first_error(small_rules_with("{q: age, ge: 60}", "{q: age, ge: 60, lt: 90}")) ==
          "rules.yaml:19:49: error: a comparison needs exactly one of eq, ne, lt, le, gt, ge, in");
}

TEST_CASE("a loaded rule set refuses to run when it has an error", "[loader]") {
    CHECK_THROWS_WITH(
        load_rules(small_rules_with("format: sciatica-rules/1", "format: sciatica-rules/9"),
                   "x.yaml"),
        "x.yaml:1:9: unsupported format 'sciatica-rules/9' (this build "
        "reads 'sciatica-rules/1')");
}

TEST_CASE("a rule set file that does not exist is missing input", "[loader]") {
    try {
        load_rules_file("/nonexistent/rules.yaml");
        FAIL("no error");
    } catch (const Error &e) {
        CHECK(e.kind() == ErrorKind::no_input);
        CHECK(std::string(e.what()) ==
              "/nonexistent/rules.yaml: cannot open: No such file or directory");
    }
}

TEST_CASE("an anchor is refused where it stands", "[loader]") {
    CHECK(first_error(small_rules_with("notice: See", "notice: &n See")) ==
          "rules.yaml:2:9: error: anchors (&name) are not allowed in a rule file; write the "
          "value out");
}

TEST_CASE("an alias that would form a cycle is refused, not followed", "[loader]") {
    CHECK(first_error("a: &x [*x]\n") ==
          "rules.yaml:1:4: error: anchors (&name) are not allowed in a rule file; write the "
          "value out");
    CHECK(first_error("a: *x\n").find("rules.yaml:1:4: error: ") == 0);
}

TEST_CASE("bytes that are not UTF-8 are reported at their position", "[loader]") {
    CHECK(first_error(small_rules_with("notice: See", "notice: S\xff")) ==
          "rules.yaml:2:10: error: the text is not valid UTF-8");
}

TEST_CASE("deep nesting is an error, not a crash", "[loader]") {
    std::string deep(100000, '[');
    CHECK(first_error(deep) == "rules.yaml:1:33: error: nested more than 64 levels deep");
}

TEST_CASE("a file over the size limit is refused before parsing", "[loader]") {
    std::string big(k_max_rules_bytes + 1, '#');
    CHECK(first_error(big) == "rules.yaml: error: too large: a rule file may be at most 4 MiB");
}

TEST_CASE("two documents in one rule file are refused", "[loader]") {
    CHECK(first_error(std::string(sciatica::test::k_small_rules) + "---\na: 1\n") ==
          "rules.yaml: error: a rule file holds one YAML document, not several");
}

TEST_CASE("a technique's equipment is read as references to the rule set's equipment", "[loader]") {
    RuleSet rules = load_rules(rules_with_extras("[roller, ball]"), "rules.yaml");
    const Technique &rub = rules.techniques.at(0);
    CHECK(rub.equipment_refs == std::vector<int>{1, 0});
    CHECK(rub.equipment == std::vector<std::string>{"Roller", "Ball"});
    CHECK(rules.equipment.at(0).how_to_use == "Lie on it.");
    CHECK(rules.treatments.at(0).source == "A guideline");
}

namespace {

// "LINE:COLUMN" of the first `what` in `text`, counted from 1.
std::string position_of(const std::string &text, const std::string &what) {
    std::size_t at = text.find(what);
    std::size_t line_start = text.rfind('\n', at) + 1; // npos + 1 == 0 on the first line
    auto line = std::count(text.begin(), text.begin() + static_cast<long>(at), '\n') + 1;
    return std::to_string(line) + ":" + std::to_string(at - line_start + 1);
}

} // namespace

namespace {

std::string replaced(std::string text, const std::string &from, const std::string &to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

} // namespace

TEST_CASE("an unknown equipment id in a technique suggests the nearest id", "[loader]") {
    std::string text = rules_with_extras("[bal]");
    CHECK(first_error(text) == "rules.yaml:" + position_of(text, "bal]") +
                                   ": error: unknown equipment 'bal' (did you mean 'ball'?)");
}

TEST_CASE("the about section is read with its figure and warning signs", "[loader]") {
    RuleSet rules = load_rules(rules_with_extras(), "rules.yaml");
    CHECK(rules.about.name == "Pain");
    CHECK(rules.about.figure_ascii == "|\n");
    CHECK(rules.about.figure_unicode.empty());
    REQUIRE(rules.about.get_help_now.size() == 1);
    CHECK(rules.about.get_help_now[0].signs == std::vector<std::string>{"Numbness"});
}

TEST_CASE("an about section without its warning signs names the missing key", "[loader]") {
    std::string text = rules_with_extras();
    std::string signs = "  get_help_now:\n    - {advice: Go now., signs: [Numbness]}\n";
    text.erase(text.find(signs), signs.size());
    CHECK(first_error(text) ==
          "rules.yaml:" + position_of(text, "name: Pain") + ": error: missing key 'get_help_now'");
}

TEST_CASE("the default rule set has every text the output lays out", "[loader]") {
    const RuleSet &rules = default_rules();
    for (const auto &key : text_keys()) {
        INFO(key.key);
        CHECK_FALSE((rules.texts.*key.member).empty());
    }
    CHECK_FALSE(rules.emergency_signs.empty());
}

TEST_CASE("texts and statements are read into the rule set", "[loader]") {
    std::string text =
        small_rules_with("notice: See your practitioner.", "notice: See your practitioner.\n"
                                                           "texts: {causes_heading: Maybe}\n"
                                                           "emergency_signs: [numb, weak]");
    text = replaced(text, "{id: pain, type: yes_no, prompt: Pain}",
                    "{id: pain, type: yes_no, prompt: Pain, says_yes: sore, "
                    "says_no: not sore}");
    text = replaced(text, "options: [left, right, both], prompt: Side}",
                    "options: [left, right, both], prompt: Side, "
                    "says: {left: on the left}}");
    text = replaced(text, "max: 120, prompt: Age}",
                    "max: 120, prompt: Age, unit: years, says: 'aged {answer}'}");
    LoadResult result = parse_rules(text, "rules.yaml");
    for (const auto &d : result.diagnostics) {
        INFO(d.to_string());
    }
    REQUIRE(result.rules);
    CHECK(result.rules->texts.causes_heading == "Maybe");
    CHECK(result.rules->texts.no_causes.empty());
    CHECK(result.rules->emergency_signs == std::vector<std::string>{"numb", "weak"});
    CHECK(result.rules->questions[0].says == std::vector<std::string>{"not sore", "sore"});
    CHECK(result.rules->questions[3].says == std::vector<std::string>{"on the left", "", ""});
    CHECK(result.rules->questions[2].unit == "years");
}

TEST_CASE("an unknown text key suggests the known one", "[loader]") {
    CHECK(first_error(small_rules_with("notice: See your practitioner.",
                                       "notice: See your practitioner.\n"
                                       "texts: {cause_heading: X}")) ==
          "rules.yaml:3:9: error: unknown key 'cause_heading' (did you mean 'causes_heading'?)");
}

TEST_CASE("a statement for an option the question does not have is an error", "[loader]") {
    CHECK(first_error(small_rules_with("options: [left, right, both], prompt: Side}",
                                       "options: [left, right, both], prompt: Side, "
                                       "says: {lft: x}}")) ==
          "rules.yaml:11:81: error: unknown key 'lft' (did you mean 'left'?)");
}

TEST_CASE("a yes_no question is told to use says_yes and says_no", "[loader]") {
    CHECK(first_error(small_rules_with("{id: pain, type: yes_no, prompt: Pain}",
                                       "{id: pain, type: yes_no, prompt: Pain, says: x}")) ==
          "rules.yaml:8:50: error: a yes_no question says its answers with 'says_yes' and "
          "'says_no'");
}

TEST_CASE("an unknown unit names the units there are", "[loader]") {
    CHECK(first_error(small_rules_with("max: 120, prompt: Age}", "max: 120, prompt: Age, "
                                                                 "unit: yeras}")) ==
          "rules.yaml:10:67: error: unknown unit 'yeras' (did you mean 'years'?); use days, "
          "weeks, months or years");
}

TEST_CASE("an unknown question type names the types there are", "[loader]") {
    CHECK(first_error(small_rules_with("{id: age, type: integer,", "{id: age, type: integr,")) ==
          "rules.yaml:10:21: error: unknown question type 'integr' (did you mean 'integer'?); use "
          "yes_no, integer, number or choice");
}

TEST_CASE("each question type is read by the name it is written with", "[loader]") {
    for (QuestionType type : question_types()) {
        std::string name = question_type_name(type);
        std::string options = type == QuestionType::choice ? "options: [a, b], " : "";
        LoadResult result = parse_rules(
            small_rules_with("  - {id: side,", "  - {id: extra, type: " + name + ", " + options +
                                                   "prompt: Extra}\n  - {id: side,"),
            "rules.yaml");
        REQUIRE(result.rules);
        CHECK(sciatica::test::question(*result.rules, "extra").type == type);
    }
}

TEST_CASE("a question's group must be a question group and the question yes/no", "[loader]") {
    const std::string groups = "\nquestion_groups:\n  - {id: g, prompt: Which apply}\n";
    CHECK_THAT(
        sciatica::test::first_error(sciatica::test::small_rules_with(
                                        "  - {id: pain, type: yes_no, prompt: Pain}",
                                        "  - {id: pain, type: yes_no, prompt: Pain, group: h}") +
                                    groups),
        Catch::Contains("unknown question group 'h'"));
    CHECK_THAT(sciatica::test::first_error(
                   sciatica::test::small_rules_with(
                       "  - {id: age, type: integer, min: 0, max: 120, prompt: Age}",
                       "  - {id: age, type: integer, min: 0, max: 120, prompt: Age, group: g}") +
                   groups),
               Catch::Contains("'group' applies only to yes_no questions"));
}
