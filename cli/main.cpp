// sciatica: the command-line front end. Everything clinical lives in lib/ and
// rules/; this file parses arguments, runs one command and maps errors to
// exit codes.

#include "cli/commands.hpp"
#include "cli/config.hpp"
#include "cli/context.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output.hpp"
#include "cli/terminal.hpp"
#include "lib/error.hpp"
#include "lib/loader.hpp"
#include "lib/text_util.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <sstream>
#include <regex>

#ifndef SCIATICA_VERSION
#define SCIATICA_VERSION "0.0.0"
#endif

namespace {

using sciatica::cli::k_exit_software;
using sciatica::cli::k_exit_usage;

int report(const std::string &message, int code, const std::string &detail = {}) {
    // One line whatever the message repeats from the input.
    constexpr std::size_t k_max_message_bytes = 1000;
    std::string line = sciatica::printable(message, k_max_message_bytes);
    std::fprintf(stderr, "sciatica: error: %s\n%s", line.c_str(), detail.c_str());
    return code;
}

// A mistyped option ("--anwser"): the nearest option of the command given
// (or of the program), as for commands; "" when none is near.
std::string option_typo(const CLI::App &app) {
    const CLI::App *command = &app;
    std::vector<std::string> names;
    for (;;) {
        for (const CLI::Option *option : command->get_options()) {
            for (const auto &name : option->get_lnames()) {
                names.push_back("--" + name);
            }
        }
        auto chosen = command->get_subcommands();
        if (chosen.empty()) {
            break;
        }
        command = chosen.front();
    }
    for (const auto &word : app.remaining(true)) {
        if (word.rfind("--", 0) == 0) {
            std::string option = word.substr(0, word.find('='));
            // An option of the command given before it: the program has none
            // of that name, the command does.
            if (std::find(names.begin(), names.end(), option) != names.end() &&
                command != &app) {
                std::string path = command->get_name();
                for (const CLI::App *up = command->get_parent(); up != nullptr && up != &app;
                     up = up->get_parent()) {
                    path = up->get_name() + " " + path;
                }
                return option + " is an option of '" + path +
                       "': give it after the command (sciatica " + path + " " + option +
                       " ...)";
            }
            std::string hint = sciatica::did_you_mean(option, names);
            if (!hint.empty()) {
                return "unknown option '" + option + "'" + hint;
            }
        }
    }
    return "";
}

// The command the user chose, as words after "sciatica" ("rules test"), or "".
std::string chosen_command(const CLI::App &app) {
    std::string path;
    for (const CLI::App *command = &app;;) {
        auto chosen = command->get_subcommands();
        if (chosen.empty()) {
            return path;
        }
        command = chosen.front();
        path += (path.empty() ? "" : " ") + command->get_name();
    }
}

std::string help_hint(const CLI::App &app) {
    std::string command = chosen_command(app);
    return command.empty() ? " (see sciatica --help)" : " (see sciatica help " + command + ")";
}

// The words of CLI11's list "{text,json,fhir}" as "text, json or fhir".
std::string braced_list(const std::string &braced) {
    std::string inner = braced.substr(1, braced.size() - 2);
    std::vector<std::string> words;
    std::size_t start = 0;
    for (std::size_t comma; (comma = inner.find(',', start)) != std::string::npos;
         start = comma + 1) {
        words.push_back(inner.substr(start, comma - start));
    }
    words.push_back(inner.substr(start));
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i];
    }
    return out;
}

// CLI11's own wording of a parse error, said as the rest of the program says
// things: what is wrong, with which option, and where to look. Messages it
// does not word ("--answers: must not be empty", from our validators) pass.
std::string reworded(const CLI::App &app, const CLI::ParseError &e) {
    static const std::regex k_not_expected("The following arguments? (?:was|were) not expected: (.*)");
    static const std::regex k_missing("(-[^:]+): (\\d+) required (.*) missing");
    static const std::regex k_at_most("(-[^:]+): At Most (\\d+) required but received (\\d+)");
    static const std::regex k_excludes("(-\\S+) excludes (-\\S+)");
    static const std::regex k_not_in("(-[^:]+): (.*) not in (\\{.*\\})");
    static const std::regex k_required("(\\S+) is required");
    std::string text = e.what();
    std::smatch m;
    if (std::regex_match(text, m, k_not_expected)) {
        // CLI11 lists them last first: the first unexpected word is the last.
        std::string list = m[1].str();
        std::string first = list.substr(list.rfind(' ') == std::string::npos ? 0 : list.rfind(' ') + 1);
        return "unexpected argument '" + first + "'" + help_hint(app);
    }
    if (std::regex_match(text, m, k_missing)) {
        return m[1].str() + " needs a value (" + m[3].str() + ")";
    }
    if (std::regex_match(text, m, k_at_most)) {
        return m[1].str() + " was given " + m[3].str() + " times; give it once";
    }
    if (std::regex_match(text, m, k_excludes)) {
        return m[2].str() + " and " + m[1].str() +
               " cannot be given together (--json is the same as --format json)";
    }
    if (std::regex_match(text, m, k_not_in)) {
        return m[1].str() + ": '" + m[2].str() + "' is not allowed; expected " +
               braced_list(m[3].str());
    }
    if (std::regex_match(text, m, k_required)) {
        // A positional's name ("files") is said as its value's ("FILE").
        std::string name = m[1].str();
        const CLI::App *command = &app;
        while (!command->get_subcommands().empty()) {
            command = command->get_subcommands().front();
        }
        const CLI::Option *option = command->get_option_no_throw(name);
        if (option != nullptr && option->get_lnames().empty() && !option->get_type_name().empty()) {
            name = option->get_type_name();
        }
        return "sciatica " + chosen_command(app) + " needs " + name + help_hint(app);
    }
    return text;
}

// CLI11 says only "A subcommand is required" for `sciatica frob`: name the word.
std::string usage_message(const CLI::App &app, const CLI::ParseError &e) {
    if (app.get_subcommands().empty() && !app.remaining().empty() &&
        app.remaining().front().rfind("-", 0) != 0) {
        std::string word = app.remaining().front();
        std::vector<std::string> names;
        for (const CLI::App *command : app.get_subcommands({})) {
            names.push_back(command->get_name());
        }
        return "unknown command '" + word + "'" + sciatica::did_you_mean(word, names) +
               " (see sciatica --help)";
    }
    std::string typo = option_typo(app);
    return typo.empty() ? reworded(app, e) : typo;
}

// Help whose columns line up: an option's value name and "..." only, never
// CLI11's "Excludes:" or a long default, which push the description out of
// its column.
// Help is wrapped to the terminal's width (80 in a pipe, or $COLUMNS): an
// option's or a command's description within its column, other lines with
// their own indent and two spaces more.
class HelpFormatter : public CLI::Formatter {
  public:
    HelpFormatter() { column_width(28); }

    std::string make_option_desc(const CLI::Option *option) const override {
        return wrapped(CLI::Formatter::make_option_desc(option), description_width(), "");
    }
    std::string make_subcommand(const CLI::App *sub) const override {
        std::stringstream out;
        CLI::detail::format_help(out, sub->get_display_name(true),
                                 wrapped(sub->get_description(), description_width(), ""),
                                 get_column_width());
        return out.str();
    }
    std::string make_description(const CLI::App *app) const override {
        return wrapped(CLI::Formatter::make_description(app), width(), "  ");
    }
    std::string make_footer(const CLI::App *app) const override {
        return wrapped(CLI::Formatter::make_footer(app), width(), "  ");
    }
    std::string make_option_opts(const CLI::Option *option) const override {
        std::string out;
        if (option->get_type_size() != 0) {
            std::string type = option->get_type_name();
            // "TEXT:{text,json}" says it twice: the values are enough.
            auto values = type.find(":{");
            if (values != std::string::npos) {
                type = type.substr(values + 1);
            }
            if (!type.empty()) {
                out += " " + type;
            }
            if (option->get_expected_max() == CLI::detail::expected_max_vector_size) {
                out += " ...";
            }
        }
        return out;
    }

  private:
    static int width() {
        return sciatica::cli::style_for(STDOUT_FILENO, "never").width;
    }
    int description_width() const {
        return std::max(20, width() - static_cast<int>(get_column_width()));
    }
    // Each line of `text` longer than `columns` wrapped, its continuation
    // lines indented as it is and `hang` more; no final newline added.
    static std::string wrapped(const std::string &text, int columns, const std::string &hang) {
        std::string out;
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t end = text.find('\n', start);
            std::string line = text.substr(start, end == std::string::npos ? end : end - start);
            if (static_cast<int>(line.size()) > columns) {
                std::string lead(line.size() - line.substr(line.find_first_not_of(' ') ==
                                                                   std::string::npos
                                                               ? line.size()
                                                               : line.find_first_not_of(' '))
                                                   .size(),
                                 ' ');
                line = sciatica::cli::wrap(line, columns, lead, lead + hang);
                line.pop_back(); // wrap ends each line in a newline
            }
            out += line;
            if (end == std::string::npos) {
                break;
            }
            out += '\n';
            start = end + 1;
        }
        return out;
    }
};

// "sciatica 0.1.0 (rules Sciatica triage and self-care 1.0.0)": the embedded
// rule set, read only when asked.
std::string version_text() {
    const sciatica::RuleSet &rules = sciatica::default_rules();
    return std::string("sciatica ") + SCIATICA_VERSION + " (rules " + rules.title + " " +
           rules.version + ")";
}

void set_up_logging(bool verbose) {
    // spdlog's default logger writes to stdout, which carries results.
    auto logger = spdlog::stderr_color_mt("sciatica");
    logger->set_pattern("sciatica: %l: %v");
    logger->set_level(verbose ? spdlog::level::debug : spdlog::level::warn);
    spdlog::set_default_logger(logger);
}

} // namespace

int main(int argc, char **argv) {
    // A closed pipe is reported by write() as EPIPE, handled where it happens
    // (cli/output.hpp); the one place SIGPIPE is set.
    std::signal(SIGPIPE, SIG_IGN);
    sciatica::cli::Context context;
    CLI::App app{"sciatica: understand back, buttock and leg pain, how urgent it is, and what "
                 "you can safely do at home. Always see your practitioner."};
    app.name("sciatica");
    app.formatter(std::make_shared<HelpFormatter>());
    app.set_version_flag("--version", version_text,
                         "Print the version of the program and of its rule set, and exit");
    app.require_subcommand(0, 1);
    app.fallthrough();
    app.add_option("--rules", context.rules_path,
                   "Use the rule set in this YAML file instead of the embedded one; - reads "
                   "standard input")
        ->type_name("PATH");
    app.add_flag("-v,--verbose", context.verbose, "Log what happens to standard error");
    app.add_flag("--pretty", context.pretty,
                 "Indent JSON for people (JSON is one compact line otherwise; JSON Lines "
                 "stay one line each)");
    app.add_flag("--no-color", context.no_color, "Never colour text (also NO_COLOR, TERM=dumb)");
    app.add_flag("--plain", context.plain,
                 "Text for screen readers and logs: no boxes or colour, one idea per line "
                 "(also TERM=dumb)");
    app.footer("Exit codes: 0 ok, 64 usage, 65 bad data, 66 missing input (or the interview was "
               "stopped with Ctrl-D), 74 output error, 130 interrupted (Ctrl-C).\n"
               "Example:\n  sciatica check --no-input --answer leg_pain=yes --answer "
               "pain_below_knee=yes\n"
               "See sciatica help COMMAND, and man sciatica.");
    sciatica::cli::add_settings_options(app, context);
    app.parse_complete_callback([&app, &context] {
        set_up_logging(context.verbose);
        sciatica::cli::finish_settings(app, context);
    });

    sciatica::cli::add_check_command(app, context);
    sciatica::cli::add_rules_command(app, context);
    sciatica::cli::add_batch_command(app, context);
    sciatica::cli::add_about_command(app, context);
    sciatica::cli::add_causes_command(app, context);
    sciatica::cli::add_explain_command(app, context);
    sciatica::cli::add_techniques_command(app, context);
    sciatica::cli::add_treatments_command(app, context);
    sciatica::cli::add_questions_command(app, context);
    sciatica::cli::add_completion_command(app, context);
    sciatica::cli::add_config_command(app, context);
    sciatica::cli::add_help_command(app, context);
    sciatica::cli::add_history_command(app, context);
    sciatica::cli::add_report_command(app, context);
    // After every command: the user's settings become the options' defaults.
    sciatica::cli::load_settings(app, context);

    try {
        app.parse(argc, argv);
        if (app.get_subcommands().empty()) {
            sciatica::cli::write_stdout(sciatica::cli::short_usage(app));
        }
    } catch (const CLI::ParseError &e) {
        if (e.get_exit_code() == 0) {
            // --help, --version: lost output (a full disk) is an error too.
            errno = 0;
            int code = app.exit(e);
            std::cout.flush();
            if (!std::cout && errno != EPIPE) {
                return report(std::string("cannot write the output: ") +
                                  std::strerror(errno != 0 ? errno : EIO),
                              sciatica::cli::k_exit_io);
            }
            return code;
        }
        return report(usage_message(app, e), k_exit_usage);
    } catch (const sciatica::cli::ExitWith &e) {
        return e.code;
    } catch (const sciatica::cli::OutputClosed &) {
        return 0;
    } catch (const sciatica::Error &e) {
        return report(e.what(), sciatica::cli::exit_code(e.kind()), e.detail());
    } catch (const std::exception &e) {
        return report(std::string("internal error: ") + e.what(), k_exit_software);
    } catch (...) {
        return report("internal error: an unknown exception", k_exit_software);
    }
    return 0;
}
