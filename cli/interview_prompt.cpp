#include "cli/interview_prompt.hpp"

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/render_text.hpp"
#include "cli/reply_words.hpp"
#include "lib/answers.hpp"
#include "lib/error.hpp"
#include "lib/interview.hpp"
#include "lib/text_util.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <editline/readline.h>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace sciatica::cli {

namespace {

// The terminal's settings before the interview, put back when its
// questions end and on a signal that ends the program: the line editor may
// have the terminal in its own mode at that moment, and between prompts
// read_line leaves it out of line mode.
termios g_saved_terminal{};
bool g_terminal_saved = false;

// Async-signal-safe, for the handlers below.
void put_terminal_back() {
    if (g_terminal_saved) {
        tcsetattr(STDIN_FILENO, TCSANOW, &g_saved_terminal);
    }
}

// Puts the terminal back however the questions end: the last answer,
// Ctrl-D's ExitWith, an error. What follows them reads in line mode (the
// save question's ask_yes_no, the shell).
struct TerminalBack {
    TerminalBack() = default;
    TerminalBack(const TerminalBack &) = delete;
    TerminalBack &operator=(const TerminalBack &) = delete;
    ~TerminalBack() { put_terminal_back(); }
};

// Ctrl-C: the person wants out now. Only async-signal-safe calls. During the
// interview nothing has been written to standard output yet, so no partial
// result is left; after it (at the question about saving) the result has
// been written in full, and stays on the screen.
extern "C" void on_interrupt(int) {
    put_terminal_back();
    const char message[] = "\nsciatica: interrupted\n";
    ssize_t ignored = write(STDERR_FILENO, message, sizeof message - 1);
    (void)ignored;
    _exit(k_exit_interrupted);
}

// SIGTERM, SIGHUP, SIGQUIT (Ctrl-\): the terminal back, then the signal's
// own end (the exit status names the signal, as it did without this
// handler).
extern "C" void on_end_signal(int number) {
    put_terminal_back();
    std::signal(number, SIG_DFL);
    std::raise(number);
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

// The keys (texts: interview_keys), said once at the start and again after a
// reply that is not an answer.
const std::string &keys_text(const RuleSet &rules) {
    return text_of(rules.texts, "interview_keys");
}

// The urgency banner, its advice and the red flags that hold: for when the
// result itself does not go to this terminal.
// Without `banner` (the result will show it on this screen): the advice alone.
std::string emergency_text(const Result &result, const TextStyle &style, bool banner = true) {
    const int levels = static_cast<int>(result.rules->urgencies.size());
    std::string out = "\n" + (banner ? render_banner(*result.rules, result.urgency_level(),
                                                     result.urgency, levels, style)
                                     : "");
    out += flow(style, result.urgency_level().advice, "", "");
    for (const auto &hit : result.red_flags) {
        if (hit.rule->urgency == result.urgency) {
            out += flow(style, hit.rule->name + ": " + hit.rule->advice, "  ! ", "    ");
        }
    }
    return out + "\n";
}

// What the person answered to a question before going back to it: kept
// when they press Enter alone at it again.
struct Earlier {
    std::optional<double> value;
};

class Prompter {
  public:
    Prompter(const RuleSet &rules, Interview &interview, const TextStyle &style,
             const std::function<void(const Answers &)> &on_stop)
        : m_rules(rules), m_interview(interview), m_style(style), m_words(rules),
          m_on_stop(on_stop) {}

    // Asks question `index` until a reply can be used: an answer, "don't
    // know", or "back". On Ctrl-D: says the check was stopped and the
    // emergency signs, gives `on_stop` the answers so far and throws
    // ExitWith(k_exit_no_input).
    void ask(int index) {
        const Question &question = m_rules.questions[static_cast<std::size_t>(index)];
        say(question_text(question, m_interview.prompt(index), m_interview.recap(index), ++m_number,
                          m_style));
        std::optional<Earlier> earlier;
        if (auto before = m_earlier.find(index); before != m_earlier.end()) {
            earlier = before->second;
            m_earlier.erase(before);
            say(flow(m_style,
                     text_with(m_rules.texts, "interview_you_answered",
                               {{"answer", answer_words(question, earlier->value)}}),
                     "   ", "   "));
        }
        const std::string progress = progress_text();
        m_screens.push_back(1); // popped again when this is not answered
        for (;;) {
            std::optional<std::string> line =
                read_line("   " + keys_hint(question) + " " + progress + " > ");
            if (!line) {
                stop();
            }
            std::string reply = normalised(*line);
            if (reply == "?" || reply == "help") {
                help(question);
            } else if (reply == "b") {
                m_screens.pop_back();
                if (go_back()) {
                    return;
                }
                m_screens.push_back(1);
                say("   " + text_of(m_rules.texts, "interview_first_question") + "\n");
            } else if (reply.empty() && earlier) {
                m_interview.answer(index, earlier->value);
                say("   " +
                    text_with(m_rules.texts, "interview_kept",
                              {{"answer", answer_words(question, earlier->value)}}) +
                    "\n");
                return;
            } else if (reply.empty() || reply == "s" || listed(m_words.unsure, reply)) {
                m_interview.answer(index, std::nullopt);
                return;
            } else if (take(index, question, reply)) {
                return;
            }
        }
    }

    // Asks `items` (Interview::next_group(), two or more yes/no questions) on
    // one screen, numbered, until a reply can be used: the numbers that
    // apply ("1 3": yes to those, no to the rest), "N?" for one the person is
    // not sure of, 0 or a word for no (none apply), Enter or a word for not
    // sure (all stay unknown, never "no"), or "b". Each item is answered as
    // its own question, in order.
    void ask_group(const std::vector<int> &items) {
        const Question &first = m_rules.questions[static_cast<std::size_t>(items.front())];
        const std::string &intro =
            m_rules.question_groups[static_cast<std::size_t>(first.group)].prompt;
        const std::string number = std::to_string(++m_number);
        std::string out =
            "\n" + flow(m_style, intro, number + ". ", std::string(number.size() + 2, ' '));
        for (std::size_t i = 0; i < items.size(); ++i) {
            std::string item = std::to_string(i + 1) + ") ";
            out += flow(m_style, m_interview.prompt(items[i]), "   " + item,
                        std::string(3 + item.size(), ' '));
        }
        say(out);
        std::vector<std::optional<double>> earlier;
        for (int item : items) {
            if (auto before = m_earlier.find(item); before != m_earlier.end()) {
                earlier.push_back(before->second.value);
                m_earlier.erase(before);
            }
        }
        const bool keep = earlier.size() == items.size();
        if (keep) {
            say(flow(m_style,
                     text_with(m_rules.texts, "interview_you_answered",
                               {{"answer", group_reply_text(earlier)}}),
                     "   ", "   "));
        }
        const std::string hint = text_of(m_rules.texts, "group_hint");
        const std::string progress = progress_text();
        for (;;) {
            std::optional<std::string> line = read_line(
                "   " + text_of(m_rules.texts, "interview_group_keys") + " " + progress + " > ");
            if (!line) {
                stop();
            }
            std::string reply = normalised(*line);
            std::vector<std::optional<double>> values;
            if (reply == "?" || reply == "help") {
                say(flow(m_style, hint.empty() ? keys_text(m_rules) : hint, "   ", "   "));
                continue;
            }
            if (reply == "b") {
                if (go_back()) {
                    return;
                }
                say("   " + text_of(m_rules.texts, "interview_first_question") + "\n");
                continue;
            }
            if (reply.empty() && keep) {
                values = earlier;
            } else if (reply.empty() || reply == "s" || listed(m_words.unsure, reply)) {
                values.assign(items.size(), std::nullopt);
            } else if (reply == "0" || reply == "none" || listed(m_words.no, reply)) {
                values.assign(items.size(), 0.0);
            } else if (!parse_numbers(reply, items.size(), values)) {
                say(flow(m_style,
                         text_with(m_rules.texts, "interview_not_an_answer",
                                   {{"reply", printable(*line, 40)}}),
                         "   ", "   "));
                say(flow(m_style, hint.empty() ? keys_text(m_rules) : hint, "   ", "   "));
                continue;
            }
            for (std::size_t i = 0; i < items.size(); ++i) {
                m_interview.answer(items[i], values[i]);
            }
            m_screens.push_back(items.size());
            return;
        }
    }

    // A yes or no to a question of the interview's own (the offer to go
    // back): Enter alone, Ctrl-D or anything else is no.
    bool yes_to(const std::string &text) {
        say("\n" + flow(m_style, text, "", ""));
        std::optional<std::string> line = read_line("   [y/n] > ");
        if (!line) {
            stop();
        }
        std::string reply = normalised(*line);
        return reply == "yes" || listed(m_words.yes, reply);
    }

    [[noreturn]] void stop() {
        say("\n");
        if (m_on_stop) {
            m_on_stop(m_interview.answers());
        }
        say(flow(m_style, text_of(m_rules.texts, "stopped"), "", ""));
        if (m_interview.emergency()) {
            say(emergency_text(m_interview.result(), m_style));
        } else if (!m_rules.emergency_signs.empty()) {
            say(render_box(m_rules.texts.emergency_signs_heading, m_rules.emergency_signs,
                           urgency_colour(0, static_cast<int>(m_rules.urgencies.size())), m_style));
        }
        throw ExitWith{k_exit_no_input};
    }

  private:
    const RuleSet &m_rules;
    Interview &m_interview;
    const TextStyle &m_style;
    Words m_words;
    const std::function<void(const Answers &)> &m_on_stop;
    std::map<int, Earlier> m_earlier;   // answers undone by going back
    std::size_t m_number = 0;           // of the question on the screen: back counts down
    std::vector<std::size_t> m_screens; // answers each screen recorded, for back

  public:
    // After Interview::reopen(): the questions still asked stand one a screen.
    void forget_screens() { m_screens.assign(m_interview.asked().size(), 1); }

  private:
    std::string answer_words(const Question &question, const std::optional<double> &value) const {
        return value ? answer_text(question, *value)
                     : text_of(m_rules.texts, "interview_dont_know");
    }

    void help(const Question &question) {
        if (!question.help.empty()) {
            say(flow(m_style, question.help, "   ", "   "));
        }
        std::string keys = text_of(m_rules.texts, "interview_help");
        say(flow(m_style, keys.empty() ? keys_text(m_rules) : keys, "   ", "   "));
    }

    // Undoes the last screen: its one question, or every item of a group.
    bool go_back() {
        if (m_interview.asked().empty() || m_screens.empty()) {
            return false;
        }
        for (std::size_t n = m_screens.back(); n > 0 && !m_interview.asked().empty(); --n) {
            int last = m_interview.asked().back();
            m_earlier[last] = Earlier{m_interview.answers()[static_cast<std::size_t>(last)]};
            m_interview.back();
        }
        m_screens.pop_back();
        m_number -= m_number >= 2 ? 2 : m_number; // this one and the one gone back to
        return true;
    }

    // Progress: the screens shown and those that could still follow.
    std::string progress_text() const {
        return text_with(
            m_rules.texts, "interview_progress",
            {{"number", std::to_string(m_number)},
             {"count",
              std::to_string(m_number - 1 + static_cast<std::size_t>(m_interview.remaining()))}});
    }

    // "1 3 4?" into `values`, one per item of `count`: yes to each number
    // given, unknown to each given with "?", no to the rest. False when a
    // token is not such a number.
    static bool parse_numbers(const std::string &reply, std::size_t count,
                              std::vector<std::optional<double>> &values) {
        values.assign(count, 0.0);
        std::string spaced = reply;
        std::replace(spaced.begin(), spaced.end(), ',', ' ');
        std::istringstream in(spaced);
        std::string token;
        bool any = false;
        while (in >> token) {
            bool unsure = token.back() == '?';
            std::string digits = unsure ? token.substr(0, token.size() - 1) : token;
            if (digits.empty() || digits.size() > 3 ||
                !std::all_of(digits.begin(), digits.end(),
                             [](unsigned char c) { return std::isdigit(c) != 0; })) {
                return false;
            }
            std::size_t number = std::stoul(digits);
            if (number < 1 || number > count) {
                return false;
            }
            values[number - 1] = unsure ? std::nullopt : std::optional<double>(1.0);
            any = true;
        }
        return any;
    }

    // What a group was answered, as the person would type it again: "1 3",
    // "0", "2?" or "not sure".
    static std::string group_reply_text(const std::vector<std::optional<double>> &values) {
        std::string out;
        bool all_unknown = true;
        for (std::size_t i = 0; i < values.size(); ++i) {
            all_unknown = all_unknown && !values[i];
            if (!values[i] || *values[i] != 0) {
                out += (out.empty() ? "" : " ") + std::to_string(i + 1) + (values[i] ? "" : "?");
            }
        }
        return all_unknown ? "not sure" : out.empty() ? "0 (none)" : out;
    }

    // Records `reply` to `question` when it is an answer; else says why not.
    bool take(int index, const Question &question, const std::string &reply) {
        std::string value_text = reply;
        if (question.type == QuestionType::yes_no && listed(m_words.yes, reply)) {
            value_text = "yes";
        } else if (question.type == QuestionType::yes_no && listed(m_words.no, reply)) {
            value_text = "no";
        }
        try {
            double value = parse_reply(question, value_text);
            m_interview.answer(index, value);
            // A reply in another unit ("3 days"), said back in words.
            if (!question.unit.empty() &&
                !std::isdigit(static_cast<unsigned char>(value_text.back()))) {
                say("   = " +
                    duration_words(m_rules.texts, question, value)
                        .value_or(answer_text(question, value) + " " + question.unit) +
                    "\n");
            }
            return true;
        } catch (const AnswerError &e) {
            // The person is looking at the question, so its id is noise.
            say(flow(m_style, text_with(m_rules.texts, "interview_sorry", {{"reason", e.reason()}}),
                     "   ", "   "));
            say(flow(m_style, "(" + keys_text(m_rules) + ")", "   ", "   "));
            return false;
        }
    }
};

// The questions the person was asked and left unknown that could still
// change the urgency (Result::unanswered), in the order asked.
std::vector<int> open_questions(const Interview &interview) {
    Result result = interview.result();
    std::vector<int> out;
    for (int asked : interview.asked()) {
        if (std::find(result.unanswered.begin(), result.unanswered.end(), asked) !=
            result.unanswered.end()) {
            out.push_back(asked);
        }
    }
    return out;
}

} // namespace

Result run_interview(const RuleSet &rules, Answers given, const TextStyle &style,
                     bool result_on_terminal, const std::function<void(const Answers &)> &on_stop) {
    if (tcgetattr(STDIN_FILENO, &g_saved_terminal) == 0) {
        g_terminal_saved = true;
    }
    TerminalBack terminal_back;
    std::signal(SIGINT, on_interrupt);
    std::signal(SIGTERM, on_end_signal);
    std::signal(SIGHUP, on_end_signal);
    std::signal(SIGQUIT, on_end_signal);
    Interview interview(rules, std::move(given));
    if (interview.next() < 0) {
        return interview.result(); // everything that matters is known already
    }
    say(flow(style, text_of(rules.texts, "interview_start") + " " + keys_text(rules), "", ""));
    Prompter prompter(rules, interview, style, on_stop);
    // The emergency advice is said the moment the answers reach it, before
    // any other question (one that could lift it, or follow it up).
    bool advised = false;
    bool offered = false; // to go back to the don't-knows: once
    for (;;) {
        for (auto items = interview.next_group(); !items.empty(); items = interview.next_group()) {
            if (items.size() == 1) {
                prompter.ask(items.front());
            } else {
                prompter.ask_group(items);
            }
            if (!interview.emergency()) {
                advised = false;
            } else if (!advised && interview.next() >= 0) {
                say(emergency_text(interview.result(), style, !result_on_terminal));
                advised = true;
            }
        }
        // At an emergency nothing more is asked: the person should go now.
        std::vector<int> open =
            offered || interview.emergency() ? std::vector<int>{} : open_questions(interview);
        offered = true;
        std::string offer =
            text_with(rules.texts, "revisit_offer", {{"count", std::to_string(open.size())}});
        if (open.empty() || offer.empty() || !prompter.yes_to(offer)) {
            break;
        }
        for (int question : open) {
            interview.reopen(question);
        }
        prompter.forget_screens();
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
