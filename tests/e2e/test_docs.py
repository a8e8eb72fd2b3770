"""The help and the man page against the real binary: every command's --help
shows an example, and the man page documents every command and option the
binary has, so neither drifts as commands are added."""
import os
import re
import subprocess
import unittest

from support import SOURCE_DIR, run

MAN_PAGE = os.path.join(SOURCE_DIR, "docs", "sciatica.1")


def section(help_text, title):
    """The first words of the lines under `title:` in CLI11's help (not of a
    description's continuation lines, which --help wraps to the terminal in
    the description column)."""
    lines, inside = [], False
    for line in help_text.splitlines():
        if line.rstrip() == title + ":":
            inside = True
        elif inside and line.startswith("  ") and not line.startswith("   ") and line.strip():
            lines.append(line.split()[0])
        elif inside and line.strip() and not line.startswith(" "):
            inside = False
    return lines


def section_lines(help_text, title):
    """The option lines (name and description) under `title:` in CLI11's help."""
    lines, inside = [], False
    for line in help_text.splitlines():
        if line.rstrip() == title + ":":
            inside = True
        elif inside and line.startswith("  ") and line.strip():
            lines.append(line[2:])
        elif inside and line.strip() and not line.startswith(" "):
            inside = False
    return lines


def commands(path=()):
    """Every command path of the binary, read from the help, deepest last."""
    found = []
    for name in section(run(*path, "--help").stdout, "Subcommands"):
        found.append(path + (name,))
        found += commands(path + (name,))
    return found


def man_text():
    with open(MAN_PAGE, encoding="utf-8") as f:
        text = f.read()
    return re.sub(r"\\f[BIRP]", "", text).replace("\\-", "-")


class Help(unittest.TestCase):
    def test_the_binary_has_commands_to_check(self):
        self.assertIn(("check",), commands())

    def test_every_command_help_shows_an_example_of_itself(self):
        # A subcommand inherits its parent's footer, so the example must name
        # the command itself to count.
        for path in [()] + commands():
            with self.subTest(" ".join(path)):
                p = run(*path, "--help")
                self.assertEqual(p.returncode, 0)
                examples = p.stdout.split("Example")[1:]
                wanted = " ".join(("sciatica",) + path)
                self.assertTrue(any(re.search(re.escape(wanted) + r"(\s|$)", e) for e in examples),
                                "no example of '" + wanted + "' in its --help")

    def test_version_names_the_program_and_its_rule_set(self):
        p = run("--version")
        self.assertRegex(p.stdout, r"^sciatica \d+\.\d+\.\d+ \(rules Sciatica triage and "
                         r"self-care \d+\.\d+\.\d+\)\n$")

    def test_no_help_example_starts_an_interview(self):
        for path in [()] + commands():
            with self.subTest(" ".join(path)):
                for line in run(*path, "--help").stdout.splitlines():
                    if line.strip().startswith("sciatica check"):
                        self.assertTrue("--no-input" in line or "--answers -" in line, line)

    def test_help_lines_keep_descriptions_in_one_column(self):
        for path in [()] + commands():
            with self.subTest(" ".join(path)):
                lines = section_lines(run(*path, "--help").stdout, "Options")
                starts = {len(line) - len(line.split("  ", 1)[1].lstrip())
                          for line in lines if "  " in line.strip()}
                self.assertLessEqual(len(starts), 1, lines)


    def test_help_is_wrapped_to_the_terminal_width(self):
        for path in [()] + commands():
            for columns in ("60", "100"):
                with self.subTest(" ".join(path), columns=columns):
                    text = run(*path, "--help", env={"COLUMNS": columns}).stdout
                    longest = max(len(line) for line in text.splitlines())
                    self.assertLessEqual(longest, int(columns), text)


class ManPage(unittest.TestCase):
    def test_every_command_is_documented(self):
        text = man_text()
        for path in commands():
            with self.subTest(" ".join(path)):
                self.assertIn("sciatica " + " ".join(path), text.replace('"', ""))

    def test_every_option_is_documented(self):
        text = man_text()
        for path in [()] + commands():
            for option in section(run(*path, "--help").stdout, "Options"):
                for name in re.findall(r"--[a-z][a-z-]*", option):
                    with self.subTest(" ".join(path) + " " + name):
                        self.assertIn(name, text)

    def test_every_exit_code_is_documented(self):
        text = man_text()
        for code in ("0", "64", "65", "66", "70", "74", "130"):
            self.assertIn(".B " + code + "\n", text)

    def test_man_renders_the_batch_error_object_with_its_quotes(self):
        p = subprocess.run(["man", "-l", MAN_PAGE], capture_output=True, text=True,
                           env={**os.environ, "MANWIDTH": "200", "MAN_KEEP_FORMATTING": ""})
        if p.returncode != 0 and "not found" in p.stderr:
            self.skipTest("man is not installed")
        self.assertIn('{"schema_version": 1, "line": N, "error": "..."}',
                      " ".join(p.stdout.split()))

    def test_the_safety_notice_is_there(self):
        self.assertIn("This is information, not a diagnosis.", man_text())


if __name__ == "__main__":
    unittest.main()
