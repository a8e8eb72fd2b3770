#include "lib/answers_yaml.hpp"

#include "lib/answers.hpp"
#include "lib/error.hpp"
#include "lib/limits.hpp"
#include "lib/text_util.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace sciatica {

Answers read_answers(YamlReader &in, const YAML::Node &node, const RuleSet &rules,
                     const std::vector<std::string> &ignored) {
    Answers answers = no_answers(rules);
    std::vector<std::string> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (!it->first.IsScalar()) {
            in.error(it->first, "a key must be a question id");
            continue;
        }
        const std::string key = it->first.Scalar();
        std::string shown = printable(key, k_max_quoted_chars);
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
            in.error(it->first, "duplicate answer '" + shown + "'");
            continue;
        }
        seen.push_back(key);
        if (std::find(ignored.begin(), ignored.end(), key) != ignored.end()) {
            continue;
        }
        int index = rules.question_index(key);
        if (index < 0) {
            in.error(it->first,
                     "unknown question '" + shown + "'" + did_you_mean(key, rules.question_ids()));
            continue;
        }
        // A copy: yaml-cpp's iterator hands out a temporary pair.
        const YAML::Node value = it->second;
        if (value.IsNull()) {
            continue; // not answered
        }
        if (!value.IsScalar()) {
            in.error(value, "'" + key + "': expected a single value");
            continue;
        }
        try {
            answers[static_cast<std::size_t>(index)] =
                parse_answer(rules.questions[static_cast<std::size_t>(index)], value.Scalar());
        } catch (const Error &e) {
            in.error(value, e.what());
        }
    }
    return answers;
}

Answers parse_answers_yaml(const RuleSet &rules, std::string_view text, const std::string &source,
                           const std::vector<std::string> &ignored) {
    std::vector<Diagnostic> diagnostics;
    YamlReader in(source, diagnostics, YamlReader::Mode::stop);
    YAML::Node document;
    in.load(text, YamlReader::Input::answers, document);
    if (!document.IsMap()) {
        in.error(SourceMark{}, "answers must be a mapping of question id to value");
    }
    return read_answers(in, document, rules, ignored);
}

} // namespace sciatica
