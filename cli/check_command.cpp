#include "cli/commands.hpp"
#include "cli/interview_prompt.hpp"
#include "cli/output.hpp"
#include "cli/render_text.hpp"
#include "lib/answers.hpp"
#include "lib/engine.hpp"
#include "lib/error.hpp"
#include "lib/input.hpp"
#include "lib/limits.hpp"
#include "lib/loader.hpp"
#include "lib/result_json.hpp"

#include <spdlog/spdlog.h>

#include <memory>
#include <unistd.h>

namespace sciatica::cli {

namespace {

struct CheckOptions {
    std::vector<std::string> answer_flags;
    std::string answers_path;
    std::string output_path;
    std::string format = "text";
    bool json = false;
    bool no_input = false;
};

Answers gather_answers(const RuleSet &rules, const CheckOptions &options) {
    Answers answers = no_answers(rules);
    if (!options.answers_path.empty()) {
        bool from_stdin = options.answers_path == "-";
        std::string text =
            from_stdin ? read_descriptor(STDIN_FILENO, k_max_answers_bytes, "<stdin>", "answers")
                       : read_file(options.answers_path, k_max_answers_bytes, "answers");
        answers =
            parse_answers_document(rules, text, from_stdin ? "<stdin>" : options.answers_path);
    }
    // Flags come last: they override the file.
    for (const auto &flag : options.answer_flags) {
        apply_answer_flag(rules, answers, flag);
    }
    return answers;
}

void run_check(Context &context, const CheckOptions &options) {
    const RuleSet &rules = context.rules();
    Answers answers = gather_answers(rules, options);
    // Interview only a person at a terminal whose stdin is not the answers.
    bool interactive =
        !options.no_input && options.answers_path != "-" && isatty(STDIN_FILENO) != 0;
    Result result = interactive
                        ? run_interview(rules, std::move(answers),
                                        style_for(STDERR_FILENO, context.settings.color.value))
                        : evaluate(rules, answers);
    spdlog::debug("urgency {}, {} red flags, {} causes", result.urgency_level().id,
                  result.red_flags.size(), result.causes.size());
    if (options.json || options.format == "json") {
        // Pretty for a person at a terminal, one line for a pipe or a file
        // (the same bytes as `batch` writes).
        if (options.output_path.empty() && isatty(STDOUT_FILENO)) {
            write_stdout(result_to_json(result).dump(2) + "\n");
        } else {
            std::string line;
            ResultWriter(rules).append(result, line);
            write_output(options.output_path, line + "\n");
        }
    } else {
        // A file gets plain text of the usual width, never colour.
        TextStyle style = options.output_path.empty()
                              ? style_for(STDOUT_FILENO, context.settings.color.value)
                              : TextStyle{};
        write_output(options.output_path, render_text(result, style));
    }
}

} // namespace

void add_check_command(CLI::App &app, Context &context) {
    auto options = std::make_shared<CheckOptions>();
    CLI::App *check = app.add_subcommand(
        "check", "Check your answers: urgency, red flags, possible causes and what you can do");
    check
        ->add_option("-a,--answer", options->answer_flags,
                     "An answer as ID=VALUE (repeatable), e.g. --answer leg_pain=yes")
        ->type_name("ID=VALUE");
    check
        ->add_option("--answers", options->answers_path,
                     "A JSON or YAML file of question id to value; - reads standard input")
        ->type_name("FILE")
        ->check(k_not_empty);
    check->add_option("-f,--format", options->format, "Output format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    check->add_flag("--json", options->json, "Same as --format json")->excludes("--format");
    check
        ->add_option("-o,--output", options->output_path,
                     "Write the result to this file (atomically: all or nothing)")
        ->type_name("FILE")
        ->check(k_not_empty);
    check->add_flag("--no-input", options->no_input, "Never prompt; use only the answers given");
    check->footer(
        "At a terminal, check asks the questions that still matter (prompts on standard error):\n"
        "  y/n, a number, or a choice by number or name; ? help; Enter or s: don't know;\n"
        "  b: back. Ctrl-D stops without a result (exit 66); Ctrl-C exits 130.\n"
        "Example:\n  sciatica check --answer leg_pain=yes --answer pain_below_knee=yes "
        "--format json");
    check->callback([&context, options] { run_check(context, *options); });
}

} // namespace sciatica::cli
