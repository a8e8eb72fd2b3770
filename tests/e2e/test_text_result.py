"""The text result as a worried person reads it: on one screen, with the
emergency signs beside every non-emergency urgency, and the urgency again as
the very last line."""
import json
import os
import re
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
        for technique in RULES["techniques"]:
            self.assertNotIn(technique["name"], text)
        self.assertIn("do not try self-massage", " ".join(text.split()).lower())
        self.assertTrue(text.splitlines()[-1].startswith("Urgency: Emergency"))

    def test_an_emergency_fits_24_lines_with_what_to_do_first_and_nothing_to_fiddle_with(self):
        # Issue 19: at an emergency the screen says what to do now, what was
        # reported, what to tell the clinician and the notice; no causes and
        # no questions, which only invite more answering instead of going.
        for name in ("cauda equina signs", "weakness that is getting worse"):
            with self.subTest(name):
                text = self.check_file(public_answers(name))
                lines = text.splitlines()
                self.assertLessEqual(len(lines), 24, text)
                self.assertLessEqual(max(len(line) for line in lines), 80)
                self.assertIn("Emergency", lines[1])
                self.assertTrue(lines[3].startswith(RULES["urgencies"][0]["advice"].split(",")[0]))
                self.assertIn(RULES["texts"]["signs_reported_heading"], text)
                self.assertIn(RULES["texts"]["tell_clinician"].split(",")[0], text)
                self.assertIn(" ".join(RULES["notice"].split()[:6]), " ".join(text.split()))
                self.assertNotIn(RULES["texts"]["causes_heading"], text)
                self.assertNotIn(RULES["texts"]["worth_answering_heading"], text)
                self.assertNotIn("--answer", text)

    def test_details_of_an_emergency_keep_everything(self):
        text = self.check_file(public_answers("cauda equina signs"), "--details")
        self.assertIn(RULES["texts"]["causes_heading"], text)

    def test_signs_not_ruled_out_are_said_by_family_and_details_names_each(self):
        path = self.scratch.write("answers.json", '{"leg_pain": true}')
        p = run("check", "--no-input", "--answers", path, env={"COLUMNS": "80"})
        families = [f["name"] for f in RULES["flag_families"]]
        for family in families:
            self.assertIn(family, " ".join(p.stdout.split()))
        name = next(f["name"] for f in RULES["red_flags"] if f["id"] == "possible-malignancy")
        self.assertNotIn(name, " ".join(p.stdout.split()))
        details = run("check", "--no-input", "--answers", path, "--details",
                      env={"COLUMNS": "80"}).stdout
        self.assertIn(name, " ".join(details.split()))

    def test_every_red_flag_is_in_exactly_one_family(self):
        ids = [f["id"] for f in RULES["red_flags"]]
        listed = [i for f in RULES["flag_families"] for i in f["flags"]]
        self.assertEqual(sorted(ids), sorted(listed))

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


class HonestRecord(unittest.TestCase):
    def test_what_the_tool_concluded_is_said_apart_from_what_the_person_answered(self):
        # Issue 19: new weakness since the last check counts as weakness getting
        # worse; the result says so as a conclusion, never as the person's "yes".
        scratch = ScratchDir()
        self.addCleanup(scratch.cleanup)
        env = {"XDG_DATA_HOME": scratch.path, "COLUMNS": "80"}
        base = [f"{q}=no" for q in no_warning_signs()] + ["leg_pain=yes", "back_pain=yes"]
        first = run("check", "--no-input", "--save", *[a for b in base for a in ("--answer", b)],
                    env=env)
        self.assertEqual(first.returncode, 0, first.stderr)
        later = [b for b in base if not b.startswith("leg_weakness=")] + ["leg_weakness=yes"]
        p = run("check", "--no-input", "--history", *[a for b in later for a in ("--answer", b)],
                env=env)
        self.assertEqual(p.returncode, 0, p.stderr)
        text = " ".join(p.stdout.split())
        self.assertIn("treated as", text)
        self.assertIn("new since the check on", text)


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

    def test_the_labels_come_from_the_rule_set(self):
        # Issue 22: wording lives in texts:, not in C++.
        scratch = ScratchDir()
        self.addCleanup(scratch.cleanup)
        with open(os.path.join(SOURCE_DIR, "rules", "default.yaml"), encoding="utf-8") as f:
            source = f.read()
        for key in ("urgency_label", "what_to_do_label"):
            self.assertIn("\n  %s: " % key, source)
        source = source.replace('\n  urgency_label: "Urgency:"', '\n  urgency_label: "How soon:"')
        source = source.replace('\n  what_to_do_label: "What to do:"', '\n  what_to_do_label: "Next:"')
        rules = scratch.write("rules.yaml", source)
        text = self.plain("--plain", "--rules", rules)
        self.assertTrue(text.startswith("How soon: Soon"), text[:80])
        self.assertIn("\nNext: ", text)
        self.assertTrue(text.splitlines()[-1].startswith("How soon: Soon"))
        self.assertNotIn("Urgency: ", text)
        self.assertNotIn("What to do: ", text)

    def test_the_reference_pages_and_history_keep_each_idea_on_one_line_too(self):
        # README: --plain is "one idea per line, never wrapped"; the reference
        # commands and history wrapped at the width all the same (stop 29).
        scratch = ScratchDir()
        self.addCleanup(scratch.cleanup)
        env = {"COLUMNS": "40", "XDG_DATA_HOME": scratch.path}
        cause = RULES["causes"][1]
        technique = RULES["techniques"][0]
        treatment = RULES["treatments"][0]
        pages = {
            ("about",): [RULES["about"]["what_it_is"], RULES["about"]["symptoms"][0],
                         RULES["texts"]["about_more"]],
            ("causes",): [cause["summary"]],
            ("explain", cause["id"]): [cause["description"]],
            ("techniques", technique["id"]): [technique["summary"], technique["steps"][0]],
            ("treatments",): [treatment["description"]],
            ("questions",): [max((q["prompt"] for q in RULES["questions"]), key=len)],
            ("history",): [RULES["texts"]["history_none"]],
        }
        for args, ideas in pages.items():
            p = run(*args, "--plain", env=env)
            self.assertEqual(p.returncode, 0, p.stderr)
            lines = "\n" + "\n".join(" ".join(l.split()) for l in p.stdout.splitlines()) + "\n"
            for idea in ideas + [RULES["notice"]]:
                words = " ".join(idea.split())
                self.assertGreater(len(words), 40, "%s: too short to show wrapping" % words)
                self.assertRegex(lines, r"\n[-0-9. ]*" + re.escape(words) + "\n",
                                 "%s --plain wrapped: %s" % (" ".join(args), words[:50]))

    def test_term_dumb_is_plain(self):
        self.assertEqual(self.plain(env={"TERM": "dumb"}), self.plain("--plain"))


if __name__ == "__main__":
    unittest.main()
