#pragma once

#include "lib/diagnostic.hpp"
#include "lib/input.hpp"
#include "lib/rules.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sciatica {

// The rule-set format this build reads, as written in the file's `format` key.
inline constexpr const char *k_rules_format = "sciatica-rules/1";

struct LoadResult {
    std::optional<RuleSet> rules; // set only when there are no errors
    std::vector<Diagnostic> diagnostics;
};

// Parses and validates a rule set from YAML `text`. Every problem found is
// reported with `file_name` and its position; the rule set is returned only
// when none of them is an error.
LoadResult parse_rules(std::string_view text, const std::string &file_name);

// As parse_rules, but throws Error(data) with the first error.
RuleSet load_rules(std::string_view text, const std::string &file_name);

// Reads and loads the rule set at `path`; Error(no_input) when it cannot be read.
RuleSet load_rules_file(const std::string &path);

// The rule set embedded at build time from rules/default.yaml, loaded once.
const RuleSet &default_rules();

// The embedded rule set's YAML text, exactly as shipped.
std::string_view default_rules_text();

} // namespace sciatica
