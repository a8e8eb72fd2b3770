#pragma once

#include "cli/context.hpp"

#include <string>
#include <vector>

namespace CLI {
class App;
class Option;
} // namespace CLI

namespace sciatica::cli {

// Each command registers itself on the app; its callback runs the command and
// throws sciatica::Error on failure. Help lists them in the order main()
// adds them.

// A check, and what is kept of it: check, batch, history, report.
void add_check_command(CLI::App &app, Context &context);
void add_batch_command(CLI::App &app, Context &context);
void add_history_command(CLI::App &app, Context &context);
void add_report_command(CLI::App &app, Context &context);

// The rule set, to read: about, causes, explain, techniques, treatments,
// questions (education.hpp).
void add_about_command(CLI::App &app, Context &context);
void add_causes_command(CLI::App &app, Context &context);
void add_explain_command(CLI::App &app, Context &context);
void add_techniques_command(CLI::App &app, Context &context);
void add_treatments_command(CLI::App &app, Context &context);
void add_questions_command(CLI::App &app, Context &context);

// The program itself: rules (lint, test, ...), config, completion, help.
void add_rules_command(CLI::App &app, Context &context);
void add_config_command(CLI::App &app, Context &context);
void add_completion_command(CLI::App &app, Context &context);
void add_help_command(CLI::App &app, Context &context);

// A short usage of `command` (the program, or a group such as `rules`): its
// commands, one line each, an example and where to read more. What the
// program prints when no command is given.
std::string short_usage(const CLI::App &command);

// Adds the group `name` (such as `rules`), which takes one command of its
// own at the most; alone, it prints its short_usage() rather than an error.
CLI::App *add_command_group(CLI::App &app, const std::string &name, const std::string &description);

// Adds the option (or positional) `name` for a file's path, or each path of
// a list, shown in help as `type_name`. An empty value (an unset variable,
// `--answers "$FILE"`) would otherwise mean "none" or standard output: it is
// a usage error naming the option.
CLI::Option *add_file_option(CLI::App &command, const std::string &name, std::string &path,
                             const std::string &description, const std::string &type_name = "FILE");
CLI::Option *add_file_option(CLI::App &command, const std::string &name,
                             std::vector<std::string> &paths, const std::string &description,
                             const std::string &type_name = "FILE");

// Thrown by a command that has already printed its findings and must end
// with exit status `code` (say, 1 for a failing test), with no error line.
struct ExitWith {
    int code;
};

} // namespace sciatica::cli
