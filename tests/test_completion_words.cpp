#include "lib/completion_words.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace sciatica;
using sciatica::test::question;
using sciatica::test::small_rules;

TEST_CASE("a yes/no question completes to yes and no", "[completion]") {
    RuleSet rules = small_rules();
    CHECK(answer_values(question(rules, "pain")) == std::vector<std::string>{"yes", "no"});
}

TEST_CASE("a choice question completes to its options in order", "[completion]") {
    RuleSet rules = small_rules();
    CHECK(answer_values(question(rules, "side")) ==
          std::vector<std::string>{"left", "right", "both"});
}

TEST_CASE("a number question offers no values to complete", "[completion]") {
    RuleSet rules = small_rules();
    CHECK(answer_values(question(rules, "age")).empty());
}
