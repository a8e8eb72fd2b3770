#include "lib/history_json.hpp"

#include "lib/error.hpp"

#include <algorithm>
#include <cmath>

namespace sciatica {

namespace {

nlohmann::ordered_json parse_stored(const std::string &text, const std::string &what,
                                    const SavedCheck &check, const std::string &store_path) {
    auto value = nlohmann::ordered_json::parse(text, nullptr, false);
    if (!value.is_object()) {
        throw Error(ErrorKind::data, "the history " + store_path + ": the " + what + " of check " +
                                         std::to_string(check.id) + " is damaged");
    }
    return value;
}

} // namespace

nlohmann::ordered_json saved_check_json(const RuleSet &rules, const SavedCheck &check,
                                        const std::string &store_path) {
    auto answers = parse_stored(check.answers, "answers", check, store_path);
    auto result = parse_stored(check.result, "result", check, store_path);
    nlohmann::ordered_json pain_score = nullptr;
    if (rules.history.pain_score >= 0) {
        const auto &id = rules.questions[static_cast<std::size_t>(rules.history.pain_score)].id;
        if (answers.contains(id) && answers[id].is_number()) {
            pain_score = answers[id];
        }
    }
    nlohmann::ordered_json leading = nullptr;
    if (result.contains("causes") && result["causes"].is_array() && !result["causes"].empty() &&
        result["causes"][0].contains("id")) {
        leading = result["causes"][0]["id"];
    }
    nlohmann::ordered_json out;
    out["id"] = check.id;
    out["at"] = check.at;
    out["rules_version"] = check.rules_version;
    out["urgency"] = result.value("urgency", "");
    out["pain_score"] = std::move(pain_score);
    out["leading_cause"] = std::move(leading);
    out["answers"] = std::move(answers);
    out["result"] = std::move(result);
    return out;
}

nlohmann::ordered_json history_json(const RuleSet &rules, const std::vector<SavedCheck> &checks,
                                    const std::string &store_path) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto &check : checks) {
        list.push_back(saved_check_json(rules, check, store_path));
    }
    nlohmann::ordered_json out;
    out["schema_version"] = k_history_schema_version;
    out["checks"] = std::move(list);
    out["notice"] = rules.notice;
    return out;
}

std::string sparkline(const std::vector<std::optional<double>> &scores, double low, double high) {
    static const char *const k_bars[] = {"\u2581", "\u2582", "\u2583", "\u2584",
                                         "\u2585", "\u2586", "\u2587", "\u2588"};
    std::string out;
    for (const auto &score : scores) {
        if (!score || high <= low) {
            out += "\u00b7";
            continue;
        }
        double share = std::clamp((*score - low) / (high - low), 0.0, 1.0);
        out += k_bars[static_cast<int>(std::lround(share * 7))];
    }
    return out;
}

} // namespace sciatica
