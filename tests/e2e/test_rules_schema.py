"""The JSON Schema of the rule format (rules/schema/rules.schema.json) accepts
the shipped rule set and the documented example, and rejects what lint does
on shape alone."""
import json
import os
import unittest

import jsonschema
import yaml

from support import SOURCE_DIR

SCHEMA_PATH = os.path.join(SOURCE_DIR, "rules", "schema", "rules.schema.json")


def load(name):
    with open(os.path.join(SOURCE_DIR, name), encoding="utf-8") as f:
        return f.read()


class RulesSchema(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schema = json.loads(load(SCHEMA_PATH))
        jsonschema.Draft7Validator.check_schema(cls.schema)
        cls.validator = jsonschema.Draft7Validator(cls.schema)

    def errors(self, text):
        return [e.message for e in self.validator.iter_errors(yaml.safe_load(text))]

    def test_the_shipped_rule_set_is_valid(self):
        self.assertEqual(self.errors(load("rules/default.yaml")), [])

    def test_the_worked_example_in_the_docs_is_valid(self):
        docs = load("docs/rules-format.md")
        example = docs.split("## A worked example")[1].split("```yaml\n")[1].split("```")[0]
        self.assertEqual(self.errors(example), [])

    def test_an_unknown_top_level_key_is_rejected(self):
        text = load("rules/default.yaml").replace("\nnotice:", "\nnotise:", 1)
        self.assertTrue(any("'notise'" in e for e in self.errors(text)))

    def test_a_comparison_with_two_operators_is_rejected(self):
        text = load("rules/default.yaml").replace(
            "{q: saddle_numbness, eq: true}", "{q: saddle_numbness, eq: true, ne: false}", 1)
        self.assertNotEqual(self.errors(text), [])

    def test_a_finding_of_weight_zero_is_rejected(self):
        text = load("rules/default.yaml").replace("weight: 2", "weight: 0", 1)
        self.assertNotEqual(self.errors(text), [])


if __name__ == "__main__":
    unittest.main()
