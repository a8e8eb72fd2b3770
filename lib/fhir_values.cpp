#include "lib/fhir_values.hpp"

#include "lib/answers.hpp"
#include "lib/fhir.hpp"

#include <cmath>

namespace sciatica {

namespace {

using Json = nlohmann::ordered_json;
using Flat = FhirEnableWhen;

std::pair<std::string, Json> typed_value(const RuleSet &rules, const Question &question,
                                         double value, const char *prefix) {
    std::string name = prefix;
    switch (question.type) {
    case QuestionType::yes_no:
        return {name + "Boolean", value != 0};
    case QuestionType::integer:
        if (fhir_is_whole(value)) {
            return {name + "Integer", static_cast<long long>(value)};
        }
        return {name + "Decimal", value};
    case QuestionType::number:
        return {name + "Decimal", value};
    case QuestionType::choice:
        return {name + "Coding",
                Json{{"system", fhir_option_system(rules, question)},
                     {"code", answer_text(question, value)}}};
    }
    return {name + "String", answer_text(question, value)};
}

const char *fhir_operator(CompareOp op, bool negated) {
    switch (op) {
    case CompareOp::eq:
        return negated ? "!=" : "=";
    case CompareOp::ne:
        return negated ? "=" : "!=";
    case CompareOp::lt:
        return negated ? ">=" : "<";
    case CompareOp::le:
        return negated ? ">" : "<=";
    case CompareOp::gt:
        return negated ? "<=" : ">";
    case CompareOp::ge:
        return negated ? "<" : ">=";
    case CompareOp::in:
        return negated ? "!=" : "=";
    }
    return "=";
}

Json enable_when(const RuleSet &rules, const Question &question, const char *op, double value) {
    Json out = {{"question", question.id}, {"operator", op}};
    auto typed = typed_value(rules, question, value, "answer");
    out[typed.first] = std::move(typed.second);
    return out;
}

// Appends the enableWhen conditions of comparison `leaf` (negated when
// `negated`) to `out`, whose conditions combine as `behavior`. A set (`in`)
// becomes one "=" each under "any", or under "all" one "!=" for each option
// outside it; false when neither fits.
bool append_leaf(const RuleSet &rules, const Condition &leaf, bool negated, Flat &out) {
    const Question &question = rules.questions[static_cast<std::size_t>(leaf.question)];
    if (leaf.op != CompareOp::in || leaf.values.size() == 1) {
        out.conditions.push_back(
            enable_when(rules, question, fhir_operator(leaf.op, negated), leaf.values.front()));
        return true;
    }
    // "in S" holds when one of S does ("any" of "="), or when none of the
    // rest does ("all" of "!="): the latter needs the rest to be finite.
    bool with_values = (out.behavior == "any") != negated;
    if (with_values) {
        for (double value : leaf.values) {
            out.conditions.push_back(
                enable_when(rules, question, negated ? "!=" : "=", value));
        }
        return true;
    }
    if (question.type != QuestionType::choice) {
        return false;
    }
    for (std::size_t option = 0; option < question.options.size(); ++option) {
        double value = static_cast<double>(option);
        bool inside = false;
        for (double member : leaf.values) {
            inside = inside || member == value;
        }
        if (!inside) {
            out.conditions.push_back(enable_when(rules, question, negated ? "=" : "!=", value));
        }
    }
    return true;
}

// A comparison, possibly under one `not`: the leaf and whether it is negated.
std::optional<std::pair<const Condition *, bool>> as_leaf(const Condition &condition) {
    bool negated = false;
    const Condition *node = &condition;
    while (node->kind == Condition::Kind::negate && node->children.size() == 1) {
        negated = !negated;
        node = &node->children.front();
    }
    if (node->kind != Condition::Kind::compare) {
        return std::nullopt;
    }
    return std::make_pair(node, negated);
}

// `condition` as a flat enableWhen, or nullopt when it has none: one
// comparison, or an all/any of comparisons (a `not` turns one into the
// other, as De Morgan has it).
std::optional<Flat> flatten(const RuleSet &rules, const Condition &condition) {
    if (auto leaf = as_leaf(condition)) {
        Flat flat{leaf->first->op == CompareOp::in ? "any" : "all", {}};
        if (leaf->second && leaf->first->op == CompareOp::in) {
            flat.behavior = "all";
        }
        if (!append_leaf(rules, *leaf->first, leaf->second, flat)) {
            return std::nullopt;
        }
        return flat;
    }
    bool negated = false;
    const Condition *node = &condition;
    while (node->kind == Condition::Kind::negate && node->children.size() == 1) {
        negated = !negated;
        node = &node->children.front();
    }
    bool all = node->kind == Condition::Kind::all;
    if (node->kind != Condition::Kind::all && node->kind != Condition::Kind::any) {
        return std::nullopt;
    }
    Flat flat{all != negated ? "all" : "any", {}};
    for (const auto &child : node->children) {
        auto leaf = as_leaf(child);
        if (!leaf || !append_leaf(rules, *leaf->first, leaf->second != negated, flat)) {
            return std::nullopt;
        }
    }
    if (flat.conditions.empty()) {
        return std::nullopt;
    }
    return flat;
}

} // namespace

bool fhir_is_whole(double value) {
    return std::isfinite(value) && std::floor(value) == value && std::fabs(value) < 9.0e15;
}

std::string fhir_option_system(const RuleSet &rules, const Question &question) {
    return questionnaire_url(rules) + ":option:" + question.id;
}

std::pair<std::string, nlohmann::ordered_json> fhir_value(const RuleSet &rules,
                                                          const Question &question, double value,
                                                          const char *prefix) {
    return typed_value(rules, question, value, prefix);
}

std::optional<FhirEnableWhen> fhir_enable_when(const RuleSet &rules, const Condition &condition) {
    return flatten(rules, condition);
}

} // namespace sciatica
