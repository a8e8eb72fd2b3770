#include "cli/commands.hpp"
#include "cli/education.hpp"
#include "cli/format.hpp"
#include "cli/output.hpp"
#include "cli/render_text.hpp"
#include "lib/answers.hpp"
#include "lib/catalog_json.hpp"
#include "lib/fhir.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <memory>
#include <unistd.h>

namespace sciatica::cli {

namespace {

std::string questions_text(const RuleSet &rules, const TextStyle &style) {
    std::string out = render_heading("Questions (pass answers as --answer ID=VALUE)", style);
    for (const auto &question : rules.questions) {
        out += entry_text(style, question.id + " (" + answer_hint(question) + ")",
                          {question.prompt});
    }
    out += "\n" + wrap(rules.notice, style.width, "", "");
    return out;
}

} // namespace

void add_questions_command(CLI::App &app, Context &context) {
    auto options = std::make_shared<EducationOptions>();
    CLI::App *command =
        app.add_subcommand("questions", "Every question's id, type, allowed values and prompt");
    add_format_options(*command, *options, {"text", "json", "fhir"});
    command->footer("--format fhir prints the questions as a FHIR R4 Questionnaire (docs/fhir.md).\n"
                    "Example:\n  sciatica questions --format json | jq -r '.questions[].id'");
    command->callback([&context, options] {
        const RuleSet &rules = context.rules();
        if (options->format == "fhir") {
            write_stdout(json_text(fhir_questionnaire(rules), context.pretty));
            return;
        }
        print_education(context, *options, questions_json(rules),
                        [&rules](const TextStyle &style) { return questions_text(rules, style); });
    });
}

} // namespace sciatica::cli
