"""FHIR R4 output (issue 21): questions, check, batch and history export with
--format fhir, validated offline by FHIR.js (tests/fhir, installed by
scripts/dev.sh from its lockfile) and by tests/fhir/validate.js's own checks:
every response linkId an item, value types matching item types, no
probability out of range."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

from support import BIN, SOURCE_DIR, ScratchDir, run, screened

FHIR_DIR = os.path.join(SOURCE_DIR, "tests", "fhir")
VALIDATOR = os.path.join(FHIR_DIR, "validate.js")


def validator_missing():
    """Why FHIR.js cannot run here, or None."""
    if shutil.which("node") is None:
        return "node is not installed (scripts/dev.sh test installs it)"
    if not os.path.isdir(os.path.join(FHIR_DIR, "node_modules", "fhir")):
        return "FHIR.js is not installed: run scripts/dev.sh test (npm ci in tests/fhir)"
    return None


def strip_time(text):
    """Each line's JSON without the one member that may differ: `authored`."""
    out = []
    for line in text.splitlines():
        bundle = json.loads(line)
        for entry in bundle.get("entry", []):
            entry["resource"].pop("authored", None)
        out.append(json.dumps(bundle, sort_keys=False))
    return out


class FhirTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        missing = validator_missing()
        if missing and os.environ.get("SCIATICA_FHIR_VALIDATOR") != "skip":
            raise AssertionError(missing + " (SCIATICA_FHIR_VALIDATOR=skip skips these tests)")
        if missing:
            raise unittest.SkipTest(missing)
        cls.scratch = ScratchDir()
        p = run("questions", "--format", "fhir")
        assert p.returncode == 0, p.stderr
        cls.questionnaire_text = p.stdout
        cls.questionnaire = json.loads(p.stdout)
        cls.questionnaire_path = cls.scratch.write("questionnaire.json", p.stdout)

    @classmethod
    def tearDownClass(cls):
        cls.scratch.cleanup()

    def validate(self, lines):
        p = subprocess.run(["node", VALIDATOR, self.questionnaire_path], input=lines,
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        return p.stdout

    def check_fhir(self, answers, *flags):
        args = ["check", "--no-input", "--format", "fhir", *flags]
        for key, value in answers.items():
            args += ["--answer", f"{key}={str(value).lower() if isinstance(value, bool) else value}"]
        p = run(*args)
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout

    def test_the_questionnaire_validates_and_has_one_item_per_question(self):
        self.assertEqual(self.validate(""), "ok 0\n")
        ids = [q["id"] for q in json.loads(run("questions", "--format", "json").stdout)["questions"]]
        self.assertEqual([item["linkId"] for item in self.questionnaire["item"]], ids)

    def test_the_questionnaire_carries_the_rule_sets_url_and_version(self):
        about = run("--version").stdout
        self.assertEqual(self.questionnaire["url"], "urn:sciatica:rules:sciatica-triage-and-self-care")
        self.assertIn(self.questionnaire["version"], about)

    def test_every_ask_when_becomes_an_enable_when(self):
        asked_when = [item for item in self.questionnaire["item"] if "enableWhen" in item]
        self.assertGreater(len(asked_when), 15)
        items = {i["linkId"]: i for i in self.questionnaire["item"]}
        stable = items["cauda_equina_signs_longstanding"]
        self.assertEqual(stable["enableBehavior"], "any")
        self.assertIn({"question": "bladder_or_bowel_change", "operator": "=",
                       "answerBoolean": True}, stable["enableWhen"])
        self.assertEqual(items["morning_stiffness"]["enableWhen"],
                         [{"question": "age", "operator": "<", "answerInteger": 45}])

    def test_a_check_validates_against_the_questionnaire(self):
        out = self.check_fhir(screened({"leg_pain": True, "pain_below_knee": True, "age": 40,
                                        "pain_side": "left", "pain_duration_weeks": 3}))
        self.assertEqual(self.validate(out), "ok 1\n")

    def test_an_emergency_check_validates_and_names_its_red_flag(self):
        out = self.check_fhir({"leg_pain": True, "saddle_numbness": True})
        self.assertEqual(self.validate(out), "ok 1\n")
        risk = json.loads(out)["entry"][1]["resource"]
        self.assertEqual(risk["prediction"][0]["qualitativeRisk"]["coding"][0]["code"], "emergency")
        codes = [p["outcome"]["coding"][0]["code"] for p in risk["prediction"][1:]]
        self.assertTrue(codes, risk)

    def test_only_the_answers_given_are_in_the_response(self):
        out = self.check_fhir({"leg_pain": True, "age": 40})
        response = json.loads(out)["entry"][0]["resource"]
        self.assertEqual([item["linkId"] for item in response["item"]], ["leg_pain", "age"])

    def test_the_same_answers_give_the_same_bytes_but_for_authored(self):
        answers = {"leg_pain": True, "pain_below_knee": True}
        first, second = self.check_fhir(answers), self.check_fhir(answers)
        self.assertEqual(strip_time(first), strip_time(second))
        self.assertIn('"authored":', first)

    def test_json_stays_free_of_time(self):
        args = ("check", "--no-input", "--format", "json", "--answer", "leg_pain=yes")
        self.assertEqual(run(*args).stdout, run(*args).stdout)

    def test_a_subject_reference_is_used_and_a_bad_one_refused(self):
        out = self.check_fhir({"leg_pain": True}, "--subject", "Patient/42")
        bundle = json.loads(out)
        for entry in bundle["entry"]:
            self.assertEqual(entry["resource"]["subject"], {"reference": "Patient/42"})
        anonymous = json.loads(self.check_fhir({"leg_pain": True}))
        self.assertEqual(anonymous["entry"][1]["resource"]["subject"], {"display": "anonymous"})
        p = run("check", "--no-input", "--format", "fhir", "--subject", "Jane Doe")
        self.assertEqual(p.returncode, 64)
        self.assertEqual(p.stdout, "")

    def test_batch_gives_one_bundle_per_line_and_an_outcome_for_a_bad_one(self):
        lines = (json.dumps({"case_id": "a", "leg_pain": True}) + "\n"
                 + '{"leg_pain": "maybe"}\n'
                 + json.dumps(screened({"leg_pain": False, "age": 30})) + "\n")
        p = run("batch", "--format", "fhir", stdin=lines)
        self.assertEqual(p.returncode, 65, p.stderr)
        out = p.stdout.splitlines()
        self.assertEqual(len(out), 3)
        self.assertEqual(json.loads(out[0])["identifier"]["value"], "a")
        self.assertEqual(json.loads(out[1])["resourceType"], "OperationOutcome")
        self.assertEqual(self.validate(p.stdout), "ok 3\n")

    def test_history_export_gives_one_bundle_per_saved_check(self):
        data = tempfile.mkdtemp()
        try:
            env = {"XDG_DATA_HOME": data}
            for answer in ("leg_pain=yes", "leg_pain=no"):
                p = run("check", "--no-input", "--save", "--format", "json", "--answer", answer,
                        env=env)
                self.assertEqual(p.returncode, 0, p.stderr)
            p = run("history", "export", "--format", "fhir", env=env)
            self.assertEqual(p.returncode, 0, p.stderr)
            bundles = [json.loads(line) for line in p.stdout.splitlines()]
            self.assertEqual(len(bundles), 2)
            saved = [json.loads(line)["at"] for line in
                     run("history", "export", env=env).stdout.splitlines()]
            self.assertEqual([b["entry"][0]["resource"]["authored"] for b in bundles], saved)
            self.assertNotEqual(bundles[0]["entry"][0]["fullUrl"], bundles[1]["entry"][0]["fullUrl"])
            self.assertEqual(self.validate(p.stdout), "ok 2\n")
        finally:
            shutil.rmtree(data)

    def test_the_validator_catches_what_fhir_js_does_not(self):
        bundle = json.loads(self.check_fhir({"leg_pain": True}))
        response = bundle["entry"][0]["resource"]
        response["item"][0]["linkId"] = "not_a_question"
        bundle["entry"][1]["resource"]["prediction"][0]["probabilityDecimal"] = 500
        p = subprocess.run(["node", VALIDATOR, self.questionnaire_path],
                           input=json.dumps(bundle) + "\n", capture_output=True, text=True,
                           timeout=120)
        self.assertEqual(p.returncode, 1)
        self.assertIn("linkId not_a_question is not an item of the Questionnaire", p.stdout)
        self.assertIn("probability 500 is out of 0..1", p.stdout)

    def test_fhir_js_itself_refuses_a_bad_status_code(self):
        bundle = json.loads(self.check_fhir({"leg_pain": True}))
        bundle["entry"][0]["resource"]["status"] = "finished-ish"
        p = subprocess.run(["node", VALIDATOR, self.questionnaire_path],
                           input=json.dumps(bundle) + "\n", capture_output=True, text=True,
                           timeout=120)
        self.assertEqual(p.returncode, 1)
        self.assertIn('QuestionnaireResponse.status: Code "finished-ish" not found in value set',
                      p.stdout)

    def test_the_validator_catches_a_wrong_value_type(self):
        bundle = json.loads(self.check_fhir({"age": 40}))
        bundle["entry"][0]["resource"]["item"][0]["answer"][0] = {"valueString": "40"}
        p = subprocess.run(["node", VALIDATOR, self.questionnaire_path],
                           input=json.dumps(bundle) + "\n", capture_output=True, text=True,
                           timeout=120)
        self.assertEqual(p.returncode, 1)
        self.assertIn("age (integer) answered with valueString", p.stdout)


if __name__ == "__main__":
    unittest.main()
