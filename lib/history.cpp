#include "lib/history.hpp"

#include "lib/error.hpp"
#include "lib/history_files.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <sqlite3.h>
#include <sys/stat.h>
#include <utility>
#include <vector>

namespace sciatica {

namespace {

// "Scia": marks the file as ours, so another program's database is refused.
constexpr int k_application_id = 0x53636961;

// How long a save waits for another process that is saving at the same time.
constexpr int k_busy_timeout_ms = 10000;

// What the list shows of a check (issue 20: `history` on 10,000 checks must
// not parse 40 MB of JSON), worked out from the checks row `row` ("NEW" in a
// trigger): the columns of check_list, in order. Each stored JSON member is
// kept as its json_type and its value (->>), which is how the list reads it;
// the answers as the ones that are numbers (their text as stored), so that
// the list finds the pain score whatever question the rule set charts. A
// document that is not JSON gives NULL types and never an error, so that no
// save can fail here.
std::string list_columns(const std::string &row) {
    const std::string answers = row + ".answers";
    const std::string result = row + ".result";
    const std::string answers_ok = "CASE WHEN json_valid(" + answers + ") THEN ";
    const std::string result_ok = "CASE WHEN json_valid(" + result + ") THEN ";
    auto member = [&](const char *path) {
        return result_ok + "json_type(" + result + ", '" + path + "') END, " + result_ok + result +
               " ->> '" + path + "' END";
    };
    return row + ".id, " + row + ".at, " + answers_ok + "json_type(" + answers + ") END, " +
           answers_ok + "CASE WHEN json_type(" + answers + ") = 'object' THEN json_patch(" +
           answers + ", (SELECT json_group_object(key, NULL) FROM json_each(" + answers +
           ") WHERE type NOT IN ('integer', 'real'))) END END, " + result_ok + "json_type(" +
           result + ") END, " + member("$.urgency") + ", " + member("$.causes[0].id") + ", " +
           member("$.causes[0].name");
}

// Migration N takes the schema from version N to N + 1. Add, never edit.
const std::string k_migrations[] = {
    // 1: saved checks.
    "CREATE TABLE checks ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " at TEXT NOT NULL,"
    " rules_version TEXT NOT NULL,"
    " answers TEXT NOT NULL,"
    " result TEXT NOT NULL);",
    // 2: the draft of an interview stopped with Ctrl-D (at most one).
    "CREATE TABLE draft ("
    " id INTEGER PRIMARY KEY CHECK (id = 1),"
    " at TEXT NOT NULL,"
    " answers TEXT NOT NULL);",
    // 3: what the list shows of each check, in small columns (one row per
    // check, same id), kept in step with checks by triggers, whoever writes.
    "CREATE TABLE check_list ("
    " id INTEGER PRIMARY KEY,"
    " at,"
    " answers_type,"
    " numbers,"
    " result_type,"
    " urgency_type, urgency,"
    " cause_id_type, cause_id,"
    " cause_name_type, cause_name);"
    "CREATE TRIGGER check_list_insert AFTER INSERT ON checks BEGIN"
    " INSERT OR REPLACE INTO check_list SELECT " +
        list_columns("NEW") +
        "; END;"
        "CREATE TRIGGER check_list_update AFTER UPDATE ON checks BEGIN"
        " DELETE FROM check_list WHERE id = OLD.id;"
        " INSERT OR REPLACE INTO check_list SELECT " +
        list_columns("NEW") +
        "; END;"
        "CREATE TRIGGER check_list_delete AFTER DELETE ON checks BEGIN"
        " DELETE FROM check_list WHERE id = OLD.id; END;"
        "INSERT INTO check_list SELECT " +
        list_columns("checks") + " FROM checks;",
};

constexpr int k_schema_version = static_cast<int>(sizeof k_migrations / sizeof k_migrations[0]);

// What each schema version adds to the file, besides its data: version N has
// the first N lines (sqlite_master's type and name).
const std::vector<std::pair<const char *, const char *>> k_objects[] = {
    {{"table", "checks"}},
    {{"table", "draft"}},
    {{"table", "check_list"},
     {"trigger", "check_list_insert"},
     {"trigger", "check_list_update"},
     {"trigger", "check_list_delete"}},
};
static_assert(sizeof k_objects / sizeof k_objects[0] == k_schema_version,
              "one line of objects per migration");

const std::string k_check_columns = "SELECT id, at, rules_version, answers, result FROM checks";

// A statement that finalizes itself.
class Statement {
  public:
    Statement(sqlite3 *db, const std::string &sql, int &code) {
        code = sqlite3_prepare_v2(db, sql.c_str(), -1, &m_stmt, nullptr);
    }
    // Prepares `sql`, or passes SQLite's code to `failed`, which throws.
    template <typename Failed> Statement(sqlite3 *db, const std::string &sql, Failed &&failed) {
        int code = sqlite3_prepare_v2(db, sql.c_str(), -1, &m_stmt, nullptr);
        if (code != SQLITE_OK) {
            failed(code);
        }
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    sqlite3_stmt *get() const { return m_stmt; }
    // Binds `text` (copied) to the parameter numbered `index`, from 1.
    void bind(int index, const std::string &text) {
        sqlite3_bind_text(m_stmt, index, text.c_str(), -1, SQLITE_TRANSIENT);
    }

  private:
    sqlite3_stmt *m_stmt = nullptr;
};

std::string column_text(sqlite3_stmt *stmt, int column) {
    const auto *text = sqlite3_column_text(stmt, column);
    return text ? std::string(reinterpret_cast<const char *>(text),
                              static_cast<std::size_t>(sqlite3_column_bytes(stmt, column)))
                : std::string();
}

} // namespace

int HistoryStore::schema_version() {
    return k_schema_version;
}

bool HistoryStore::exists(const std::string &path) {
    struct stat info {};
    return !path.empty() && stat(path.c_str(), &info) == 0;
}

HistoryStore::HistoryStore(std::string path, bool create) : m_path(std::move(path)) {
    if (m_path.empty()) {
        throw Error(ErrorKind::io, "no place to keep the history: set XDG_DATA_HOME or HOME");
    }
    if (create) {
        prepare_private_file(m_path);
    } else if (!exists(m_path)) {
        throw Error(ErrorKind::no_input, "no saved checks: " + m_path + " does not exist");
    }
    int code = sqlite3_open_v2(m_path.c_str(), &m_db, SQLITE_OPEN_READWRITE, nullptr);
    // A constructor that throws runs no destructor: close the handle (which
    // sqlite allocates even when opening fails) before the error leaves.
    try {
        if (code != SQLITE_OK) {
            fail(code, "open");
        }
        sqlite3_busy_timeout(m_db, k_busy_timeout_ms);
        m_layout = inspect_consistently();
        if (create) {
            migrate();
            m_ready_to_write = true;
        }
    } catch (...) {
        sqlite3_close(m_db);
        m_db = nullptr;
        throw;
    }
}

HistoryStore::~HistoryStore() {
    sqlite3_close(m_db);
}

void HistoryStore::fail(int code, const std::string &doing) const {
    // The handle's message, when it is about this failure (a later call, such
    // as a ROLLBACK, replaces it); else the code's own.
    bool current = m_db != nullptr && (sqlite3_errcode(m_db) & 0xff) == (code & 0xff);
    fail(code, doing, current ? sqlite3_errmsg(m_db) : sqlite3_errstr(code));
}

void HistoryStore::fail(int code, const std::string &doing, const std::string &detail) const {
    const std::string where = "the history " + m_path;
    switch (code & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        throw Error(ErrorKind::data, where + " is damaged or not a database (" + detail +
                                         "); it was left as it is: move it away to start afresh");
    case SQLITE_READONLY:
        throw Error(ErrorKind::io, "cannot " + doing + " " + where +
                                       ": it (or its folder) is read-only (" + detail + ")");
    case SQLITE_FULL:
        throw Error(ErrorKind::io,
                    "cannot " + doing + " " + where + ": the disk is full (" + detail + ")");
    default:
        throw Error(ErrorKind::io, "cannot " + doing + " " + where + ": " + detail);
    }
}

void HistoryStore::rollback_and_fail(int code, const std::string &doing) const {
    bool current = (sqlite3_errcode(m_db) & 0xff) == (code & 0xff);
    std::string detail = current ? sqlite3_errmsg(m_db) : sqlite3_errstr(code);
    // SQLite may have rolled back already (a full disk does): then this
    // fails, harmlessly, and must not replace the message.
    sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    fail(code, doing, detail);
}

void HistoryStore::exec(const std::string &sql) const {
    int code = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, nullptr);
    if (code != SQLITE_OK) {
        fail(code, "update");
    }
}

// inspect() reads the header's ids and then the table list: without one
// read transaction around both, another process's first save could commit
// in between, and a blank file would look like a foreign database (ids 0,
// tables present): "a database of another program" (seen with two processes
// saving at once under the sanitizer build).
HistoryStore::Layout HistoryStore::inspect_consistently() const {
    int code = sqlite3_exec(m_db, "BEGIN", nullptr, nullptr, nullptr);
    if (code != SQLITE_OK) {
        fail(code, "read");
    }
    try {
        Layout layout = inspect();
        sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
        return layout;
    } catch (...) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

HistoryStore::Layout HistoryStore::inspect() const {
    auto damaged = [this](const std::string &why) {
        return Error(ErrorKind::data, "the history " + m_path + " is damaged (" + why +
                                          "); it was left as it is: move it away to start afresh");
    };
    auto pragma = [this](const char *name) {
        int code = 0;
        Statement stmt(m_db, std::string("PRAGMA ") + name, code);
        if (code == SQLITE_OK) {
            code = sqlite3_step(stmt.get());
        }
        if (code != SQLITE_ROW) {
            fail(code, "read");
        }
        return sqlite3_column_int(stmt.get(), 0);
    };
    const int application = pragma("application_id");
    const int version = pragma("user_version");
    int entries = 0;
    std::set<std::pair<std::string, std::string>> objects;
    {
        int code = 0;
        Statement stmt(m_db, "SELECT type, name FROM sqlite_master",
                       [this](int failed) { fail(failed, "read"); });
        while ((code = sqlite3_step(stmt.get())) == SQLITE_ROW) {
            ++entries;
            objects.insert({column_text(stmt.get(), 0), column_text(stmt.get(), 1)});
        }
        if (code != SQLITE_DONE) {
            fail(code, "read");
        }
    }
    Layout layout;
    if (application == 0 && version == 0 && entries == 0) {
        layout.blank = true; // an empty file, or a database never written
        return layout;
    }
    if (application != k_application_id) {
        throw Error(ErrorKind::data, "the history " + m_path +
                                         " is a database of another program; it was left "
                                         "as it is: move it away to start afresh");
    }
    if (version > k_schema_version) {
        throw Error(ErrorKind::data, "the history " + m_path +
                                         " was written by a newer "
                                         "sciatica (schema " +
                                         std::to_string(version) + "); it was left as it is");
    }
    if (version < 1) {
        // One flipped bit makes a version negative: never an index.
        throw damaged("its schema version is " + std::to_string(version) +
                      ", which no sciatica writes");
    }
    for (int i = 0; i < version; ++i) {
        for (const auto &[type, name] : k_objects[i]) {
            if (objects.count({type, name}) == 0) {
                throw damaged("schema version " + std::to_string(version) + " without its " + type +
                              " " + name);
            }
        }
    }
    layout.version = version;
    return layout;
}

void HistoryStore::migrate() {
    if (!m_layout.blank && m_layout.version == k_schema_version) {
        return; // the usual case: nothing to write
    }
    exec("BEGIN IMMEDIATE");
    try {
        // Read again inside the transaction: another process may have
        // created the schema meanwhile.
        Layout layout = inspect();
        for (int step = layout.blank ? 0 : layout.version; step >= 0 && step < k_schema_version;
             ++step) {
            exec(k_migrations[step]);
        }
        exec("PRAGMA application_id = " + std::to_string(k_application_id));
        exec("PRAGMA user_version = " + std::to_string(k_schema_version));
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
    m_layout = {k_schema_version, false};
}

void HistoryStore::prepare_write() {
    if (m_ready_to_write) {
        return;
    }
    prepare_private_file(m_path);
    migrate();
    m_ready_to_write = true;
}

long long HistoryStore::save(const SavedCheck &check) {
    prepare_write();
    int code = 0;
    exec("BEGIN IMMEDIATE");
    {
        Statement stmt(m_db,
                       "INSERT INTO checks (at, rules_version, answers, result) "
                       "VALUES (?, ?, ?, ?)",
                       code);
        if (code == SQLITE_OK) {
            stmt.bind(1, check.at);
            stmt.bind(2, check.rules_version);
            stmt.bind(3, check.answers);
            stmt.bind(4, check.result);
            code = sqlite3_step(stmt.get());
        }
    }
    if (code != SQLITE_DONE) {
        rollback_and_fail(code == SQLITE_OK ? sqlite3_errcode(m_db) : code, "save a check to");
    }
    long long id = sqlite3_last_insert_rowid(m_db);
    // A saved check replaces the draft it came from.
    code = sqlite3_exec(m_db, "DELETE FROM draft; COMMIT", nullptr, nullptr, nullptr);
    if (code != SQLITE_OK) {
        rollback_and_fail(code, "save a check to");
    }
    return id;
}

std::vector<SavedCheck> HistoryStore::query(const std::string &sql,
                                            std::optional<long long> id) const {
    std::vector<SavedCheck> out;
    if (m_layout.blank) {
        return out; // an empty file: no table to read, and nothing in it
    }
    Statement stmt(m_db, sql, [this](int failed) { fail(failed, "read"); });
    if (id) {
        sqlite3_bind_int64(stmt.get(), 1, *id);
    }
    int code = 0;
    while ((code = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        out.push_back({sqlite3_column_int64(stmt.get(), 0), column_text(stmt.get(), 1),
                       column_text(stmt.get(), 2), column_text(stmt.get(), 3),
                       column_text(stmt.get(), 4)});
    }
    if (code != SQLITE_DONE) {
        fail(code, "read");
    }
    return out;
}

std::vector<SavedCheck> HistoryStore::all() const {
    return query(k_check_columns + " ORDER BY id", std::nullopt);
}

std::vector<SavedCheck> HistoryStore::last(int count) const {
    return query("SELECT * FROM (" + k_check_columns + " ORDER BY id DESC LIMIT ?) ORDER BY id",
                 count);
}

HistoryStore::Snapshot::Snapshot(const HistoryStore &store) : m_store(store) {
    if (!m_store.m_layout.blank) {
        int code = sqlite3_exec(m_store.m_db, "BEGIN", nullptr, nullptr, nullptr);
        if (code != SQLITE_OK) {
            m_store.fail(code, "read");
        }
        m_open = true;
    }
}

HistoryStore::Snapshot::~Snapshot() {
    if (m_open) {
        // Nothing was written: ending the transaction only releases the
        // read lock, and cannot lose anything if it fails.
        sqlite3_exec(m_store.m_db, "COMMIT", nullptr, nullptr, nullptr);
    }
}

namespace {

// The JSON member whose json_type() is in `type_column` and whose value (as
// ->> gives it) is in `column`, as SQLite's JSON functions gave both. An
// array or object comes back as an empty array: the wrong type, whose
// content is not needed.
nlohmann::json json_member(sqlite3_stmt *row, int type_column, int column) {
    const std::string type = column_text(row, type_column);
    if (type == "text") {
        return column_text(row, column);
    }
    if (type == "integer") {
        return static_cast<long long>(sqlite3_column_int64(row, column));
    }
    if (type == "real") {
        return sqlite3_column_double(row, column);
    }
    if (type == "true" || type == "false") {
        return type == "true";
    }
    if (type == "array" || type == "object") {
        return nlohmann::json::array();
    }
    return nullptr;
}

// json_member() for a pair of check_list columns, which only SQLite's JSON
// functions wrote: false when the type is none of json_type()'s, or does not
// fit the value's storage (a damaged row).
bool stored_member(sqlite3_stmt *row, int type_column, int column, nlohmann::json &out) {
    const int storage = sqlite3_column_type(row, column);
    if (sqlite3_column_type(row, type_column) == SQLITE_NULL) {
        out = nullptr; // no such member
        return storage == SQLITE_NULL;
    }
    const std::string type = column_text(row, type_column);
    const bool fits =
        (type == "text" && storage == SQLITE_TEXT) ||
        (type == "integer" && (storage == SQLITE_INTEGER || storage == SQLITE_FLOAT)) ||
        (type == "real" && storage == SQLITE_FLOAT) ||
        ((type == "true" || type == "false") && storage == SQLITE_INTEGER) ||
        ((type == "array" || type == "object") && storage == SQLITE_TEXT) ||
        (type == "null" && storage == SQLITE_NULL);
    if (fits) {
        out = json_member(row, type_column, column);
    }
    return fits;
}

// The JSON path of the answer to the question bound to ?1, in brackets
// (->> binds as tightly as ||).
const char *const k_answer_path = "('$.\"' || ?1 || '\"')";

} // namespace

std::vector<CheckSummary> HistoryStore::summaries(const std::string &pain_question) const {
    if (m_layout.blank) {
        return {};
    }
    // A file from before check_list is read as it is: reading never migrates.
    return m_layout.version >= 3 ? listed_summaries(pain_question)
                                 : documents_summaries(pain_question);
}

std::vector<CheckSummary>
HistoryStore::documents_summaries(const std::string &pain_question) const {
    std::vector<CheckSummary> out;
    // Each document is read and parsed once, into a small JSON array
    // (["object", [member, ...]], or NULL when it is not JSON), and the
    // columns are taken from that: SQLite reads a stored document again for
    // each mention of it. The pain path is given twice so that json_extract
    // answers in JSON, keeping true apart from 1.
    const std::string sql =
        std::string("WITH t AS MATERIALIZED (SELECT id, at,"
                    "  CASE WHEN json_valid(answers) THEN json_array(json_type(answers),"
                    "   json_extract(answers, ") +
        k_answer_path + ", " + k_answer_path +
        ")) END AS a,"
        "  CASE WHEN json_valid(result) THEN json_array(json_type(result),"
        "   json_extract(result, '$.urgency', '$.causes[0].id', '$.causes[0].name')) END AS r"
        "  FROM checks)"
        " SELECT id, at, a ->> '$[0]', json_type(a, '$[1][0]'), a ->> '$[1][0]',"
        "  r ->> '$[0]', json_type(r, '$[1][0]'), r ->> '$[1][0]', json_type(r, '$[1][1]'),"
        "  r ->> '$[1][1]', json_type(r, '$[1][2]'), r ->> '$[1][2]'"
        " FROM t ORDER BY id";
    Statement stmt(m_db, sql, [this](int failed) { fail(failed, "read"); });
    stmt.bind(1, pain_question);
    int code = 0;
    while ((code = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        sqlite3_stmt *row = stmt.get();
        CheckSummary summary;
        summary.id = sqlite3_column_int64(row, 0);
        summary.at = column_text(row, 1);
        if (column_text(row, 2) == "object") {
            summary.answers_valid = true;
            summary.pain_score = json_member(row, 3, 4);
            if (!summary.pain_score.is_number()) {
                summary.pain_score = nullptr; // as check_list keeps only numbers
            }
        }
        if (column_text(row, 5) == "object") {
            summary.result_valid = true;
            summary.urgency = json_member(row, 6, 7);
            summary.cause_id = json_member(row, 8, 9);
            summary.cause_name = json_member(row, 10, 11);
        }
        out.push_back(std::move(summary));
    }
    if (code != SQLITE_DONE) {
        fail(code, "read");
    }
    return out;
}

std::vector<CheckSummary> HistoryStore::listed_summaries(const std::string &pain_question) const {
    // Only check_list's small columns, and the ids of checks beside them so
    // that a check the list lacks (or a row it has for no check) is damage,
    // never a list that leaves a check out. Both in one read transaction.
    const bool own_transaction = sqlite3_get_autocommit(m_db) != 0;
    if (own_transaction) {
        int code = sqlite3_exec(m_db, "BEGIN", nullptr, nullptr, nullptr);
        if (code != SQLITE_OK) {
            fail(code, "read");
        }
    }
    try {
        auto out = read_list(pain_question);
        if (own_transaction) {
            sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
        }
        return out;
    } catch (...) {
        if (own_transaction) {
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        }
        throw;
    }
}

std::vector<CheckSummary> HistoryStore::read_list(const std::string &pain_question) const {
    const std::string sql =
        std::string("SELECT id, at, answers_type, CASE WHEN json_valid(numbers) THEN 1 END,"
                    " CASE WHEN json_valid(numbers) THEN json_type(numbers, ") +
        k_answer_path +
        ") END,"
        " CASE WHEN json_valid(numbers) THEN numbers ->> " +
        k_answer_path +
        " END,"
        " result_type, urgency_type, urgency, cause_id_type, cause_id, cause_name_type, cause_name"
        " FROM check_list ORDER BY id";
    Statement list(m_db, sql, [this](int failed) { fail(failed, "read"); });
    list.bind(1, pain_question);
    Statement ids(m_db, "SELECT id FROM checks ORDER BY id",
                  [this](int failed) { fail(failed, "read"); });
    int code = 0;
    auto damaged = [this](long long id, const std::string &why) {
        return Error(ErrorKind::data, "the history " + m_path + ": the list row of check " +
                                          std::to_string(id) + " is damaged (" + why + ")");
    };
    auto unmatched = [this](long long id, const char *why) {
        return Error(ErrorKind::data, "the history " + m_path + " is damaged (check " +
                                          std::to_string(id) + why +
                                          "); it was left as it is: move it away to start afresh");
    };
    std::vector<CheckSummary> out;
    int listed = 0;
    while ((listed = sqlite3_step(list.get())) == SQLITE_ROW) {
        sqlite3_stmt *row = list.get();
        const long long id = sqlite3_column_int64(row, 0);
        code = sqlite3_step(ids.get());
        if (code == SQLITE_ROW && sqlite3_column_int64(ids.get(), 0) < id) {
            throw unmatched(sqlite3_column_int64(ids.get(), 0),
                            " is missing from table check_list");
        }
        if (code == SQLITE_ROW ? sqlite3_column_int64(ids.get(), 0) > id : code == SQLITE_DONE) {
            throw unmatched(id, " is in table check_list but not saved");
        }
        if (code != SQLITE_ROW) {
            fail(code, "read");
        }
        CheckSummary summary;
        summary.id = id;
        summary.at = column_text(row, 1);
        const std::string answers_type = column_text(row, 2);
        if (answers_type == "object") {
            if (sqlite3_column_type(row, 3) == SQLITE_NULL) {
                throw damaged(id, "its numbers are not JSON");
            }
            summary.answers_valid = true;
            summary.pain_score = json_member(row, 4, 5);
        }
        if (column_text(row, 6) == "object") {
            summary.result_valid = true;
            if (!stored_member(row, 7, 8, summary.urgency) ||
                !stored_member(row, 9, 10, summary.cause_id) ||
                !stored_member(row, 11, 12, summary.cause_name)) {
                throw damaged(id, "a type that does not fit its value");
            }
        }
        out.push_back(std::move(summary));
    }
    if (listed != SQLITE_DONE) {
        fail(listed, "read");
    }
    code = sqlite3_step(ids.get());
    if (code == SQLITE_ROW) {
        throw unmatched(sqlite3_column_int64(ids.get(), 0), " is missing from table check_list");
    }
    if (code != SQLITE_DONE) {
        fail(code, "read");
    }
    return out;
}

std::optional<SavedCheck> HistoryStore::get(long long id) const {
    auto found = query(k_check_columns + " WHERE id = ?", id);
    return found.empty() ? std::nullopt : std::optional<SavedCheck>(found.front());
}

std::optional<SavedCheck> HistoryStore::latest() const {
    auto found = query(k_check_columns + " ORDER BY id DESC LIMIT 1", std::nullopt);
    return found.empty() ? std::nullopt : std::optional<SavedCheck>(found.front());
}

bool HistoryStore::forget(long long id) {
    if (m_layout.blank) {
        return false; // nothing saved: nothing to write
    }
    prepare_write();
    int code = 0;
    Statement stmt(m_db, "DELETE FROM checks WHERE id = ?", code);
    if (code == SQLITE_OK) {
        sqlite3_bind_int64(stmt.get(), 1, id);
        code = sqlite3_step(stmt.get());
    }
    if (code != SQLITE_DONE) {
        fail(code == SQLITE_OK ? sqlite3_errcode(m_db) : code, "update");
    }
    return sqlite3_changes(m_db) > 0;
}

int HistoryStore::forget_all() {
    if (m_layout.blank) {
        return 0;
    }
    prepare_write();
    exec("BEGIN IMMEDIATE");
    int count = 0;
    {
        int code = 0;
        Statement stmt(m_db, "DELETE FROM checks", code);
        if (code == SQLITE_OK) {
            code = sqlite3_step(stmt.get());
        }
        if (code != SQLITE_DONE) {
            rollback_and_fail(code == SQLITE_OK ? sqlite3_errcode(m_db) : code, "update");
        }
        count = sqlite3_changes(m_db);
    }
    int code = sqlite3_exec(m_db, "DELETE FROM draft; COMMIT", nullptr, nullptr, nullptr);
    if (code != SQLITE_OK) {
        rollback_and_fail(code, "update");
    }
    // Deleted rows may linger in free pages until the file is rebuilt.
    code = sqlite3_exec(m_db, "VACUUM", nullptr, nullptr, nullptr);
    if (code != SQLITE_OK) {
        fail(code, "rebuild (after forgetting every check, so that nothing deleted lingers in "
                   "it)");
    }
    return count;
}

void HistoryStore::save_draft(const Draft &draft) {
    prepare_write();
    int code = 0;
    Statement stmt(m_db, "INSERT OR REPLACE INTO draft (id, at, answers) VALUES (1, ?, ?)", code);
    if (code == SQLITE_OK) {
        stmt.bind(1, draft.at);
        stmt.bind(2, draft.answers);
        code = sqlite3_step(stmt.get());
    }
    if (code != SQLITE_DONE) {
        fail(code == SQLITE_OK ? sqlite3_errcode(m_db) : code, "save a draft to");
    }
}

std::optional<Draft> HistoryStore::draft() const {
    if (m_layout.blank || m_layout.version < 2) {
        return std::nullopt; // no draft table yet: no draft
    }
    Statement stmt(m_db, "SELECT at, answers FROM draft WHERE id = 1",
                   [this](int failed) { fail(failed, "read"); });
    const int code = sqlite3_step(stmt.get());
    if (code == SQLITE_ROW) {
        return Draft{column_text(stmt.get(), 0), column_text(stmt.get(), 1)};
    }
    if (code != SQLITE_DONE) {
        fail(code, "read");
    }
    return std::nullopt;
}

} // namespace sciatica
