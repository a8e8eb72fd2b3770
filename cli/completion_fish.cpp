// The fish completion script: `complete` lines conditioned on the command
// path, which a helper works out from the command line.

#include "cli/completion_model.hpp"

namespace sciatica::cli {

namespace {

std::string first_line(const std::string &text) {
    return text.substr(0, text.find('\n'));
}

std::string switch_function(const std::string &name, const std::string &subject,
                            const std::vector<std::pair<std::string, std::string>> &cases) {
    std::string out = "function " + name + "\n    switch " + subject + "\n";
    for (const auto &[pattern, body] : cases) {
        out += "        case " + pattern + "\n            " + body + "\n";
    }
    return out + "        case '*'\n            return 1\n    end\nend\n";
}

std::string data_functions(const CompletionModel &model) {
    std::vector<std::pair<std::string, std::string>> subs, kinds, answers;
    for (const auto &command : model.commands) {
        std::vector<std::string> names;
        for (const auto &sub : command.subcommands) {
            names.push_back(sub.first);
        }
        if (!names.empty()) {
            subs.emplace_back(shell_quote(command.path),
                              "string split ' ' -- " + shell_quote(join_words(names)));
        }
        for (const auto &option : command.options) {
            for (const auto &name : option.names) {
                if (option.kind != ValueKind::none) {
                    kinds.emplace_back(shell_quote(command.path + "|" + name),
                                       "echo " + shell_quote(kind_spec(option)));
                }
            }
        }
    }
    for (const auto &[id, values] : model.answers) {
        if (!values.empty()) {
            answers.emplace_back(shell_quote(id),
                                 "string split ' ' -- " + shell_quote(join_words(values)));
        }
    }
    return switch_function("__sciatica_subcommands", "$argv[1]", subs) +
           switch_function("__sciatica_value_kind", "\"$argv[1]|$argv[2]\"", kinds) +
           switch_function("__sciatica_answer_values", "$argv[1]", answers);
}

const char *const k_fish_helpers = R"FISH(
# The command path ("", "check", "rules lint") of the words before the cursor.
function __sciatica_path
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l at ''
    set -l pending 0
    for w in $tokens
        if test $pending = 1
            set pending 0
            continue
        end
        switch $w
            case '--*=*'
                continue
            case '-*'
                __sciatica_value_kind "$at" $w >/dev/null; and set pending 1
                continue
        end
        if contains -- $w (__sciatica_subcommands "$at")
            set at (string trim -- "$at $w")
        end
    end
    echo $at
end

function __sciatica_at
    set -l at (__sciatica_path)
    test "$at" = "$argv[1]"
end

# ID= for every question, or ID=VALUE once the id is typed.
function __sciatica_answers
    set -l token (string replace -r '^--answer=' '' -- (commandline -ct))
    if string match -q '*=*' -- $token
        set -l id (string split -m1 = -- $token)[1]
        for value in (__sciatica_answer_values $id)
            echo $id=$value
        end
    else
        for id in $__sciatica_questions
            echo $id=
        end
    end
end
)FISH";

std::string value_arguments(const CompletionOption &option, const CompletionModel &model) {
    switch (option.kind) {
    case ValueKind::none:
        return "";
    case ValueKind::free:
        return " -x";
    case ValueKind::words:
        return " -x -a " + shell_quote(join_words(option.words));
    case ValueKind::files:
        return " -r -F";
    case ValueKind::answers:
        return " -x -a '(__sciatica_answers)'";
    case ValueKind::causes:
        return " -x -a " + shell_quote(join_words(model.causes));
    case ValueKind::techniques:
        return " -x -a " + shell_quote(join_words(model.techniques));
    case ValueKind::questions:
        return " -x -a '$__sciatica_questions'";
    }
    return "";
}

std::string command_lines(const CompletionCommand &command, const CompletionModel &model) {
    const std::string head = "complete -c " + model.program + " -n " +
                             shell_quote("__sciatica_at " + shell_quote(command.path));
    std::string out;
    for (const auto &[name, description] : command.subcommands) {
        out += head + " -f -a " + shell_quote(name) + " -d " +
               shell_quote(first_line(description)) + "\n";
    }
    for (const auto &option : command.options) {
        std::string names;
        for (const auto &name : option.names) {
            names += name.rfind("--", 0) == 0 ? " -l " + shell_quote(name.substr(2))
                                              : " -s " + shell_quote(name.substr(1));
        }
        out += head + names + value_arguments(option, model) + " -d " +
               shell_quote(first_line(option.description)) + "\n";
    }
    if (command.positional.kind != ValueKind::none && command.subcommands.empty()) {
        std::string values = value_arguments(command.positional, model);
        if (command.positional.kind == ValueKind::files) {
            values = " -F";
        } else if (values.rfind(" -x", 0) == 0) {
            values = " -f" + values.substr(3); // -x and -r are for options only
        }
        out += head + values + "\n";
    }
    return out;
}

} // namespace

std::string fish_completion(const CompletionModel &model) {
    std::vector<std::string> questions;
    for (const auto &answer : model.answers) {
        questions.push_back(answer.first);
    }
    std::string out = "# fish completion for " + model.program + ", printed by `" + model.program +
                      " completion fish` from its own commands and rule set.\n"
                      "# Install as share/fish/vendor_completions.d/" +
                      model.program + ".fish or ~/.config/fish/completions/" + model.program +
                      ".fish\n\n";
    out += "set -g __sciatica_questions " + join_words(questions) + "\n";
    out += data_functions(model) + k_fish_helpers + "\ncomplete -c " + model.program + " -f\n";
    for (const auto &command : model.commands) {
        out += command_lines(command, model);
    }
    return out;
}

} // namespace sciatica::cli
