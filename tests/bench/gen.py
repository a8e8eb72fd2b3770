#!/usr/bin/env python3
"""Deterministic inputs for the benchmark (tests/bench/run.sh).

  gen.py cases RULES.yaml N [SEED]   JSON Lines of N cases on stdout: every
                                     question of RULES answered, about a fifth
                                     left out, red-flag answers rarely yes
  gen.py scale RULES.yaml K          a rule set K times RULES on stdout: the
                                     questions, implications, rules, causes
                                     and techniques copied K-1 more times,
                                     every id they name renamed in the copy
"""
import copy
import json
import random
import sys

import yaml


def condition_questions(node, out):
    """Adds to `out` every question id a condition reads."""
    if isinstance(node, dict):
        if "q" in node:
            out.add(node["q"])
        for value in node.values():
            condition_questions(value, out)
    elif isinstance(node, list):
        for item in node:
            condition_questions(item, out)


def red_flag_questions(rules):
    out = set()
    for rule in rules.get("red_flags", []):
        condition_questions(rule.get("when"), out)
    return out


def one_case(rules, rng, number, rare):
    case = {"case_id": "c%d" % number}
    for q in rules["questions"]:
        if rng.random() < 0.2:
            continue  # unanswered
        kind = q["type"]
        if kind == "yes_no":
            case[q["id"]] = rng.random() < (0.01 if q["id"] in rare else 0.4)
        elif kind == "choice":
            case[q["id"]] = rng.choice(q["options"])
        elif kind == "integer":
            case[q["id"]] = rng.randint(int(q.get("min", 0)), int(q.get("max", 100)))
        else:
            low, high = float(q.get("min", 0)), float(q.get("max", 100))
            case[q["id"]] = round(rng.uniform(low, min(high, low + 52)), 1)
    return case


def cases(path, count, seed):
    with open(path, encoding="utf-8") as f:
        rules = yaml.safe_load(f)
    rng = random.Random(seed)
    rare = red_flag_questions(rules)
    out = sys.stdout
    for number in range(1, count + 1):
        out.write(json.dumps(one_case(rules, rng, number, rare), separators=(",", ":")) + "\n")


def rename_questions(node, suffix):
    """Renames every `q:` reference in a condition tree, in place."""
    if isinstance(node, dict):
        if "q" in node:
            node["q"] = node["q"] + suffix
        for value in node.values():
            rename_questions(value, suffix)
    elif isinstance(node, list):
        for item in node:
            rename_questions(item, suffix)


# The keys whose conditions read questions, the keys that list question ids
# and the keys that list cause ids, in any section's items.
CONDITION_KEYS = ("when", "context", "ask_when", "requires", "findings", "unless", "leads_when",
                  "implies", "prompt_for")
QUESTION_LIST_KEYS = ("recap",)
CAUSE_LIST_KEYS = ("not_with_causes", "only_with_causes")
SECTIONS = ("questions", "implications", "red_flags", "urgency_rules", "causes", "techniques")


def scale(path, times):
    with open(path, encoding="utf-8") as f:
        rules = yaml.safe_load(f)
    for section in SECTIONS:
        original = rules.get(section, [])
        grown = list(original)
        for copy_number in range(1, times):
            suffix = "_x%d" % copy_number
            for item in copy.deepcopy(original):
                item["id"] = item["id"] + suffix
                for key in CONDITION_KEYS:
                    if key in item:
                        rename_questions(item[key], suffix)
                for key in QUESTION_LIST_KEYS + CAUSE_LIST_KEYS:
                    if key in item:
                        item[key] = [name + suffix for name in item[key]]
                grown.append(item)
        rules[section] = grown
    yaml.safe_dump(rules, sys.stdout, sort_keys=False, allow_unicode=True, width=1000)


def main(argv):
    if len(argv) >= 4 and argv[1] == "cases":
        cases(argv[2], int(argv[3]), int(argv[4]) if len(argv) > 4 else 5)
    elif len(argv) == 4 and argv[1] == "scale":
        scale(argv[2], int(argv[3]))
    else:
        sys.stderr.write(__doc__)
        return 64
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
