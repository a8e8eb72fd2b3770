"""Issue 19, item 3: the words a frightened person must understand at once —
every warning-sign question (in each wording the person may see), every red
flag's advice, each urgency's advice and the incomplete-screen advice — read
at Flesch-Kincaid grade 8 or below, one text at a time.

Flesch-Kincaid grade = 0.39 (words / sentences) + 11.8 (syllables / words)
- 15.59 (Kincaid et al. 1975). Syllables are counted by the usual rule of
thumb (groups of vowels, less a silent final e), which is what readability
checkers do; it is written here so the test depends on nothing else."""
import re
import unittest

import yaml

from support import questions_of, run

LIMIT = 8.0


def syllables(word):
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", w)  # silent endings
    w = re.sub(r"^y", "", w)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", w)))


def grade(text):
    """The Flesch-Kincaid grade of `text`. A colon or semicolon ends a
    sentence as a full stop does: each part is read as one."""
    sentences = [s for s in re.split(r"[.!?;:]+(?:\s|$)", text) if re.search(r"[A-Za-z]", s)]
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", text)
    if not words:
        return 0.0
    count = sum(syllables(w) for w in words)
    return 0.39 * len(words) / max(1, len(sentences)) + 11.8 * count / len(words) - 15.59


def texts_to_check(rules):
    """(where, text) for every text the test holds to the limit."""
    read = set()
    for flag in rules["red_flags"]:
        questions_of(flag["when"], read)
    for q in rules["questions"]:
        if q["id"] in read and q["type"] == "yes_no":
            yield "question %s" % q["id"], q["prompt"]
            for variant in q.get("prompt_for", []):
                yield "question %s (worded for %s)" % (q["id"], variant["when"]), variant["prompt"]
    for flag in rules["red_flags"]:
        yield "red flag %s" % flag["id"], flag["advice"]
    for level in rules["urgencies"]:
        yield "urgency %s" % level["id"], level["advice"]
    yield "incomplete_screen", rules["incomplete_screen"]["advice"]


class Readability(unittest.TestCase):
    def test_the_formula_tells_plain_words_from_hard_ones(self):
        self.assertLess(grade("The cat sat on the mat. It was a good day."), 2)
        self.assertGreater(grade("Cauda equina syndrome necessitates immediate neurosurgical "
                                 "evaluation and emergency magnetic resonance imaging."), 16)
        self.assertEqual([syllables(w) for w in ("back", "numbness", "emergency", "bladder")],
                         [1, 2, 4, 2])

    def test_warning_signs_and_their_advice_read_at_grade_8_or_below(self):
        rules = yaml.safe_load(run("rules", "dump").stdout)
        checked, too_hard = 0, []
        for where, text in texts_to_check(rules):
            checked += 1
            if grade(text) > LIMIT:
                too_hard.append("%s: grade %.1f: %s" % (where, grade(text), text))
        self.assertGreater(checked, 60)
        self.assertEqual(too_hard, [], "texts above grade %s" % LIMIT)


if __name__ == "__main__":
    unittest.main()
