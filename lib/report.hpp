#pragma once

#include "lib/history.hpp"
#include "lib/rules.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sciatica {

// What the report reads of a history: of every saved check only its time
// and pain score (the chart and the trend), and the latest check in full.
// A list of 10,000 checks (40 MB) is not parsed whole (issue 20).
struct ReportChecks {
    struct Point {
        std::string at;                  // as SavedCheck::at
        std::optional<double> pain_score; // the answer to history.pain_score, when a number
    };
    std::vector<Point> points; // oldest first; the last is `latest`'s
    SavedCheck latest;         // its changes compared with the check before that is still saved
};

// The checks of `store` as the report reads them, in one snapshot (no
// points when none is saved). Each check is checked as the `history` list
// checks it (check_summary), and the latest two in full (saved_check_json);
// throws Error(data) naming the check when one is damaged.
ReportChecks read_report_checks(const RuleSet &rules, const HistoryStore &store);

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
std::string render_report(const RuleSet &rules, const ReportChecks &checks,
                          const std::string &store_path, const std::string &printed_on = "");

// The same from every check in full (`checks`, oldest first, at least one),
// each checked as saved_check_json does: for tests and the fuzzer, which
// hold the checks in memory. `checks` are taken as saved (not compared again).
std::string render_report(const RuleSet &rules, const std::vector<SavedCheck> &checks,
                          const std::string &store_path, const std::string &printed_on = "");

// `text` with &, <, >, " and ' escaped for HTML text and attribute values.
std::string html_escape(std::string_view text);

} // namespace sciatica
