#pragma once

#include "cli/context.hpp"

namespace CLI {
class App;
class Validator;
} // namespace CLI

namespace sciatica::cli {

// Each command registers itself on the app; its callback runs the command and
// throws sciatica::Error on failure.
void add_check_command(CLI::App &app, Context &context);
void add_about_command(CLI::App &app, Context &context);
void add_rules_command(CLI::App &app, Context &context);
void add_batch_command(CLI::App &app, Context &context);
void add_causes_command(CLI::App &app, Context &context);
void add_explain_command(CLI::App &app, Context &context);
void add_techniques_command(CLI::App &app, Context &context);
void add_treatments_command(CLI::App &app, Context &context);
void add_questions_command(CLI::App &app, Context &context);
void add_completion_command(CLI::App &app, Context &context);
void add_config_command(CLI::App &app, Context &context);
void add_help_command(CLI::App &app, Context &context);

// A short usage of `command` (the program, or a group such as `rules`): its
// commands, one line each, an example and where to read more. What the
// program prints when no command is given.
std::string short_usage(const CLI::App &command);
void add_history_command(CLI::App &app, Context &context);
void add_report_command(CLI::App &app, Context &context);

// Refuses an empty value (an unset variable, `--answers "$FILE"`), which
// would otherwise mean "none" or standard output: a usage error naming the
// option.
const CLI::Validator &not_empty();

// Thrown by a command that has already printed its findings and must end
// with exit status `code` (say, 1 for a failing test), with no error line.
struct ExitWith {
    int code;
};

} // namespace sciatica::cli
