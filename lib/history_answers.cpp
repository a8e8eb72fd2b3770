#include "lib/history_answers.hpp"

#include "lib/answers.hpp"
#include "lib/answers_document.hpp"
#include "lib/error.hpp"
#include "lib/history_time.hpp"
#include "lib/result_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace sciatica {

namespace {

constexpr double k_seconds_per_week = 7 * 24 * 3600.0;

} // namespace

std::string answers_to_store_json(const RuleSet &rules, const Answers &answers) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < rules.questions.size(); ++i) {
        const Question &question = rules.questions[i];
        out[question.id] = i < answers.size() && answers[i] ? answer_to_json(question, *answers[i])
                                                            : nlohmann::ordered_json(nullptr);
    }
    return out.dump();
}

Answers answers_from_store_json(const RuleSet &rules, const std::string &json) {
    Answers answers = no_answers(rules);
    nlohmann::json document = nlohmann::json::parse(json, nullptr, false);
    if (!document.is_object()) {
        return answers;
    }
    for (const auto &[id, value] : document.items()) {
        int index = rules.question_index(id);
        if (index < 0 || value.is_null()) {
            continue;
        }
        try {
            Answers one = parse_answers_json(rules, nlohmann::json{{id, value}}.dump(), "history");
            answers[static_cast<std::size_t>(index)] = one[static_cast<std::size_t>(index)];
        } catch (const Error &) {
            // No longer a valid answer under this rule set: unknown.
        }
    }
    return answers;
}

PreviousCheck previous_check(const RuleSet &rules, const SavedCheck &saved) {
    return {answers_from_store_json(rules, saved.answers), saved.at};
}

std::optional<double> carried_duration(const RuleSet &rules, const std::vector<SavedCheck> &checks,
                                       long long now) {
    const int question = rules.history.duration;
    if (question < 0 || checks.empty()) {
        return std::nullopt;
    }
    const double gap = rules.history.episode_gap_weeks * k_seconds_per_week;
    // Walk back from now to the start of the episode.
    std::size_t first = checks.size();
    long long later = now;
    while (first > 0) {
        auto at = parse_iso_time(checks[first - 1].at);
        if (!at || (gap > 0 && static_cast<double>(later - *at) > gap)) {
            break;
        }
        later = *at;
        --first;
    }
    const Question &asked = rules.questions[static_cast<std::size_t>(question)];
    for (std::size_t i = first; i < checks.size(); ++i) {
        auto value =
            answers_from_store_json(rules, checks[i].answers)[static_cast<std::size_t>(question)];
        auto at = parse_iso_time(checks[i].at);
        if (!value || !at) {
            continue;
        }
        // A check dated after `now` (a clock set wrong, a damaged time)
        // counts as made now: time since it is never negative.
        double elapsed = static_cast<double>(std::max(0LL, now - *at));
        double weeks = *value + elapsed / k_seconds_per_week;
        weeks = std::round(weeks * 10) / 10; // a tenth of a week is close enough
        if (asked.type == QuestionType::integer) {
            weeks = std::round(weeks);
        }
        if (asked.max && weeks > *asked.max) {
            weeks = *asked.max;
        }
        if (asked.min && weeks < *asked.min) {
            weeks = *asked.min;
        }
        return weeks;
    }
    return std::nullopt;
}

Answers resume_answers(const RuleSet &rules, const Answers &last) {
    Answers out = last;
    for (int index : rules.history.ask_again) {
        out[static_cast<std::size_t>(index)].reset();
    }
    if (rules.history.duration >= 0) {
        // Grows with time: offered again from the episode's first check.
        out[static_cast<std::size_t>(rules.history.duration)].reset();
    }
    return out;
}

} // namespace sciatica
