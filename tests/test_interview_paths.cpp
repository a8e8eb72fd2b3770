// The interview against the same answers given at once (issue 18, item 7),
// over many made-up people: whatever a person knows and does not know, the
// questions the interview chooses to ask never lead to a milder urgency, nor
// to a technique, that their answers given as JSON would not.

#include "lib/answers.hpp"
#include "lib/engine.hpp"
#include "lib/interview.hpp"
#include "lib/loader.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

using namespace sciatica;

namespace {

// A person whose answers hang together: each question, in the rule set's
// order, is left unanswered when an earlier answer makes it not apply (its
// ask_when is false) or already says it (an implication), and is otherwise
// "don't know" at the person's rate of not knowing, a yes at their rate of
// yes, or one of the values the interview itself would try (each side of
// every threshold). The rates vary from person to person, from the nearly
// well to the very unwell and from the sure to the unsure.
Answers made_up_person(const RuleSet &rules, std::mt19937 &random) {
    static const double k_unsure[] = {0, 0.02, 0.1, 0.3};
    static const double k_yes[] = {0.01, 0.05, 0.15, 0.4};
    std::uniform_int_distribution<int> pick(0, 3);
    const double unsure = k_unsure[pick(random)];
    const double yes = k_yes[pick(random)];
    std::uniform_real_distribution<double> chance(0, 1);
    Answers person = no_answers(rules);
    Interview probe(rules, no_answers(rules));
    for (std::size_t i = 0; i < rules.questions.size(); ++i) {
        Answers said = person;
        implied_answers(rules, said);
        const auto &ask_when = rules.questions[i].ask_when;
        if (said[i] || (ask_when && evaluate(*ask_when, said) == Tri::no)) {
            continue;
        }
        if (chance(random) < unsure) {
            continue; // don't know
        }
        if (rules.questions[i].type == QuestionType::yes_no) {
            person[i] = chance(random) < yes ? 1 : 0;
            continue;
        }
        std::vector<double> values = probe.probe_values(static_cast<int>(i));
        if (!values.empty()) {
            person[i] = values[std::uniform_int_distribution<std::size_t>(0, values.size() - 1)(
                random)];
        }
    }
    return person;
}

// The person answers whatever the interview asks from what they know.
Result interviewed(const RuleSet &rules, const Answers &person) {
    Interview interview(rules, no_answers(rules));
    for (int q = interview.next(); q != -1; q = interview.next()) {
        interview.answer(q, person[static_cast<std::size_t>(q)]);
    }
    return interview.result();
}

std::vector<std::string> ids(const std::vector<const Technique *> &techniques) {
    std::vector<std::string> out;
    for (const auto *technique : techniques) {
        out.push_back(technique->id);
    }
    return out;
}

} // namespace

TEST_CASE("the interview never reaches a milder result than the same answers given at once",
          "[interview][paths]") {
    const RuleSet &rules = default_rules();
    std::mt19937 random(20261202); // fixed: the same people every run
    int emergencies = 0;
    int self_care = 0;
    int with_techniques = 0;
    for (int n = 0; n < 1000; ++n) {
        Answers person = made_up_person(rules, random);
        Result asked = interviewed(rules, person);
        Result given = evaluate(rules, person);
        INFO("person " << n);
        // A smaller index is more severe.
        CHECK(asked.urgency <= given.urgency);
        std::vector<std::string> offered = ids(asked.techniques);
        std::vector<std::string> allowed = ids(given.techniques);
        for (const auto &id : offered) {
            INFO("technique " << id);
            CHECK(std::find(allowed.begin(), allowed.end(), id) != allowed.end());
        }
        emergencies += rules.urgencies[static_cast<std::size_t>(asked.urgency)].ends_interview;
        self_care += asked.urgency == rules.default_urgency();
        with_techniques += !asked.techniques.empty();
    }
    WARN(emergencies << " emergencies, " << self_care << " self-care, " << with_techniques
                     << " offered techniques, of 1000");
    // The made-up people cover the range, so the check above means something.
    CHECK(emergencies > 20);
    CHECK(self_care > 20);
    CHECK(with_techniques > 5);
}
