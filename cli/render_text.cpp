#include "render_text.hpp"

#include "answers.hpp"
#include "text_util.hpp"

namespace sciatica::cli {

namespace {

std::string because_text(const Result &result, const std::vector<int> &because) {
    std::string out;
    for (std::size_t i = 0; i < because.size(); ++i) {
        const auto q = static_cast<std::size_t>(because[i]);
        const Question &question = result.rules->questions[q];
        if (i > 0) {
            out += i + 1 == because.size() ? " and " : ", ";
        }
        out += question.id + " = " + answer_text(question, *result.answers[q]);
    }
    return out;
}

} // namespace

std::string render_text(const Result &result) {
    const UrgencyLevel &level = result.urgency_level();
    std::string out;
    out += "== " + level.name + " ==\n";
    out += level.advice + "\n";

    if (!result.red_flags.empty() || !result.urgency_rules.empty()) {
        out += "\nWhy this urgency:\n";
        for (const auto *list : {&result.red_flags, &result.urgency_rules}) {
            for (const auto &hit : *list) {
                out += "  ! " + hit.rule->name + ": " + hit.rule->advice + "\n";
                out += "    because you said " + because_text(result, hit.because) + "\n";
            }
        }
    }

    out += "\nPossible causes (not a diagnosis):\n";
    if (result.causes.empty()) {
        out += "  None stand out from your answers.\n";
    }
    for (std::size_t i = 0; i < result.causes.size(); ++i) {
        const auto &ranked = result.causes[i];
        out += "  " + std::to_string(i + 1) + ". " + ranked.cause->name + " (score " +
               format_number(ranked.score) + ")\n";
        out += "     " + ranked.cause->summary + "\n";
        out += "     because you said " + because_text(result, ranked.because) + "\n";
    }

    out += "\nWhat you can do:\n";
    if (result.techniques.empty()) {
        out += "  Self-massage and exercise are not advised until a practitioner has seen you.\n";
    }
    for (const auto *technique : result.techniques) {
        out += "  * " + technique->name + "\n";
        for (std::size_t i = 0; i < technique->steps.size(); ++i) {
            out += "    " + std::to_string(i + 1) + ". " + technique->steps[i] + "\n";
        }
    }

    if (!result.unanswered.empty()) {
        out += "\nQuestions worth answering (they could change the urgency):\n";
        for (int index : result.unanswered) {
            const Question &question = result.rules->questions[static_cast<std::size_t>(index)];
            out += "  - " + question.id + ": " + question.prompt + "\n";
        }
    }

    out += "\n" + result.rules->notice + "\n";
    return out;
}

} // namespace sciatica::cli
