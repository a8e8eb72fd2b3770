"""End-to-end tests of `sciatica batch`: JSON Lines in, one result per line out."""
import json
import os
import subprocess
import unittest

import yaml

from support import BIN, SOURCE_DIR, ScratchDir, run, screened

DISC = screened({"age": 35, "leg_pain": True, "pain_below_knee": True})
EMERGENCY = {"saddle_numbness": True}


def lines(*objects):
    return "".join(json.dumps(o) + "\n" for o in objects)


class BatchOutput(unittest.TestCase):
    def test_results_come_out_in_input_order_one_per_line(self):
        p = run("batch", stdin=lines(DISC, EMERGENCY, DISC))
        self.assertEqual(p.returncode, 0, p.stderr)
        out = [json.loads(line) for line in p.stdout.splitlines()]
        self.assertEqual([o["urgency"] for o in out], ["self-care", "emergency", "self-care"])
        self.assertEqual(p.stderr, "")

    def test_case_id_is_echoed_first_and_not_taken_as_an_answer(self):
        p = run("batch", stdin=lines(dict(DISC, case_id="p-7"), {"case_id": 12}))
        self.assertEqual(p.returncode, 0, p.stderr)
        first, second = p.stdout.splitlines()
        self.assertTrue(first.startswith('{"case_id":"p-7","schema_version":1,'), first)
        self.assertTrue(second.startswith('{"case_id":12,"schema_version":1,'), second)

    def test_a_line_without_case_id_has_no_case_id(self):
        p = run("batch", stdin=lines(DISC))
        self.assertNotIn("case_id", json.loads(p.stdout))

    def test_a_file_argument_reads_the_file(self):
        scratch = ScratchDir()
        try:
            path = scratch.write("cases.jsonl", lines(DISC, EMERGENCY))
            p = run("batch", path)
        finally:
            scratch.cleanup()
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(len(p.stdout.splitlines()), 2)

    def test_a_missing_file_is_exit_66(self):
        p = run("batch", "/nonexistent/cases.jsonl")
        self.assertEqual(p.returncode, 66)
        self.assertEqual(p.stderr,
                         "sciatica: error: /nonexistent/cases.jsonl: cannot open: "
                         "No such file or directory\n")
        self.assertEqual(p.stdout, "")


class BatchBadLines(unittest.TestCase):
    def setUp(self):
        text = (json.dumps(DISC) + "\n" + "not json\n" + "\n" + '{"leg_pian": true}\n' +
                "   \n" + '{"age": "old"}\n' + json.dumps(EMERGENCY) + "\n")
        self.p = run("batch", stdin=text)
        self.out = [json.loads(line) for line in self.p.stdout.splitlines()]

    def test_bad_lines_are_reported_in_place_with_their_physical_line_numbers(self):
        self.assertEqual(len(self.out), 5)
        self.assertEqual([o.get("line") for o in self.out], [None, 2, 4, 6, None])
        self.assertEqual(self.out[4]["urgency"], "emergency")

    def test_an_error_line_has_only_schema_version_line_and_error(self):
        self.assertEqual(self.out[2], {
            "schema_version": 1,
            "line": 4,
            "error": "<stdin>:4: unknown question 'leg_pian' (did you mean 'leg_pain'?)"})
        self.assertEqual(self.out[3]["error"],
                         "<stdin>:6: 'age': 'old' is not a number; expected a whole number "
                         "from 0 to 120")
        self.assertTrue(self.out[1]["error"].startswith("<stdin>:2: invalid JSON at byte "))

    def test_the_exit_code_is_65_with_a_one_line_count(self):
        self.assertEqual(self.p.returncode, 65)
        self.assertEqual(self.p.stderr, "sciatica: error: 3 of 5 cases could not be checked; "
                                        "see the \"error\" lines\n")

    def test_blank_lines_alone_give_no_output_and_succeed(self):
        p = run("batch", stdin="\n   \n\n")
        self.assertEqual((p.returncode, p.stdout, p.stderr), (0, "", ""))

    def test_a_last_line_without_a_newline_is_read(self):
        p = run("batch", stdin=json.dumps(DISC) + "\n" + json.dumps(EMERGENCY))
        self.assertEqual([json.loads(l)["urgency"] for l in p.stdout.splitlines()],
                         ["self-care", "emergency"])


class BatchStreams(unittest.TestCase):
    def test_a_closed_stdout_ends_it_quietly(self):
        scratch = ScratchDir()
        try:
            path = scratch.write("big.jsonl", lines(*([DISC] * 50000)))
            with open(path, "rb") as cases:
                proc = subprocess.Popen([BIN, "batch"], stdin=cases, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE)
                first = proc.stdout.readline()
                proc.stdout.close()
                stderr = proc.stderr.read()
                code = proc.wait(timeout=30)
                proc.stderr.close()
        finally:
            scratch.cleanup()
        self.assertTrue(json.loads(first)["notice"])
        self.assertEqual((code, stderr), (0, b""))

    def test_progress_shows_cases_and_rate_when_stderr_is_a_terminal(self):
        import pty
        leader, follower = pty.openpty()
        scratch = ScratchDir()
        try:
            path = scratch.write("many.jsonl", lines(*([DISC] * 3000)))
            with open(path, "rb") as cases:
                code = subprocess.call([BIN, "batch"], stdin=cases, stdout=subprocess.DEVNULL,
                                       stderr=follower, timeout=30)
            os.close(follower)
            shown = b""
            while True:
                try:
                    chunk = os.read(leader, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                shown += chunk
        finally:
            os.close(leader)
            scratch.cleanup()
        self.assertEqual(code, 0)
        self.assertRegex(shown.decode(), r"sciatica: 3000 cases, \d+ cases/s")

    def test_progress_is_silent_when_stderr_is_not_a_terminal(self):
        p = run("batch", stdin=lines(*([DISC] * 3000)))
        self.assertEqual((p.returncode, p.stderr), (0, ""))


class BatchIssue20(unittest.TestCase):
    def test_a_structured_case_id_comes_back_as_given(self):
        case_id = '[123456789012345678901234567890, 1.50, {"b": 1, "a": [2]}]'
        p = run("batch", stdin='{"case_id": %s, "leg_pain": true}\n' % case_id)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(p.stdout.startswith('{"case_id":' + case_id + ','), p.stdout[:120])

    def test_a_key_twice_inside_a_case_id_is_refused(self):
        p = run("batch", stdin='{"case_id": {"a": 1, "a": 2}, "leg_pain": true}\n')
        self.assertEqual(p.returncode, 65, p.stderr)
        self.assertEqual(json.loads(p.stdout)["error"], "<stdin>:1: the case_id has the key 'a' twice")


class BatchMatchesCheck(unittest.TestCase):
    def test_batch_and_check_give_identical_results_for_every_public_vignette(self):
        path = os.path.join(SOURCE_DIR, "rules", "vignettes", "public.yaml")
        with open(path, encoding="utf-8") as f:
            vignettes = yaml.safe_load(f)
        batch = run("batch", stdin=lines(*[v["answers"] for v in vignettes]))
        self.assertEqual(batch.returncode, 0, batch.stderr)
        results = batch.stdout.splitlines()
        self.assertEqual(len(results), len(vignettes))
        for vignette, result in zip(vignettes, results):
            check = run("check", "--answers", "-", "--format", "json",
                        stdin=json.dumps(vignette["answers"]))
            self.assertEqual(check.returncode, 0, check.stderr)
            self.assertEqual(check.stdout, result + "\n", vignette["name"])


if __name__ == "__main__":
    unittest.main()
