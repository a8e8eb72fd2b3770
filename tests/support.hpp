#pragma once

// Shared fixtures for the unit tests: a small rule set written inline, and
// helpers to build answers by question id.

#include "lib/answers.hpp"
#include "lib/loader.hpp"

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace sciatica::test {

// A minimal valid rule set; tests append to it or replace parts of it.
inline const char *k_small_rules = R"(format: sciatica-rules/1
notice: See your practitioner.
urgencies:
  - {id: emergency, name: Emergency, advice: Go now, self_care: false, ends_interview: true}
  - {id: soon, name: Soon, advice: Book soon, self_care: true}
  - {id: self-care, name: Self-care, advice: Look after yourself, self_care: true}
questions:
  - {id: pain, type: yes_no, prompt: Pain}
  - {id: numb, type: yes_no, prompt: Numb}
  - {id: age, type: integer, min: 0, max: 120, prompt: Age}
  - {id: side, type: choice, options: [left, right, both], prompt: Side}
red_flags:
  - id: alarm
    name: Alarm
    urgency: emergency
    when: {all: [{q: pain, eq: true}, {q: numb, eq: true}]}
    advice: Go.
urgency_rules:
  - {id: old, name: Older, urgency: soon, when: {q: age, ge: 60}, advice: Check}
causes:
  - id: a
    name: Cause A
    summary: A.
    description: A.
    source: test
    findings:
      - {when: {q: pain, eq: true}, weight: 2}
      - {when: {q: side, eq: left}, weight: 1}
  - id: b
    name: Cause B
    summary: B.
    description: B.
    source: test
    findings:
      - {when: {q: numb, eq: true}, weight: 2}
      - {when: {q: pain, eq: true}, weight: -5}
techniques:
  - {id: rub, name: Rub, summary: Rub it, steps: [Rub], not_at: [soon]}
  - {id: walk, name: Walk, summary: Walk, steps: [Walk]}
incomplete_screen:
  urgency: soon
  name: Not ruled out
  advice: These could still hold.
  ask: These would rule them out.
)";

inline RuleSet small_rules() {
    return load_rules(k_small_rules, "small.yaml");
}

// The question `id` of `rules`, which must exist.
inline const Question &question(const RuleSet &rules, const char *id) {
    return rules.questions.at(static_cast<std::size_t>(rules.question_index(id)));
}

// Answers for `rules` from (id, text) pairs, parsed as a person would type them.
inline Answers answers_of(const RuleSet &rules,
                          const std::vector<std::pair<std::string, std::string>> &pairs) {
    Answers answers = no_answers(rules);
    for (const auto &[id, text] : pairs) {
        apply_answer_flag(rules, answers, id + "=" + text);
    }
    return answers;
}

// The first diagnostic's text, or "" when loading succeeded.
inline std::string first_error(const std::string &yaml) {
    LoadResult result = parse_rules(yaml, "rules.yaml");
    for (const auto &d : result.diagnostics) {
        if (d.severity == Diagnostic::Severity::error) {
            return d.to_string();
        }
    }
    return "";
}

// k_small_rules with `from` replaced by `to` (which must occur).
inline std::string small_rules_with(const std::string &from, const std::string &to) {
    std::string text = k_small_rules;
    auto at = text.find(from);
    if (at == std::string::npos) {
        throw std::logic_error("fixture text not found: " + from);
    }
    return text.replace(at, from.size(), to);
}

// `text` with `from` replaced by `to` (which must occur).
inline std::string small_rules_with_in(std::string text, const std::string &from,
                                       const std::string &to) {
    auto at = text.find(from);
    if (at == std::string::npos) {
        throw std::logic_error("fixture text not found: " + from);
    }
    return text.replace(at, from.size(), to);
}

// The small fixture with equipment that its "rub" technique uses, a
// treatment and an `about` section.
inline const char *k_extras = R"(equipment:
  - {id: ball, name: Ball, description: A ball., how_to_use: Lie on it., source: test}
  - {id: roller, name: Roller, description: A roller., how_to_use: Roll on it., source: test}
treatments:
  - {id: rest, name: Rest, description: Rest a while., source: A guideline}
about:
  name: Pain
  what_it_is: A symptom.
  nerve_path: From the back to the foot.
  figure: {ascii: "|\n"}
  symptoms: [Pain]
  diagnosis: History and examination.
  get_help_now:
    - {advice: Go now., signs: [Numbness]}
  source: test
)";

inline std::string rules_with_extras(const std::string &rub_equipment = "[ball]") {
    return small_rules_with("not_at: [soon]}",
                            "not_at: [soon], equipment: " + rub_equipment + "}") +
           k_extras;
}

} // namespace sciatica::test
