// The bash and zsh data functions, and the bash completion script.

#include "cli/completion_model.hpp"

namespace sciatica::cli {

namespace {

std::string case_line(const std::string &pattern, const std::string &words) {
    return "        " + pattern + ") echo " + shell_quote(words) + " ;;\n";
}

std::string subcommands_function(const CompletionModel &model) {
    std::string out = "_sciatica_subcommands() {\n    case $1 in\n";
    for (const auto &command : model.commands) {
        std::vector<std::string> names;
        for (const auto &sub : command.subcommands) {
            names.push_back(sub.first);
        }
        if (!names.empty()) {
            out += case_line(shell_quote(command.path), join_words(names));
        }
    }
    return out + "    esac\n}\n";
}

std::string options_function(const CompletionModel &model) {
    std::string out = "_sciatica_options() {\n    case $1 in\n";
    for (const auto &command : model.commands) {
        std::vector<std::string> names;
        for (const auto &option : command.options) {
            names.insert(names.end(), option.names.begin(), option.names.end());
        }
        out += case_line(shell_quote(command.path), join_words(names));
    }
    return out + "    esac\n}\n";
}

std::string value_kind_function(const CompletionModel &model) {
    std::string out = "_sciatica_value_kind() {\n    case \"$1|$2\" in\n";
    for (const auto &command : model.commands) {
        for (const auto &option : command.options) {
            if (option.kind == ValueKind::none) {
                continue;
            }
            std::string pattern;
            for (const auto &name : option.names) {
                pattern += (pattern.empty() ? "" : "|") + shell_quote(command.path + "|" + name);
            }
            out += case_line(pattern, kind_spec(option));
        }
    }
    return out + "        *) return 1 ;;\n    esac\n}\n";
}

std::string positional_function(const CompletionModel &model) {
    std::string out = "_sciatica_positional() {\n    case $1 in\n";
    for (const auto &command : model.commands) {
        if (command.positional.kind != ValueKind::none) {
            out += case_line(shell_quote(command.path), kind_spec(command.positional));
        }
    }
    return out + "    esac\n}\n";
}

std::string answers_function(const CompletionModel &model) {
    std::string out = "_sciatica_answer_values() {\n    case $1 in\n";
    for (const auto &[id, values] : model.answers) {
        if (!values.empty()) {
            out += case_line(shell_quote(id), join_words(values));
        }
    }
    return out + "    esac\n}\n";
}

const char *const k_bash_main = R"BASH(
# Completes the word before the cursor. COMP_LINE is split on blanks here
# rather than taken from COMP_WORDS, which bash also splits at '=' and ':'.
_sciatica() {
    local line=${COMP_LINE:0:COMP_POINT}
    local -a words
    read -r -a words <<< "$line"
    [[ $line == *[[:space:]] || ${#words[@]} -eq 0 ]] && words+=("")
    local cur=${words[${#words[@]}-1]} at="" pending="" w i kind="" prefix=""
    for ((i = 1; i < ${#words[@]} - 1; i++)); do
        w=${words[i]}
        if [[ -n $pending ]]; then pending=""; continue; fi
        case $w in
            --*=*) continue ;;
            -*) _sciatica_value_kind "$at" "$w" >/dev/null && pending=$w; continue ;;
        esac
        if [[ " $(_sciatica_subcommands "$at") " == *" $w "* ]]; then
            at=${at:+$at }$w
        fi
    done
    COMPREPLY=()
    if [[ -n $pending ]]; then
        kind=$(_sciatica_value_kind "$at" "$pending")
    elif [[ $cur == --*=* ]]; then
        prefix=${cur%%=*}=
        kind=$(_sciatica_value_kind "$at" "${cur%%=*}") || return 0
        cur=${cur#*=}
    elif [[ $cur == -* ]]; then
        kind="words $(_sciatica_options "$at")"
    else
        kind=$(_sciatica_subcommands "$at")
        if [[ -n $kind ]]; then kind="words $kind"; else kind=$(_sciatica_positional "$at"); fi
    fi
    _sciatica_values "$kind" "$cur"
    if [[ -n $prefix ]]; then COMPREPLY=("${COMPREPLY[@]/#/$prefix}"); fi
    # bash replaces only the part of the word after its last '=' or ':'.
    local full=$prefix$cur
    if [[ $COMP_WORDBREAKS == *=* && $full == *=* ]]; then
        local strip=${full%"${full##*=}"}
        COMPREPLY=("${COMPREPLY[@]#"$strip"}")
    fi
}

# Sets COMPREPLY to each word of `words` that starts with `cur`, between
# `before` and `after`. Unlike compgen -W, which expands $(...) and `...` in
# its word list, this takes every word literally.
_sciatica_match() {
    local words=$1 cur=$2 before=$3 after=$4 w
    local -a list
    read -r -a list <<< "$words"
    COMPREPLY=()
    for w in "${list[@]}"; do
        [[ $w == "$cur"* ]] && COMPREPLY+=("$before$w$after")
    done
}

# Sets COMPREPLY to the values of `kind` (see _sciatica_value_kind) that
# start with `cur`.
_sciatica_values() {
    local kind=$1 cur=$2
    case $kind in
        words*) _sciatica_match "${kind#words}" "$cur" ;;
        files)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
        answers)
            if [[ $cur == *=* ]]; then
                local id=${cur%%=*}
                _sciatica_match "$(_sciatica_answer_values "$id")" "${cur#*=}" "$id="
            else
                compopt -o nospace 2>/dev/null
                _sciatica_match "$_sciatica_questions" "$cur" "" "="
            fi ;;
        causes) _sciatica_match "$_sciatica_causes" "$cur" ;;
        techniques) _sciatica_match "$_sciatica_techniques" "$cur" ;;
        questions) _sciatica_match "$_sciatica_questions" "$cur" ;;
    esac
}

complete -F _sciatica sciatica
)BASH";

} // namespace

std::string posix_data_functions(const CompletionModel &model) {
    std::vector<std::string> questions;
    for (const auto &answer : model.answers) {
        questions.push_back(answer.first);
    }
    std::string out;
    out += "_sciatica_questions=" + shell_quote(join_words(questions)) + "\n";
    out += "_sciatica_causes=" + shell_quote(join_words(model.causes)) + "\n";
    out += "_sciatica_techniques=" + shell_quote(join_words(model.techniques)) + "\n";
    out += subcommands_function(model) + options_function(model) + value_kind_function(model) +
           positional_function(model) + answers_function(model);
    return out;
}

std::string bash_completion(const CompletionModel &model) {
    return "# bash completion for " + model.program + ", printed by `" + model.program +
           " completion bash` from its own commands and rule set.\n"
           "# Install as share/bash-completion/completions/" +
           model.program + ", or: source <(" + model.program + " completion bash)\n\n" +
           posix_data_functions(model) + k_bash_main;
}

} // namespace sciatica::cli
