#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/terminal.hpp"
#include "lib/error.hpp"
#include "lib/text_util.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <unistd.h>

namespace sciatica::cli {

namespace {

// "sciatica rules": the names from the program down to `command`.
std::string command_path(const CLI::App &command) {
    const CLI::App *parent = command.get_parent();
    return parent == nullptr ? command.get_name()
                             : command_path(*parent) + " " + command.get_name();
}

} // namespace

std::string short_usage(const CLI::App &command) {
    TextStyle style = style_for(STDOUT_FILENO, "never");
    const std::string path = command_path(command);
    std::string out = "Usage: " + path + " COMMAND [OPTIONS]\n\nCommands:\n";
    std::size_t longest = 0;
    for (const CLI::App *sub : command.get_subcommands({})) {
        longest = std::max(longest, sub->get_name().size());
    }
    const std::string pad(longest + 4, ' ');
    for (const CLI::App *sub : command.get_subcommands({})) {
        std::string name = "  " + sub->get_name();
        name += std::string(pad.size() - name.size(), ' ');
        out += wrap(sub->get_description(), style.width, name, pad);
    }
    if (command.get_parent() == nullptr) {
        out += "\nExample:\n  sciatica check\n";
    }
    std::string group =
        path.substr(path.find(' ') == std::string::npos ? path.size() : path.find(' '));
    return out + "\nMore: sciatica help" + group + " COMMAND, or man sciatica.\n";
}

CLI::App *add_command_group(CLI::App &app, const std::string &name,
                            const std::string &description) {
    CLI::App *group = app.add_subcommand(name, description);
    group->require_subcommand(0, 1);
    group->callback([group] {
        if (group->get_subcommands().empty()) {
            write_stdout(short_usage(*group));
        }
    });
    return group;
}

void add_help_command(CLI::App &app, Context & /*context*/) {
    auto words = std::make_shared<std::vector<std::string>>();
    CLI::App *help = app.add_subcommand("help", "Show the help of a command");
    help->add_option("COMMAND", *words, "A command, e.g. check or rules lint")
        ->type_name("COMMAND");
    help->footer("Example:\n  sciatica help check");
    help->callback([&app, words] {
        const CLI::App *command = &app;
        for (const auto &word : *words) {
            std::vector<std::string> names;
            const CLI::App *found = nullptr;
            for (const CLI::App *sub : command->get_subcommands({})) {
                names.push_back(sub->get_name());
                if (sub->get_name() == word) {
                    found = sub;
                }
            }
            if (found == nullptr) {
                throw Error(ErrorKind::usage, "unknown command '" + printable(word, 60) + "'" +
                                                  did_you_mean(word, names) +
                                                  " (see sciatica --help)");
            }
            command = found;
        }
        // As `COMMAND --help` shows it: "Usage: sciatica rules lint ...".
        const CLI::App *parent = command->get_parent();
        write_stdout(parent == nullptr ? command->help() : command->help(command_path(*parent)));
    });
}

} // namespace sciatica::cli
