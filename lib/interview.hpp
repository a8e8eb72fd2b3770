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
//   - it has no `ask_when`, or its `ask_when` is true under the answers so
//     far (a follow-up comes after a yes to what it follows up), and some
//     answer to it could still matter: it could make a more severe rule hold
//     or decide a red flag not yet ruled out (Result::unanswered), or some
//     value of it would change the urgency, the leading causes or the
//     techniques offered; or
//   - its `ask_when` is unknown (the person did not know what it follows
//     up) and some answer to it would change the urgency or the techniques:
//     an unknown is not a no (issue 18), so "was it a high-energy injury?"
//     is still asked of someone unsure whether they were injured. After a
//     no, a follow-up is never asked.
// So every warning-sign question that could still decide a red flag is asked,
// whatever the causes. A question whose answer the rule set's implications
// already give is not asked (the person has said it), and one marked
// `always_ask` is asked whenever it applies. A yes to a sign that a question
// with `recap` asks about, given after that question was answered yes,
// reopens it: the earlier answer did not cover this sign. Once an urgency whose level `ends_interview` holds,
// only what could lift the rule that put it there (its `unless`) is asked.
// The same answers always lead to the same questions.
//
// `rules` must outlive the Interview.
class Interview {
  public:
    Interview(const RuleSet &rules, Answers given);

    // The index of the question to ask now, or -1 when the interview is over.
    int next() const;

    // The questions to ask on one screen now: next() and, when it is in a
    // question group, every other question of the group that could be
    // asked now as well (not answered or asked, applying, and able to
    // matter), in the rule set's order. Empty when the interview is over.
    // Answer each with answer(), in this order.
    std::vector<int> next_group() const;

    // Records the reply to question `question` (which must be `next()`);
    // std::nullopt is "don't know", which leaves the answer unknown and the
    // question not asked again.
    void answer(int question, std::optional<double> value);

    // Undoes the last reply, so that `next()` asks that question again.
    // Returns false when nothing has been asked yet.
    bool back();

    // Makes `question`, asked before and left unknown ("don't know"), one to
    // ask again: it leaves asked() until it is answered anew, and next() can
    // name it once more. For the offer at the end of an interview to go back
    // to the unanswered questions. Returns false, changing nothing, when
    // `question` was not asked or has an answer.
    bool reopen(int question);

    // How many screens next_group() could still show under the answers so
    // far, the one it names now included: each question that applies and
    // could matter, a question group counted once. A
    // follow-up that only a yes would open is not counted, so it is an
    // estimate ("3 of about 12"); 0 when the interview is over.
    int remaining() const;

    // True when the answers so far put the urgency at the most severe level.
    bool emergency() const;

    // The wording to ask `question` in: the first of its `prompt_for` whose
    // `when` holds under the answers so far, else its prompt.
    const std::string &prompt(int question) const;

    // What to say back before asking `question`: its `recap_text` with the
    // plain statements of the `recap` questions answered yes, or "" when it
    // has no recap or none is a yes.
    std::string recap(int question) const;

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
    // Whether some answer to `question` changes the urgency or the techniques.
    bool could_matter_for_safety(int question) const;
    bool applies(int question) const;
    Tri gate(int question) const; // its ask_when under what was said (yes when it has none)
    int next_unless_question() const;
    // The answers with the implications applied: what ask_when and wording read.
    Answers effective() const;
    // The questions a yes to `question` reopens: answered yes, with
    // `question` among their `recap`, so said before this sign was known.
    std::vector<int> reopened_by(int question, const Answers &answers) const;

    struct Reply {
        int question = -1;
        std::vector<std::pair<int, std::optional<double>>> reopened; // and their answers
    };

    const RuleSet &m_rules;
    Answers m_answers;
    std::vector<int> m_asked;
    std::vector<Reply> m_replies;                 // parallel to m_asked, for back()
    std::vector<bool> m_done;                     // given beforehand, or asked
    std::vector<std::vector<double>> m_constants; // per question, from the rules
};

} // namespace sciatica
