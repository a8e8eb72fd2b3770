#pragma once

#include "lib/error.hpp"
#include "lib/rules.hpp"

#include <string>
#include <string_view>

namespace sciatica {

// Answers come from people (typed or passed by flag) and from programs (JSON
// or YAML documents: lib/answers_document.hpp). Every route ends in the same
// checks here, against the question's type, range and options, so an answer
// means the same whatever way it came in. Failures throw Error with a
// message naming the question.

// An answer that does not fit its question, with the question's id as a
// field: what() is "'ID': REASON", as every route reports it, while a prompt
// already showing the question can say only reason().
class AnswerError : public Error {
  public:
    AnswerError(const std::string &question_id, const std::string &reason)
        : Error(ErrorKind::data, "'" + question_id + "': " + reason), m_question_id(question_id),
          m_reason(reason) {}

    const std::string &question_id() const { return m_question_id; }
    const std::string &reason() const { return m_reason; }

  private:
    std::string m_question_id;
    std::string m_reason;
};

// An empty set of answers for `rules`: every question unknown.
Answers no_answers(const RuleSet &rules);

// Parses a person's `text` for `question`: yes/no as yes, no, y, n, true or
// false in any case; numbers checked against the range; a choice by name.
// Throws AnswerError with a message such as "'age': 130 is out of range;
// expected a whole number from 0 to 120".
double parse_answer(const Question &question, std::string_view text);

// A person's reply at a prompt that lists a choice question's options
// numbered from 1: as parse_answer, and a choice may also be given by its
// number. Throws AnswerError.
double parse_reply(const Question &question, std::string_view text);

// What is wrong with `value` as an answer to a number or integer `question`:
// the one place these checks live, whatever route the answer came by.
enum class NumberFault { none, not_finite, not_whole, out_of_range };
NumberFault number_fault(const Question &question, double value);

// Applies one `ID=VALUE` from the command line. Throws Error(usage).
void apply_answer_flag(const RuleSet &rules, Answers &answers, std::string_view flag);

// Checks `value` against `question`'s kind and range (number_fault);
// throws AnswerError with `shown`, the value as the input gave it.
double checked_number(const Question &question, double value, const std::string &shown);

// The index of question `id`; else throws Error(`kind`) with `where` before
// "unknown question 'ID' (did you mean ...)".
int question_or_throw(const RuleSet &rules, const std::string &id, ErrorKind kind,
                      const std::string &where);

// An answer as a person would say it: "yes", "no", "left", "35".
std::string answer_text(const Question &question, double value);

// `value` as a plain statement for a "because" line: the question's `says`
// text for it ("pain below the knee", "aged {answer}" with the value put in),
// or, when the rule set has none, the prompt and the answer ("Does the leg
// pain go below your knee? Yes").
std::string answer_statement(const Question &question, double value);

// The question's type and allowed values in words: "yes or no", "a whole
// number from 0 to 120", "one of left, right, both".
std::string answer_hint(const Question &question);

} // namespace sciatica
