#include "cli/render_text.hpp"

#include "cli/render_questions.hpp"
#include "lib/answers.hpp"
#include "lib/condition.hpp"
#include "lib/text_util.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace sciatica::cli {

namespace {

// Layout limits that keep a result on one screen; the JSON result lists all.
constexpr std::size_t k_shown_causes = 3;

// "3 May 2026" for an ISO date ("2026-05-03..."); the text itself when it is
// not one.
std::string day_text(const std::string &at) {
    static const char *const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    if (at.size() < 10 || at[4] != '-' || at[7] != '-') {
        return at;
    }
    int month = std::atoi(at.substr(5, 2).c_str());
    int day = std::atoi(at.substr(8, 2).c_str());
    if (month < 1 || month > 12 || day < 1) {
        return at.substr(0, 10);
    }
    return std::to_string(day) + " " + months[month - 1] + " " + at.substr(0, 4);
}

// The answer behind a conclusion the tool drew, not one the person gave:
// what it rests on, or "" when `question` holds the person's own answer.
std::string concluded_because(const Result &result, int question, bool person) {
    const RuleSet &rules = *result.rules;
    for (const auto &change : result.changes) {
        for (const auto &watch : rules.history.watch) {
            if (watch.question == change.question && watch.implies == question) {
                return text_with(
                    rules.texts, "concluded_new_since",
                    {{"date", person ? day_text(change.since) : change.since.substr(0, 10)}});
            }
        }
    }
    for (const auto &entry : result.implied) {
        if (entry.question != question) {
            continue;
        }
        std::string from;
        for (int by : entry.by) {
            const auto q = static_cast<std::size_t>(by);
            if (result.answers[q]) {
                from += (from.empty() ? "" : ", ") +
                        answer_statement(rules.questions[q], *result.answers[q]);
            }
        }
        return from.empty() ? text_of(rules.texts, "concluded_from_other_answers")
                            : text_with(rules.texts, "concluded_from_answer", {{"answers", from}});
    }
    return "";
}

std::vector<std::string> statements(const Result &result, const std::vector<int> &because,
                                    bool person = false) {
    std::vector<std::string> out;
    for (int index : because) {
        const auto q = static_cast<std::size_t>(index);
        if (!result.answers[q]) {
            continue;
        }
        const Question &question = result.rules->questions[q];
        std::string said = person
                               ? person_statement(result.rules->texts, question, *result.answers[q])
                               : answer_statement(question, *result.answers[q]);
        // What the tool concluded is said as such, with why (issue 19).
        std::string why = concluded_because(result, index, person);
        out.push_back(why.empty() ? said
                                  : text_with(result.rules->texts, "concluded_treated_as",
                                              {{"statement", said}, {"why", why}}));
    }
    return out;
}

// `lead` (a cause's or rule's name, painted with `sgr`) and why, on one line
// of the width when they fit: "Spinal stenosis: worse walking, aged 72", with
// as many statements as fit and "and more" for the rest. The why moves to
// the next line when even its first statement does not fit. Plain style has
// room for all of them.
std::string name_and_why(const Result &result, const std::string &lead,
                         const std::vector<int> &because, const char *sgr, const std::string &first,
                         const std::string &rest, const TextStyle &style, bool person) {
    std::vector<std::string> said = statements(result, because, person);
    // "Leg symptoms on walking: leg symptoms on walking" says nothing new.
    said.erase(std::remove_if(said.begin(), said.end(),
                              [&lead](const std::string &statement) {
                                  return lower(statement) == lower(lead);
                              }),
               said.end());
    if (style.plain) {
        std::string why;
        for (const auto &statement : said) {
            why += (why.empty() ? "" : "; ") + statement;
        }
        return flow(style, lead + (why.empty() ? "" : ". Why: " + why), first, "");
    }
    const auto width = static_cast<std::size_t>(style.width);
    const std::string &more = text_of(result.rules->texts, "statements_more");
    // As many statements as fit in `room` columns.
    auto fitted = [&said, &more](std::size_t room) {
        std::string line;
        for (std::size_t i = 0; i < said.size(); ++i) {
            std::string longer = line + (line.empty() ? "" : ", ") + said[i];
            bool last = i + 1 == said.size();
            if (display_width(longer) + (last ? 0 : more.size()) > room) {
                return line.empty() ? line : line + more;
            }
            line = longer;
        }
        return line;
    };
    std::string head = first + lead + ": ";
    std::string why = width > display_width(head) ? fitted(width - display_width(head)) : "";
    if (said.empty() || (!why.empty() && display_width(first + lead) <= width)) {
        return first + paint(style, sgr, lead) + (said.empty() ? "" : ": " + why) + "\n";
    }
    // The name on its line(s), the why below it.
    std::string out = wrap_painted(style, sgr, lead, first, rest);
    why = width > rest.size() ? fitted(width - rest.size()) : "";
    if (why.empty()) { // even one statement is longer than a line
        why = said.front() + (said.size() > 1 ? more : "");
    }
    return out + wrap(why, style.width, rest, rest);
}

std::string section(const std::string &heading, const TextStyle &style) {
    return "\n" + (heading.empty() ? "" : render_heading(heading, style));
}

// "Urgency: " and the like: a label of the rule set's texts, with the space
// after it, or nothing when the rule set has none.
std::string label(const RuleSet &rules, const char *key) {
    const std::string text = text_of(rules.texts, key);
    return text.empty() ? text : text + " ";
}

std::string what_to_do(const RuleSet &rules, const UrgencyLevel &level, const TextStyle &style) {
    return style.plain ? flow(style, level.advice, label(rules, "what_to_do_label"), "")
                       : wrap(level.advice, style.width, "", "");
}

// What got worse since the last saved check (issue 12): said before the
// reasons, since a change can be one of them.
std::string changes_since(const Result &result, const TextStyle &style) {
    if (result.changes.empty()) {
        return "";
    }
    std::string out = "\n" + render_heading(text_of(result.rules->texts, "changes_heading"), style);
    for (const auto &change : result.changes) {
        const Question &question =
            result.rules->questions[static_cast<std::size_t>(change.question)];
        const Texts &texts = result.rules->texts;
        std::string before = change.before ? answer_text(question, *change.before)
                                           : text_of(texts, "history_not_answered");
        out += flow(style,
                    text_with(texts, "changes_change",
                              {{"question", question.prompt},
                               {"before", before},
                               {"since", change.since.substr(0, 10)},
                               {"after", answer_text(question, change.after)}}),
                    "  - ", "    ");
    }
    return out;
}

// The red flags and urgency rules that hold. A red flag's advice is always
// shown; another rule's only with `details`, as the urgency's advice covers it.
std::string why_this_urgency(const Result &result, const TextStyle &style, bool details,
                             bool person) {
    std::string out;
    const int levels = static_cast<int>(result.rules->urgencies.size());
    for (const auto *list : {&result.red_flags, &result.urgency_rules}) {
        bool red_flag = list == &result.red_flags;
        for (const auto &hit : *list) {
            const char *colour = urgency_colour(hit.rule->urgency, levels);
            out += name_and_why(result, hit.rule->name, hit.because, colour, "  ! ", "    ", style,
                                person);
            if (red_flag || details) {
                out += flow(style, hit.rule->advice, "    ", "    ");
            }
        }
    }
    // Right under the advice: the reasons belong with it.
    const std::string &heading = result.rules->texts.why_heading;
    std::string gap = style.plain ? "\n" : ""; // no border sets it apart in plain text
    return out.empty() || heading.empty() ? out : gap + render_heading(heading, style) + out;
}

std::string emergency_signs(const Result &result, const TextStyle &style) {
    const RuleSet &rules = *result.rules;
    if (result.urgency == 0 || rules.emergency_signs.empty()) {
        return "";
    }
    // No blank line before the box: its border sets it apart.
    return (style.plain ? "\n" : "") +
           render_box(rules.texts.emergency_signs_heading, rules.emergency_signs,
                      urgency_colour(0, static_cast<int>(rules.urgencies.size())), style);
}

std::string causes(const Result &result, const TextStyle &style, bool details, bool person) {
    const Texts &texts = result.rules->texts;
    std::string out = section(texts.causes_heading, style);
    if (result.causes.empty()) {
        return texts.no_causes.empty() ? "" : out + flow(style, texts.no_causes, "  ", "  ");
    }
    std::size_t shown = details ? result.causes.size() : k_shown_causes;
    for (std::size_t i = 0; i < result.causes.size() && i < shown; ++i) {
        const auto &ranked = result.causes[i];
        std::string number = "  " + std::to_string(i + 1) + ". ";
        out += name_and_why(result, ranked.cause->name, ranked.because, k_bold, number, "     ",
                            style, person);
        if (details) {
            out += flow(style, ranked.cause->summary, "     ", "     ");
        }
    }
    return out;
}

// A technique's steps and then its cautions, which go with it wherever the
// steps are shown.
std::string technique_steps(const Technique &technique, const std::string &cautions_heading,
                            const TextStyle &style) {
    std::string out = style.plain
                          ? flow(style, technique.name, "- ", "")
                          : wrap_painted(style, k_bold, "* " + technique.name, "  ", "    ");
    for (std::size_t i = 0; i < technique.steps.size(); ++i) {
        std::string number = std::to_string(i + 1) + ". ";
        out +=
            flow(style, technique.steps[i], "    " + number, std::string(4 + number.size(), ' '));
    }
    if (!technique.cautions.empty() && !cautions_heading.empty()) {
        out += flow(style, cautions_heading + ":", "    ", "    ");
        for (const auto &caution : technique.cautions) {
            out += flow(style, caution, "    ! ", "      ");
        }
    }
    return out;
}

std::string techniques(const Result &result, const TextStyle &style, bool details, bool person) {
    const Texts &texts = result.rules->texts;
    if (result.techniques.empty()) {
        return texts.no_techniques.empty() ? ""
                                           : section(texts.techniques_heading, style) +
                                                 flow(style, texts.no_techniques, "  ", "  ");
    }
    std::string out = "\n";
    // At the end of an interview no id: the command alone lists them all.
    const std::string &hint = text_of(texts, person ? "techniques_hint_person" : "techniques_hint");
    if (details) {
        out += render_heading(texts.techniques_heading, style);
    } else if (!style.plain && display_width(texts.techniques_heading + "  " + hint) <=
                                   static_cast<std::size_t>(style.width)) {
        out += paint(style, k_bold, texts.techniques_heading) + "  " + paint(style, k_dim, hint) +
               "\n";
    } else if (!style.plain) {
        out += render_heading(texts.techniques_heading, style) + flow(style, hint, "", "");
    } else {
        out += render_heading(texts.techniques_heading, style) +
               flow(style, text_of(texts, "techniques_hint_plain"), "", "");
    }
    for (const auto *technique : result.techniques) {
        std::string name = technique->name + (person ? "" : " (" + technique->id + ")");
        out += details ? technique_steps(*technique, texts.cautions_heading, style)
                       : flow(style, name, "  - ", "    ");
    }
    return out;
}

std::size_t line_count(const std::string &text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// The last line, and the notice above it: on every result.
std::string closing(const Result &result, const TextStyle &style) {
    const UrgencyLevel &level = result.urgency_level();
    const int levels = static_cast<int>(result.rules->urgencies.size());
    std::string out = "\n" + flow(style, result.rules->notice, "", "");
    std::string last = label(*result.rules, "urgency_label") + level.name;
    return out + (style.plain
                      ? flow(style, last, "", "")
                      : wrap_painted(style, urgency_colour(result.urgency, levels), last, "", ""));
}

// An emergency on one 80x24 screen (issue 19): what to do now (the urgency's
// advice, then each emergency red flag with its own advice while the screen
// has room, by name after that), the signs the person reported, what to tell
// the clinician, the notice. Nothing to try, no causes, no questions: they
// would only delay going.
std::string emergency_screen(const Result &result, const TextStyle &style, bool person) {
    constexpr std::size_t k_screen_lines = 24;
    const RuleSet &rules = *result.rules;
    const int levels = static_cast<int>(rules.urgencies.size());
    const UrgencyLevel &level = result.urgency_level();
    std::string top = render_banner(*result.rules, level, result.urgency, levels, style) +
                      what_to_do(*result.rules, level, style);
    std::vector<const FiredRule *> flags;
    std::vector<int> because;
    for (const auto &hit : result.red_flags) {
        if (hit.rule->urgency != result.urgency) {
            continue;
        }
        flags.push_back(&hit);
        for (int q : hit.because) {
            if (std::find(because.begin(), because.end(), q) == because.end()) {
                because.push_back(q);
            }
        }
    }
    std::string told;
    for (const auto &statement : statements(result, because, person)) {
        told += (told.empty() ? "" : "; ") + statement;
    }
    std::string reported;
    const std::string heading = text_of(rules.texts, "signs_reported_heading");
    if (!told.empty()) {
        reported = "\n" + (heading.empty() ? "" : render_heading(heading, style)) +
                   flow(style, told + ".", "  ", "  ");
    }
    const std::string tell = text_of(rules.texts, "tell_clinician");
    reported += tell.empty() ? "" : flow(style, tell, "", "");
    const std::string end = closing(result, style);
    // The flags in order, each with its advice while the screen has room;
    // the names of the rest in one paragraph.
    const char *colour = urgency_colour(result.urgency, levels);
    auto with_advice = [&](std::size_t full) {
        std::string out;
        std::string names;
        for (std::size_t i = 0; i < flags.size(); ++i) {
            if (i < full) {
                out += wrap_painted(style, colour, flags[i]->rule->name, "  ! ", "    ") +
                       flow(style, flags[i]->rule->advice, "    ", "    ");
            } else {
                names += (names.empty() ? "" : "; ") + flags[i]->rule->name;
            }
        }
        return out + (names.empty() ? "" : wrap_painted(style, colour, names, "  ! ", "    "));
    };
    std::size_t full = 0;
    while (full < flags.size() && (style.plain || line_count(top + with_advice(full + 1) +
                                                             reported + end) <= k_screen_lines)) {
        ++full;
    }
    const std::string said = with_advice(full);
    return top + said + reported + end;
}

// The lines of `body` (wrapped text, each line ending in '\n'), each padded
// with spaces to `inner` columns: the inside of a box.
std::vector<std::string> padded_lines(const std::string &body, std::size_t inner) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < body.size()) {
        std::size_t end = body.find('\n', start);
        std::string line = body.substr(start, end - start);
        std::size_t shown = display_width(line);
        out.push_back(line + std::string(inner > shown ? inner - shown : 0, ' '));
        start = end + 1;
    }
    return out;
}

} // namespace

const char *urgency_colour(int urgency, int levels) {
    if (urgency == 0) {
        return k_alarm;
    }
    if (urgency == 1 && levels > 2) {
        return k_urgent;
    }
    return urgency == levels - 1 ? k_green : k_yellow;
}

std::string render_heading(const std::string &text, const TextStyle &style) {
    return style.plain ? flow(style, text, "", "") : wrap_painted(style, k_bold, text, "", "");
}

std::string render_banner(const RuleSet &rules, const UrgencyLevel &level, int urgency, int levels,
                          const TextStyle &style) {
    if (style.plain) {
        return flow(style, level.name, label(rules, "urgency_label"), "");
    }
    const char *colour = urgency_colour(urgency, levels);
    const auto inner = static_cast<std::size_t>(style.width > 4 ? style.width - 4 : 1);
    std::string rule = "+" + std::string(inner + 2, '-') + "+";
    std::string out = paint(style, colour, rule) + "\n";
    for (const auto &line :
         padded_lines(wrap(level.name, static_cast<int>(inner), "", ""), inner)) {
        out += paint(style, colour, "| " + line + " |") + "\n";
    }
    return out + paint(style, colour, rule) + "\n";
}

std::string render_box(const std::string &title, const std::vector<std::string> &items,
                       const char *sgr, const TextStyle &style) {
    if (style.plain) {
        std::string out = title.empty() ? "" : flow(style, title, "", "");
        for (const auto &item : items) {
            out += flow(style, item, "- ", "");
        }
        return out;
    }
    const auto width = static_cast<std::size_t>(style.width);
    const std::size_t inner = width > 4 ? width - 4 : 1;
    // The title sits in the top border when it fits, else on the first line.
    std::string top = "+";
    std::string body;
    if (!title.empty() && display_width(title) + 5 <= width) {
        top += "- " + title + " ";
    } else if (!title.empty()) {
        body = wrap(title, static_cast<int>(inner), "", "");
    }
    top +=
        std::string(width > display_width(top) + 1 ? width - display_width(top) - 1 : 0, '-') + "+";
    for (const auto &item : items) {
        body += wrap(item, static_cast<int>(inner), "- ", "  ");
    }
    std::string out = paint(style, sgr, top) + "\n";
    for (const auto &line : padded_lines(body, inner)) {
        out += paint(style, sgr, "|") + " " + line + " " + paint(style, sgr, "|") + "\n";
    }
    return out + paint(style, sgr, "+" + std::string(width - 2, '-') + "+") + "\n";
}

std::optional<std::string> duration_words(const Texts &texts, const Question &question,
                                          double value) {
    for (const auto &unit : duration_units()) {
        if (question.unit == unit.name) {
            return about_duration(texts, value * unit.days);
        }
    }
    return std::nullopt;
}

std::string person_statement(const Texts &texts, const Question &question, double value) {
    std::string says = answer_statement(question, value);
    std::optional<std::string> words = duration_words(texts, question, value);
    std::string number = answer_text(question, value) + " " + question.unit;
    auto at = says.find(number);
    if (!words || at == std::string::npos) {
        return says;
    }
    return says.replace(at, number.size(), *words);
}

std::string about_duration(const Texts &texts, double days) {
    auto about = [&texts](double count, const char *one, const char *many) {
        long whole = std::lround(count);
        whole = whole < 1 ? 1 : whole;
        return text_with(texts, whole == 1 ? one : many, {{"n", std::to_string(whole)}});
    };
    if (days < 1) {
        return text_of(texts, "duration_under_a_day");
    }
    if (days < 14) {
        return about(days, "duration_day", "duration_days");
    }
    if (days < 7 * 8) {
        return about(days / 7, "duration_week", "duration_weeks");
    }
    if (days < 365.25 * 2) {
        return about(days / (365.25 / 12), "duration_month", "duration_months");
    }
    const double years = days / 365.25;
    if (years < 5 && std::fabs(years - std::round(years)) >= 0.25) {
        return text_with(texts, "duration_years_and_a_half",
                         {{"n", std::to_string(static_cast<int>(years))}});
    }
    return about(years, "duration_year", "duration_years");
}

std::string render_text(const Result &result, const TextStyle &style, bool details, bool person) {
    if (result.urgency == 0 && !details && !result.red_flags.empty()) {
        return emergency_screen(result, style, person);
    }
    const UrgencyLevel &level = result.urgency_level();
    const int levels = static_cast<int>(result.rules->urgencies.size());
    // Unresolved warning signs come first, and then list the questions.
    const bool unresolved = !result.screen_complete && result.red_flags.empty();
    std::string out = unresolved ? not_ruled_out(result, style, details, person) : "";
    out += render_banner(*result.rules, level, result.urgency, levels, style);
    out += what_to_do(*result.rules, level, style);
    out += changes_since(result, style);
    out += why_this_urgency(result, style, details, person);
    out += emergency_signs(result, style);
    out += causes(result, style, details, person);
    // Unresolved, the incomplete screen's `ask` has said what not to try.
    out += unresolved && !details ? "" : techniques(result, style, details, person);
    out += unresolved ? "" : worth_answering(result, style, details, person);
    return out + closing(result, style);
}

} // namespace sciatica::cli
