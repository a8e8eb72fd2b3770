"""The interview's, saving's and history's words come from the rule set's
texts: (issue 22, commit 73b95a6): a copy of rules/default.yaml with some of
these keys reworded, given with --rules, changes what the binary prints. Each
test fails if the C++ went back to its own, hard-coded sentence."""
import json
import os
import re
import unittest

import yaml

from pty_support import Session
from support import SOURCE_DIR, ScratchDir, no_warning_signs, run

# key: the new wording, each with the same {placeholders} as the default.
REWORDED = {
    "interview_start": "Reworded start: one question at a time.",
    "interview_keys": "Reworded keys: Enter skips, b goes back",
    "techniques_hint": "(reworded hint: see sciatica techniques ID)",
    "history_heading": "Reworded list of checks",
    "history_check_heading": "Reworded check {id} of {date}",
    "history_answers_heading": "Reworded answers:",
    "forget_one_done": "Reworded: check {id} is gone.",
    "changes_change": "Reworded change: {question} from {before} on {since} to {after}.",
}


def reworded_rules(scratch, reworded=REWORDED):
    with open(os.path.join(SOURCE_DIR, "rules", "default.yaml"), encoding="utf-8") as f:
        source = f.read()
    defaults = yaml.safe_load(source)["texts"]
    for key, text in reworded.items():
        line = re.compile(r"^  %s: .*$" % re.escape(key), re.MULTILINE)
        source, found = line.subn(lambda _: "  %s: %s" % (key, json.dumps(text)), source)
        assert found == 1, key
    assert yaml.safe_load(source)["texts"] == {**defaults, **reworded}
    return scratch.write("rules.yaml", source), defaults


class Reworded(unittest.TestCase):
    def setUp(self):
        self.scratch = ScratchDir()
        self.addCleanup(self.scratch.cleanup)
        self.rules, self.defaults = reworded_rules(self.scratch)
        self.env = {"XDG_DATA_HOME": os.path.join(self.scratch.path, "data")}

    def sciatica(self, *args):
        p = run(*args, "--rules", self.rules, env=self.env)
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout

    def test_the_interview_opens_with_the_rule_sets_words(self):
        s = Session("check", "--rules", self.rules, "--format", "json")
        self.addCleanup(s.kill)
        s.wait_prompt()
        self.assertIn(REWORDED["interview_start"], s.screen)
        self.assertIn(REWORDED["interview_keys"], s.screen)
        self.assertNotIn(self.defaults["interview_start"], s.screen)
        self.assertNotIn(self.defaults["interview_keys"], s.screen)

    def test_the_techniques_hint_is_the_rule_sets(self):
        with open(os.path.join(SOURCE_DIR, "rules", "vignettes", "public.yaml"),
                  encoding="utf-8") as f:
            answers = next(c["answers"] for c in yaml.safe_load(f)
                           if c["name"] == "acute disc herniation after lifting")
        answers = {**{q: False for q in no_warning_signs()}, **answers}
        path = self.scratch.write("answers.json", json.dumps(answers))
        text = " ".join(self.sciatica("check", "--no-input", "--answers", path).split())
        self.assertIn(REWORDED["techniques_hint"], text)
        self.assertNotIn(self.defaults["techniques_hint"], text)

    def test_history_and_forget_say_the_rule_sets_words(self):
        self.sciatica("check", "--save", "--format", "json", "--answer", "pain_score=3")
        listing = self.sciatica("history")
        self.assertTrue(listing.startswith(REWORDED["history_heading"] + "\n"), listing[:80])
        self.assertNotIn(self.defaults["history_heading"], listing)
        shown = self.sciatica("history", "show", "1")
        self.assertRegex(shown.splitlines()[0], r"^Reworded check 1 of \d{4}-\d\d-\d\d ")
        self.assertIn("\n" + REWORDED["history_answers_heading"] + "\n", shown)
        self.assertNotIn(self.defaults["history_answers_heading"], shown)
        self.assertEqual(self.sciatica("history", "forget", "1"), "Reworded: check 1 is gone.\n")

    def test_a_text_results_change_is_said_in_the_rule_sets_words(self):
        self.sciatica("check", "--save", "--format", "json", "--answer", "leg_weakness=no")
        text = " ".join(self.sciatica("check", "--history", "--details",
                                      "--answer", "leg_weakness=yes").split())
        self.assertRegex(text, r"Reworded change: .+ from no on \d{4}-\d\d-\d\d to yes\.")
        self.assertNotIn(" Was no (", text)



# More keys, in a second copy (key -> the replacement, with the default's
# placeholders): those REWORDED leaves out.
REPLACED = {
    "interview_progress": "[question {number}, some {count} in all]",
    "save_question": "Keep this check in your records?",
    "history_none": "Nothing saved yet (replaced wording).",
    "history_pain_column": "SCORE",
    "forget_none_saved": "Nothing to forget here (replaced wording).",
    "techniques_hint_plain": "Steps are in sciatica techniques ID (replaced wording).",
    "duration_years": "roughly {n} years",
    "duration_days": "close to {n} days",
}


class RewordedOnce:
    """A copy of the default rule set with the class's REWORDED keys, made
    once for the class; mixed into a TestCase."""
    REWORDED = {}

    @classmethod
    def setUpClass(cls):
        cls.scratch = ScratchDir()
        cls.rules, cls.defaults = reworded_rules(cls.scratch, cls.REWORDED)

    @classmethod
    def tearDownClass(cls):
        cls.scratch.cleanup()

    def assert_replaced(self, key, shown, expected=None):
        self.assertIn(expected or self.REWORDED[key], shown)
        old = self.defaults[key].split("{")[0].strip()
        if old:
            self.assertNotIn(old, shown, "%s: the default's words are still shown" % key)

    def test_the_rule_set_is_still_valid(self):
        p = run("rules", "lint", self.rules)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)


class MoreReworded(RewordedOnce, unittest.TestCase):
    REWORDED = REPLACED

    def data_home(self):
        scratch = ScratchDir()
        self.addCleanup(scratch.cleanup)
        return {"XDG_DATA_HOME": scratch.path}

    def test_the_interview_says_the_rule_sets_words(self):
        s = Session("check", "--rules", self.rules, "--format", "json")
        first = s.wait_prompt()
        s.kill()
        s.finish()
        self.assertRegex(first, r"\[question 1, some \d+ in all\] > $")
        self.assertNotIn("(1 of about", first)

    def test_the_save_question_is_the_rule_sets(self):
        s = Session("check", "--rules", self.rules, "--format", "json",
                    env={**self.data_home(), "SCIATICA_SAVE": "ask"})
        s.skip_to_save_question()
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
        self.assertIn(REPLACED["history_pain_column"], p.stdout)
        self.assertNotIn(" PAIN ", p.stdout)

    def test_the_plain_result_points_to_the_steps_in_the_rule_sets_words(self):
        answers = [a for q in no_warning_signs() for a in ("--answer", f"{q}=no")]
        answers += ["--answer", "back_pain=yes", "--answer", "age=35", "--answer", "leg_pain=yes",
                    "--answer", "pain_below_knee=yes"]
        p = run("check", "--rules", self.rules, "--no-input", *answers, "--format", "json")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn('"techniques":[{', p.stdout.replace(" ", ""),
                      "these answers must offer techniques for the hint to show")
        p = run("check", "--rules", self.rules, "--no-input", "--plain", *answers)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assert_replaced("techniques_hint_plain", p.stdout)


# The reference commands' words (about, causes, explain, questions,
# techniques, treatments) and the saved line, which were C++ until the texts
# below existed.
REFERENCE = {
    "about_what_it_is_heading": "Reworded: what this is",
    "about_nerve_path_heading": "Reworded: the nerve's way",
    "about_symptoms_heading": "Reworded: what people feel",
    "about_diagnosis_heading": "Reworded: how it is found",
    "about_get_help_heading": "Reworded: get help now when",
    "about_more": "Reworded: read on with sciatica causes.",
    "causes_more": "Reworded: one cause in full is sciatica explain ID",
    "questions_list_heading": "Reworded questions (give --answer ID=VALUE)",
    "steps_heading": "Reworded steps",
    "equipment_needed": "Reworded, to have at hand: {equipment}",
    "how_to_use": "Reworded use: {how}",
    "source_line": "Reworded source: {source}",
    "saved_as": "Reworded: kept as check {id}.",
}


class ReferenceReworded(RewordedOnce, unittest.TestCase):
    REWORDED = REFERENCE

    def shown(self, *args):
        p = run(*args, "--rules", self.rules, env={"COLUMNS": "200"})
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout

    def test_about_says_the_rule_sets_headings_and_pointers(self):
        text = self.shown("about")
        for key in ("about_what_it_is_heading", "about_nerve_path_heading",
                    "about_symptoms_heading", "about_diagnosis_heading",
                    "about_get_help_heading", "about_more"):
            self.assert_replaced(key, text)
        self.assertRegex(text, r"\nReworded source: \S")
        self.assertNotIn("Source: ", text)

    def test_the_lists_say_the_rule_sets_words(self):
        self.assert_replaced("causes_more", self.shown("causes"))
        self.assert_replaced("questions_list_heading", self.shown("questions"))
        treatments = self.shown("treatments")
        self.assertRegex(treatments, r"\n    Reworded source: \S")
        self.assertNotIn("Source: ", treatments)

    def test_a_technique_says_the_rule_sets_words(self):
        text = self.shown("techniques", "tennis-ball-massage")
        self.assertIn("\n  Reworded steps\n", text)
        self.assertNotIn("\n  Steps\n", text)
        self.assertIn("Reworded, to have at hand: Tennis balls", text)
        self.assertRegex(text, r"\n    Reworded use: \S")
        self.assertRegex(text, r"\n  Reworded source: \S")
        for old in ("You will need:", "How to use it:", "Source: "):
            self.assertNotIn(old, text)

    def test_explain_says_the_rule_sets_source_line(self):
        for subject in ("piriformis-syndrome", "cauda-equina"):
            text = self.shown("explain", subject)
            self.assertRegex(text, r"\nReworded source: \S", subject)
            self.assertNotIn("Source: ", text, subject)

    def test_the_saved_line_is_the_rule_sets(self):
        scratch = ScratchDir()
        self.addCleanup(scratch.cleanup)
        s = Session("check", "--rules", self.rules, "--no-input", "--save", "--format", "json",
                    "--answer", "pain_score=3", env={"XDG_DATA_HOME": scratch.path})
        code, _ = s.finish()
        self.assertEqual(code, 0, s.screen[-2000:])
        self.assert_replaced("saved_as", s.screen, "Reworded: kept as check 1.")


if __name__ == "__main__":
    unittest.main()
