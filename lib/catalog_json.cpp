#include "lib/catalog_json.hpp"

#include "lib/error.hpp"
#include "lib/limits.hpp"
#include "lib/text_util.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace sciatica {

namespace {

using Json = nlohmann::ordered_json;

// The suggestion for a mistyped id: the nearest by edit distance, else the
// only id that contains it ("disc" for "herniated-disc").
std::string suggestion(const std::string &word, const std::vector<std::string> &ids) {
    std::string best = nearest(word, ids);
    if (best.empty() && !word.empty()) {
        for (const auto &id : ids) {
            if (id.find(word) != std::string::npos) {
                if (!best.empty()) {
                    return "";
                }
                best = id;
            }
        }
    }
    return best;
}

[[noreturn]] void unknown(const std::string &what, const std::string &id,
                          const std::vector<std::string> &ids, const std::string &command) {
    std::string best = suggestion(id, ids);
    std::string hint = best.empty() ? "" : " (did you mean '" + best + "'?)";
    // At most the README's k_max_quoted_chars of what was typed, however long.
    throw Error(ErrorKind::usage, "unknown " + what + " '" + printable(id, k_max_quoted_chars) +
                                      "'" + hint + "; 'sciatica " +
                                      command + "' lists them");
}

// "Spinal stenosis" -> "spinal-stenosis": how a typed id or name compares.
std::string folded(const std::string &text) {
    std::string out;
    for (const char byte : text) {
        const auto c = static_cast<unsigned char>(byte);
        out += (c == ' ' || c == '_') ? '-' : static_cast<char>(std::tolower(c));
    }
    return out;
}

// The index of the item whose id or name is `text` (folded), or -1.
template <typename T> int match_index(const std::vector<T> &items, const std::string &text) {
    const std::string wanted = folded(text);
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (folded(items[i].id) == wanted || folded(items[i].name) == wanted) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

Json document() {
    Json out;
    out["schema_version"] = k_catalog_schema_version;
    return out;
}

Json finish(Json out, const RuleSet &rules) {
    out["notice"] = rules.notice;
    return out;
}

Json equipment_json(const Equipment &item) {
    return {{"id", item.id},
            {"name", item.name},
            {"description", item.description},
            {"how_to_use", item.how_to_use},
            {"source", item.source}};
}

// Whole numbers as JSON integers: a bound of 0 reads 0, not 0.0.
Json number(double value) {
    if (value == std::floor(value) && std::fabs(value) < 1e15) {
        return static_cast<long long>(value);
    }
    return value;
}

const std::string &urgency_id(const RuleSet &rules, int index) {
    return rules.urgencies[static_cast<std::size_t>(index)].id;
}

Json technique_json(const RuleSet &rules, const Technique &technique) {
    Json not_at = Json::array();
    for (int index : technique.not_at) {
        not_at.push_back(urgency_id(rules, index));
    }
    return {{"id", technique.id},
            {"name", technique.name},
            {"summary", technique.summary},
            {"steps", technique.steps},
            {"cautions", technique.cautions},
            {"equipment", technique.equipment},
            {"not_at", std::move(not_at)},
            {"source", technique.source}};
}

} // namespace

const Cause &find_cause(const RuleSet &rules, const std::string &id) {
    int index = match_index(rules.causes, id);
    if (index < 0) {
        unknown("cause", id, rules.cause_ids(), "causes");
    }
    return rules.causes[static_cast<std::size_t>(index)];
}

const Technique &find_technique(const RuleSet &rules, const std::string &id) {
    int index = match_index(rules.techniques, id);
    if (index < 0) {
        unknown("technique", id, rules.technique_ids(), "techniques");
    }
    return rules.techniques[static_cast<std::size_t>(index)];
}

Explained find_explained(const RuleSet &rules, const std::string &id) {
    int index = match_index(rules.causes, id);
    if (index >= 0) {
        return {&rules.causes[static_cast<std::size_t>(index)], nullptr};
    }
    for (const auto *list : {&rules.red_flags, &rules.urgency_rules}) {
        index = match_index(*list, id);
        if (index >= 0) {
            return {nullptr, &(*list)[static_cast<std::size_t>(index)]};
        }
    }
    std::vector<std::string> ids = rules.cause_ids();
    for (const auto *list : {&rules.red_flags, &rules.urgency_rules}) {
        for (const auto &rule : *list) {
            ids.push_back(rule.id);
        }
    }
    unknown("cause", id, ids, "causes");
}

Json rule_json(const RuleSet &rules, const UrgencyRule &rule) {
    Json out = document();
    out["id"] = rule.id;
    out["name"] = rule.name;
    out["summary"] = rules.urgencies[static_cast<std::size_t>(rule.urgency)].name;
    out["description"] = rule.advice;
    out["signs"] = Json::array();
    out["diagnosis"] = "";
    out["usual_urgency"] = urgency_id(rules, rule.urgency);
    out["source"] = rule.source;
    return finish(std::move(out), rules);
}

Json causes_json(const RuleSet &rules) {
    Json causes = Json::array();
    for (const auto &cause : rules.causes) {
        causes.push_back({{"id", cause.id},
                          {"name", cause.name},
                          {"summary", cause.summary},
                          {"usual_urgency", urgency_id(rules, cause.usual_urgency)}});
    }
    Json out = document();
    out["causes"] = std::move(causes);
    return finish(std::move(out), rules);
}

Json cause_json(const RuleSet &rules, const Cause &cause) {
    Json out = document();
    out["id"] = cause.id;
    out["name"] = cause.name;
    out["summary"] = cause.summary;
    out["description"] = cause.description;
    out["signs"] = cause.signs;
    out["diagnosis"] = cause.diagnosis;
    out["usual_urgency"] = urgency_id(rules, cause.usual_urgency);
    out["source"] = cause.source;
    return finish(std::move(out), rules);
}

std::vector<const Equipment *> equipment_of(const RuleSet &rules, const Technique *only) {
    std::vector<const Equipment *> out;
    for (std::size_t i = 0; i < rules.equipment.size(); ++i) {
        bool used =
            only == nullptr || std::find(only->equipment_refs.begin(), only->equipment_refs.end(),
                                         static_cast<int>(i)) != only->equipment_refs.end();
        if (used) {
            out.push_back(&rules.equipment[i]);
        }
    }
    return out;
}

Json techniques_json(const RuleSet &rules, const Technique *only) {
    Json techniques = Json::array();
    for (const auto &technique : rules.techniques) {
        if (only == nullptr || only == &technique) {
            techniques.push_back(technique_json(rules, technique));
        }
    }
    Json equipment = Json::array();
    for (const auto *item : equipment_of(rules, only)) {
        equipment.push_back(equipment_json(*item));
    }
    Json out = document();
    out["techniques"] = std::move(techniques);
    out["equipment"] = std::move(equipment);
    return finish(std::move(out), rules);
}

Json treatments_json(const RuleSet &rules) {
    Json treatments = Json::array();
    for (const auto &item : rules.treatments) {
        treatments.push_back({{"id", item.id},
                              {"name", item.name},
                              {"description", item.description},
                              {"source", item.source}});
    }
    Json out = document();
    out["treatments"] = std::move(treatments);
    return finish(std::move(out), rules);
}

const About &find_about(const RuleSet &rules) {
    if (rules.about.empty()) {
        throw Error(ErrorKind::data, "this rule set has no 'about' section");
    }
    return rules.about;
}

Json about_json(const RuleSet &rules) {
    const About &about = find_about(rules);
    Json get_help_now = Json::array();
    for (const auto &group : about.get_help_now) {
        get_help_now.push_back({{"advice", group.advice}, {"signs", group.signs}});
    }
    Json out = document();
    out["name"] = about.name;
    out["what_it_is"] = about.what_it_is;
    out["nerve_path"] = about.nerve_path;
    out["symptoms"] = about.symptoms;
    out["diagnosis"] = about.diagnosis;
    out["get_help_now"] = std::move(get_help_now);
    out["source"] = about.source;
    return finish(std::move(out), rules);
}

// A value `question` is compared with, as the rule format writes it.
Json compared_value(const Question &question, double value) {
    switch (question.type) {
    case QuestionType::yes_no:
        return value != 0;
    case QuestionType::choice: {
        auto index = static_cast<std::size_t>(value);
        return index < question.options.size() ? Json(question.options[index]) : Json(value);
    }
    case QuestionType::integer:
    case QuestionType::number:
        return number(value);
    }
    return value;
}

// `condition` as the rule format writes it: {q, eq: value}, {all: [...]},
// {any: [...]}, {not: ...}.
Json condition_json(const RuleSet &rules, const Condition &condition) {
    switch (condition.kind) {
    case Condition::Kind::all:
    case Condition::Kind::any: {
        Json children = Json::array();
        for (const auto &child : condition.children) {
            children.push_back(condition_json(rules, child));
        }
        return {{condition.kind == Condition::Kind::all ? "all" : "any", std::move(children)}};
    }
    case Condition::Kind::negate:
        return {{"not", condition.children.empty() ? Json::object()
                                                   : condition_json(rules, condition.children[0])}};
    case Condition::Kind::compare:
        break;
    }
    const Question &question = rules.questions[static_cast<std::size_t>(condition.question)];
    static const char *const k_ops[] = {"eq", "ne", "lt", "le", "gt", "ge", "in"};
    Json out = {{"q", question.id}};
    if (condition.op == CompareOp::in) {
        Json values = Json::array();
        for (double value : condition.values) {
            values.push_back(compared_value(question, value));
        }
        out["in"] = std::move(values);
    } else {
        out[k_ops[static_cast<int>(condition.op)]] =
            compared_value(question, condition.values.front());
    }
    return out;
}

Json questions_json(const RuleSet &rules) {
    Json questions = Json::array();
    for (const auto &question : rules.questions) {
        Json entry = {{"id", question.id},
                      {"type", question_type_name(question.type)},
                      {"prompt", question.prompt},
                      {"help", question.help}};
        if (question.min) {
            entry["min"] = number(*question.min);
        }
        if (question.max) {
            entry["max"] = number(*question.max);
        }
        if (question.type == QuestionType::choice) {
            entry["options"] = question.options;
        }
        if (!question.unit.empty()) {
            entry["unit"] = question.unit;
        }
        if (question.ask_when) {
            entry["ask_when"] = condition_json(rules, *question.ask_when);
        }
        questions.push_back(std::move(entry));
    }
    Json out = document();
    out["questions"] = std::move(questions);
    return finish(std::move(out), rules);
}

} // namespace sciatica
