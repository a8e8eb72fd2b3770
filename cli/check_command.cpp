#include "cli/check_history.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/format.hpp"
#include "cli/interview_prompt.hpp"
#include "cli/output.hpp"
#include "cli/render_text.hpp"
#include "lib/answers.hpp"
#include "lib/answers_document.hpp"
#include "lib/engine.hpp"
#include "lib/error.hpp"
#include "lib/fhir.hpp"
#include "lib/input.hpp"
#include "lib/limits.hpp"
#include "lib/loader.hpp"
#include "lib/result_json.hpp"
#include "lib/text_util.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
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
    std::string subject; // --subject, for --format fhir
    bool no_input = false;
    bool details = false;
    CheckHistory::Flags history;
};

Answers gather_answers(const RuleSet &rules, const CheckOptions &options) {
    Answers answers = no_answers(rules);
    if (!options.answers_path.empty()) {
        std::string text = read_input(options.answers_path, k_max_answers_bytes, "answers");
        answers = parse_answers_document(rules, text, input_name(options.answers_path));
    }
    // Flags come last: they override the file.
    for (const auto &flag : options.answer_flags) {
        apply_answer_flag(rules, answers, flag);
    }
    return answers;
}

void say_on_stderr(const std::string &text) {
    ssize_t ignored = write(STDERR_FILENO, text.data(), text.size());
    (void)ignored;
}

// The result as JSON: indented when `pretty`, else one line (the same bytes
// as `batch` writes).
std::string result_json_text(const RuleSet &rules, const Result &result, bool pretty) {
    std::string line;
    ResultWriter(rules).append(result, line);
    return (pretty ? indent_json(line) : line) + "\n";
}

// `person`: the result ends an interview, so its text has no ids or syntax.
void write_result(Context &context, const CheckOptions &options, const RuleSet &rules,
                  const Result &result, bool person) {
    if (options.format == "fhir") {
        write_output(options.output_path,
                     json_text(fhir_bundle(result, own_answers(result),
                                           fhir_check_now(options.subject)),
                               context.pretty));
    } else if (options.json || options.format == "json") {
        // One line (the same bytes as `batch` writes) unless --pretty.
        write_output(options.output_path, result_json_text(rules, result, context.pretty));
    } else {
        // A file gets text of the usual width, never colour.
        TextStyle style =
            options.output_path.empty()
                ? style_for(STDOUT_FILENO, context.settings.color.value, context.plain)
                : TextStyle{80, false, context.plain || dumb_terminal()};
        write_output(options.output_path, render_text(result, style, options.details, person));
    }
    // A person at a terminal sees nothing else happen: say where it went.
    if (!options.output_path.empty() && options.output_path != "-" && isatty(STDERR_FILENO)) {
        say_on_stderr("sciatica: wrote the result to " + options.output_path + "\n");
    }
}

// Saves the check when it is to be saved (asking first with save = "ask").
// The result is out already, so a failure says so and exits with its own
// code (k_exit_not_saved) rather than hiding what was shown.
void save_after_result(CheckHistory &history, const RuleSet &rules, const Answers &given,
                       const Result &result) {
    if (!history.should_save(rules)) {
        return;
    }
    long long id = 0;
    try {
        id = history.save(rules, given, result_json_text(rules, result, false));
    } catch (const Error &e) {
        say_on_stderr("sciatica: error: the result above was given in full, but it could not be "
                      "saved to your history: " +
                      printable(e.what(), 1000) + "\n");
        throw ExitWith{k_exit_not_saved};
    }
    if (isatty(STDERR_FILENO)) {
        say_on_stderr(text_with(rules.texts, "saved_as", {{"id", std::to_string(id)}}) + "\n");
    }
}

void run_check(Context &context, const CheckOptions &options) {
    // An --output that cannot be written fails before anything is saved or
    // asked, so a retry does not save the check twice.
    check_output_path(options.output_path);
    const RuleSet &rules = context.rules();
    Answers answers = gather_answers(rules, options);
    // Interview only a person at a terminal whose stdin is not the answers.
    bool interactive =
        !options.no_input && options.answers_path != "-" && isatty(STDIN_FILENO) != 0;
    CheckHistory history(context.settings, options.history, interactive);
    history.prepare(rules, answers);
    Result result =
        interactive
            ? run_interview(rules, std::move(answers),
                            style_for(STDERR_FILENO, context.settings.color.value, context.plain),
                            isatty(STDOUT_FILENO) != 0, history.draft_keeper(rules))
            : evaluate(rules, answers);
    // The person's own answers: without what the rule set's implications
    // or a change since the last check imply.
    const Answers given = own_answers(result);
    if (history.previous() != nullptr) {
        std::vector<int> asked = std::move(result.asked);
        result = evaluate(rules, given, history.previous());
        result.asked = std::move(asked);
    }
    spdlog::debug("urgency {}, {} red flags, {} causes", result.urgency_level().id,
                  result.red_flags.size(), result.causes.size());
    // The result before anything else: written in full to where it goes
    // before any question about saving, and before a save can fail.
    write_result(context, options, rules, result, interactive);
    save_after_result(history, rules, given, result);
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
    add_file_option(*check, "--answers", options->answers_path,
                    "A JSON or YAML file of question id to value; - reads standard input");
    check
        ->add_option("-f,--format", options->format,
                     "Output format: text, json, or fhir (a FHIR R4 Bundle)")
        ->check(CLI::IsMember({"text", "json", "fhir"}));
    check->add_flag("--json", options->json, "Same as --format json")->excludes("--format");
    add_file_option(*check, "-o,--output", options->output_path,
                    "Write the result to this file (atomically: all or nothing)");
    add_subject_option(*check, options->subject);
    check->add_flag("--no-input", options->no_input, "Never prompt; use only the answers given");
    check->add_flag("--details", options->details,
                    "Text: include each technique's steps, every cause and question");
    check->add_flag("--save", options->history.save,
                    "Save this check to your history (see sciatica history)");
    check->add_flag("--no-save", options->history.no_save,
                    "Neither save nor ask to save, whatever the save setting says");
    check->add_flag("--history", options->history.history,
                    "Compare with your last saved check and list what changed");
    check->add_flag("--resume", options->history.resume,
                    "Start from your last saved answers (or a draft kept on Ctrl-D) and ask "
                    "what is unanswered or can change over days");
    check->footer(
        "At a terminal, check asks the questions that still matter (prompts on standard error):\n"
        "  y/n, a number, or a choice by number or name; ? help; Enter or s: don't know;\n"
        "  b: back. Ctrl-D stops without a result (exit 66); Ctrl-C exits 130.\n"
        "The result is shown before any question about saving it; when saving fails\n"
        "the result still stands and check exits 73.\n"
        "Example:\n  sciatica check --no-input --answer leg_pain=yes --answer pain_below_knee=yes "
        "--format json");
    check->callback([&context, options] { run_check(context, *options); });
}

} // namespace sciatica::cli
