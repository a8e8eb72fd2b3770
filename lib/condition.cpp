#include "lib/condition.hpp"

#include <algorithm>
#include <cmath>

namespace sciatica {

namespace {

bool compare(CompareOp op, double answer, const ConditionValues &values) {
    if (std::isnan(answer)) {
        return false; // k_not_applicable
    }
    switch (op) {
    case CompareOp::eq:
        return answer == values[0];
    case CompareOp::ne:
        return answer != values[0];
    case CompareOp::lt:
        return answer < values[0];
    case CompareOp::le:
        return answer <= values[0];
    case CompareOp::gt:
        return answer > values[0];
    case CompareOp::ge:
        return answer >= values[0];
    case CompareOp::in:
        // Loaded lists are sorted (see Condition::values); a short list built
        // in code need not be.
        if (values.size() <= 8) {
            return std::find(values.begin(), values.end(), answer) != values.end();
        }
        return std::binary_search(values.begin(), values.end(), answer);
    }
    return false;
}

static_assert(sizeof(void *) != 8 || sizeof(Condition) <= 56, "a condition node, its value held in it, fits a cache line");

Tri negated(Tri value) {
    return value == Tri::unknown ? Tri::unknown : (value == Tri::yes ? Tri::no : Tri::yes);
}

// Kleene's `all` or `any` of `condition`'s children, `step` giving each
// child's value, in order, until one decides it: all stops at the first
// "no", any at the first "yes". The one fold evaluate and
// undecided_questions share; a template, so each inlines its own step.
template <typename Step> Tri fold(const Condition &condition, Step step) {
    const Tri decisive = condition.kind == Condition::Kind::all ? Tri::no : Tri::yes;
    bool unknown = false;
    for (const auto &child : condition.children) {
        Tri value = step(child);
        if (value == decisive) {
            return decisive;
        }
        unknown = unknown || value == Tri::unknown;
    }
    if (unknown) {
        return Tri::unknown;
    }
    return decisive == Tri::no ? Tri::yes : Tri::no;
}

// mark_relevant in one walk of the tree: the value of `condition`, and when
// it is unknown the questions mark_relevant would mark appended to
// `pending`; when it is decided `pending` is left as it was. (Evaluating
// each node first and then its undecided children walked every subtree once
// per level above it.)
Tri undecided_questions(const Condition &condition, const Answers &answers,
                        std::vector<int> &pending) {
    switch (condition.kind) {
    case Condition::Kind::compare: {
        Tri value = evaluate(condition, answers);
        if (value == Tri::unknown) {
            pending.push_back(condition.question);
        }
        return value;
    }
    case Condition::Kind::negate:
        return negated(undecided_questions(condition.children.front(), answers, pending));
    case Condition::Kind::all:
    case Condition::Kind::any: {
        const std::size_t start = pending.size();
        Tri value = fold(condition, [&answers, &pending](const Condition &child) {
            return undecided_questions(child, answers, pending);
        });
        if (value != Tri::unknown) {
            // Decided: no unanswered question can change it. (Only a child
            // left unknown adds to `pending`, so this undoes what the
            // children before a decisive one added.)
            pending.resize(start);
        }
        return value;
    }
    }
    return Tri::unknown;
}

void add_once(std::vector<int> &out, int question) {
    if (std::find(out.begin(), out.end(), question) == out.end()) {
        out.push_back(question);
    }
}

} // namespace

Tri evaluate(const Condition &condition, const Answers &answers) {
    switch (condition.kind) {
    case Condition::Kind::compare: {
        const auto &answer = answers[static_cast<std::size_t>(condition.question)];
        if (!answer) {
            return Tri::unknown;
        }
        return compare(condition.op, *answer, condition.values) ? Tri::yes : Tri::no;
    }
    case Condition::Kind::negate:
        return negated(evaluate(condition.children.front(), answers));
    case Condition::Kind::all:
    case Condition::Kind::any:
        return fold(condition,
                    [&answers](const Condition &child) { return evaluate(child, answers); });
    }
    return Tri::unknown;
}

void explain(const Condition &condition, const Answers &answers, Tri target,
             std::vector<int> &out) {
    switch (condition.kind) {
    case Condition::Kind::compare:
        if (evaluate(condition, answers) == target &&
            !is_not_applicable(answers[static_cast<std::size_t>(condition.question)])) {
            add_once(out, condition.question);
        }
        return;
    case Condition::Kind::negate:
        explain(condition.children.front(), answers, target == Tri::yes ? Tri::no : Tri::yes, out);
        return;
    case Condition::Kind::all:
    case Condition::Kind::any:
        // Every child that has the target value contributes to it: for an
        // `all` that holds that is every child, for an `any` that holds it is
        // each one that holds.
        for (const auto &child : condition.children) {
            if (evaluate(child, answers) == target) {
                explain(child, answers, target, out);
            }
        }
        return;
    }
}

Tri mark_relevant(const Condition &condition, const Answers &answers, std::vector<bool> &relevant) {
    thread_local std::vector<int> pending;
    pending.clear();
    Tri value = undecided_questions(condition, answers, pending);
    for (int question : pending) {
        relevant[static_cast<std::size_t>(question)] = true;
    }
    return value;
}

void questions_of(const Condition &condition, std::vector<int> &out) {
    if (condition.kind == Condition::Kind::compare) {
        add_once(out, condition.question);
        return;
    }
    for (const auto &child : condition.children) {
        questions_of(child, out);
    }
}

} // namespace sciatica
