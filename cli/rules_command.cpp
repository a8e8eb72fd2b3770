// `sciatica rules dump|lint|test`: tools for the authors of a rule set.

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/format.hpp"
#include "cli/output.hpp"
#include "cli/terminal.hpp"
#include "lib/error.hpp"
#include "lib/lint.hpp"
#include "lib/loader.hpp"
#include "lib/text_util.hpp"
#include "lib/vignette.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace sciatica::cli {

namespace {

constexpr const char *k_embedded_name = "<embedded>/default.yaml";

struct LintOptions {
    std::vector<std::string> paths;
    std::string format = "text";
    bool json = false; // --json: the same as --format json, as in every command
};

struct TestOptions {
    std::vector<std::string> paths;
    bool coverage = false;
    std::string format = "text";
    bool json = false;
};

nlohmann::ordered_json to_json(const Diagnostic &d) {
    return {{"file", d.file},
            {"line", d.line},
            {"column", d.column},
            {"severity", d.severity == Diagnostic::Severity::error ? "error" : "warning"},
            {"message", d.message}};
}

void run_lint(Context &context, const LintOptions &options) {
    std::vector<std::pair<std::string, std::string>> inputs; // name, text
    if (options.paths.empty() && context.rules_path.empty()) {
        inputs.emplace_back(k_embedded_name, std::string(default_rules_text()));
    } else if (options.paths.empty()) {
        inputs.emplace_back(input_name(context.rules_path),
                            read_input(context.rules_path, k_max_rules_bytes, "a rule file"));
    }
    for (const auto &path : options.paths) {
        inputs.emplace_back(input_name(path), read_input(path, k_max_rules_bytes, "a rule file"));
    }
    std::string text_out;
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    int errors = 0;
    int warnings = 0;
    for (const auto &[name, text] : inputs) {
        std::vector<Diagnostic> diagnostics = parse_rules(text, name).diagnostics;
        sort_by_position(diagnostics);
        for (const auto &d : diagnostics) {
            ++(d.severity == Diagnostic::Severity::error ? errors : warnings);
            // The file name and the message can repeat bytes from the command
            // line or the file: shown as \xNN, never obeyed by the terminal.
            text_out += visible(d.to_string()) + "\n" + source_excerpt(d, text);
            list.push_back(to_json(d));
        }
    }
    if (options.json || options.format == "json") {
        nlohmann::ordered_json out = {{"schema_version", 1},
                                      {"diagnostics", list},
                                      {"errors", errors},
                                      {"warnings", warnings}};
        // A file name need not be UTF-8; JSON must be, so bad bytes become U+FFFD.
        write_stdout(json_text(out, context.pretty));
    } else {
        write_stdout(text_out);
    }
    if (errors > 0) {
        throw ExitWith{k_exit_data};
    }
}

// Runs `cases`: the text (failing cases and the tally) into `text`, every
// case into `json` ({file, line, name, passed, problems}); returns whether
// every case passed.
bool run_cases(const RuleSet &rules, const std::vector<Vignette> &cases, Coverage &coverage,
               std::string &text, nlohmann::ordered_json &json) {
    int passed = 0;
    int failed = 0;
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto &vignette : cases) {
        coverage.add(vignette.answers);
        std::vector<std::string> problems = check_vignette(rules, vignette);
        list.push_back({{"file", vignette.file},
                        {"line", vignette.mark.line},
                        {"name", vignette.name},
                        {"passed", problems.empty()},
                        {"problems", problems}});
        if (problems.empty()) {
            ++passed;
            continue;
        }
        ++failed;
        // Names and problems repeat text from files: shown, never obeyed.
        text += visible(vignette.file) + ":" + std::to_string(vignette.mark.line) + ": FAIL " +
                visible(vignette.name) + "\n";
        for (const auto &problem : problems) {
            text += "  " + visible(problem) + "\n";
        }
    }
    text += std::to_string(passed) + " passed, " + std::to_string(failed) + " failed\n";
    json["cases"] = std::move(list);
    json["passed"] = passed;
    json["failed"] = failed;
    return failed == 0;
}

// The coverage of `rules_name`'s rules by the cases run, as text and JSON
// ({exercised, total, not_exercised: [{file, line, what}]}); returns whether
// every rule was exercised.
bool report_coverage(const Coverage &coverage, const std::string &rules_name, std::string &text,
                     nlohmann::ordered_json &json) {
    std::vector<SourceMark> marks;
    std::vector<std::string> missed = coverage.unexercised(&marks);
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < missed.size(); ++i) {
        text += visible(rules_name) + ":" + std::to_string(marks[i].line) +
                ": not exercised: " + missed[i] + "\n";
        list.push_back({{"file", rules_name}, {"line", marks[i].line}, {"what", missed[i]}});
    }
    text += "coverage: " + std::to_string(coverage.exercised()) + " of " +
            std::to_string(coverage.total()) +
            " red flags, urgency rules and cause findings exercised\n";
    json["coverage"] = {{"exercised", coverage.exercised()},
                        {"total", coverage.total()},
                        {"not_exercised", std::move(list)}};
    return missed.empty();
}

void run_test(Context &context, const TestOptions &options) {
    const RuleSet &rules = context.rules();
    std::string rules_name =
        context.rules_path.empty() ? k_embedded_name : input_name(context.rules_path);
    std::vector<Vignette> cases;
    for (const auto &path : options.paths) {
        auto more = parse_vignettes(read_input(path, k_max_rules_bytes, "a vignette file"),
                                    input_name(path), rules);
        cases.insert(cases.end(), more.begin(), more.end());
    }
    Coverage coverage(rules);
    std::string text;
    nlohmann::ordered_json json = {{"schema_version", 1}};
    bool ok = run_cases(rules, cases, coverage, text, json);
    if (options.coverage) {
        ok = report_coverage(coverage, rules_name, text, json) && ok;
    }
    write_stdout(options.json || options.format == "json" ? json_text(json, context.pretty)
                                                           : text);
    if (!ok) {
        throw ExitWith{k_exit_failure};
    }
}

} // namespace

void add_rules_command(CLI::App &app, Context &context) {
    CLI::App *rules =
        add_command_group(app, "rules", "Tools for rule-set authors: dump, lint, test");
    rules->footer("The rule format is documented in docs/rules-format.md.\n"
                  "Example:\n  sciatica rules dump > my.yaml && sciatica rules lint my.yaml");

    CLI::App *dump =
        rules->add_subcommand("dump", "Print the embedded rule set exactly as shipped");
    dump->footer("Example:\n  sciatica rules dump > my.yaml");
    dump->callback([] { write_stdout(std::string(default_rules_text())); });

    auto lint_options = std::make_shared<LintOptions>();
    CLI::App *lint = rules->add_subcommand(
        "lint",
        "Check rule files (default: the embedded set, or --rules) and report every problem");
    add_file_option(*lint, "paths", lint_options->paths,
                    "Rule files to check; - reads standard input", "PATH");
    CLI::Option *lint_format =
        lint->add_option("-f,--format", lint_options->format, "Output format: text or json")
            ->check(CLI::IsMember({"text", "json"}));
    lint->add_flag("--json", lint_options->json, "Same as --format json")->excludes(lint_format);
    lint->footer("Exit 0 when there is no error (warnings alone are fine), 65 on errors.\n"
                 "Example:\n  sciatica rules lint my.yaml --format json");
    lint->callback([&context, lint_options] { run_lint(context, *lint_options); });

    auto test_options = std::make_shared<TestOptions>();
    CLI::App *test = rules->add_subcommand(
        "test", "Run case vignettes against the rule set (the embedded one, or --rules)");
    add_file_option(*test, "files", test_options->paths,
                    "Vignette files (YAML); - reads standard input")
        ->required();
    CLI::Option *test_format =
        test->add_option("-f,--format", test_options->format, "Output format: text or json")
            ->check(CLI::IsMember({"text", "json"}));
    test->add_flag("--json", test_options->json, "Same as --format json")->excludes(test_format);
    test->add_flag("--coverage", test_options->coverage,
                   "Also list red flags, urgency rules and cause findings no case exercised "
                   "(any makes the command fail)");
    test->footer("Exit 0 when every case passes, 1 when one fails, 65 on a malformed file.\n"
                 "Example:\n  sciatica rules test --coverage rules/vignettes/*.yaml");
    test->callback([&context, test_options] { run_test(context, *test_options); });
}

} // namespace sciatica::cli
