"""End-to-end tests of user settings: the config file under a temporary
XDG_CONFIG_HOME, SCIATICA_* variables and flags, highest last, and
`sciatica config show`."""
import json
import os
import unittest

from support import MINI_RULES, ScratchDir, run

VARIABLES = ("SCIATICA_FORMAT", "SCIATICA_COLOR", "SCIATICA_NO_COLOR", "SCIATICA_RULES",
             "NO_COLOR", "XDG_CONFIG_HOME")

class Settings(unittest.TestCase):
    def setUp(self):
        self.scratch = ScratchDir()
        self.config_dir = os.path.join(self.scratch.path, "sciatica")
        os.mkdir(self.config_dir)
        self.config_path = os.path.join(self.config_dir, "config.toml")
        self.saved = {name: os.environ.pop(name) for name in VARIABLES if name in os.environ}

    def tearDown(self):
        os.environ.update(self.saved)
        self.scratch.cleanup()

    def config(self, text):
        with open(self.config_path, "w", encoding="utf-8") as f:
            f.write(text)

    def sciatica(self, *args, **env):
        # support.run sets NO_COLOR for every test; these tests choose it themselves.
        full = {"XDG_CONFIG_HOME": self.scratch.path, "NO_COLOR": ""}
        full.update(env)
        return run(*args, env=full)

    def show(self, *args, **env):
        p = self.sciatica(*args, "config", "show", "--format", "json", **env)
        self.assertEqual(p.returncode, 0, p.stderr)
        out = json.loads(p.stdout)
        return {s["name"]: (s["value"], s["source"], s["origin"]) for s in out["settings"]}

    def test_with_no_config_file_every_setting_is_a_default(self):
        self.assertEqual(self.show(), {"format": ("text", "default", ""),
                                       "color": ("auto", "default", ""),
                                       "rules": (None, "default", ""),
                                       "save": ("ask", "default", "")})

    def test_save_is_set_by_the_config_file_and_the_variable(self):
        self.config('save = "always"\n')
        self.assertEqual(self.show()["save"], ("always", "config_file", self.config_path + ":1"))
        self.assertEqual(self.show(SCIATICA_SAVE="never")["save"],
                         ("never", "environment", "SCIATICA_SAVE"))

    def test_config_show_names_the_file_it_looked_for(self):
        p = self.sciatica("config", "show")
        self.assertEqual(p.stdout.splitlines()[0],
                         "config file: " + self.config_path + " (not found)")

    def test_the_config_file_sets_the_format_of_check(self):
        self.config('format = "json"\n')
        p = self.sciatica("check", "--answer", "leg_pain=yes")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(json.loads(p.stdout)["schema_version"], 1)

    def test_the_config_file_is_named_with_its_line_as_the_origin(self):
        self.config('# defaults\nformat = "json"\n')
        self.assertEqual(self.show()["format"], ("json", "config_file", self.config_path + ":2"))

    def test_the_environment_overrides_the_config_file(self):
        self.config('format = "json"\ncolor = "always"\n')
        settings = self.show(SCIATICA_FORMAT="text", SCIATICA_NO_COLOR="1")
        self.assertEqual(settings["format"][:2], ("text", "environment"))
        self.assertEqual(settings["color"], ("never", "environment", "SCIATICA_NO_COLOR"))

    def test_a_flag_overrides_the_environment_and_the_config_file(self):
        self.config('format = "json"\n')
        p = self.sciatica("check", "--format", "text", "--answer", "leg_pain=yes",
                          SCIATICA_FORMAT="json")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertFalse(p.stdout.startswith("{"))
        self.assertIn("Possible causes", p.stdout)

    def test_config_show_reports_a_flag_as_the_source(self):
        settings = self.show("--color", "always", SCIATICA_COLOR="never")
        self.assertEqual(settings["color"], ("always", "flag", "--color"))

    def test_no_color_is_below_the_config_file(self):
        self.assertEqual(self.show(NO_COLOR="1")["color"], ("never", "environment", "NO_COLOR"))
        self.config('color = "always"\n')
        self.assertEqual(self.show(NO_COLOR="1")["color"][:2], ("always", "config_file"))

    def test_the_rules_setting_selects_the_rule_set_relative_to_the_config_file(self):
        self.scratch.write("sciatica/mini.yaml", MINI_RULES)
        self.config('rules = "mini.yaml"\nformat = "json"\n')
        p = self.sciatica("check", "--answer", "pain=yes")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(json.loads(p.stdout)["causes"][0]["id"], "strain")

    def test_sciatica_rules_overrides_the_config_file_and_rules_overrides_both(self):
        other = self.scratch.write("other.yaml", MINI_RULES)
        self.config('rules = "/nonexistent/rules.yaml"\n')
        self.assertEqual(self.show(SCIATICA_RULES=other)["rules"],
                         (other, "environment", "SCIATICA_RULES"))
        self.assertEqual(self.show("--rules", other, SCIATICA_RULES="/nonexistent")["rules"],
                         (other, "flag", "--rules"))

    def test_a_malformed_config_file_is_one_line_naming_the_file_and_exit_65(self):
        self.config('format = json\n')
        p = self.sciatica("check", "--answer", "leg_pain=yes")
        self.assertEqual(p.returncode, 65)
        self.assertEqual(p.stdout, "")
        self.assertEqual(p.stderr, "sciatica: error: " + self.config_path +
                         ":1: expected a value in quotes, e.g. format = \"json\"\n")

    def test_any_toml_spelling_of_a_key_or_a_string_is_read(self):
        self.config('"format" = "js\\u006fn"\ncolor = \'never\'  # comment\n')
        settings = self.show()
        self.assertEqual(settings["format"], ("json", "config_file", self.config_path + ":1"))
        self.assertEqual(settings["color"], ("never", "config_file", self.config_path + ":2"))

    def test_a_key_set_twice_is_refused_at_its_second_line(self):
        self.config('format = "json"\ncolor = "never"\nformat = "text"\n')
        p = self.sciatica("config", "show")
        self.assertEqual(p.returncode, 65)
        self.assertEqual(p.stderr, "sciatica: error: " + self.config_path +
                         ":3: 'format' is set twice\n")

    def test_an_unknown_key_suggests_the_nearest(self):
        self.config('colour = "never"\n')
        p = self.sciatica("config", "show")
        self.assertEqual(p.returncode, 65)
        self.assertEqual(p.stderr, "sciatica: error: " + self.config_path +
                         ":1: unknown setting 'colour' (did you mean 'color'?); "
                         "expected format, color, rules or save\n")

    def test_help_still_works_with_a_malformed_config_file(self):
        self.config('format = json\n')
        p = self.sciatica("--help")
        self.assertEqual(p.returncode, 0)
        self.assertIn("Usage:", p.stdout)

    def test_a_bad_variable_value_is_a_usage_error_naming_it(self):
        p = self.sciatica("check", SCIATICA_FORMAT="xml")
        self.assertEqual(p.returncode, 64)
        self.assertEqual(p.stderr, "sciatica: error: SCIATICA_FORMAT: 'xml' is not allowed for "
                                   "'format'; expected text or json\n")

    def test_config_show_text_lists_each_setting_with_its_source(self):
        p = self.sciatica("config", "show", SCIATICA_COLOR="never")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.splitlines()[1:], [
            "format  text                    default",
            "color   never                   environment SCIATICA_COLOR",
            "rules   (embedded)              default",
            "save    ask                     default"])

    def test_a_configured_format_applies_to_config_show_too(self):
        p = self.sciatica("config", "show", SCIATICA_FORMAT="json")
        self.assertEqual(json.loads(p.stdout)["settings"][0]["source"], "environment")


if __name__ == "__main__":
    unittest.main()
