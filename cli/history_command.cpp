// sciatica history: the saved checks, one of them, all as JSON Lines, and
// forgetting them.

#include "cli/check_history.hpp"
#include "cli/commands.hpp"
#include "cli/config.hpp"
#include "cli/education.hpp"
#include "cli/format.hpp"
#include "cli/output.hpp"
#include "cli/render_text.hpp"
#include "lib/engine.hpp"
#include "lib/error.hpp"
#include "lib/fhir.hpp"
#include "lib/history.hpp"
#include "lib/history_answers.hpp"
#include "lib/history_files.hpp"
#include "lib/history_json.hpp"
#include "lib/limits.hpp"
#include "lib/result_format.hpp"
#include "lib/text_util.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <unistd.h>

namespace sciatica::cli {

namespace {

struct HistoryOptions {
    EducationOptions list;
    EducationOptions show;
    std::string id;
    std::string forget_id;
    bool forget_all = false;
    bool yes = false; // forget --all --yes: no question asked
    std::string export_format = "json";
    std::string subject; // export --format fhir
};

std::string store_path() {
    return history_path(process_env);
}

long long parse_id(const std::string &text) {
    char *end = nullptr;
    errno = 0;
    long long id = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || id <= 0 || errno == ERANGE) {
        throw Error(ErrorKind::usage, "'" + printable(text, k_max_quoted_chars) +
                                          "' is not a check id: use a number from sciatica history");
    }
    return id;
}

std::string padded(std::string text, std::size_t width) {
    std::size_t length = display_width(text);
    return text + std::string(length < width ? width - length : 1, ' ');
}

// "2026-11-25T17:59:20+01:00" as "2026-11-25 17:59". A stored time is
// shown safely whatever bytes it holds.
std::string short_time(const std::string &at) {
    return printable(at.size() >= 16 ? at.substr(0, 10) + " " + at.substr(11, 5) : at,
                     k_max_quoted_chars);
}

// A text from a saved result, made safe for a terminal (control bytes as
// \xNN), however long.
std::string stored_text(const std::string &text) {
    return printable(text, text.size());
}

// Pain scores as a one-line sparkline, one character per check (U+2581 to
// U+2588 from `low` to `high`; a middle dot where a score is unknown).
std::string sparkline(const std::vector<std::optional<double>> &scores, double low, double high) {
    static const char *const k_bars[] = {"\u2581", "\u2582", "\u2583", "\u2584",
                                         "\u2585", "\u2586", "\u2587", "\u2588"};
    std::string out;
    for (const auto &score : scores) {
        if (!score || high <= low) {
            out += "\u00b7";
            continue;
        }
        double share = std::clamp((*score - low) / (high - low), 0.0, 1.0);
        out += k_bars[static_cast<int>(std::lround(share * 7))];
    }
    return out;
}

// `text` quoted for a POSIX shell, its control bytes shown as \xNN.
std::string shell_quoted(const std::string &text) {
    std::string out = "'";
    for (char c : printable(text, text.size())) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

// The sparkline of `scores` in at most `width` columns after its label: the
// latest checks that fit, the label saying how many of how many.
std::string pain_line(const RuleSet &rules, const std::vector<std::optional<double>> &scores,
                      double low, double high, int width) {
    std::string label = text_of(rules.texts, "history_pain_all") + " ";
    const auto room = [&label, width] {
        return static_cast<std::size_t>(
            std::max(10, width - static_cast<int>(display_width(label))));
    };
    if (scores.size() <= room()) {
        return label + sparkline(scores, low, high);
    }
    // The longest the label can be: the count shown has no more digits.
    const auto last = [&rules, &scores](std::size_t shown) {
        return text_with(rules.texts, "history_pain_last",
                         {{"shown", std::to_string(shown)}, {"count", std::to_string(scores.size())}}) +
               " ";
    };
    label = last(scores.size());
    std::size_t shown = std::min(room(), scores.size());
    label = last(shown);
    std::vector<std::optional<double>> latest(scores.end() - static_cast<long>(shown),
                                              scores.end());
    return label + sparkline(latest, low, high);
}

std::string history_text(const RuleSet &rules, const std::vector<CheckSummary> &checks,
                         const std::string &path, const TextStyle &style) {
    if (checks.empty()) {
        return flow(style, text_of(rules.texts, "history_none"), "", "") + "\n" +
               flow(style, rules.notice, "", "");
    }
    std::string out = render_heading(text_of(rules.texts, "history_heading"), style);
    out += padded(text_of(rules.texts, "history_id_column"), 6) +
           padded(text_of(rules.texts, "history_date_column"), 18) +
           padded(text_of(rules.texts, "history_urgency_column"), 11) +
           padded(text_of(rules.texts, "history_pain_column"), 6) +
           text_of(rules.texts, "history_cause_column") + "\n";
    std::vector<std::optional<double>> scores;
    scores.reserve(checks.size());
    for (const auto &check : checks) {
        check_summary(check, path);
        std::string cause = "-";
        if (check.cause_id.is_string()) {
            cause = stored_text(check.cause_name.is_string() ? check.cause_name.get<std::string>()
                                                             : check.cause_id.get<std::string>());
        }
        std::string pain = "-";
        if (check.pain_score.is_number()) {
            scores.emplace_back(check.pain_score.get<double>());
            pain = check.pain_score.dump();
        } else {
            scores.emplace_back();
        }
        out += padded(std::to_string(check.id), 6) + padded(short_time(check.at), 18) +
               padded(stored_text(check.urgency.is_string() ? check.urgency.get<std::string>() : ""), 11) + padded(pain, 6) + cause + "\n";
    }
    const std::pair<double, double> range = pain_score_range(rules);
    out += "\n" + pain_line(rules, scores, range.first, range.second, style.width) + "\n";
    out += flow(style, text_with(rules.texts, "history_kept_in", {{"path", stored_text(path)}}), "",
                "");
    out += "\n" + flow(style, rules.notice, "", "");
    return out;
}

// A stored answer as a person would say it.
std::string in_words(const RuleSet &rules, const nlohmann::ordered_json &value) {
    if (value.is_null()) {
        return text_of(rules.texts, "history_not_answered");
    }
    if (value.is_boolean()) {
        return value.get<bool>() ? "yes" : "no";
    }
    return stored_text(value.is_string() ? value.get<std::string>() : value.dump());
}

// The prompt of the question `id` of `rules`, or the id shown safely.
std::string prompt_of(const RuleSet &rules, const std::string &id) {
    int index = rules.question_index(id);
    return index >= 0 ? rules.questions[static_cast<std::size_t>(index)].prompt : stored_text(id);
}

// What the check concluded that the person did not say (issue 19, an honest
// record): each answer a rule or cause of the stored result rests on that
// differs from the saved answers, with where it came from. Empty when the
// result rests only on what was said.
std::string concluded_text(const RuleSet &rules, const nlohmann::ordered_json &check,
                           const TextStyle &style) {
    const auto none = nlohmann::ordered_json::array();
    const auto &result = check["result"];
    const auto &said = check["answers"];
    const auto &changes =
        result.contains(result_member::k_changes) ? result[result_member::k_changes] : none;
    std::string from = text_of(rules.texts, "concluded_from_other_answers");
    if (!changes.empty() && changes.front().contains(result_member::k_since)) {
        from = text_with(rules.texts, "history_from_changes",
                         {{"date", short_time(changes.front()[result_member::k_since])}});
    }
    std::vector<std::string> seen;
    std::string out;
    for (const char *list :
         {result_member::k_red_flags, result_member::k_urgency_rules, result_member::k_causes}) {
        for (const auto &rule : result.contains(list) ? result[list] : none) {
            for (const auto &because :
                 rule.contains(result_member::k_because) ? rule[result_member::k_because] : none) {
                std::string id = because.value(result_member::k_question, "");
                if (id.empty() || std::find(seen.begin(), seen.end(), id) != seen.end()) {
                    continue;
                }
                seen.push_back(id);
                const nlohmann::ordered_json given =
                    said.contains(id) ? said[id] : nlohmann::ordered_json();
                if (given == because[result_member::k_answer]) {
                    continue;
                }
                out +=
                    flow(style,
                         text_with(rules.texts, "history_treated_as",
                                   {{"from", from},
                                    {"question", prompt_of(rules, id)},
                                    {"answer", in_words(rules, because[result_member::k_answer])},
                                    {"given", in_words(rules, given)}}),
                         "  - ", "    ");
            }
        }
    }
    return out.empty() ? "" : "\n" + text_of(rules.texts, "history_concluded_heading") + "\n" + out;
}

std::string show_text(const RuleSet &rules, const nlohmann::ordered_json &check,
                      const TextStyle &style) {
    const auto &result = check["result"];
    std::string out =
        render_heading(text_with(rules.texts, "history_check_heading",
                                 {{"id", std::to_string(check["id"].get<long long>())},
                                  {"date", short_time(check["at"])}}),
                       style);
    out += flow(style,
                stored_text(result.value(result_member::k_urgency_name, "") + ". " +
                            result.value(result_member::k_urgency_advice, "")),
                "", "");
    for (const char *list : {result_member::k_red_flags, result_member::k_urgency_rules}) {
        for (const auto &rule : result.value(list, nlohmann::ordered_json::array())) {
            out += flow(style,
                        stored_text(rule.value(result_member::k_name, "") + ": " +
                                    rule.value(result_member::k_advice, "")),
                        "  ! ", "    ");
        }
    }
    if (!result.value(result_member::k_causes, nlohmann::ordered_json::array()).empty()) {
        out += "\n" + text_of(rules.texts, "history_causes_heading") + "\n";
        for (const auto &cause : result[result_member::k_causes]) {
            out += flow(style,
                        stored_text(cause.value(result_member::k_name, "") + ": " +
                                    cause.value(result_member::k_summary, "")),
                        "  - ", "    ");
        }
    }
    out += "\n" + text_of(rules.texts, "history_answers_heading") + "\n";
    for (const auto &[id, value] : check["answers"].items()) {
        int index = rules.question_index(id);
        std::string prompt =
            index >= 0 ? rules.questions[static_cast<std::size_t>(index)].prompt : stored_text(id);
        std::string answer = in_words(rules, value);
        out += flow(style, prompt + " " + answer, "  - ", "    ");
    }
    out += concluded_text(rules, check, style);
    if (!result.value(result_member::k_changes, nlohmann::ordered_json::array()).empty()) {
        out += "\n" + text_of(rules.texts, "history_changed_heading") + "\n";
        for (const auto &change : result[result_member::k_changes]) {
            int index = rules.question_index(change.value(result_member::k_question, ""));
            std::string prompt = index >= 0
                                     ? rules.questions[static_cast<std::size_t>(index)].prompt
                                     : stored_text(change.value(result_member::k_question, ""));
            out += flow(style,
                        text_with(rules.texts, "history_change",
                                  {{"question", prompt},
                                   {"before", in_words(rules, change[result_member::k_before])},
                                   {"after", in_words(rules, change[result_member::k_after])}}),
                        "  - ", "    ");
        }
    }
    out += "\n" +
           flow(style, stored_text(result.value(result_member::k_notice, rules.notice)), "", "");
    return out;
}

std::vector<SavedCheck> saved_checks(const std::string &path) {
    if (!HistoryStore::exists(path)) {
        return {}; // nothing saved: reading creates nothing
    }
    return HistoryStore(path, false).all();
}

void run_list(Context &context, const HistoryOptions &options) {
    const RuleSet &rules = context.rules();
    const std::string path = store_path();
    if (options.list.json || options.list.format == "json") {
        auto document = history_json(rules, saved_checks(path), path);
        print_education(context, options.list, document, nullptr);
        return;
    }
    // The text list reads only the columns it shows (issue 20's scale).
    std::vector<CheckSummary> checks;
    if (HistoryStore::exists(path)) {
        const int pain = rules.history.pain_score;
        checks = HistoryStore(path, false)
                     .summaries(pain >= 0 ? rules.questions[static_cast<std::size_t>(pain)].id
                                          : std::string());
    }
    print_education(context, options.list, nullptr, [&](const TextStyle &style) {
        return history_text(rules, checks, path, style);
    });
}

nlohmann::ordered_json find_check(const RuleSet &rules, const std::string &path,
                                  const std::string &id_text) {
    long long id = parse_id(id_text);
    std::optional<SavedCheck> check;
    if (HistoryStore::exists(path)) {
        check = HistoryStore(path, false).get(id);
    }
    if (!check) {
        throw Error(ErrorKind::no_input,
                    "no saved check with id " + std::to_string(id) + " (see sciatica history)");
    }
    return saved_check_line(rules, *check, path);
}

// One saved check as a FHIR Bundle, authored when it was saved: its answers
// evaluated again, so only under the rule set version that gave its result.
// An OperationOutcome in its place otherwise; returns whether it was a Bundle.
bool append_check_fhir(const RuleSet &rules, const SavedCheck &check, const std::string &subject,
                       std::string &out) {
    if (check.rules_version != rules.version) {
        out += fhir_outcome("check " + std::to_string(check.id) + " was saved with rule set " +
                            printable(check.rules_version, 100) + ", not " +
                            printable(rules.version, 100) +
                            ": its result cannot be given again (use --rules with that version)")
                   .dump() +
               "\n";
        return false;
    }
    Answers given = answers_from_store_json(rules, check.answers);
    Result result = evaluate(rules, given);
    FhirCheck fhir = fhir_check_now(subject, "history:" + std::to_string(check.id) + "|" + check.at);
    fhir.authored = check.at;
    out += fhir_bundle(result, given, fhir).dump() + "\n";
    return true;
}

void run_export(Context &context, const HistoryOptions &options) {
    const RuleSet &rules = context.rules();
    const std::string path = store_path();
    std::string out;
    std::size_t failed = 0;
    auto checks = saved_checks(path);
    for (const auto &check : checks) {
        if (options.export_format == "fhir") {
            failed += append_check_fhir(rules, check, options.subject, out) ? 0U : 1U;
        } else {
            out += saved_check_line(rules, check, path).dump() + "\n";
        }
    }
    write_stdout(out);
    if (failed > 0) {
        throw Error(ErrorKind::data, std::to_string(failed) + " of " +
                                         std::to_string(checks.size()) +
                                         " saved checks were saved under another rule set "
                                         "version; see the OperationOutcome lines");
    }
}

void run_forget(Context &context, const HistoryOptions &options) {
    const std::string path = store_path();
    if (options.forget_all == !options.forget_id.empty()) {
        throw Error(ErrorKind::usage, "history forget: give one check ID, or --all");
    }
    // A bad id is a usage error whether or not anything is saved.
    const long long id = options.forget_all ? 0 : parse_id(options.forget_id);
    // Every saved check goes at once: a person confirms it at a terminal,
    // a script says so with --yes; without either nothing is deleted.
    if (options.forget_all && !options.yes) {
        if (isatty(STDIN_FILENO) == 0 || isatty(STDERR_FILENO) == 0) {
            throw Error(ErrorKind::usage, "history forget --all deletes every saved check: add "
                                          "--yes to confirm it when there is no terminal to ask");
        }
        if (!ask_yes_no(context.rules(), text_of(context.rules().texts, "forget_all_question"),
                        false)) {
            write_stdout(text_of(context.rules().texts, "forget_nothing_deleted") + "\n");
            return;
        }
    }
    if (!HistoryStore::exists(path)) {
        if (options.forget_all) {
            write_stdout(text_of(context.rules().texts, "forget_none_saved") + "\n");
            return;
        }
        throw Error(ErrorKind::no_input,
                    "no saved check with id " + std::to_string(id) + " (see sciatica history)");
    }
    HistoryStore store(path, false);
    if (options.forget_all) {
        int count = store.forget_all();
        write_stdout(text_with(context.rules().texts,
                               count == 1 ? "forget_all_done_one" : "forget_all_done",
                               {{"count", std::to_string(count)}, {"path", shell_quoted(path)}}) +
                     "\n");
        return;
    }
    if (!store.forget(id)) {
        throw Error(ErrorKind::no_input,
                    "no saved check with id " + std::to_string(id) + " (see sciatica history)");
    }
    write_stdout(text_with(context.rules().texts, "forget_one_done", {{"id", std::to_string(id)}}) +
                 "\n");
}

} // namespace

void add_history_command(CLI::App &app, Context &context) {
    auto options = std::make_shared<HistoryOptions>();
    CLI::App *history =
        app.add_subcommand("history", "Your saved checks: the list, one of them, export, forget");
    history->require_subcommand(0, 1);
    add_format_options(*history, options->list);
    history->footer("Saved checks live in $XDG_DATA_HOME/sciatica/history.sqlite3 (default "
                    "~/.local/share/sciatica/), written only by check --save.\nExamples:\n"
                    "  sciatica history\n  sciatica history show 3\n"
                    "  sciatica history export > checks.jsonl\n  sciatica history forget --all");

    CLI::App *show = history->add_subcommand("show", "One saved check in full");
    show->add_option("ID", options->id, "The check's id, from sciatica history")->required();
    add_format_options(*show, options->show);
    show->callback([&context, options] {
        const RuleSet &rules = context.rules();
        auto check = find_check(rules, store_path(), options->id);
        print_education(context, options->show, check,
                        [&](const TextStyle &style) { return show_text(rules, check, style); });
    });

    CLI::App *exporter =
        history->add_subcommand("export", "Every saved check as JSON Lines, oldest first");
    add_json_lines_options(*exporter, options->export_format, options->subject, "saved check");
    exporter->callback([&context, options] { run_export(context, *options); });

    CLI::App *forget = history->add_subcommand("forget", "Delete one saved check, or all of them");
    forget->add_option("ID", options->forget_id, "The check's id, from sciatica history");
    forget->add_flag("--all", options->forget_all,
                     "Delete every saved check and any draft (asks first at a terminal)");
    forget->add_flag("-y,--yes", options->yes, "With --all: delete without asking");
    forget->callback([&context, options] { run_forget(context, *options); });

    history->callback([&context, history, options] {
        if (history->get_subcommands().empty()) {
            run_list(context, *options);
        }
    });
}

} // namespace sciatica::cli
