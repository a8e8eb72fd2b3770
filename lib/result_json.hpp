#pragma once

#include "lib/engine.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sciatica {

// The version of the JSON result contract below. Adding a member keeps it;
// renaming, removing or retyping one bumps it.
inline constexpr int k_result_schema_version = 1;

// An answer as a JSON value: true/false, a number, or the option's name.
nlohmann::ordered_json answer_to_json(const Question &question, double value);

// Appends `text` to `out` as a JSON string, escaped exactly as nlohmann's
// dump() does (quote, backslash and control characters; UTF-8 kept as is).
void append_json_string(std::string &out, std::string_view text);

// Appends `value` to `out` as nlohmann's dump() writes a double.
void append_json_double(std::string &out, double value);

// The compact JSON `compact` re-indented for people, as nlohmann's dump(2)
// lays it out: two spaces a level, "key": value, empty [] and {} kept whole.
std::string indent_json(std::string_view compact);

// The one writer of the JSON result contract: schema_version, urgency,
// urgency_name, urgency_advice, screen_complete, not_ruled_out, red_flags,
// urgency_rules, causes, techniques, unanswered, asked, answers (each known
// answer, question id -> value, in the rule set's order), changes
// ({question, before, after, since} against a saved check), tool_version,
// rules_version (the program's and the rule set's versions), notice; each red flag, rule and cause
// carries `because`:
// [{question, answer}], an answer being true/false, a number or the option's
// name. It writes compact JSON without building a tree, every constant text
// of the rule set escaped once, up front; byte for byte what nlohmann's dump()
// of the same tree gives (tests/result_oracle.hpp holds that tree, as the
// tests' oracle). It points into `rules`, which must outlive it.
class ResultWriter {
  public:
    explicit ResultWriter(const RuleSet &rules);

    // Appends the result of `rules` as one line of JSON (no newline) to `out`.
    // A non-empty `case_id_json`, already valid JSON, comes first as "case_id".
    void append(const Result &result, std::string &out, std::string_view case_id_json = {}) const;

  private:
    void append_answer(std::size_t question, double value, std::string &out) const;
    void append_answers(const Result &result, std::string &out) const;
    void append_changes(const Result &result, std::string &out) const;
    void append_because(const Result &result, const std::vector<int> &because,
                        std::string &out) const;
    void append_rules(const Result &result, const std::vector<FiredRule> &fired,
                      std::string &out) const;
    void append_ids(const std::vector<int> &indices, std::string &out) const;

    const RuleSet *m_rules;
    std::string m_schema_version;                   // "schema_version":1,
    std::vector<std::string> m_urgency_head;        // "urgency":...,"urgency_advice":..,
    std::vector<std::string> m_question_id;         // "id"
    std::vector<std::string> m_because_head;        // {"question":"id","answer":
    std::vector<std::vector<std::string>> m_option; // "option" per choice question
    // The answers object's members, written ahead, one after another in
    // m_answer_text: per question `,"id":` and then, for yes_no `,"id":false`
    // and `,"id":true`, for a choice `,"id":"option"` per option. Text j runs
    // from m_answer_start[j] to m_answer_start[j + 1]. One copy per answer,
    // from memory a rule set ten times the default's still keeps in cache
    // (tests/bench: rule scaling).
    struct AnswerTexts {
        std::uint32_t first = 0; // the `,"id":` text; the values' follow it
        std::uint32_t values = 0;
        QuestionType type = QuestionType::yes_no;
    };
    std::string m_answer_text;
    std::vector<std::uint32_t> m_answer_start;
    std::vector<AnswerTexts> m_answer_texts; // indexed like RuleSet::questions
    std::vector<std::string> m_red_flag_head;       // {"id":..,"advice":..,"because":[
    std::vector<std::string> m_red_flag_id;         // "id"
    std::vector<std::string> m_rule_head;
    std::vector<std::string> m_cause_head;   // {"id":..,"name":..,"score":
    std::vector<std::string> m_cause_middle; // ,"summary":..,"because":[
    std::vector<std::string> m_technique;    // the whole object
    // The fixed parts between them, built once from lib/result_format.hpp.
    std::string m_case_id;                // "case_id":
    std::string m_complete, m_incomplete; // "screen_complete":true,"not_ruled_out":[
    std::string m_red_flags_list;         // ],"red_flags":[
    std::string m_urgency_rules_list;     // ],"urgency_rules":[
    std::string m_causes_list;            // ],"causes":[
    std::string m_techniques_list;        // ],"techniques":[
    std::string m_unanswered_list;        // ],"unanswered":[
    std::string m_asked_list;             // ],"asked":[
    std::string m_answers_head;           // ],"answers":{
    std::string m_changes_list_head;      // },"changes":[
    std::string m_changes_head;           // {"question":
    std::string m_changes_before;         // ,"before":
    std::string m_changes_after;          // ,"after":
    std::string m_changes_since;          // ,"since":
    std::string m_tail; // ],"tool_version":..,"rules_version":..,"notice":".."}
};

} // namespace sciatica
