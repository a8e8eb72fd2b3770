#pragma once

#include "lib/rules.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sciatica {

// A rule that holds, and the answers that made it hold.
struct FiredRule {
    const UrgencyRule *rule = nullptr;
    std::vector<int> because; // question indices
};

struct RankedCause {
    const Cause *cause = nullptr;
    double score = 0;
    std::vector<int> because; // answers behind the findings that support it
    bool first = false;       // its `leads_when` holds: ranked ahead of the rest
};

// A watched answer that changed since the previous check (the rule set's
// history.watch), and when that check was. lib/history_changes.hpp finds them.
struct Change {
    int question = -1;
    std::optional<double> before;
    double after = 0;
    std::string since;
};

// An answer the rule set's implications gave: `question` now reads as
// Result::answers has it, `before` is what was given (nothing, or the answer
// it overrode), and `by` are the answers that implied it.
struct ImpliedAnswer {
    int question = -1;
    std::optional<double> before;
    std::vector<int> by;
};

// What the rule set concludes from a set of answers. It points into the
// RuleSet it was computed from, which must outlive it.
struct Result {
    const RuleSet *rules = nullptr;
    Answers answers; // as given, with what the implications give (see `implied`)
    std::vector<ImpliedAnswer> implied;
    int urgency = 0; // index into rules->urgencies
    std::vector<FiredRule> red_flags;
    std::vector<FiredRule> urgency_rules;
    std::vector<RankedCause> causes; // most likely first
    std::vector<const Technique *> techniques;
    // Questions whose answer could still change the urgency: raise it, or
    // rule out a warning sign that is neither confirmed nor excluded.
    std::vector<int> unanswered;
    std::vector<int> asked; // questions asked in an interview, in order
    // Red flags whose condition is unknown under the answers: they could
    // still hold. While any is, the screen is incomplete: the urgency is at
    // least the rule set's incomplete_screen level and no technique is offered.
    std::vector<const UrgencyRule *> not_ruled_out;
    bool screen_complete = true;
    std::vector<Change> changes; // since the previous saved check, if one was given

    const UrgencyLevel &urgency_level() const {
        return rules->urgencies[static_cast<std::size_t>(urgency)];
    }
};

// Evaluates `answers` against `rules`. An unanswered question whose
// `ask_when` is false does not apply (k_not_applicable); an answer given
// always counts. Red flags are checked first; the urgency is the most severe
// of every rule that holds, and at least the incomplete-screen level while a
// red flag is not ruled out; techniques are offered only with a complete
// screen and no red flag holding, at urgencies whose level allows self-care,
// and when none of their own exclusions holds. The same answers always give the same result.
Result evaluate(const RuleSet &rules, const Answers &answers);

// As above, into `result`, reusing its storage: for evaluating many cases.
void evaluate(const RuleSet &rules, const Answers &answers, Result &result);

// The urgency `answers` lead to, without the rest of the result.
int urgency_of(const RuleSet &rules, const Answers &answers);

// `answers` with the rule set's implications applied, repeated until none
// applies any more (each implication gives its answer at most once). Each
// answer given is recorded in `implied` when it is not null.
void implied_answers(const RuleSet &rules, Answers &answers,
                     std::vector<ImpliedAnswer> *implied = nullptr);

// The answers the person gave: `result.answers` without what the
// implications gave.
Answers own_answers(const Result &result);

// `answers` as the rules read them: the implications applied, then each unanswered question whose `ask_when`
// is false under the rest becomes k_not_applicable (repeated, so a follow-up
// of a follow-up goes too). Written into `out`.
void applicable_answers(const RuleSet &rules, const Answers &answers, Answers &out);

// Whether `rule` holds (yes), cannot hold (no) or could still hold (unknown)
// under `answers` as applicable_answers gives them: its `when`, unless its
// `unless` is true.
Tri rule_state(const UrgencyRule &rule, const Answers &answers);

} // namespace sciatica
