#include "cli/config.hpp"

#include "lib/error.hpp"
#include "lib/loader.hpp"
#include "lib/settings.hpp"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <sys/stat.h>

namespace sciatica::cli {

const char *process_env(const char *name) {
    return std::getenv(name);
}

namespace {

// Every option of `app` and its subcommands whose long name is `name`.
void collect_options(CLI::App &app, const std::string &name, std::vector<CLI::Option *> &out) {
    for (CLI::Option *option : app.get_options([](const CLI::Option *) { return true; })) {
        for (const auto &long_name : option->get_lnames()) {
            if (long_name == name) {
                out.push_back(option);
            }
        }
    }
    for (CLI::App *sub : app.get_subcommands([](const CLI::App *) { return true; })) {
        collect_options(*sub, name, out);
    }
}

void read_config_file(Settings &settings) {
    struct stat info {};
    if (settings.config_path.empty() || stat(settings.config_path.c_str(), &info) != 0) {
        return; // no file is fine: every setting keeps its default
    }
    settings.config_found = true;
    apply_config_text(settings, read_file(settings.config_path), settings.config_path);
}

// The configured format becomes the default of every --format that accepts it.
void set_format_defaults(CLI::App &app, const std::string &format) {
    std::vector<CLI::Option *> options;
    collect_options(app, "format", options);
    for (CLI::Option *option : options) {
        try {
            option->run_callback_for_default()->default_val(format);
        } catch (const CLI::Error &) {
            // This command's --format has no such value: it keeps its own default.
        }
    }
}

// The flag given last on the command line among the selected (sub)commands,
// as (long name, value), or an empty name.
std::pair<std::string, std::string> format_flag(const CLI::App &app) {
    std::pair<std::string, std::string> found;
    for (const CLI::Option *option : app.get_options()) {
        if (option->count() == 0) {
            continue;
        }
        if (option->check_lname("format")) {
            found = {"--format", option->as<std::string>()};
        } else if (option->check_lname("json")) {
            found = {"--json", "json"};
        }
    }
    for (const CLI::App *sub : app.get_subcommands()) {
        if (sub->get_name() == "show" && app.get_name() == "config") {
            continue; // `config show --format` chooses the report, not a setting
        }
        auto inner = format_flag(*sub);
        if (!inner.first.empty()) {
            found = inner;
        }
    }
    return found;
}

bool flag_given(const CLI::App &app, const std::string &name) {
    for (const CLI::Option *option : app.get_options()) {
        if (option->check_lname(name) && option->count() > 0) {
            return true;
        }
    }
    for (const CLI::App *sub : app.get_subcommands()) {
        if (flag_given(*sub, name)) {
            return true;
        }
    }
    return false;
}

} // namespace

void add_settings_options(CLI::App &app, Context &context) {
    app.add_option("--color", context.color_flag,
                   "Colour in text output: auto (at a terminal), always or never")
        ->type_name("WHEN")
        ->check(CLI::IsMember(allowed_values("color")));
}

void load_settings(CLI::App &app, Context &context) {
    Settings &settings = context.settings;
    settings.config_path = config_file_path(process_env);
    try {
        apply_no_color(settings, process_env);
        read_config_file(settings);
        apply_environment(settings, process_env);
    } catch (const Error &) {
        context.settings_error = std::current_exception();
        return;
    }
    context.rules_path = settings.rules.value;
    if (settings.format.source != SettingSource::default_value) {
        set_format_defaults(app, settings.format.value);
    }
}

void finish_settings(const CLI::App &app, Context &context) {
    if (context.settings_error) {
        std::rethrow_exception(context.settings_error);
    }
    Settings &settings = context.settings;
    if (const CLI::Option *rules = app.get_option_no_throw("--rules"); rules && rules->count()) {
        apply_flag(settings, "rules", context.rules_path, "--rules");
    }
    if (!context.color_flag.empty()) {
        apply_flag(settings, "color", context.color_flag, "--color");
    }
    if (flag_given(app, "no-color")) {
        apply_flag(settings, "color", "never", "--no-color");
    }
    auto [flag, value] = format_flag(app);
    // --format fhir is one command's output, checked by that command; the
    // format setting is text or json.
    if (!flag.empty() && value != "fhir") {
        apply_flag(settings, "format", value, flag);
    }
}

} // namespace sciatica::cli
