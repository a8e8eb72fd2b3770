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


def reworded_rules(scratch):
    with open(os.path.join(SOURCE_DIR, "rules", "default.yaml"), encoding="utf-8") as f:
        source = f.read()
    defaults = yaml.safe_load(source)["texts"]
    for key, text in REWORDED.items():
        line = re.compile(r"^  %s: .*$" % re.escape(key), re.MULTILINE)
        source, found = line.subn(lambda _: "  %s: %s" % (key, json.dumps(text)), source)
        assert found == 1, key
    assert yaml.safe_load(source)["texts"] == {**defaults, **REWORDED}
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


if __name__ == "__main__":
    unittest.main()
