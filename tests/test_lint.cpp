#include "lib/lint.hpp"
#include "lib/loader.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace sciatica;
using sciatica::test::small_rules_with;

namespace {

// Every diagnostic of loading `yaml`, in order of position, as text.
std::vector<std::string> all_diagnostics_of(const std::string &yaml) {
    std::vector<Diagnostic> diagnostics = parse_rules(yaml, "rules.yaml").diagnostics;
    sort_by_position(diagnostics);
    std::vector<std::string> out;
    for (const auto &d : diagnostics) {
        out.push_back(d.to_string());
    }
    return out;
}

// As above, without the warning that the fixture's red flag has no source
// (tested on its own below), so each test sees only what it is about.
std::vector<std::string> diagnostics_of(const std::string &yaml) {
    std::vector<std::string> out = all_diagnostics_of(yaml);
    out.erase(std::remove_if(out.begin(), out.end(),
                             [](const std::string &d) {
                                 return d.find("red flag 'alarm' has no 'source'") !=
                                        std::string::npos;
                             }),
              out.end());
    return out;
}

using Lines = std::vector<std::string>;

// The fixture's urgency rule "old" with its condition replaced by `when`.
std::string old_rule_when(const std::string &when) {
    return small_rules_with("when: {q: age, ge: 60}", "when: " + when);
}

} // namespace

TEST_CASE("the small fixture rule set, with its red flag's source, has nothing to lint", "[lint]") {
    CHECK(diagnostics_of(small_rules_with("    advice: Go.\n", "    advice: Go.\n    source: t\n"))
              .empty());
}

TEST_CASE("the default rule set lints without errors or warnings", "[lint]") {
    CHECK(diagnostics_of(std::string(default_rules_text())).empty());
}

TEST_CASE("comparisons on one question whose ranges do not meet can never be true", "[lint]") {
    CHECK(diagnostics_of(old_rule_when("{all: [{q: age, ge: 60}, {q: age, lt: 40}]}")) ==
          Lines{"rules.yaml:19:49: error: this condition can never be true: no answer to 'age' "
                "satisfies it"});
}

TEST_CASE("the question whose comparisons conflict is named among others", "[lint]") {
    CHECK(diagnostics_of(
              old_rule_when("{all: [{q: pain, eq: true}, {q: age, gt: 60}, {q: age, le: 60}]}")) ==
          Lines{"rules.yaml:19:49: error: this condition can never be true: no answer to 'age' "
                "satisfies all its comparisons"});
}

TEST_CASE("an integer question never equals a value between whole numbers", "[lint]") {
    CHECK(diagnostics_of(old_rule_when("{q: age, in: [60.5, 61.5]}")) ==
          Lines{"rules.yaml:19:49: error: this condition can never be true: no answer to 'age' "
                "satisfies it"});
}

TEST_CASE("a strict and a loose bound that meet at one value still hold together", "[lint]") {
    CHECK(diagnostics_of(old_rule_when("{all: [{q: age, ge: 60}, {q: age, le: 60}]}")).empty());
}

TEST_CASE("an impossible alternative inside an any is reported on its own", "[lint]") {
    CHECK(diagnostics_of(old_rule_when(
              "{any: [{q: age, ge: 60}, {all: [{q: numb, eq: true}, {q: numb, ne: true}]}]}")) ==
          Lines{"rules.yaml:19:74: error: this condition can never be true: no answer to 'numb' "
                "satisfies it"});
}

TEST_CASE("a negation that excludes every option can never be true", "[lint]") {
    CHECK(diagnostics_of(old_rule_when("{not: {q: side, in: [left, right, both]}}")) ==
          Lines{"rules.yaml:10:5: warning: question 'age' is not used by any condition",
                "rules.yaml:19:49: error: this condition can never be true: no answer to 'side' "
                "satisfies it"});
}

TEST_CASE("a condition that can never be true makes the rule set refused", "[lint]") {
    LoadResult result =
        parse_rules(old_rule_when("{all: [{q: age, ge: 60}, {q: age, lt: 40}]}"), "rules.yaml");
    CHECK_FALSE(result.rules);
}

TEST_CASE("a question no condition uses is a warning that does not refuse the set", "[lint]") {
    std::string yaml = small_rules_with("red_flags:", "  - {id: spare, type: yes_no, prompt: "
                                                      "Spare}\nred_flags:");
    CHECK(diagnostics_of(yaml) ==
          Lines{"rules.yaml:12:5: warning: question 'spare' is not used by any condition"});
    CHECK(parse_rules(yaml, "rules.yaml").rules);
}

TEST_CASE("an ask_when that refers to a later question is a warning", "[lint]") {
    CHECK(diagnostics_of(small_rules_with(
              "{id: pain, type: yes_no, prompt: Pain}",
              "{id: pain, type: yes_no, prompt: Pain, ask_when: {q: numb, eq: true}}")) ==
          Lines{"rules.yaml:8:54: warning: the ask_when of 'pain' refers to 'numb', which is "
                "asked after it"});
}

TEST_CASE("an ask_when that refers to its own question is a warning", "[lint]") {
    CHECK(diagnostics_of(small_rules_with(
              "{id: numb, type: yes_no, prompt: Numb}",
              "{id: numb, type: yes_no, prompt: Numb, ask_when: {q: numb, eq: true}}")) ==
          Lines{"rules.yaml:9:54: warning: the ask_when of 'numb' refers to 'numb' itself"});
}

TEST_CASE("a level allowing self-care above one that does not is a warning", "[lint]") {
    std::string yaml = small_rules_with("Go now, self_care: false", "Go now, self_care: true");
    yaml.replace(yaml.find("Book soon, self_care: true"), 26, "Book soon, self_care: false");
    CHECK(diagnostics_of(yaml) == Lines{"rules.yaml:4:5: warning: urgency 'emergency' allows "
                                        "self-care but is more severe than 'soon', which does "
                                        "not",
                                        "rules.yaml:4:5: error: urgency 'emergency' allows "
                                        "self-care (self_care: true); no technique may be "
                                        "offered at emergency or urgent"});
}

TEST_CASE("a red flag at the least severe level is a warning", "[lint]") {
    CHECK(diagnostics_of(small_rules_with("urgency: emergency", "urgency: self-care")) ==
          Lines{"rules.yaml:13:5: warning: red flag 'alarm' has the least severe urgency "
                "'self-care', so it never raises the urgency"});
}

TEST_CASE("a blank practitioner notice is an error", "[lint]") {
    CHECK(diagnostics_of(small_rules_with("notice: See your practitioner.", "notice: \"  \"")) ==
          Lines{"rules.yaml: error: the practitioner notice is missing or blank; every result "
                "must carry it"});
}

TEST_CASE("a missing notice is an error", "[lint]") {
    CHECK(diagnostics_of(small_rules_with("notice: See your practitioner.\n", "")) ==
          Lines{"rules.yaml:1:1: error: missing key 'notice'"});
}

TEST_CASE("a red flag without an urgency is an error", "[lint]") {
    CHECK(diagnostics_of(small_rules_with("    urgency: emergency\n", "")) ==
          Lines{"rules.yaml:13:5: error: missing key 'urgency'"});
}

TEST_CASE("diagnostics are sorted by file, line and column", "[lint]") {
    std::vector<Diagnostic> list = {{Diagnostic::Severity::error, "b", 1, 1, "x"},
                                    {Diagnostic::Severity::error, "a", 9, 2, "y"},
                                    {Diagnostic::Severity::error, "a", 9, 1, "z"}};
    sort_by_position(list);
    CHECK(list[0].message == "z");
    CHECK(list[1].message == "y");
    CHECK(list[2].message == "x");
}

TEST_CASE("a red flag without a source is a warning", "[lint]") {
    CHECK(all_diagnostics_of(sciatica::test::k_small_rules) ==
          Lines{"rules.yaml:13:5: warning: red flag 'alarm' has no 'source' (the guideline and "
                "section it comes from)"});
}

TEST_CASE("red flags without an incomplete_screen are a warning", "[lint]") {
    std::string yaml = small_rules_with("    advice: Go.\n", "    advice: Go.\n    source: t\n");
    yaml = yaml.substr(0, yaml.find("incomplete_screen:"));
    CHECK(all_diagnostics_of(yaml) ==
          Lines{"rules.yaml: warning: no 'incomplete_screen': a red flag left unanswered would not "
                "raise the urgency (techniques are still withheld)"});
}

TEST_CASE("a warning sign skipped by an answer that does not rule it out is a warning",
          "[lint]") {
    // "Numb" decides the alarm with "pain"; asking it only without pain
    // hides the alarm from exactly the person it is for.
    CHECK(diagnostics_of(small_rules_with(
              "{id: numb, type: yes_no, prompt: Numb}",
              "{id: numb, type: yes_no, prompt: Numb, ask_when: {q: pain, eq: false}}")) ==
          Lines{"rules.yaml:9:54: warning: the ask_when of warning-sign question 'numb' can "
                "skip it while red flag 'alarm' would hold on a yes; skip a warning sign only "
                "when an earlier answer rules it out"});
    // Skipped only when there is no pain, which rules the alarm out: fine.
    CHECK(diagnostics_of(small_rules_with(
              "{id: numb, type: yes_no, prompt: Numb}",
              "{id: numb, type: yes_no, prompt: Numb, ask_when: {q: pain, eq: true}}"))
              .empty());
}

TEST_CASE("an implication that reads the answer it implies is an error", "[lint]") {
    std::string yaml = small_rules_with("urgency_rules:", R"(implications:
  - {id: loop, when: {q: numb, ne: true}, implies: {q: numb, eq: true}, source: t}
urgency_rules:)");
    CHECK(diagnostics_of(yaml) ==
          Lines{"rules.yaml:19:22: error: implication 'loop' reads 'numb', the answer it implies"});
}

TEST_CASE("an implication whose condition can never hold is an error", "[lint]") {
    std::string yaml = small_rules_with("urgency_rules:", R"(implications:
  - {id: never, when: {all: [{q: age, gt: 60}, {q: age, lt: 40}]}, implies: {q: numb, eq: true}, source: t}
urgency_rules:)");
    std::vector<std::string> found = diagnostics_of(yaml);
    REQUIRE(found.size() == 1);
    CHECK(found[0].find("error: this condition can never be true") != std::string::npos);
}
