#pragma once

#include "lib/rules.hpp"
#include "lib/yaml_reader.hpp"

#include <optional>
#include <string>

namespace sciatica {

// Reads a rule set's optional `history:` section (what a new check compares
// with the last saved one, what is asked again, what the visit report draws
// from) against the questions of `rules`. Problems go to `in`. `in` and
// `rules` must outlive the reader.
class HistoryReader {
  public:
    HistoryReader(YamlReader &in, const RuleSet &rules);

    void read(const YAML::Node &node, HistoryRules &out);

  private:
    // A question id of the given type (any type when `type` is empty), or -1.
    int question_ref(const YAML::Node &node, const std::string &what,
                     std::optional<QuestionType> type = std::nullopt);
    int optional_question(const YAML::Node &map, const char *key,
                          std::optional<QuestionType> type = std::nullopt);
    bool read_watch(const YAML::Node &node, Watch &out);

    YamlReader &m_in;
    const RuleSet &m_rules;
};

} // namespace sciatica
