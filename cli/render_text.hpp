#pragma once

#include "engine.hpp"

#include <string>

namespace sciatica::cli {

// The result as text for a person: the urgency and its advice first, then red
// flags, possible causes with "because you said ...", what you can do, the
// questions worth answering, and the practitioner notice last.
std::string render_text(const Result &result);

} // namespace sciatica::cli
