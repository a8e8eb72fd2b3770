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

TEST_CASE("format_number writes whole numbers in full and others in 6 digits", "[text_util]") {
    CHECK(format_number(6) == "6");
    CHECK(format_number(6.5) == "6.5");
    CHECK(format_number(1e6) == "1000000");
    CHECK(format_number(-0.0) == "0");
    CHECK(format_number(1.0 / 3) == "0.333333");
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

TEST_CASE("decode_utf8 reads one code point and refuses what is not UTF-8", "[text]") {
    CHECK(decode_utf8("a", 0).value == U'a');
    CHECK(decode_utf8("a", 0).length == 1);
    CHECK(decode_utf8("x\xc3\xa9", 1).value == U'\u00e9');
    CHECK(decode_utf8("x\xc3\xa9", 1).length == 2);
    CHECK(decode_utf8("\xf0\x9f\x98\x80", 0).value == U'\U0001F600');
    CHECK(decode_utf8("\xf0\x9f\x98\x80", 0).length == 4);
    CHECK(decode_utf8("\xc0\xaf", 0).length == 0);     // overlong
    CHECK(decode_utf8("\xed\xa0\x80", 0).length == 0); // a surrogate
    CHECK(decode_utf8("\xe2\x82", 0).length == 0);     // cut short
    CHECK(decode_utf8("\x80", 0).length == 0);         // a stray continuation byte
}

TEST_CASE("the unsafe characters are controls and bidirectional overrides", "[text]") {
    for (char32_t c : {U'\x00', U'\x1b', U'\x7f', U'\u0085', U'\u009b', U'\u202e', U'\u2066'}) {
        CHECK(is_unsafe_character(c));
    }
    for (char32_t c : {U'\n', U'\t', U' ', U'a', U'\u00a0', U'\u00e9', U'\u2014', U'\u206a'}) {
        CHECK_FALSE(is_unsafe_character(c));
    }
}

TEST_CASE("printable escapes C1 controls and bidirectional overrides too", "[text]") {
    CHECK(printable("a\xc2\x9b" "b", 100) == "a\\xc2\\x9bb");
    CHECK(printable("right\xe2\x80\xaeleft", 100) == "right\\xe2\\x80\\xaeleft");
}
