#include "cli/render_questions.hpp"

#include "cli/render_text.hpp"
#include "lib/condition.hpp"

#include <algorithm>

namespace sciatica::cli {

namespace {

// Layout limits that keep a result on one screen; the JSON result lists all.
constexpr std::size_t k_question_lines = 3;

std::size_t line_count(const std::string &text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

std::string section(const std::string &heading, const TextStyle &style) {
    return "\n" + (heading.empty() ? "" : render_heading(heading, style));
}

// The red flags not ruled out, said by family ("signs of infection") when
// the rule set groups them and not `details`; a flag in no family by name.
std::string not_ruled_out_signs(const Result &result, bool details) {
    const RuleSet &rules = *result.rules;
    auto open = [&result, &rules](int flag) {
        return std::any_of(result.not_ruled_out.begin(), result.not_ruled_out.end(),
                           [&](const UrgencyRule *rule) { return rule == &rules.red_flags[static_cast<std::size_t>(flag)]; });
    };
    std::vector<std::string> said;
    std::vector<bool> in_family(rules.red_flags.size(), false);
    if (!details) {
        for (const auto &family : rules.flag_families) {
            bool any = false;
            for (int flag : family.flags) {
                in_family[static_cast<std::size_t>(flag)] = true;
                any = any || open(flag);
            }
            if (any) {
                said.push_back(family.name);
            }
        }
    }
    for (const auto *flag : result.not_ruled_out) {
        if (!in_family[static_cast<std::size_t>(flag - rules.red_flags.data())]) {
            said.push_back(flag->name);
        }
    }
    std::string out;
    for (const auto &name : said) {
        out += (out.empty() ? "" : "; ") + name;
    }
    return out;
}

// Result::unanswered, the questions that could decide the most severe red
// flag not ruled out first (a bladder question before the side of the
// pain), so that the few shown are the ones that matter most.
std::vector<int> ranked_unanswered(const Result &result) {
    const RuleSet &rules = *result.rules;
    std::vector<int> severity(rules.questions.size(), static_cast<int>(rules.urgencies.size()));
    for (const auto *flag : result.not_ruled_out) {
        std::vector<int> read;
        questions_of(flag->when, read);
        for (int q : read) {
            auto &level = severity[static_cast<std::size_t>(q)];
            level = std::min(level, flag->urgency);
        }
    }
    std::vector<int> out = result.unanswered;
    std::stable_sort(out.begin(), out.end(), [&severity](int a, int b) {
        return severity[static_cast<std::size_t>(a)] < severity[static_cast<std::size_t>(b)];
    });
    return out;
}

// At most `limit` unanswered questions as "  - prompt" lines (all when
// `limit` is 0), the rest counted: for a person, with no ids.
std::string question_lines(const Result &result, const TextStyle &style, std::size_t limit) {
    std::string out;
    std::size_t shown = 0;
    for (int index : ranked_unanswered(result)) {
        if (limit != 0 && shown == limit) {
            break;
        }
        out += flow(style, result.rules->questions[static_cast<std::size_t>(index)].prompt, "  - ",
                    "    ");
        ++shown;
    }
    std::string more = text_of(result.rules->texts, "unanswered_more");
    if (result.unanswered.size() > shown && !more.empty()) {
        std::string count = std::to_string(result.unanswered.size() - shown);
        if (auto at = more.find("{count}"); at != std::string::npos) {
            more.replace(at, 7, count);
        }
        out += flow(style, more, "  ", "  ");
    }
    return out;
}

// Said before anything else when no red flag holds but some could: what could
// not be ruled out, and the questions that would rule it out. An unanswered
// warning sign never reassures, so every family of them is named (every sign
// with `details`). After an interview (`person`) the first questions follow
// in words; otherwise every question's id for --answer, the first ones in
// full unless `details` or plain style.
} // namespace

std::string not_ruled_out(const Result &result, const TextStyle &style, bool details, bool person) {
    constexpr std::size_t k_full_questions = 3;
    constexpr std::size_t k_person_questions = 3;
    const IncompleteScreen &screen = result.rules->incomplete_screen;
    const std::string signs = not_ruled_out_signs(result, details);
    std::string out = render_heading(screen.name, style);
    if (person && !details) {
        std::string lead = text_of(result.rules->texts, "not_ruled_out_people");
        out += flow(style, (lead.empty() ? screen.advice : lead) + " " + signs + ".", "", "");
        // The incomplete screen's `ask` says what to do until then.
        out += flow(style, screen.ask, "", "") + question_lines(result, style, k_person_questions);
        std::string again = text_of(result.rules->texts, "unanswered_people");
        return out + (again.empty() ? "" : flow(style, again, "", "")) + "\n";
    }
    out += flow(style, screen.advice + " " + signs + ".", "", "");
    out += flow(style, screen.ask, "", "");
    const bool all = details || style.plain;
    std::size_t shown = 0;
    for (int index : ranked_unanswered(result)) {
        const Question &question = result.rules->questions[static_cast<std::size_t>(index)];
        if (!all && shown == k_full_questions) {
            break;
        }
        out += flow(style, question.prompt + " (--answer " + question.id + "=...)", "  - ", "    ");
        ++shown;
    }
    if (result.unanswered.size() > shown) {
        out += flow(style,
                    "and " + std::to_string(result.unanswered.size() - shown) +
                        " more: --details lists them all, and at a terminal sciatica check "
                        "asks them.",
                    "  ", "  ");
    }
    return out + "\n";
}

// The unanswered questions that could raise the urgency, as many as fit in
// `k_question_lines` lines (all with `details` or in plain style), with
// their ids for --answer, or after an interview (`person`) in words alone.
std::string worth_answering(const Result &result, const TextStyle &style, bool details,
                            bool person) {
    if (result.unanswered.empty()) {
        return "";
    }
    const std::string heading = section(result.rules->texts.worth_answering_heading, style);
    if (person && !details) {
        return heading + question_lines(result, style, k_question_lines);
    }
    std::string list;
    std::size_t shown = 0;
    for (int index : result.unanswered) {
        const Question &question = result.rules->questions[static_cast<std::size_t>(index)];
        std::string item = flow(style, question.prompt + " (" + question.id + ")", "  - ", "    ");
        if (!details && !style.plain && shown > 0 && line_count(list + item) > k_question_lines) {
            break;
        }
        list += item;
        ++shown;
    }
    std::string how = "Answer with: sciatica check --answer ID=VALUE";
    if (result.unanswered.size() > shown) {
        how = std::to_string(result.unanswered.size() - shown) + " more; answer with: sciatica "
                                                                 "check --answer ID=VALUE";
    }
    return heading + list + flow(style, how, "  ", "  ");
}

} // namespace sciatica::cli
