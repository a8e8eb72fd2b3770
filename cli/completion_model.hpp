#pragma once

#include "lib/rules.hpp"

#include <string>
#include <utility>
#include <vector>

namespace CLI {
class App;
} // namespace CLI

namespace sciatica::cli {

// A shell-neutral description of what can be completed where, read from the
// CLI11 app (so new commands and options are picked up without edits) and
// from the loaded rule set. The shell renderers turn it into scripts.

// What an option's value, or a command's positional argument, completes to.
enum class ValueKind {
    none,       // a flag: no value
    free,       // a value with nothing to offer
    words,      // one of `words` (a CLI11 IsMember set)
    files,      // a path
    answers,    // ID=VALUE: question ids, then their values
    causes,     // a cause id
    techniques, // a technique id
    questions,  // a question id
};

struct CompletionOption {
    std::vector<std::string> names; // "--answer", "-a"
    std::string description;
    ValueKind kind = ValueKind::none;
    std::vector<std::string> words; // for ValueKind::words
};

struct CompletionCommand {
    std::string path; // "" for the program, "check", "rules lint"
    std::string description;
    std::vector<std::pair<std::string, std::string>> subcommands; // name, description
    std::vector<CompletionOption> options;                        // its own, then those inherited
    CompletionOption positional;                                  // kind none when it takes none
};

struct CompletionModel {
    std::string program;
    std::vector<CompletionCommand> commands;                               // the program first
    std::vector<std::pair<std::string, std::vector<std::string>>> answers; // id, values
    std::vector<std::string> causes;
    std::vector<std::string> techniques;
};

CompletionModel build_completion_model(const CLI::App &app, const RuleSet &rules);

std::string bash_completion(const CompletionModel &model);
std::string zsh_completion(const CompletionModel &model);
std::string fish_completion(const CompletionModel &model);

} // namespace sciatica::cli

namespace sciatica::cli {

// `text` quoted for a POSIX shell, zsh or fish: 'it'\''s'.
std::string shell_quote(const std::string &text);

// `words` joined by spaces.
std::string join_words(const std::vector<std::string> &words);

// The kind of a value as one word the scripts switch on ("files", "answers",
// ...), with the words themselves after it for ValueKind::words.
std::string kind_spec(const CompletionOption &option);

} // namespace sciatica::cli

namespace sciatica::cli {

// Shell functions shared by the bash and zsh scripts, each printing words:
// _sciatica_subcommands PATH, _sciatica_options PATH, _sciatica_value_kind
// PATH OPTION (status 1 for a flag), _sciatica_positional PATH,
// _sciatica_answer_values ID, and the variables _sciatica_questions,
// _sciatica_causes and _sciatica_techniques.
std::string posix_data_functions(const CompletionModel &model);

} // namespace sciatica::cli
