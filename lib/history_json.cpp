#include "lib/history_json.hpp"

#include "lib/error.hpp"
#include "lib/result_format.hpp"
#include "lib/text_util.hpp"

#include <initializer_list>

namespace sciatica {

namespace {

using Json = nlohmann::ordered_json;

enum class Type { text, boolean, number, list, object, any };

bool has_type(const Json &value, Type type) {
    switch (type) {
    case Type::text:
        return value.is_string();
    case Type::boolean:
        return value.is_boolean();
    case Type::number:
        return value.is_number();
    case Type::list:
        return value.is_array();
    case Type::object:
        return value.is_object();
    case Type::any:
        return true;
    }
    return false;
}

const char *type_name(Type type) {
    switch (type) {
    case Type::text:
        return "text";
    case Type::boolean:
        return "true or false";
    case Type::number:
        return "a number";
    case Type::list:
        return "a list";
    case Type::object:
        return "an object";
    case Type::any:
        return "a value";
    }
    return "";
}

// Checks one stored document; `fault` says what is wrong, or stays empty.
class ShapeCheck {
  public:
    // The member `name` of `object`, when present, is of `type`.
    bool member(const Json &object, const char *name, Type type, const std::string &where,
                bool required = false) {
        auto found = object.find(name);
        if (found == object.end()) {
            if (required) {
                fault = where + "'" + name + "' is missing";
            }
            return !required;
        }
        if (!has_type(*found, type)) {
            fault = where + "'" + name + "' is not " + type_name(type);
            return false;
        }
        return true;
    }

    // The member `name`, when present, is a list whose items are all of `type`.
    bool list_of(const Json &object, const char *name, Type type, const std::string &where) {
        if (!member(object, name, Type::list, where)) {
            return false;
        }
        auto found = object.find(name);
        if (found == object.end()) {
            return true;
        }
        for (const auto &item : *found) {
            if (!has_type(item, type)) {
                fault = where + "an item of '" + name + "' is not " + type_name(type);
                return false;
            }
        }
        return true;
    }

    // A list of {question, answer}, each of them there. Required: the
    // report reads it from every rule and cause (a missing one was read past
    // its end, found by fuzz_history).
    bool because(const Json &object, const std::string &where) {
        if (!member(object, result_member::k_because, Type::list, where, true) ||
            !list_of(object, result_member::k_because, Type::object, where)) {
            return false;
        }
        for (const auto &item : object.value(result_member::k_because, Json::array())) {
            if (!member(item, result_member::k_question, Type::text, where + "because: ", true) ||
                !member(item, result_member::k_answer, Type::any, where + "because: ", true)) {
                return false;
            }
        }
        return true;
    }

    bool result(const Json &result) {
        for (const char *name : {result_member::k_urgency, result_member::k_urgency_name,
                                 result_member::k_urgency_advice, result_member::k_notice}) {
            if (!member(result, name, Type::text, "")) {
                return false;
            }
        }
        if (!member(result, result_member::k_screen_complete, Type::boolean, "") ||
            !list_of(result, result_member::k_not_ruled_out, Type::text, "") ||
            !member(result, result_member::k_answers, Type::object, "")) {
            return false;
        }
        for (const char *list : {result_member::k_red_flags, result_member::k_urgency_rules,
                                 result_member::k_causes}) {
            if (!list_of(result, list, Type::object, "")) {
                return false;
            }
            for (const auto &item : result.value(list, Json::array())) {
                const std::string where = std::string(list) + ": ";
                for (const char *name : {result_member::k_id, result_member::k_name,
                                         result_member::k_advice, result_member::k_summary}) {
                    if (!member(item, name, Type::text, where)) {
                        return false;
                    }
                }
                if (!member(item, result_member::k_score, Type::number, where) ||
                    !because(item, where)) {
                    return false;
                }
            }
        }
        if (!list_of(result, result_member::k_changes, Type::object, "")) {
            return false;
        }
        for (const auto &change : result.value(result_member::k_changes, Json::array())) {
            if (!member(change, result_member::k_question, Type::text, "changes: ", true) ||
                !member(change, result_member::k_since, Type::text, "changes: ", true) ||
                !member(change, result_member::k_before, Type::any, "changes: ", true) ||
                !member(change, result_member::k_after, Type::any, "changes: ", true)) {
                return false;
            }
        }
        return true;
    }

    std::string fault;
};

[[noreturn]] void damaged(const std::string &what, const SavedCheck &check,
                          const std::string &store_path, const std::string &fault) {
    throw Error(ErrorKind::data, "the history " + store_path + ": the " + what + " of check " +
                                     std::to_string(check.id) + " is damaged" +
                                     (fault.empty() ? "" : " (" + fault + ")"));
}

Json parse_stored(const std::string &text, const std::string &what, const SavedCheck &check,
                  const std::string &store_path) {
    auto value = Json::parse(text, nullptr, false);
    if (!value.is_object()) {
        damaged(what, check, store_path, "");
    }
    return value;
}

} // namespace

nlohmann::ordered_json saved_check_json(const RuleSet &rules, const SavedCheck &check,
                                        const std::string &store_path) {
    if (first_invalid_utf8(check.at) != std::string::npos) {
        damaged("time", check, store_path, "not UTF-8");
    }
    if (first_invalid_utf8(check.rules_version) != std::string::npos) {
        damaged("rule-set version", check, store_path, "not UTF-8");
    }
    auto answers = parse_stored(check.answers, "answers", check, store_path);
    auto result = parse_stored(check.result, "result", check, store_path);
    ShapeCheck shape;
    if (!shape.result(result)) {
        damaged("result", check, store_path, shape.fault);
    }
    Json pain_score = nullptr;
    if (rules.history.pain_score >= 0) {
        const auto &id = rules.questions[static_cast<std::size_t>(rules.history.pain_score)].id;
        if (answers.contains(id) && answers[id].is_number()) {
            pain_score = answers[id];
        }
    }
    Json leading = nullptr;
    if (result.contains(result_member::k_causes) && !result[result_member::k_causes].empty() &&
        result[result_member::k_causes][0].contains(result_member::k_id)) {
        leading = result[result_member::k_causes][0][result_member::k_id];
    }
    Json out;
    out["id"] = check.id;
    out["at"] = check.at;
    out["rules_version"] = check.rules_version;
    out["urgency"] = result.value(result_member::k_urgency, "");
    out["pain_score"] = std::move(pain_score);
    out["leading_cause"] = std::move(leading);
    out["answers"] = std::move(answers);
    out["result"] = std::move(result);
    return out;
}

nlohmann::ordered_json saved_check_line(const RuleSet &rules, const SavedCheck &check,
                                        const std::string &store_path) {
    Json out;
    out["schema_version"] = k_history_schema_version;
    Json members = saved_check_json(rules, check, store_path);
    for (auto &member : members.items()) {
        out[member.key()] = std::move(member.value());
    }
    return out;
}

void check_summary(const CheckSummary &summary, const std::string &store_path) {
    SavedCheck check;
    check.id = summary.id;
    if (first_invalid_utf8(summary.at) != std::string::npos) {
        damaged("time", check, store_path, "not UTF-8");
    }
    if (!summary.answers_valid) {
        damaged("answers", check, store_path, "");
    }
    if (!summary.result_valid) {
        damaged("result", check, store_path, "");
    }
    auto text_or_null = [](const nlohmann::json &value) {
        return value.is_null() || value.is_string();
    };
    if (!text_or_null(summary.urgency)) {
        damaged("result", check, store_path, "'urgency' is not text");
    }
    if (!text_or_null(summary.cause_id)) {
        damaged("result", check, store_path, "causes: 'id' is not text");
    }
    if (!text_or_null(summary.cause_name)) {
        damaged("result", check, store_path, "causes: 'name' is not text");
    }
}

nlohmann::ordered_json history_json(const RuleSet &rules, const std::vector<SavedCheck> &checks,
                                    const std::string &store_path) {
    Json list = Json::array();
    for (const auto &check : checks) {
        list.push_back(saved_check_json(rules, check, store_path));
    }
    Json out;
    out["schema_version"] = k_history_schema_version;
    out["checks"] = std::move(list);
    out["notice"] = rules.notice;
    return out;
}

} // namespace sciatica
