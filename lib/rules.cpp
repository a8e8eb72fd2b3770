#include "lib/rules.hpp"

namespace sciatica {

namespace {

template <typename T> int index_of(const std::vector<T> &items, const std::string &id) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

template <typename T> std::vector<std::string> ids_of(const std::vector<T> &items) {
    std::vector<std::string> ids;
    ids.reserve(items.size());
    for (const auto &item : items) {
        ids.push_back(item.id);
    }
    return ids;
}

} // namespace

const char *question_type_name(QuestionType type) {
    switch (type) {
    case QuestionType::yes_no:
        return "yes_no";
    case QuestionType::integer:
        return "integer";
    case QuestionType::number:
        return "number";
    case QuestionType::choice:
        return "choice";
    }
    return "?";
}

const std::vector<QuestionType> &question_types() {
    static const std::vector<QuestionType> types = {QuestionType::yes_no, QuestionType::integer,
                                                    QuestionType::number, QuestionType::choice};
    return types;
}

const std::vector<DurationUnit> &duration_units() {
    static const std::vector<DurationUnit> units = {
        {"days", {"d", "day", "days"}, 1},
        {"weeks", {"w", "wk", "wks", "week", "weeks"}, 7},
        {"months", {"mo", "mos", "month", "months"}, 365.25 / 12},
        {"years", {"y", "yr", "yrs", "year", "years"}, 365.25},
    };
    return units;
}

const std::vector<TextKey> &text_keys() {
    static const std::vector<TextKey> keys = {
        {"why_heading", &Texts::why_heading},
        {"emergency_signs_heading", &Texts::emergency_signs_heading},
        {"causes_heading", &Texts::causes_heading},
        {"no_causes", &Texts::no_causes},
        {"techniques_heading", &Texts::techniques_heading},
        {"no_techniques", &Texts::no_techniques},
        {"worth_answering_heading", &Texts::worth_answering_heading},
        {"causes_list_heading", &Texts::causes_list_heading},
        {"usual_urgency_label", &Texts::usual_urgency_label},
        {"signs_heading", &Texts::signs_heading},
        {"diagnosis_heading", &Texts::diagnosis_heading},
        {"usual_urgency_heading", &Texts::usual_urgency_heading},
        {"techniques_list_heading", &Texts::techniques_list_heading},
        {"cautions_heading", &Texts::cautions_heading},
        {"withheld_at", &Texts::withheld_at},
        {"equipment_heading", &Texts::equipment_heading},
        {"treatments_heading", &Texts::treatments_heading},
    };
    return keys;
}

int RuleSet::question_index(const std::string &id) const {
    return index_of(questions, id);
}
int RuleSet::cause_index(const std::string &id) const {
    return index_of(causes, id);
}
int RuleSet::technique_index(const std::string &id) const {
    return index_of(techniques, id);
}
int RuleSet::urgency_index(const std::string &id) const {
    return index_of(urgencies, id);
}
int RuleSet::equipment_index(const std::string &id) const {
    return index_of(equipment, id);
}

std::vector<std::string> RuleSet::question_ids() const {
    return ids_of(questions);
}
std::vector<std::string> RuleSet::cause_ids() const {
    return ids_of(causes);
}
std::vector<std::string> RuleSet::technique_ids() const {
    return ids_of(techniques);
}
std::vector<std::string> RuleSet::urgency_ids() const {
    return ids_of(urgencies);
}
std::vector<std::string> RuleSet::equipment_ids() const {
    return ids_of(equipment);
}

} // namespace sciatica
