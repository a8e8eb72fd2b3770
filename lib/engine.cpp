#include "lib/engine.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace sciatica {

namespace {

// Collects the rules that hold into `fired` and lowers `urgency` (more severe
// is a smaller index) to theirs; `states` gets each rule's rule_state.
void apply_rules(const std::vector<UrgencyRule> &rules, const Answers &answers,
                 std::vector<FiredRule> &fired, int &urgency, std::vector<Tri> &states) {
    states.clear();
    for (const auto &rule : rules) {
        states.push_back(rule_state(rule, answers));
        if (states.back() != Tri::yes) {
            continue;
        }
        FiredRule hit{&rule, {}};
        explain(rule.when, answers, Tri::yes, hit.because);
        for (const auto &context : rule.context) {
            if (evaluate(context, answers) == Tri::yes) {
                explain(context, answers, Tri::yes, hit.because);
            }
        }
        fired.push_back(std::move(hit));
        urgency = std::min(urgency, rule.urgency);
    }
}

// The red flags that could still hold (`states`: each one's rule_state, from
// apply_rules); with any, the screen is incomplete and the urgency is at
// least the rule set's incomplete-screen level.
void screen(const RuleSet &rules, const std::vector<Tri> &states, Result &result) {
    result.not_ruled_out.clear();
    for (std::size_t i = 0; i < rules.red_flags.size(); ++i) {
        if (states[i] == Tri::unknown) {
            result.not_ruled_out.push_back(&rules.red_flags[i]);
        }
    }
    result.screen_complete = result.not_ruled_out.empty();
    int floor = rules.incomplete_screen.urgency;
    if (!result.screen_complete && floor >= 0) {
        result.urgency = std::min(result.urgency, floor);
    }
}

// Unanswered questions that could still change the urgency: make a more
// severe rule hold (a rule that holds keeps holding as answers come in), or
// decide a red flag that is not ruled out.
void could_change(const RuleSet &rules, const Answers &answers, Result &result) {
    thread_local std::vector<bool> relevant;
    relevant.assign(rules.questions.size(), false);
    for (const auto *list : {&rules.red_flags, &rules.urgency_rules}) {
        for (const auto &rule : *list) {
            if (rule.urgency < result.urgency) {
                mark_relevant(rule.when, answers, relevant);
            }
        }
    }
    for (const auto *flag : result.not_ruled_out) {
        mark_relevant(flag->when, answers, relevant);
    }
    // A follow-up whose parent is not yet a yes is left out: the parent is
    // listed, and answering it either makes the follow-up apply or settles it.
    result.unanswered.clear();
    for (std::size_t i = 0; i < relevant.size(); ++i) {
        const auto &ask_when = rules.questions[i].ask_when;
        if (relevant[i] && (!ask_when || evaluate(*ask_when, answers) == Tri::yes)) {
            result.unanswered.push_back(static_cast<int>(i));
        }
    }
}

void rank_causes(const RuleSet &rules, const Answers &answers, std::vector<RankedCause> &ranked) {
    ranked.clear();
    if (rules.causes_when && evaluate(*rules.causes_when, answers) == Tri::no) {
        return;
    }
    for (const auto &cause : rules.causes) {
        if (cause.requires_ && evaluate(*cause.requires_, answers) == Tri::no) {
            continue;
        }
        RankedCause entry{&cause, 0, {}, false};
        entry.first = cause.leads_when && evaluate(*cause.leads_when, answers) == Tri::yes;
        bool supported = false;
        // Summed in millionths, exactly: weights that cancel (0.1 + 0.2 - 0.3)
        // give 0, not 5.55e-17. Lint keeps weights within k_max_finding_weight.
        std::int64_t millionths = 0;
        for (const auto &finding : cause.findings) {
            if (evaluate(finding.when, answers) != Tri::yes) {
                continue;
            }
            millionths += std::llround(finding.weight * 1e6);
            if (finding.weight > 0) {
                supported = true;
                explain(finding.when, answers, Tri::yes, entry.because);
            }
        }
        entry.score = static_cast<double>(millionths) / 1e6;
        // Listed only when an answer speaks for it and, on balance, more
        // speaks for it than against.
        if (supported && millionths > 0) {
            if (entry.first) {
                explain(*cause.leads_when, answers, Tri::yes, entry.because);
            }
            ranked.push_back(std::move(entry));
        }
    }
    // Stable: equal scores keep the rule set's order of causes, which is
    // its documented clinical tie order (the more serious cause first).
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const RankedCause &a, const RankedCause &b) {
                         return a.first != b.first ? a.first : a.score > b.score;
                     });
}

bool leads(const Result &result, int cause, int leading) {
    const Cause *wanted = &result.rules->causes[static_cast<std::size_t>(cause)];
    for (std::size_t i = 0; i < result.causes.size() && i < static_cast<std::size_t>(leading);
         ++i) {
        if (result.causes[i].cause == wanted) {
            return true;
        }
    }
    return false;
}

void safe_techniques(const RuleSet &rules, const Answers &answers, Result &result) {
    auto &out = result.techniques;
    out.clear();
    // A warning sign that holds, at any urgency, is for a practitioner to
    // assess before any self-massage or exercise (NICE NG59 rec 1.1.1).
    if (!result.screen_complete || !result.red_flags.empty() ||
        !rules.urgencies[static_cast<std::size_t>(result.urgency)].self_care) {
        return;
    }
    for (const auto &technique : rules.techniques) {
        const auto &not_at = technique.not_at;
        if (std::find(not_at.begin(), not_at.end(), result.urgency) != not_at.end()) {
            continue;
        }
        if (technique.when && evaluate(*technique.when, answers) == Tri::no) {
            continue;
        }
        // An exclusion that could still hold withholds it, as a warning sign
        // that could still hold does: not knowing whether someone is pregnant
        // is no reason to have her lie on her back (issue 18).
        if (technique.unless && evaluate(*technique.unless, answers) != Tri::no) {
            continue;
        }
        bool excluded =
            std::any_of(technique.not_with_causes.begin(), technique.not_with_causes.end(),
                        [&](int cause) { return leads(result, cause, rules.leading_causes); });
        // "Listed" is any rank: the rule set lists every cause that holds.
        const auto listed = static_cast<int>(result.causes.size());
        excluded = excluded ||
                   (!technique.only_with_causes.empty() &&
                    std::none_of(technique.only_with_causes.begin(),
                                 technique.only_with_causes.end(),
                                 [&](int cause) { return leads(result, cause, listed); }));
        if (!excluded) {
            out.push_back(&technique);
        }
    }
}

// A rule or cause resting on an implied answer also names the answers that
// implied it, so `because` shows what the person said.
void name_implying(Result &result) {
    if (result.implied.empty()) {
        return;
    }
    auto name = [&result](std::vector<int> &because) {
        for (const auto &entry : result.implied) {
            if (std::find(because.begin(), because.end(), entry.question) == because.end()) {
                continue;
            }
            for (int by : entry.by) {
                if (std::find(because.begin(), because.end(), by) == because.end()) {
                    because.push_back(by);
                }
            }
        }
    };
    for (auto *list : {&result.red_flags, &result.urgency_rules}) {
        for (auto &hit : *list) {
            name(hit.because);
        }
    }
    for (auto &ranked : result.causes) {
        name(ranked.because);
    }
}

} // namespace

void implied_answers(const RuleSet &rules, Answers &answers, std::vector<ImpliedAnswer> *implied) {
    if (implied != nullptr) {
        implied->clear();
    }
    if (rules.implications.empty()) {
        return; // the usual case, and batch's per-line path: nothing to copy
    }
    answers.resize(rules.questions.size());
    thread_local std::vector<bool> applied;
    applied.assign(rules.implications.size(), false);
    // An implied answer can make another implication hold, so go round until
    // one pass gives nothing; each implication gives at most once.
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t i = 0; i < rules.implications.size(); ++i) {
            const Implication &rule = rules.implications[i];
            auto &answer = answers[static_cast<std::size_t>(rule.question)];
            bool open = !answer || (rule.overrides && *answer != rule.value);
            if (applied[i] || !open || evaluate(rule.when, answers) != Tri::yes) {
                continue;
            }
            applied[i] = true;
            changed = true;
            if (implied != nullptr) {
                ImpliedAnswer entry{rule.question, answer, {}};
                explain(rule.when, answers, Tri::yes, entry.by);
                implied->push_back(std::move(entry));
            }
            answer = rule.value;
        }
    }
}

Answers own_answers(const Result &result) {
    Answers out = result.answers;
    // Latest first, so an answer implied twice goes back to what was given.
    for (auto it = result.implied.rbegin(); it != result.implied.rend(); ++it) {
        out[static_cast<std::size_t>(it->question)] = it->before;
    }
    return out;
}

namespace {

// Turns each unanswered question of `answers` whose `ask_when` is false
// under the rest into k_not_applicable, and adds its index to `marked`.
// Each pass can only turn more unanswered questions into not-applicable
// ones, so this ends within one pass per question (in practice two).
void mark_not_applicable(const RuleSet &rules, Answers &answers, std::vector<std::size_t> &marked) {
    answers.resize(rules.questions.size());
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t i = 0; i < answers.size(); ++i) {
            const auto &ask_when = rules.questions[i].ask_when;
            if (!answers[i] && ask_when && evaluate(*ask_when, answers) == Tri::no) {
                answers[i] = k_not_applicable;
                marked.push_back(i);
                changed = true;
            }
        }
    }
}

} // namespace

void applicable_answers(const RuleSet &rules, const Answers &answers, Answers &out) {
    out = answers;
    out.resize(rules.questions.size());
    implied_answers(rules, out);
    thread_local std::vector<std::size_t> marked;
    marked.clear();
    mark_not_applicable(rules, out, marked);
}

Tri rule_state(const UrgencyRule &rule, const Answers &answers) {
    Tri when = evaluate(rule.when, answers);
    if (when == Tri::no) {
        return Tri::no;
    }
    if (rule.unless && evaluate(*rule.unless, answers) == Tri::yes) {
        return Tri::no;
    }
    return when;
}

int urgency_of(const RuleSet &rules, const Answers &answers) {
    thread_local Answers applicable;
    applicable_answers(rules, answers, applicable);
    int urgency = rules.default_urgency();
    bool complete = true;
    for (const auto *list : {&rules.red_flags, &rules.urgency_rules}) {
        for (const auto &rule : *list) {
            Tri state = rule_state(rule, applicable);
            if (state == Tri::yes) {
                urgency = std::min(urgency, rule.urgency);
            } else if (state == Tri::unknown && list == &rules.red_flags) {
                complete = false;
            }
        }
    }
    if (!complete && rules.incomplete_screen.urgency >= 0) {
        urgency = std::min(urgency, rules.incomplete_screen.urgency);
    }
    return urgency;
}

Result evaluate(const RuleSet &rules, const Answers &answers) {
    Result result;
    evaluate(rules, answers, result);
    return result;
}

void evaluate(const RuleSet &rules, const Answers &answers, Result &result) {
    result.rules = &rules;
    result.answers = answers;
    implied_answers(rules, result.answers, &result.implied);
    // The rules read the applicable answers (applicable_answers). They are
    // made in place in `result.answers`, and the not-applicable marks taken
    // out again at the end: a second copy of every answer per evaluation is
    // what made batch slow with many questions (issue 20's benchmark).
    const std::size_t given = result.answers.size();
    thread_local std::vector<std::size_t> not_applicable;
    not_applicable.clear();
    mark_not_applicable(rules, result.answers, not_applicable);
    const Answers &applicable = result.answers;
    result.urgency = rules.default_urgency();
    result.red_flags.clear();
    result.urgency_rules.clear();
    result.asked.clear();
    result.changes.clear();
    thread_local std::vector<Tri> flag_states;
    thread_local std::vector<Tri> rule_states;
    apply_rules(rules.red_flags, applicable, result.red_flags, result.urgency, flag_states);
    apply_rules(rules.urgency_rules, applicable, result.urgency_rules, result.urgency,
                rule_states);
    screen(rules, flag_states, result);
    rank_causes(rules, applicable, result.causes);
    safe_techniques(rules, applicable, result);
    could_change(rules, applicable, result);
    name_implying(result);
    for (std::size_t i : not_applicable) {
        result.answers[i].reset();
    }
    result.answers.resize(given);
}

} // namespace sciatica
