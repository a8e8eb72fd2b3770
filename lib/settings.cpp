#include "lib/settings.hpp"

#include "lib/error.hpp"
#include "lib/text_util.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdint>
#include <regex>
#include <utility>
#include <vector>

namespace sciatica {

namespace {

const std::vector<std::string> k_setting_names = {"format", "color", "rules", "save"};

Setting &setting_named(Settings &settings, const std::string &name) {
    if (name == "format") {
        return settings.format;
    }
    if (name == "save") {
        return settings.save;
    }
    return name == "color" ? settings.color : settings.rules;
}

// "" when `value` is allowed for `name`, else why not.
std::string check_value(const std::string &name, const std::string &value) {
    if (name == "rules") {
        return value.empty() ? "'rules' must not be empty" : "";
    }
    const auto &allowed = allowed_values(name);
    for (const auto &candidate : allowed) {
        if (candidate == value) {
            return "";
        }
    }
    return "'" + value + "' is not allowed for '" + name + "'; expected " + or_list(allowed);
}

std::string folder_of(const std::string &path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
}

// toml++'s description of a syntax error in the project's words where the
// project has its own ("'format' is set twice"), else as toml++ gives it
// without its "Error while parsing ...: " prefix.
std::string syntax_problem(const std::string &description) {
    static const std::regex k_redefined("cannot redefine existing \\S+ '([^']*)'.*");
    std::string text = description;
    bool in_string = text.rfind("Error while parsing string", 0) == 0;
    if (auto colon = text.find(": "); text.rfind("Error while parsing", 0) == 0 &&
                                      colon != std::string::npos) {
        text = text.substr(colon + 2);
    }
    std::smatch m;
    if (std::regex_match(text, m, k_redefined)) {
        return "'" + m[1].str() + "' is set twice";
    }
    if (text.rfind("could not determine value type", 0) == 0) {
        return "expected a value in quotes, e.g. format = \"json\"";
    }
    if (text.rfind("expected '='", 0) == 0) {
        return "expected 'key = \"value\"'";
    }
    if (in_string && (text.find("control characters") != std::string::npos ||
                      text.find("end-of-file") != std::string::npos)) {
        return "unterminated string";
    }
    return text;
}

} // namespace

const std::vector<std::string> &allowed_values(const std::string &name) {
    static const std::vector<std::string> k_formats = {"text", "json"};
    static const std::vector<std::string> k_colors = {"auto", "always", "never"};
    static const std::vector<std::string> k_saves = {"ask", "always", "never"};
    static const std::vector<std::string> k_none;
    if (name == "format") {
        return k_formats;
    }
    if (name == "save") {
        return k_saves;
    }
    return name == "color" ? k_colors : k_none;
}

std::string xdg_file(const Environment &env, const char *variable, const char *home_folder,
                     const std::string &file) {
    const char *xdg = env(variable);
    if (xdg != nullptr && xdg[0] == '/') {
        return std::string(xdg) + "/" + file;
    }
    const char *home = env("HOME");
    if (home != nullptr && home[0] != '\0') {
        return std::string(home) + "/" + home_folder + "/" + file;
    }
    return "";
}

std::string config_file_path(const Environment &env) {
    return xdg_file(env, "XDG_CONFIG_HOME", ".config", "sciatica/config.toml");
}

void apply_no_color(Settings &settings, const Environment &env) {
    const char *no_color = env("NO_COLOR");
    if (no_color != nullptr && no_color[0] != '\0') {
        settings.color = {"never", SettingSource::environment, "NO_COLOR"};
    }
}

void apply_config_text(Settings &settings, std::string_view text, const std::string &path) {
    // Some editors start a UTF-8 file with a byte order mark: not part of a key.
    constexpr std::string_view k_bom = "\xEF\xBB\xBF";
    if (text.substr(0, k_bom.size()) == k_bom) {
        text.remove_prefix(k_bom.size());
    }
    if (auto nul = text.find('\0'); nul != std::string_view::npos) {
        auto line =
            1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(nul), '\n');
        throw Error(ErrorKind::data,
                    path + ":" + std::to_string(line) + ": the file contains a NUL byte");
    }
    auto at = [&path](std::uint32_t line) { return path + ":" + std::to_string(line); };
    toml::table table;
    try {
        table = toml::parse(text, std::string_view(path));
    } catch (const toml::parse_error &e) {
        throw Error(ErrorKind::data, at(e.source().begin.line) + ": " +
                                         syntax_problem(std::string(e.description())));
    }
    // The table is ordered by key; problems are reported in the file's order.
    std::vector<std::pair<std::uint32_t, std::string>> keys;
    for (auto &&[key, value] : table) {
        keys.emplace_back(key.source().begin.line, std::string(key.str()));
    }
    std::sort(keys.begin(), keys.end());
    for (const auto &[line, key] : keys) {
        const toml::node &node = *table.get(key);
        std::string problem;
        if (node.is_table() || node.is_array_of_tables()) {
            problem = "tables are not used: put the settings at the top level";
        } else if (allowed_values(key).empty() && key != "rules") {
            problem = "unknown setting '" + key + "'" + did_you_mean(key, k_setting_names) +
                      "; expected format, color, rules or save";
        } else if (!node.is_string()) {
            problem = "expected a value in quotes, e.g. format = \"json\"";
        } else {
            problem = check_value(key, **node.as_string());
        }
        if (!problem.empty()) {
            throw Error(ErrorKind::data, at(line) + ": " + problem);
        }
        std::string value = **node.as_string();
        if (key == "rules" && value.front() != '/') {
            value = folder_of(path) + "/" + value;
        }
        setting_named(settings, key) = {value, SettingSource::config_file, at(line)};
    }
}

void apply_environment(Settings &settings, const Environment &env) {
    const std::pair<const char *, const char *> k_variables[] = {{"SCIATICA_FORMAT", "format"},
                                                                 {"SCIATICA_RULES", "rules"},
                                                                 {"SCIATICA_COLOR", "color"},
                                                                 {"SCIATICA_SAVE", "save"}};
    for (const auto &[variable, name] : k_variables) {
        const char *value = env(variable);
        if (value == nullptr || value[0] == '\0') {
            continue; // unset and empty alike: not a choice
        }
        std::string problem = check_value(name, value);
        if (!problem.empty()) {
            throw Error(ErrorKind::usage, std::string(variable) + ": " + problem);
        }
        setting_named(settings, name) = {value, SettingSource::environment, variable};
    }
    // The opt-out wins over SCIATICA_COLOR when both are set.
    const char *no_color = env("SCIATICA_NO_COLOR");
    if (no_color != nullptr && no_color[0] != '\0') {
        settings.color = {"never", SettingSource::environment, "SCIATICA_NO_COLOR"};
    }
}

void apply_flag(Settings &settings, const std::string &name, const std::string &value,
                const std::string &flag) {
    std::string problem = check_value(name, value);
    if (!problem.empty()) {
        throw Error(ErrorKind::usage, flag + ": " + problem);
    }
    setting_named(settings, name) = {value, SettingSource::flag, flag};
}

const char *source_name(SettingSource source) {
    switch (source) {
    case SettingSource::default_value:
        return "default";
    case SettingSource::config_file:
        return "config file";
    case SettingSource::environment:
        return "environment";
    case SettingSource::flag:
        return "flag";
    }
    return "default";
}

} // namespace sciatica
