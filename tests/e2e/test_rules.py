"""End-to-end tests of `sciatica rules dump|lint|test`: a copy of the default
rule set broken on purpose must be reported at the exact place, with the
source line and a caret, and the shipped set must round-trip through dump."""
import json
import os
import unittest

import yaml

from support import SOURCE_DIR, ScratchDir, run, source_excerpt

PUBLIC = os.path.join(SOURCE_DIR, "rules", "vignettes", "public.yaml")

SMALL_RULES = """format: sciatica-rules/1
notice: See your practitioner.
urgencies:
  - {id: emergency, name: Emergency, advice: Go now, self_care: false}
  - {id: self-care, name: Self-care, advice: Look after yourself, self_care: true}
questions:
  - {id: pain, type: yes_no, prompt: Pain}
  - {id: numb, type: yes_no, prompt: Numb}
red_flags:
  - {id: alarm, name: Alarm, urgency: emergency, when: {q: numb, eq: true}, advice: Go.}
causes:
  - id: a
    name: Cause A
    summary: A.
    description: A.
    source: test
    findings:
      - {when: {q: pain, eq: true}, weight: 2}
      - {when: {q: numb, eq: true}, weight: -1}
techniques: []
"""


def dumped():
    p = run("rules", "dump")
    assert p.returncode == 0, p.stderr
    return p.stdout


class BrokenCopy(unittest.TestCase):
    """Each test changes one spot of the dumped default set and expects lint to
    name that spot exactly: `FILE:LINE:COL: error: message`, the line, a caret."""

    def setUp(self):
        self.scratch = ScratchDir()
        self.text = dumped()

    def tearDown(self):
        self.scratch.cleanup()

    def break_at(self, old, new):
        """Replaces the first `old` with `new`; returns (path, line, column of
        the replacement, the changed source line)."""
        at = self.text.index(old)
        broken = self.text[:at] + new + self.text[at + len(old):]
        line = broken.count("\n", 0, at) + 1
        column = at - (broken.rfind("\n", 0, at) + 1) + 1
        path = self.scratch.write("my.yaml", broken)
        return path, line, column, broken.split("\n")[line - 1]

    def assert_lint(self, path, line, column, source, message):
        p = run("rules", "lint", path)
        self.assertEqual(p.returncode, 65, p.stdout + p.stderr)
        first = f"{path}:{line}:{column}: error: {message}"
        self.assertIn(f"{first}\n{source}\n{' ' * (column - 1)}^\n", p.stdout)
        self.assertEqual(p.stdout.splitlines()[0], first)

    def test_a_misspelt_question_id_is_named_with_the_nearest_id(self):
        old = "{q: weakness_getting_worse, eq: true}"
        path, line, column, source = self.break_at(old, "{q: weakness_getting_wrose, eq: true}")
        self.assert_lint(path, line, column + 4, source,
                         "unknown question 'weakness_getting_wrose' "
                         "(did you mean 'weakness_getting_worse'?)")

    def test_a_duplicate_key_is_an_error(self):
        # A second `version` before `title`: the shipped one, after it, is the duplicate.
        path, line, _, _ = self.break_at("title:", "version: \"2\"\ntitle:")
        lines = self.text.split("\n")
        at = next(i for i, text in enumerate(lines) if text.startswith("version:"))
        self.assert_lint(path, at + 2, 1, lines[at], "duplicate key 'version'")

    def test_an_alias_is_refused(self):
        path, line, column, source = self.break_at("title: ", "title: &t ")
        self.assert_lint(path, line, column + 7, source,
                         "anchors (&name) are not allowed in a rule file; write the value out")

    def test_a_choice_value_out_of_its_options_is_an_error(self):
        old = "{q: pain_side, eq: both}"
        path, line, column, source = self.break_at(old, "{q: pain_side, eq: bot}")
        self.assert_lint(path, line, column + 19, source,
                         "'bot' is not an option of 'pain_side' (did you mean 'both'?)")

    def test_a_condition_that_can_never_hold_is_an_error(self):
        old = "{q: worse_walking_relieved_by_sitting, eq: true}"
        new = "{all: [{q: age, ge: 60}, {q: age, lt: 40}]}"
        path, line, column, source = self.break_at(old, new)
        self.assert_lint(path, line, column, source,
                         "this condition can never be true: no answer to 'age' satisfies it")

    def test_check_refuses_a_rule_set_with_a_condition_that_can_never_hold(self):
        old = "{q: worse_walking_relieved_by_sitting, eq: true}"
        path, line, column, source = self.break_at(old,
                                                   "{all: [{q: age, ge: 60}, {q: age, lt: 40}]}")
        p = run("--rules", path, "check", "--answer", "leg_pain=yes")
        self.assertEqual(p.returncode, 65)
        self.assertEqual(p.stdout, "")
        self.assertEqual(p.stderr, f"sciatica: error: {path}:{line}:{column}: this condition can "
                                   "never be true: no answer to 'age' satisfies it\n"
                                   f"{source}\n{' ' * (column - 1)}^\n")

    def test_json_lists_each_diagnostic_and_the_counts(self):
        old = "{q: pain_side, eq: both}"
        path, line, column, _ = self.break_at(old, "{q: pain_side, eq: bot}")
        p = run("rules", "lint", "--format", "json", path)
        self.assertEqual(p.returncode, 65)
        out = json.loads(p.stdout)
        self.assertEqual(list(out), ["schema_version", "diagnostics", "errors", "warnings"])
        self.assertEqual(out["diagnostics"], [{
            "file": path, "line": line, "column": column + 19, "severity": "error",
            "message": "'bot' is not an option of 'pain_side' (did you mean 'both'?)"}])
        self.assertEqual((out["errors"], out["warnings"]), (1, 0))


class RoundTrip(unittest.TestCase):
    def setUp(self):
        self.scratch = ScratchDir()

    def tearDown(self):
        self.scratch.cleanup()

    def test_dump_prints_the_shipped_rule_set(self):
        with open(os.path.join(SOURCE_DIR, "rules", "default.yaml"), encoding="utf-8") as f:
            self.assertEqual(dumped(), f.read())

    def test_a_dumped_copy_lints_clean(self):
        path = self.scratch.write("my.yaml", dumped())
        p = run("rules", "lint", path)
        self.assertEqual((p.returncode, p.stdout, p.stderr), (0, "", ""))

    def test_the_worked_example_in_the_format_docs_lints_clean(self):
        with open(os.path.join(SOURCE_DIR, "docs", "rules-format.md"), encoding="utf-8") as f:
            docs = f.read()
        example = docs.split("## A worked example")[1].split("```yaml\n")[1].split("```")[0]
        path = self.scratch.write("example.yaml", example)
        p = run("rules", "lint", path)
        self.assertEqual((p.returncode, p.stdout, p.stderr), (0, "", ""))

    def test_lint_without_a_path_checks_the_embedded_set(self):
        p = run("rules", "lint")
        self.assertEqual((p.returncode, p.stdout), (0, ""))

    def test_a_dumped_copy_gives_the_embedded_results_on_every_public_vignette(self):
        path = self.scratch.write("my.yaml", dumped())
        with open(PUBLIC, encoding="utf-8") as f:
            cases = yaml.safe_load(f)
        for case in cases:
            answers = json.dumps(case["answers"])
            embedded = run("check", "--answers", "-", "--format", "json", stdin=answers)
            copy = run("--rules", path, "check", "--answers", "-", "--format", "json",
                       stdin=answers)
            self.assertEqual(embedded.returncode, 0, case["name"])
            self.assertEqual(copy.stdout, embedded.stdout, case["name"])


class RulesTest(unittest.TestCase):
    def setUp(self):
        self.scratch = ScratchDir()
        self.rules = self.scratch.write("small.yaml", SMALL_RULES)

    def tearDown(self):
        self.scratch.cleanup()

    def run_cases(self, cases, *options):
        path = self.scratch.write("cases.yaml", cases)
        return path, run("--rules", self.rules, "rules", "test", *options, path)

    def test_passing_cases_print_the_tally_and_exit_zero(self):
        _, p = self.run_cases("- name: pain\n  answers: {pain: yes, numb: no}\n  expect: {top_cause: a}\n")
        self.assertEqual((p.returncode, p.stdout), (0, "1 passed, 0 failed\n"))

    def test_a_failing_case_shows_what_was_expected_and_what_came_out(self):
        path, p = self.run_cases("- name: numb\n  answers: {numb: yes}\n"
                            "  expect: {urgency: self-care, top_cause: a}\n")
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stdout, f"{path}:1: FAIL numb\n"
                                   "  urgency 'emergency', want 'self-care'\n"
                                   "  causes [], want 'a' first\n"
                                   "0 passed, 1 failed\n")

    def test_coverage_lists_the_rules_and_findings_no_case_exercised(self):
        _, p = self.run_cases("- name: pain\n  answers: {pain: yes, numb: no}\n", "--coverage")
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stdout, "1 passed, 0 failed\n"
                                   f"{self.rules}:10: not exercised: red flag 'alarm'\n"
                                   f"{self.rules}:19: not exercised: cause 'a' finding 2\n"
                                   "coverage: 1 of 3 red flags, urgency rules and cause "
                                   "findings exercised\n")

    def test_full_coverage_passes(self):
        _, p = self.run_cases("- name: both\n  answers: {pain: yes, numb: yes}\n", "--coverage")
        self.assertEqual(p.returncode, 0, p.stdout)

    def test_a_malformed_vignette_file_exits_65_naming_the_spot(self):
        path, p = self.run_cases("- name: x\n  answers: {pian: yes}\n")
        self.assertEqual((p.returncode, p.stdout), (65, ""))
        self.assertEqual(p.stderr, f"sciatica: error: {path}:2:13: unknown question 'pian' "
                                   "(did you mean 'pain'?)\n"
                                   "  answers: {pian: yes}\n"
                                   "            ^\n")

    def test_a_vignette_name_with_terminal_codes_is_shown_not_obeyed(self):
        path, p = self.run_cases('- name: "numb\\e[2J\\e[8mhidden"\n  answers: {numb: yes}\n'
                                 "  expect: {urgency: self-care}\n")
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stdout, f"{path}:1: FAIL numb\\x1b[2J\\x1b[8mhidden\n"
                                   "  urgency 'emergency', want 'self-care'\n"
                                   "0 passed, 1 failed\n")

    def test_an_empty_expectation_list_is_refused_not_passed(self):
        for key in ("top2_any", "red_flags_include", "unanswered_include"):
            with self.subTest(key):
                path, p = self.run_cases("- name: x\n  answers: {pain: yes}\n"
                                         "  expect: {%s: []}\n" % key)
                what = {"top2_any": "cause", "red_flags_include": "red flag",
                        "unanswered_include": "question"}[key]
                self.assertEqual(p.stderr.splitlines()[0], f"sciatica: error: {path}:3:%d: an empty list of "
                                           f"{what} ids checks nothing; list at least one or "
                                           "leave the key out" % (len(key) + 14))
                self.assertEqual(p.returncode, 65)

    def test_an_empty_expect_is_refused(self):
        path, p = self.run_cases("- name: x\n  answers: {pain: yes}\n  expect: {}\n")
        self.assertEqual(p.stderr.splitlines()[0], f"sciatica: error: {path}:3:11: 'expect' is empty, so the "
                                   "case checks nothing; give at least one expectation or leave "
                                   "'expect' out")
        self.assertEqual(p.returncode, 65)

    def test_vignette_errors_name_a_vignette_file_not_a_rule_file(self):
        path, p = self.run_cases("- name: &n x\n  answers: {pain: yes}\n")
        self.assertEqual(p.stderr.splitlines()[0], f"sciatica: error: {path}:1:9: anchors (&name) are not "
                                   "allowed in a vignette file; write the value out")
        self.assertEqual(p.returncode, 65)

    def test_the_shipped_vignettes_pass_on_the_embedded_set(self):
        folder = os.path.join(SOURCE_DIR, "rules", "vignettes")
        files = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".yaml"))
        p = run("rules", "test", "--coverage", *files)
        self.assertEqual(p.returncode, 0, p.stdout)


if __name__ == "__main__":
    unittest.main()
