#include "cli/commands.hpp"
#include "cli/education.hpp"
#include "cli/render_text.hpp"
#include "lib/catalog_json.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <memory>
#include <sstream>

namespace sciatica::cli {

namespace {

struct AboutOptions : EducationOptions {
    bool ascii = false;
};

// The figure as the rule set draws it, each line indented; empty when the
// rule set has none.
std::string figure_text(const About &about, bool unicode) {
    const std::string &figure =
        unicode && !about.figure_unicode.empty() ? about.figure_unicode : about.figure_ascii;
    std::string out;
    std::istringstream lines(figure);
    for (std::string line; std::getline(lines, line);) {
        out += (line.empty() ? "" : "  " + line) + "\n";
    }
    return out.empty() ? out : "\n" + out;
}

std::string section(const std::string &heading, const TextStyle &style) {
    return "\n" + wrap_painted(style, k_bold, heading, "", "");
}

std::string about_text(const RuleSet &rules, bool unicode, const TextStyle &style) {
    const About &about = find_about(rules);
    std::string out = render_heading(about.name, style);
    auto heading = [&](const char *key) { return section(text_of(rules.texts, key), style); };
    out += heading("about_what_it_is_heading") + flow(style, about.what_it_is, "  ", "  ");
    out += heading("about_nerve_path_heading") + flow(style, about.nerve_path, "  ", "  ");
    out += figure_text(about, unicode && !style.plain);
    out += heading("about_symptoms_heading") + bullet_list(about.symptoms, style, "  ");
    out += heading("about_diagnosis_heading") + flow(style, about.diagnosis, "  ", "  ");
    out +=
        "\n" + wrap_painted(style, k_red, text_of(rules.texts, "about_get_help_heading"), "", "");
    for (const auto &group : about.get_help_now) {
        out += flow(style, group.advice, "  ", "  ");
        out += bullet_list(group.signs, style, "    ");
    }
    out += "\n" +
           flow(style, text_with(rules.texts, "source_line", {{"source", about.source}}), "", "");
    out += "\n" + flow(style, text_of(rules.texts, "about_more"), "", "");
    return out;
}

} // namespace

void add_about_command(CLI::App &app, Context &context) {
    auto options = std::make_shared<AboutOptions>();
    CLI::App &command = add_education_command(
        app, context, "about",
        "What sciatica is, where the nerve runs, its symptoms and how it is diagnosed", options,
        [options](const RuleSet &rules) {
            // Plain text (--plain, TERM=dumb) draws it in ASCII too.
            bool unicode = !options->ascii && unicode_wanted();
            return Shown{about_json(rules), [&rules, unicode](const TextStyle &style) {
                             return about_text(rules, unicode, style);
                         }};
        });
    command.add_flag("--ascii", options->ascii,
                     "Draw the figure with ASCII characters only (also without a UTF-8 locale)");
    command.footer("Example:\n  sciatica about");
}

} // namespace sciatica::cli
