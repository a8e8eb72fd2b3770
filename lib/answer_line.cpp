#include "lib/answer_line.hpp"

#include "lib/answers.hpp"
#include "lib/answers_document.hpp"
#include "lib/error.hpp"
#include "lib/json_scan.hpp"
#include "lib/limits.hpp"
#include "lib/text_util.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <set>

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
    // `word`, a literal: its length known here, the compare is inlined.
    template <std::size_t N> bool take_word(const char (&word)[N]) {
        constexpr std::size_t size = N - 1;
        if (static_cast<std::size_t>(m_end - m_at) >= size && std::memcmp(m_at, word, size) == 0) {
            m_at += size;
            return true;
        }
        return false;
    }
    char peek() const { return m_at < m_end ? *m_at : '\0'; }

    // The text up to the next '"' after an opening one, unchecked: the
    // caller compares it with a known plain text (a question id), which
    // leaves no escape or control character to look for.
    bool raw_string(std::string_view &out) {
        if (!take('"')) {
            return false;
        }
        const auto *close = static_cast<const char *>(
            std::memchr(m_at, '"', static_cast<std::size_t>(m_end - m_at)));
        if (!close) {
            return false;
        }
        out = std::string_view(m_at, static_cast<std::size_t>(close - m_at));
        m_at = close + 1;
        return true;
    }

    // A string of printable ASCII without escapes; `out` is its content.
    bool plain_string(std::string_view &out) {
        if (!raw_string(out)) {
            return false;
        }
        // No early exit: a branch-free loop the compiler can vectorise.
        unsigned bad = 0;
        for (char c : out) {
            auto u = static_cast<unsigned char>(c);
            bad |= static_cast<unsigned>(u < 0x20) | static_cast<unsigned>(u >= 0x80) |
                   static_cast<unsigned>(c == '\\');
        }
        return bad == 0;
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

// Whether `text` is printable ASCII without '"' or '\\': a JSON string's
// content as written, with nothing to unescape.
bool is_plain(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u >= 0x20 && u < 0x80 && c != '"' && c != '\\';
    });
}

// Reads one member's value for `question` (nullptr: the case_id), whose type
// is `type`, into `answer` (or `case_id`). The Question is read only for what
// its type alone does not settle.
bool read_value(Cursor &in, const Question *question, QuestionType type,
                std::optional<double> &answer, std::string &case_id) {
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
            // Exactly as given: same digits, however many. A number no double
            // holds goes to the JSON route, which refuses it as `check` does.
            double value = 0;
            auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
            if (error != std::errc() || end != token.data() + token.size()) {
                return false;
            }
            case_id.assign(token);
            return true;
        }
        if (type != QuestionType::integer && type != QuestionType::number) {
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
    // true, false or null: the literal's first letter says which to try.
    std::string_view word;
    if ((next == 't' && in.take_word("true")) || (next == 'f' && in.take_word("false")) ||
        (next == 'n' && in.take_word("null"))) {
        word = next == 't' ? "true" : next == 'f' ? "false" : "null";
    } else {
        return false; // objects, arrays and anything invalid
    }
    if (!question) {
        case_id.assign(word);
        return true;
    }
    if (next == 'n') {
        answer.reset(); // unanswered, even over an earlier duplicate
        return true;
    }
    if (type != QuestionType::yes_no) {
        return false;
    }
    answer = next == 't' ? 1 : 0;
    return true;
}

// The index just past the JSON value that starts at line[i] (valid JSON).
std::size_t value_end(std::string_view line, std::size_t i) {
    if (i >= line.size()) {
        return line.size();
    }
    if (line[i] == '"') {
        return json_string_end(line, i);
    }
    if (line[i] != '{' && line[i] != '[') {
        std::size_t end = line.find_first_of(" \t\r\n,}]", i);
        return end == std::string_view::npos ? line.size() : end;
    }
    int depth = 0;
    while (i < line.size()) {
        char c = line[i];
        if (c == '"') {
            i = json_string_end(line, i);
            continue;
        }
        depth += c == '{' || c == '[' ? 1 : c == '}' || c == ']' ? -1 : 0;
        ++i;
        if (depth == 0) {
            break;
        }
    }
    return i;
}

// The text of the top-level member `key`'s value in `line`, valid JSON
// holding `key` once, byte for byte as written (a number keeps its digits,
// an object its member order and spacing). Keys are compared after
// decoding, so "case\u005fid" is found too.
std::string_view raw_top_level_value(std::string_view line, std::string_view key) {
    std::string_view found;
    scan_top_level_keys(line, [&](const JsonKey &member) {
        const std::string_view raw = member.raw;
        const bool match = raw.find('\\') == std::string_view::npos
                               ? raw.substr(1, raw.size() - 2) == key
                               : nlohmann::json::parse(raw).get<std::string>() == key;
        if (!match) {
            return true;
        }
        std::size_t value = line.find_first_not_of(" \t\r\n:", member.end);
        if (value != std::string_view::npos) {
            found = line.substr(value, value_end(line, value) - value);
        }
        return false;
    });
    return found;
}

// Finds a key given twice in one object, at any depth, by SAX: nlohmann
// would keep the last silently.
class DuplicateKeys : public nlohmann::json_sax<nlohmann::json> {
  public:
    std::string duplicate; // the first key met twice, or ""

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t &) override { return true; }
    bool string(string_t &) override { return true; }
    bool binary(binary_t &) override { return true; }
    bool start_object(std::size_t) override {
        m_keys.emplace_back();
        return true;
    }
    bool key(string_t &name) override {
        if (!m_keys.back().insert(name).second) {
            duplicate = name;
            return false;
        }
        return true;
    }
    bool end_object() override {
        m_keys.pop_back();
        return true;
    }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string &, const nlohmann::json::exception &) override {
        return false;
    }

  private:
    std::vector<std::set<std::string>> m_keys;
};

} // namespace

AnswerLineParser::AnswerLineParser(const RuleSet &rules) : m_rules(&rules) {
    for (const auto &question : rules.questions) {
        Key key;
        key.offset = static_cast<std::uint32_t>(m_ids.size());
        key.size = static_cast<std::uint32_t>(question.id.size());
        key.type = question.type;
        key.plain = is_plain(question.id);
        m_ids += question.id;
        m_keys.push_back(key);
    }
    // After m_ids is complete: the views point into it.
    for (std::size_t i = 0; i < m_keys.size(); ++i) {
        m_index.emplace(id_of(m_keys[i]), static_cast<int>(i));
    }
}

bool AnswerLineParser::try_parse(std::string_view line, AnswerLine &out) const {
    out.answers.assign(m_rules->questions.size(), std::nullopt);
    out.seen.assign(m_rules->questions.size(), 0);
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
            // Unchecked: a key is taken only when it is "case_id" or a plain
            // question id (Key::plain), and then it is plain too.
            if (!in.raw_string(key)) {
                return false;
            }
            in.skip_space();
            if (!in.take(':')) {
                return false;
            }
            in.skip_space();
            std::optional<double> ignored;
            if (key == k_case_id) {
                if (!out.case_id_json.empty() ||
                    !read_value(in, nullptr, QuestionType::yes_no, ignored, out.case_id_json)) {
                    return false;
                }
            } else {
                // Producers mostly write the questions in the rule set's
                // order, leaving some out: look a few ahead before hashing.
                std::size_t index = next;
                std::size_t stop = std::min(next + 4, m_keys.size());
                while (index < stop && id_of(m_keys[index]) != key) {
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
                const Key &entry = m_keys[index];
                if (!entry.plain || out.seen[index] != 0) {
                    return false; // an id to unescape, or a duplicate: the full parser's
                }
                out.seen[index] = 1;
                if (!read_value(in, &questions[index], entry.type, out.answers[index],
                                out.case_id_json)) {
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
    out.answers = parse_answers_json(*m_rules, line, source, {std::string(k_case_id)}, true);
    // Valid JSON now, with each top-level key once: only the case_id is left
    // to carry through, as given, byte for byte (nlohmann would round a big
    // number through a double and reorder an object's members).
    std::string_view raw = raw_top_level_value(line, k_case_id);
    if (!raw.empty() && (raw.front() == '{' || raw.front() == '[')) {
        DuplicateKeys keys;
        nlohmann::json::sax_parse(raw, &keys);
        if (!keys.duplicate.empty()) {
            throw Error(ErrorKind::data, source + ": the case_id has the key '" +
                                             printable(keys.duplicate, k_max_quoted_chars) +
                                             "' twice");
        }
    }
    out.case_id_json.assign(raw);
}

} // namespace sciatica
