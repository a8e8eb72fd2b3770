"""The published JSON Schemas (schema/*.schema.json, draft-07) against the
real outputs of every command. Commands that another branch has not landed
yet are skipped with the reason; they run as soon as the binary has them."""
import glob
import json
import os
import unittest

import yaml

from support import SOURCE_DIR, ScratchDir, has_command, run

try:
    import jsonschema
except ImportError:  # python3-jsonschema is in scripts/packages.txt
    jsonschema = None

SCHEMA_DIR = os.path.join(SOURCE_DIR, "schema")


def load_schema(name):
    with open(os.path.join(SCHEMA_DIR, name + ".schema.json"), encoding="utf-8") as f:
        return json.load(f)


def public_vignettes():
    """The answers of every public vignette: the repository's and, when it is
    beside the checkout, the shared set."""
    paths = [os.path.join(SOURCE_DIR, "rules", "vignettes", "public.yaml"),
             os.path.join(SOURCE_DIR, "..", "shared", "vignettes", "public.yaml")]
    cases = []
    for path in paths:
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                cases += yaml.safe_load(f)
    return cases


def answer_flags(answers):
    flags = []
    for key, value in answers.items():
        text = ("yes" if value else "no") if isinstance(value, bool) else str(value)
        flags += ["--answer", key + "=" + text]
    return flags


@unittest.skipIf(jsonschema is None, "python3-jsonschema is not installed")
class SchemaTest(unittest.TestCase):
    def validate(self, name, instance):
        jsonschema.Draft7Validator(load_schema(name)).validate(instance)

    def assertInvalid(self, name, instance):
        errors = list(jsonschema.Draft7Validator(load_schema(name)).iter_errors(instance))
        self.assertNotEqual(errors, [], "expected the schema to reject this")

    def json_of(self, *args):
        p = run(*args, "--format", "json")
        self.assertEqual(p.returncode, 0, p.stderr)
        return json.loads(p.stdout)

    def require(self, *path):
        if not has_command(*path):
            self.skipTest("`sciatica " + " ".join(path) + "` is not in this binary yet")


class Schemas(SchemaTest):
    def test_every_schema_is_a_valid_draft_07_schema(self):
        names = sorted(glob.glob(os.path.join(SCHEMA_DIR, "*.schema.json")))
        self.assertGreaterEqual(len(names), 8)
        for path in names:
            with open(path, encoding="utf-8") as f:
                schema = json.load(f)
            self.assertEqual(schema["$schema"], "http://json-schema.org/draft-07/schema#", path)
            jsonschema.Draft7Validator.check_schema(schema)


class CheckResult(SchemaTest):
    def test_the_check_result_of_every_public_vignette_is_valid(self):
        cases = public_vignettes()
        self.assertGreaterEqual(len(cases), 15)
        for case in cases:
            with self.subTest(case["name"]):
                out = self.json_of("check", "--no-input", *answer_flags(case["answers"]))
                self.validate("result", out)
                self.assertNotIn("error", out)

    def test_a_result_with_no_answers_is_valid(self):
        self.validate("result", self.json_of("check", "--no-input"))

    def test_the_schema_rejects_a_member_it_does_not_know(self):
        out = self.json_of("check", "--answer", "leg_pain=yes")
        out["diagnosis"] = "sciatica"
        self.assertInvalid("result", out)

    def test_the_schema_rejects_a_result_without_the_notice(self):
        out = self.json_of("check", "--answer", "leg_pain=yes")
        del out["notice"]
        self.assertInvalid("result", out)

    def test_the_schema_rejects_another_schema_version(self):
        out = self.json_of("check")
        out["schema_version"] = 2
        self.assertInvalid("result", out)


class BatchLines(SchemaTest):
    def test_every_batch_line_is_valid_including_case_ids_and_errors(self):
        self.require("batch")
        lines = [json.dumps({"case_id": "c%d" % i, **case["answers"]})
                 for i, case in enumerate(public_vignettes())]
        lines.append('{"leg_pian": true}')
        lines.append(json.dumps({"leg_pain": True}))
        p = run("batch", "-", stdin="\n".join(lines) + "\n")
        self.assertEqual(p.returncode, 65, p.stderr)
        out = [json.loads(line) for line in p.stdout.splitlines()]
        self.assertEqual(len(out), len(lines))
        for line in out:
            self.validate("result", line)
        self.assertEqual(list(out[0])[0], "case_id")
        self.assertEqual(out[-2]["line"], len(lines) - 1)
        self.assertNotIn("case_id", out[-1])


class Versions(SchemaTest):
    """Every result names the program's and the rule set's versions, after
    changes and before the notice, and they are the same for the same answers."""

    def expected(self):
        with open(os.path.join(SOURCE_DIR, "rules", "default.yaml"), encoding="utf-8") as f:
            rules_version = str(yaml.safe_load(f)["version"])
        tool = os.environ.get("SCIATICA_VERSION") or run("--version").stdout.split()[1]
        return tool, rules_version

    def assertVersions(self, out):
        tool, rules_version = self.expected()
        self.assertEqual(out["tool_version"], tool)
        self.assertEqual(out["rules_version"], rules_version)
        self.assertEqual(list(out)[-3:], ["tool_version", "rules_version", "notice"])

    def test_check_names_both_versions(self):
        out = self.json_of("check", "--no-input", "--answer", "leg_pain=yes")
        self.validate("result", out)
        self.assertVersions(out)
        self.assertEqual(run("check", "--no-input", "--answer", "leg_pain=yes",
                             "--format", "json").stdout,
                         run("check", "--no-input", "--answer", "leg_pain=yes",
                             "--format", "json").stdout)

    def test_every_batch_result_names_both_versions(self):
        p = run("batch", "-", stdin='{"case_id": "a", "leg_pain": true}\n{}\n')
        self.assertEqual(p.returncode, 0, p.stderr)
        lines = [json.loads(line) for line in p.stdout.splitlines()]
        self.assertEqual(len(lines), 2)
        for line in lines:
            self.assertVersions(line)

    def test_the_schema_rejects_a_version_that_is_not_a_string(self):
        out = self.json_of("check", "--no-input")
        out["tool_version"] = 1
        self.assertInvalid("result", out)


class EducationCommands(SchemaTest):
    def test_about_is_valid(self):
        self.require("about")
        self.validate("about", self.json_of("about"))

    def test_the_about_schema_rejects_a_document_without_the_notice(self):
        self.require("about")
        out = self.json_of("about")
        del out["notice"]
        self.assertInvalid("about", out)

    def test_causes_is_valid(self):
        self.require("causes")
        self.validate("causes", self.json_of("causes"))

    def test_explain_is_valid_for_every_cause(self):
        self.require("explain")
        for cause in ("herniated-disc", "trauma", "spinal-tumor", "spondylolisthesis",
                      "piriformis-syndrome", "spinal-stenosis", "pelvic-injury"):
            with self.subTest(cause):
                self.validate("explain", self.json_of("explain", cause))

    def test_techniques_is_valid_for_all_and_for_one(self):
        self.require("techniques")
        self.validate("techniques", self.json_of("techniques"))
        one = self.json_of("techniques", "tennis-ball-massage")
        self.validate("techniques", one)
        self.assertEqual(len(one["techniques"]), 1)
        knuckles = self.json_of("techniques", "knuckle-pressure")
        self.validate("techniques", knuckles)
        self.assertEqual(knuckles["equipment"], [])

    def test_treatments_is_valid(self):
        self.require("treatments")
        self.validate("treatments", self.json_of("treatments"))

    def test_questions_is_valid(self):
        self.require("questions")
        out = self.json_of("questions")
        self.validate("questions", out)
        self.assertIn("options", [q for q in out["questions"] if q["id"] == "pain_side"][0])


class RulesLint(SchemaTest):
    def setUp(self):
        self.scratch = ScratchDir()

    def tearDown(self):
        self.scratch.cleanup()

    def test_lint_of_a_broken_rule_set_is_valid(self):
        self.require("rules", "lint")
        path = self.scratch.write("r.yaml", "format: sciatica-rules/1\nnotice: x\nquestions: [\n")
        p = run("rules", "lint", path, "--format", "json")
        self.assertEqual(p.returncode, 65, p.stderr)
        out = json.loads(p.stdout)
        self.validate("rules-lint", out)
        self.assertGreaterEqual(out["errors"], 1)


class ConfigShow(SchemaTest):
    def test_config_show_is_valid(self):
        self.require("config", "show")
        self.validate("config", self.json_of("config", "show"))


if __name__ == "__main__":
    unittest.main()
