#pragma once

#include "lib/rules.hpp"
#include "lib/yaml_reader.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace sciatica {

// Reads the mapping `node` of question id to value into answers for `rules`,
// as both a YAML answers document and a vignette's `answers` hold them: null
// means "not answered", keys in `ignored` are skipped, and each value passes
// parse_answer. Problems go to `in` at the key or value they concern.
Answers read_answers(YamlReader &in, const YAML::Node &node, const RuleSet &rules,
                     const std::vector<std::string> &ignored = {});

// A YAML answers document in `text`, named `source`. Throws Error(data) at
// the first problem, as "SOURCE:LINE:COL: message".
Answers parse_answers_yaml(const RuleSet &rules, std::string_view text, const std::string &source,
                           const std::vector<std::string> &ignored = {});

} // namespace sciatica
