#include "cli/commands.hpp"
#include "cli/education.hpp"
#include "cli/render_text.hpp"
#include "lib/answers.hpp"
#include "lib/catalog_json.hpp"
#include "lib/fhir.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <memory>

namespace sciatica::cli {

namespace {

std::string questions_text(const RuleSet &rules, const TextStyle &style) {
    std::string out = render_heading(text_of(rules.texts, "questions_list_heading"), style);
    for (const auto &question : rules.questions) {
        out += entry_text(style, question.id + " (" + answer_hint(question) + ")",
                          {question.prompt});
    }
    return out;
}

} // namespace

void add_questions_command(CLI::App &app, Context &context) {
    auto options = std::make_shared<EducationOptions>();
    add_education_command(app, context, "questions",
                          "Every question's id, type, allowed values and prompt", options,
                          [options](const RuleSet &rules) {
                              if (options->format == "fhir") {
                                  return Shown{fhir_questionnaire(rules), nullptr};
                              }
                              return Shown{questions_json(rules), [&rules](const TextStyle &style) {
                                               return questions_text(rules, style);
                                           }};
                          },
                          {"text", "json", "fhir"})
        .footer("--format fhir prints the questions as a FHIR R4 Questionnaire (docs/fhir.md).\n"
                "Example:\n  sciatica questions --format json | jq -r '.questions[].id'");
}

} // namespace sciatica::cli
