#include "lib/history_reader.hpp"

#include "lib/limits.hpp"
#include "lib/text_util.hpp"

#include <yaml-cpp/yaml.h>

namespace sciatica {

HistoryReader::HistoryReader(YamlReader &in, const RuleSet &rules) : m_in(in), m_rules(rules) {}

int HistoryReader::question_ref(const YAML::Node &node, const std::string &what,
                                std::optional<QuestionType> type) {
    if (!node.IsScalar()) {
        m_in.error(node, what + " must be a question id");
        return -1;
    }
    int index = m_rules.question_index(node.Scalar());
    if (index < 0) {
        m_in.error(node, "unknown question '" + node.Scalar() + "'" +
                             did_you_mean(node.Scalar(), m_rules.question_ids()));
    } else if (type && m_rules.questions[static_cast<std::size_t>(index)].type != *type) {
        m_in.error(node, what + " must be a " + question_type_name(*type) + " question");
        return -1;
    }
    return index;
}

int HistoryReader::optional_question(const YAML::Node &map, const char *key,
                                     std::optional<QuestionType> type) {
    return map[key] ? question_ref(map[key], std::string("'") + key + "'", type) : -1;
}

bool HistoryReader::read_watch(const YAML::Node &node, Watch &out) {
    if (!m_in.expect_map(node, "a watched question")) {
        return false;
    }
    m_in.check_keys(node, {"question", "change", "by", "implies"}, {"question", "change"});
    out.mark = mark_of(node);
    out.question = optional_question(node, "question");
    std::string change = m_in.text(node, "change");
    if (change == "became_yes") {
        out.kind = WatchKind::became_yes;
        if (out.question >= 0 && m_rules.questions[static_cast<std::size_t>(out.question)].type !=
                                     QuestionType::yes_no) {
            m_in.error(node["question"], "'became_yes' watches a yes_no question");
        }
    } else if (change == "rose_by") {
        out.kind = WatchKind::rose_by;
        if (!node["by"]) {
            m_in.error(node, "'rose_by' needs 'by', the least rise worth noticing");
        } else {
            out.by = m_in.number(node["by"], "'by'").value_or(0);
        }
    } else if (node["change"]) {
        m_in.error(node["change"], "unknown change '" + change + "'; use became_yes or rose_by");
    }
    out.implies = optional_question(node, "implies", QuestionType::yes_no);
    return out.question >= 0;
}

void HistoryReader::read(const YAML::Node &node, HistoryRules &out) {
    if (!m_in.expect_map(node, "'history'")) {
        return;
    }
    m_in.check_keys(node,
                    {"watch", "ask_again", "duration", "episode_gap_weeks", "pain_score",
                     "body_map", "visit_questions"},
                    {});
    if (YAML::Node list = node["watch"]; list && !list.IsSequence()) {
        m_in.error(list, "'watch' must be a list");
    } else if (list && list.size() > k_max_list_entries) {
        m_in.error(list, "'watch' has " + std::to_string(list.size()) +
                             " entries; a rule set may have at most " +
                             std::to_string(k_max_list_entries));
    } else if (list) {
        for (const auto &item : list) {
            Watch watch;
            if (read_watch(item, watch)) {
                out.watch.push_back(watch);
            }
        }
    }
    if (node["ask_again"] && node["ask_again"].IsSequence()) {
        for (const auto &item : node["ask_again"]) {
            int index = question_ref(item, "each item of 'ask_again'");
            if (index >= 0) {
                out.ask_again.push_back(index);
            }
        }
    } else if (node["ask_again"]) {
        m_in.error(node["ask_again"], "'ask_again' must be a list of question ids");
    }
    out.duration = optional_question(node, "duration");
    if (node["episode_gap_weeks"]) {
        out.episode_gap_weeks =
            m_in.number(node["episode_gap_weeks"], "'episode_gap_weeks'").value_or(0);
    }
    out.pain_score = optional_question(node, "pain_score");
    if (const YAML::Node body = node["body_map"]; body && m_in.expect_map(body, "'body_map'")) {
        m_in.check_keys(body, {"back", "buttock", "leg", "below_knee", "side"}, {});
        out.body.back = optional_question(body, "back", QuestionType::yes_no);
        out.body.buttock = optional_question(body, "buttock", QuestionType::yes_no);
        out.body.leg = optional_question(body, "leg", QuestionType::yes_no);
        out.body.below_knee = optional_question(body, "below_knee", QuestionType::yes_no);
        out.body.side = optional_question(body, "side", QuestionType::choice);
    }
    out.visit_questions = m_in.text_list(node, "visit_questions");
}

} // namespace sciatica
