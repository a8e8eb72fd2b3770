#include "lib/report.hpp"
#include "lib/result_json.hpp"
#include "lib/history_answers.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace sciatica;
using sciatica::test::answers_of;

namespace {

SavedCheck saved(const RuleSet &rules, long long id, const char *at,
                 const std::vector<std::pair<std::string, std::string>> &pairs) {
    Answers answers = answers_of(rules, pairs);
    std::string line;
    ResultWriter(rules).append(evaluate(rules, answers), line);
    return {id, at, rules.version, answers_to_store_json(rules, answers), line};
}

} // namespace

TEST_CASE("html_escape escapes markup and quotes", "[report]") {
    CHECK(html_escape("<b>\"Tom\" & 'Jo'</b>") ==
          "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jo&#39;&lt;/b&gt;");
}

TEST_CASE("the report has every section and marks the painful side", "[report]") {
    const RuleSet &rules = default_rules();
    std::string html =
        render_report(rules,
                      {saved(rules, 1, "2026-11-20T09:00:00+01:00", {{"pain_score", "3"}}),
                       saved(rules, 2, "2026-11-25T09:00:00+01:00",
                             {{"leg_pain", "yes"},
                              {"pain_below_knee", "yes"},
                              {"pain_side", "right"},
                              {"pain_score", "8"}})},
                      "h.sqlite3");
    for (const char *id : {"urgency", "changes", "warning-signs", "body-map", "pain-chart",
                           "causes", "answers", "visit-questions", "notice"}) {
        CHECK(html.find(std::string("<section id=\"") + id + "\"") != std::string::npos);
    }
    CHECK(html.find("2 saved checks, from 2026-11-20 09:00 to 2026-11-25 09:00") !=
          std::string::npos);
    CHECK(html.find("Pain marked in the thigh and below the knee (right side)") !=
          std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find(html_escape(rules.history.visit_questions.front())) != std::string::npos);
}

TEST_CASE("text from the rule set is escaped in the report", "[report]") {
    RuleSet rules = default_rules();
    rules.notice = "<script>alert(1)</script>";
    std::string html =
        render_report(rules, {saved(rules, 1, "2026-11-20T09:00:00+01:00", {})}, "h.sqlite3");
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
}
