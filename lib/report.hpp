#pragma once

#include "lib/history.hpp"
#include "lib/rules.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace sciatica {

// The visit summary: one self-contained HTML document (inline CSS and SVG,
// no script, nothing fetched) for screen and for print on A4 or Letter, made
// from the saved `checks` (oldest first, at least one) under `rules`:
//   - the dates the checks cover; the latest check's urgency and why;
//   - the warning-sign screen as a table (each question: yes, no or not
//     answered), every answer in plain words, the possible causes with the
//     answers behind each;
//   - a body diagram (SVG) marking where the pain is over the sciatic
//     nerve's path, and a chart of the pain score over the checks;
//   - what changed since the check before; questions to ask the
//     practitioner (the rule set's history.visit_questions); the notice.
// Every figure has a text alternative; every text from the rule set or the
// history is HTML-escaped. Throws Error(data) for damaged stored JSON,
// naming `store_path`.
std::string render_report(const RuleSet &rules, const std::vector<SavedCheck> &checks,
                          const std::string &store_path);

// `text` with &, <, >, " and ' escaped for HTML text and attribute values.
std::string html_escape(std::string_view text);

} // namespace sciatica
