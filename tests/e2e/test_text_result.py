"""The text result as a worried person reads it: on one screen, with the
emergency signs beside every non-emergency urgency, and the urgency again as
the very last line."""
import json
import os
import unittest

import yaml

from support import SOURCE_DIR, ScratchDir, no_warning_signs, run

with open(os.path.join(SOURCE_DIR, "rules", "default.yaml"), encoding="utf-8") as f:
    RULES = yaml.safe_load(f)
EMERGENCY_HEADING = RULES["texts"]["emergency_signs_heading"]


def public_answers(name):
    """A public vignette's answers, with every other warning sign answered no:
    a case whose warning-sign screen is complete."""
    with open(os.path.join(SOURCE_DIR, "rules", "vignettes", "public.yaml"), encoding="utf-8") as f:
        answers = next(c["answers"] for c in yaml.safe_load(f) if c["name"] == name)
    return {**{q: False for q in no_warning_signs()}, **answers}


class OneScreen(unittest.TestCase):
    def setUp(self):
        self.scratch = ScratchDir()

    def tearDown(self):
        self.scratch.cleanup()

    def check_file(self, answers, *extra):
        path = self.scratch.write("answers.json", json.dumps(answers))
        p = run("check", "--no-input", "--answers", path, *extra, env={"COLUMNS": "80"})
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout

    def test_a_plain_self_care_case_fits_in_40_lines_with_the_box_and_ends_with_the_urgency(self):
        text = self.check_file(public_answers("acute disc herniation after lifting"))
        lines = text.splitlines()
        self.assertLessEqual(len(lines), 40, text)
        self.assertIn(EMERGENCY_HEADING, text)
        for sign in RULES["emergency_signs"]:
            self.assertIn(sign, " ".join(" ".join(line.strip("| ") for line in lines).split()))
        self.assertEqual(lines[-1], "Urgency: Self-care is reasonable for now")

    def test_a_soon_case_fits_in_40_lines(self):
        text = self.check_file(public_answers("disc pattern lasting ten weeks"))
        self.assertLessEqual(len(text.splitlines()), 40, text)
        self.assertTrue(text.splitlines()[-1].startswith("Urgency: Soon"))

    def test_no_line_is_wider_than_the_screen(self):
        text = self.check_file(public_answers("neurogenic claudication in an older adult"))
        self.assertLessEqual(max(len(line) for line in text.splitlines()), 80)

    def test_the_order_is_urgency_advice_box_causes_techniques_questions_notice_urgency(self):
        text = self.check_file(public_answers("acute disc herniation after lifting"))
        headings = [RULES["urgencies"][3]["advice"].split()[0], EMERGENCY_HEADING,
                    RULES["texts"]["causes_heading"], RULES["texts"]["techniques_heading"],
                    "This is information", "Urgency: "]
        positions = [text.index(h) for h in headings]
        self.assertEqual(positions, sorted(positions))

    def test_an_emergency_result_has_no_emergency_box_and_no_technique(self):
        text = self.check_file(public_answers("cauda equina signs"))
        self.assertNotIn(EMERGENCY_HEADING, text)
        self.assertIn(RULES["texts"]["no_techniques"], text)
        self.assertTrue(text.splitlines()[-1].startswith("Urgency: Emergency"))

    def test_warning_signs_not_ruled_out_come_before_everything_else(self):
        path = self.scratch.write("answers.json", '{"leg_pain": true}')
        p = run("check", "--no-input", "--answers", path, env={"COLUMNS": "80"})
        self.assertTrue(p.stdout.startswith(RULES["incomplete_screen"]["name"]), p.stdout)
        self.assertIn("(--answer bladder_or_bowel_change=...)", p.stdout)

    def test_an_urgent_result_still_shows_the_emergency_box(self):
        text = self.check_file(public_answers("fever in an immunosuppressed person"))
        self.assertIn(EMERGENCY_HEADING, text)

    def test_details_include_the_technique_steps(self):
        answers = public_answers("acute disc herniation after lifting")
        step = RULES["techniques"][1]["steps"][1]
        self.assertNotIn(step, self.check_file(answers))
        self.assertIn(step.split()[0], self.check_file(answers, "--details"))
        joined = " ".join(self.check_file(answers, "--details").split())
        self.assertIn(step, joined)

    def test_a_technique_names_how_to_see_its_steps(self):
        text = self.check_file(public_answers("acute disc herniation after lifting"))
        self.assertIn("sciatica techniques ID", text)
        self.assertIn("(tennis-ball-massage)", text)


class Plain(unittest.TestCase):
    def plain(self, *args, env=None):
        answers = json.dumps(public_answers("disc pattern lasting ten weeks"))
        p = run(*args, "check", "--answers", "-", stdin=answers, env=env)
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout

    def test_plain_draws_no_box_and_names_each_part_in_words(self):
        text = self.plain("--plain")
        self.assertNotIn("+--", text)
        self.assertNotIn("|", text)
        self.assertTrue(text.startswith("Urgency: Soon"))
        self.assertIn("\nWhat to do: ", text)

    def test_plain_keeps_each_idea_on_one_line(self):
        text = self.plain("--plain", env={"COLUMNS": "40"})
        notice = " ".join(RULES["notice"].split())
        self.assertIn("\n" + notice + "\n", text)

    def test_term_dumb_is_plain(self):
        self.assertEqual(self.plain(env={"TERM": "dumb"}), self.plain("--plain"))


if __name__ == "__main__":
    unittest.main()
