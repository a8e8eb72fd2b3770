#include "cli/commands.hpp"
#include "cli/education.hpp"
#include "cli/render_text.hpp"
#include "lib/catalog_json.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <memory>

namespace sciatica::cli {

namespace {

std::string causes_text(const RuleSet &rules, const TextStyle &style) {
    std::string out = render_heading(rules.texts.causes_list_heading, style);
    for (const auto &cause : rules.causes) {
        out += "\n" + wrap_painted(style, k_bold, cause.name + " (" + cause.id + ")", "  ", "  ");
        out += flow(style, cause.summary, "    ", "    ");
        out += flow(style,
                    rules.texts.usual_urgency_label + " " +
                        rules.urgencies[static_cast<std::size_t>(cause.usual_urgency)].name,
                    "    ", "    ");
    }
    out += "\n" + flow(style, text_of(rules.texts, "causes_more"), "", "");
    return out;
}

} // namespace

void add_causes_command(CLI::App &app, Context &context) {
    add_education_command(app, context, "causes", "List the possible causes, one line each",
                          std::make_shared<EducationOptions>(),
                          [](const RuleSet &rules) {
                              return Shown{causes_json(rules), [&rules](const TextStyle &style) {
                                               return causes_text(rules, style);
                                           }};
                          })
        .footer("Example:\n  sciatica causes --format json");
}

} // namespace sciatica::cli
