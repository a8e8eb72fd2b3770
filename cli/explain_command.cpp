#include "cli/commands.hpp"
#include "cli/education.hpp"
#include "cli/render_text.hpp"
#include "lib/catalog_json.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <memory>

namespace sciatica::cli {

namespace {

struct ExplainOptions : EducationOptions {
    std::string cause;
};

std::string explain_text(const RuleSet &rules, const Cause &cause, const TextStyle &style) {
    std::string out = render_heading(cause.name + " (" + cause.id + ")", style);
    out += flow(style, cause.description, "", "");
    out += "\n" + render_heading(rules.texts.signs_heading, style);
    out += bullet_list(cause.signs, style, "  ");
    out += "\n" + render_heading(rules.texts.diagnosis_heading, style);
    out += flow(style, cause.diagnosis, "  ", "  ");
    out += "\n" + render_heading(rules.texts.usual_urgency_heading, style);
    out += flow(style, rules.urgencies[static_cast<std::size_t>(cause.usual_urgency)].name, "  ",
                "  ");
    out += "\n" +
           flow(style, text_with(rules.texts, "source_line", {{"source", cause.source}}), "", "");
    return out;
}

// A warning sign (red flag) or urgency rule: what it means and what to do.
std::string rule_text(const RuleSet &rules, const UrgencyRule &rule, const TextStyle &style) {
    const UrgencyLevel &level = rules.urgencies[static_cast<std::size_t>(rule.urgency)];
    std::string out = render_heading(rule.name + " (" + rule.id + ")", style);
    out += render_banner(rules, level, rule.urgency, static_cast<int>(rules.urgencies.size()), style);
    out += flow(style, rule.advice, "", "");
    out += "\n" + flow(style, level.advice, "", "");
    if (!rule.source.empty()) {
        out += "\n" + flow(style, text_with(rules.texts, "source_line", {{"source", rule.source}}),
                           "", "");
    }
    return out;
}

} // namespace

void add_explain_command(CLI::App &app, Context &context) {
    auto options = std::make_shared<ExplainOptions>();
    CLI::App &command = add_education_command(
        app, context, "explain",
        "Explain a cause (or a warning sign): what it is, its signs, how it is diagnosed, "
        "how urgent",
        options, [options](const RuleSet &rules) {
            Explained found = find_explained(rules, options->cause);
            if (found.rule != nullptr) {
                const UrgencyRule &rule = *found.rule;
                return Shown{rule_json(rules, rule), [&rules, &rule](const TextStyle &style) {
                                 return rule_text(rules, rule, style);
                             }};
            }
            const Cause &cause = *found.cause;
            return Shown{cause_json(rules, cause), [&rules, &cause](const TextStyle &style) {
                             return explain_text(rules, cause, style);
                         }};
        });
    command
        .add_option("CAUSE", options->cause,
                    "A cause's id or name, as 'sciatica causes' lists them, or a warning sign's id")
        ->type_name("CAUSE")
        ->required();
    command.footer("Examples:\n  sciatica explain piriformis-syndrome\n  sciatica explain \"Spinal "
                   "stenosis\"\n  sciatica explain cauda-equina");
}

} // namespace sciatica::cli
