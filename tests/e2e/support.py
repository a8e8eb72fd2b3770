"""Helpers for end-to-end tests of the real `sciatica` binary.

SCIATICA_BIN names the binary (ctest sets it); SCIATICA_SOURCE_DIR the checkout.
"""
import json
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.environ.get("SCIATICA_SOURCE_DIR", os.path.abspath(os.path.join(HERE, "..", "..")))
BIN = os.environ.get("SCIATICA_BIN", os.path.join(SOURCE_DIR, "build", "sciatica"))


def run(*args, stdin=None, env=None, timeout=30):
    """Runs the binary with `args`; returns the CompletedProcess (text mode)."""
    full_env = dict(os.environ)
    full_env.pop("COLUMNS", None)
    full_env["NO_COLOR"] = "1"
    # The user's own settings must not change what a test sees.
    for name in ("SCIATICA_FORMAT", "SCIATICA_COLOR", "SCIATICA_NO_COLOR", "SCIATICA_RULES",
                 "SCIATICA_SAVE"):
        full_env.pop(name, None)
    full_env["XDG_CONFIG_HOME"] = "/nonexistent/sciatica-tests"
    full_env["TERM"] = "xterm"  # TERM=dumb would make text plain
    # Nor may a test see, or write to, the user's saved checks.
    full_env["XDG_DATA_HOME"] = "/nonexistent/sciatica-tests-data"
    if env:
        full_env.update(env)
    return subprocess.run([BIN, *args], input=stdin if stdin is not None else "",
                          capture_output=True, text=True, timeout=timeout, env=full_env)


def run_json(*args, **kwargs):
    """Runs with --format json and returns (process, parsed stdout)."""
    p = run(*args, "--format", "json", **kwargs)
    return p, (json.loads(p.stdout) if p.returncode == 0 else None)


class ScratchDir:
    """A temporary directory that removes itself; `write` puts a file in it."""

    def __init__(self):
        self._dir = tempfile.TemporaryDirectory()
        self.path = self._dir.name

    def write(self, name, text):
        path = os.path.join(self.path, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def cleanup(self):
        self._dir.cleanup()


def has_command(*path):
    """Whether the binary has the (sub)command `path`, e.g. has_command("rules", "lint"):
    read from the Subcommands list of the parent's --help."""
    for depth in range(len(path)):
        p = run(*path[:depth], "--help")
        listed = [line.split()[0] for line in p.stdout.splitlines()
                  if line.startswith("  ") and line.strip()]
        if p.returncode != 0 or "Subcommands:" not in p.stdout or path[depth] not in listed:
            return False
    return True


# A rule set of one question and one cause, for tests of --rules.
MINI_RULES = """format: sciatica-rules/1
notice: Ask your practitioner.
urgencies:
  - {id: urgent, name: Urgent, advice: Today, self_care: false}
  - {id: fine, name: Fine, advice: Rest, self_care: true}
questions:
  - {id: pain, type: yes_no, prompt: Does it hurt}
red_flags: []
causes:
  - {id: strain, name: Strain, summary: S, description: D, source: test,
     findings: [{when: {q: pain, eq: true}, weight: 1}]}
techniques: []
"""


_NO_WARNING_SIGNS = None


def no_warning_signs():
    """Every yes/no question a red flag of the embedded rule set reads, answered no
    (as check-vignettes.py's `others_no`): with these, the warning-sign screen is
    complete for an adult who answers the rest."""
    global _NO_WARNING_SIGNS
    if _NO_WARNING_SIGNS is None:
        import yaml
        rules = yaml.safe_load(run("rules", "dump").stdout)
        types = {q["id"]: q["type"] for q in rules["questions"]}
        found = set()

        def walk(node):
            if isinstance(node, dict):
                if isinstance(node.get("q"), str):
                    found.add(node["q"])
                for v in node.values():
                    walk(v)
            elif isinstance(node, list):
                for v in node:
                    walk(v)

        for flag in rules["red_flags"]:
            walk(flag["when"])
        _NO_WARNING_SIGNS = {q: False for q in sorted(found) if types[q] == "yes_no"}
    return dict(_NO_WARNING_SIGNS)


def screened(answers):
    """`answers` with every warning sign they do not mention answered no."""
    out = no_warning_signs()
    out.update(answers)
    return out


def source_excerpt(text, line, column):
    """What follows a positioned error on stderr: line `line` (1-based) of
    `text` (bytes or str) and a caret under `column`, or "" when the line is
    not echoed (longer than 200 bytes, or holding control or invalid bytes)."""
    if isinstance(text, str):
        text = text.encode("utf-8")
    lines = text.split(b"\n")
    source = lines[line - 1] if line - 1 < len(lines) else b""
    if source.endswith(b"\r"):
        source = source[:-1]
    try:
        shown = source.decode("utf-8")
    except UnicodeDecodeError:
        return ""
    if len(source) > 200 or any(ord(c) < 0x20 or ord(c) == 0x7F for c in shown):
        return ""
    return shown + "\n" + " " * min(column - 1, len(shown)) + "^\n"


def questions_of(condition, found):
    """Adds to the set `found` every question id that a rule-set condition
    (as `sciatica rules dump` writes it) reads; returns `found`."""
    if isinstance(condition, dict):
        if isinstance(condition.get("q"), str):
            found.add(condition["q"])
        for value in condition.values():
            questions_of(value, found)
    elif isinstance(condition, list):
        for value in condition:
            questions_of(value, found)
    return found
