#include "lib/error.hpp"
#include "lib/history_answers.hpp"
#include "lib/history_changes.hpp"
#include "lib/report.hpp"
#include "lib/result_json.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <sqlite3.h>

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

// A history of `checks` in a scratch folder, removed at the end of the test.
struct ScratchHistory {
    std::string folder;
    std::string path;
    explicit ScratchHistory(const std::vector<SavedCheck> &checks) {
        char name[] = "/tmp/sciatica-report-XXXXXX";
        folder = mkdtemp(name);
        path = folder + "/history.sqlite3";
        HistoryStore store(path, true);
        for (const auto &check : checks) {
            store.save(check);
        }
    }
    ~ScratchHistory() {
        std::string command = "rm -rf '" + folder + "'";
        int ignored = std::system(command.c_str());
        (void)ignored;
    }
    void sql(const std::string &statement) const {
        sqlite3 *db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        CHECK(sqlite3_exec(db, statement.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
};

std::vector<SavedCheck> three_checks(const RuleSet &rules) {
    return {saved(rules, 1, "2026-11-20T09:00:00+01:00", {{"pain_score", "3"}}),
            saved(rules, 2, "2026-11-22T09:00:00+01:00",
                  {{"leg_pain", "yes"}, {"leg_weakness", "no"}, {"pain_score", "5"}}),
            saved(rules, 3, "2026-11-25T09:00:00+01:00",
                  {{"leg_pain", "yes"}, {"leg_weakness", "yes"}, {"pain_score", "8"}})};
}

} // namespace

TEST_CASE("the report read from a history is the report of every check in full", "[report]") {
    const RuleSet &rules = default_rules();
    auto checks = three_checks(rules);
    ScratchHistory history(checks);
    ReportChecks read = read_report_checks(rules, HistoryStore(history.path, false));
    REQUIRE(read.points.size() == 3);
    CHECK(read.points[0].at == "2026-11-20T09:00:00+01:00");
    CHECK(read.points[0].pain_score == 3);
    CHECK(read.latest.id == 3);
    // The latest compared again with the one before, as the command always did.
    checks.back() = compared_again(rules, checks[1], checks[2]);
    CHECK(render_report(rules, read, history.path, "2026-12-02") ==
          render_report(rules, checks, history.path, "2026-12-02"));
}

TEST_CASE("the report reads only the latest two checks in full", "[report]") {
    const RuleSet &rules = default_rules();
    ScratchHistory history(three_checks(rules));
    // What only a full read sees: a red flag list that is not a list. The
    // first check's is not shown, so not read; the second's is.
    history.sql("UPDATE checks SET result = json_set(result, '$.red_flags', 3) WHERE id = 1");
    CHECK(read_report_checks(rules, HistoryStore(history.path, false)).points.size() == 3);
    history.sql("UPDATE checks SET result = json_set(result, '$.red_flags', 3) WHERE id = 2");
    CHECK_THROWS_WITH(read_report_checks(rules, HistoryStore(history.path, false)),
                      Catch::Contains("the result of check 2 is damaged ('red_flags' is not a list)"));
}

TEST_CASE("an older check the report does not read in full is still checked as the list checks it",
          "[report]") {
    const RuleSet &rules = default_rules();
    ScratchHistory history(three_checks(rules));
    history.sql("UPDATE checks SET result = json_set(result, '$.urgency', 3) WHERE id = 1");
    CHECK_THROWS_WITH(read_report_checks(rules, HistoryStore(history.path, false)),
                      Catch::Contains("the result of check 1 is damaged ('urgency' is not text)"));
    history.sql("UPDATE checks SET result = '{' WHERE id = 1");
    CHECK_THROWS_AS(read_report_checks(rules, HistoryStore(history.path, false)), Error);
}

TEST_CASE("html_escape escapes markup and quotes", "[report]") {
    CHECK(html_escape("<b>\"Tom\" & 'Jo'</b>") ==
          "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jo&#39;&lt;/b&gt;");
}

TEST_CASE("a large whole number in an answer is written out, never as 1e+06", "[report]") {
    RuleSet rules = default_rules();
    for (Question &question : rules.questions) {
        if (question.id == "pain_duration_weeks") {
            question.max = 1e7;
        }
    }
    std::string html = render_report(
        rules, {saved(rules, 1, "2026-11-20T09:00:00+01:00", {{"pain_duration_weeks", "1500000"}})},
        "h.sqlite3");
    CHECK(html.find("1500000") != std::string::npos);
    CHECK(html.find("1.5e+06") == std::string::npos);
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

TEST_CASE("the chart never calls an earlier check's pain score the latest", "[report]") {
    const RuleSet &rules = default_rules();
    std::string html =
        render_report(rules,
                      {saved(rules, 1, "2026-11-20T09:00:00+01:00", {{"pain_score", "6"}}),
                       saved(rules, 2, "2026-11-25T09:00:00+01:00", {{"leg_pain", "yes"}})},
                      "h.sqlite3");
    CHECK(html.find("at the latest check 6") == std::string::npos);
    CHECK(html.find("The latest check has no pain score; the last one given was 6 on "
                    "2026-11-20 09:00.") != std::string::npos);
}

TEST_CASE("the report has write-in lines, a summary first, and page numbers and the print date",
          "[report]") {
    const RuleSet &rules = default_rules();
    std::string html =
        render_report(rules, {saved(rules, 1, "2026-11-20T09:00:00+01:00", {{"pain_score", "6"}})},
                      "h.sqlite3", "2026-12-02");
    CHECK(html.find("<span>Name:</span><span>Date of birth:</span>") != std::string::npos);
    CHECK(html.find("<section id=\"summary\"") < html.find("<section id=\"urgency\""));
    CHECK(html.find("content: \"Printed 2026-12-02\"") != std::string::npos);
    CHECK(html.find("content: \"Page \" counter(page)") != std::string::npos);
}

TEST_CASE("every sentence of the report comes from the rule set", "[report]") {
    RuleSet rules = default_rules();
    for (auto &entry : rules.texts.named) {
        if (entry.key.rfind("report_", 0) == 0) {
            entry.text = "X" + entry.key;
        }
    }
    std::string html = render_report(
        rules, {saved(rules, 1, "2026-11-20T09:00:00+01:00", {{"pain_score", "6"}})}, "h.sqlite3");
    CHECK(html.find("Summary for your practitioner") == std::string::npos);
    CHECK(html.find("Xreport_title") != std::string::npos);
    CHECK(html.find("Xreport_summary_heading") != std::string::npos);
}

TEST_CASE("what the tool concluded is not shown as the person's answer", "[report]") {
    const RuleSet &rules = default_rules();
    SavedCheck before =
        saved(rules, 1, "2026-05-03T09:00:00+01:00", {{"leg_pain", "yes"}, {"leg_weakness", "no"}});
    SavedCheck after =
        saved(rules, 2, "2026-05-10T09:00:00+01:00",
              {{"leg_pain", "yes"}, {"leg_weakness", "yes"}, {"weakness_getting_worse", "no"}});
    // As `check --history` saves it: the result compared with the check before.
    PreviousCheck previous = previous_check(rules, before);
    Result result = evaluate(rules, answers_from_store_json(rules, after.answers), &previous);
    after.result.clear();
    ResultWriter(rules).append(result, after.result);
    std::string html = render_report(rules, {before, after}, "h.sqlite3");
    CHECK(html.find("Treated as") != std::string::npos);
    CHECK(html.find("new since the check on 2026-05-03 09:00") != std::string::npos);
}
