#include "lib/report_html.hpp"

#include "lib/report.hpp"
#include "lib/text_util.hpp"

#include <string>

namespace sciatica::report_html {

namespace {

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

} // namespace

// The rule set's sentence `key` (texts:), with each {name} in `values`
// filled in. Not escaped: text() does that where it is written.
std::string words(const RuleSet &rules, std::string_view key,
                  std::initializer_list<std::pair<const char *, std::string>> values) {
    return text_with(rules.texts, key, values);
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

std::string tag(const char *name, const std::string &html, const std::string &attributes) {
    return std::string("<") + name + (attributes.empty() ? "" : " " + attributes) + ">" + html +
           "</" + name + ">\n";
}

std::string text(const std::string &value) {
    return html_escape(value);
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
    return value.is_number() ? format_number(value.get<double>()) : value.dump();
}

std::string prompt_of(const RuleSet &rules, const std::string &id) {
    int index = rules.question_index(id);
    return index < 0 ? id : rules.questions[static_cast<std::size_t>(index)].prompt;
}

std::string date_of(const std::string &at) {
    return at.size() >= 16 ? at.substr(0, 10) + " " + at.substr(11, 5) : at;
}

std::string section(const char *id, const std::string &title, const std::string &body) {
    return std::string("<section id=\"") + id + "\" aria-labelledby=\"" + id + "-title\">\n" +
           "<h2 id=\"" + id + "-title\">" + text(title) + "</h2>\n" + body + "</section>\n";
}

} // namespace sciatica::report_html
