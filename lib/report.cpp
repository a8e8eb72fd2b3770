#include "lib/report.hpp"

#include "lib/answers.hpp"
#include "lib/history_answers.hpp"
#include "lib/history_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

namespace sciatica {

namespace {

using Json = nlohmann::ordered_json;

// Black on white, patterns rather than colour alone, so that the page reads
// the same printed in black and white.
const char *const k_style = R"css(
:root { color: #000; background: #fff; }
body { font: 11pt/1.4 "DejaVu Sans", Arial, Helvetica, sans-serif; margin: 0 auto;
  max-width: 50rem; padding: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .3rem; }
h2 { font-size: 1.15rem; border-bottom: 2px solid #000; padding-bottom: .1rem; margin: 1.2rem 0 .5rem; }
h3 { font-size: 1rem; margin: .7rem 0 .2rem; }
p { margin: .3rem 0; }
.write-in { display: flex; gap: 2rem; margin: .4rem 0; }
.write-in span { flex: 1; border-bottom: 1px solid #000; padding-top: 1.2rem; }
.summary { border: 2px solid #000; padding: .4rem .7rem; }
.summary dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .8rem; margin: 0; }
.summary dt { font-weight: bold; }
.summary dd { margin: 0; }
.urgency { border: 3px solid #000; padding: .5rem .7rem; font-weight: bold; font-size: 1.1rem; }
.urgency-emergency, .urgency-urgent { border-width: 6px; border-style: double; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #444; padding: .25rem .4rem; text-align: left; vertical-align: top; }
thead th { background: #e8e8e8; }
td.yes { font-weight: bold; }
td.unknown { font-style: italic; }
.figures { display: flex; gap: 1rem; align-items: flex-start; }
.figures figure:first-child { flex: 0 0 11rem; }
.figures figure:last-child { flex: 1; }
figure { margin: .4rem 0; }
figcaption { font-size: .9rem; margin-top: .2rem; }
svg { max-width: 100%; height: auto; }
.notice { border: 2px solid #000; padding: .5rem .7rem; }
.meta { color: #222; }
.concluded { font-style: italic; }
ul.because { margin: .1rem 0 .4rem; }
ul.answers { columns: 2; column-gap: 1.5rem; padding-left: 1rem; margin: .2rem 0; }
.signs { columns: 2; column-gap: 1rem; }
.signs table { margin-bottom: .4rem; }
.signs caption { text-align: left; font-weight: bold; padding: .2rem 0; }
.signs th[scope=row] { font-weight: normal; }
.signs td { width: 5.5rem; }
#visit-questions ol { columns: 2; column-gap: 1.5rem; margin: .2rem 0; }
ul.answers li { break-inside: avoid; }
@page {
  size: A4; margin: 10mm 12mm 12mm;
  @bottom-left { content: "PRINTED_TEXT"; font: 8pt "DejaVu Sans", Arial, sans-serif; }
  @bottom-right { content: "PAGE_WORD " counter(page) " / " counter(pages);
    font: 8pt "DejaVu Sans", Arial, sans-serif; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 9pt; line-height: 1.25; }
  h1 { font-size: 14pt; }
  h2 { font-size: 11pt; margin: .7rem 0 .3rem; }
  h3 { font-size: 9.5pt; margin: .4rem 0 .1rem; }
  table { font-size: 8.5pt; }
  th, td { padding: .1rem .3rem; }
  figure, tr, .summary, .urgency { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  thead { display: table-header-group; }
  .figures svg { max-height: 34mm; }
  ul.because { padding-left: 1rem; margin: 0 0 .3rem; }
  ul.because li { display: inline; }
  ul.because li + li::before { content: "; "; }
  .figures figure:first-child { flex-basis: 8rem; }
  .meta { font-size: 8pt; }
  .signs table { font-size: 8pt; }
}
)css";

// The rule set's sentence `key` (texts:), with each {name} in `values`
// filled in. Not escaped: text() does that where it is written.
std::string words(const RuleSet &rules, std::string_view key,
                  std::initializer_list<std::pair<const char *, std::string>> values = {}) {
    std::string out = text_of(rules.texts, key);
    for (const auto &[name, value] : values) {
        const std::string placeholder = std::string("{") + name + "}";
        for (auto at = out.find(placeholder); at != std::string::npos;
             at = out.find(placeholder, at + value.size())) {
            out.replace(at, placeholder.size(), value);
        }
    }
    return out;
}

// `value` as a CSS string's contents: for the page's margin boxes.
std::string css_string(const std::string &value) {
    std::string out;
    for (char c : value) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '<' || c == '\n' || c == '\r') {
            out += c == '<' ? "\\3C " : " "; // never "</style>"
        } else {
            out += c;
        }
    }
    return out;
}

std::string style_sheet(const RuleSet &rules, const std::string &printed_on) {
    std::string style = k_style;
    const std::string printed =
        printed_on.empty() ? "" : words(rules, "report_printed") + " " + printed_on;
    for (const auto &[placeholder, value] :
         {std::pair<std::string, std::string>{"PRINTED_TEXT", printed},
          {"PAGE_WORD", words(rules, "report_page")}}) {
        style.replace(style.find(placeholder), placeholder.size(), css_string(value));
    }
    return style;
}

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
std::string answer_words(const RuleSet &rules, const Json &value) {
    if (value.is_null()) {
        return words(rules, "report_not_answered");
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

// What the report draws from: the rule set, the saved checks as JSON, and
// the person's own answers at the latest check (what they said, as opposed
// to what the tool concluded).
struct Source {
    const RuleSet &rules;
    const std::vector<Json> &checks;
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
    for (const auto &change : in.result.value("changes", Json::array())) {
        for (const auto &watch : rules.history.watch) {
            int changed = rules.question_index(change.value("question", ""));
            if (watch.question == changed && watch.implies == rules.question_index(id)) {
                return words(rules, "report_new_since",
                             {{"date", date_of(change.value("since", ""))}});
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
        const std::string id = entry.value("question", "");
        const std::string said = text(prompt_of(in.rules, id)) + " <strong>" +
                                 text(answer_words(in.rules, entry["answer"])) + "</strong>";
        const std::string why = concluded_because(in, id, entry["answer"]);
        items += why.empty()
                     ? tag("li", said)
                     : tag("li",
                           text(words(in.rules, "report_concluded",
                                      {{"conclusion", prompt_of(in.rules, id) + " " +
                                                          answer_words(in.rules, entry["answer"])},
                                       {"why", why}})),
                           "class=\"concluded\"");
    }
    return tag("ul", items, "class=\"because\"");
}

std::string section(const char *id, const std::string &title, const std::string &body) {
    return std::string("<section id=\"") + id + "\" aria-labelledby=\"" + id + "-title\">\n" +
           "<h2 id=\"" + id + "-title\">" + text(title) + "</h2>\n" + body + "</section>\n";
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
    if (in.result.value("screen_complete", true) != false) {
        return out;
    }
    auto add = [&out](const std::string &name) {
        if (std::find(out.begin(), out.end(), name) == out.end()) {
            out.push_back(name);
        }
    };
    std::vector<std::string> open;
    for (const auto &id : in.result.value("not_ruled_out", Json::array())) {
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
    for (const auto &flag : in.result.value("red_flags", Json::array())) {
        reported.push_back(flag.value("name", ""));
    }
    const std::vector<std::string> open = open_families(in);
    std::vector<std::string> causes;
    for (const auto &cause : in.result.value("causes", Json::array())) {
        if (causes.size() < static_cast<std::size_t>(rules.leading_causes)) {
            causes.push_back(cause.value("name", ""));
        }
    }
    std::string trend = words(rules, "report_trend_one");
    const Json *first = nullptr;
    for (const auto &check : in.checks) {
        first = first == nullptr && check["pain_score"].is_number() ? &check : first;
    }
    const Json &latest = in.checks.back();
    if (in.checks.size() > 1 && first != nullptr && first != &latest &&
        latest["pain_score"].is_number()) {
        trend = words(rules, "report_trend",
                      {{"first", number_text((*first)["pain_score"].get<double>())},
                       {"from", date_of((*first)["at"])},
                       {"latest", number_text(latest["pain_score"].get<double>())},
                       {"to", date_of(latest["at"])}});
    }
    auto row = [&rules](const char *key, const std::string &value) {
        return "<dt>" + text(words(rules, key)) + "</dt><dd>" + text(value) + "</dd>\n";
    };
    std::string list = row("report_summary_urgency", in.result.value("urgency_name", "")) +
                       row("report_summary_signs", joined(reported, none)) +
                       row("report_summary_not_ruled_out", joined(open, none)) +
                       row("report_summary_causes", joined(causes, none)) +
                       row("report_summary_trend", trend) +
                       row("report_summary_latest", date_of(latest["at"]));
    return section("summary", words(rules, "report_summary_heading"),
                   "<div class=\"summary\">\n<dl>\n" + list + "</dl>\n</div>\n");
}

std::string urgency_section(const Source &in) {
    const RuleSet &rules = in.rules;
    const Json &result = in.result;
    const std::string urgency = result.value("urgency", "");
    std::string body = "<p class=\"urgency urgency-" + text(urgency) + "\">" +
                       text(result.value("urgency_name", urgency)) + "</p>\n" +
                       tag("p", text(result.value("urgency_advice", "")));
    std::string why;
    for (const char *list : {"red_flags", "urgency_rules"}) {
        for (const auto &rule : result.value(list, Json::array())) {
            why += tag("h3", text(rule.value("name", ""))) +
                   tag("p", text(rule.value("advice", ""))) + because_list(in, rule["because"]);
        }
    }
    if (result.value("screen_complete", true) == false) {
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
    for (const auto &cause : in.result.value("causes", Json::array())) {
        body += tag("h3", text(cause.value("name", ""))) +
                tag("p", text(cause.value("summary", "")) + " " +
                             text(words(in.rules, "report_causes_because"))) +
                because_list(in, cause["because"]);
    }
    if (body.empty()) {
        body = tag("p", text(words(in.rules, "report_no_causes")));
    }
    return section("causes", in.rules.texts.causes_heading, body);
}

// Which regions hurt, from the rule set's history.body_map.
struct Regions {
    bool back = false, buttock = false, leg = false, below_knee = false;
    bool left = true, right = true; // the side; both when unknown
    std::string side_words;
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
    out.side_words = words(rules, "report_body_side_unknown");
    if (map.side >= 0 && answers[static_cast<std::size_t>(map.side)]) {
        const Question &side = rules.questions[static_cast<std::size_t>(map.side)];
        std::string name = answer_text(side, *answers[static_cast<std::size_t>(map.side)]);
        out.left = name != "right";
        out.right = name != "left";
        out.side_words = name == "both" ? words(rules, "report_body_both_sides")
                                        : words(rules, "report_body_side", {{"side", name}});
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

std::string body_figure(const RuleSet &rules, const Answers &answers) {
    Regions r = regions_of(rules, answers);
    std::vector<std::string> marked;
    for (const auto &[hurts, key] : {std::pair<bool, const char *>{r.back, "report_body_back"},
                                     {r.buttock, "report_body_buttock"},
                                     {r.leg, "report_body_leg"},
                                     {r.below_knee, "report_body_below_knee"}}) {
        if (hurts) {
            marked.push_back(words(rules, key));
        }
    }
    std::string where;
    const std::string and_word = " " + words(rules, "report_body_and") + " ";
    for (std::size_t i = 0; i < marked.size(); ++i) {
        where += (i == 0 ? "" : i + 1 == marked.size() ? and_word : ", ") + marked[i];
    }
    std::string description = marked.empty() ? words(rules, "report_body_none")
                                             : words(rules, "report_body_marked",
                                                     {{"where", where}, {"side", r.side_words}});
    // Seen from behind: the person's left is on the left of the picture.
    std::string svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 240 420\" width=\"240\" "
        "height=\"420\" role=\"img\" aria-labelledby=\"body-svg-title body-svg-desc\">\n"
        "<title id=\"body-svg-title\">" +
        text(words(rules, "report_body_heading")) + "</title>\n<desc id=\"body-svg-desc\">" +
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
           "<text x=\"20\" y=\"200\" font-size=\"14\">" +
           text(words(rules, "report_body_left")) +
           "</text>\n"
           "<text x=\"182\" y=\"200\" font-size=\"14\">" +
           text(words(rules, "report_body_right")) +
           "</text>\n"
           "<text x=\"120\" y=\"416\" font-size=\"11\" text-anchor=\"middle\">" +
           text(words(rules, "report_body_legend")) + "</text>\n</svg>\n";
    return "<figure>\n" + svg + tag("figcaption", text(description)) + "</figure>\n";
}

std::string chart_figure(const RuleSet &rules, const std::vector<Json> &checks) {
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
        return tag("p", text(words(rules, "report_no_pain_score")));
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
    // "At the latest check" only when the latest check has a score: an
    // earlier check's score is said with its own date.
    const bool latest_scored = points.back().first + 1 == checks.size();
    std::string description =
        words(rules, latest_scored ? "report_chart_description" : "report_chart_latest_missing",
              {{"low", number_text(low)},
               {"high", number_text(high)},
               {"count", std::to_string(points.size())},
               {"checks", std::to_string(checks.size())},
               {"from", date_of(checks.front()["at"])},
               {"to", date_of(checks.back()["at"])},
               {"first", number_text(points.front().second)},
               {"latest", number_text(points.back().second)},
               {"latest_date", date_of(checks[points.back().first]["at"])},
               {"lowest", number_text(min_score)},
               {"highest", number_text(max_score)}});
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
        "<title id=\"chart-svg-title\">" +
        text(words(rules, "report_chart_title")) +
        "</title>\n"
        "<desc id=\"chart-svg-desc\">" +
        text(description) + "</desc>\n" + grid +
        "<polyline fill=\"none\" stroke=\"#000\" stroke-width=\"2.5\" points=\"" + polyline +
        "\"/>\n" + dots + "<text x=\"" + number_text(left) + "\" y=\"208\" font-size=\"12\">" +
        text(date_of(checks.front()["at"])) + "</text>\n<text x=\"" + number_text(right) +
        "\" y=\"208\" font-size=\"12\" text-anchor=\"end\">" + text(date_of(checks.back()["at"])) +
        "</text>\n</svg>\n";
    return "<figure>\n" + svg + tag("figcaption", text(description)) + "</figure>\n";
}

// Where it hurts and the pain score, side by side.
std::string figures(const RuleSet &rules, const Answers &answers, const std::vector<Json> &checks) {
    return "<div class=\"figures\">\n" +
           section("body-map", words(rules, "report_body_heading"), body_figure(rules, answers)) +
           section("pain-chart", words(rules, "report_chart_heading"),
                   chart_figure(rules, checks)) +
           "</div>\n";
}

std::string changes_section(const RuleSet &rules, const std::vector<Json> &checks) {
    std::string body;
    if (checks.size() < 2) {
        body = tag("p", text(words(rules, "report_only_check")));
    } else {
        const Json &result = checks.back()["result"];
        std::string items;
        for (const auto &change : result.value("changes", Json::array())) {
            items +=
                tag("li", text(words(rules, "report_change",
                                     {{"question", prompt_of(rules, change.value("question", ""))},
                                      {"before", answer_words(rules, change["before"])},
                                      {"since", date_of(change.value("since", ""))},
                                      {"after", answer_words(rules, change["after"])}})));
        }
        body = items.empty()
                   ? tag("p", text(words(rules, "report_no_change",
                                         {{"date", date_of(checks[checks.size() - 2]["at"])}})))
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
                          const std::string &store_path, const std::string &printed_on) {
    std::vector<Json> saved;
    for (const auto &check : checks) {
        saved.push_back(saved_check_json(rules, check, store_path));
    }
    const Json &latest = saved.back();
    const Json &result = latest["result"];
    const Source in{rules, saved, result, latest["answers"]};
    const Answers answers = answers_from_store_json(rules, checks.back().answers);
    const std::string first = date_of(saved.front()["at"]);
    const std::string last = date_of(latest["at"]);
    std::string range =
        saved.size() == 1
            ? words(rules, "report_one_check", {{"date", first}})
            : words(rules, "report_checks_range",
                    {{"count", std::to_string(saved.size())}, {"first", first}, {"last", last}});
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
                      {{"title", rules.title.empty() ? "its rule set" : rules.title},
                       {"version", latest.value("rules_version", "")}})) +
           "</p>\n</header>\n<main>\n";
    out += summary_section(in);
    out += urgency_section(in);
    out += changes_section(rules, saved);
    out += warning_signs_section(rules, answers);
    out += figures(rules, answers, saved);
    out += causes_section(in);
    out += answers_section(rules, latest["answers"]);
    out += visit_questions_section(rules);
    out += "</main>\n<footer>\n<section id=\"notice\" aria-labelledby=\"notice-title\">\n"
           "<p class=\"notice\"><strong id=\"notice-title\">" +
           text(words(rules, "report_notice_heading")) + "</strong> " +
           text(result.value("notice", rules.notice)) +
           "</p>\n</section>\n</footer>\n</body>\n</html>\n";
    return out;
}

} // namespace sciatica
