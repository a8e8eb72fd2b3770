#pragma once

#include "lib/rules.hpp"
#include "lib/yaml_reader.hpp"

#include <optional>

namespace sciatica {

// Reads a condition of the rule format (all / any / not, or q with one of
// eq, ne, lt, le, gt, ge, in) against the questions of `rules`: each question
// must exist and each constant must be a possible answer to it. Problems go
// to `in`; a condition with an error is still returned, marked unusable.
// `in` and `rules` must outlive the reader.
class ConditionReader {
  public:
    ConditionReader(YamlReader &in, const RuleSet &rules);

    Condition read(const YAML::Node &node);

  private:
    Condition condition(const YAML::Node &node, int depth);
    Condition comparison(const YAML::Node &node);

    // The numeric form of a constant compared with `question`, checked
    // against the question's type, options and range.
    std::optional<double> answer_value(const Question &question, const YAML::Node &node);

    YamlReader &m_in;
    const RuleSet &m_rules;
};

} // namespace sciatica
