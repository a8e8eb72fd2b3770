#pragma once

#include "lib/engine.hpp"
#include "lib/rules.hpp"

#include <optional>
#include <vector>

namespace sciatica {

// The interview as a state machine with no I/O: the CLI asks what `next()`
// names, passes the reply to `answer()`, and stops when `next()` is -1.
//
// Questions come in the rule set's order (where it hurts, then the warning
// signs, then the details). A question is asked only when
//   - it was not answered beforehand and not asked already,
//   - its `ask_when` is not false under the answers so far, and
//   - some answer to it could still matter: it could make a more severe
//     urgency rule hold (the engine's relevance, Result::unanswered), or some
//     value of it would change the urgency or the two leading causes.
// Once the most severe urgency (an emergency) holds, nothing more is asked.
// The same answers always lead to the same questions.
//
// `rules` must outlive the Interview.
class Interview {
  public:
    Interview(const RuleSet &rules, Answers given);

    // The index of the question to ask now, or -1 when the interview is over.
    int next() const;

    // Records the reply to question `question` (which must be `next()`);
    // std::nullopt is "don't know", which leaves the answer unknown and the
    // question not asked again.
    void answer(int question, std::optional<double> value);

    // Undoes the last reply, so that `next()` asks that question again.
    // Returns false when nothing has been asked yet.
    bool back();

    // True when the answers so far put the urgency at the most severe level.
    bool emergency() const;

    const Answers &answers() const { return m_answers; }

    // The questions asked in this interview, in order (after any `back()`).
    const std::vector<int> &asked() const { return m_asked; }

    // The result of the answers so far, with `asked` filled in.
    Result result() const;

    // The values worth trying for `question`: every option of a choice, yes
    // and no, or for numbers the bounds and each side of every constant the
    // rule set compares it with. Exposed for tests.
    std::vector<double> probe_values(int question) const;

  private:
    bool could_matter(int question) const;

    const RuleSet &m_rules;
    Answers m_answers;
    std::vector<int> m_asked;
    std::vector<bool> m_done;                     // given beforehand, or asked
    std::vector<std::vector<double>> m_constants; // per question, from the rules
};

} // namespace sciatica
