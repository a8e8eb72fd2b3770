#pragma once

#include "context.hpp"

#include <CLI/CLI.hpp>

namespace sciatica::cli {

// Each command registers itself on the app; its callback runs the command and
// throws sciatica::Error on failure.
void add_check_command(CLI::App &app, Context &context);

} // namespace sciatica::cli
