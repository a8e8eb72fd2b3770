#pragma once

// The parts of a text result about what is still unknown: the warning signs
// not ruled out, and the questions that would decide them or could raise the
// urgency (cli/render_text.hpp lays out the rest).

#include "cli/terminal.hpp"
#include "lib/engine.hpp"

#include <string>

namespace sciatica::cli {

// Said first when no red flag holds but some could not be ruled out: the
// signs by family (each red flag by name with `details`; an unanswered
// warning sign never reassures), what to do until then, and the questions
// that would rule them out, those that could decide the most severe flag
// first. After an interview (`person`) the first three in words, and how
// many more; otherwise with their ids for --answer (all with `details` or in
// plain style).
std::string not_ruled_out(const Result &result, const TextStyle &style, bool details, bool person);

// The unanswered questions that could raise the urgency, as many as fit in
// three lines (all with `details` or in plain style), with their ids for
// --answer, or after an interview (`person`) in words alone.
std::string worth_answering(const Result &result, const TextStyle &style, bool details,
                            bool person);

} // namespace sciatica::cli
