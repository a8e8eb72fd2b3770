#include "lib/json_scan.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace sciatica;

namespace {

std::vector<std::string> keys_of(std::string_view text) {
    std::vector<std::string> keys;
    scan_top_level_keys(text, [&](const JsonKey &key) {
        keys.emplace_back(key.raw);
        return true;
    });
    return keys;
}

} // namespace

TEST_CASE("only the top-level object's keys are visited, escapes kept as written",
          "[json_scan]") {
    CHECK(keys_of(R"({"a": {"b": 1}, "c\"d": ["e", {"f": 2}], "g": "h"})") ==
          std::vector<std::string>{R"("a")", R"("c\"d")", R"("g")"});
    CHECK(keys_of(R"(["a", {"b": 1}])").empty());
    CHECK(keys_of(R"("a")").empty());
}

TEST_CASE("the scan stops where the visitor says and names that key's line", "[json_scan]") {
    const std::string text = "{\n  \"a\": 1,\n  \"b\": \"x\\\"y\",\n  \"c\": 3\n}\n";
    std::size_t end = 0;
    CHECK(scan_top_level_keys(text, [&](const JsonKey &key) {
              end = key.end;
              return key.raw != "\"b\"";
          }) == 3);
    CHECK(text.substr(end, 3) == ": \"");
    CHECK(scan_top_level_keys(text, [](const JsonKey &) { return true; }) == 6);
}

TEST_CASE("a string's end is past its closing quote, or the text's end", "[json_scan]") {
    CHECK(json_string_end(R"("a\"b" x)", 0) == 6);
    CHECK(json_string_end(R"("abc)", 0) == 4);
    CHECK(json_string_end(R"(")", 0) == 1);
}
