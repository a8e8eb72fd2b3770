#include "lib/settings.hpp"

#include "lib/error.hpp"
#include "lib/text_util.hpp"

#include <algorithm>
#include <map>

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

// TOML's white space, and the CR of a CRLF line.
std::string_view trim_blanks(std::string_view text) {
    return trim(text, " \t\r");
}

// Reads a TOML basic ("...") or literal ('...') string at the start of
// `text`, leaving `text` after its closing quote. Returns false with `error`
// set when it is not one.
bool read_string(std::string_view &text, std::string &out, std::string &error) {
    if (text.empty() || (text.front() != '"' && text.front() != '\'')) {
        error = "expected a value in quotes, e.g. format = \"json\"";
        return false;
    }
    const char quote = text.front();
    static const std::map<char, char> k_escapes = {
        {'"', '"'}, {'\\', '\\'}, {'n', '\n'}, {'t', '\t'}, {'r', '\r'}, {'b', '\b'}, {'f', '\f'}};
    for (std::size_t i = 1; i < text.size(); ++i) {
        char c = text[i];
        if (c == quote) {
            text.remove_prefix(i + 1);
            return true;
        }
        if (c == '\\' && quote == '"') {
            auto escape = i + 1 < text.size() ? k_escapes.find(text[i + 1]) : k_escapes.end();
            if (escape == k_escapes.end()) {
                error = "unsupported escape in a string";
                return false;
            }
            out += escape->second;
            ++i;
            continue;
        }
        out += c;
    }
    error = "unterminated string";
    return false;
}

// Parses one non-blank, non-comment line into `key` and `value`; returns the
// problem, or "".
std::string parse_line(std::string_view line, std::string &key, std::string &value) {
    if (line.front() == '[') {
        return "tables are not used: put the settings at the top level";
    }
    auto equals = line.find('=');
    if (equals == std::string_view::npos) {
        return "expected 'key = \"value\"'";
    }
    key = std::string(trim_blanks(line.substr(0, equals)));
    if (key.empty()) {
        return "expected a key before '='";
    }
    std::string_view rest = trim_blanks(line.substr(equals + 1));
    std::string error;
    if (!read_string(rest, value, error)) {
        return error;
    }
    rest = trim_blanks(rest);
    if (!rest.empty() && rest.front() != '#') {
        return "unexpected text after the value";
    }
    return "";
}

std::string folder_of(const std::string &path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
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

std::string config_file_path(const Environment &env) {
    const char *xdg = env("XDG_CONFIG_HOME");
    // The XDG spec: an empty or relative value is to be ignored.
    if (xdg != nullptr && xdg[0] == '/') {
        return std::string(xdg) + "/sciatica/config.toml";
    }
    const char *home = env("HOME");
    if (home != nullptr && home[0] != '\0') {
        return std::string(home) + "/.config/sciatica/config.toml";
    }
    return "";
}

void apply_no_color(Settings &settings, const Environment &env) {
    const char *no_color = env("NO_COLOR");
    if (no_color != nullptr && no_color[0] != '\0') {
        settings.color = {"never", SettingSource::environment, "NO_COLOR"};
    }
}

void apply_config_text(Settings &settings, std::string_view text, const std::string &path) {
    std::map<std::string, bool> seen;
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
    int line_number = 0;
    while (!text.empty()) {
        ++line_number;
        auto end = text.find('\n');
        std::string_view line = trim_blanks(text.substr(0, end));
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const std::string where = path + ":" + std::to_string(line_number);
        std::string key;
        std::string value;
        std::string problem = parse_line(line, key, value);
        if (problem.empty() && allowed_values(key).empty() && key != "rules") {
            problem = "unknown setting '" + key + "'" + did_you_mean(key, k_setting_names) +
                      "; expected format, color, rules or save";
        }
        if (problem.empty() && seen[key]) {
            problem = "'" + key + "' is set twice";
        }
        if (problem.empty()) {
            problem = check_value(key, value);
        }
        if (!problem.empty()) {
            throw Error(ErrorKind::data, where + ": " + problem);
        }
        seen[key] = true;
        if (key == "rules" && value.front() != '/') {
            value = folder_of(path) + "/" + value;
        }
        setting_named(settings, key) = {value, SettingSource::config_file, where};
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
