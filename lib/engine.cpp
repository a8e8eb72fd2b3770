#include "lib/engine.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace sciatica {

namespace {

// Collects the rules that hold into `fired` and lowers `urgency` (more severe
// is a smaller index) to theirs.
void apply_rules(const std::vector<UrgencyRule> &rules, const Answers &answers,
                 std::vector<FiredRule> &fired, int &urgency) {
    for (const auto &rule : rules) {
        if (evaluate(rule.when, answers) != Tri::yes) {
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

// Unanswered questions that could still make a more severe rule hold. The
// urgency can only rise as answers come in (a rule that holds keeps holding),
// so these are exactly the answers that could change it.
void could_raise(const RuleSet &rules, const Answers &answers, int urgency, std::vector<int> &out) {
    thread_local std::vector<bool> relevant;
    relevant.assign(rules.questions.size(), false);
    for (const auto *list : {&rules.red_flags, &rules.urgency_rules}) {
        for (const auto &rule : *list) {
            if (rule.urgency < urgency) {
                mark_relevant(rule.when, answers, relevant);
            }
        }
    }
    out.clear();
    for (std::size_t i = 0; i < relevant.size(); ++i) {
        if (relevant[i]) {
            out.push_back(static_cast<int>(i));
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
        RankedCause entry{&cause, 0, {}};
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
            ranked.push_back(std::move(entry));
        }
    }
    // Stable: equal scores keep the rule set's order, so results never vary.
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const RankedCause &a, const RankedCause &b) { return a.score > b.score; });
}

void safe_techniques(const RuleSet &rules, const Answers &answers, int urgency,
                     std::vector<const Technique *> &out) {
    out.clear();
    if (!rules.urgencies[static_cast<std::size_t>(urgency)].self_care) {
        return;
    }
    for (const auto &technique : rules.techniques) {
        const auto &not_at = technique.not_at;
        if (std::find(not_at.begin(), not_at.end(), urgency) != not_at.end()) {
            continue;
        }
        if (technique.when && evaluate(*technique.when, answers) == Tri::no) {
            continue;
        }
        out.push_back(&technique);
    }
}

} // namespace

int urgency_of(const RuleSet &rules, const Answers &answers) {
    int urgency = rules.default_urgency();
    for (const auto *list : {&rules.red_flags, &rules.urgency_rules}) {
        for (const auto &rule : *list) {
            if (rule.urgency < urgency && evaluate(rule.when, answers) == Tri::yes) {
                urgency = rule.urgency;
            }
        }
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
    result.urgency = rules.default_urgency();
    result.red_flags.clear();
    result.urgency_rules.clear();
    result.asked.clear();
    apply_rules(rules.red_flags, answers, result.red_flags, result.urgency);
    apply_rules(rules.urgency_rules, answers, result.urgency_rules, result.urgency);
    rank_causes(rules, answers, result.causes);
    safe_techniques(rules, answers, result.urgency, result.techniques);
    could_raise(rules, answers, result.urgency, result.unanswered);
}

} // namespace sciatica
