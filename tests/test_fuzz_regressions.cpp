// Every input a fuzzer once failed on, replayed through the same code as the
// fuzz target (tests/fuzz/fuzz_bodies.hpp). Under SCIATICA_SANITIZE these
// catch the memory errors again; in any build they must end without an
// exception other than sciatica::Error.

#include "fuzz/fuzz_bodies.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputs_for(const std::string &target) {
    std::vector<fs::path> paths;
    fs::path folder = fs::path(SCIATICA_SOURCE_DIR) / "tests" / "fuzz" / "regressions" / target;
    if (fs::is_directory(folder)) {
        for (const auto &entry : fs::directory_iterator(folder)) {
            paths.push_back(entry.path());
        }
    }
    return paths;
}

std::string contents(const fs::path &path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("every rule file a fuzzer failed on now loads or is refused", "[fuzz]") {
    for (const auto &path : inputs_for("rules")) {
        INFO(path.string());
        CHECK_NOTHROW(sciatica::fuzz::load_rules_once(contents(path)));
    }
}

TEST_CASE("every answers document a fuzzer failed on now parses or is refused", "[fuzz]") {
    auto paths = inputs_for("answers");
    CHECK_FALSE(paths.empty());
    for (const auto &path : paths) {
        INFO(path.string());
        CHECK_NOTHROW(sciatica::fuzz::parse_answers_once(contents(path)));
    }
}

TEST_CASE("every batch line a fuzzer failed on now gives a result or an error", "[fuzz]") {
    auto paths = inputs_for("line");
    CHECK_FALSE(paths.empty());
    for (const auto &path : paths) {
        INFO(path.string());
        CHECK_NOTHROW(sciatica::fuzz::check_line_once(contents(path)));
    }
}

TEST_CASE("every history file a fuzzer failed on now reads or is refused", "[fuzz]") {
    // The seeds too: real databases, which must read without an exception.
    auto paths = inputs_for("history");
    for (const auto &entry : fs::directory_iterator(fs::path(SCIATICA_SOURCE_DIR) / "tests" /
                                                    "fuzz" / "seeds" / "history")) {
        paths.push_back(entry.path());
    }
    CHECK_FALSE(paths.empty());
    for (const auto &path : paths) {
        INFO(path.string());
        CHECK_NOTHROW(sciatica::fuzz::read_history_once(contents(path)));
    }
}
