// The zsh completion script: the shared data functions and a completer that
// walks `words` the same way as the bash one, with descriptions.

#include "cli/completion_model.hpp"

namespace sciatica::cli {

namespace {

// "name:description" entries for _describe, one case per command path.
std::string describe_function(const CompletionModel &model) {
    auto entry = [](const std::string &name, const std::string &description) {
        std::string escaped;
        for (char c : name) {
            escaped += c == ':' ? std::string("\\:") : std::string(1, c);
        }
        std::string line = description.substr(0, description.find('\n'));
        return shell_quote(escaped + ":" + line);
    };
    std::string out = "_sciatica_described() {\n    case \"$1|$2\" in\n";
    for (const auto &command : model.commands) {
        std::string subs;
        for (const auto &[name, description] : command.subcommands) {
            subs += " " + entry(name, description);
        }
        std::string options;
        for (const auto &option : command.options) {
            for (const auto &name : option.names) {
                options += " " + entry(name, option.description);
            }
        }
        out +=
            "        " + shell_quote(command.path + "|commands") + ") reply=(" + subs + " ) ;;\n";
        out +=
            "        " + shell_quote(command.path + "|options") + ") reply=(" + options + " ) ;;\n";
    }
    return out + "        *) reply=() ;;\n    esac\n}\n";
}

const char *const k_zsh_main = R"ZSH(
_sciatica() {
    local cur=${words[CURRENT]} at="" pending="" w i kind="" prefix=""
    local -a reply
    for ((i = 2; i < CURRENT; i++)); do
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
    if [[ -n $pending ]]; then
        kind=$(_sciatica_value_kind "$at" "$pending")
    elif [[ $cur == --*=* ]]; then
        kind=$(_sciatica_value_kind "$at" "${cur%%=*}") || return 1
        compset -P '--[^=]#='
        cur=${cur#*=}
    elif [[ $cur == -* ]]; then
        _sciatica_described "$at" options
        _describe -t options option reply
        return
    elif [[ -n $(_sciatica_subcommands "$at") ]]; then
        _sciatica_described "$at" commands
        _describe -t commands command reply
        return
    else
        kind=$(_sciatica_positional "$at")
    fi
    case $kind in
        words*) compadd -- ${=kind#words} ;;
        files) _files ;;
        answers)
            if [[ $cur == *=* ]]; then
                local id=${cur%%=*}
                compset -P '*='
                compadd -- ${=$(_sciatica_answer_values "$id")}
            else
                compadd -S = -- ${=_sciatica_questions}
            fi ;;
        causes) compadd -- ${=_sciatica_causes} ;;
        techniques) compadd -- ${=_sciatica_techniques} ;;
        questions) compadd -- ${=_sciatica_questions} ;;
    esac
}

if [[ $funcstack[1] == _sciatica ]]; then
    _sciatica "$@"
else
    compdef _sciatica sciatica
fi
)ZSH";

} // namespace

std::string zsh_completion(const CompletionModel &model) {
    return "#compdef " + model.program +
           "\n"
           "# zsh completion for " +
           model.program + ", printed by `" + model.program +
           " completion zsh` from its own commands and rule set.\n"
           "# Install as _" +
           model.program +
           " in a folder of $fpath (share/zsh/site-functions),\n"
           "# or: source <(" +
           model.program + " completion zsh) after compinit.\n\n" + posix_data_functions(model) +
           describe_function(model) + k_zsh_main;
}

} // namespace sciatica::cli
