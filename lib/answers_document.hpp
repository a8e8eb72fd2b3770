#pragma once

#include "lib/rules.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace sciatica {

// An answers document (a file, standard input, a batch line): JSON here, YAML
// through answers_yaml, each answer through parse_answer (lib/answers.hpp).

// Reads a JSON or YAML object of question id to value from `text`, naming
// `source` in errors. null means "not answered". Members named in `ignored`
// (such as a batch line's case_id) are skipped. Throws Error(data).
Answers parse_answers_document(const RuleSet &rules, std::string_view text,
                               const std::string &source,
                               const std::vector<std::string> &ignored = {});

// As parse_answers_document, for a JSON `text` only (no YAML): the route of
// every JSON answers document, and the reference that AnswerLineParser's fast
// path must agree with. A NUL byte and a key given twice are refused; the
// error for a duplicate names its line unless `source_names_line` (a batch
// line's source, "cases.jsonl:3", already does). Throws Error(data).
Answers parse_answers_json(const RuleSet &rules, std::string_view text, const std::string &source,
                           const std::vector<std::string> &ignored = {},
                           bool source_names_line = false);

} // namespace sciatica
