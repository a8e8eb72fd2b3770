"""End-to-end tests of `sciatica check` without prompts: every input route and
every kind of bad input, against the real binary."""
import json
import unittest

import yaml

from support import MINI_RULES, ScratchDir, no_warning_signs, run, run_json, source_excerpt

DISC = {"age": 35, "leg_pain": True, "pain_below_knee": True, "worse_with_cough_or_sneeze": True,
        "bladder_or_bowel_change": False, "saddle_numbness": False}


class CheckRoutes(unittest.TestCase):
    def setUp(self):
        self.scratch = ScratchDir()

    def tearDown(self):
        self.scratch.cleanup()

    def test_flags_give_a_ranked_json_result_with_the_notice(self):
        screen = [a for q in no_warning_signs() for a in ("--answer", f"{q}=no")]
        p, out = run_json("check", "--no-input", *screen, "--answer", "leg_pain=yes",
                          "--answer", "pain_below_knee=Y", "--answer", "age=35")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(out["schema_version"], 1)
        self.assertEqual(out["urgency"], "self-care")
        self.assertEqual(out["causes"][0]["id"], "herniated-disc")
        self.assertIn({"question": "pain_below_knee", "answer": True}, out["causes"][0]["because"])
        self.assertTrue(out["notice"].strip())

    def test_a_json_answers_file_and_stdin_give_the_same_result(self):
        path = self.scratch.write("a.json", json.dumps(DISC))
        p1, from_file = run_json("check", "--answers", path)
        p2, from_stdin = run_json("check", "--answers", "-", stdin=json.dumps(DISC))
        self.assertEqual((p1.returncode, p2.returncode), (0, 0))
        self.assertEqual(from_file, from_stdin)

    def test_a_yaml_answers_file_is_read_too(self):
        path = self.scratch.write("a.yaml", "leg_pain: yes\npain_below_knee: yes\nage: 35\n")
        p, out = run_json("check", "--answers", path)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(out["causes"][0]["id"], "herniated-disc")

    def test_flags_override_the_answers_file(self):
        path = self.scratch.write("a.json", json.dumps(DISC))
        p, out = run_json("check", "--answers", path, "--answer", "saddle_numbness=yes")
        self.assertEqual(out["urgency"], "emergency")
        self.assertEqual([f["id"] for f in out["red_flags"]], ["cauda-equina"])
        self.assertEqual(out["techniques"], [])

    def test_json_flag_is_the_same_as_format_json(self):
        a = run("check", "--json", "--answer", "leg_pain=yes")
        b = run("check", "--format", "json", "--answer", "leg_pain=yes")
        self.assertEqual(a.stdout, b.stdout)

    def test_json_is_one_line_when_piped(self):
        p = run("check", "--json", "--answer", "leg_pain=yes")
        self.assertEqual(p.stdout.count("\n"), 1)

    def test_unanswered_lists_the_red_flag_questions_when_nothing_is_known(self):
        p, out = run_json("check")
        for q in ("bladder_or_bowel_change", "saddle_numbness", "fever", "recent_trauma"):
            self.assertIn(q, out["unanswered"])

    def test_nothing_answered_is_never_self_care_and_says_first_what_was_not_ruled_out(self):
        for args in (("--no-input",), ("--no-input", "--answer", "leg_pain=yes"),
                     ("--no-input", "--answer", "history_of_cancer=yes")):
            p, out = run_json("check", *args)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIs(out["screen_complete"], False)
            self.assertTrue(out["not_ruled_out"])
            self.assertNotEqual(out["urgency"], "self-care")
            self.assertEqual(out["techniques"], [])
            if out["red_flags"]:
                continue  # a warning sign that holds comes first instead
            text = run("check", *args).stdout
            self.assertTrue(text.startswith("Some warning signs could not be ruled out"), text[:80])
            self.assertIn("--answer saddle_numbness=", text.split("+---")[0])
        p = run("check", "--answers", "-", "--json", stdin="{}")
        out = json.loads(p.stdout)
        self.assertEqual((out["screen_complete"], out["urgency"], out["techniques"]),
                         (False, "soon", []))

    def test_the_text_names_every_sign_not_ruled_out_and_every_question_id(self):
        # Issue 19: the text says the signs not ruled out by family, on one
        # screen; --details names every red flag and every question id.
        args = ("check", "--no-input", "--answer", "leg_pain=yes", "--answer", "age=40")
        p, out = run_json(*args)
        rules = yaml.safe_load(run("rules", "dump").stdout)
        short = run(*args, env={"COLUMNS": "80"}).stdout
        text = " ".join(short.split("+---")[0].split())
        family = {i: f["name"] for f in rules["flag_families"] for i in f["flags"]}
        for flag in out["not_ruled_out"]:
            self.assertIn(" ".join(family[flag].split()), text)
        self.assertLessEqual(len(short.splitlines()), 40)
        details = run(*args, "--details", env={"COLUMNS": "80"}).stdout
        text = " ".join(details.split("+---")[0].split())
        names = {f["id"]: " ".join(f["name"].split()) for f in rules["red_flags"]}
        for flag in out["not_ruled_out"]:
            self.assertIn(names[flag], text)
        for question in out["unanswered"]:
            self.assertIn(question, text)
        self.assertIn("Possible cauda equina syndrome", text)

    def test_a_cancer_history_alone_is_urgent_with_the_tumour_first(self):
        p, out = run_json("check", "--no-input", "--answer", "history_of_cancer=yes")
        self.assertEqual(out["urgency"], "urgent")
        self.assertEqual(out["causes"][0]["id"], "spinal-tumor")
        self.assertIn("possible-malignancy", [f["id"] for f in out["red_flags"]])

    def test_a_screened_result_offers_techniques_with_their_cautions(self):
        screen = [a for q in no_warning_signs() for a in ("--answer", f"{q}=no")]
        p, out = run_json("check", "--no-input", *screen, "--answer", "back_pain=yes",
                          "--answer", "age=35", "--answer", "leg_pain=yes",
                          "--answer", "pain_below_knee=yes")
        self.assertIs(out["screen_complete"], True)
        self.assertEqual(out["not_ruled_out"], [])
        self.assertTrue(out["techniques"])
        for technique in out["techniques"]:
            self.assertTrue(technique["cautions"], technique["id"])

    def test_details_show_every_offered_technique_with_its_cautions(self):
        screen = [a for q in no_warning_signs() for a in ("--answer", f"{q}=no")]
        args = ("check", "--no-input", *screen, "--answer", "back_pain=yes", "--answer", "age=35",
                "--answer", "leg_pain=yes", "--answer", "pain_below_knee=yes")
        p, out = run_json(*args)
        text = " ".join(run(*args, "--details").stdout.split())
        self.assertTrue(out["techniques"])
        for technique in out["techniques"]:
            for caution in technique["cautions"]:
                self.assertIn(" ".join(caution.split()), text)

    def test_the_same_answers_always_give_the_same_output(self):
        args = ("check", "--json", "--answer", "leg_pain=yes", "--answer", "buttock_pain=yes")
        self.assertEqual(run(*args).stdout, run(*args).stdout)

    def test_text_output_puts_the_urgency_first_and_last_and_the_notice_before_it(self):
        screen = [a for q in no_warning_signs() for a in ("--answer", f"{q}=no")]
        p = run("check", *screen, "--answer", "leg_pain=yes", "--answer", "pain_below_knee=yes",
                "--answer", "age=35")
        self.assertEqual(p.returncode, 0, p.stderr)
        text = p.stdout
        lines = text.splitlines()
        self.assertIn("Self-care is reasonable", "".join(lines[:3]))
        self.assertIn("Possible causes", text)
        self.assertLess(text.index("Possible causes"), text.index("What you can try"))
        self.assertEqual(lines[-1], "Urgency: Self-care is reasonable for now")
        self.assertTrue(" ".join("\n".join(lines[:-1]).split()).endswith("get urgent medical help."))

    def test_another_rule_set_can_be_loaded(self):
        path = self.scratch.write("r.yaml", MINI_RULES)
        p, out = run_json("--rules", path, "check", "--answer", "pain=yes")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(out["causes"][0]["id"], "strain")
        self.assertEqual(out["notice"], "Ask your practitioner.")


class CheckBadInput(unittest.TestCase):
    def setUp(self):
        self.scratch = ScratchDir()

    def tearDown(self):
        self.scratch.cleanup()

    def assertFails(self, p, code, message, excerpt=""):
        self.assertEqual(p.returncode, code, p.stderr)
        self.assertEqual(p.stdout, "")
        self.assertEqual(p.stderr, "sciatica: error: " + message + "\n" + excerpt)

    def test_an_unknown_question_flag_suggests_the_nearest_id(self):
        self.assertFails(run("check", "--answer", "leg_pian=yes"), 64,
                         "--answer: unknown question 'leg_pian' (did you mean 'leg_pain'?)")

    def test_a_flag_value_of_the_wrong_type_is_a_usage_error(self):
        self.assertFails(run("check", "--answer", "age=old"), 64,
                         "--answer: 'age': 'old' is not a number; expected a whole number from 0 to 120")

    def test_an_out_of_range_value_names_the_range(self):
        self.assertFails(run("check", "--answer", "pain_score=11"), 64,
                         "--answer: 'pain_score': 11 is out of range; expected a whole number from 0 to 10")

    def test_a_choice_not_allowed_lists_the_options(self):
        self.assertFails(run("check", "--answer", "pain_side=middle"), 64,
                         "--answer: 'pain_side': 'middle' is not allowed; expected one of left, right, both")

    def test_an_unknown_question_in_a_file_is_bad_data(self):
        path = self.scratch.write("a.json", '{"leg_pian": true}')
        self.assertFails(run("check", "--answers", path), 65,
                         path + ": unknown question 'leg_pian' (did you mean 'leg_pain'?)")

    def test_a_wrong_type_in_a_file_is_bad_data(self):
        path = self.scratch.write("a.json", '{"leg_pain": 3}')
        self.assertFails(run("check", "--answers", path), 65,
                         path + ": 'leg_pain': 3 is not allowed; expected yes or no")

    def test_malformed_json_is_bad_data(self):
        p = run("check", "--answers", "-", stdin='{"leg_pain": tru')
        self.assertEqual(p.returncode, 65)
        self.assertEqual(p.stdout, "")
        self.assertTrue(p.stderr.startswith("sciatica: error: <stdin>: invalid JSON at byte "))

    def test_a_missing_answers_file_is_missing_input(self):
        self.assertFails(run("check", "--answers", "/nonexistent/a.json"), 66,
                         "/nonexistent/a.json: cannot open: No such file or directory")

    def test_a_malformed_rule_set_is_bad_data_with_its_position(self):
        text = MINI_RULES.replace("{q: pain, eq: true}", "{q: pian, eq: true}")
        path = self.scratch.write("r.yaml", text)
        self.assertFails(run("--rules", path, "check"), 65,
                         path + ":11:28: unknown question 'pian' (did you mean 'pain'?)",
                         source_excerpt(text, 11, 28))

    def test_a_missing_rule_set_is_missing_input(self):
        self.assertFails(run("--rules", "/nonexistent/r.yaml", "check"), 66,
                         "/nonexistent/r.yaml: cannot open: No such file or directory")

    def test_an_unknown_option_is_a_usage_error(self):
        p = run("check", "--frobnicate")
        self.assertEqual(p.returncode, 64)
        self.assertEqual(p.stdout, "")
        self.assertIn("--frobnicate", p.stderr)

    def test_an_unknown_format_is_a_usage_error(self):
        p = run("check", "--format", "xml")
        self.assertEqual(p.returncode, 64)
        self.assertEqual(p.stdout, "")


if __name__ == "__main__":
    unittest.main()
