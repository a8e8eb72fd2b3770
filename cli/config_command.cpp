#include "cli/commands.hpp"
#include "cli/education.hpp"
#include "cli/format.hpp"
#include "cli/output.hpp"
#include "lib/settings.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <memory>
#include <unistd.h>

namespace sciatica::cli {

namespace {

// "config_file" for "config file": the JSON form of a source.
std::string source_id(SettingSource source) {
    std::string id = source_name(source);
    for (char &c : id) {
        c = c == ' ' ? '_' : c;
    }
    return id;
}

std::string show_text(const Settings &settings) {
    std::string out = "config file: " +
                      (settings.config_path.empty() ? std::string("(none: HOME is not set)")
                                                    : settings.config_path) +
                      (settings.config_found ? "\n" : " (not found)\n");
    const std::pair<const char *, const Setting *> rows[] = {{"format", &settings.format},
                                                             {"color", &settings.color},
                                                             {"rules", &settings.rules},
                                                             {"save", &settings.save}};
    for (const auto &[name, setting] : rows) {
        std::string value = setting->value.empty() ? "(embedded)" : setting->value;
        std::string from = source_name(setting->source);
        if (!setting->origin.empty()) {
            from += " " + setting->origin;
        }
        out += std::string(name) + std::string(8 - std::string(name).size(), ' ') + value +
               std::string(value.size() < 24 ? 24 - value.size() : 1, ' ') + from + "\n";
    }
    return out;
}

nlohmann::ordered_json show_json(const Settings &settings) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    const std::pair<const char *, const Setting *> k_rows[] = {{"format", &settings.format},
                                                               {"color", &settings.color},
                                                               {"rules", &settings.rules},
                                                               {"save", &settings.save}};
    for (const auto &[name, setting] : k_rows) {
        nlohmann::ordered_json value = setting->value;
        if (setting->value.empty()) {
            value = nullptr; // the embedded rule set
        }
        rows.push_back({{"name", name},
                        {"value", value},
                        {"source", source_id(setting->source)},
                        {"origin", setting->origin}});
    }
    nlohmann::ordered_json out;
    out["schema_version"] = 1;
    out["config_file"] = settings.config_path.empty() ? "-" : settings.config_path;
    out["config_file_found"] = settings.config_found;
    out["settings"] = std::move(rows);
    return out;
}

} // namespace

void add_config_command(CLI::App &app, Context &context) {
    CLI::App *config =
        add_command_group(app, "config", "Show your settings and where they come from");
    config->footer("Example:\n  SCIATICA_FORMAT=json sciatica config show");
    auto options = std::make_shared<EducationOptions>();
    CLI::App *show = config->add_subcommand(
        "show", "Print the effective format, color and rules settings and where each came from");
    add_format_options(*show, *options);
    show->footer("Settings come from, lowest first: defaults, NO_COLOR, the config file\n"
                 "($XDG_CONFIG_HOME/sciatica/config.toml), SCIATICA_* variables, then flags.\n"
                 "Example:\n  SCIATICA_FORMAT=json sciatica config show --format json");
    show->callback([&context, options] {
        if (options->json || options->format == "json") {
            write_stdout(json_text(show_json(context.settings), context.pretty));
        } else {
            write_stdout(show_text(context.settings));
        }
    });
}

} // namespace sciatica::cli
