#pragma once

#include "cli/context.hpp"

namespace CLI {
class App;
} // namespace CLI

namespace sciatica::cli {

// User settings (lib/settings.hpp) applied to the app: the config file and
// the environment become the defaults of --rules, --color and every --format
// option of every command, and flags override them.

// The process environment (std::getenv), as the getenv-like reader the lib
// functions take; the one copy for every command.
const char *process_env(const char *name);

// Adds the global --color option. Call before the commands are added.
void add_settings_options(CLI::App &app, Context &context);

// Reads NO_COLOR, the config file and SCIATICA_* into context.settings and
// makes them the defaults of the app's options. Call after every command is
// added, before parsing. A bad file or variable is kept and thrown by
// finish_settings, so --help and --version still work.
void load_settings(CLI::App &app, Context &context);

// After parsing: throws the error load_settings kept, if any, and records the
// flags given in context.settings.
void finish_settings(const CLI::App &app, Context &context);

} // namespace sciatica::cli
