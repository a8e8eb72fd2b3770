#pragma once

#include "lib/condition.hpp"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sciatica {

// The rule set: every clinical fact the tool knows, loaded from YAML. Nothing
// here is specific to sciatica; the default rule set in rules/ makes it so.
// Cross references (a condition's question, a rule's urgency) are indices into
// the vectors of the same RuleSet, so a RuleSet is self-contained and movable.

enum class QuestionType { yes_no, integer, number, choice };

// The type as the rule format spells it: "yes_no", "integer", "number" or "choice".
const char *question_type_name(QuestionType type);

// Every question type, in the order the rule format lists them: the one list
// the loader reads `type:` against and question_type_name spells.
const std::vector<QuestionType> &question_types();

// A unit an integer or number question's answer may be in (`unit:`): its
// name in the rule format, the words a person may write for it ("3 wks"),
// and its length in days. duration_units() is the one list of them, read by
// the loader (which names are allowed) and by parse_answer (conversions).
struct DurationUnit {
    const char *name;
    std::vector<std::string> words;
    double days;
};
const std::vector<DurationUnit> &duration_units();

// Another wording of a question, for the people `when` describes (a
// question about sexual function worded for the person's sex).
struct PromptVariant {
    Condition when;
    std::string prompt;
};

struct Question {
    std::string id;
    QuestionType type = QuestionType::yes_no;
    std::optional<double> min; // integer, number: inclusive bounds
    std::optional<double> max;
    std::vector<std::string> options;  // choice: allowed values, in order
    std::string prompt;                // what a person reads
    std::string help;                  // a little more, on request
    std::optional<Condition> ask_when; // asked only when this may hold
    // The answer as a plain statement, for "because" lines ("pain down one
    // leg"): yes_no [no, yes]; choice one per option, in order; integer and
    // number one text where "{answer}" stands for the value. An empty text
    // (or none at all) falls back to the prompt and the answer.
    std::vector<std::string> says;
    // integer, number: the unit of the answer, one of duration_units()
    // ("days", "weeks", ...), so that a person may answer in another one
    // ("3 days").
    std::string unit;
    SourceMark mark;
    // The first variant whose `when` holds is asked instead of `prompt`.
    std::vector<PromptVariant> prompt_for;
    // Questions whose "yes" this one asks about: an interview says them back
    // ("You said: ...") before asking it, and asks it again when one of them
    // becomes a yes after it was answered yes. `recap_text` holds "{answers}".
    std::vector<int> recap;
    std::string recap_text;
    // Asked in an interview whenever it applies, even when no answer to it
    // changes the result by itself (it decides how later questions are put).
    bool always_ask = false;
    // yes_no only: the index into RuleSet::question_groups of the screen an
    // interview asks it on, with the other questions of its group; -1: alone.
    int group = -1;
};

// Yes/no questions an interview asks on one screen (issue 19): `prompt`
// introduces them, each is a numbered item, and the person answers with the
// numbers that apply. Each stays its own question everywhere else.
struct QuestionGroup {
    std::string id;
    std::string prompt;
};

struct UrgencyLevel {
    std::string id;
    std::string name;
    std::string advice;
    bool self_care = true; // false: no self-massage or exercise is offered
    SourceMark mark;
    bool ends_interview = false; // reaching this level ends an interview at once
};

// A red flag or another urgency rule: when `when` holds, the urgency is at
// least `urgency`.
struct UrgencyRule {
    std::string id;
    std::string name;
    int urgency = 0; // index into RuleSet::urgencies
    Condition when;
    // Answers that make the concern greater without being needed for it
    // (say, a weakened immune system with a fever): shown in `because` when
    // they hold, never used to decide whether the rule holds.
    std::vector<Condition> context;
    std::string advice;
    SourceMark mark;
    // The rule does not hold when this is true, and does when it is false or
    // unknown: "unless these symptoms are long-standing and stable". An
    // unanswered reason for reassurance never reassures.
    std::optional<Condition> unless;
    std::string source; // the guideline and section the rule comes from
};

struct Finding {
    Condition when;
    double weight = 0; // > 0 supports the cause, < 0 counts against it
    SourceMark mark;
};

struct Cause {
    std::string id;
    std::string name;
    std::string summary;     // one line
    std::string description; // what it is
    std::vector<std::string> signs;
    std::string diagnosis;
    int usual_urgency = 0;
    std::string source;                 // where the reasoning comes from
    std::optional<Condition> requires_; // never listed when this is false
    std::vector<Finding> findings;
    SourceMark mark;
    // When this holds the cause is ranked ahead of every cause it does not
    // hold for (an injury leads when the pain began with one).
    std::optional<Condition> leads_when;
};

struct Technique {
    std::string id;
    std::string name;
    std::string summary;
    std::optional<Condition> when; // offered only when this may hold
    std::vector<int> not_at;       // urgency indices at which it is withheld
    std::vector<std::string> steps;
    std::vector<std::string> cautions;
    // The equipment it uses: `equipment_refs` indexes RuleSet::equipment, and
    // `equipment` holds the same items' names, in the same order, for people.
    std::vector<int> equipment_refs;
    std::vector<std::string> equipment;
    std::string source; // where the steps come from
    SourceMark mark;
    std::optional<Condition> unless;  // withheld unless this is false: true or unknown
    std::vector<int> not_with_causes; // withheld when one of these causes leads
    // When not empty, offered only while one of these causes is listed: a
    // technique for sciatica is not for a picture with no cause of it.
    std::vector<int> only_with_causes;
};

// One answer that another implies: when `when` holds, `question` reads as
// `value` unless it was answered (or, with `overrides`, even when it was
// answered otherwise: an answer the rest contradict).
struct Implication {
    std::string id;
    Condition when;
    int question = -1;
    double value = 0;
    bool overrides = false;
    std::string source;
    SourceMark mark;
};

// What the result is while a red flag can neither be confirmed nor ruled out
// (its condition is unknown): at least `urgency`, never self-care techniques,
// and `advice` said first.
struct IncompleteScreen {
    int urgency = -1; // index into RuleSet::urgencies; -1: not set
    std::string name;
    std::string advice;
    std::string ask; // introduces the questions that would rule the signs out
};

// One of Texts::named: a sentence of the interview or the report.
struct NamedText {
    std::string key;
    std::string text;
};

// The fixed words a person reads around the rule set's content: headings
// and sentences of the text result and of the education commands. They say
// clinical things ("not a diagnosis", "see a practitioner first"), so they
// live in the rule set (`texts:`) with everything else clinical; an empty
// one is left out of the text.
struct Texts {
    std::string why_heading;             // the rules behind the urgency
    std::string emergency_signs_heading; // above `RuleSet::emergency_signs`
    std::string causes_heading;          // the possible causes of a result
    std::string no_causes;               // when no cause stands out
    std::string techniques_heading;      // what a person can try
    std::string no_techniques;           // when no technique is offered
    std::string worth_answering_heading; // the unanswered questions that matter
    std::string causes_list_heading;     // `sciatica causes`
    std::string usual_urgency_label;     // "Usually" before a cause's urgency
    std::string signs_heading;           // `sciatica explain`
    std::string diagnosis_heading;
    std::string usual_urgency_heading;
    std::string techniques_list_heading; // `sciatica techniques`
    std::string cautions_heading;
    std::string withheld_at; // a technique's urgency; "{urgency}" is its name
    std::string equipment_heading;
    std::string treatments_heading; // `sciatica treatments`
    // The interview's and the visit report's words, by key (named_text_keys()
    // lists them; lint warns about each one missing). Read with text_of().
    std::vector<NamedText> named;
};

// The text of `key` among `texts.named`, or "" when the rule set has none.
const std::string &text_of(const Texts &texts, std::string_view key);

// `text` with each "{name}" of `values` replaced by its value, wherever it
// stands (a value is not searched again for placeholders). How every text of
// the rule set gets the values put in that it names.
std::string filled_in(std::string text,
                      std::initializer_list<std::pair<const char *, std::string>> values);

// filled_in(text_of(`texts`, `key`), `values`).
std::string text_with(const Texts &texts, std::string_view key,
                      std::initializer_list<std::pair<const char *, std::string>> values);

// Each key of `texts:` and its member: the one list the loader, the compiled
// form and the docs' check share.
struct TextKey {
    const char *key;
    std::string Texts::*member;
};
const std::vector<TextKey> &text_keys();

// The keys of `texts:` kept in Texts::named, in the order the docs list them.
const std::vector<std::string> &named_text_keys();

// The last of named_text_keys(): what a person reads at the interview's
// prompts, when saving a check and from `sciatica history`. Lint refuses a
// rule set that gives named texts but not each of these (the others it only
// warns about).
const std::vector<std::string> &required_text_keys();

// The red flags said together, in plain words, when they are not ruled out
// (`flag_families:`): "signs of infection" rather than three condition names.
struct FlagFamily {
    std::string name;
    std::vector<int> flags; // indexes into RuleSet::red_flags
};

struct Treatment {
    std::string id;
    std::string name;
    std::string description;
    std::string source; // the source article, or the guideline that adds it
};

struct Equipment {
    std::string id;
    std::string name;
    std::string description; // what it is
    std::string how_to_use;
    std::string source;
};

// A group of warning signs and what to do when one of them holds.
struct WarningSigns {
    std::string advice;
    std::vector<std::string> signs;
};

// What the condition is, for `sciatica about`. Empty when the rule set has
// no `about` section.
struct About {
    std::string name;
    std::string what_it_is;
    std::string nerve_path;
    std::string figure_unicode; // may be empty: then figure_ascii is drawn
    std::string figure_ascii;   // may be empty: then no figure is drawn
    std::vector<std::string> symptoms;
    std::string diagnosis;
    std::vector<WarningSigns> get_help_now;
    std::string source;

    bool empty() const { return name.empty(); }
};

// The rule set's optional `history:` section: what a new check compares with
// the last saved one, what `check --resume` asks again, and what the visit
// report draws from. Question references are indices, -1 when not given.
enum class WatchKind { became_yes, rose_by };

struct Watch {
    int question = -1;
    WatchKind kind = WatchKind::became_yes;
    double by = 0;    // rose_by: the least rise worth noticing
    int implies = -1; // a yes/no question this change answers yes, or -1
    SourceMark mark;
};

struct BodyMap {
    int back = -1, buttock = -1, leg = -1, below_knee = -1; // yes/no questions
    int side = -1; // a choice with options left, right, both
};

struct HistoryRules {
    std::vector<Watch> watch;
    std::vector<int> ask_again;   // answers that can change over days
    int duration = -1;            // weeks of pain: carried from the episode's first check
    double episode_gap_weeks = 0; // a longer gap between saved checks starts a new episode
    int pain_score = -1;          // charted over the saved checks
    BodyMap body;
    std::vector<std::string> visit_questions; // worth asking the practitioner
};

struct RuleSet {
    std::string title;
    std::string version;
    std::string notice; // the practitioner notice, in every result
    About about;
    Texts texts; // headings and fixed sentences
    // The signs that mean "go to an emergency department now", one short
    // line each, shown on every result below the most severe urgency.
    std::vector<std::string> emergency_signs;
    std::vector<UrgencyLevel> urgencies; // most severe first
    std::vector<Question> questions;     // in interview order
    std::vector<Implication> implications; // applied before any rule is read
    std::vector<UrgencyRule> red_flags;
    std::vector<UrgencyRule> urgency_rules;
    std::optional<Condition> causes_when; // no cause is listed when this is false
    std::vector<Cause> causes;
    std::vector<Technique> techniques;
    std::vector<Treatment> treatments;
    std::vector<Equipment> equipment;
    IncompleteScreen incomplete_screen;
    // How many of the ranked causes count as leading: the interview keeps
    // asking while an answer could change them, and a technique's
    // not_with_causes reads them.
    int leading_causes = 2;
    HistoryRules history;
    std::vector<FlagFamily> flag_families;
    std::vector<QuestionGroup> question_groups;

    // Index of the question or urgency with `id`, or -1.
    int question_index(const std::string &id) const;
    int urgency_index(const std::string &id) const;

    std::vector<std::string> question_ids() const;
    std::vector<std::string> cause_ids() const;
    std::vector<std::string> technique_ids() const;
    std::vector<std::string> urgency_ids() const;
    std::vector<std::string> equipment_ids() const;

    // The least severe level: the urgency when no rule fires.
    int default_urgency() const { return static_cast<int>(urgencies.size()) - 1; }
};

// The range of the rule set's history.pain_score question, for charting it:
// its min and max, 0 and 10 where it gives none or there is no such question.
// The one place the history list and the visit report work it out.
std::pair<double, double> pain_score_range(const RuleSet &rules);

} // namespace sciatica
