#pragma once

// The visit report's two figures, as inline SVG in a <figure> with a text
// alternative (<title>, <desc> and a caption). Internal to the report.

#include "lib/answers.hpp"
#include "lib/report.hpp"
#include "lib/report_html.hpp"
#include "lib/rules.hpp"

#include <string>
#include <vector>

namespace sciatica::report_html {

// Where it hurts, from `answers` at the rule set's history.body_map
// questions: lower back, buttock, thigh, below the knee, on the side given
// (both when unknown), over the path of the sciatic nerve, seen from behind.
std::string body_figure(const RuleSet &rules, const Answers &answers);

// The pain score at each of `checks` (oldest first) over the question's
// range; a sentence instead when no check has one. The latest score is
// called the latest only when the latest check has one.
std::string chart_figure(const RuleSet &rules, const std::vector<ReportChecks::Point> &checks);

} // namespace sciatica::report_html
