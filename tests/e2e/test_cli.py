"""The command line as a person first meets it: usage with no command, help,
typo suggestions for options, ids and names in any case, --version."""
import json
import os
import tempfile
import unittest

from pty_support import Session
from support import SOURCE_DIR, run


class Usage(unittest.TestCase):
    def test_the_program_alone_prints_its_commands_and_an_example(self):
        p = run()
        self.assertEqual((p.returncode, p.stderr), (0, ""))
        self.assertTrue(p.stdout.startswith("Usage: sciatica COMMAND"))
        for command in ("check", "explain", "techniques", "help"):
            self.assertIn("\n  " + command + " ", p.stdout)
        self.assertIn("Example:\n  sciatica check\n", p.stdout)

    def test_a_group_alone_prints_its_commands(self):
        p = run("config")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("\n  show ", p.stdout)
        self.assertIn("sciatica help config COMMAND", p.stdout)

    def test_help_command_prints_the_help_of_a_command(self):
        self.assertEqual(run("help", "check").stdout, run("check", "--help").stdout)
        self.assertEqual(run("help", "rules", "lint").stdout, run("rules", "lint", "--help").stdout)

    def test_help_for_an_unknown_command_suggests_the_nearest(self):
        p = run("help", "chek")
        self.assertEqual(p.returncode, 64)
        self.assertEqual(p.stderr, "sciatica: error: unknown command 'chek' (did you mean "
                                   "'check'?) (see sciatica --help)\n")

    def test_a_mistyped_option_suggests_the_nearest_option(self):
        p = run("check", "--anwser", "leg_pain=y")
        self.assertEqual(p.returncode, 64)
        self.assertEqual(p.stderr, "sciatica: error: unknown option '--anwser' (did you mean "
                                   "'--answer'?)\n")

    def test_a_mistyped_global_option_suggests_the_nearest(self):
        p = run("--no-colour", "causes")
        self.assertEqual(p.returncode, 64)
        self.assertIn("(did you mean '--no-color'?)", p.stderr)

    def test_version_names_the_rule_set(self):
        self.assertIn("(rules Sciatica triage and self-care", run("--version").stdout)

    def test_rules_lint_takes_json_like_every_command(self):
        p = run("rules", "lint", "--json")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(json.loads(p.stdout)["errors"], 0)


class Names(unittest.TestCase):
    def test_explain_takes_an_id_or_a_name_in_any_case(self):
        expected = run("explain", "spinal-stenosis", "--json").stdout
        for word in ("Spinal stenosis", "SPINAL-STENOSIS", "spinal stenosis"):
            with self.subTest(word):
                self.assertEqual(run("explain", word, "--json").stdout, expected)
        self.assertEqual(run("explain", "Trauma", "--json").returncode, 0)

    def test_explain_explains_a_red_flag_by_id(self):
        p = run("explain", "cauda-equina", "--json")
        self.assertEqual(p.returncode, 0, p.stderr)
        out = json.loads(p.stdout)
        self.assertEqual((out["id"], out["usual_urgency"]), ("cauda-equina", "emergency"))
        self.assertIn("cauda equina", run("explain", "cauda-equina").stdout.lower())

    def test_techniques_take_a_name_in_any_case(self):
        self.assertEqual(run("techniques", "Tennis-ball massage", "--json").stdout,
                         run("techniques", "tennis-ball-massage", "--json").stdout)


class OutputNote(unittest.TestCase):
    def test_check_output_says_where_it_wrote_when_stderr_is_a_terminal(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "result.txt")
            s = Session("check", "--no-input", "--answer", "leg_pain=yes", "--output", path)
            code, out = s.finish()
            self.assertEqual((code, out), (0, ""))
            self.assertIn("sciatica: wrote the result to " + path, s.screen)
            self.assertTrue(os.path.exists(path))

    def test_check_output_is_quiet_when_stderr_is_not_a_terminal(self):
        with tempfile.TemporaryDirectory() as d:
            p = run("check", "--answer", "leg_pain=yes", "--output", os.path.join(d, "r.txt"))
            self.assertEqual((p.returncode, p.stderr), (0, ""))


if __name__ == "__main__":
    unittest.main()


class StandardInput(unittest.TestCase):
    """`-` reads standard input wherever a file is read (issue 21), once."""

    def dump(self):
        return run("rules", "dump").stdout

    def test_rules_dash_reads_the_rule_set_from_standard_input(self):
        args = ("check", "--no-input", "--answer", "leg_pain=yes", "--format", "json")
        p = run("--rules", "-", *args, stdin=self.dump())
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout, run(*args).stdout)

    def test_rules_lint_dash_names_stdin_in_its_errors(self):
        self.assertEqual(run("rules", "lint", "-", stdin=self.dump()).returncode, 0)
        p = run("rules", "lint", "-", stdin="format: x\n")
        self.assertEqual(p.returncode, 65)
        self.assertIn("<stdin>:1:9: error: unsupported format 'x'", p.stdout)

    def test_rules_test_dash_reads_the_vignettes_from_standard_input(self):
        with open(os.path.join(SOURCE_DIR, "rules", "vignettes", "public.yaml"),
                  encoding="utf-8") as f:
            vignettes = f.read()
        p = run("rules", "test", "-", stdin=vignettes)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertRegex(p.stdout, r"\d+ passed, 0 failed\n$")

    def test_standard_input_is_read_once(self):
        for args, message in (
                (("--rules", "-", "check", "--answers", "-"),
                 "standard input (-) cannot be both the rule set and answers: give one of them "
                 "as a file"),
                (("--rules", "-", "batch"),
                 "standard input (-) cannot be both the rule set and the cases: give one of them "
                 "as a file"),
                (("rules", "lint", "-", "-"),
                 "standard input (-) can be read only once (a rule file)")):
            p = run(*args, stdin=self.dump())
            self.assertEqual((p.returncode, p.stderr), (64, "sciatica: error: " + message + "\n"))


class OneConvention(unittest.TestCase):
    """--format/--json/--pretty the same on every command that prints (issue 21)."""

    PRINTING = (("causes",), ("questions",), ("treatments",), ("techniques",), ("about",),
                ("explain", "herniated-disc"), ("config", "show"), ("rules", "lint"), ("history",),
                ("check", "--no-input"))

    def test_json_and_format_together_are_refused_by_every_command(self):
        for command in self.PRINTING + (("rules", "test", "-"), ("batch",),
                                        ("history", "export")):
            p = run(*command, "--json", "--format", "text" if command[0] != "batch" else "fhir")
            self.assertEqual(p.returncode, 64, (command, p.stderr))
            self.assertEqual(p.stdout, "", command)

    def test_json_is_one_compact_line_unless_pretty(self):
        for command in self.PRINTING:
            compact = run(*command, "--json")
            self.assertIn(compact.returncode, (0, 65), (command, compact.stderr))
            self.assertEqual(compact.stdout.count("\n"), 1, command)
            pretty = run("--pretty", *command, "--json")
            self.assertEqual(json.loads(pretty.stdout), json.loads(compact.stdout), command)
            self.assertTrue(pretty.stdout.startswith("{\n  \""), command)

    def test_rules_lint_json_is_compact_like_the_rest(self):
        self.assertEqual(run("rules", "lint", "--json").stdout,
                         '{"schema_version":1,"diagnostics":[],"errors":0,"warnings":0}\n')

    def test_rules_test_json_lists_every_case_and_the_coverage(self):
        path = os.path.join(SOURCE_DIR, "rules", "vignettes", "public.yaml")
        text = run("rules", "test", path).stdout
        p = run("rules", "test", "--json", "--coverage", path)
        out = json.loads(p.stdout)
        self.assertEqual(out["schema_version"], 1)
        self.assertEqual(f"{out['passed']} passed, {out['failed']} failed", text.splitlines()[-1])
        self.assertEqual(len(out["cases"]), out["passed"] + out["failed"])
        self.assertEqual(out["cases"][0]["file"], path)
        self.assertEqual(set(out["coverage"]), {"exercised", "total", "not_exercised"})
        self.assertEqual(p.returncode, 0 if not out["coverage"]["not_exercised"] else 1)

    def test_rules_test_json_reports_a_failing_case(self):
        vignette = ("- name: wrong on purpose\n  answers: {leg_pain: true}\n"
                    "  expect: {urgency: emergency}\n")
        p = run("rules", "test", "--json", "-", stdin=vignette)
        self.assertEqual(p.returncode, 1, p.stderr)
        case = json.loads(p.stdout)["cases"][0]
        self.assertEqual((case["file"], case["name"], case["passed"]),
                         ("<stdin>", "wrong on purpose", False))
        self.assertTrue(case["problems"])

    def test_an_option_before_its_command_says_where_it_goes(self):
        p = run("--format", "json", "causes")
        self.assertEqual(p.returncode, 64)
        self.assertEqual(p.stderr, "sciatica: error: --format is an option of 'causes': give it "
                                   "after the command (sciatica causes --format ...)\n")


class OwnMessages(unittest.TestCase):
    """CLI11's messages said as the project says things (issue 21)."""

    def check(self, args, message):
        p = run(*args)
        self.assertEqual((p.returncode, p.stdout, p.stderr),
                         (64, "", "sciatica: error: " + message + "\n"), args)

    def test_an_option_given_twice(self):
        self.check(("check", "--format", "json", "--format", "text"),
                   "--format was given 2 times; give it once")

    def test_a_missing_positional_names_its_value(self):
        self.check(("rules", "test"), "sciatica rules test needs FILE (see sciatica help rules test)")

    def test_the_first_unexpected_argument_is_named(self):
        self.check(("history", "forget", "1", "2", "3"),
                   "unexpected argument '2' (see sciatica help history forget)")
        self.check(("check", "causes"), "unexpected argument 'causes' (see sciatica help check)")

    def test_no_raw_cli11_wording_gets_through(self):
        for args in (("check", "--answer"), ("check", "--format", "xml"), ("rules", "test"),
                     ("check", "--json", "--format", "text"), ("check", "--bogus"),
                     ("history", "show", "1", "2"), ("check", "--format", "a", "--format", "b")):
            stderr = run(*args).stderr
            for raw in ("required", "not expected", "excludes", "not in {", "At Most"):
                self.assertNotIn(raw, stderr, args)
