#include "cli/interview_prompt.hpp"

#include "cli/exit_codes.hpp"
#include "cli/render_text.hpp"
#include "lib/answers.hpp"
#include "lib/error.hpp"
#include "lib/interview.hpp"
#include "lib/text_util.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <map>
#include <optional>
#include <string>
#include <unistd.h>

namespace sciatica::cli {

namespace {

// Ctrl-C: the person wants out now. Only async-signal-safe calls. During the
// interview nothing has been written to standard output yet, so no partial
// result is left; after it (at the question about saving) the result has
// been written in full, and stays on the screen.
extern "C" void on_interrupt(int) {
    const char message[] = "\nsciatica: interrupted\n";
    ssize_t ignored = write(STDERR_FILENO, message, sizeof message - 1);
    (void)ignored;
    _exit(k_exit_interrupted);
}

void say(const std::string &text) {
    ssize_t ignored = write(STDERR_FILENO, text.data(), text.size());
    (void)ignored;
}

// One line from standard input without its newline; std::nullopt at end of
// input (Ctrl-D).
std::optional<std::string> read_line() {
    std::string line;
    char c = 0;
    for (;;) {
        ssize_t got = read(STDIN_FILENO, &c, 1);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got <= 0) {
            return std::nullopt;
        }
        if (c == '\n') {
            return line;
        }
        line += c;
    }
}

std::string keys_hint(const Question &question) {
    switch (question.type) {
    case QuestionType::yes_no:
        return "[y/n]";
    case QuestionType::choice:
        return "[1-" + std::to_string(question.options.size()) + " or a name]";
    case QuestionType::integer:
    case QuestionType::number:
        return "[" + answer_hint(question) + "]";
    }
    return "";
}

// `recap`, when not empty, goes on its own line above the numbered prompt.
std::string question_text(const Question &question, const std::string &prompt,
                          const std::string &recap, std::size_t number, const TextStyle &style) {
    std::string out = "\n";
    if (!recap.empty()) {
        out += flow(style, recap, "", "");
    }
    out += flow(style, prompt, std::to_string(number) + ". ",
                std::string(std::to_string(number).size() + 2, ' '));
    if (question.type == QuestionType::choice) {
        std::string options;
        for (std::size_t i = 0; i < question.options.size(); ++i) {
            options += (i ? "   " : "") + std::to_string(i + 1) + ") " + question.options[i];
        }
        out += flow(style, options, "   ", "   ");
    }
    return out;
}

// The keys, said once at the start and again after a reply that is not an
// answer.
constexpr const char *k_keys_hint = "Enter alone = don't know, b = back, ? = more";

// What the person answered to a question before going back to it.
std::string earlier_answer(const Question &question, const std::optional<double> &value) {
    return value ? answer_text(question, *value) : "don't know";
}

// The urgency banner, its advice and the red flags that hold: for when the
// result itself does not go to this terminal.
// Without `banner` (the result will show it on this screen): the advice alone.
std::string emergency_text(const Result &result, const TextStyle &style, bool banner = true) {
    const int levels = static_cast<int>(result.rules->urgencies.size());
    std::string out =
        "\n" + (banner ? render_banner(result.urgency_level(), result.urgency, levels, style) : "");
    out += flow(style, result.urgency_level().advice, "", "");
    for (const auto &hit : result.red_flags) {
        if (hit.rule->urgency == result.urgency) {
            out += flow(style, hit.rule->name + ": " + hit.rule->advice, "  ! ", "    ");
        }
    }
    return out + "\n";
}

// Asks question `index` until a reply can be used: an answer, "don't know"
// or "back". `earlier` holds, by question, what the person said before going
// back: shown when that question is asked again, and filled in on "b".
// Throws Error(no_input) at the end of input, after giving `on_stop` the
// answers so far.
void ask(const RuleSet &rules, Interview &interview, int index, std::map<int, std::string> &earlier,
         const TextStyle &style, const std::function<void(const Answers &)> &on_stop) {
    const Question &question = rules.questions[static_cast<std::size_t>(index)];
    say(question_text(question, interview.prompt(index), interview.recap(index),
                      interview.asked().size() + 1, style));
    if (auto before = earlier.find(index); before != earlier.end()) {
        say(flow(style, "You answered: " + before->second, "   ", "   "));
        earlier.erase(before);
    }
    for (;;) {
        say("   " + keys_hint(question) + " > ");
        std::optional<std::string> line = read_line();
        if (!line) {
            say("\n");
            if (on_stop) {
                on_stop(interview.answers());
            }
            throw Error(ErrorKind::no_input,
                        "the interview was stopped (Ctrl-D) before it finished; no result "
                        "was given");
        }
        std::string reply = lower(trim(*line));
        if (reply == "?") {
            say(flow(style,
                     question.help.empty() ? "No more to say about this question." : question.help,
                     "   ", "   "));
        } else if (reply == "b") {
            if (!interview.asked().empty()) {
                int last = interview.asked().back();
                const auto q = static_cast<std::size_t>(last);
                earlier[last] = earlier_answer(rules.questions[q], interview.answers()[q]);
                interview.back();
                return;
            }
            say("   This is the first question; there is nothing to go back to.\n");
        } else if (reply.empty() || reply == "s") {
            interview.answer(index, std::nullopt);
            return;
        } else {
            try {
                double value = parse_reply(question, reply);
                interview.answer(index, value);
                if (!question.unit.empty() &&
                    !std::isdigit(static_cast<unsigned char>(reply.back()))) {
                    say("   = " + answer_text(question, value) + " " + question.unit + "\n");
                }
                return;
            } catch (const AnswerError &e) {
                // The person is looking at the question, so its id is noise.
                say(flow(style, "Sorry: " + e.reason() + ".", "   ", "   "));
                say(flow(style, std::string("(") + k_keys_hint + ")", "   ", "   "));
            }
        }
    }
}

} // namespace

Result run_interview(const RuleSet &rules, Answers given, const TextStyle &style,
                     bool result_on_terminal, const std::function<void(const Answers &)> &on_stop) {
    std::signal(SIGINT, on_interrupt);
    Interview interview(rules, std::move(given));
    if (interview.next() < 0) {
        return interview.result(); // everything that matters is known already
    }
    say(flow(style, std::string("Answer each question, then Enter. ") + k_keys_hint, "", ""));
    std::map<int, std::string> earlier; // answers undone by going back
    // The emergency advice is said the moment the answers reach it, before
    // any other question (one that could lift it, or follow it up).
    bool advised = false;
    for (int index = interview.next(); index >= 0; index = interview.next()) {
        ask(rules, interview, index, earlier, style, on_stop);
        if (!interview.emergency()) {
            advised = false;
        } else if (!advised && interview.next() >= 0) {
            say(emergency_text(interview.result(), style, !result_on_terminal));
            advised = true;
        }
    }
    Result result = interview.result();
    if (interview.emergency() && !result_on_terminal && !advised) {
        say(emergency_text(result, style));
    } else {
        say("\n");
    }
    return result;
}

} // namespace sciatica::cli
