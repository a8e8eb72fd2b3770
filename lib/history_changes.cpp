#include "lib/history_changes.hpp"

#include "lib/history_answers.hpp"
#include "lib/result_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace sciatica {

namespace {

bool is_yes(const std::optional<double> &value) {
    return value && *value != 0;
}

bool is_no(const std::optional<double> &value) {
    return value && *value == 0;
}

// Whether `watch` sees a change from `before` to `after`. An earlier answer
// that was left unknown is no change: nothing says what it was.
bool changed(const Watch &watch, const std::optional<double> &before,
             const std::optional<double> &after) {
    switch (watch.kind) {
    case WatchKind::became_yes:
        return is_no(before) && is_yes(after);
    case WatchKind::rose_by:
        return before && after && *after - *before >= watch.by;
    }
    return false;
}

// (implied answer, changed answer) pairs.
using Implied = std::vector<std::pair<int, int>>;

// Every rule resting on an implied answer also names the answer that changed.
void name_changes(const Implied &implied, std::vector<FiredRule> &fired) {
    for (auto &hit : fired) {
        auto &because = hit.because;
        for (const auto &[answer, change] : implied) {
            bool rests_on = std::find(because.begin(), because.end(), answer) != because.end();
            if (rests_on && std::find(because.begin(), because.end(), change) == because.end()) {
                because.push_back(change);
            }
        }
    }
}

} // namespace

Result evaluate(const RuleSet &rules, const Answers &answers, const PreviousCheck *previous) {
    if (previous == nullptr) {
        return evaluate(rules, answers);
    }
    std::vector<Change> changes;
    Implied implied;
    Answers effective = answers;
    for (const auto &watch : rules.history.watch) {
        const auto q = static_cast<std::size_t>(watch.question);
        if (q >= answers.size() || q >= previous->answers.size() ||
            !changed(watch, previous->answers[q], answers[q])) {
            continue;
        }
        changes.push_back({watch.question, previous->answers[q], *answers[q], previous->at});
        if (watch.implies >= 0) {
            // The history outranks a "no": weakness that is new since the
            // last check has got worse, whatever the person judged today.
            effective[static_cast<std::size_t>(watch.implies)] = 1;
            implied.emplace_back(watch.implies, watch.question);
        }
    }
    Result result = evaluate(rules, effective);
    name_changes(implied, result.red_flags);
    name_changes(implied, result.urgency_rules);
    result.changes = std::move(changes);
    return result;
}

SavedCheck compared_again(const RuleSet &rules, const SavedCheck &before, const SavedCheck &latest) {
    auto result = nlohmann::ordered_json::parse(latest.result, nullptr, false);
    if (!result.is_object()) {
        return latest;
    }
    PreviousCheck previous = previous_check(rules, before);
    Result now = evaluate(rules, answers_from_store_json(rules, latest.answers), &previous);
    nlohmann::ordered_json changes = nlohmann::ordered_json::array();
    for (const auto &change : now.changes) {
        const Question &question = rules.questions[static_cast<std::size_t>(change.question)];
        nlohmann::ordered_json item;
        item["question"] = question.id;
        item["before"] = change.before ? answer_to_json(question, *change.before)
                                       : nlohmann::ordered_json(nullptr);
        item["after"] = answer_to_json(question, change.after);
        item["since"] = change.since;
        changes.push_back(std::move(item));
    }
    result["changes"] = std::move(changes);
    SavedCheck out = latest;
    out.result = result.dump();
    return out;
}

} // namespace sciatica
