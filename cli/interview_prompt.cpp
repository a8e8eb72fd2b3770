#include "cli/interview_prompt.hpp"

#include "cli/render_text.hpp"
#include "lib/answers.hpp"
#include "lib/error.hpp"
#include "lib/interview.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <optional>
#include <string>
#include <unistd.h>

namespace sciatica::cli {

namespace {

constexpr int k_exit_interrupted = 130;

// Ctrl-C: the person wants out now. Only async-signal-safe calls; nothing
// has been written to standard output yet, so no partial result is left.
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

std::string trimmed_lower(const std::string &text) {
    auto begin = text.find_first_not_of(" \t\r");
    if (begin == std::string::npos) {
        return "";
    }
    std::string out = text.substr(begin, text.find_last_not_of(" \t\r") - begin + 1);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return out;
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

std::string question_text(const Question &question, std::size_t number, const TextStyle &style) {
    std::string out = "\n" + wrap(question.prompt, style.width, std::to_string(number) + ". ",
                                  std::string(std::to_string(number).size() + 2, ' '));
    if (question.type == QuestionType::choice) {
        std::string options;
        for (std::size_t i = 0; i < question.options.size(); ++i) {
            options += (i ? "   " : "") + std::to_string(i + 1) + ") " + question.options[i];
        }
        out += wrap(options, style.width, "   ", "   ");
    }
    return out;
}

// A choice may be given by its number as well as by name.
double parse_reply(const Question &question, const std::string &reply) {
    if (question.type == QuestionType::choice && !reply.empty() &&
        reply.find_first_not_of("0123456789") == std::string::npos && reply.size() < 4) {
        std::size_t number = std::stoul(reply);
        if (number >= 1 && number <= question.options.size()) {
            return static_cast<double>(number - 1);
        }
    }
    return parse_answer(question, reply);
}

// The library's message names the question by id; here the person is looking
// at it, so the id is noise.
std::string without_id(const Question &question, const std::string &message) {
    std::string prefix = "'" + question.id + "': ";
    return message.rfind(prefix, 0) == 0 ? message.substr(prefix.size()) : message;
}

std::string emergency_text(const Result &result, const TextStyle &style) {
    const int levels = static_cast<int>(result.rules->urgencies.size());
    std::string out = "\n" + render_banner(result.urgency_level(), result.urgency, levels, style);
    out += wrap(result.urgency_level().advice, style.width, "", "");
    for (const auto &hit : result.red_flags) {
        if (hit.rule->urgency == result.urgency) {
            out += wrap(hit.rule->name + ": " + hit.rule->advice, style.width, "  ! ", "    ");
        }
    }
    return out + "\n";
}

// Asks question `index` until a reply can be used: an answer, "don't know"
// or "back". Throws Error(no_input) at the end of input.
void ask(Interview &interview, const Question &question, int index, const TextStyle &style,
         const std::function<void(const Answers &)> &on_stop) {
    say(question_text(question, interview.asked().size() + 1, style));
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
        std::string reply = trimmed_lower(*line);
        if (reply == "?") {
            say(wrap(question.help.empty() ? "No more to say about this question." : question.help,
                     style.width, "   ", "   "));
        } else if (reply == "b") {
            if (interview.back()) {
                return;
            }
            say("   This is the first question; there is nothing to go back to.\n");
        } else if (reply.empty() || reply == "s") {
            interview.answer(index, std::nullopt);
            return;
        } else {
            try {
                interview.answer(index, parse_reply(question, reply));
                return;
            } catch (const Error &e) {
                say(wrap("Sorry: " + without_id(question, e.what()) + ".", style.width, "   ",
                         "   "));
            }
        }
    }
}

} // namespace

Result run_interview(const RuleSet &rules, Answers given, const TextStyle &style,
                     const std::function<void(const Answers &)> &on_stop) {
    std::signal(SIGINT, on_interrupt);
    Interview interview(rules, std::move(given));
    if (interview.next() < 0) {
        return interview.result(); // everything that matters is known already
    }
    say(wrap("Answer each question and press Enter. Type ? for more about a question, "
             "press Enter alone (or s) if you don't know, b to go back. Ctrl-D stops.",
             style.width, "", ""));
    for (int index = interview.next(); index >= 0; index = interview.next()) {
        ask(interview, rules.questions[static_cast<std::size_t>(index)], index, style, on_stop);
    }
    Result result = interview.result();
    if (interview.emergency()) {
        say(emergency_text(result, style));
    } else {
        say("\n");
    }
    return result;
}

} // namespace sciatica::cli
