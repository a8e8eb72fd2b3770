#include "lib/answers.hpp"

#include "lib/error.hpp"
#include "lib/limits.hpp"
#include "lib/text_util.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <vector>

namespace sciatica {

namespace {

// `option` equals `word` (already lower case) ignoring ASCII case.
bool same_letters(std::string_view option, std::string_view word) {
    return option.size() == word.size() &&
           std::equal(option.begin(), option.end(), word.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == static_cast<unsigned char>(b);
           });
}

// A value from the input, safe and short enough to repeat in a message.
std::string shown_value(std::string_view text) {
    return printable(text, k_max_quoted_chars);
}

[[noreturn]] void fail(const Question &question, const std::string &message) {
    throw AnswerError(question.id, message);
}

const DurationUnit *unit_named(const std::string &name) {
    for (const auto &unit : duration_units()) {
        if (unit.name == name) {
            return &unit;
        }
    }
    return nullptr;
}

// "3 days", "2months", "1.5 years" for a question whose answer is in another
// unit, converted to it: to two decimals for a number, to the nearest whole
// one for an integer. std::nullopt when `text` names no unit, or the question
// has none.
std::optional<double> in_question_unit(const Question &question, std::string_view text) {
    const DurationUnit *target = unit_named(question.unit);
    if (target == nullptr) {
        return std::nullopt;
    }
    std::size_t split = text.find_first_not_of("0123456789.");
    if (split == 0 || split == std::string_view::npos) {
        return std::nullopt;
    }
    std::string digits(text.substr(0, split));
    std::string word = lower(trim(text.substr(split)));
    char *end = nullptr;
    double value = std::strtod(digits.c_str(), &end);
    if (end != digits.c_str() + digits.size()) {
        return std::nullopt;
    }
    for (const auto &unit : duration_units()) {
        if (std::find(unit.words.begin(), unit.words.end(), word) != unit.words.end()) {
            double converted = value * unit.days / target->days;
            double scale = question.type == QuestionType::integer ? 1 : 100;
            return std::round(converted * scale) / scale;
        }
    }
    return std::nullopt;
}

} // namespace

// Checks a number against the question's kind and range.
double checked_number(const Question &question, double value, const std::string &shown) {
    switch (number_fault(question, value)) {
    case NumberFault::none:
        break;
    case NumberFault::not_finite:
        fail(question, "'" + shown + "' is not a finite number; expected " + answer_hint(question));
    case NumberFault::not_whole:
        fail(question, "'" + shown + "' is not a whole number; expected " + answer_hint(question));
    case NumberFault::out_of_range:
        fail(question, shown + " is out of range; expected " + answer_hint(question));
    }
    return value;
}

int question_or_throw(const RuleSet &rules, const std::string &id, ErrorKind kind,
                      const std::string &where) {
    int index = rules.question_index(id);
    if (index < 0) {
        throw Error(kind, where + "unknown question '" + shown_value(id) + "'" +
                              did_you_mean(id, rules.question_ids()));
    }
    return index;
}

Answers no_answers(const RuleSet &rules) {
    return Answers(rules.questions.size());
}

NumberFault number_fault(const Question &question, double value) {
    if (!std::isfinite(value)) {
        return NumberFault::not_finite;
    }
    if (question.type == QuestionType::integer && value != std::floor(value)) {
        return NumberFault::not_whole;
    }
    if ((question.min && value < *question.min) || (question.max && value > *question.max)) {
        return NumberFault::out_of_range;
    }
    return NumberFault::none;
}

double parse_answer(const Question &question, std::string_view raw) {
    std::string_view text = trim(raw);
    std::string shown = shown_value(text);
    switch (question.type) {
    case QuestionType::yes_no: {
        std::string word = lower(text);
        if (word == "yes" || word == "y" || word == "true") {
            return 1;
        }
        if (word == "no" || word == "n" || word == "false") {
            return 0;
        }
        fail(question, "'" + shown + "' is not an answer; expected " + answer_hint(question));
    }
    case QuestionType::choice: {
        // Options match whatever the case, as yes and no do; lint refuses
        // options that differ only in case, so at most one matches.
        std::string word = lower(text);
        const auto &options = question.options;
        auto it = std::find_if(options.begin(), options.end(), [&](const std::string &option) {
            return same_letters(option, word);
        });
        if (it == options.end()) {
            fail(question, "'" + shown + "' is not allowed; expected " + answer_hint(question) +
                               did_you_mean(word, options));
        }
        return static_cast<double>(it - options.begin());
    }
    case QuestionType::integer:
    case QuestionType::number: {
        if (auto converted = in_question_unit(question, text)) {
            return checked_number(question, *converted, shown);
        }
        std::string digits(text);
        char *end = nullptr;
        errno = 0;
        double value = digits.empty() ? 0 : std::strtod(digits.c_str(), &end);
        bool whole_text = !digits.empty() && end == digits.c_str() + digits.size();
        // strtod also reads "inf", "nan" and hex; a person means a decimal.
        bool decimal = digits.find_first_not_of("0123456789.-+eE") == std::string::npos;
        if (!whole_text || !decimal || errno == ERANGE) {
            fail(question, "'" + shown + "' is not a number; expected " + answer_hint(question));
        }
        return checked_number(question, value, shown);
    }
    }
    fail(question, "unsupported question type");
}

double parse_reply(const Question &question, std::string_view text) {
    std::string_view reply = trim(text);
    if (question.type == QuestionType::choice && !reply.empty() && reply.size() < 4 &&
        reply.find_first_not_of("0123456789") == std::string_view::npos) {
        std::size_t number = std::stoul(std::string(reply));
        if (number >= 1 && number <= question.options.size()) {
            return static_cast<double>(number - 1);
        }
    }
    return parse_answer(question, text);
}

void apply_answer_flag(const RuleSet &rules, Answers &answers, std::string_view flag) {
    auto equals = flag.find('=');
    if (equals == std::string_view::npos || equals == 0) {
        throw Error(ErrorKind::usage, "--answer '" + std::string(flag) +
                                          "': expected ID=VALUE, such as leg_pain=yes");
    }
    std::string id(trim(flag.substr(0, equals)));
    int index = question_or_throw(rules, id, ErrorKind::usage, "--answer: ");
    try {
        answers[static_cast<std::size_t>(index)] =
            parse_answer(rules.questions[static_cast<std::size_t>(index)], flag.substr(equals + 1));
    } catch (const Error &e) {
        throw Error(ErrorKind::usage, std::string("--answer: ") + e.what());
    }
}

std::string answer_text(const Question &question, double value) {
    switch (question.type) {
    case QuestionType::yes_no:
        return value != 0 ? "yes" : "no";
    case QuestionType::choice: {
        auto index = static_cast<std::size_t>(value);
        return index < question.options.size() ? question.options[index] : "?";
    }
    case QuestionType::integer:
    case QuestionType::number:
        return format_number(value);
    }
    return "?";
}

std::string answer_statement(const Question &question, double value) {
    std::string says;
    if (question.type == QuestionType::yes_no && question.says.size() == 2) {
        says = question.says[value != 0 ? 1 : 0];
    } else if (question.type == QuestionType::choice) {
        auto index = static_cast<std::size_t>(value);
        says = index < question.says.size() ? question.says[index] : "";
    } else if (!question.says.empty()) {
        says = question.says.front();
    }
    if (says.empty()) {
        std::string answer = answer_text(question, value);
        if (!answer.empty()) {
            answer[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(answer[0])));
        }
        return question.prompt + " " + answer;
    }
    return filled_in(says, {{"answer", answer_text(question, value)}});
}

std::string answer_hint(const Question &question) {
    switch (question.type) {
    case QuestionType::yes_no:
        return "yes or no";
    case QuestionType::choice: {
        std::string out = "one of ";
        for (std::size_t i = 0; i < question.options.size(); ++i) {
            out += (i ? ", " : "") + question.options[i];
        }
        return out;
    }
    case QuestionType::integer:
    case QuestionType::number: {
        std::string kind = question.type == QuestionType::integer ? "a whole number" : "a number";
        std::string unit = question.unit.empty() ? "" : " " + question.unit;
        std::string other =
            unit.empty() ? "" : "; or with a unit, such as 3 days, 2 months or 1.5 years";
        if (question.min && question.max) {
            return kind + " from " + format_number(*question.min) + " to " +
                   format_number(*question.max) + unit + other;
        }
        if (question.min) {
            return kind + " of " + format_number(*question.min) + unit + " or more" + other;
        }
        if (question.max) {
            return kind + " of " + format_number(*question.max) + unit + " or less" + other;
        }
        return kind + (unit.empty() ? "" : " of" + unit) + other;
    }
    }
    return "";
}

} // namespace sciatica
