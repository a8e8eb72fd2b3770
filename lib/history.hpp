#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace sciatica {

// The person's saved checks: an SQLite database that only they can read
// (mode 0600 in a 0700 folder, lib/history_files.hpp), written only when
// they save a check. It never prints; every failure is an Error naming the
// database file:
//   - a file that is not a database, is damaged, belongs to another program
//     or to a newer sciatica: Error(data), and the file is left untouched;
//   - a folder or file that cannot be created or written (read-only, a full
//     disk): Error(io), saying which.
// Reading never writes: a store opened without `create` changes nothing
// (not even its schema or modes) until one of the writing calls below.
// Each save is one transaction, so a kill never leaves half a check, and a
// busy timeout lets two processes that save at once both land.

// One saved check.
struct SavedCheck {
    long long id = 0;
    std::string at;            // when, ISO 8601 with the local offset (lib/history_time.hpp)
    std::string rules_version; // the rule set's `version`
    std::string answers;       // JSON object: every question id -> value, null when unknown
    std::string result;        // the result JSON, as `check --format json` wrote it
};

// What the `history` list shows of one saved check (issue 20: a list of
// 10,000 checks must not parse 40 MB of JSON). From schema 3 it is read from
// the small columns of table check_list, kept by triggers as checks change;
// in an older file (which reading never migrates) by SQLite's JSON functions
// from the stored documents, without reading them into memory. Both give the
// same summary. An absent member is null, as a null one is.
struct CheckSummary {
    long long id = 0;
    std::string at;
    bool answers_valid = false; // the stored answers are a JSON object
    bool result_valid = false;  // the stored result is a JSON object
    nlohmann::json pain_score;  // the answer to the pain question when a number
    nlohmann::json urgency;     // the result's "urgency"
    nlohmann::json cause_id;    // the result's causes[0].id
    nlohmann::json cause_name;  // the result's causes[0].name
};

// An interview stopped with Ctrl-D: its answers so far, never a result.
struct Draft {
    std::string at;
    std::string answers; // as SavedCheck::answers
};

class HistoryStore {
  public:
    // Opens the database at `path`. With `create` it makes the folder and
    // file when missing (private, as prepare_private_file does) and brings
    // the schema up to date at once. Without, a missing file is
    // Error(no_input) (use exists() first); the file is only read and
    // checked, and an empty file reads as a history with no checks.
    HistoryStore(std::string path, bool create);
    ~HistoryStore();
    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;

    // Whether a database file is at `path` (reading never creates one).
    static bool exists(const std::string &path);

    // The writing calls. Each first makes the file private and brings its
    // schema up to date (once per store).

    // Saves `check` (its id is ignored) and returns the new id.
    long long save(const SavedCheck &check);
    // Removes one check; false when there was none with `id`.
    bool forget(long long id);
    // Removes every check and any draft; returns how many checks there were.
    int forget_all();
    void save_draft(const Draft &draft); // replaces any earlier draft

    // The reading calls.

    // Every saved check, oldest first.
    std::vector<SavedCheck> all() const;
    // The last `count` saved checks (fewer when fewer are saved), oldest first.
    std::vector<SavedCheck> last(int count) const;
    std::optional<SavedCheck> get(long long id) const;
    // Every saved check as the list shows it, oldest first; `pain_question`
    // is the question id whose answer is the pain score ("" for none). A
    // check_list row that is damaged, or that does not match the checks
    // saved one for one, is Error(data) naming the check.
    std::vector<CheckSummary> summaries(const std::string &pain_question) const;
    std::optional<SavedCheck> latest() const;
    std::optional<Draft> draft() const;

    // While the returned object lives, every reading call sees the same
    // checks: a save or forget by another process waits for it (up to the
    // busy timeout) instead of landing between two reads. Reads only.
    class Snapshot {
      public:
        explicit Snapshot(const HistoryStore &store);
        ~Snapshot();
        Snapshot(const Snapshot &) = delete;
        Snapshot &operator=(const Snapshot &) = delete;

      private:
        const HistoryStore &m_store;
        bool m_open = false;
    };

    const std::string &path() const { return m_path; }

    // The schema version this build writes (PRAGMA user_version).
    static int schema_version();

  private:
    // What the file holds, read without writing; throws for a file that is
    // not a history this build can read.
    struct Layout {
        int version = 0;
        bool blank = false; // an empty file, or a database with nothing in it
    };
    Layout inspect() const;
    Layout inspect_consistently() const; // inspect() in one read transaction
    void prepare_write();
    void migrate();
    // summaries() from the stored documents (a file before schema 3), or
    // from check_list.
    std::vector<CheckSummary> documents_summaries(const std::string &pain_question) const;
    std::vector<CheckSummary> listed_summaries(const std::string &pain_question) const;
    std::vector<CheckSummary> read_list(const std::string &pain_question) const;
    std::vector<SavedCheck> query(const std::string &sql, std::optional<long long> id) const;
    void exec(const std::string &sql) const;
    // Ends the open transaction after a failure, keeping the failure's message.
    [[noreturn]] void rollback_and_fail(int code, const std::string &doing) const;
    [[noreturn]] void fail(int code, const std::string &doing) const;
    [[noreturn]] void fail(int code, const std::string &doing, const std::string &detail) const;

    std::string m_path;
    sqlite3 *m_db = nullptr;
    Layout m_layout;
    bool m_ready_to_write = false;
};

} // namespace sciatica
