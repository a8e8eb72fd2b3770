"""Replays the public vignettes through the interview at a pseudo-terminal:
each question asked is answered from the vignette ("don't know" where it is
silent). The interview must reach the same conclusions as the non-interactive
path, while asking fewer questions than there are."""
import json
import os
import statistics
import unittest

import yaml

from pty_support import Session, last_question
from support import SOURCE_DIR, run

VIGNETTES = os.path.join(SOURCE_DIR, "rules", "vignettes", "public.yaml")


def reply(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def questions_by_prompt():
    p = run("questions", "--format", "json")
    return {q["prompt"]: q["id"] for q in json.loads(p.stdout)["questions"]}


def interview(answers, by_prompt):
    """Runs one interview; returns (exit code, parsed result)."""
    session = Session("check", "--format", "json")
    while True:
        chunk = session.wait_prompt()
        if chunk is None:
            break
        question = by_prompt[last_question(chunk)]
        session.type(reply(answers.get(question)) + "\n")
    code, out = session.finish()
    return code, json.loads(out) if code == 0 else None


def conclusions(result):
    causes = [c["id"] for c in result["causes"]]
    return {"urgency": result["urgency"], "top_cause": causes[0] if causes else None,
            "red_flags": sorted(f["id"] for f in result["red_flags"])}


class VignetteReplay(unittest.TestCase):
    def test_the_interview_reaches_the_same_conclusions_as_the_answers_alone(self):
        with open(VIGNETTES, encoding="utf-8") as f:
            cases = yaml.safe_load(f)
        by_prompt = questions_by_prompt()
        counts = []
        for case in cases:
            with self.subTest(case=case["name"]):
                code, result = interview(case["answers"], by_prompt)
                self.assertEqual(code, 0)
                direct = run("check", "--format", "json", "--no-input",
                             "--answers", "-", stdin=json.dumps(case["answers"]))
                self.assertEqual(conclusions(result), conclusions(json.loads(direct.stdout)))
                counts.append(len(result["asked"]))
                print("  %-45s %2d questions asked" % (case["name"], len(result["asked"])))
        total = len(by_prompt)
        median = statistics.median(counts)
        print("  median questions asked: %s of %d" % (median, total))
        self.assertLess(median, total)


if __name__ == "__main__":
    unittest.main()
