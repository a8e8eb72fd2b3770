#pragma once

#include "cli/terminal.hpp"
#include "lib/engine.hpp"

#include <string>
#include <vector>

namespace sciatica::cli {

// The result as text for a worried person, short enough for one screen (at
// most about 40 lines at 80 columns for a self-care or soon result), in this
// order: the urgency banner and what to do; the rules behind the urgency; a
// box of the signs that mean "go to an emergency department now" (on every
// result below the most severe urgency); the leading causes (at most three),
// each with a one-line "because" in plain words; the techniques by name, with
// how to see their steps; the questions worth answering; the practitioner
// notice; and the urgency again as the very last line. With `details`, the
// technique steps and every rule's advice are included. Every heading and
// sentence comes from the rule set; this only lays them out, wrapped to
// `style.width`, coloured when `style.colour`, without boxes when
// `style.plain`.
std::string render_text(const Result &result, const TextStyle &style, bool details = false);

// The urgency banner alone.
std::string render_banner(const UrgencyLevel &level, int urgency, int levels,
                          const TextStyle &style);

// A heading line for a section.
std::string render_heading(const std::string &text, const TextStyle &style);

// `text` in a box titled `title` (the emergency signs): a bulleted line per
// item. In plain style, the title and "- item" lines without a box.
std::string render_box(const std::string &title, const std::vector<std::string> &items,
                       const char *sgr, const TextStyle &style);

// The SGR colour of urgency `urgency` of `levels`: the two most severe levels
// in distinct alarm styles, the least severe green, the rest yellow.
const char *urgency_colour(int urgency, int levels);

} // namespace sciatica::cli
