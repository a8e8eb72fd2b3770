#pragma once

#include "lib/rules.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sciatica {

// One line of a JSON Lines batch: an answers object with an optional case_id.
struct AnswerLine {
    Answers answers;
    std::string case_id_json;        // the case_id value as written in the line; "" when absent
    std::vector<unsigned char> seen; // scratch: the fast path's questions met so far
};

// Reads batch lines quickly. A line is a flat JSON object of question id to
// value, as parse_answers_json reads, plus an optional "case_id" of any JSON
// type that is carried through, not answered: echoed byte for byte as written
// (a number keeps its digits, an object its member order), and refused, as a
// duplicate answer is, when an object inside it has a key twice. The fast path handles the common
// shape (ASCII keys and strings without escapes, scalar values) and hands
// anything else, including every error, to parse_answers_json, so both routes
// give the same answers and the same messages. It points into `rules`, which
// must outlive it.
class AnswerLineParser {
  public:
    explicit AnswerLineParser(const RuleSet &rules);

    // Parses `line` into `out`, reusing its storage. `source` names the line in
    // errors ("cases.jsonl:3"). Throws Error(data).
    void parse(std::string_view line, const std::string &source, AnswerLine &out) const;

    // The fast path alone: true when it parsed `line` into `out`; false when
    // the line needs parse() (then `out` holds nothing useful).
    bool try_parse(std::string_view line, AnswerLine &out) const;

  private:
    // A question's id in m_ids, and what the fast path reads of it without
    // touching its Question (a rule set ten times the default's does not
    // fit the cache: tests/bench, rule scaling).
    struct Key {
        std::uint32_t offset = 0;
        std::uint32_t size = 0;
        QuestionType type = QuestionType::yes_no;
        bool plain = false; // printable ASCII without '"' or '\\': a key as written
    };

    std::string_view id_of(const Key &key) const {
        return std::string_view(m_ids).substr(key.offset, key.size);
    }

    const RuleSet *m_rules;
    std::string m_ids;                                 // every question id, one after another
    std::vector<Key> m_keys;                           // indexed like RuleSet::questions
    std::unordered_map<std::string_view, int> m_index; // question id -> index
};

} // namespace sciatica
