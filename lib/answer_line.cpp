#include "lib/answer_line.hpp"

#include "lib/answers.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace sciatica {

namespace {

constexpr std::string_view k_case_id = "case_id";

// A cursor over one line. Each reader returns false when the text is not the
// simple shape the fast path takes; the caller then defers to the full parser.
class Cursor {
  public:
    explicit Cursor(std::string_view text) : m_at(text.data()), m_end(text.data() + text.size()) {}

    void skip_space() {
        while (m_at < m_end && (*m_at == ' ' || *m_at == '\t' || *m_at == '\r' || *m_at == '\n')) {
            ++m_at;
        }
    }
    bool at_end() const { return m_at == m_end; }
    bool take(char c) {
        if (m_at < m_end && *m_at == c) {
            ++m_at;
            return true;
        }
        return false;
    }
    bool take_word(std::string_view word) {
        if (static_cast<std::size_t>(m_end - m_at) >= word.size() &&
            std::string_view(m_at, word.size()) == word) {
            m_at += word.size();
            return true;
        }
        return false;
    }
    char peek() const { return m_at < m_end ? *m_at : '\0'; }

    // A string of printable ASCII without escapes; `out` is its content.
    bool plain_string(std::string_view &out) {
        if (!take('"')) {
            return false;
        }
        const auto *close = static_cast<const char *>(
            std::memchr(m_at, '"', static_cast<std::size_t>(m_end - m_at)));
        if (!close) {
            return false;
        }
        // No early exit: a branch-free loop the compiler can vectorise.
        unsigned bad = 0;
        for (const char *p = m_at; p < close; ++p) {
            auto c = static_cast<unsigned char>(*p);
            bad |= static_cast<unsigned>(c < 0x20) | static_cast<unsigned>(c >= 0x80) |
                   static_cast<unsigned>(c == '\\');
        }
        if (bad != 0) {
            return false;
        }
        out = std::string_view(m_at, static_cast<std::size_t>(close - m_at));
        m_at = close + 1;
        return true;
    }

    // A number in JSON's grammar; `token` is its text.
    bool number(std::string_view &token) {
        const char *start = m_at;
        take('-');
        if (take('0')) {
        } else if (!digits()) {
            return false;
        }
        if (take('.') && !digits()) {
            return false;
        }
        if (take('e') || take('E')) {
            if (!take('+')) {
                take('-');
            }
            if (!digits()) {
                return false;
            }
        }
        token = std::string_view(start, static_cast<std::size_t>(m_at - start));
        return true;
    }

  private:
    bool digits() {
        const char *start = m_at;
        while (m_at < m_end && *m_at >= '0' && *m_at <= '9') {
            ++m_at;
        }
        return m_at > start;
    }

    const char *m_at;
    const char *m_end;
};

// A case_id that is a number is echoed as parse_answers_json's route would
// write it; only plain non-negative integers are certain to come out as typed.
bool plain_integer(std::string_view token) {
    return !token.empty() && token.size() <= 18 &&
           token.find_first_not_of("0123456789") == std::string_view::npos &&
           (token.size() == 1 || token[0] != '0');
}

// Reads one member's value for `question` (nullptr: the case_id) into `out`.
bool read_value(Cursor &in, const Question *question, std::optional<double> &answer,
                std::string &case_id) {
    std::string_view token;
    char next = in.peek();
    if (next == '"') {
        if (!in.plain_string(token)) {
            return false;
        }
        if (!question) {
            case_id.assign("\"").append(token).append("\"");
            return true;
        }
        try {
            answer = parse_answer(*question, token);
        } catch (const std::exception &) {
            return false; // the full parser reports it
        }
        return true;
    }
    if (next == '-' || (next >= '0' && next <= '9')) {
        if (!in.number(token)) {
            return false;
        }
        if (!question) {
            case_id.assign(token);
            return plain_integer(token);
        }
        if (question->type != QuestionType::integer && question->type != QuestionType::number) {
            return false;
        }
        double value = 0;
        auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
        if (error != std::errc() || end != token.data() + token.size() ||
            number_fault(*question, value) != NumberFault::none) {
            return false;
        }
        answer = value;
        return true;
    }
    for (std::string_view word : {"true", "false", "null"}) {
        if (!in.take_word(word)) {
            continue;
        }
        if (!question) {
            case_id.assign(word);
            return true;
        }
        if (word == "null") {
            answer.reset(); // unanswered, even over an earlier duplicate
            return true;
        }
        if (question->type != QuestionType::yes_no) {
            return false;
        }
        answer = word == "true" ? 1 : 0;
        return true;
    }
    return false; // objects, arrays and anything invalid
}

} // namespace

AnswerLineParser::AnswerLineParser(const RuleSet &rules) : m_rules(&rules) {
    for (std::size_t i = 0; i < rules.questions.size(); ++i) {
        m_index.emplace(rules.questions[i].id, static_cast<int>(i));
    }
}

bool AnswerLineParser::try_parse(std::string_view line, AnswerLine &out) const {
    out.answers.assign(m_rules->questions.size(), std::nullopt);
    out.case_id_json.clear();
    const auto &questions = m_rules->questions;
    std::size_t next = 0;
    Cursor in(line);
    in.skip_space();
    if (!in.take('{')) {
        return false;
    }
    in.skip_space();
    if (!in.take('}')) {
        for (;;) {
            std::string_view key;
            in.skip_space();
            if (!in.plain_string(key)) {
                return false;
            }
            in.skip_space();
            if (!in.take(':')) {
                return false;
            }
            in.skip_space();
            std::optional<double> ignored;
            if (key == k_case_id) {
                if (!read_value(in, nullptr, ignored, out.case_id_json)) {
                    return false;
                }
            } else {
                // Producers mostly write the questions in the rule set's
                // order, leaving some out: look a few ahead before hashing.
                std::size_t index = next;
                std::size_t stop = std::min(next + 4, questions.size());
                while (index < stop && questions[index].id != key) {
                    ++index;
                }
                if (index == stop) {
                    auto found = m_index.find(key);
                    if (found == m_index.end()) {
                        return false;
                    }
                    index = static_cast<std::size_t>(found->second);
                }
                next = index + 1;
                if (!read_value(in, &questions[index], out.answers[index], out.case_id_json)) {
                    return false;
                }
            }
            in.skip_space();
            if (in.take('}')) {
                break;
            }
            if (!in.take(',')) {
                return false;
            }
        }
    }
    in.skip_space();
    return in.at_end();
}

void AnswerLineParser::parse(std::string_view line, const std::string &source,
                             AnswerLine &out) const {
    if (try_parse(line, out)) {
        return;
    }
    out.answers = parse_answers_json(*m_rules, line, source, {std::string(k_case_id)});
    // Valid JSON now: only the case_id is left to carry through.
    auto document = nlohmann::json::parse(line);
    auto found = document.find(k_case_id);
    out.case_id_json = found == document.end() ? "" : found->dump();
}

} // namespace sciatica
