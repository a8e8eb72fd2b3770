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
    out += wrap(cause.description, style.width, "", "");
    out += "\n" + render_heading("Typical signs", style);
    out += bullet_list(cause.signs, style, "  ");
    out += "\n" + render_heading("How it is diagnosed", style);
    out += wrap(cause.diagnosis, style.width, "  ", "  ");
    out += "\n" + render_heading("How urgent it usually is", style);
    out += wrap(rules.urgencies[static_cast<std::size_t>(cause.usual_urgency)].name, style.width,
                "  ", "  ");
    out += "\n" + wrap("Source: " + cause.source, style.width, "", "");
    out += "\n" + wrap(rules.notice, style.width, "", "");
    return out;
}

} // namespace

void add_explain_command(CLI::App &app, Context &context) {
    auto options = std::make_shared<ExplainOptions>();
    CLI::App *command = app.add_subcommand(
        "explain", "Explain one cause: what it is, its signs, how it is diagnosed, how urgent");
    command->add_option("CAUSE", options->cause, "A cause id, as 'sciatica causes' lists them")
        ->type_name("CAUSE")
        ->required();
    add_format_options(*command, *options);
    command->footer("Example:\n  sciatica explain piriformis-syndrome");
    command->callback([&context, options] {
        const RuleSet &rules = context.rules();
        const Cause &cause = find_cause(rules, options->cause);
        print_education(context, *options, cause_json(rules, cause),
                        [&](const TextStyle &style) { return explain_text(rules, cause, style); });
    });
}

} // namespace sciatica::cli
