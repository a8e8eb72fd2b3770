#pragma once

#include "lib/history.hpp"
#include "lib/rules.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace sciatica {

// The visit summary: one self-contained HTML document (inline CSS and SVG,
// no script, nothing fetched) for screen and for print on A4, made from the
// saved `checks` (oldest first, at least one) under `rules`:
//   - lines to write the person's name and date of birth on by hand (nothing
//     identifying is stored), the dates the checks cover;
//   - a half-page summary first: the urgency, the warning signs reported and
//     those not ruled out, the leading possible causes, the pain-score trend
//     and the date of the latest check; then the urgency, its advice and why;
//   - the warning-sign screen as a table (each question: yes, no or not
//     answered), the other answers, the possible causes with the answers
//     behind each; what the person answered is kept apart from what the tool
//     concluded ("treated as ...: new since the check on ...");
//   - a body diagram (SVG) marking where the pain is over the sciatic
//     nerve's path, and a chart of the pain score over the checks;
//   - what changed since the check before; questions to ask the
//     practitioner (the rule set's history.visit_questions); the notice.
// Printed, every page carries its number and, when `printed_on` is not
// empty, "Printed <printed_on>". Every sentence comes from the rule set's
// texts (report_*). Every figure has a text alternative; every text from the
// rule set or the history is HTML-escaped. Throws Error(data) for damaged
// stored JSON, naming `store_path`.
std::string render_report(const RuleSet &rules, const std::vector<SavedCheck> &checks,
                          const std::string &store_path, const std::string &printed_on = "");

// `text` with &, <, >, " and ' escaped for HTML text and attribute values.
std::string html_escape(std::string_view text);

} // namespace sciatica
