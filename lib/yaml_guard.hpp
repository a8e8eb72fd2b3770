#pragma once

#include "lib/diagnostic.hpp"
#include "lib/limits.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sciatica {

// Checks YAML `text` for what yaml-cpp would accept but a rule file must not
// hold: bytes that are not UTF-8, more than one document, anchors and aliases
// (an alias can form a cycle, and a shared node would make one edit change two
// rules), nesting deeper than k_max_nesting_depth, and a size over
// k_max_rules_bytes. Returns the first problem found.
std::optional<Diagnostic> check_yaml_input(std::string_view text, const std::string &file_name);

// The same checks for a file of case vignettes, named as such in messages.
std::optional<Diagnostic> check_yaml_vignettes(std::string_view text, const std::string &file_name);

// The same checks for an answers document in YAML, with k_max_answers_bytes.
std::optional<Diagnostic> check_yaml_answers(std::string_view text, const std::string &source);

// The 1-based line and column of byte `offset` in `text`.
std::pair<int, int> line_and_column(std::string_view text, std::size_t offset);

} // namespace sciatica
