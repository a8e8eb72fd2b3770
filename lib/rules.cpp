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
