#include "cli/commands.hpp"
#include "cli/completion_model.hpp"
#include "cli/output.hpp"

#include <CLI/CLI.hpp>

#include <memory>

namespace sciatica::cli {

void add_completion_command(CLI::App &app, Context &context) {
    auto shell = std::make_shared<std::string>();
    CLI::App *completion =
        app.add_subcommand("completion", "Print a shell completion script for bash, zsh or fish");
    completion->add_option("shell", *shell, "The shell")
        ->required()
        ->check(CLI::IsMember({"bash", "zsh", "fish"}));
    completion->footer("Examples:\n"
                       "  source <(sciatica completion bash)                # in ~/.bashrc\n"
                       "  sciatica completion zsh > ~/.zfunc/_sciatica      # fpath+=(~/.zfunc)\n"
                       "  sciatica completion fish > ~/.config/fish/completions/sciatica.fish");
    completion->callback([&app, &context, shell] {
        // Generated now, from the app as built and the selected rule set.
        CompletionModel model = build_completion_model(app, context.rules());
        if (*shell == "bash") {
            write_stdout(bash_completion(model));
        } else if (*shell == "zsh") {
            write_stdout(zsh_completion(model));
        } else {
            write_stdout(fish_completion(model));
        }
    });
}

} // namespace sciatica::cli
