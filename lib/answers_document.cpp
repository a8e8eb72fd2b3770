// An answers document: JSON or YAML, from a file, standard input or a batch
// line. The JSON route is here; the YAML route is answers_yaml.

#include "lib/answers_document.hpp"

#include "lib/answers.hpp"
#include "lib/answers_yaml.hpp"
#include "lib/error.hpp"
#include "lib/input.hpp"
#include "lib/json_scan.hpp"
#include "lib/limits.hpp"
#include "lib/text_util.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <unordered_set>

namespace sciatica {

namespace {

double json_answer(const Question &question, const nlohmann::json &value) {
    if (value.is_boolean()) {
        if (question.type != QuestionType::yes_no) {
            throw AnswerError(question.id, std::string(value.get<bool>() ? "true" : "false") +
                               " is not allowed; expected " + answer_hint(question));
        }
        return value.get<bool>() ? 1 : 0;
    }
    if (value.is_number()) {
        if (question.type != QuestionType::integer && question.type != QuestionType::number) {
            throw AnswerError(question.id, value.dump() + " is not allowed; expected " + answer_hint(question));
        }
        return checked_number(question, value.get<double>(), value.dump());
    }
    if (value.is_string()) {
        return parse_answer(question, value.get<std::string>());
    }
    throw AnswerError(question.id,
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
    std::size_t keys = 0;
    return scan_top_level_keys(text, [&](const JsonKey &) { return keys++ != ordinal; });
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
                            source + line + ": duplicate answer '" + printable(key, k_max_quoted_chars) + "'");
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

} // namespace

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

} // namespace sciatica
