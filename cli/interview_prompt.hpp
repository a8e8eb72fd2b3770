#pragma once

#include "cli/terminal.hpp"
#include "lib/engine.hpp"

namespace sciatica::cli {

// Runs the interview at the terminal: each question on standard error, each
// reply read from standard input (a terminal), until the interview is over.
// `given` are the answers already known (never asked again). Ctrl-C exits
// with 130 at once; Ctrl-D throws Error(no_input). Nothing is written to
// standard output. `rules` must outlive the result.
Result run_interview(const RuleSet &rules, Answers given, const TextStyle &style);

} // namespace sciatica::cli
