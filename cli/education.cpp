#include "cli/education.hpp"

#include "cli/format.hpp"
#include "cli/output.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>

namespace sciatica::cli {

void add_format_options(CLI::App &command, EducationOptions &options,
                        const std::vector<std::string> &formats) {
    std::string help = "Output format: ";
    for (std::size_t i = 0; i < formats.size(); ++i) {
        help += (i == 0 ? "" : i + 1 == formats.size() ? (i == 1 ? " or " : ", or ") : ", ") +
                formats[i] + (formats[i] == "fhir" ? " (FHIR R4)" : "");
    }
    CLI::Option *format =
        command.add_option("-f,--format", options.format, help)->check(CLI::IsMember(formats));
    command.add_flag("--json", options.json, "Same as --format json")->excludes(format);
}

void print_education(Context &context, const EducationOptions &options,
                     const nlohmann::ordered_json &document,
                     const std::function<std::string(const TextStyle &)> &text) {
    if (options.json || options.format != "text") {
        write_stdout(json_text(document, context.pretty));
        return;
    }
    write_stdout(text(style_for(STDOUT_FILENO, context.settings.color.value, context.plain)));
}

CLI::App &add_education_command(CLI::App &app, Context &context, const std::string &name,
                                const std::string &description,
                                std::shared_ptr<EducationOptions> options,
                                std::function<Shown(const RuleSet &)> show,
                                const std::vector<std::string> &formats) {
    CLI::App *command = app.add_subcommand(name, description);
    add_format_options(*command, *options, formats);
    command->callback([&context, options, show = std::move(show)] {
        const RuleSet &rules = context.rules();
        Shown shown = show(rules);
        // The practitioner notice ends every page, as it ends every result.
        print_education(context, *options, shown.document, [&](const TextStyle &style) {
            return shown.text(style) + "\n" + flow(style, rules.notice, "", "");
        });
    });
    return *command;
}

std::string bullet_list(const std::vector<std::string> &items, const TextStyle &style,
                        const std::string &indent) {
    std::string out;
    for (const auto &item : items) {
        out += flow(style, item, indent + "- ", indent + "  ");
    }
    return out;
}

std::string entry_text(const TextStyle &style, const std::string &title,
                       const std::vector<std::string> &lines) {
    std::string out = "\n" + wrap_painted(style, k_bold, title, "  ", "  ");
    for (const auto &line : lines) {
        out += flow(style, line, "    ", "    ");
    }
    return out;
}

std::string urgency_name(const RuleSet &rules, const std::string &id) {
    int index = rules.urgency_index(id);
    return index < 0 ? id : rules.urgencies[static_cast<std::size_t>(index)].name;
}

} // namespace sciatica::cli
