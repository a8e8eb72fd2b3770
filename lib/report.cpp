#include "lib/report.hpp"

#include "lib/answers.hpp"
#include "lib/history_answers.hpp"
#include "lib/history_changes.hpp"
#include "lib/history_json.hpp"
#include "lib/report_figures.hpp"
#include "lib/report_html.hpp"
#include "lib/result_format.hpp"
#include "lib/text_util.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

namespace sciatica {

namespace {

using namespace report_html;

using Point = ReportChecks::Point;

// What the report draws from: the rule set, each saved check's time and
// pain score, the latest check's result, and the person's own answers at
// the latest check (what they said, as opposed to what the tool concluded).
struct Source {
    const RuleSet &rules;
    const std::vector<Point> &points;
    const Json &result; // the latest check's
    const Json &own;    // the latest check's stored answers: id -> value
};

// Why the result holds `answer` for question `id` when the person did not
// give it: "new since the check on ...", "from the answer: ...", or "" when
// it is the person's own answer.
std::string concluded_because(const Source &in, const std::string &id, const Json &answer) {
    const Json own = in.own.contains(id) ? in.own[id] : Json();
    if (own == answer) {
        return "";
    }
    const RuleSet &rules = in.rules;
    for (const auto &change : in.result.value(result_member::k_changes, Json::array())) {
        for (const auto &watch : rules.history.watch) {
            int changed = rules.question_index(change.value(result_member::k_question, ""));
            if (watch.question == changed && watch.implies == rules.question_index(id)) {
                return words(rules, "report_new_since",
                             {{"date", date_of(change.value(result_member::k_since, ""))}});
            }
        }
    }
    return words(rules, "report_implied_by",
                 {{"statement", prompt_of(rules, id) + " " + answer_words(rules, own)}});
}

// The answers behind a conclusion, each as the person gave it; one the tool
// concluded says so, and why.
std::string because_list(const Source &in, const Json &because) {
    if (!because.is_array() || because.empty()) {
        return "";
    }
    std::string items;
    for (const auto &entry : because) {
        const std::string id = entry.value(result_member::k_question, "");
        const std::string said = text(prompt_of(in.rules, id)) + " <strong>" +
                                 text(answer_words(in.rules, entry[result_member::k_answer])) +
                                 "</strong>";
        const std::string why = concluded_because(in, id, entry[result_member::k_answer]);
        items += why.empty()
                     ? tag("li", said)
                     : tag("li",
                           text(words(in.rules, "report_concluded",
                                      {{"conclusion",
                                        prompt_of(in.rules, id) + " " +
                                            answer_words(in.rules, entry[result_member::k_answer])},
                                       {"why", why}})),
                           "class=\"concluded\"");
    }
    return tag("ul", items, "class=\"because\"");
}

std::string flag_name(const RuleSet &rules, const std::string &id) {
    for (const auto &flag : rules.red_flags) {
        if (flag.id == id) {
            return flag.name;
        }
    }
    return id;
}

// The red flags not ruled out at the latest check, by family (the rule
// set's flag_families; a flag in none by its name).
std::vector<std::string> open_families(const Source &in) {
    const RuleSet &rules = in.rules;
    std::vector<std::string> out;
    if (in.result.value(result_member::k_screen_complete, true) != false) {
        return out;
    }
    auto add = [&out](const std::string &name) {
        if (std::find(out.begin(), out.end(), name) == out.end()) {
            out.push_back(name);
        }
    };
    std::vector<std::string> open;
    for (const auto &id : in.result.value(result_member::k_not_ruled_out, Json::array())) {
        open.push_back(id.get<std::string>());
    }
    std::set<std::string> said;
    for (const auto &family : rules.flag_families) {
        for (int flag : family.flags) {
            const std::string &id = rules.red_flags[static_cast<std::size_t>(flag)].id;
            said.insert(id);
            if (std::find(open.begin(), open.end(), id) != open.end()) {
                add(family.name);
            }
        }
    }
    for (const auto &id : open) {
        if (said.count(id) == 0) {
            add(flag_name(rules, id));
        }
    }
    return out;
}

std::string joined(const std::vector<std::string> &items, const std::string &none) {
    std::string out;
    for (const auto &item : items) {
        out += (out.empty() ? "" : "; ") + item;
    }
    return out.empty() ? none : out;
}

// The half page a practitioner reads first: the urgency, the warning signs
// reported and those not ruled out, the leading causes, the trend and the
// date of the latest check.
std::string summary_section(const Source &in) {
    const RuleSet &rules = in.rules;
    const std::string none = words(rules, "report_none");
    std::vector<std::string> reported;
    for (const auto &flag : in.result.value(result_member::k_red_flags, Json::array())) {
        reported.push_back(flag.value(result_member::k_name, ""));
    }
    const std::vector<std::string> open = open_families(in);
    std::vector<std::string> causes;
    for (const auto &cause : in.result.value(result_member::k_causes, Json::array())) {
        if (causes.size() < static_cast<std::size_t>(rules.leading_causes)) {
            causes.push_back(cause.value(result_member::k_name, ""));
        }
    }
    std::string trend = words(rules, "report_trend_one");
    const Point *first = nullptr;
    for (const auto &point : in.points) {
        first = first == nullptr && point.pain_score ? &point : first;
    }
    const Point &latest = in.points.back();
    if (in.points.size() > 1 && first != nullptr && first != &latest && latest.pain_score) {
        trend = words(rules, "report_trend",
                      {{"first", format_number(*first->pain_score)},
                       {"from", date_of(first->at)},
                       {"latest", format_number(*latest.pain_score)},
                       {"to", date_of(latest.at)}});
    }
    auto row = [&rules](const char *key, const std::string &value) {
        return "<dt>" + text(words(rules, key)) + "</dt><dd>" + text(value) + "</dd>\n";
    };
    std::string list =
        row("report_summary_urgency", in.result.value(result_member::k_urgency_name, "")) +
        row("report_summary_signs", joined(reported, none)) +
        row("report_summary_not_ruled_out", joined(open, none)) +
        row("report_summary_causes", joined(causes, none)) + row("report_summary_trend", trend) +
        row("report_summary_latest", date_of(latest.at));
    return section("summary", words(rules, "report_summary_heading"),
                   "<div class=\"summary\">\n<dl>\n" + list + "</dl>\n</div>\n");
}

std::string urgency_section(const Source &in) {
    const RuleSet &rules = in.rules;
    const Json &result = in.result;
    const std::string urgency = result.value(result_member::k_urgency, "");
    std::string body = "<p class=\"urgency urgency-" + text(urgency) + "\">" +
                       text(result.value(result_member::k_urgency_name, urgency)) + "</p>\n" +
                       tag("p", text(result.value(result_member::k_urgency_advice, "")));
    std::string why;
    for (const char *list : {result_member::k_red_flags, result_member::k_urgency_rules}) {
        for (const auto &rule : result.value(list, Json::array())) {
            why += tag("h3", text(rule.value(result_member::k_name, ""))) +
                   tag("p", text(rule.value(result_member::k_advice, ""))) +
                   because_list(in, rule[result_member::k_because]);
        }
    }
    if (result.value(result_member::k_screen_complete, true) == false) {
        // Warning signs neither confirmed nor ruled out: never reassurance.
        // By family here; the table below has each question.
        why += tag("h3", text(rules.incomplete_screen.name)) +
               tag("p", text(rules.incomplete_screen.advice + " " + joined(open_families(in), "") +
                             "."));
    }
    if (why.empty()) {
        why = tag("p", text(words(rules, "report_no_reason")));
    }
    return section("urgency", words(rules, "report_urgency_heading"), body + why);
}

// The questions the warning-sign table shows: each one a red flag reads,
// but where it hurts (the body diagram's).
std::vector<std::vector<std::string>> screened_signs(const RuleSet &rules) {
    std::vector<std::vector<std::string>> signs(rules.questions.size());
    for (const auto &flag : rules.red_flags) {
        std::vector<int> questions;
        questions_of(flag.when, questions);
        for (int q : questions) {
            auto &names = signs[static_cast<std::size_t>(q)];
            if (std::find(names.begin(), names.end(), flag.name) == names.end()) {
                names.push_back(flag.name);
            }
        }
    }
    const BodyMap &map = rules.history.body;
    for (int q : {map.back, map.buttock, map.leg, map.below_knee, map.side}) {
        if (q >= 0) {
            signs[static_cast<std::size_t>(q)].clear();
        }
    }
    return signs;
}

// The family a question's warning signs are said under: the first of
// `flag_families` with a red flag that reads it, or -1 (an "other" group).
int family_of(const RuleSet &rules, std::size_t question) {
    for (std::size_t f = 0; f < rules.flag_families.size(); ++f) {
        for (int flag : rules.flag_families[f].flags) {
            std::vector<int> read;
            questions_of(rules.red_flags[static_cast<std::size_t>(flag)].when, read);
            if (std::find(read.begin(), read.end(), static_cast<int>(question)) != read.end()) {
                return static_cast<int>(f);
            }
        }
    }
    return -1;
}

// The warning-sign questions as the person answered them, grouped by the
// family of signs each screens for, set in two columns in print. Each row
// names the warning signs it screens for in its title (hover, and the DOM).
std::string warning_signs_section(const RuleSet &rules, const Answers &answers) {
    const auto signs = screened_signs(rules);
    const int families = static_cast<int>(rules.flag_families.size());
    std::vector<std::string> rows(static_cast<std::size_t>(families) + 1);
    for (std::size_t q = 0; q < rules.questions.size(); ++q) {
        if (signs[q].empty()) {
            continue;
        }
        const Question &question = rules.questions[q];
        std::string answer = words(rules, "report_not_answered");
        std::string cls = "unknown";
        if (answers[q]) {
            answer = answer_text(question, *answers[q]);
            cls = question.type == QuestionType::yes_no && *answers[q] != 0 ? "yes" : "answered";
        }
        std::string names;
        for (std::size_t i = 0; i < signs[q].size(); ++i) {
            names += (i ? "; " : "") + signs[q][i];
        }
        // The sign in a few words ("numbness between your legs"), with the
        // question as it was asked in the row's title.
        const bool short_sign = question.type == QuestionType::yes_no &&
                                question.says.size() == 2 && !question.says[1].empty();
        std::string sign = short_sign ? question.says[1] : question.prompt;
        sign[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sign[0])));
        int family = family_of(rules, q);
        rows[static_cast<std::size_t>(family < 0 ? families : family)] +=
            "<tr title=\"" + text(question.prompt + " (" + names + ")") + "\"><th scope=\"row\">" +
            text(sign) + "</th><td class=\"" + cls + "\">" + text(answer) + "</td></tr>\n";
    }
    std::string head = "<thead><tr><th scope=\"col\">" +
                       text(words(rules, "report_question_column")) + "</th><th scope=\"col\">" +
                       text(words(rules, "report_answer_column")) + "</th></tr></thead>\n";
    std::string tables;
    for (std::size_t f = 0; f < rows.size(); ++f) {
        if (rows[f].empty()) {
            continue;
        }
        std::string name = static_cast<int>(f) < families ? rules.flag_families[f].name
                                                          : words(rules, "report_signs_other");
        if (!name.empty()) {
            name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
        }
        tables += "<table>\n<caption>" + text(name) + "</caption>\n" + head + "<tbody>\n" +
                  rows[f] + "</tbody>\n</table>\n";
    }
    return section("warning-signs", words(rules, "report_signs_heading"),
                   tag("p", text(words(rules, "report_signs_caption"))) +
                       "<div class=\"signs\">\n" + tables + "</div>\n");
}

// Every other answer the person gave (the warning signs and where it hurts
// have their own table and figure), two columns to a page.
std::string answers_section(const RuleSet &rules, const Json &stored) {
    const auto signs = screened_signs(rules);
    std::string items;
    int unanswered = 0;
    for (const auto &[id, value] : stored.items()) {
        if (value.is_null()) {
            ++unanswered;
            continue;
        }
        int q = rules.question_index(id);
        const BodyMap &map = rules.history.body;
        bool in_figures =
            q >= 0 && (q == map.back || q == map.buttock || q == map.leg || q == map.below_knee ||
                       q == map.side || q == rules.history.pain_score);
        if (in_figures || (q >= 0 && !signs[static_cast<std::size_t>(q)].empty())) {
            continue; // in the warning-sign table, or the figures say it
        }
        items += tag("li", text(prompt_of(rules, id)) + " <strong>" +
                               text(answer_words(rules, value)) + "</strong>");
    }
    std::string body = items.empty() ? tag("p", text(words(rules, "report_no_answers")))
                                     : tag("ul", items, "class=\"answers\"");
    if (unanswered > 0) {
        body += tag("p", text(words(rules, "report_unanswered_count",
                                    {{"count", std::to_string(unanswered)}})));
    }
    return section("answers", words(rules, "report_answers_heading"), body);
}

std::string causes_section(const Source &in) {
    std::string body;
    for (const auto &cause : in.result.value(result_member::k_causes, Json::array())) {
        body += tag("h3", text(cause.value(result_member::k_name, ""))) +
                tag("p", text(cause.value(result_member::k_summary, "")) + " " +
                             text(words(in.rules, "report_causes_because"))) +
                because_list(in, cause[result_member::k_because]);
    }
    if (body.empty()) {
        body = tag("p", text(words(in.rules, "report_no_causes")));
    }
    return section("causes", in.rules.texts.causes_heading, body);
}

// Where it hurts and the pain score, side by side.
std::string figures(const RuleSet &rules, const Answers &answers,
                    const std::vector<Point> &points) {
    return "<div class=\"figures\">\n" +
           section("body-map", words(rules, "report_body_heading"), body_figure(rules, answers)) +
           section("pain-chart", words(rules, "report_chart_heading"),
                   chart_figure(rules, points)) +
           "</div>\n";
}

std::string changes_section(const RuleSet &rules, const std::vector<Point> &points,
                            const Json &result) {
    std::string body;
    if (points.size() < 2) {
        body = tag("p", text(words(rules, "report_only_check")));
    } else {
        std::string items;
        for (const auto &change : result.value(result_member::k_changes, Json::array())) {
            items +=
                tag("li",
                    text(words(rules, "report_change",
                               {{"question",
                                 prompt_of(rules, change.value(result_member::k_question, ""))},
                                {"before", answer_words(rules, change[result_member::k_before])},
                                {"since", date_of(change.value(result_member::k_since, ""))},
                                {"after", answer_words(rules, change[result_member::k_after])}})));
        }
        body = items.empty()
                   ? tag("p", text(words(rules, "report_no_change",
                                         {{"date", date_of(points[points.size() - 2].at)}})))
                   : tag("ul", items);
    }
    return section("changes", words(rules, "report_changes_heading"), body);
}

std::string visit_questions_section(const RuleSet &rules) {
    std::string items;
    for (const auto &question : rules.history.visit_questions) {
        items += tag("li", text(question));
    }
    if (items.empty()) {
        return "";
    }
    return section("visit-questions", words(rules, "report_visit_heading"), tag("ol", items));
}

// A pain score as stored: a number, or none.
std::optional<double> score_of(const Json &score) {
    return score.is_number() ? std::optional<double>(score.get<double>()) : std::nullopt;
}

// A check's time and pain score, from saved_check_json.
Point point_of(const Json &saved) {
    return {saved["at"], score_of(saved["pain_score"])};
}

} // namespace

std::string html_escape(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

ReportChecks read_report_checks(const RuleSet &rules, const HistoryStore &store) {
    const int pain = rules.history.pain_score;
    const HistoryStore::Snapshot snapshot(store);
    std::vector<CheckSummary> summaries =
        store.summaries(pain >= 0 ? rules.questions[static_cast<std::size_t>(pain)].id : "");
    std::vector<SavedCheck> last = store.last(2);
    ReportChecks out;
    if (summaries.empty() || last.empty()) {
        return out;
    }
    // The latest two are read in full below; the others as the list reads them.
    for (const auto &summary : summaries) {
        if (summary.id < last.front().id) {
            check_summary(summary, store.path());
            out.points.push_back({summary.at, score_of(summary.pain_score)});
        }
    }
    if (last.size() > 1) {
        out.points.push_back(point_of(saved_check_json(rules, last.front(), store.path())));
        // What changed since the check before that is still saved: a
        // check forgotten in between must not hide a change.
        last.back() = compared_again(rules, last.front(), last.back());
    }
    out.points.push_back(point_of(saved_check_json(rules, last.back(), store.path())));
    out.latest = std::move(last.back());
    return out;
}

std::string render_report(const RuleSet &rules, const std::vector<SavedCheck> &checks,
                          const std::string &store_path, const std::string &printed_on) {
    ReportChecks all;
    for (const auto &check : checks) {
        all.points.push_back(point_of(saved_check_json(rules, check, store_path)));
    }
    all.latest = checks.back();
    return render_report(rules, all, store_path, printed_on);
}

std::string render_report(const RuleSet &rules, const ReportChecks &checks,
                          const std::string &store_path, const std::string &printed_on) {
    const Json latest = saved_check_json(rules, checks.latest, store_path);
    const Json &result = latest["result"];
    const std::vector<Point> &points = checks.points;
    const Source in{rules, points, result, latest["answers"]};
    const Answers answers = answers_from_store_json(rules, checks.latest.answers);
    const std::string first = date_of(points.front().at);
    const std::string last = date_of(points.back().at);
    std::string range =
        points.size() == 1
            ? words(rules, "report_one_check", {{"date", first}})
            : words(rules, "report_checks_range",
                    {{"count", std::to_string(points.size())}, {"first", first}, {"last", last}});
    const std::string title = words(rules, "report_title");
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                      "<title>" +
                      text(title) + ": " + text(last) + "</title>\n<style>" +
                      style_sheet(rules, printed_on) + "</style>\n</head>\n<body>\n";
    // Lines to write on by hand: nothing identifying is stored.
    out += "<header>\n<h1>" + text(title) + "</h1>\n<p class=\"write-in\"><span>" +
           text(words(rules, "report_name_line")) + "</span><span>" +
           text(words(rules, "report_birth_line")) +
           "</span></p>\n<p class=\"meta\" id=\"date-range\">" + text(range) +
           "</p>\n<p class=\"meta\">" +
           text(words(rules, "report_made_by",
                      {{"title",
                        rules.title.empty() ? words(rules, "report_untitled_rules") : rules.title},
                       {"version", latest.value("rules_version", "")}})) +
           "</p>\n</header>\n<main>\n";
    out += summary_section(in);
    out += urgency_section(in);
    out += changes_section(rules, points, result);
    out += warning_signs_section(rules, answers);
    out += figures(rules, answers, points);
    out += causes_section(in);
    out += answers_section(rules, latest["answers"]);
    out += visit_questions_section(rules);
    out += "</main>\n<footer>\n<section id=\"notice\" aria-labelledby=\"notice-title\">\n"
           "<p class=\"notice\"><strong id=\"notice-title\">" +
           text(words(rules, "report_notice_heading")) + "</strong> " +
           text(result.value(result_member::k_notice, rules.notice)) +
           "</p>\n</section>\n</footer>\n</body>\n</html>\n";
    return out;
}

} // namespace sciatica
