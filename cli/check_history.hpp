#pragma once

#include "lib/engine.hpp"
#include "lib/history.hpp"
#include "lib/history_changes.hpp"
#include "lib/settings.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sciatica::cli {

// What `check` does with the saved history. It reads the history only when
// the check saves, or with --history or --resume, or in an interview when a
// history already exists; it writes only when the person saves (--save,
// `save = "always"`, or yes to the question at the end of an interview), or
// keeps a draft on Ctrl-D in a check that was to be saved. A check that uses
// none of these never touches the disk.
class CheckHistory {
  public:
    struct Flags {
        bool save = false;    // --save
        bool history = false; // --history: compare with the last saved check
        bool resume = false;  // --resume
        bool no_save = false; // --no-save
    };

    CheckHistory(const Settings &settings, const Flags &flags, bool interactive);

    // Whether this check is saved: `no` (--no-save, `save = "never"`, or
    // `ask` with no one to ask), `yes` (--save or `save = "always"`), or
    // `ask` (an interview with `save = "ask"`: the person is asked after
    // seeing the result). The one place the decision is made: what is read,
    // whether a draft is kept and whether to save all follow from it.
    enum class Saving { no, yes, ask };
    Saving saving() const;

    // Fills in what the history offers and `answers` lacks: with --resume the
    // last saved answers (or the draft), less those that can change over
    // days; and the weeks of pain carried from the episode's first check
    // (confirmed at a terminal when `interactive`).
    void prepare(const RuleSet &rules, Answers &answers);

    // The last saved check, to compare with; null when not reading history
    // or none is saved.
    const PreviousCheck *previous() const { return m_previous ? &*m_previous : nullptr; }

    // What the interview calls on Ctrl-D: keeps a draft when the check was to
    // be saved; otherwise empty.
    std::function<void(const Answers &)> draft_keeper(const RuleSet &rules);

    // Whether to save, by saving(); with `ask`, the person's answer to
    // "Save this check to your history?" (asked after the result is shown).
    bool should_save(const RuleSet &rules);

    // Saves the check: `given` are the person's answers (not those implied
    // by a change), `result_line` the result JSON. Returns the new id.
    // Throws Error when the history cannot be opened or written, including
    // when opening it to read failed earlier (see open_error()).
    long long save(const RuleSet &rules, const Answers &given, const std::string &result_line);

    // Why the history could not be opened at the start, when the check went
    // on without it (it was read only to compare or to save); "" otherwise.
    const std::string &open_error() const { return m_open_error; }

  private:
    void open_existing();

    Flags m_flags;
    bool m_interactive;
    std::string m_save_setting;
    std::string m_path;
    std::unique_ptr<HistoryStore> m_store;
    std::vector<SavedCheck> m_checks;
    std::optional<PreviousCheck> m_previous;
    std::string m_open_error;
};

// Asks `question` on standard error and reads y or n from standard input;
// Enter alone or the end of input is `fallback`.
bool ask_yes_no(const RuleSet &rules, const std::string &question, bool fallback);

} // namespace sciatica::cli
