#include "lib/text_util.hpp"

#include <catch2/catch.hpp>

using namespace sciatica;

TEST_CASE("trim removes white space at both ends and nothing inside", "[text_util]") {
    CHECK(trim(" \t leg pain\r\n") == "leg pain");
    CHECK(trim("   ") == "");
    CHECK(trim("") == "");
}

TEST_CASE("trim takes the set of blanks to remove", "[text_util]") {
    CHECK(trim("\f auto \r", " \t\r") == "\f auto");
}

TEST_CASE("lower changes ASCII letters only", "[text_util]") {
    CHECK(lower("LeFT \xc3\x89") == "left \xc3\x89");
}

TEST_CASE("the first byte that is not UTF-8 is found, overlong forms included", "[text_util]") {
    CHECK(first_invalid_utf8("caf\xc3\xa9") == std::string_view::npos);
    CHECK(first_invalid_utf8("ab\xff") == 2);
    CHECK(first_invalid_utf8("a\xc0\xaf") == 1);    // overlong '/'
    CHECK(first_invalid_utf8("\xed\xa0\x80") == 0); // a surrogate
    CHECK(first_invalid_utf8("ok\xe2\x82") == 2);   // cut short
}
