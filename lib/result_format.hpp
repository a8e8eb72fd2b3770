#pragma once

// The member names of the JSON result (schema/result.schema.json), in one
// place for its writer (ResultWriter, lib/result_json.cpp) and every reader
// of stored results (lib/history_json.cpp, lib/report.cpp,
// cli/history_command.cpp), as leveldb's log_format.h serves its log reader
// and writer. The names are a contract: add, never rename (README's result
// table).

namespace sciatica::result_member {

// The top-level object, in the order written.
inline constexpr char k_case_id[] = "case_id"; // batch only, when the line had one
inline constexpr char k_schema_version[] = "schema_version";
inline constexpr char k_urgency[] = "urgency"; // an urgency level's id; also in each rule
inline constexpr char k_urgency_name[] = "urgency_name";
inline constexpr char k_urgency_advice[] = "urgency_advice";
inline constexpr char k_screen_complete[] = "screen_complete";
inline constexpr char k_not_ruled_out[] = "not_ruled_out";
inline constexpr char k_red_flags[] = "red_flags";
inline constexpr char k_urgency_rules[] = "urgency_rules";
inline constexpr char k_causes[] = "causes";
inline constexpr char k_techniques[] = "techniques";
inline constexpr char k_unanswered[] = "unanswered";
inline constexpr char k_asked[] = "asked";
inline constexpr char k_answers[] = "answers";
inline constexpr char k_changes[] = "changes";
inline constexpr char k_tool_version[] = "tool_version";
inline constexpr char k_rules_version[] = "rules_version";
inline constexpr char k_notice[] = "notice";

// A red flag or urgency rule {id, name, urgency, advice, because}, a cause
// {id, name, score, summary, because} and a technique {id, name, steps,
// cautions, equipment}.
inline constexpr char k_id[] = "id";
inline constexpr char k_name[] = "name";
inline constexpr char k_advice[] = "advice";
inline constexpr char k_because[] = "because";
inline constexpr char k_score[] = "score";
inline constexpr char k_summary[] = "summary";
inline constexpr char k_steps[] = "steps";
inline constexpr char k_cautions[] = "cautions";
inline constexpr char k_equipment[] = "equipment";

// An item of `because` {question, answer} and of `changes` {question,
// before, after, since}.
inline constexpr char k_question[] = "question";
inline constexpr char k_answer[] = "answer";
inline constexpr char k_before[] = "before";
inline constexpr char k_after[] = "after";
inline constexpr char k_since[] = "since";

} // namespace sciatica::result_member
