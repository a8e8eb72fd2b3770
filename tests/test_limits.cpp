// The input limits of lib/limits.hpp, each enforced with an error that names
// it, and the reading of awkward files.

#include "lib/answers.hpp"
#include "lib/answers_document.hpp"
#include "lib/error.hpp"
#include "lib/input.hpp"
#include "lib/limits.hpp"
#include "lib/text_util.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace sciatica;
using sciatica::test::first_error;
using sciatica::test::small_rules;

namespace {

// A scratch file removed when the test ends.
class ScratchFile {
  public:
    explicit ScratchFile(const std::string &text) {
        char name[] = "/tmp/sciatica-test-XXXXXX";
        int fd = ::mkstemp(name);
        ::close(fd);
        m_path = name;
        std::ofstream(m_path, std::ios::binary) << text;
    }
    ~ScratchFile() { std::remove(m_path.c_str()); }
    const std::string &path() const { return m_path; }

  private:
    std::string m_path;
};

} // namespace

TEST_CASE("an answers document over the size limit is refused before parsing", "[limits]") {
    std::string big = "{\"pain\": \"" + std::string(k_max_answers_bytes, 'y') + "\"}";
    CHECK_THROWS_WITH(parse_answers_document(small_rules(), big, "a.json"),
                      "a.json: too large: answers may be at most 1 MiB");
}

TEST_CASE("JSON answers nested past the depth limit are refused", "[limits]") {
    CHECK_THROWS_WITH(parse_answers_document(small_rules(), std::string(100000, '['), "a.json"),
                      "a.json: nested more than 64 levels deep");
}

TEST_CASE("YAML answers nested past the depth limit are refused", "[limits]") {
    std::string deep = "pain: " + std::string(1000, '[');
    CHECK_THROWS_WITH(parse_answers_document(small_rules(), deep, "a.yaml"),
                      "a.yaml:1:39: nested more than 64 levels deep");
}

TEST_CASE("a JSON number too large for a double is bad data, not an internal error", "[answers]") {
    try {
        parse_answers_document(small_rules(), R"({"age": 1e999})", "a.json");
        FAIL("no error");
    } catch (const Error &e) {
        CHECK(e.kind() == ErrorKind::data);
        CHECK(std::string(e.what()) == "a.json: invalid JSON: number overflow parsing '1e999'");
    }
}

TEST_CASE("a rule-set list over the entry limit is refused", "[limits]") {
    std::string rules = std::string(sciatica::test::k_small_rules) + "equipment:\n";
    auto line = std::count(rules.begin(), rules.end(), '\n') + 1;
    for (std::size_t i = 0; i <= k_max_list_entries; ++i) {
        rules += "  - {name: N, description: D}\n";
    }
    CHECK(first_error(rules) == "rules.yaml:" + std::to_string(line) +
                                    ":3: error: 'equipment' has 1001 entries; a rule set may "
                                    "have at most 1000");
}

TEST_CASE("printable escapes control bytes and bytes that are not UTF-8", "[text]") {
    CHECK(printable("le\nft\xff caf\xc3\xa9", 100) == "le\\x0aft\\xff caf\xc3\xa9");
}

TEST_CASE("printable cuts a long value short", "[text]") {
    CHECK(printable(std::string(100, 'x'), 5) == "xxxxx...");
}

TEST_CASE("reading a directory says it is one", "[input]") {
    try {
        read_file("/tmp", 100, "a rule file");
        FAIL("no error");
    } catch (const Error &e) {
        CHECK(e.kind() == ErrorKind::no_input);
        CHECK(std::string(e.what()) == "/tmp: is a directory, not a file");
    }
}

TEST_CASE("reading a file over the limit names the limit", "[input]") {
    ScratchFile file(std::string(2048, 'x'));
    CHECK_THROWS_WITH(read_file(file.path(), 1024, "a rule file"),
                      file.path() + ": too large: a rule file may be at most 1 KiB");
}

TEST_CASE("reading an endless device stops at the limit", "[input]") {
    CHECK_THROWS_WITH(read_file("/dev/zero", 1024, "answers"),
                      "/dev/zero: too large: answers may be at most 1 KiB");
}

TEST_CASE("reading a file within the limit gives its bytes", "[input]") {
    ScratchFile file(std::string("a\0b", 3));
    CHECK(read_file(file.path(), 3, "answers") == std::string("a\0b", 3));
}
