#pragma once

#include "cli/terminal.hpp"
#include "lib/engine.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sciatica::cli {

// The result as text for a worried person, on one screen at 80 columns. An
// emergency fits 24 lines and holds only what to do now (the urgency's and
// each emergency red flag's advice), the signs the person reported, what to
// tell the clinician and the notice. Any other result fits about 40 lines, in
// this order: the warning signs not ruled out, by family, when some are; the
// urgency banner and what to do; the rules behind the urgency; a box of the
// signs that mean "go to an emergency department now"; the leading causes (at
// most three), each with a one-line "because" in plain words; the techniques
// by name; the questions worth answering; the notice; and the urgency again
// as the very last line. An answer the tool concluded rather than the person
// gave reads "treated as ... (why)". With `details`, everything: every red
// flag by name, the technique steps and every rule's advice. With `person`
// (the result at the end of an interview): no ids or command syntax, and
// durations in words ("about 2 years"). Every heading and sentence comes from
// the rule set; this only lays them out, wrapped to `style.width`, coloured
// when `style.colour`, without boxes when `style.plain`.
std::string render_text(const Result &result, const TextStyle &style, bool details = false,
                        bool person = false);

// `question`'s plain statement of `value` (lib/answers.hpp answer_statement)
// with a duration in words: "pain for about 2 years", not "104.36 weeks".
std::string person_statement(const Texts &texts, const Question &question, double value);

// `value` of `question` in words (about_duration) when the question's unit
// is a duration unit (lib/answers.hpp duration_units), else std::nullopt.
std::optional<std::string> duration_words(const Texts &texts, const Question &question,
                                          double value);

// `days` in words a person uses, from the rule set's duration_* texts:
// "about 3 days", "about 5 weeks", "about 4 months", "about 2 years".
std::string about_duration(const Texts &texts, double days);

// The urgency banner alone.
std::string render_banner(const RuleSet &rules, const UrgencyLevel &level, int urgency, int levels,
                          const TextStyle &style);

// A heading line for a section.
std::string render_heading(const std::string &text, const TextStyle &style);

// `text` in a box titled `title` (the emergency signs): a bulleted line per
// item. In plain style, the title and "- item" lines without a box.
std::string render_box(const std::string &title, const std::vector<std::string> &items,
                       const char *sgr, const TextStyle &style);

// The SGR colour of urgency `urgency` of `levels`: the two most severe levels
// in distinct alarm styles, the least severe green, the rest yellow.
const char *urgency_colour(int urgency, int levels);

} // namespace sciatica::cli
