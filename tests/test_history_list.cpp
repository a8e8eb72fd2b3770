// The history list's table check_list (schema 3, issue 20): filled by the
// migration from schema 2, kept in step with checks by whoever writes, read
// by summaries() only when present (reading never migrates), and damage in it
// is Error(data) naming the check.

#include "history_support.hpp"
#include "lib/error.hpp"
#include "lib/history.hpp"
#include "lib/history_files.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sqlite3.h>
#include <sstream>
#include <string>
#include <vector>

using namespace sciatica;
using sciatica::test::contents;
using sciatica::test::ScratchDir;
using sciatica::test::sql;

namespace {

// The single column of every row `query` gives, as text ("NULL" for null).
std::vector<std::string> column(const std::string &path, const std::string &query) {
    sqlite3 *db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt *stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, query.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    std::vector<std::string> out;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        const auto *text = sqlite3_column_text(stmt, 0);
        out.emplace_back(text ? reinterpret_cast<const char *>(text) : "NULL");
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
}

// A history as sciatica 2 schema versions wrote it, with checks of every
// shape the list meets: a number pain score (integer, and real as typed),
// one that is not a number, documents that are not objects or not JSON, and
// members of the wrong type (damaged, but read: check_summary refuses them).
void write_schema_2(const std::string &path) {
    sql(path,
        "CREATE TABLE checks (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL,"
        " rules_version TEXT NOT NULL, answers TEXT NOT NULL, result TEXT NOT NULL);"
        "CREATE TABLE draft (id INTEGER PRIMARY KEY CHECK (id = 1), at TEXT NOT NULL,"
        " answers TEXT NOT NULL);"
        "INSERT INTO checks (at, rules_version, answers, result) VALUES"
        " ('2026-11-01T09:00:00+01:00', '1.0.0', '{\"leg_pain\":true,\"pain_score\":4}',"
        "  '{\"urgency\":\"soon\",\"causes\":[{\"id\":\"disc\",\"name\":\"Disc \\u00e9\"}]}'),"
        " ('2026-11-02T09:00:00+01:00', '1.0.0', '{\"pain_score\":6.50}',"
        "  '{\"urgency\":\"self-care\",\"causes\":[]}'),"
        " ('2026-11-03T09:00:00+01:00', '1.0.0', '{\"pain_score\":true}',"
        "  '{\"urgency\":\"urgent\",\"causes\":[{\"id\":\"x\"}]}'),"
        " ('2026-11-04T09:00:00+01:00', '1.0.0', '[1]', 'not JSON'),"
        " ('2026-11-05T09:00:00+01:00', '1.0.0', '{\"age\":50}',"
        "  '{\"urgency\":3,\"causes\":[{\"id\":7,\"name\":[1]}]}');"
        "DELETE FROM checks WHERE id = 2;" // ids need not be 1, 2, 3, ...
        "INSERT INTO checks (at, rules_version, answers, result) VALUES"
        " ('2026-11-06T09:00:00+01:00', '1.0.0', '{\"pain_score\":-1e2}', '{}');"
        "PRAGMA application_id = 1399023969; PRAGMA user_version = 2;");
}

// A summary in one line, every field shown, to compare two readings.
std::string shown(const CheckSummary &s) {
    return std::to_string(s.id) + " " + s.at + " " + (s.answers_valid ? "A" : "-") +
           (s.result_valid ? "R" : "-") + " " + s.pain_score.dump() + " " + s.urgency.dump() + " " +
           s.cause_id.dump() + " " + s.cause_name.dump();
}

std::vector<std::string> listed(const std::string &path, const std::string &pain = "pain_score") {
    std::vector<std::string> out;
    for (const auto &summary : HistoryStore(path, false).summaries(pain)) {
        out.push_back(shown(summary));
    }
    return out;
}

const std::vector<std::string> k_expected = {
    "1 2026-11-01T09:00:00+01:00 AR 4 \"soon\" \"disc\" \"Disc \xc3\xa9\"",
    "3 2026-11-03T09:00:00+01:00 AR null \"urgent\" \"x\" null",
    "4 2026-11-04T09:00:00+01:00 -- null null null null",
    "5 2026-11-05T09:00:00+01:00 AR null 3 7 []",
    "6 2026-11-06T09:00:00+01:00 AR -100.0 null null null",
};

SavedCheck check(const std::string &answers, const std::string &cause) {
    return {0, "2026-11-25T10:00:00+01:00", "1.0.0", answers,
            "{\"urgency\":\"self-care\",\"causes\":[{\"id\":\"" + cause + "\",\"name\":\"" + cause +
                "\"}]}"};
}

std::string error_of(const std::string &path) {
    try {
        (void)HistoryStore(path, false).summaries("pain_score");
    } catch (const Error &e) {
        CHECK(e.kind() == ErrorKind::data);
        return e.what();
    }
    return "no error";
}

} // namespace

TEST_CASE("the list reads a schema 2 history as it is, and leaves it byte for byte",
          "[history][list]") {
    ScratchDir scratch("history.sqlite3"); // a history written by hand first
    write_schema_2(scratch.db());
    const std::string before = contents(scratch.db());
    CHECK(listed(scratch.db()) == k_expected);
    {
        HistoryStore store(scratch.db(), false);
        (void)store.all();
        (void)store.last(2);
        (void)store.draft();
    }
    CHECK(contents(scratch.db()) == before);
    CHECK(column(scratch.db(), "PRAGMA user_version") == std::vector<std::string>{"2"});
    CHECK(column(scratch.db(), "SELECT name FROM sqlite_master WHERE name = 'check_list'").empty());
}

TEST_CASE("a write migrates schema 2 to 3: check_list holds every check, listed the same",
          "[history][list]") {
    ScratchDir scratch("history.sqlite3"); // a history written by hand first
    write_schema_2(scratch.db());
    CHECK(HistoryStore::schema_version() == 3);
    { HistoryStore store(scratch.db(), true); } // a writer brings the schema up to date
    CHECK(column(scratch.db(), "PRAGMA user_version") == std::vector<std::string>{"3"});
    const auto ids = column(scratch.db(), "SELECT id FROM checks ORDER BY id");
    CHECK(ids == std::vector<std::string>{"1", "3", "4", "5", "6"});
    CHECK(column(scratch.db(), "SELECT id FROM check_list ORDER BY id") == ids);
    // The answers that are numbers, their text as stored.
    CHECK(column(scratch.db(), "SELECT numbers FROM check_list ORDER BY id") ==
          std::vector<std::string>{"{\"pain_score\":4}", "{}", "NULL", "{\"age\":50}",
                                   "{\"pain_score\":-1e2}"});
    CHECK(listed(scratch.db()) == k_expected);
    // Whatever question the rule set charts.
    CHECK(listed(scratch.db(), "age")[3] == "5 2026-11-05T09:00:00+01:00 AR 50 3 7 []");
    // The list reads check_list, not the documents.
    sql(scratch.db(), "UPDATE check_list SET urgency = 'from the list' WHERE id = 1");
    CHECK(listed(scratch.db())[0].find("\"from the list\"") != std::string::npos);
}

TEST_CASE("saving, changing and forgetting keep check_list in step with checks",
          "[history][list]") {
    ScratchDir scratch("history.sqlite3"); // a history written by hand first
    HistoryStore store(scratch.db(), true);
    store.save(check("{\"pain_score\":2}", "first"));
    store.save(check("{\"pain_score\":5}", "second"));
    store.save(check("{\"pain_score\":8}", "third"));
    auto ids = [&scratch](const char *table) {
        return column(scratch.db(), std::string("SELECT id FROM ") + table + " ORDER BY id");
    };
    CHECK(ids("check_list") == std::vector<std::string>{"1", "2", "3"});
    CHECK(store.summaries("pain_score")[1].cause_id == "second");

    CHECK(store.forget(2));
    CHECK(ids("check_list") == ids("checks"));
    CHECK(ids("check_list") == std::vector<std::string>{"1", "3"});
    REQUIRE(store.summaries("pain_score").size() == 2);
    CHECK(store.summaries("pain_score")[1].pain_score == 8);

    // Another program's change to a check (sqlite3 by hand) is listed too.
    sql(scratch.db(), "UPDATE checks SET answers = '{\"pain_score\":9}' WHERE id = 3");
    CHECK(store.summaries("pain_score")[1].pain_score == 9);

    CHECK(store.forget_all() == 2);
    CHECK(ids("check_list").empty());
    CHECK(store.summaries("pain_score").empty());
    // Nothing of a forgotten check lingers in the file, in either table.
    CHECK(contents(scratch.db()).find("third") == std::string::npos);
}

TEST_CASE("a check_list row that is damaged or unmatched is damage naming the check",
          "[history][list]") {
    ScratchDir scratch("history.sqlite3"); // a history written by hand first
    {
        HistoryStore store(scratch.db(), true);
        for (const char *cause : {"one", "two", "three"}) {
            store.save(check("{\"pain_score\":1}", cause));
        }
    }
    const std::string saved = contents(scratch.db());
    auto damage = [&](const std::string &statements) {
        std::ofstream(scratch.db(), std::ios::binary | std::ios::trunc) << saved;
        sql(scratch.db(), statements);
        return error_of(scratch.db());
    };
    using Catch::Contains;
    // A type that does not fit its value.
    CHECK_THAT(damage("UPDATE check_list SET urgency = 3 WHERE id = 2"),
               Contains("the list row of check 2 is damaged"));
    CHECK_THAT(damage("UPDATE check_list SET cause_name_type = 'word' WHERE id = 3"),
               Contains("the list row of check 3 is damaged"));
    CHECK_THAT(damage("UPDATE check_list SET cause_id_type = NULL WHERE id = 1"),
               Contains("the list row of check 1 is damaged"));
    CHECK_THAT(damage("UPDATE check_list SET numbers = '{' WHERE id = 2"),
               Contains("the list row of check 2 is damaged"));
    // A check the list lacks, or a row for no check: never a list that
    // leaves a check out or shows one that is not saved.
    CHECK_THAT(damage("DELETE FROM check_list WHERE id = 2"),
               Contains("check 2 is missing from table check_list"));
    CHECK_THAT(damage("DELETE FROM check_list WHERE id = 3"),
               Contains("check 3 is missing from table check_list"));
    CHECK_THAT(damage("INSERT INTO check_list (id) VALUES (7)"),
               Contains("check 7 is in table check_list but not saved"));
    CHECK_THAT(damage("UPDATE check_list SET id = 0 WHERE id = 1"),
               Contains("check 0 is in table check_list but not saved"));
    // A schema 3 file without its triggers would let the tables drift apart.
    CHECK_THAT(damage("DROP TRIGGER check_list_delete"),
               Contains("schema version 3 without its trigger check_list_delete"));
    // The undamaged file lists all three.
    std::ofstream(scratch.db(), std::ios::binary | std::ios::trunc) << saved;
    CHECK(error_of(scratch.db()) == "no error");
}
