#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora into tests/fuzz/seeds/ from the default
rule set and the public vignettes, so that fuzzing starts from real input.

    python3 tests/fuzz/make_seeds.py [VIGNETTES.yaml ...]

Run it again when rules/default.yaml or the vignettes change; the seeds are
small and committed.
"""
import hashlib
import json
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))


def write(kind, text):
    folder = os.path.join(HERE, "seeds", kind)
    os.makedirs(folder, exist_ok=True)
    data = text.encode("utf-8")
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def rule_seeds():
    with open(os.path.join(ROOT, "rules", "default.yaml"), encoding="utf-8") as f:
        text = f.read()
    write("rules", text)
    rules = yaml.safe_load(text)
    # Smaller rule sets reach the deep checks with fewer mutations.
    small = {k: rules[k] for k in ("format", "notice", "urgencies", "questions", "red_flags",
                                   "causes", "techniques")}
    small["questions"] = rules["questions"][:6]
    small["red_flags"] = rules["red_flags"][:2]
    small["causes"] = rules["causes"][:2]
    small["techniques"] = rules["techniques"][:1]
    write("rules", yaml.safe_dump(small, sort_keys=False))
    write("rules", "format: sciatica-rules/1\nnotice: See your practitioner.\n")


def answer_seeds(paths):
    for path in paths:
        with open(path, encoding="utf-8") as f:
            cases = yaml.safe_load(f)
        for number, case in enumerate(cases):
            answers = case["answers"]
            write("answers", json.dumps(answers))
            write("answers", yaml.safe_dump(answers, sort_keys=False))
            write("line", json.dumps({"case_id": "case-%d" % number, **answers}))
    write("answers", '{"leg_pain": "yes", "age": "35", "pain_side": "left"}')
    write("answers", "leg_pain: y\nage: 35.0\npain_side: null\n")


def main():
    paths = sys.argv[1:] or [os.path.join(ROOT, "rules", "vignettes", "public.yaml")]
    rule_seeds()
    answer_seeds(paths)


if __name__ == "__main__":
    main()
