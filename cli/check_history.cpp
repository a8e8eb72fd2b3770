#include "cli/check_history.hpp"

#include "cli/config.hpp"
#include "cli/terminal.hpp"

#include "lib/answers.hpp"
#include "lib/error.hpp"
#include "lib/history_answers.hpp"
#include "lib/history_files.hpp"
#include "lib/history_time.hpp"

#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <unistd.h>

namespace sciatica::cli {

namespace {

std::string format_weeks(double weeks) {
    std::string text = std::to_string(weeks);
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.') {
        text.pop_back();
    }
    return text;
}

} // namespace

bool ask_yes_no(const RuleSet &rules, const std::string &question, bool fallback) {
    for (;;) {
        say(question + (fallback ? " [Y/n] " : " [y/N] "));
        std::string line;
        char c = 0;
        ssize_t got = 0;
        while ((got = read(STDIN_FILENO, &c, 1)) > 0 || (got < 0 && errno == EINTR)) {
            if (got > 0 && c == '\n') {
                break;
            }
            if (got > 0 && c != ' ' && c != '\r') {
                line += static_cast<char>(c | 0x20);
            }
        }
        if (got == 0 && line.empty()) {
            say("\n");
            return fallback;
        }
        if (line.empty()) {
            return fallback;
        }
        if (line == "y" || line == "yes") {
            return true;
        }
        if (line == "n" || line == "no") {
            return false;
        }
        say(text_of(rules.texts, "yes_or_no") + "\n");
    }
}

CheckHistory::CheckHistory(const Settings &settings, const Flags &flags, bool interactive)
    : m_flags(flags), m_interactive(interactive), m_save_setting(settings.save.value),
      m_path(history_path(process_env)) {
    if (m_flags.save && m_flags.no_save) {
        throw Error(ErrorKind::usage, "--save and --no-save cannot be used together");
    }
    bool asked_for = m_flags.history || m_flags.resume;
    bool reads = saving() == Saving::yes || asked_for ||
                 (m_interactive && HistoryStore::exists(m_path));
    if (!reads) {
        return;
    }
    if (asked_for) {
        open_existing(); // --history and --resume need it: failing is the error
        return;
    }
    // Read only to compare with or to save into: a history that cannot be
    // opened must not keep the result from the person. The check goes on
    // without it, and saving reports the problem after the result.
    try {
        open_existing();
    } catch (const Error &e) {
        m_open_error = e.what();
        m_store.reset();
        m_checks.clear();
    }
}

CheckHistory::Saving CheckHistory::saving() const {
    if (m_flags.no_save) {
        return Saving::no;
    }
    if (m_flags.save || m_save_setting == "always") {
        return Saving::yes;
    }
    return m_interactive && m_save_setting == "ask" ? Saving::ask : Saving::no;
}

void CheckHistory::open_existing() {
    if (!HistoryStore::exists(m_path)) {
        return; // nothing saved yet: reading creates nothing
    }
    m_store = std::make_unique<HistoryStore>(m_path, false);
    m_checks = m_store->all();
}

void CheckHistory::prepare(const RuleSet &rules, Answers &answers) {
    if (!m_store) {
        return;
    }
    if (!m_checks.empty()) {
        m_previous = previous_check(rules, m_checks.back());
    }
    if (m_flags.resume) {
        auto draft = m_store->draft();
        Answers base = draft        ? answers_from_store_json(rules, draft->answers)
                       : m_previous ? resume_answers(rules, m_previous->answers)
                                    : no_answers(rules);
        for (std::size_t i = 0; i < answers.size(); ++i) {
            if (!answers[i]) {
                answers[i] = base[i]; // what was given now wins
            }
        }
    }
    const int duration = rules.history.duration;
    if (duration < 0 || answers[static_cast<std::size_t>(duration)]) {
        return;
    }
    auto carried = carried_duration(rules, m_checks, static_cast<long long>(std::time(nullptr)));
    if (!carried) {
        return;
    }
    if (m_interactive &&
        !ask_yes_no(rules,
                    text_with(rules.texts, "carried_weeks_question",
                              {{"weeks", format_weeks(*carried)},
                               {"question", rules.questions[static_cast<std::size_t>(duration)].id}}),
                    true)) {
        return;
    }
    answers[static_cast<std::size_t>(duration)] = *carried;
}

std::function<void(const Answers &)> CheckHistory::draft_keeper(const RuleSet &rules) {
    // A draft only for a check that was to be saved, or that resumes one
    // (the person chose to keep answers in the history); never for one still
    // to be asked about, whose answers the person has not agreed to keep.
    bool keeps = saving() == Saving::yes || (m_flags.resume && !m_flags.no_save);
    if (!keeps) {
        return {};
    }
    return [this, &rules](const Answers &answers) {
        if (!m_store) {
            m_store = std::make_unique<HistoryStore>(m_path, true);
        }
        m_store->save_draft({iso_now(), answers_to_store_json(rules, answers)});
        say(text_of(rules.texts, "draft_kept") + "\n");
    };
}

bool CheckHistory::should_save(const RuleSet &rules) {
    switch (saving()) {
    case Saving::no:
        return false;
    case Saving::yes:
        return true;
    case Saving::ask:
        break;
    }
    return ask_yes_no(rules, text_of(rules.texts, "save_question"), false);
}

long long CheckHistory::save(const RuleSet &rules, const Answers &given,
                             const std::string &result_line) {
    if (!m_open_error.empty()) {
        throw Error(ErrorKind::io, m_open_error);
    }
    if (!m_store) {
        m_store = std::make_unique<HistoryStore>(m_path, true);
    }
    return m_store->save(
        {0, iso_now(), rules.version, answers_to_store_json(rules, given), result_line});
}

} // namespace sciatica::cli
