#include "lib/history_answers.hpp"
#include "lib/history_time.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace sciatica;
using sciatica::test::answers_of;

TEST_CASE("stored answers keep unknown ones as null and read back", "[history_answers]") {
    const RuleSet &rules = default_rules();
    Answers answers = answers_of(rules, {{"age", "40"}, {"pain_side", "both"}});
    std::string json = answers_to_store_json(rules, answers);
    CHECK(json.find("\"age\":40") != std::string::npos);
    CHECK(json.find("\"leg_pain\":null") != std::string::npos);
    CHECK(answers_from_store_json(rules, json) == answers);
    // A question this rule set lacks, or a value it refuses, is left unknown.
    Answers odd = answers_from_store_json(rules, "{\"gone\":true,\"age\":500,\"fever\":true}");
    CHECK_FALSE(odd[static_cast<std::size_t>(rules.question_index("age"))]);
    CHECK(odd[static_cast<std::size_t>(rules.question_index("fever"))] == 1.0);
}

TEST_CASE("weeks of pain grow from the first check of the episode", "[history_answers]") {
    const RuleSet &rules = default_rules();
    auto saved = [&rules](const char *at, const char *weeks) {
        Answers answers = answers_of(rules, {});
        if (weeks != nullptr) {
            answers = answers_of(rules, {{"pain_duration_weeks", weeks}});
        }
        return SavedCheck{0, at, "1", answers_to_store_json(rules, answers), "{}"};
    };
    const long long now = *parse_iso_time("2026-03-15T00:00:00Z");
    // An old episode (more than 12 weeks before), then this one.
    std::vector<SavedCheck> checks = {saved("2025-06-01T00:00:00Z", "30"),
                                      saved("2026-03-01T00:00:00Z", "1"),
                                      saved("2026-03-08T00:00:00Z", nullptr)};
    CHECK(carried_duration(rules, checks, now) == 3.0);
    CHECK_FALSE(carried_duration(rules, {saved("2026-03-01T00:00:00Z", nullptr)}, now));
}

TEST_CASE("resuming forgets the answers that can change over days", "[history_answers]") {
    const RuleSet &rules = default_rules();
    Answers last = answers_of(rules, {{"age", "40"}, {"pain_score", "6"}, {"fever", "no"}});
    Answers resumed = resume_answers(rules, last);
    CHECK(resumed[static_cast<std::size_t>(rules.question_index("age"))] == 40.0);
    CHECK_FALSE(resumed[static_cast<std::size_t>(rules.question_index("pain_score"))]);
    CHECK_FALSE(resumed[static_cast<std::size_t>(rules.question_index("fever"))]);
}
