#pragma once

// Shared fixtures for the history's unit tests (test_history.cpp,
// test_history_list.cpp): a scratch folder, a file's bytes, and SQL run on a
// history behind sciatica's back, as damage or an older version would be.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sqlite3.h>
#include <sstream>
#include <string>
#include <utility>

namespace sciatica::test {

// A scratch folder, removed with everything in it at the end of the test;
// db() is the history `db_name` in it, by default where XDG_DATA_HOME would
// put one (its folders are left for the store to make).
struct ScratchDir {
    std::string path;
    std::string db_name;
    explicit ScratchDir(std::string name = "data/sciatica/history.sqlite3")
        : db_name(std::move(name)) {
        char folder[] = "/tmp/sciatica-history-XXXXXX";
        path = mkdtemp(folder);
    }
    ~ScratchDir() {
        std::string command = "rm -rf '" + path + "'";
        int ignored = std::system(command.c_str());
        (void)ignored;
    }
    ScratchDir(const ScratchDir &) = delete;
    ScratchDir &operator=(const ScratchDir &) = delete;
    std::string db() const { return path + "/" + db_name; }
};

// Every byte of the file at `path` ("" when there is none).
inline std::string contents(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Runs `statements` on the database at `path`; SQLite's message, if any,
// goes with a failure.
inline void sql(const std::string &path, const std::string &statements) {
    sqlite3 *db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    char *message = nullptr;
    int code = sqlite3_exec(db, statements.c_str(), nullptr, nullptr, &message);
    INFO((message ? message : ""));
    sqlite3_free(message);
    CHECK(code == SQLITE_OK);
    sqlite3_close(db);
}

} // namespace sciatica::test
