#pragma once

#include "lib/settings.hpp"

#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace sciatica {

// The person's saved checks: an SQLite database that only they can read
// (mode 0600 in a 0700 folder), written only when they save a check. It
// never prints; every failure is an Error naming the database file:
//   - a file that is not a database, is damaged, belongs to another program
//     or to a newer sciatica: Error(data), and the file is left untouched;
//   - a folder or file that cannot be created or written: Error(io).
// Each save is one transaction, so a kill never leaves half a check, and a
// busy timeout lets two processes that save at once both land.

// One saved check.
struct SavedCheck {
    long long id = 0;
    std::string at;            // when, ISO 8601 with the local offset
    std::string rules_version; // the rule set's `version`
    std::string answers;       // JSON object: every question id -> value, null when unknown
    std::string result;        // the result JSON, as `check --format json` wrote it
};

// An interview stopped with Ctrl-D: its answers so far, never a result.
struct Draft {
    std::string at;
    std::string answers; // as SavedCheck::answers
};

// $XDG_DATA_HOME/sciatica/history.sqlite3, else
// $HOME/.local/share/sciatica/history.sqlite3; "" when neither is set.
std::string history_path(const Environment &env);

// The current time as ISO 8601 with the local offset: 2026-11-25T17:41:13+01:00.
std::string iso_now();

// Seconds since the epoch of an ISO 8601 time as iso_now() writes it, or
// std::nullopt when `text` is not one.
std::optional<long long> parse_iso_time(const std::string &text);

class HistoryStore {
  public:
    // Opens the database at `path`, creating it (and its folder) when
    // `create` is true, and brings its schema up to date. With `create`
    // false a missing file is Error(no_input); use exists() first.
    HistoryStore(std::string path, bool create);
    ~HistoryStore();
    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;

    // Whether a database file is at `path` (reading never creates one).
    static bool exists(const std::string &path);

    // Saves `check` (its id is ignored) and returns the new id.
    long long save(const SavedCheck &check);

    // Every saved check, oldest first.
    std::vector<SavedCheck> all() const;
    std::optional<SavedCheck> get(long long id) const;
    std::optional<SavedCheck> latest() const;

    // Removes one check; false when there was none with `id`.
    bool forget(long long id);
    // Removes every check and any draft; returns how many checks there were.
    int forget_all();

    void save_draft(const Draft &draft); // replaces any earlier draft
    std::optional<Draft> draft() const;
    void clear_draft();

    const std::string &path() const { return m_path; }

    // The schema version this build writes (PRAGMA user_version).
    static int schema_version();

  private:
    void migrate();
    std::vector<SavedCheck> query(const std::string &sql, long long id = 0) const;
    void exec(const std::string &sql) const;
    [[noreturn]] void fail(int code, const std::string &doing) const;

    std::string m_path;
    sqlite3 *m_db = nullptr;
};

} // namespace sciatica
