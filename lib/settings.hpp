#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace sciatica {

// The user's defaults (output format, colour, rule set) and where each came
// from. Layers are applied lowest first: built-in defaults, NO_COLOR, the
// config file, SCIATICA_* variables, then command-line flags (in cli/).

enum class SettingSource { default_value, config_file, environment, flag };

struct Setting {
    std::string value;
    SettingSource source = SettingSource::default_value;
    std::string origin; // "FILE:LINE", the variable or the flag; empty for a default
};

struct Settings {
    Setting format{"text", SettingSource::default_value, ""};
    Setting color{"auto", SettingSource::default_value, ""}; // auto, always or never
    Setting rules{"", SettingSource::default_value, ""};     // a path; empty: the embedded rule set
    // Whether `check` saves to the history: ask (at the end of an interview;
    // never without one), always, or never. --save always saves.
    Setting save{"ask", SettingSource::default_value, ""};
    std::string config_path; // the file looked for; empty when there is no home
    bool config_found = false;
};

// Reads an environment variable: nullptr when it is not set. Injected so that
// tests can drive every layer with plain maps.
using Environment = std::function<const char *(const char *)>;

// A file of the program's under an XDG base folder, as the XDG Base
// Directory spec finds it: `$variable/file` when `variable` is an absolute
// path (an empty or relative one is ignored), else `$HOME/home_folder/file`;
// "" when neither is set.
std::string xdg_file(const Environment &env, const char *variable, const char *home_folder,
                     const std::string &file);

// Where the config file is: $XDG_CONFIG_HOME/sciatica/config.toml, or
// $HOME/.config/sciatica/config.toml; "" when neither variable is set.
std::string config_file_path(const Environment &env);

// NO_COLOR (https://no-color.org), set and not empty: colour never. It sits
// below the config file, which the convention allows to override it.
void apply_no_color(Settings &settings, const Environment &env);

// Applies the config file's `text`, TOML read by toml++: top-level keys
// whose values are strings (any TOML spelling of either: "format", 'json',
// "js\u006fn"). Throws Error(data) "PATH:LINE: ..." on a TOML syntax error, a
// table, an unknown or repeated key, a value that is not a string, or one
// that is not allowed. A relative `rules` path is taken from the folder of
// `path`.
void apply_config_text(Settings &settings, std::string_view text, const std::string &path);

// Applies SCIATICA_FORMAT, SCIATICA_COLOR, SCIATICA_NO_COLOR, SCIATICA_RULES
// and SCIATICA_SAVE. Throws Error(usage) naming the variable for a value that is
// not allowed.
void apply_environment(Settings &settings, const Environment &env);

// Sets `setting` to `value` from a command-line flag, validating it by name.
void apply_flag(Settings &settings, const std::string &name, const std::string &value,
                const std::string &flag);

// "default", "config file", "environment" or "flag".
const char *source_name(SettingSource source);

// The values `name` (format, color or save) allows, e.g. {"text", "json"}.
const std::vector<std::string> &allowed_values(const std::string &name);

} // namespace sciatica
