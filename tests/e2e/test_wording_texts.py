"""The words of the interview, of saving and of `sciatica history` come from
the rule set's texts: (issue 22), so that whoever owns the wording edits one
file. Each test gives the real binary a copy of rules/default.yaml with some of
those texts replaced, and checks that what the person reads follows the copy
and no longer shows the default's words."""
import os
import re
import unittest

import time

from support import SOURCE_DIR, ScratchDir, no_warning_signs, run
from pty_support import Session

# key -> the replacement; each keeps the placeholders its default has.
REPLACED = {
    "interview_start": "Reply to each one, then press Enter.",
    "interview_progress": "[question {number}, some {count} in all]",
    "save_question": "Keep this check in your records?",
    "history_none": "Nothing saved yet (replaced wording).",
    "history_heading": "Checks you kept",
    "history_pain_column": "SCORE",
    "history_check_heading": "Saved check number {id}, from {date}",
    "forget_one_done": "Check {id} is gone now.",
    "forget_none_saved": "Nothing to forget here (replaced wording).",
    "techniques_hint": "(see: sciatica techniques ID; replaced wording)",
    "techniques_hint_plain": "Steps are in sciatica techniques ID (replaced wording).",
    "duration_years": "roughly {n} years",
    "duration_days": "close to {n} days",
}


def default_text(source, key):
    found = re.search(r'(?m)^  %s: "((?:[^"\\]|\\.)*)"$' % re.escape(key), source)
    if found is None:
        raise AssertionError("rules/default.yaml has no one-line texts key %s" % key)
    return found.group(1)


class WordingTexts(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scratch = ScratchDir()
        with open(os.path.join(SOURCE_DIR, "rules", "default.yaml"), encoding="utf-8") as f:
            source = f.read()
        cls.defaults = {}
        for key, text in REPLACED.items():
            old = default_text(source, key)
            cls.defaults[key] = old
            source = source.replace('\n  %s: "%s"' % (key, old), '\n  %s: "%s"' % (key, text), 1)
        cls.rules = cls.scratch.write("rules.yaml", source)

    @classmethod
    def tearDownClass(cls):
        cls.scratch.cleanup()

    def data_home(self):
        scratch = ScratchDir()
        self.addCleanup(scratch.cleanup)
        return {"XDG_DATA_HOME": scratch.path}

    def assert_replaced(self, key, shown, expected=None):
        self.assertIn(expected or REPLACED[key], shown)
        old = self.defaults[key].split("{")[0].strip()
        if old:
            self.assertNotIn(old, shown, "%s: the default's words are still shown" % key)

    def test_the_rule_set_is_still_valid(self):
        p = run("rules", "lint", self.rules)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)

    def test_the_interview_says_the_rule_sets_words(self):
        s = Session("check", "--rules", self.rules, "--format", "json")
        first = s.wait_prompt()
        s.kill()
        s.finish()
        self.assert_replaced("interview_start", first)
        self.assertRegex(first, r"\[question 1, some \d+ in all\] > $")
        self.assertNotIn("(1 of about", first)

    def test_the_save_question_is_the_rule_sets(self):
        s = Session("check", "--rules", self.rules, "--format", "json",
                    env={**self.data_home(), "SCIATICA_SAVE": "ask"})
        deadline = time.time() + 60
        while not s.screen.endswith("[y/N] ") and time.time() < deadline:
            if s.screen.endswith(" > ") and len(s.screen) > s._seen:
                s._seen = len(s.screen)
                s.type("\n")  # don't know, to every question
            elif s._read(0.2) is None:
                break
        self.assertTrue(s.screen.endswith("[y/N] "), s.screen[-2000:])
        s.type("n\n")
        s.finish()
        self.assert_replaced("save_question", s.screen)

    def test_a_duration_is_said_back_in_the_rule_sets_words(self):
        from test_interview_keys import replies
        from test_interview import answer_all
        for typed, said in (("3 years", "= roughly 3 years"), ("3 days", "= close to 3 days")):
            s = Session("check", "--rules", self.rules, "--format", "json")
            answer_all(s, replies(typed))
            code, _ = s.finish()
            self.assertEqual(code, 0)
            self.assertIn(said, s.screen)
            self.assertNotIn("= about ", s.screen)

    def test_history_says_the_rule_sets_words(self):
        env = self.data_home()
        p = run("history", "--rules", self.rules, env=env)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assert_replaced("history_none", p.stdout)
        p = run("history", "forget", "--all", "--yes", "--rules", self.rules, env=env)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assert_replaced("forget_none_saved", p.stdout + p.stderr)

        p = run("check", "--rules", self.rules, "--no-input", "--save", "--answer",
                "leg_pain=no", "--answer", "pain_score=4", env=env)
        self.assertEqual(p.returncode, 0, p.stderr)
        p = run("history", "--rules", self.rules, env=env)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assert_replaced("history_heading", p.stdout)
        self.assertIn(REPLACED["history_pain_column"], p.stdout)
        self.assertNotIn(" PAIN ", p.stdout)
        p = run("history", "show", "1", "--rules", self.rules, env=env)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("Saved check number 1, from ", p.stdout)
        p = run("history", "forget", "1", "--rules", self.rules, env=env)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assert_replaced("forget_one_done", p.stdout + p.stderr, "Check 1 is gone now.")

    def test_a_text_result_points_to_the_steps_in_the_rule_sets_words(self):
        answers = [a for q in no_warning_signs() for a in ("--answer", f"{q}=no")]
        answers += ["--answer", "back_pain=yes", "--answer", "age=35", "--answer", "leg_pain=yes",
                    "--answer", "pain_below_knee=yes"]
        p = run("check", "--rules", self.rules, "--no-input", *answers, "--format", "json")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn('"techniques":[{', p.stdout.replace(" ", ""),
                      "these answers must offer techniques for the hint to show")
        p = run("check", "--rules", self.rules, "--no-input", *answers)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assert_replaced("techniques_hint", p.stdout)
        p = run("check", "--rules", self.rules, "--no-input", "--plain", *answers)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assert_replaced("techniques_hint_plain", p.stdout)


if __name__ == "__main__":
    unittest.main()
