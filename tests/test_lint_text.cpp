#include "lib/condition.hpp"
#include "lib/engine.hpp"
#include "lib/lint.hpp"
#include "lib/lint_text.hpp"
#include "lib/loader.hpp"
#include "lib/satisfiable.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace sciatica;
using sciatica::test::first_error;
using sciatica::test::small_rules_with;

namespace {

std::vector<std::string> diagnostics_of(const std::string &yaml) {
    std::vector<Diagnostic> diagnostics = parse_rules(yaml, "rules.yaml").diagnostics;
    sort_by_position(diagnostics);
    std::vector<std::string> out;
    for (const auto &d : diagnostics) {
        out.push_back(d.to_string());
    }
    return out;
}

using Lines = std::vector<std::string>;

// An `in:` list of `count` whole numbers, 0, 7, 14, ...
std::string numbers(std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        out += (i ? "," : "") + std::to_string(i * 7);
    }
    return out;
}

} // namespace

TEST_CASE("an option that would run a command in a shell is not a plain word", "[lint_text]") {
    CHECK(first_error(small_rules_with("options: [left, right, both]",
                                       "options: [left, right, '$(touch /tmp/x)']")) ==
          "rules.yaml:11:5: error: the option '$(touch /tmp/x)' is not a plain word: use "
          "letters, digits, '_', '-' and '.', starting with a letter or digit");
    CHECK(first_error(
              small_rules_with("options: [left, right, both]", "options: [left, right, '`id`']")) ==
          "rules.yaml:11:5: error: the option '`id`' is not a plain word: use letters, digits, "
          "'_', '-' and '.', starting with a letter or digit");
}

TEST_CASE("ids of every kind are plain words already when loaded", "[lint_text]") {
    CHECK(first_error(small_rules_with("{id: walk,", "{id: 'walk it',")) ==
          "rules.yaml:39:10: error: id 'walk it' must be lower-case letters, digits, '_' or '-'");
    CHECK(first_error(small_rules_with("  - id: b\n", "  - id: \"b\\e[2J\"\n")) ==
          "rules.yaml:29:9: error: id 'b\x1b[2J' must be lower-case letters, digits, '_' or '-'");
    CHECK(is_plain_word("self-care"));
    CHECK(is_plain_word("under_6.5"));
    CHECK_FALSE(is_plain_word("-rf"));
    CHECK_FALSE(is_plain_word("caf\xc3\xa9"));
    CHECK_FALSE(is_plain_word(""));
}

TEST_CASE("a terminal escape in any text is an error", "[lint_text]") {
    CHECK(first_error(small_rules_with("name: Alarm", "name: \"Alarm\\e[8m\"")) ==
          "rules.yaml:13:5: error: the text of red flag 'alarm' holds a control character "
          "(\\x1b); write text without escapes or terminal codes");
    CHECK(first_error(small_rules_with("notice: See your practitioner.",
                                       "notice: \"\\e[2JSee your practitioner.\"")) ==
          "rules.yaml: error: the text of the rule set holds a control character (\\x1b); write "
          "text without escapes or terminal codes");
    CHECK(first_error(small_rules_with("steps: [Walk]", "steps: [\"Walk\\x9b31m\"]")) ==
          "rules.yaml:39:5: error: the text of technique 'walk' holds a control character "
          "(\\xc2\\x9b); write text without escapes or terminal codes");
    CHECK(first_control_character("Two\nlines\tand a tab") == "");
    CHECK(first_control_character("right\xe2\x80\xaeleft") == "\\xe2\\x80\\xae");
}

TEST_CASE("options that differ only in case are an error", "[lint_text]") {
    CHECK(first_error(
              small_rules_with("options: [left, right, both]", "options: [Left, left, both]")) ==
          "rules.yaml:11:5: error: the options of 'side' differ only in case ('left'); answers "
          "match options whatever the case");
}

TEST_CASE("the question id case_id is reserved for batch", "[lint_text]") {
    CHECK(first_error(small_rules_with("red_flags:\n", "  - {id: case_id, type: yes_no, prompt: "
                                                       "Case}\nred_flags:\n")) ==
          "rules.yaml:12:5: error: the question id 'case_id' is reserved: batch reads it as the "
          "case's own id, not an answer");
}

TEST_CASE("a finding's weight is bounded", "[lint_text]") {
    CHECK(first_error(small_rules_with("weight: 2}\n      - {when: {q: side",
                                       "weight: 1e308}\n      - {when: {q: side")) ==
          "rules.yaml:27:9: error: a finding's weight must be from -1000 to 1000");
}

TEST_CASE("weights that cancel out give a score of exactly zero", "[lint_text]") {
    RuleSet rules =
        load_rules(small_rules_with("      - {when: {q: side, eq: left}, weight: 1}\n",
                                    "      - {when: {q: side, eq: left}, weight: 0.1}\n"
                                    "      - {when: {q: side, eq: left}, weight: 0.2}\n"
                                    "      - {when: {q: side, eq: left}, weight: -0.3}\n"),
                   "rules.yaml");
    Answers answers = no_answers(rules);
    answers[3] = 0; // side: left
    Result result = evaluate(rules, answers);
    CHECK(result.causes.empty());
    answers[0] = 1; // pain: cause a adds 2
    result = evaluate(rules, answers);
    REQUIRE(result.causes.size() == 1);
    CHECK(result.causes[0].score == 2.0);
}

TEST_CASE("emergency or urgent levels must not allow self-care", "[lint_text]") {
    CHECK(first_error(small_rules_with("Go now, self_care: false", "Go now, self_care: true")) ==
          "rules.yaml:4:5: error: urgency 'emergency' allows self-care (self_care: true); no "
          "technique may be offered at emergency or urgent");
}

TEST_CASE("a rule set without red flags is a warning", "[lint_text]") {
    std::string yaml =
        small_rules_with("red_flags:\n  - id: alarm\n    name: Alarm\n    urgency: emergency\n"
                         "    when: {all: [{q: pain, eq: true}, {q: numb, eq: true}]}\n"
                         "    advice: Go.\n",
                         "red_flags: []\n");
    CHECK(diagnostics_of(yaml) ==
          Lines{"rules.yaml: warning: the rule set has no red flags: no warning sign can raise "
                "the urgency"});
}

TEST_CASE("a notice of no-break and zero-width spaces is blank", "[lint_text]") {
    CHECK(first_error(small_rules_with("notice: See your practitioner.",
                                       "notice: \"\\u00a0\\u200b\\u2060 \\ufeff\"")) ==
          "rules.yaml: error: the practitioner notice is missing or blank; every result must "
          "carry it");
    CHECK(first_error(small_rules_with("advice: Go.", "advice: \"\\u00a0\\u200b\"")) ==
          "rules.yaml:13:5: error: the advice of red flag 'alarm' looks blank (only spaces, "
          "no-break or zero-width spaces)");
    CHECK_FALSE(looks_blank("\xc2\xa0x"));
}

TEST_CASE("an in list is bounded in length", "[lint_text]") {
    CHECK(first_error(small_rules_with("when: {q: age, ge: 60}",
                                       "when: {q: age, in: [" + numbers(1001) + "]}")) ==
          "rules.yaml:19:62: error: 'in' has 1001 values; a list may have at most 1000");
}

TEST_CASE("long in lists on one question lint and evaluate in n log n", "[lint_text]") {
    // Quadratic work on these lists took minutes; linear takes milliseconds.
    std::vector<double> values;
    for (int i = 0; i < 200000; ++i) {
        values.push_back(i * 7.0);
    }
    RuleSet rules = load_rules(small_rules_with("max: 120", "max: 10000000"), "rules.yaml");
    Condition in{{}, values, {}, 2, Condition::Kind::compare, CompareOp::in};
    Condition not_in{{in}, {}, {}, -1, Condition::Kind::negate, CompareOp::eq};
    Condition both{{in, not_in, in}, {}, {}, -1, Condition::Kind::all, CompareOp::eq};
    auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(can_hold(both, rules));
    Answers answers = no_answers(rules);
    answers[2] = 7 * 150000;
    for (int i = 0; i < 1000; ++i) {
        REQUIRE(evaluate(in, answers) == Tri::yes);
    }
    answers[2] = 7 * 150000 + 1;
    CHECK(evaluate(in, answers) == Tri::no);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
}

TEST_CASE("a control character in the incomplete-screen text or in texts is refused", "[lint]") {
    CHECK_THAT(first_error(small_rules_with("  advice: These could still hold.",
                                            "  advice: \"These \\e[8mcould still hold.\"")),
               Catch::Contains("control character"));
    CHECK_THAT(first_error(std::string(sciatica::test::k_small_rules) +
                           "texts:\n  causes_heading: \"Causes\\e[2J\"\n"),
               Catch::Contains("control character"));
}

TEST_CASE("a rule set that gives some interview or report texts is warned about each missing one",
          "[lint]") {
    Lines found = diagnostics_of(std::string(sciatica::test::k_small_rules) +
                                 "texts:\n  report_title: Summary\n");
    CHECK(std::find(found.begin(), found.end(),
                    "rules.yaml: warning: texts 'yes_words' is missing: the interview or the "
                    "report leaves it out") != found.end());
    CHECK(std::none_of(found.begin(), found.end(), [](const std::string &line) {
        return line.find("'report_title' is missing") != std::string::npos;
    }));
}

TEST_CASE("a red flag in no flag family, or in two, is warned about", "[lint]") {
    const std::string rules = sciatica::test::k_small_rules;
    Lines none = diagnostics_of(rules + "flag_families:\n  - {name: signs, flags: []}\n");
    CHECK_THAT(none.back(), Catch::Contains("red flag 'alarm' is in 0 flag families"));
    Lines two = diagnostics_of(rules + "flag_families:\n  - {name: a, flags: [alarm]}\n"
                                       "  - {name: b, flags: [alarm]}\n");
    CHECK_THAT(two.back(), Catch::Contains("red flag 'alarm' is in 2 flag families"));
    CHECK(diagnostics_of(rules + "flag_families:\n  - {name: a, flags: [alarm]}\n") ==
          diagnostics_of(rules));
}

TEST_CASE("a flag family naming an unknown red flag is an error", "[loader]") {
    CHECK_THAT(first_error(std::string(sciatica::test::k_small_rules) +
                           "flag_families:\n  - {name: a, flags: [alrm]}\n"),
               Catch::Contains("unknown red flag 'alrm'"));
}
