#pragma once

// What each fuzz target does with one input, shared by the libFuzzer targets
// and by tests/test_fuzz_regressions.cpp, which replays every input a fuzzer
// once crashed on (tests/fuzz/regressions/TARGET/) in the ordinary test run.
// Each returns normally for any input: diagnostics and sciatica::Error are
// fine outcomes; a crash, a sanitizer report or any other exception is a bug.

#include "lib/answer_line.hpp"
#include "lib/answers.hpp"
#include "lib/answers_document.hpp"
#include "lib/engine.hpp"
#include "lib/error.hpp"
#include "lib/history.hpp"
#include "lib/history_answers.hpp"
#include "lib/history_changes.hpp"
#include "lib/history_json.hpp"
#include "lib/loader.hpp"
#include "lib/report.hpp"
#include "lib/result_json.hpp"
#include "tests/result_oracle.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <unistd.h>
#include <cstdlib>
#include <fstream>
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

// A history file (a real database with bits flipped or cut short) through
// what every reading command does with it: `history` (both forms), `history
// show`, `history export`, `report`, and what `check --history` and
// `--resume` read. Damage must be Error(data) or Error(io), never a crash.
inline void read_history_once(std::string_view bytes) {
    const RuleSet &rules = default_rules();
    static const std::string path =
        std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") +
        "/sciatica-fuzz-history-" + std::to_string(::getpid()) + ".sqlite3";
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    auto attempt = [](auto &&step) {
        try {
            step();
        } catch (const Error &) {
        }
    };
    attempt([&] {
        HistoryStore store(path, false);
        const int pain = rules.history.pain_score;
        attempt([&] {
            for (const auto &summary : store.summaries(
                     pain >= 0 ? rules.questions[static_cast<std::size_t>(pain)].id : "")) {
                check_summary(summary, path);
            }
        });
        attempt([&] {
            // What `report` reads: the times and pain scores, the latest two in full.
            ReportChecks read = read_report_checks(rules, store);
            if (!read.points.empty()) {
                (void)render_report(rules, read, path);
            }
        });
        std::vector<SavedCheck> checks;
        attempt([&] { checks = store.all(); });
        attempt([&] { (void)history_json(rules, checks, path).dump(); });
        for (const auto &check : checks) {
            attempt([&] { (void)saved_check_json(rules, check, path).dump(); });
            attempt([&] { (void)previous_check(rules, check); });
        }
        attempt([&] { (void)store.get(1); });
        attempt([&] { (void)store.draft(); });
        attempt([&] {
            if (auto latest = store.latest()) {
                PreviousCheck previous = previous_check(rules, *latest);
                (void)evaluate(rules, no_answers(rules), &previous);
                (void)resume_answers(rules, previous.answers);
            }
        });
        attempt([&] { (void)carried_duration(rules, checks, 1800000000); });
        if (checks.size() >= 2) {
            attempt([&] {
                checks.back() = compared_again(rules, checks[checks.size() - 2], checks.back());
            });
        }
        if (!checks.empty()) {
            attempt([&] { (void)render_report(rules, checks, path); });
        }
    });
    std::remove(path.c_str());
}

} // namespace sciatica::fuzz
