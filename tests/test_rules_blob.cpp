#include "lib/error.hpp"
#include "lib/loader.hpp"
#include "lib/rules_blob.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace sciatica;

TEST_CASE("the compiled default rule set is the shipped YAML, member for member", "[rules_blob]") {
    RuleSet from_yaml = load_rules(default_rules_text(), "<embedded>/default.yaml");
    CHECK(serialize_rules(default_rules()) == serialize_rules(from_yaml));
}

TEST_CASE("a rule set read back from its compact form writes the same bytes again",
          "[rules_blob]") {
    std::string blob = serialize_rules(sciatica::test::small_rules());
    RuleSet back = deserialize_rules(blob);
    CHECK(serialize_rules(back) == blob);
    CHECK(back.questions.at(3).options == std::vector<std::string>{"left", "right", "both"});
    CHECK(back.red_flags.at(0).when.children.size() == 2);
}

TEST_CASE("a truncated compact rule set is refused", "[rules_blob]") {
    std::string blob = serialize_rules(sciatica::test::small_rules());
    CHECK_THROWS_WITH(deserialize_rules(blob.substr(0, blob.size() - 3)),
                      "compiled rule set: truncated");
    CHECK_THROWS_WITH(deserialize_rules(blob + "x"), "compiled rule set: trailing bytes");
}
