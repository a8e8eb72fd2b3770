#include "lib/history.hpp"

#include "lib/error.hpp"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sciatica {

namespace {

// "Scia": marks the file as ours, so another program's database is refused.
constexpr int k_application_id = 0x53636961;

// How long a save waits for another process that is saving at the same time.
constexpr int k_busy_timeout_ms = 10000;

// Migration N takes the schema from version N to N + 1. Add, never edit.
const char *const k_migrations[] = {
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
};

constexpr int k_schema_version = static_cast<int>(sizeof k_migrations / sizeof k_migrations[0]);

std::string folder_of(const std::string &path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
}

// Creates `folder` and any missing parent with mode 0700.
void make_folder(const std::string &folder) {
    struct stat info {};
    if (stat(folder.c_str(), &info) == 0) {
        return;
    }
    if (folder.size() > 1) {
        make_folder(folder_of(folder));
    }
    if (mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) {
        throw Error(ErrorKind::io,
                    "cannot create the folder " + folder + ": " + std::strerror(errno));
    }
}

// The folder and file, readable by the person alone, and the file a regular
// file (never a link that would write elsewhere).
void prepare_file(const std::string &path) {
    const std::string folder = folder_of(path);
    make_folder(folder);
    struct stat info {};
    if (stat(folder.c_str(), &info) == 0 && (info.st_mode & 0077) != 0) {
        chmod(folder.c_str(), 0700);
    }
    int fd = open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw Error(ErrorKind::io, "cannot open the history " + path + ": " + std::strerror(errno));
    }
    bool regular = fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
    if (regular && (info.st_mode & 0777) != 0600) {
        fchmod(fd, 0600);
    }
    close(fd);
    if (!regular) {
        throw Error(ErrorKind::data, "the history " + path + " is not a regular file");
    }
}

// A statement that finalizes itself.
class Statement {
  public:
    Statement(sqlite3 *db, const std::string &sql, int &code) {
        code = sqlite3_prepare_v2(db, sql.c_str(), -1, &m_stmt, nullptr);
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    sqlite3_stmt *get() const { return m_stmt; }

  private:
    sqlite3_stmt *m_stmt = nullptr;
};

std::string column_text(sqlite3_stmt *stmt, int column) {
    const auto *text = sqlite3_column_text(stmt, column);
    return text ? reinterpret_cast<const char *>(text) : "";
}

} // namespace

std::string history_path(const Environment &env) {
    const char *xdg = env("XDG_DATA_HOME");
    // The XDG spec: an empty or relative value is to be ignored.
    if (xdg != nullptr && xdg[0] == '/') {
        return std::string(xdg) + "/sciatica/history.sqlite3";
    }
    const char *home = env("HOME");
    if (home != nullptr && home[0] != '\0') {
        return std::string(home) + "/.local/share/sciatica/history.sqlite3";
    }
    return "";
}

std::string iso_now() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[40] = {};
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S%z", &local);
    std::string out = buffer; // ...+0100: ISO 8601's extended form has +01:00
    if (out.size() >= 5) {
        out.insert(out.size() - 2, ":");
    }
    return out;
}

std::optional<long long> parse_iso_time(const std::string &text) {
    std::tm tm{};
    int offset_hours = 0;
    int offset_minutes = 0;
    char sign = '+';
    int read = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                    &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &read) != 6) {
        return std::nullopt;
    }
    std::string zone = text.substr(static_cast<std::size_t>(read));
    if (zone == "Z") {
        sign = '+';
    } else if (std::sscanf(zone.c_str(), "%c%2d:%2d", &sign, &offset_hours, &offset_minutes) != 3 ||
               (sign != '+' && sign != '-')) {
        return std::nullopt;
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    long long seconds = timegm(&tm);
    long long offset = (offset_hours * 60LL + offset_minutes) * 60;
    return sign == '+' ? seconds - offset : seconds + offset;
}

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
        prepare_file(m_path);
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
        migrate();
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
    const char *detail = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(code);
    switch (code & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        throw Error(ErrorKind::data, "the history " + m_path + " is damaged or not a database (" +
                                         detail +
                                         "); it was left as it is: move it away to start afresh");
    default:
        throw Error(ErrorKind::io, "cannot " + doing + " the history " + m_path + ": " + detail);
    }
}

void HistoryStore::exec(const std::string &sql) const {
    int code = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, nullptr);
    if (code != SQLITE_OK) {
        fail(code, "update");
    }
}

void HistoryStore::migrate() {
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
    if (pragma("application_id") == k_application_id &&
        pragma("user_version") == k_schema_version) {
        return; // the usual case: nothing to write
    }
    exec("BEGIN IMMEDIATE");
    try {
        // Read again inside the transaction: another process may have
        // created the schema meanwhile.
        int application = pragma("application_id");
        int version = pragma("user_version");
        int tables = 0;
        {
            int code = 0;
            Statement stmt(m_db, "SELECT count(*) FROM sqlite_master", code);
            if (code != SQLITE_OK || sqlite3_step(stmt.get()) != SQLITE_ROW) {
                fail(code == SQLITE_OK ? sqlite3_errcode(m_db) : code, "read");
            }
            tables = sqlite3_column_int(stmt.get(), 0);
        }
        bool fresh = application == 0 && version == 0 && tables == 0;
        if (!fresh && application != k_application_id) {
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
        for (int step = version; step < k_schema_version; ++step) {
            exec(k_migrations[step]);
        }
        exec("PRAGMA application_id = " + std::to_string(k_application_id));
        exec("PRAGMA user_version = " + std::to_string(k_schema_version));
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

long long HistoryStore::save(const SavedCheck &check) {
    int code = 0;
    exec("BEGIN IMMEDIATE");
    {
        Statement stmt(m_db,
                       "INSERT INTO checks (at, rules_version, answers, result) "
                       "VALUES (?, ?, ?, ?)",
                       code);
        if (code == SQLITE_OK) {
            sqlite3_bind_text(stmt.get(), 1, check.at.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(stmt.get(), 2, check.rules_version.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(stmt.get(), 3, check.answers.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(stmt.get(), 4, check.result.c_str(), -1, SQLITE_TRANSIENT);
            code = sqlite3_step(stmt.get());
        }
    }
    if (code != SQLITE_DONE) {
        int error = code == SQLITE_OK ? sqlite3_errcode(m_db) : code;
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        fail(error, "save a check to");
    }
    long long id = sqlite3_last_insert_rowid(m_db);
    // A saved check replaces the draft it came from.
    exec("DELETE FROM draft");
    exec("COMMIT");
    return id;
}

std::vector<SavedCheck> HistoryStore::query(const std::string &sql, long long id) const {
    int code = 0;
    Statement stmt(m_db, sql, code);
    if (code != SQLITE_OK) {
        fail(code, "read");
    }
    if (sql.find('?') != std::string::npos) {
        sqlite3_bind_int64(stmt.get(), 1, id);
    }
    std::vector<SavedCheck> out;
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
    return query("SELECT id, at, rules_version, answers, result FROM checks ORDER BY id");
}

std::optional<SavedCheck> HistoryStore::get(long long id) const {
    auto found =
        query("SELECT id, at, rules_version, answers, result FROM checks WHERE id = ?", id);
    return found.empty() ? std::nullopt : std::optional<SavedCheck>(found.front());
}

std::optional<SavedCheck> HistoryStore::latest() const {
    auto found =
        query("SELECT id, at, rules_version, answers, result FROM checks ORDER BY id DESC LIMIT 1");
    return found.empty() ? std::nullopt : std::optional<SavedCheck>(found.front());
}

bool HistoryStore::forget(long long id) {
    int code = 0;
    Statement stmt(m_db, "DELETE FROM checks WHERE id = ?", code);
    if (code == SQLITE_OK) {
        sqlite3_bind_int64(stmt.get(), 1, id);
        code = sqlite3_step(stmt.get());
    }
    if (code != SQLITE_DONE) {
        fail(code, "update");
    }
    return sqlite3_changes(m_db) > 0;
}

int HistoryStore::forget_all() {
    exec("BEGIN IMMEDIATE");
    int count = 0;
    {
        int code = 0;
        Statement stmt(m_db, "DELETE FROM checks", code);
        if (code == SQLITE_OK) {
            code = sqlite3_step(stmt.get());
        }
        if (code != SQLITE_DONE) {
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
            fail(code, "update");
        }
        count = sqlite3_changes(m_db);
    }
    exec("DELETE FROM draft");
    exec("COMMIT");
    // Deleted rows may linger in free pages until the file is rebuilt.
    exec("VACUUM");
    return count;
}

void HistoryStore::save_draft(const Draft &draft) {
    int code = 0;
    Statement stmt(m_db, "INSERT OR REPLACE INTO draft (id, at, answers) VALUES (1, ?, ?)", code);
    if (code == SQLITE_OK) {
        sqlite3_bind_text(stmt.get(), 1, draft.at.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt.get(), 2, draft.answers.c_str(), -1, SQLITE_TRANSIENT);
        code = sqlite3_step(stmt.get());
    }
    if (code != SQLITE_DONE) {
        fail(code, "save a draft to");
    }
}

std::optional<Draft> HistoryStore::draft() const {
    int code = 0;
    Statement stmt(m_db, "SELECT at, answers FROM draft WHERE id = 1", code);
    if (code != SQLITE_OK) {
        fail(code, "read");
    }
    code = sqlite3_step(stmt.get());
    if (code == SQLITE_ROW) {
        return Draft{column_text(stmt.get(), 0), column_text(stmt.get(), 1)};
    }
    if (code != SQLITE_DONE) {
        fail(code, "read");
    }
    return std::nullopt;
}

void HistoryStore::clear_draft() {
    exec("DELETE FROM draft");
}

} // namespace sciatica
