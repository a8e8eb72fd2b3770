#include "lib/lint.hpp"

#include "lib/lint_text.hpp"
#include "lib/satisfiable.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace sciatica {

namespace {

// `condition` with every comparison on `question` replaced by what it gives
// when that question is answered `value`: an empty `all` (true) or an empty
// `any` (false).
Condition with_answer(const Condition &condition, int question, double value) {
    if (condition.kind == Condition::Kind::compare) {
        if (condition.question != question) {
            return condition;
        }
        Answers answers(static_cast<std::size_t>(question) + 1);
        answers.back() = value;
        Condition out{};
        out.kind = evaluate(condition, answers) == Tri::yes ? Condition::Kind::all
                                                            : Condition::Kind::any;
        out.mark = condition.mark;
        return out;
    }
    Condition out = condition;
    for (auto &child : out.children) {
        child = with_answer(child, question, value);
    }
    return out;
}

Condition negation(Condition inner) {
    Condition out{};
    out.kind = Condition::Kind::negate;
    out.mark = inner.mark;
    out.children.push_back(std::move(inner));
    return out;
}

class Linter {
  public:
    Linter(const RuleSet &rules, const std::string &file, std::vector<Diagnostic> &out)
        : m_rules(rules), m_file(file), m_out(out) {}

    void run() {
        check_notice();
        check_levels();
        check_rule_levels(m_rules.red_flags, "red flag");
        check_rule_levels(m_rules.urgency_rules, "urgency rule");
        for_each_condition(m_rules, [this](const Condition &c) { check_can_hold(c); });
        check_unused_questions();
        check_ask_when_order();
        check_warning_sign_gates();
        check_implications();
        check_screen();
    }

  private:
    const RuleSet &m_rules;
    const std::string &m_file;
    std::vector<Diagnostic> &m_out;

    void report(Diagnostic::Severity severity, const SourceMark &mark, std::string message) {
        m_out.push_back({severity, m_file, mark.line, mark.column, std::move(message)});
    }

    const std::string &question_id(int index) const {
        return m_rules.questions[static_cast<std::size_t>(index)].id;
    }

    void check_notice() {
        const auto &notice = m_rules.notice;
        // No-break and zero-width spaces look blank too.
        if (looks_blank(notice)) {
            report(Diagnostic::Severity::error, {},
                   "the practitioner notice is missing or blank; every result must carry it");
        }
    }

    // Levels run from most to least severe; one that offers self-care above
    // one that withholds it would offer massage where a milder level would not.
    void check_levels() {
        const auto &levels = m_rules.urgencies;
        for (std::size_t i = 0; i < levels.size(); ++i) {
            for (std::size_t j = i + 1; j < levels.size(); ++j) {
                if (levels[i].self_care && !levels[j].self_care) {
                    report(Diagnostic::Severity::warning, levels[i].mark,
                           "urgency '" + levels[i].id + "' allows self-care but is more severe " +
                               "than '" + levels[j].id + "', which does not");
                    break;
                }
            }
        }
    }

    // Every warning sign names where it comes from, and a rule set with red
    // flags says what an unanswered one means: without incomplete_screen a
    // red flag left unknown would still allow self-care.
    void check_screen() {
        for (const auto &flag : m_rules.red_flags) {
            if (flag.source.empty()) {
                report(Diagnostic::Severity::warning, flag.mark,
                       "red flag '" + flag.id + "' has no 'source' (the guideline and section it " +
                           "comes from)");
            }
        }
        if (!m_rules.red_flags.empty() && m_rules.incomplete_screen.urgency < 0) {
            report(Diagnostic::Severity::warning, {},
                   "no 'incomplete_screen': a red flag left unanswered would not raise the "
                   "urgency (techniques are still withheld)");
        }
    }

    void check_rule_levels(const std::vector<UrgencyRule> &rules, const std::string &what) {
        for (const auto &rule : rules) {
            if (rule.urgency == m_rules.default_urgency()) {
                report(Diagnostic::Severity::warning, rule.mark,
                       what + " '" + rule.id + "' has the least severe urgency '" +
                           m_rules.urgencies[static_cast<std::size_t>(rule.urgency)].id +
                           "', so it never raises the urgency");
            }
        }
    }

    // Reports the innermost part that cannot hold: an `any` may hold while
    // one of its alternatives never does, and that one is the mistake.
    void check_can_hold(const Condition &condition) {
        if (!can_hold(condition, m_rules)) {
            std::vector<int> questions;
            questions_of(condition, questions);
            std::string message = "this condition can never be true";
            if (questions.size() == 1) {
                message += ": no answer to '" + question_id(questions.front()) + "' satisfies it";
            } else if (int q = conflicting_question(condition); q >= 0) {
                message += ": no answer to '" + question_id(q) + "' satisfies all its comparisons";
            }
            report(Diagnostic::Severity::error, condition.mark, message);
            return;
        }
        if (condition.kind == Condition::Kind::all || condition.kind == Condition::Kind::any) {
            for (const auto &child : condition.children) {
                check_can_hold(child);
            }
        }
    }

    // The question whose comparisons directly under the `all` `condition`
    // cannot hold together, or -1: the usual mistake ("age >= 60" and
    // "age < 40" side by side), named so the author sees it at once.
    int conflicting_question(const Condition &condition) const {
        // Pairs are compared, so a huge `all` (a hostile file) is left unnamed.
        constexpr std::size_t k_max_parts = 64;
        if (condition.kind != Condition::Kind::all || condition.children.size() > k_max_parts) {
            return -1;
        }
        for (const auto &child : condition.children) {
            if (child.kind != Condition::Kind::compare) {
                continue;
            }
            Condition same{};
            for (const auto &other : condition.children) {
                if (other.kind == Condition::Kind::compare && other.question == child.question) {
                    same.children.push_back(other);
                }
            }
            if (!can_hold(same, m_rules)) {
                return child.question;
            }
        }
        return -1;
    }

    void check_unused_questions() {
        std::vector<bool> used(m_rules.questions.size(), false);
        for_each_condition(m_rules, [&](const Condition &condition) {
            std::vector<int> questions;
            questions_of(condition, questions);
            for (int q : questions) {
                used[static_cast<std::size_t>(q)] = true;
            }
        });
        for (std::size_t i = 0; i < used.size(); ++i) {
            if (!used[i]) {
                const Question &question = m_rules.questions[i];
                report(Diagnostic::Severity::warning, question.mark,
                       "question '" + question.id + "' is not used by any condition");
            }
        }
    }

    void check_ask_when_order() {
        for (std::size_t i = 0; i < m_rules.questions.size(); ++i) {
            const Question &question = m_rules.questions[i];
            if (question.ask_when) {
                check_ask_when_leaves(*question.ask_when, static_cast<int>(i));
            }
        }
    }

    // A warning-sign question may be skipped only when an earlier answer
    // rules the sign out (issue 18): its ask_when follows up a yes, or
    // wherever it is false, each red flag a yes to it decides cannot hold.
    // Otherwise say what rules it out as an implication. Gating on an answer
    // that only makes the sign less likely ("pain on one side" before "has
    // the pain spread to both legs?") hides the sign from the person it fits.
    void check_warning_sign_gates() {
        for (const auto &flag : m_rules.red_flags) {
            std::vector<int> read;
            questions_of(flag.when, read);
            std::sort(read.begin(), read.end());
            read.erase(std::unique(read.begin(), read.end()), read.end());
            for (int q : read) {
                const Question &question = m_rules.questions[static_cast<std::size_t>(q)];
                if (question.type != QuestionType::yes_no || !question.ask_when) {
                    continue;
                }
                std::vector<int> gate;
                questions_of(*question.ask_when, gate);
                if (std::find(gate.begin(), gate.end(), q) != gate.end() ||
                    follows_up(*question.ask_when)) {
                    continue; // an ask_when about itself is reported on its own
                }
                Condition hidden{};
                hidden.kind = Condition::Kind::all;
                hidden.children.push_back(negation(*question.ask_when));
                hidden.children.push_back(with_answer(flag.when, q, 1));
                hidden.children.push_back(negation(with_answer(flag.when, q, 0)));
                if (flag.unless) {
                    hidden.children.push_back(negation(with_answer(*flag.unless, q, 1)));
                }
                if (can_hold(hidden, m_rules)) {
                    report(Diagnostic::Severity::warning, question.ask_when->mark,
                           "the ask_when of warning-sign question '" + question.id +
                               "' can skip it while red flag '" + flag.id +
                               "' would hold on a yes; skip a warning sign only when an "
                               "earlier answer rules it out");
                }
            }
        }
    }

    // Whether `gate` only asks for a yes to other yes/no questions: a
    // follow-up ("is the weakness in both legs?" after "is a leg weak?"),
    // whose sign is a kind of what it follows up, so a no there rules it out.
    bool follows_up(const Condition &gate) const {
        if (gate.kind == Condition::Kind::negate) {
            return false;
        }
        if (gate.kind == Condition::Kind::compare) {
            const Question &parent = m_rules.questions[static_cast<std::size_t>(gate.question)];
            return parent.type == QuestionType::yes_no && gate.op == CompareOp::eq &&
                   gate.values == std::vector<double>{1};
        }
        return std::all_of(gate.children.begin(), gate.children.end(),
                           [this](const Condition &child) { return follows_up(child); });
    }

    // An implication gives an answer the person could have given, from
    // answers asked before it, and never feeds itself.
    void check_implications() {
        for (const auto &implication : m_rules.implications) {
            const std::string &id = question_id(implication.question);
            Condition implied{};
            implied.kind = Condition::Kind::compare;
            implied.question = implication.question;
            implied.values = {implication.value};
            if (!can_hold(implied, m_rules)) {
                report(Diagnostic::Severity::error, implication.mark,
                       "implication '" + implication.id + "' gives '" + id +
                           "' a value it cannot take");
            }
            std::vector<int> read;
            questions_of(implication.when, read);
            if (std::find(read.begin(), read.end(), implication.question) != read.end()) {
                report(Diagnostic::Severity::error, implication.when.mark,
                       "implication '" + implication.id + "' reads '" + id +
                           "', the answer it implies");
            }
        }
    }

    void check_ask_when_leaves(const Condition &condition, int asked) {
        if (condition.kind != Condition::Kind::compare) {
            for (const auto &child : condition.children) {
                check_ask_when_leaves(child, asked);
            }
            return;
        }
        if (condition.question < asked) {
            return;
        }
        const std::string &id = question_id(asked);
        report(Diagnostic::Severity::warning, condition.mark,
               condition.question == asked
                   ? "the ask_when of '" + id + "' refers to '" + id + "' itself"
                   : "the ask_when of '" + id + "' refers to '" + question_id(condition.question) +
                         "', which is asked after it");
    }
};

void visit_rules(const std::vector<UrgencyRule> &rules,
                 const std::function<void(const Condition &)> &visit) {
    for (const auto &rule : rules) {
        visit(rule.when);
        if (rule.unless) {
            visit(*rule.unless);
        }
        for (const auto &context : rule.context) {
            visit(context);
        }
    }
}

} // namespace

void for_each_condition(const RuleSet &rules, const std::function<void(const Condition &)> &visit) {
    for (const auto &question : rules.questions) {
        if (question.ask_when) {
            visit(*question.ask_when);
        }
        for (const auto &variant : question.prompt_for) {
            visit(variant.when);
        }
    }
    visit_rules(rules.red_flags, visit);
    visit_rules(rules.urgency_rules, visit);
    for (const auto &implication : rules.implications) {
        visit(implication.when);
    }
    if (rules.causes_when) {
        visit(*rules.causes_when);
    }
    for (const auto &cause : rules.causes) {
        if (cause.requires_) {
            visit(*cause.requires_);
        }
        if (cause.leads_when) {
            visit(*cause.leads_when);
        }
        for (const auto &finding : cause.findings) {
            visit(finding.when);
        }
    }
    for (const auto &technique : rules.techniques) {
        if (technique.when) {
            visit(*technique.when);
        }
        if (technique.unless) {
            visit(*technique.unless);
        }
    }
}

void lint_rules(const RuleSet &rules, const std::string &file_name, std::vector<Diagnostic> &out) {
    Linter(rules, file_name, out).run();
    lint_text(rules, file_name, out);
}

void sort_by_position(std::vector<Diagnostic> &diagnostics) {
    std::stable_sort(
        diagnostics.begin(), diagnostics.end(), [](const Diagnostic &a, const Diagnostic &b) {
            return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
        });
}

} // namespace sciatica
