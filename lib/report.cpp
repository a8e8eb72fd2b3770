#include "lib/report.hpp"

#include "lib/answers.hpp"
#include "lib/history_json.hpp"
#include "lib/history_answers.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <set>

namespace sciatica {

namespace {

using Json = nlohmann::ordered_json;

// Black on white, patterns rather than colour alone, so that the page reads
// the same printed in black and white.
const char *const k_style = R"css(
:root { color: #000; background: #fff; }
body { font: 11pt/1.45 "DejaVu Sans", Arial, Helvetica, sans-serif; margin: 0 auto;
  max-width: 50rem; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.2rem; border-bottom: 2px solid #000; padding-bottom: .15rem; margin: 1.6rem 0 .6rem; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
.urgency { border: 3px solid #000; padding: .6rem .8rem; font-weight: bold; font-size: 1.15rem; }
.urgency-emergency, .urgency-urgent { border-width: 6px; border-style: double; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #444; padding: .3rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #e8e8e8; }
td.yes { font-weight: bold; }
td.unknown { font-style: italic; }
figure { margin: .5rem 0; }
figcaption { font-size: .95rem; margin-top: .3rem; }
svg { max-width: 100%; height: auto; }
.notice { border: 2px solid #000; padding: .6rem .8rem; }
.meta { color: #222; }
ul.because { margin: .2rem 0 .6rem; }
@page { margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  table { font-size: 9pt; }
  th, td { padding: .15rem .35rem; }
  section, figure, tr { break-inside: avoid; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
}
)css";

std::string tag(const char *name, const std::string &html, const std::string &attributes = "") {
    return std::string("<") + name + (attributes.empty() ? "" : " " + attributes) + ">" + html +
           "</" + name + ">\n";
}

std::string text(const std::string &value) {
    return html_escape(value);
}

std::string number_text(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

// A stored answer in plain words.
std::string answer_words(const Json &value) {
    if (value.is_null()) {
        return "not answered";
    }
    if (value.is_boolean()) {
        return value.get<bool>() ? "yes" : "no";
    }
    if (value.is_string()) {
        return value.get<std::string>();
    }
    return value.is_number() ? number_text(value.get<double>()) : value.dump();
}

std::string prompt_of(const RuleSet &rules, const std::string &id) {
    int index = rules.question_index(id);
    return index < 0 ? id : rules.questions[static_cast<std::size_t>(index)].prompt;
}

std::string date_of(const std::string &at) {
    return at.size() >= 16 ? at.substr(0, 10) + " " + at.substr(11, 5) : at;
}

// "Because you said: ..." as a list of the answers behind a conclusion.
std::string because_list(const RuleSet &rules, const Json &because) {
    if (!because.is_array() || because.empty()) {
        return "";
    }
    std::string items;
    for (const auto &entry : because) {
        items += tag("li", text(prompt_of(rules, entry.value("question", ""))) + " <strong>" +
                               text(answer_words(entry["answer"])) + "</strong>");
    }
    return tag("ul", items, "class=\"because\"");
}

std::string section(const char *id, const std::string &title, const std::string &body) {
    return std::string("<section id=\"") + id + "\" aria-labelledby=\"" + id + "-title\">\n" +
           "<h2 id=\"" + id + "-title\">" + text(title) + "</h2>\n" + body + "</section>\n";
}

std::string urgency_section(const RuleSet &rules, const Json &result) {
    const std::string urgency = result.value("urgency", "");
    std::string body = "<p class=\"urgency urgency-" + text(urgency) + "\">" +
                       text(result.value("urgency_name", urgency)) + "</p>\n" +
                       tag("p", text(result.value("urgency_advice", "")));
    std::string why;
    for (const char *list : {"red_flags", "urgency_rules"}) {
        for (const auto &rule : result.value(list, Json::array())) {
            why += tag("h3", text(rule.value("name", ""))) +
                   tag("p", text(rule.value("advice", ""))) + because_list(rules, rule["because"]);
        }
    }
    if (result.value("screen_complete", true) == false) {
        // Warning signs neither confirmed nor ruled out: never reassurance.
        std::string names;
        for (const auto &id : result.value("not_ruled_out", Json::array())) {
            std::string name = id.get<std::string>();
            for (const auto &flag : rules.red_flags) {
                name = flag.id == id.get<std::string>() ? flag.name : name;
            }
            names += tag("li", text(name));
        }
        why += tag("h3", text(rules.incomplete_screen.name)) +
               tag("p", text(rules.incomplete_screen.advice)) + tag("ul", names);
    }
    if (why.empty()) {
        why = tag("p", "No warning sign or other reason for urgency was found in the answers.");
    }
    return section("urgency", "How urgent it is, and why", body + why);
}

std::string warning_signs_section(const RuleSet &rules, const Answers &answers) {
    // Each question a red flag reads, with the signs it screens for.
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
    // Where it hurts has its own figure; the table keeps to the signs.
    const BodyMap &map = rules.history.body;
    for (int q : {map.back, map.buttock, map.leg, map.below_knee, map.side}) {
        if (q >= 0) {
            signs[static_cast<std::size_t>(q)].clear();
        }
    }
    std::string rows;
    for (std::size_t q = 0; q < rules.questions.size(); ++q) {
        if (signs[q].empty()) {
            continue;
        }
        const Question &question = rules.questions[q];
        std::string answer = "not answered";
        std::string cls = "unknown";
        if (answers[q]) {
            answer = answer_text(question, *answers[q]);
            cls = question.type == QuestionType::yes_no && *answers[q] != 0 ? "yes" : "answered";
        }
        std::string names;
        for (std::size_t i = 0; i < signs[q].size(); ++i) {
            names += (i ? "; " : "") + text(signs[q][i]);
        }
        rows += "<tr><th scope=\"row\">" + text(question.prompt) + "</th><td class=\"" + cls +
                "\">" + text(answer) + "</td><td>" + names + "</td></tr>\n";
    }
    std::string table =
        "<table>\n<caption>Each warning-sign question at the latest check: yes, "
        "no, or not answered. A sign not answered is not ruled out.</caption>\n"
        "<thead><tr><th scope=\"col\">Question</th><th scope=\"col\">Answer</th>"
        "<th scope=\"col\">Warning sign it screens for</th></tr></thead>\n<tbody>\n" +
        rows + "</tbody>\n</table>\n";
    return section("warning-signs", "Warning signs", table);
}

std::string answers_section(const RuleSet &rules, const Json &stored) {
    std::string rows;
    int unanswered = 0;
    for (const auto &[id, value] : stored.items()) {
        if (value.is_null()) {
            ++unanswered;
            continue;
        }
        rows += "<tr><th scope=\"row\">" + text(prompt_of(rules, id)) + "</th><td>" +
                text(answer_words(value)) + "</td></tr>\n";
    }
    std::string body = rows.empty() ? tag("p", "No question was answered.")
                                    : "<table>\n<thead><tr><th scope=\"col\">Question</th><th "
                                      "scope=\"col\">Answer</th></tr></thead>\n<tbody>\n" +
                                          rows + "</tbody>\n</table>\n";
    if (unanswered > 0) {
        body += tag("p", std::to_string(unanswered) +
                             " other questions were not answered; the warning-sign table shows "
                             "those that matter for safety.");
    }
    return section("answers", "Every answer at the latest check", body);
}

std::string causes_section(const RuleSet &rules, const Json &result) {
    std::string body;
    for (const auto &cause : result.value("causes", Json::array())) {
        body += tag("h3", text(cause.value("name", ""))) +
                tag("p", text(cause.value("summary", ""))) + tag("p", "The answers behind it:") +
                because_list(rules, cause["because"]);
    }
    if (body.empty()) {
        body = tag("p", "No possible cause was suggested by the answers.");
    }
    return section("causes", "Possible causes (not a diagnosis)", body);
}

// Which regions hurt, from the rule set's history.body_map.
struct Regions {
    bool back = false, buttock = false, leg = false, below_knee = false;
    bool left = true, right = true; // the side; both when unknown
    std::string side_words = "side not answered";
};

Regions regions_of(const RuleSet &rules, const Answers &answers) {
    const BodyMap &map = rules.history.body;
    auto yes = [&answers](int q) {
        return q >= 0 && answers[static_cast<std::size_t>(q)] &&
               *answers[static_cast<std::size_t>(q)] != 0;
    };
    Regions out;
    out.back = yes(map.back);
    out.buttock = yes(map.buttock);
    out.leg = yes(map.leg);
    out.below_knee = yes(map.below_knee);
    if (map.side >= 0 && answers[static_cast<std::size_t>(map.side)]) {
        const Question &side = rules.questions[static_cast<std::size_t>(map.side)];
        std::string name = answer_text(side, *answers[static_cast<std::size_t>(map.side)]);
        out.left = name != "right";
        out.right = name != "left";
        out.side_words = name + (name == "both" ? " sides" : " side");
    }
    return out;
}

std::string shape(const std::string &element, bool marked) {
    return "<" + element +
           (marked ? " class=\"pain\" fill=\"url(#hatch)\" stroke=\"#000\" "
                     "stroke-width=\"3\""
                   : " fill=\"#fff\" stroke=\"#555\" stroke-width=\"1.5\"") +
           "/>\n";
}

std::string body_section(const RuleSet &rules, const Answers &answers) {
    Regions r = regions_of(rules, answers);
    std::vector<std::string> marked;
    if (r.back) {
        marked.push_back("lower back");
    }
    if (r.buttock) {
        marked.push_back("buttock");
    }
    if (r.leg) {
        marked.push_back("thigh");
    }
    if (r.below_knee) {
        marked.push_back("below the knee");
    }
    std::string where;
    for (std::size_t i = 0; i < marked.size(); ++i) {
        where += (i == 0 ? "" : i + 1 == marked.size() ? " and " : ", ") + marked[i];
    }
    std::string description = marked.empty()
                                  ? "No painful area was answered yes at the latest check."
                                  : "Pain marked in the " + where + " (" + r.side_words +
                                        "), over the path of the sciatic nerve, seen from behind.";
    // Seen from behind: the person's left is on the left of the picture.
    std::string svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 240 420\" width=\"240\" "
        "height=\"420\" role=\"img\" aria-labelledby=\"body-svg-title body-svg-desc\">\n"
        "<title id=\"body-svg-title\">Where it hurts</title>\n<desc id=\"body-svg-desc\">" +
        text(description) +
        "</desc>\n<defs><pattern id=\"hatch\" width=\"8\" height=\"8\" "
        "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"8\" "
        "height=\"8\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#000\" "
        "stroke-width=\"4\"/></pattern></defs>\n"
        "<circle cx=\"120\" cy=\"30\" r=\"22\" fill=\"#fff\" stroke=\"#555\" "
        "stroke-width=\"1.5\"/>\n"
        "<rect x=\"82\" y=\"56\" width=\"76\" height=\"80\" rx=\"12\" fill=\"#fff\" "
        "stroke=\"#555\" "
        "stroke-width=\"1.5\"/>\n";
    svg += shape("rect x=\"86\" y=\"136\" width=\"68\" height=\"34\" rx=\"6\"", r.back);
    svg += shape("ellipse cx=\"102\" cy=\"190\" rx=\"20\" ry=\"20\"", r.buttock && r.left);
    svg += shape("ellipse cx=\"138\" cy=\"190\" rx=\"20\" ry=\"20\"", r.buttock && r.right);
    svg += shape("rect x=\"84\" y=\"212\" width=\"32\" height=\"88\" rx=\"10\"", r.leg && r.left);
    svg += shape("rect x=\"124\" y=\"212\" width=\"32\" height=\"88\" rx=\"10\"", r.leg && r.right);
    svg += shape("rect x=\"86\" y=\"304\" width=\"28\" height=\"96\" rx=\"10\"",
                 r.below_knee && r.left);
    svg += shape("rect x=\"126\" y=\"304\" width=\"28\" height=\"96\" rx=\"10\"",
                 r.below_knee && r.right);
    // The sciatic nerve: from the lower spine through the buttock down the
    // back of the thigh, dividing above the knee.
    svg += "<g fill=\"none\" stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"5 3\">\n"
           "<path d=\"M114 150 C108 175 100 190 100 215 L100 300 L96 395 M100 300 L106 395\"/>\n"
           "<path d=\"M126 150 C132 175 140 190 140 215 L140 300 L136 395 M140 300 L146 395\"/>\n"
           "</g>\n"
           "<text x=\"20\" y=\"200\" font-size=\"14\">Left</text>\n"
           "<text x=\"182\" y=\"200\" font-size=\"14\">Right</text>\n"
           "<text x=\"120\" y=\"416\" font-size=\"11\" text-anchor=\"middle\">Seen from behind; "
           "dashes: sciatic nerve</text>\n</svg>\n";
    std::string body = "<figure>\n" + svg + tag("figcaption", text(description)) + "</figure>\n";
    return section("body-map", "Where it hurts", body);
}

std::string chart_section(const RuleSet &rules, const std::vector<Json> &checks) {
    double low = 0;
    double high = 10;
    if (rules.history.pain_score >= 0) {
        const Question &q = rules.questions[static_cast<std::size_t>(rules.history.pain_score)];
        low = q.min.value_or(low);
        high = q.max.value_or(high);
    }
    std::vector<std::pair<std::size_t, double>> points;
    for (std::size_t i = 0; i < checks.size(); ++i) {
        if (checks[i]["pain_score"].is_number()) {
            points.emplace_back(i, checks[i]["pain_score"].get<double>());
        }
    }
    if (points.empty() || high <= low) {
        return section("pain-chart", "Pain score over time",
                       tag("p", "No saved check has a pain score."));
    }
    const double left = 40, right = 590, top = 15, bottom = 185;
    auto x_of = [&](std::size_t i) {
        return checks.size() == 1 ? (left + right) / 2
                                  : left + (right - left) * static_cast<double>(i) /
                                               static_cast<double>(checks.size() - 1);
    };
    auto y_of = [&](double v) { return bottom - (bottom - top) * (v - low) / (high - low); };
    double min_score = points.front().second, max_score = min_score;
    std::string polyline;
    std::string dots;
    for (const auto &[i, v] : points) {
        min_score = std::min(min_score, v);
        max_score = std::max(max_score, v);
        polyline += number_text(x_of(i)) + "," + number_text(y_of(v)) + " ";
        if (points.size() <= 60) {
            dots += "<circle cx=\"" + number_text(x_of(i)) + "\" cy=\"" + number_text(y_of(v)) +
                    "\" r=\"4\" fill=\"#000\"/>\n";
        }
    }
    std::string description =
        "Pain score (" + number_text(low) + " to " + number_text(high) + ") at " +
        std::to_string(points.size()) + " of " + std::to_string(checks.size()) +
        " saved checks, from " + date_of(checks.front()["at"]) + " to " +
        date_of(checks.back()["at"]) + ": first " + number_text(points.front().second) +
        ", latest " + number_text(points.back().second) + ", lowest " + number_text(min_score) +
        ", highest " + number_text(max_score) + ".";
    std::string grid;
    for (double v : {low, (low + high) / 2, high}) {
        grid += "<line x1=\"" + number_text(left) + "\" x2=\"" + number_text(right) + "\" y1=\"" +
                number_text(y_of(v)) + "\" y2=\"" + number_text(y_of(v)) +
                "\" stroke=\"#999\" stroke-width=\"1\"/>\n<text x=\"" + number_text(left - 8) +
                "\" y=\"" + number_text(y_of(v) + 4) + "\" font-size=\"12\" text-anchor=\"end\">" +
                number_text(v) + "</text>\n";
    }
    std::string svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 600 215\" width=\"600\" "
        "height=\"215\" role=\"img\" aria-labelledby=\"chart-svg-title chart-svg-desc\">\n"
        "<title id=\"chart-svg-title\">Pain score over the saved checks</title>\n"
        "<desc id=\"chart-svg-desc\">" +
        text(description) + "</desc>\n" + grid +
        "<polyline fill=\"none\" stroke=\"#000\" stroke-width=\"2.5\" points=\"" + polyline +
        "\"/>\n" + dots + "<text x=\"" + number_text(left) + "\" y=\"208\" font-size=\"12\">" +
        text(date_of(checks.front()["at"])) + "</text>\n<text x=\"" + number_text(right) +
        "\" y=\"208\" font-size=\"12\" text-anchor=\"end\">" + text(date_of(checks.back()["at"])) +
        "</text>\n</svg>\n";
    return section("pain-chart", "Pain score over time",
                   "<figure>\n" + svg + tag("figcaption", text(description)) + "</figure>\n");
}

std::string changes_section(const RuleSet &rules, const std::vector<Json> &checks) {
    std::string body;
    if (checks.size() < 2) {
        body = tag("p", "This is the only saved check, so there is nothing to compare with yet.");
    } else {
        const Json &result = checks.back()["result"];
        std::string items;
        for (const auto &change : result.value("changes", Json::array())) {
            items +=
                tag("li", text(prompt_of(rules, change.value("question", ""))) + " was <strong>" +
                              text(answer_words(change["before"])) + "</strong> on " +
                              text(date_of(change.value("since", ""))) + ", now <strong>" +
                              text(answer_words(change["after"])) + "</strong>");
        }
        body = items.empty()
                   ? tag("p", "None of the answers watched for change got worse since the check "
                              "before, on " +
                                  text(date_of(checks[checks.size() - 2]["at"])) + ".")
                   : tag("ul", items);
    }
    return section("changes", "What changed since the previous check", body);
}

std::string visit_questions_section(const RuleSet &rules) {
    std::string items;
    for (const auto &question : rules.history.visit_questions) {
        items += tag("li", text(question));
    }
    if (items.empty()) {
        return "";
    }
    return section("visit-questions", "Questions to ask your practitioner", tag("ol", items));
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

std::string render_report(const RuleSet &rules, const std::vector<SavedCheck> &checks,
                          const std::string &store_path) {
    std::vector<Json> saved;
    for (const auto &check : checks) {
        saved.push_back(saved_check_json(rules, check, store_path));
    }
    const Json &latest = saved.back();
    const Json &result = latest["result"];
    const Answers answers = answers_from_store_json(rules, checks.back().answers);
    const std::string first = date_of(saved.front()["at"]);
    const std::string last = date_of(latest["at"]);
    std::string range = saved.size() == 1
                            ? "One saved check, on " + first + "."
                            : std::to_string(saved.size()) + " saved checks, from " + first +
                                  " to " + last + ". The summary below is of the latest.";

    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                      "<title>Summary for your practitioner: " +
                      text(last) + "</title>\n<style>" + k_style + "</style>\n</head>\n<body>\n";
    out +=
        "<header>\n<h1>Summary for your practitioner</h1>\n<p class=\"meta\" id=\"date-range\">" +
        text(range) + "</p>\n<p class=\"meta\">Made by sciatica from " +
        text(rules.title.empty() ? "its rule set" : rules.title) + " (version " +
        text(latest.value("rules_version", "")) +
        "). It is not a diagnosis; it records what was answered.</p>\n</header>\n<main>\n";
    out += urgency_section(rules, result);
    out += changes_section(rules, saved);
    out += warning_signs_section(rules, answers);
    out += body_section(rules, answers);
    out += chart_section(rules, saved);
    out += causes_section(rules, result);
    out += answers_section(rules, latest["answers"]);
    out += visit_questions_section(rules);
    out += "</main>\n<footer>\n<section id=\"notice\" aria-labelledby=\"notice-title\">\n"
           "<h2 id=\"notice-title\">Please note</h2>\n<p class=\"notice\">" +
           text(result.value("notice", rules.notice)) +
           "</p>\n</section>\n</footer>\n</body>\n</html>\n";
    return out;
}

} // namespace sciatica
