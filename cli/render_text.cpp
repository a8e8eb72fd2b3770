#include "cli/render_text.hpp"

#include "lib/answers.hpp"

#include <cctype>

namespace sciatica::cli {

namespace {

// The most severe levels are red, the least severe green, the rest yellow.
const char *urgency_colour(int urgency, int levels) {
    if (urgency == 0) {
        return k_alarm;
    }
    if (urgency <= 1 && levels > 2) {
        return k_red;
    }
    return urgency == levels - 1 ? k_green : k_yellow;
}

// "Does the leg pain go below your knee? Yes": the question as the person
// read it, and what they said.
std::string said(const Question &question, double value) {
    std::string answer = answer_text(question, value);
    if (!answer.empty()) {
        answer[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(answer[0])));
    }
    return question.prompt + " " + answer;
}

std::string because_lines(const Result &result, const std::vector<int> &because,
                          const std::string &indent, const TextStyle &style) {
    if (because.empty()) {
        return "";
    }
    std::string out = paint(style, k_dim, indent + "Because you said:") + "\n";
    for (int index : because) {
        const auto q = static_cast<std::size_t>(index);
        out += wrap(said(result.rules->questions[q], *result.answers[q]), style.width,
                    indent + "  - ", indent + "    ");
    }
    return out;
}

// What got worse since the last saved check (issue 12): said before the
// reasons, since a change can be one of them.
std::string changes_since(const Result &result, const TextStyle &style) {
    if (result.changes.empty()) {
        return "";
    }
    std::string out = "\n" + render_heading("Changed since your last saved check", style);
    for (const auto &change : result.changes) {
        const Question &question =
            result.rules->questions[static_cast<std::size_t>(change.question)];
        std::string before = change.before ? answer_text(question, *change.before) : "not answered";
        out += wrap(question.prompt + " Was " + before + " (" + change.since.substr(0, 10) +
                        "), now " + answer_text(question, change.after) + ".",
                    style.width, "  - ", "    ");
    }
    return out;
}

std::string warning_signs(const Result &result, const TextStyle &style) {
    std::string out;
    const int levels = static_cast<int>(result.rules->urgencies.size());
    for (const auto *list : {&result.red_flags, &result.urgency_rules}) {
        for (const auto &hit : *list) {
            const char *colour = urgency_colour(hit.rule->urgency, levels);
            out += wrap_painted(style, colour, "! " + hit.rule->name, "  ", "    ");
            out += wrap(hit.rule->advice, style.width, "    ", "    ");
            out += because_lines(result, hit.because, "    ", style);
        }
    }
    if (out.empty()) {
        return "";
    }
    return "\n" + render_heading("Why this urgency", style) + out;
}

std::string causes(const Result &result, const TextStyle &style) {
    std::string out = "\n" + render_heading("Possible causes (not a diagnosis)", style);
    if (result.causes.empty()) {
        out += wrap("None stand out from your answers.", style.width, "  ", "  ");
    }
    for (std::size_t i = 0; i < result.causes.size(); ++i) {
        const auto &ranked = result.causes[i];
        out += wrap_painted(style, k_bold, std::to_string(i + 1) + ". " + ranked.cause->name, "  ",
                            "     ");
        out += wrap(ranked.cause->summary, style.width, "     ", "     ");
        out += because_lines(result, ranked.because, "     ", style);
    }
    return out;
}

std::string techniques(const Result &result, const TextStyle &style) {
    std::string out = "\n" + render_heading("What you can do", style);
    if (result.techniques.empty()) {
        out += wrap("Self-massage and exercise are not advised until a practitioner has seen you.",
                    style.width, "  ", "  ");
    }
    for (const auto *technique : result.techniques) {
        out += wrap_painted(style, k_bold, "* " + technique->name, "  ", "    ");
        for (std::size_t i = 0; i < technique->steps.size(); ++i) {
            std::string number = std::to_string(i + 1) + ". ";
            out += wrap(technique->steps[i], style.width, "    " + number,
                        std::string(4 + number.size(), ' '));
        }
    }
    return out;
}

// The questions, with the ids that `--answer` takes.
std::string question_list(const Result &result, const TextStyle &style) {
    std::string out;
    for (int index : result.unanswered) {
        const Question &question = result.rules->questions[static_cast<std::size_t>(index)];
        out += wrap(question.prompt + " (--answer " + question.id + "=...)", style.width, "  - ",
                    "    ");
    }
    return out;
}

// Said before anything else when no red flag holds but some could: what could
// not be ruled out, and the questions that would rule it out.
std::string not_ruled_out(const Result &result, const TextStyle &style) {
    const IncompleteScreen &screen = result.rules->incomplete_screen;
    std::string out = render_heading(screen.name, style);
    out += wrap(screen.advice, style.width, "", "");
    for (const auto *flag : result.not_ruled_out) {
        out += wrap(flag->name, style.width, "  - ", "    ");
    }
    out += wrap(screen.ask, style.width, "", "");
    return out + question_list(result, style) + "\n";
}

std::string worth_answering(const Result &result, const TextStyle &style) {
    if (result.unanswered.empty()) {
        return "";
    }
    std::string out =
        "\n" + render_heading("Questions worth answering (they could change the urgency)", style);
    for (int index : result.unanswered) {
        const Question &question = result.rules->questions[static_cast<std::size_t>(index)];
        out += wrap(question.prompt + " (" + question.id + ")", style.width, "  - ", "    ");
    }
    return out;
}

} // namespace

std::string render_heading(const std::string &text, const TextStyle &style) {
    return wrap_painted(style, k_bold, text, "", "");
}

std::string render_banner(const UrgencyLevel &level, int urgency, int levels,
                          const TextStyle &style) {
    const auto inner = static_cast<std::size_t>(style.width > 4 ? style.width - 4 : 1);
    std::string rule = "+" + std::string(inner + 2, '-') + "+";
    std::string out = paint(style, urgency_colour(urgency, levels), rule) + "\n";
    std::string body = wrap(level.name, static_cast<int>(inner), "", "");
    std::size_t start = 0;
    while (start < body.size()) {
        std::size_t end = body.find('\n', start);
        std::string line = body.substr(start, end - start);
        std::size_t shown = display_width(line);
        line += std::string(inner > shown ? inner - shown : 0, ' ');
        out += paint(style, urgency_colour(urgency, levels), "| " + line + " |") + "\n";
        start = end + 1;
    }
    return out + paint(style, urgency_colour(urgency, levels), rule) + "\n";
}

std::string render_text(const Result &result, const TextStyle &style) {
    const UrgencyLevel &level = result.urgency_level();
    const int levels = static_cast<int>(result.rules->urgencies.size());
    const bool unresolved = !result.screen_complete && result.red_flags.empty();
    std::string out = unresolved ? not_ruled_out(result, style) : "";
    out += render_banner(level, result.urgency, levels, style);
    out += wrap(level.advice, style.width, "", "");
    out += changes_since(result, style);
    out += warning_signs(result, style);
    out += causes(result, style);
    out += techniques(result, style);
    out += unresolved ? "" : worth_answering(result, style);
    out += "\n" + wrap(result.rules->notice, style.width, "", "");
    return out;
}

} // namespace sciatica::cli
