#pragma once

#include "cli/terminal.hpp"
#include "lib/engine.hpp"

#include <functional>

namespace sciatica::cli {

// Runs the interview at the terminal: each question on standard error, each
// reply read from standard input (a terminal), until the interview is over.
// `given` are the answers already known (never asked again). Ctrl-C exits
// with 130 at once; Ctrl-D throws ExitWith{k_exit_no_input}. Nothing is written to
// standard output. When an emergency answer ends it and the result is not
// shown on this terminal (`result_on_terminal` false), the emergency advice
// is shown here at once; otherwise the result says it, once. `rules` must
// outlive the result.
// `on_stop`, when set, is given the answers so far before Ctrl-D throws (to
// keep a draft the person can resume).
// The terminal's mode is as it was before when this returns or throws, and
// when SIGINT, SIGTERM, SIGHUP or SIGQUIT ends the program from here on.
Result run_interview(const RuleSet &rules, Answers given, const TextStyle &style,
                     bool result_on_terminal,
                     const std::function<void(const Answers &)> &on_stop = {});

} // namespace sciatica::cli
