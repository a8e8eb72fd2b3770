#include "cli/commands.hpp"
#include "cli/education.hpp"
#include "cli/render_text.hpp"
#include "lib/catalog_json.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <memory>

namespace sciatica::cli {

namespace {

std::string treatments_text(const RuleSet &rules, const TextStyle &style) {
    std::string out = render_heading(rules.texts.treatments_heading, style);
    for (const auto &item : rules.treatments) {
        out += entry_text(
            style, item.name,
            {item.description, text_with(rules.texts, "source_line", {{"source", item.source}})});
    }
    return out;
}

} // namespace

void add_treatments_command(CLI::App &app, Context &context) {
    add_education_command(
        app, context, "treatments", "Treatment options, to discuss with your practitioner",
        std::make_shared<EducationOptions>(),
        [](const RuleSet &rules) {
            return Shown{treatments_json(rules), [&rules](const TextStyle &style) {
                             return treatments_text(rules, style);
                         }};
        })
        .footer("Example:\n  sciatica treatments");
}

} // namespace sciatica::cli
