#pragma once

// The pieces lib/report.cpp and lib/report_figures.cpp build the visit
// report from: the style sheet, HTML tags, and the rule set's sentences.
// Internal to the report; nothing else includes it.

#include "lib/rules.hpp"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace sciatica::report_html {

using Json = nlohmann::ordered_json;

// The rule set's sentence `key` (texts:), with each {name} in `values`
// filled in. Not escaped: text() does that where it is written.
std::string words(const RuleSet &rules, std::string_view key,
                  std::initializer_list<std::pair<const char *, std::string>> values = {});

// The report's CSS: black on white, for screen and for A4 print, each
// printed page numbered ("Page 1 / 2", the rule set's report_page) and,
// when `printed_on` is not empty, dated ("Printed 2026-12-02").
std::string style_sheet(const RuleSet &rules, const std::string &printed_on);

// <name attributes>html</name> and a newline; `html` is written as is.
std::string tag(const char *name, const std::string &html, const std::string &attributes = "");

// `value` HTML-escaped.
std::string text(const std::string &value);

// A stored answer in plain words: yes, no, the choice or number, or the
// rule set's report_not_answered for null.
std::string answer_words(const RuleSet &rules, const Json &value);

// The prompt of question `id`, or `id` itself when the rule set has none.
std::string prompt_of(const RuleSet &rules, const std::string &id);

// "2026-11-20 09:00" for a stored ISO 8601 time.
std::string date_of(const std::string &at);

// <section id=`id`> with an <h2> `title` (escaped) and `body`.
std::string section(const char *id, const std::string &title, const std::string &body);

} // namespace sciatica::report_html
