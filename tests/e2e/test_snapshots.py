"""Snapshot tests: the exact text of results and education commands.

Snapshots live in tests/e2e/snapshots/ and are compared byte for byte. After
an intended change, regenerate them with SCIATICA_UPDATE_SNAPSHOTS=1 and read
the diff before committing.
"""
import fcntl
import json
import os
import struct
import subprocess
import termios
import unittest

import yaml

from support import BIN, HERE, SOURCE_DIR, no_warning_signs, run

SNAPSHOTS = os.path.join(HERE, "snapshots")
UPDATE = os.environ.get("SCIATICA_UPDATE_SNAPSHOTS") == "1"
VIGNETTES = ["acute disc herniation after lifting", "cauda equina signs",
             "neurogenic claudication in an older adult", "fever in an immunosuppressed person",
             "only two answers given"]


def vignette_answers(name):
    """The vignette's answers; but for the last vignette (whose screen stays
    incomplete, to show how that reads), every other warning sign answered no."""
    with open(os.path.join(SOURCE_DIR, "rules", "vignettes", "public.yaml"), encoding="utf-8") as f:
        answers = next(c["answers"] for c in yaml.safe_load(f) if c["name"] == name)
    if name == VIGNETTES[-1]:
        return answers
    return {**{q: False for q in no_warning_signs()}, **answers}


def run_on_terminal(*args, stdin_text, columns=80):
    """Runs with stdout on a pty of `columns` columns (so colour is on) and
    stdin piped (so nothing is asked); returns stdout with \\n line ends."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    env["TERM"] = "xterm"
    proc = subprocess.Popen([BIN, *args], stdin=subprocess.PIPE, stdout=slave,
                            stderr=subprocess.PIPE, env=env)
    os.close(slave)
    proc.stdin.write(stdin_text.encode())
    proc.stdin.close()
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=10)
    proc.stderr.close()
    os.close(master)
    return b"".join(chunks).decode().replace("\r\n", "\n")


class Snapshots(unittest.TestCase):
    def check_snapshot(self, name, text):
        path = os.path.join(SNAPSHOTS, name)
        if UPDATE:
            os.makedirs(SNAPSHOTS, exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            return
        with open(path, encoding="utf-8") as f:
            self.assertEqual(text, f.read(), "snapshot %s differs; regenerate with "
                             "SCIATICA_UPDATE_SNAPSHOTS=1 if intended" % name)

    def test_text_results_for_vignettes_match_their_snapshots(self):
        for index, name in enumerate(VIGNETTES):
            with self.subTest(vignette=name):
                answers = json.dumps(vignette_answers(name))
                plain = run("check", "--answers", "-", stdin=answers, env={"COLUMNS": "80"})
                self.assertEqual(plain.returncode, 0, plain.stderr)
                self.assertNotIn("\x1b", plain.stdout)
                self.check_snapshot("result-%d.txt" % (index + 1), plain.stdout)
                coloured = run_on_terminal("check", "--answers", "-", stdin_text=answers)
                self.assertIn("\x1b[", coloured)
                self.check_snapshot("result-%d-colour.txt" % (index + 1), coloured)
                narrow = run("check", "--answers", "-", stdin=answers, env={"COLUMNS": "50"})
                self.assertLessEqual(max(len(line) for line in narrow.stdout.splitlines()), 50)
                self.check_snapshot("result-%d-50.txt" % (index + 1), narrow.stdout)
                plain = run("--plain", "check", "--answers", "-", stdin=answers,
                            env={"COLUMNS": "80"})
                self.assertNotIn("+--", plain.stdout)
                self.check_snapshot("result-%d-plain.txt" % (index + 1), plain.stdout)

    def test_no_color_and_term_dumb_turn_colour_off_at_a_terminal(self):
        answers = json.dumps(vignette_answers(VIGNETTES[0]))
        self.assertNotIn("\x1b", run_on_terminal("check", "--no-color", "--answers", "-",
                                                 stdin_text=answers))

    def test_text_wraps_to_columns_when_not_a_terminal(self):
        p = run("causes", env={"COLUMNS": "40"})
        self.assertLessEqual(max(len(line) for line in p.stdout.splitlines()), 40)

    def test_education_commands_match_their_snapshots(self):
        commands = {"causes": ["causes"], "explain": ["explain", "herniated-disc"],
                    "techniques": ["techniques"],
                    "techniques-one": ["techniques", "tennis-ball-massage"],
                    "treatments": ["treatments"], "questions": ["questions"]}
        for name, args in commands.items():
            with self.subTest(command=name):
                text = run(*args, env={"COLUMNS": "80"})
                self.assertEqual(text.returncode, 0, text.stderr)
                self.check_snapshot(name + ".txt", text.stdout)
                as_json = run(*args, "--format", "json")
                self.assertEqual(as_json.returncode, 0, as_json.stderr)
                self.check_snapshot(name + ".json", as_json.stdout)


class EducationErrors(unittest.TestCase):
    def test_an_unknown_cause_suggests_the_nearest_and_exits_64(self):
        p = run("explain", "herniated-disk")
        self.assertEqual(p.returncode, 64)
        self.assertEqual(p.stdout, "")
        self.assertEqual(p.stderr, "sciatica: error: unknown cause 'herniated-disk' (did you "
                                   "mean 'herniated-disc'?); 'sciatica causes' lists them\n")

    def test_an_unknown_technique_suggests_the_nearest_and_exits_64(self):
        p = run("techniques", "tennis-ball")
        self.assertEqual(p.returncode, 64)
        self.assertEqual(p.stderr, "sciatica: error: unknown technique 'tennis-ball' (did you "
                                   "mean 'tennis-ball-massage'?); 'sciatica techniques' lists "
                                   "them\n")

    def test_techniques_list_the_equipment_the_article_names(self):
        out = json.loads(run("techniques", "--json").stdout)
        names = " ".join(e["name"] for e in out["equipment"]).lower()
        for item in ("tennis ball", "dog toy", "spinal roller", "knobble", "s-shaped"):
            self.assertIn(item, names)

    def test_every_education_document_starts_with_the_version_and_ends_with_the_notice(self):
        for args in (["causes"], ["explain", "spinal-stenosis"], ["techniques"],
                     ["treatments"], ["questions"]):
            with self.subTest(command=args[0]):
                out = json.loads(run(*args, "--json").stdout)
                keys = list(out)
                self.assertEqual((keys[0], out["schema_version"]), ("schema_version", 1))
                self.assertEqual(keys[-1], "notice")


if __name__ == "__main__":
    unittest.main()
