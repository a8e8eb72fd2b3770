#include "lib/answers.hpp"

#include "lib/answers_yaml.hpp"
#include "lib/error.hpp"
#include "lib/input.hpp"
#include "lib/limits.hpp"
#include "lib/text_util.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <unordered_set>
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

// "an array", "an object", "a string".
std::string with_article(const std::string &noun) {
    bool vowel = !noun.empty() && std::string("aeiou").find(noun.front()) != std::string::npos;
    return (vowel ? "an " : "a ") + noun;
}

double json_answer(const Question &question, const nlohmann::json &value) {
    if (value.is_boolean()) {
        if (question.type != QuestionType::yes_no) {
            fail(question, std::string(value.get<bool>() ? "true" : "false") +
                               " is not allowed; expected " + answer_hint(question));
        }
        return value.get<bool>() ? 1 : 0;
    }
    if (value.is_number()) {
        if (question.type != QuestionType::integer && question.type != QuestionType::number) {
            fail(question, value.dump() + " is not allowed; expected " + answer_hint(question));
        }
        return checked_number(question, value.get<double>(), value.dump());
    }
    if (value.is_string()) {
        return parse_answer(question, value.get<std::string>());
    }
    fail(question,
         with_article(value.type_name()) + " is not allowed; expected " + answer_hint(question));
}

Answers from_json(const RuleSet &rules, const nlohmann::json &document, const std::string &source,
                  const std::vector<std::string> &ignored) {
    if (!document.is_object()) {
        throw Error(ErrorKind::data, source + ": answers must be an object of question id to " +
                                         "value, not " + with_article(document.type_name()));
    }
    Answers answers = no_answers(rules);
    for (const auto &[key, value] : document.items()) {
        if (std::find(ignored.begin(), ignored.end(), key) != ignored.end()) {
            continue;
        }
        int index = question_or_throw(rules, key, ErrorKind::data, source + ": ");
        if (value.is_null()) {
            continue;
        }
        const Question &question = rules.questions[static_cast<std::size_t>(index)];
        try {
            answers[static_cast<std::size_t>(index)] = json_answer(question, value);
        } catch (const Error &e) {
            throw Error(ErrorKind::data, source + ": " + e.what());
        }
    }
    return answers;
}

// nlohmann's message without its "[json.exception.parse_error.101] " tag.
std::string json_message(const nlohmann::json::exception &e) {
    std::string message = e.what();
    if (!message.empty() && message.front() == '[') {
        auto end = message.find("] ");
        if (end != std::string::npos) {
            message.erase(0, end + 2);
        }
    }
    return message;
}

// The 1-based line of the `ordinal`-th (0-based) member key of the top-level
// object in `text`, which nlohmann has already read as valid JSON up to there.
std::size_t line_of_top_level_key(std::string_view text, std::size_t ordinal) {
    std::size_t line = 1;
    std::size_t keys = 0;
    int depth = 0;
    bool expect_key = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\n') {
            ++line;
        } else if (c == '"') {
            if (depth == 1 && expect_key) {
                if (keys++ == ordinal) {
                    return line;
                }
            }
            expect_key = false;
            for (++i; i < text.size() && text[i] != '"'; ++i) {
                i += text[i] == '\\' ? 1 : 0;
            }
        } else if (c == '{' || c == '[') {
            ++depth;
            expect_key = depth == 1 && c == '{';
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == ',' && depth == 1) {
            expect_key = true;
        }
    }
    return line;
}

// Parses a JSON answers document, refusing a NUL byte (nlohmann would take it
// as the end of the text and drop the rest), nesting past
// k_max_nesting_depth, and a key given twice in the top-level object (nlohmann
// would keep the last silently; for a warning sign a silent choice is wrong).
nlohmann::json parse_json(std::string_view text, const std::string &source, bool name_line) {
    if (auto nul = text.find('\0'); nul != std::string_view::npos) {
        throw Error(ErrorKind::data, source + ": the text contains a NUL byte (at byte " +
                                         std::to_string(nul + 1) + ")");
    }
    std::unordered_set<std::string> keys;
    auto check = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json &parsed) {
        if (depth >= k_max_nesting_depth) {
            throw Error(ErrorKind::data, source + ": nested more than " +
                                             std::to_string(k_max_nesting_depth) + " levels deep");
        }
        if (event == nlohmann::json::parse_event_t::key && depth == 1) {
            const auto &key = parsed.get_ref<const std::string &>();
            if (!keys.insert(key).second) {
                std::string line =
                    name_line ? ":" + std::to_string(line_of_top_level_key(text, keys.size())) : "";
                throw Error(ErrorKind::data,
                            source + line + ": duplicate answer '" + shown_value(key) + "'");
            }
        }
        return true;
    };
    try {
        return nlohmann::json::parse(text.begin(), text.end(), check);
    } catch (const nlohmann::json::parse_error &e) {
        throw Error(ErrorKind::data, source + ": invalid JSON at byte " + std::to_string(e.byte) +
                                         ": " + json_message(e));
    } catch (const nlohmann::json::exception &e) {
        // A number too large for a double ("1e999").
        throw Error(ErrorKind::data, source + ": invalid JSON: " + json_message(e));
    }
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

Answers parse_answers_document(const RuleSet &rules, std::string_view text,
                               const std::string &source, const std::vector<std::string> &ignored) {
    // A file or standard input passes here, and its size is checked before
    // any parsing; parse_answers_json checks it again for the callers that
    // come to it directly (a batch line the fast path hands over).
    if (text.size() > k_max_answers_bytes) {
        throw Error(ErrorKind::data, source + ": too large: answers may be at most " +
                                         size_text(k_max_answers_bytes));
    }
    std::string_view body = trim(text);
    if (body.empty()) {
        throw Error(ErrorKind::data, source + ": no answers (the input is empty)");
    }
    if (body.front() == '{' || body.front() == '[' || body.front() == '"') {
        return parse_answers_json(rules, text, source, ignored, false);
    }
    return parse_answers_yaml(rules, text, source, ignored);
}

Answers parse_answers_json(const RuleSet &rules, std::string_view text, const std::string &source,
                           const std::vector<std::string> &ignored, bool source_names_line) {
    if (text.size() > k_max_answers_bytes) {
        throw Error(ErrorKind::data, source + ": too large: answers may be at most " +
                                         size_text(k_max_answers_bytes));
    }
    return from_json(rules, parse_json(text, source, !source_names_line), source, ignored);
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
    const std::string placeholder = "{answer}";
    auto at = says.find(placeholder);
    if (at != std::string::npos) {
        says.replace(at, placeholder.size(), answer_text(question, value));
    }
    return says;
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
