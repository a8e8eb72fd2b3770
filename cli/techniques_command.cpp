#include "cli/commands.hpp"
#include "cli/education.hpp"
#include "cli/render_text.hpp"
#include "lib/catalog_json.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <memory>

namespace sciatica::cli {

namespace {

struct TechniquesOptions : EducationOptions {
    std::string technique;
};

std::string when_not(const RuleSet &rules, const Technique &technique, const TextStyle &style) {
    std::vector<std::string> items;
    for (int index : technique.not_at) {
        items.push_back(
            filled_in(rules.texts.withheld_at,
                      {{"urgency", rules.urgencies[static_cast<std::size_t>(index)].name}}));
    }
    items.insert(items.end(), technique.cautions.begin(), technique.cautions.end());
    return wrap_painted(style, k_bold, rules.texts.cautions_heading, "  ", "  ") +
           bullet_list(items, style, "    ");
}

std::string technique_text(const RuleSet &rules, const Technique &technique,
                           const TextStyle &style) {
    std::string out =
        "\n" + wrap_painted(style, k_bold, technique.name + " (" + technique.id + ")", "", "");
    out += flow(style, technique.summary, "  ", "  ");
    out += wrap_painted(style, k_bold, text_of(rules.texts, "steps_heading"), "  ", "  ");
    for (std::size_t i = 0; i < technique.steps.size(); ++i) {
        std::string number = std::to_string(i + 1) + ". ";
        out +=
            flow(style, technique.steps[i], "    " + number, std::string(4 + number.size(), ' '));
    }
    out += when_not(rules, technique, style);
    if (!technique.equipment.empty()) {
        std::string needs;
        for (const auto &item : technique.equipment) {
            needs += (needs.empty() ? "" : ", ") + item;
        }
        out += flow(style, text_with(rules.texts, "equipment_needed", {{"equipment", needs}}), "  ",
                    "  ");
    }
    if (!technique.source.empty()) {
        out += flow(style, text_with(rules.texts, "source_line", {{"source", technique.source}}),
                    "  ", "  ");
    }
    return out;
}

std::string techniques_text(const RuleSet &rules, const Technique *only, const TextStyle &style) {
    std::string out = render_heading(rules.texts.techniques_list_heading, style);
    for (const auto &technique : rules.techniques) {
        if (only == nullptr || only == &technique) {
            out += technique_text(rules, technique, style);
        }
    }
    std::vector<const Equipment *> equipment = equipment_of(rules, only);
    if (!equipment.empty()) {
        out += "\n" + render_heading(rules.texts.equipment_heading, style);
    }
    for (const auto *item : equipment) {
        out += entry_text(
            style, item->name + " (" + item->id + ")",
            {item->description, text_with(rules.texts, "how_to_use", {{"how", item->how_to_use}})});
    }
    return out;
}

} // namespace

void add_techniques_command(CLI::App &app, Context &context) {
    auto options = std::make_shared<TechniquesOptions>();
    CLI::App &command = add_education_command(
        app, context, "techniques",
        "The self-care techniques: steps, when not to use them, and equipment", options,
        [options](const RuleSet &rules) {
            const Technique *only =
                options->technique.empty() ? nullptr : &find_technique(rules, options->technique);
            return Shown{techniques_json(rules, only), [&rules, only](const TextStyle &style) {
                             return techniques_text(rules, only, style);
                         }};
        });
    command.add_option("ID", options->technique, "Show only this technique");
    command.footer("Example:\n  sciatica techniques tennis-ball-massage");
}

} // namespace sciatica::cli
