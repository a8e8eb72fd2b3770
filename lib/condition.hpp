#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace sciatica {

// Kleene's three-valued logic: an unanswered question is unknown, and a
// condition over it stays unknown until the answer could no longer matter.
enum class Tri : std::uint8_t { no, yes, unknown };

// One answer per question of a rule set, indexed like RuleSet::questions.
// Every answer is a number: yes/no is 1 or 0, a choice is its option's index,
// integers and numbers are themselves. std::nullopt means "not answered".
using Answers = std::vector<std::optional<double>>;

// The answer the engine reads for a question that was not answered and does
// not apply (its `ask_when` is false under the other answers): every
// comparison on it is false, so it neither confirms nor leaves open a rule.
// It never comes from input, where a value must be finite.
inline constexpr double k_not_applicable = std::numeric_limits<double>::quiet_NaN();

inline bool is_not_applicable(const std::optional<double> &answer) {
    return answer && std::isnan(*answer);
}

enum class CompareOp : std::uint8_t { eq, ne, lt, le, gt, ge, in };

// Where a node came from in its source file (1-based; 0 when built in code).
struct SourceMark {
    int line = 0;
    int column = 0;
};

// A condition over answers: all / any / not, nested freely, with comparisons
// of one question against constants at the leaves.
struct Condition {
    enum class Kind : std::uint8_t { all, any, negate, compare };

    // In this order the node is 64 bytes, one cache line, not 72 with
    // padding: the engine walks every rule's tree for each case, and a rule
    // set ten times the default's no longer fits the first-level cache
    // (tests/bench: rule scaling).
    std::vector<Condition> children; // all, any: the operands; negate: one
    std::vector<double> values; // compare: one value, or the set for `in` (sorted, unique)
    SourceMark mark;
    int question = -1; // compare: index into RuleSet::questions
    Kind kind = Kind::all;
    CompareOp op = CompareOp::eq;
};

// The value of `condition` under `answers`.
Tri evaluate(const Condition &condition, const Answers &answers);

// Appends to `out` the answered (and applicable) questions that make `condition` come out as
// `target` (which it must), each once, in the order they appear: the "because"
// behind a conclusion.
void explain(const Condition &condition, const Answers &answers, Tri target, std::vector<int> &out);

// When `condition` is unknown under `answers`, marks in `relevant` each
// unanswered question whose answer could still decide it; returns the value.
// `relevant` must have one entry per question.
Tri mark_relevant(const Condition &condition, const Answers &answers, std::vector<bool> &relevant);

// Every question the condition reads, in order of appearance.
void questions_of(const Condition &condition, std::vector<int> &out);

} // namespace sciatica
