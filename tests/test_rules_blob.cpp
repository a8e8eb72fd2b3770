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

TEST_CASE("the about section, equipment and what each technique uses survive the compact form",
          "[rules_blob]") {
    std::string text = sciatica::test::small_rules_with(
        "not_at: [soon]}", "not_at: [soon], equipment: [roller], source: A book}");
    text += R"(equipment:
  - {id: ball, name: Ball, description: A ball., how_to_use: Lie on it., source: test}
  - {id: roller, name: Roller, description: A roller., how_to_use: Roll., source: test}
treatments:
  - {id: rest, name: Rest, description: Rest., source: test}
about:
  name: Pain
  what_it_is: A symptom.
  nerve_path: Down the leg.
  figure: {unicode: "┃\n", ascii: "|\n"}
  symptoms: [Pain]
  diagnosis: History.
  get_help_now: [{advice: Go now., signs: [Numbness]}]
  source: test
)";
    RuleSet rules = load_rules(text, "rules.yaml");
    std::string blob = serialize_rules(rules);
    RuleSet back = deserialize_rules(blob);
    CHECK(serialize_rules(back) == blob);
    CHECK(back.techniques.at(0).equipment_refs == std::vector<int>{1});
    CHECK(back.techniques.at(0).source == "A book");
    CHECK(back.equipment.at(1).how_to_use == "Roll.");
    CHECK(back.treatments.at(0).id == "rest");
    CHECK(back.about.figure_unicode == "┃\n");
    CHECK(back.about.get_help_now.at(0).advice == "Go now.");
}
