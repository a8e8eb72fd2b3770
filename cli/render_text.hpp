#pragma once

#include "cli/terminal.hpp"
#include "lib/engine.hpp"

#include <string>

namespace sciatica::cli {

// The result as text for a person: the urgency in a banner first, then the
// warning signs, possible causes with "because you said ...", what you can
// do (techniques with numbered steps), the questions worth answering, and the
// practitioner notice last. Wrapped to `style.width`; coloured only when
// `style.colour`.
std::string render_text(const Result &result, const TextStyle &style);

// The urgency banner alone, as the interview shows it when an emergency
// answer ends it.
std::string render_banner(const UrgencyLevel &level, int urgency, int levels,
                          const TextStyle &style);

// A heading line for a section.
std::string render_heading(const std::string &text, const TextStyle &style);

} // namespace sciatica::cli
