#include "lib/diagnostic.hpp"
#include "lib/error.hpp"
#include "lib/loader.hpp"
#include "lib/vignette.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace sciatica;

namespace {

Diagnostic at(int line, int column) {
    return {Diagnostic::Severity::error, "r.yaml", line, column, "unknown key 'notise'"};
}

} // namespace

TEST_CASE("a diagnostic renders with its source line and a caret under the column",
          "[diagnostic]") {
    CHECK(render(at(2, 3), "a: 1\n  notise: x\r\nb: 2\n") ==
          "r.yaml:2:3: error: unknown key 'notise'\n"
          "  notise: x\n"
          "  ^\n");
}

TEST_CASE("a line with control bytes or without a position is not echoed", "[diagnostic]") {
    CHECK(source_excerpt(at(1, 1), "notise: \x1b[2J\n") == "");
    CHECK(source_excerpt(at(0, 0), "notise: x\n") == "");
    CHECK(source_excerpt(at(1, 1), std::string(300, 'x')) == "");
}

TEST_CASE("a rule set's error carries the excerpt for the person reading it", "[diagnostic]") {
    try {
        load_rules("format: sciatica-rules/1\nnotise: x\n", "r.yaml");
        FAIL("loaded");
    } catch (const Error &e) {
        CHECK(std::string(e.what()) == "r.yaml:2:1: unknown key 'notise' (did you mean 'notice'?)");
        CHECK(e.detail() == "notise: x\n^\n");
    }
}

TEST_CASE("a vignette's error carries the excerpt too", "[diagnostic]") {
    RuleSet rules = sciatica::test::small_rules();
    try {
        parse_vignettes("- name: x\n  answers: {agee: 3}\n", "cases.yaml", rules);
        FAIL("parsed");
    } catch (const Error &e) {
        CHECK(e.detail() == "  answers: {agee: 3}\n            ^\n");
    }
}
