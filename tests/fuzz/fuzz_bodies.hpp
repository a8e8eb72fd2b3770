#pragma once

// What each fuzz target does with one input, shared by the libFuzzer targets
// and by tests/test_fuzz_regressions.cpp, which replays every input a fuzzer
// once crashed on (tests/fuzz/regressions/TARGET/) in the ordinary test run.
// Each returns normally for any input: diagnostics and sciatica::Error are
// fine outcomes; a crash, a sanitizer report or any other exception is a bug.

#include "lib/answer_line.hpp"
#include "lib/answers.hpp"
#include "lib/engine.hpp"
#include "lib/error.hpp"
#include "lib/loader.hpp"
#include "lib/result_json.hpp"
#include "tests/result_oracle.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <string>
#include <string_view>

namespace sciatica::fuzz {

// The rule-set loader; a rule set it accepts must also evaluate.
inline void load_rules_once(std::string_view text) {
    LoadResult result = parse_rules(text, "fuzz.yaml");
    if (result.rules) {
        (void)evaluate(*result.rules, no_answers(*result.rules));
    }
}

// The answers parser (JSON and YAML) against the default rule set.
inline void parse_answers_once(std::string_view text) {
    const RuleSet &rules = default_rules();
    try {
        Answers answers = parse_answers_document(rules, text, "fuzz.json", {"case_id"});
        for (std::size_t i = 0; i < answers.size(); ++i) {
            if (answers[i]) {
                (void)answer_text(rules.questions[i], *answers[i]);
            }
        }
    } catch (const Error &) {
    }
}

// One batch line end to end, as `batch` runs it: AnswerLineParser (fast path
// or the JSON route), evaluation, ResultWriter. The result must be the same
// bytes as nlohmann's dump of result_to_json, and hold the notice.
inline void check_line_once(std::string_view text) {
    const RuleSet &rules = default_rules();
    static const AnswerLineParser parser(rules);
    static const ResultWriter writer(rules);
    // What the fast path accepts, the JSON route must accept alike (a
    // duplicate or a NUL byte it let through would differ here).
    AnswerLine quick;
    if (parser.try_parse(text, quick)) {
        try {
            if (parse_answers_json(rules, text, "line 1", {"case_id"}, true) != quick.answers) {
                std::abort();
            }
        } catch (const Error &) {
            std::abort();
        }
    }
    try {
        AnswerLine line;
        parser.parse(text, "line 1", line);
        Result result = evaluate(rules, line.answers);
        std::string fast;
        writer.append(result, fast);
        if (fast != test::result_to_json(result).dump() ||
            fast.find("\"notice\"") == std::string::npos) {
            std::abort();
        }
        // The case_id is copied as given: the line must stay valid JSON.
        std::string with_id;
        writer.append(result, with_id, line.case_id_json);
        if (!nlohmann::json::accept(with_id)) {
            std::abort();
        }
    } catch (const Error &) {
    }
}

} // namespace sciatica::fuzz
