#include "lib/error.hpp"
#include "lib/settings.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <string>

using namespace sciatica;

namespace {

// An environment made of `vars`; the map must outlive the returned function.
Environment env_of(const std::map<std::string, std::string> &vars) {
    return [&vars](const char *name) -> const char * {
        auto found = vars.find(name);
        return found == vars.end() ? nullptr : found->second.c_str();
    };
}

std::string config_error(const std::string &text) {
    Settings settings;
    try {
        apply_config_text(settings, text, "/home/u/.config/sciatica/config.toml");
    } catch (const Error &e) {
        CHECK(e.kind() == ErrorKind::data);
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("the config file is looked for under XDG_CONFIG_HOME, then HOME", "[settings]") {
    std::map<std::string, std::string> both = {{"XDG_CONFIG_HOME", "/x"}, {"HOME", "/h"}};
    std::map<std::string, std::string> home = {{"HOME", "/h"}};
    std::map<std::string, std::string> relative = {{"XDG_CONFIG_HOME", "x"}, {"HOME", "/h"}};
    std::map<std::string, std::string> none;
    CHECK(config_file_path(env_of(both)) == "/x/sciatica/config.toml");
    CHECK(config_file_path(env_of(home)) == "/h/.config/sciatica/config.toml");
    CHECK(config_file_path(env_of(relative)) == "/h/.config/sciatica/config.toml");
    CHECK(config_file_path(env_of(none)).empty());
}

TEST_CASE("the config file sets each setting and records its line", "[settings]") {
    Settings settings;
    apply_config_text(settings,
                      "# my defaults\n\nformat = \"json\"   # for scripts\ncolor = 'never'\n"
                      "rules = \"/etc/my.yaml\"\n",
                      "/c/config.toml");
    CHECK(settings.format.value == "json");
    CHECK(settings.format.source == SettingSource::config_file);
    CHECK(settings.format.origin == "/c/config.toml:3");
    CHECK(settings.color.value == "never");
    CHECK(settings.rules.value == "/etc/my.yaml");
}

TEST_CASE("a relative rules path in the config file is taken from its folder", "[settings]") {
    Settings settings;
    apply_config_text(settings, "rules = \"rules/my.yaml\"\n", "/c/config.toml");
    CHECK(settings.rules.value == "/c/rules/my.yaml");
}

TEST_CASE("an unknown key in the config file suggests the nearest one", "[settings]") {
    CHECK(config_error("format = \"json\"\nfromat = \"json\"\n") ==
          "/home/u/.config/sciatica/config.toml:2: unknown setting 'fromat' (did you mean "
          "'format'?); expected format, color, rules or save");
}

TEST_CASE("a value without quotes in the config file is malformed", "[settings]") {
    CHECK(config_error("format = json\n") ==
          "/home/u/.config/sciatica/config.toml:1: expected a value in quotes, e.g. format = "
          "\"json\"");
}

TEST_CASE("a line without '=' in the config file is malformed", "[settings]") {
    CHECK(config_error("format\n") ==
          "/home/u/.config/sciatica/config.toml:1: expected 'key = \"value\"'");
}

TEST_CASE("a value not allowed in the config file lists the allowed ones", "[settings]") {
    CHECK(config_error("color = \"red\"\n") ==
          "/home/u/.config/sciatica/config.toml:1: 'red' is not allowed for 'color'; expected "
          "auto, always or never");
}

TEST_CASE("a key set twice in the config file is an error", "[settings]") {
    CHECK(config_error("format = \"json\"\nformat = \"text\"\n") ==
          "/home/u/.config/sciatica/config.toml:2: 'format' is set twice");
}

TEST_CASE("an unterminated string in the config file is an error", "[settings]") {
    CHECK(config_error("format = \"json\n") ==
          "/home/u/.config/sciatica/config.toml:1: unterminated string");
}

TEST_CASE("any TOML spelling of a key or a string is read (toml++)", "[settings]") {
    Settings settings;
    apply_config_text(settings, "\"format\" = \"js\\u006fn\"\ncolor = 'never' # a comment\n",
                      "/c/config.toml");
    CHECK(settings.format.value == "json");
    CHECK(settings.format.origin == "/c/config.toml:1");
    CHECK(settings.color.value == "never");
    CHECK(settings.color.origin == "/c/config.toml:2");
}

TEST_CASE("a table in the config file is refused at its line", "[settings]") {
    CHECK(config_error("color = \"never\"\n[display]\nformat = \"json\"\n") ==
          "/home/u/.config/sciatica/config.toml:2: tables are not used: put the settings at "
          "the top level");
}

TEST_CASE("a value that is valid TOML but not a string is refused", "[settings]") {
    CHECK(config_error("format = 3\n") ==
          "/home/u/.config/sciatica/config.toml:1: expected a value in quotes, e.g. format = "
          "\"json\"");
}

TEST_CASE("of several problems, the first in the file is reported", "[settings]") {
    CHECK(config_error("save = \"maybe\"\ncolor = \"red\"\n") ==
          "/home/u/.config/sciatica/config.toml:1: 'maybe' is not allowed for 'save'; expected "
          "ask, always or never");
}

TEST_CASE("SCIATICA variables override the config file", "[settings]") {
    Settings settings;
    apply_config_text(settings, "format = \"json\"\ncolor = \"always\"\n", "/c/config.toml");
    std::map<std::string, std::string> vars = {{"SCIATICA_FORMAT", "text"},
                                               {"SCIATICA_RULES", "r.yaml"}};
    apply_environment(settings, env_of(vars));
    CHECK(settings.format.value == "text");
    CHECK(settings.format.origin == "SCIATICA_FORMAT");
    CHECK(settings.color.value == "always");
    CHECK(settings.color.source == SettingSource::config_file);
    CHECK(settings.rules.value == "r.yaml");
}

TEST_CASE("SCIATICA_NO_COLOR wins over SCIATICA_COLOR", "[settings]") {
    Settings settings;
    std::map<std::string, std::string> vars = {{"SCIATICA_COLOR", "always"},
                                               {"SCIATICA_NO_COLOR", "1"}};
    apply_environment(settings, env_of(vars));
    CHECK(settings.color.value == "never");
    CHECK(settings.color.origin == "SCIATICA_NO_COLOR");
}

TEST_CASE("NO_COLOR turns colour off but the config file may turn it back on", "[settings]") {
    Settings settings;
    std::map<std::string, std::string> vars = {{"NO_COLOR", "1"}};
    apply_no_color(settings, env_of(vars));
    CHECK(settings.color.value == "never");
    apply_config_text(settings, "color = \"always\"\n", "/c/config.toml");
    CHECK(settings.color.value == "always");
}

TEST_CASE("an empty variable is not a choice", "[settings]") {
    Settings settings;
    std::map<std::string, std::string> vars = {{"NO_COLOR", ""}, {"SCIATICA_FORMAT", ""}};
    apply_no_color(settings, env_of(vars));
    apply_environment(settings, env_of(vars));
    CHECK(settings.color.source == SettingSource::default_value);
    CHECK(settings.format.source == SettingSource::default_value);
}

TEST_CASE("a variable with a value not allowed is a usage error naming it", "[settings]") {
    Settings settings;
    std::map<std::string, std::string> vars = {{"SCIATICA_FORMAT", "xml"}};
    try {
        apply_environment(settings, env_of(vars));
        FAIL("expected an error");
    } catch (const Error &e) {
        CHECK(e.kind() == ErrorKind::usage);
        CHECK(std::string(e.what()) ==
              "SCIATICA_FORMAT: 'xml' is not allowed for 'format'; expected text or json");
    }
}

TEST_CASE("a flag overrides every other layer", "[settings]") {
    Settings settings;
    std::map<std::string, std::string> vars = {{"SCIATICA_FORMAT", "json"}};
    apply_environment(settings, env_of(vars));
    apply_flag(settings, "format", "text", "--format");
    CHECK(settings.format.value == "text");
    CHECK(settings.format.source == SettingSource::flag);
    CHECK(settings.format.origin == "--format");
}

TEST_CASE("a config file starting with a byte order mark reads as without it", "[settings]") {
    Settings settings;
    apply_config_text(settings,
                      "\xEF\xBB\xBF"
                      "format = \"json\"\n",
                      "/c/config.toml");
    CHECK(settings.format.value == "json");
}

TEST_CASE("a NUL byte in the config file is an error naming its line", "[settings]") {
    using namespace std::string_literals;
    CHECK(config_error("format = \"json\"\ncolor = \"nev\0er\"\n"s) ==
          "/home/u/.config/sciatica/config.toml:2: the file contains a NUL byte");
}
