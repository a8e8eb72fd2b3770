#include "cli/completion_model.hpp"

#include "lib/completion_words.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <map>

namespace sciatica::cli {

namespace {

// The values inside the last "{a,b,c}" of a CLI11 type name such as
// "TEXT:{text,json}" (an IsMember validator), or none.
std::vector<std::string> member_words(const std::string &type_name) {
    auto open = type_name.rfind('{');
    auto close = type_name.rfind('}');
    std::vector<std::string> words;
    if (open == std::string::npos || close == std::string::npos || close < open) {
        return words;
    }
    std::string inner = type_name.substr(open + 1, close - open - 1);
    std::size_t start = 0;
    while (start <= inner.size()) {
        auto comma = inner.find(',', start);
        std::string word = inner.substr(start, comma == std::string::npos ? comma : comma - start);
        word = word.substr(0, word.find("->")); // a mapping shows "name->value"
        if (!word.empty()) {
            words.push_back(word);
        }
        if (comma == std::string::npos) {
            break;
        }
        start = comma + 1;
    }
    return words;
}

// By convention the type name says what a value is: ID=VALUE, CAUSE,
// TECHNIQUE, QUESTION, or FILE/PATH/DIR. A positional without one is
// recognised by its command (`explain CAUSE`, `techniques [ID]`).
ValueKind value_kind(const CLI::Option &option, const std::string &command,
                     std::vector<std::string> &words) {
    if (option.get_items_expected_max() == 0) {
        return ValueKind::none;
    }
    const std::string type_name = option.get_type_name();
    words = member_words(type_name);
    if (!words.empty()) {
        return ValueKind::words;
    }
    const std::string base = type_name.substr(0, type_name.find(':'));
    static const std::map<std::string, ValueKind> k_by_type = {{"ID=VALUE", ValueKind::answers},
                                                               {"CAUSE", ValueKind::causes},
                                                               {"TECHNIQUE", ValueKind::techniques},
                                                               {"QUESTION", ValueKind::questions},
                                                               {"FILE", ValueKind::files},
                                                               {"PATH", ValueKind::files},
                                                               {"DIR", ValueKind::files},
                                                               {"FILE|-", ValueKind::files},
                                                               {"PATH|-", ValueKind::files}};
    if (auto found = k_by_type.find(base); found != k_by_type.end()) {
        return found->second;
    }
    if (option.get_positional()) {
        if (command == "explain") {
            return ValueKind::causes;
        }
        if (command == "techniques") {
            return ValueKind::techniques;
        }
    }
    return ValueKind::free;
}

CompletionOption describe_option(const CLI::Option &option, const std::string &command) {
    CompletionOption out;
    for (const auto &name : option.get_lnames()) {
        out.names.push_back("--" + name);
    }
    for (const auto &name : option.get_snames()) {
        out.names.push_back("-" + name);
    }
    out.description = option.get_description();
    out.kind = value_kind(option, command, out.words);
    return out;
}

void add_options(const CLI::App &app, CompletionCommand &command) {
    for (const CLI::Option *option : app.get_options()) {
        if (option->get_positional() && !option->nonpositional()) {
            if (command.positional.kind == ValueKind::none) {
                command.positional = describe_option(*option, app.get_name());
            }
            continue;
        }
        CompletionOption described = describe_option(*option, app.get_name());
        bool seen =
            std::any_of(command.options.begin(), command.options.end(),
                        [&](const CompletionOption &o) { return o.names == described.names; });
        if (!described.names.empty() && !seen) {
            command.options.push_back(std::move(described));
        }
    }
}

void walk(const CLI::App &app, const std::string &path, std::vector<const CLI::App *> ancestors,
          CompletionModel &model) {
    CompletionCommand command;
    command.path = path;
    command.description = app.get_description();
    add_options(app, command);
    // A parent's options may follow a subcommand that falls through to it.
    for (auto it = ancestors.rbegin(); it != ancestors.rend() && app.get_fallthrough(); ++it) {
        add_options(**it, command);
    }
    std::vector<const CLI::App *> children;
    for (const CLI::App *sub : app.get_subcommands([](const CLI::App *) { return true; })) {
        if (!sub->get_name().empty() && !sub->get_disabled()) {
            command.subcommands.emplace_back(sub->get_name(), sub->get_description());
            children.push_back(sub);
        }
    }
    model.commands.push_back(std::move(command));
    ancestors.push_back(&app);
    for (const CLI::App *sub : children) {
        walk(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), ancestors, model);
    }
}

} // namespace

CompletionModel build_completion_model(const CLI::App &app, const RuleSet &rules) {
    CompletionModel model;
    model.program = app.get_name();
    walk(app, "", {}, model);
    for (const auto &question : rules.questions) {
        model.answers.emplace_back(question.id, answer_values(question));
    }
    model.causes = rules.cause_ids();
    model.techniques = rules.technique_ids();
    return model;
}

} // namespace sciatica::cli

namespace sciatica::cli {

std::string shell_quote(const std::string &text) {
    std::string out = "'";
    for (char c : text) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

std::string join_words(const std::vector<std::string> &words) {
    std::string out;
    for (const auto &word : words) {
        out += (out.empty() ? "" : " ") + word;
    }
    return out;
}

std::string kind_spec(const CompletionOption &option) {
    switch (option.kind) {
    case ValueKind::none:
        return "";
    case ValueKind::free:
        return "free";
    case ValueKind::words:
        return "words " + join_words(option.words);
    case ValueKind::files:
        return "files";
    case ValueKind::answers:
        return "answers";
    case ValueKind::causes:
        return "causes";
    case ValueKind::techniques:
        return "techniques";
    case ValueKind::questions:
        return "questions";
    }
    return "free";
}

} // namespace sciatica::cli
