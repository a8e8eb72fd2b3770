#pragma once

// The JSON result contract written the plain way, through nlohmann's tree:
// the tests' oracle for ResultWriter, which must give the same bytes (and
// whose pretty form, indent_json, must match dump(2)). Test-only: the tool
// itself writes every result with ResultWriter.

#include "lib/answers.hpp"
#include "lib/engine.hpp"
#include "lib/result_json.hpp"
#include "lib/version.hpp"

#include <nlohmann/json.hpp>

namespace sciatica::test {

inline nlohmann::ordered_json because_json(const Result &result, const std::vector<int> &because) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (int index : because) {
        const auto i = static_cast<std::size_t>(index);
        const Question &question = result.rules->questions[i];
        out.push_back(
            {{"question", question.id}, {"answer", answer_to_json(question, *result.answers[i])}});
    }
    return out;
}

inline nlohmann::ordered_json rules_json(const Result &result,
                                         const std::vector<FiredRule> &fired) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto &hit : fired) {
        out.push_back(
            {{"id", hit.rule->id},
             {"name", hit.rule->name},
             {"urgency", result.rules->urgencies[static_cast<std::size_t>(hit.rule->urgency)].id},
             {"advice", hit.rule->advice},
             {"because", because_json(result, hit.because)}});
    }
    return out;
}

inline nlohmann::ordered_json question_ids(const Result &result, const std::vector<int> &indices) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (int index : indices) {
        out.push_back(result.rules->questions[static_cast<std::size_t>(index)].id);
    }
    return out;
}

// Each known answer as question id -> value, in the rule set's order; an
// unknown answer is left out.
inline nlohmann::ordered_json answers_json(const Result &result) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < result.answers.size(); ++i) {
        if (result.answers[i]) {
            const Question &question = result.rules->questions[i];
            out[question.id] = answer_to_json(question, *result.answers[i]);
        }
    }
    return out;
}

inline nlohmann::ordered_json changes_json(const Result &result) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto &change : result.changes) {
        const Question &question =
            result.rules->questions[static_cast<std::size_t>(change.question)];
        out.push_back({{"question", question.id},
                       {"before", change.before ? answer_to_json(question, *change.before)
                                                : nlohmann::ordered_json(nullptr)},
                       {"after", answer_to_json(question, change.after)},
                       {"since", change.since}});
    }
    return out;
}

inline nlohmann::ordered_json result_to_json(const Result &result) {
    const UrgencyLevel &level = result.urgency_level();
    nlohmann::ordered_json causes = nlohmann::ordered_json::array();
    for (const auto &ranked : result.causes) {
        causes.push_back({{"id", ranked.cause->id},
                          {"name", ranked.cause->name},
                          {"score", ranked.score},
                          {"summary", ranked.cause->summary},
                          {"because", because_json(result, ranked.because)}});
    }
    nlohmann::ordered_json techniques = nlohmann::ordered_json::array();
    for (const auto *technique : result.techniques) {
        techniques.push_back({{"id", technique->id},
                              {"name", technique->name},
                              {"steps", technique->steps},
                              {"cautions", technique->cautions},
                              {"equipment", technique->equipment}});
    }
    nlohmann::ordered_json not_ruled_out = nlohmann::ordered_json::array();
    for (const auto *flag : result.not_ruled_out) {
        not_ruled_out.push_back(flag->id);
    }
    nlohmann::ordered_json out;
    out["schema_version"] = k_result_schema_version;
    out["urgency"] = level.id;
    out["urgency_name"] = level.name;
    out["urgency_advice"] = level.advice;
    out["screen_complete"] = result.screen_complete;
    out["not_ruled_out"] = std::move(not_ruled_out);
    out["red_flags"] = rules_json(result, result.red_flags);
    out["urgency_rules"] = rules_json(result, result.urgency_rules);
    out["causes"] = std::move(causes);
    out["techniques"] = std::move(techniques);
    out["unanswered"] = question_ids(result, result.unanswered);
    out["asked"] = question_ids(result, result.asked);
    out["answers"] = answers_json(result);
    out["changes"] = changes_json(result);
    out["tool_version"] = tool_version();
    out["rules_version"] = result.rules->version;
    out["notice"] = result.rules->notice;
    return out;
}

} // namespace sciatica::test
