#include "history_support.hpp"
#include "lib/error.hpp"
#include "lib/history.hpp"
#include "lib/history_files.hpp"
#include "lib/history_time.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sqlite3.h>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace sciatica;
using sciatica::test::contents;
using sciatica::test::ScratchDir;
using sciatica::test::sql;

namespace {

SavedCheck check(const std::string &answers) {
    return {0, "2026-11-25T10:00:00+01:00", "1.0.0", answers, "{\"urgency\":\"self-care\"}"};
}

int mode_of(const std::string &path) {
    struct stat info {};
    REQUIRE(stat(path.c_str(), &info) == 0);
    return static_cast<int>(info.st_mode & 0777);
}

void write_file(const std::string &path, const std::string &text) {
    std::ofstream(path, std::ios::binary) << text;
}

} // namespace

TEST_CASE("a new history is a 0600 file in a 0700 folder", "[history]") {
    ScratchDir scratch;
    { HistoryStore store(scratch.db(), true); }
    CHECK(mode_of(scratch.db()) == 0600);
    CHECK(mode_of(scratch.path + "/data/sciatica") == 0700);
    CHECK(mode_of(scratch.path + "/data") == 0700);
}

TEST_CASE("saved checks come back in order with every field", "[history]") {
    ScratchDir scratch;
    HistoryStore store(scratch.db(), true);
    CHECK(store.save(check("{\"a\":true}")) == 1);
    CHECK(store.save(check("{\"a\":null}")) == 2);
    auto all = store.all();
    REQUIRE(all.size() == 2);
    CHECK(all[0].answers == "{\"a\":true}");
    CHECK(all[1].answers == "{\"a\":null}");
    CHECK(all[1].at == "2026-11-25T10:00:00+01:00");
    CHECK(all[1].rules_version == "1.0.0");
    CHECK(all[1].result == "{\"urgency\":\"self-care\"}");
    CHECK(store.latest()->id == 2);
    CHECK(store.get(1)->answers == "{\"a\":true}");
    CHECK_FALSE(store.get(3));
}

TEST_CASE("last gives the latest checks, oldest first", "[history]") {
    ScratchDir scratch;
    HistoryStore store(scratch.db(), true);
    for (const char *answers : {"{\"a\":1}", "{\"a\":2}", "{\"a\":3}"}) {
        store.save(check(answers));
    }
    auto last = store.last(2);
    REQUIRE(last.size() == 2);
    CHECK(last[0].id == 2);
    CHECK(last[1].id == 3);
    CHECK(last[1].answers == "{\"a\":3}");
    CHECK(store.last(5).size() == 3);
}

TEST_CASE("a save by another process waits for an open snapshot", "[history]") {
    ScratchDir scratch;
    HistoryStore(scratch.db(), true).save(check("{}"));
    HistoryStore store(scratch.db(), false);
    sqlite3 *other = nullptr;
    REQUIRE(sqlite3_open(scratch.db().c_str(), &other) == SQLITE_OK);
    const char *insert = "INSERT INTO checks (at, rules_version, answers, result) "
                         "VALUES ('x', '1', '{}', '{}')";
    {
        HistoryStore::Snapshot snapshot(store);
        CHECK(store.summaries("").size() == 1);
        // Without the snapshot the read lock would be gone by now.
        CHECK(sqlite3_exec(other, insert, nullptr, nullptr, nullptr) == SQLITE_BUSY);
        CHECK(store.last(5).size() == 1);
    }
    CHECK(sqlite3_exec(other, insert, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(other);
    CHECK(store.last(5).size() == 2);
}

TEST_CASE("opening without create never makes a file", "[history]") {
    ScratchDir scratch;
    CHECK_FALSE(HistoryStore::exists(scratch.db()));
    CHECK_THROWS_AS(HistoryStore(scratch.db(), false), Error);
    CHECK_FALSE(HistoryStore::exists(scratch.db()));
    struct stat info {};
    CHECK(stat((scratch.path + "/data").c_str(), &info) != 0);
}

TEST_CASE("a version 1 history is migrated with its checks kept", "[history]") {
    ScratchDir scratch;
    mkdir((scratch.path + "/data").c_str(), 0700);
    mkdir((scratch.path + "/data/sciatica").c_str(), 0700);
    sql(scratch.db(), "CREATE TABLE checks (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT "
                      "NULL, rules_version TEXT NOT NULL, answers TEXT NOT NULL, result TEXT NOT "
                      "NULL); INSERT INTO checks (at, rules_version, answers, result) VALUES "
                      "('2026-01-01T00:00:00Z', '0.9', '{}', '{}'); PRAGMA application_id = "
                      "1399023969; PRAGMA user_version = 1;");
    HistoryStore store(scratch.db(), false);
    CHECK(store.all().size() == 1);
    store.save_draft({"2026-01-02T00:00:00Z", "{\"a\":true}"});
    CHECK(store.draft()->answers == "{\"a\":true}");
    HistoryStore again(scratch.db(), false);
    CHECK(again.all().front().rules_version == "0.9");
}

TEST_CASE("a file that is not a database is refused, named, and left untouched", "[history]") {
    ScratchDir scratch;
    { HistoryStore store(scratch.db(), true); }
    const std::string garbage(3000, 'x');
    write_file(scratch.db(), garbage);
    try {
        HistoryStore store(scratch.db(), true);
        FAIL("a damaged file was opened");
    } catch (const Error &e) {
        CHECK(e.kind() == ErrorKind::data);
        CHECK(std::string(e.what()).find(scratch.db()) != std::string::npos);
    }
    CHECK(contents(scratch.db()) == garbage);
}

TEST_CASE("another program's database is refused and left untouched", "[history]") {
    ScratchDir scratch;
    { HistoryStore store(scratch.db(), true); }
    unlink(scratch.db().c_str());
    sql(scratch.db(), "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');");
    const std::string before = contents(scratch.db());
    try {
        HistoryStore store(scratch.db(), true);
        FAIL("a foreign database was opened");
    } catch (const Error &e) {
        CHECK(e.kind() == ErrorKind::data);
        CHECK(std::string(e.what()) == "the history " + scratch.db() +
                                           " is a database of another program; it was left as "
                                           "it is: move it away to start afresh");
    }
    CHECK(contents(scratch.db()) == before);
}

TEST_CASE("a history from a newer sciatica is refused", "[history]") {
    ScratchDir scratch;
    { HistoryStore store(scratch.db(), true); }
    sql(scratch.db(), "PRAGMA user_version = 99;");
    CHECK_THROWS_WITH(HistoryStore(scratch.db(), false),
                      Catch::Contains("written by a newer sciatica (schema 99)"));
}

TEST_CASE("two processes saving at once both land", "[history]") {
    ScratchDir scratch;
    constexpr int k_each = 40;
    pid_t children[2] = {};
    for (pid_t &child : children) {
        child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            try {
                HistoryStore store(scratch.db(), true);
                for (int i = 0; i < k_each; ++i) {
                    store.save(check("{}"));
                }
                _exit(0);
            } catch (...) {
                _exit(1);
            }
        }
    }
    for (pid_t child : children) {
        int status = 0;
        REQUIRE(waitpid(child, &status, 0) == child);
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    }
    CHECK(HistoryStore(scratch.db(), false).all().size() == 2 * k_each);
}

TEST_CASE("forget removes one check, and forget_all every check and the draft", "[history]") {
    ScratchDir scratch;
    HistoryStore store(scratch.db(), true);
    store.save(check("{\"n\":1}"));
    store.save(check("{\"n\":2}"));
    store.save(check("{\"n\":3}"));
    CHECK(store.forget(2));
    CHECK_FALSE(store.forget(2));
    REQUIRE(store.all().size() == 2);
    CHECK(store.all()[1].answers == "{\"n\":3}");
    store.save_draft({"2026-11-25T10:00:00+01:00", "{\"n\":4}"});
    CHECK(store.forget_all() == 2);
    CHECK(store.all().empty());
    CHECK_FALSE(store.draft());
    CHECK(contents(scratch.db()).find("\"n\":3") == std::string::npos);
}

TEST_CASE("a saved check replaces the draft", "[history]") {
    ScratchDir scratch;
    HistoryStore store(scratch.db(), true);
    store.save_draft({"2026-11-25T10:00:00+01:00", "{\"a\":true}"});
    CHECK(store.draft());
    store.save(check("{}"));
    CHECK_FALSE(store.draft());
}

TEST_CASE("the history lives under XDG_DATA_HOME, else HOME", "[history]") {
    auto env = [](const char *xdg, const char *home) {
        return [xdg, home](const char *name) -> const char * {
            return std::string(name) == "XDG_DATA_HOME" ? xdg
                   : std::string(name) == "HOME"        ? home
                                                        : nullptr;
        };
    };
    CHECK(history_path(env("/x", "/h")) == "/x/sciatica/history.sqlite3");
    CHECK(history_path(env("relative", "/h")) == "/h/.local/share/sciatica/history.sqlite3");
    CHECK(history_path(env(nullptr, nullptr)).empty());
}

TEST_CASE("times are ISO 8601 with an offset, and read back", "[history]") {
    std::string now = iso_now();
    REQUIRE(now.size() == 25);
    CHECK(now[10] == 'T');
    CHECK(now[22] == ':');
    CHECK(parse_iso_time("2026-11-25T10:00:00+01:00") == parse_iso_time("2026-11-25T09:00:00Z"));
    CHECK(*parse_iso_time("1970-01-02T00:00:00Z") == 86400);
    CHECK_FALSE(parse_iso_time("yesterday"));
}

TEST_CASE("a process killed while saving leaves only whole checks", "[history]") {
    ScratchDir scratch;
    { HistoryStore store(scratch.db(), true); }
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        HistoryStore store(scratch.db(), false);
        for (;;) {
            store.save(check(std::string(2000, 'a')));
        }
    }
    usleep(150 * 1000);
    kill(child, SIGKILL);
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    HistoryStore store(scratch.db(), false); // rolls back any half-made save
    CHECK_FALSE(store.all().empty());
    for (const auto &saved : store.all()) {
        CHECK(saved.answers == std::string(2000, 'a'));
        CHECK(saved.result == "{\"urgency\":\"self-care\"}");
    }
    sqlite3 *db = nullptr;
    REQUIRE(sqlite3_open(scratch.db().c_str(), &db) == SQLITE_OK);
    sqlite3_stmt *stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    CHECK(std::string(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0))) == "ok");
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}
