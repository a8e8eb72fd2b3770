#include "lib/completion_words.hpp"

namespace sciatica {

std::vector<std::string> answer_values(const Question &question) {
    switch (question.type) {
    case QuestionType::yes_no:
        return {"yes", "no"};
    case QuestionType::choice:
        return question.options;
    case QuestionType::integer:
    case QuestionType::number:
        break;
    }
    return {};
}

} // namespace sciatica
