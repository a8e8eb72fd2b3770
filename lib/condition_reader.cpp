#include "lib/condition_reader.hpp"

#include "lib/limits.hpp"
#include "lib/text_util.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace sciatica {

namespace {

// Deeper conditions than this are a mistake, not clinical reasoning, and
// would only risk the stack.
constexpr int k_max_condition_depth = 32;

std::string range_text(const Question &question) {
    std::string low = question.min ? format_number(*question.min) : "";
    std::string high = question.max ? format_number(*question.max) : "";
    if (!question.max) {
        return low + " or more";
    }
    if (!question.min) {
        return high + " or less";
    }
    return low + " to " + high;
}

} // namespace

ConditionReader::ConditionReader(YamlReader &in, const RuleSet &rules) : m_in(in), m_rules(rules) {}

Condition ConditionReader::read(const YAML::Node &node) {
    return condition(node, 0);
}

Condition ConditionReader::condition(const YAML::Node &node, int depth) {
    Condition out;
    out.mark = mark_of(node);
    if (depth > k_max_condition_depth) {
        m_in.error(node, "condition nested more than " + std::to_string(k_max_condition_depth) +
                             " levels deep");
        return out;
    }
    if (!node.IsMap() || node.size() == 0) {
        m_in.error(node, "a condition must be a mapping: all, any, not, or q with an operator");
        return out;
    }
    for (const char *combinator : {"all", "any"}) {
        if (!node[combinator]) {
            continue;
        }
        m_in.check_keys(node, {combinator});
        out.kind = std::string(combinator) == "all" ? Condition::Kind::all : Condition::Kind::any;
        YAML::Node list = node[combinator];
        if (!list.IsSequence() || list.size() == 0) {
            m_in.error(list,
                       std::string("'") + combinator + "' takes a non-empty list of conditions");
            return out;
        }
        for (const auto &child : list) {
            out.children.push_back(condition(child, depth + 1));
        }
        return out;
    }
    if (node["not"]) {
        m_in.check_keys(node, {"not"});
        out.kind = Condition::Kind::negate;
        out.children.push_back(condition(node["not"], depth + 1));
        return out;
    }
    return comparison(node);
}

Condition ConditionReader::comparison(const YAML::Node &node) {
    static const std::vector<std::pair<std::string, CompareOp>> ops = {
        {"eq", CompareOp::eq}, {"ne", CompareOp::ne}, {"lt", CompareOp::lt}, {"le", CompareOp::le},
        {"gt", CompareOp::gt}, {"ge", CompareOp::ge}, {"in", CompareOp::in}};
    std::vector<std::string> known = {"q", "all", "any", "not"};
    for (const auto &op : ops) {
        known.push_back(op.first);
    }
    Condition out;
    out.kind = Condition::Kind::compare;
    out.mark = mark_of(node);
    m_in.check_keys(node, known, {"q"});
    YAML::Node operand;
    int operators = 0;
    for (const auto &op : ops) {
        if (node[op.first]) {
            out.op = op.second;
            operand = node[op.first];
            ++operators;
        }
    }
    if (operators != 1) {
        m_in.error(node, "a comparison needs exactly one of eq, ne, lt, le, gt, ge, in");
        return out;
    }
    YAML::Node q = node["q"];
    if (!q || !q.IsScalar()) {
        return out; // reported by check_keys, or:
    }
    out.question = m_rules.question_index(q.Scalar());
    if (out.question < 0) {
        m_in.error(q, "unknown question '" + q.Scalar() + "'" +
                          did_you_mean(q.Scalar(), m_rules.question_ids()));
        return out;
    }
    const Question &question = m_rules.questions[static_cast<std::size_t>(out.question)];
    if (out.op == CompareOp::in) {
        if (!operand.IsSequence() || operand.size() == 0) {
            m_in.error(operand, "'in' takes a non-empty list of values");
            return out;
        }
        if (operand.size() > k_max_in_values) {
            m_in.error(operand, "'in' has " + std::to_string(operand.size()) +
                                    " values; a list may have at most " +
                                    std::to_string(k_max_in_values));
            return out;
        }
        for (const auto &item : operand) {
            if (auto value = answer_value(question, item)) {
                out.values.push_back(*value);
            }
        }
        // Sorted and unique, as evaluation's binary search needs.
        std::sort(out.values.begin(), out.values.end());
        out.values.erase(std::unique(out.values.begin(), out.values.end()), out.values.end());
    } else if (auto value = answer_value(question, operand)) {
        out.values.push_back(*value);
    }
    bool ordered = out.op == CompareOp::lt || out.op == CompareOp::le || out.op == CompareOp::gt ||
                   out.op == CompareOp::ge;
    if (ordered &&
        (question.type == QuestionType::yes_no || question.type == QuestionType::choice)) {
        m_in.error(node, std::string("a ") + question_type_name(question.type) +
                             " question such as '" + question.id +
                             "' can only be compared with eq, ne or in");
    }
    if (out.values.empty()) {
        out.question = -1; // unusable; an error was reported
    }
    return out;
}

std::optional<double> ConditionReader::answer_value(const Question &question,
                                                    const YAML::Node &node) {
    switch (question.type) {
    case QuestionType::yes_no: {
        if (node.IsScalar() && node.Tag() == "?" &&
            (node.Scalar() == "true" || node.Scalar() == "false")) {
            return node.Scalar() == "true" ? 1.0 : 0.0;
        }
        m_in.error(node,
                   "'" + question.id + "' is a yes_no question: compare it with true or false");
        return std::nullopt;
    }
    case QuestionType::choice: {
        if (node.IsScalar()) {
            const auto &options = question.options;
            auto it = std::find(options.begin(), options.end(), node.Scalar());
            if (it != options.end()) {
                return static_cast<double>(it - options.begin());
            }
            m_in.error(node, "'" + node.Scalar() + "' is not an option of '" + question.id + "'" +
                                 did_you_mean(node.Scalar(), options));
            return std::nullopt;
        }
        m_in.error(node, "'" + question.id + "' is a choice question: compare it with an option");
        return std::nullopt;
    }
    case QuestionType::integer:
    case QuestionType::number: {
        auto value =
            m_in.number(node, "'" + question.id + "' is a " + question_type_name(question.type) +
                                  " question: the value");
        if (!value) {
            return std::nullopt;
        }
        if ((question.min && *value < *question.min) || (question.max && *value > *question.max)) {
            m_in.error(node, format_number(*value) + " is outside the range of '" + question.id +
                                 "' (" + range_text(question) + ")");
            return std::nullopt;
        }
        return value;
    }
    }
    return std::nullopt;
}

} // namespace sciatica
