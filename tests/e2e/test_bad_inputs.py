"""The table of bad inputs, run end to end against the real binary.

Each row gives the input (files, arguments, standard input), the exact exit
code and the exact one-line message on standard error; standard output must
stay empty. Rows become one test each, named after the row, so a failure says
which input regressed. Never a crash, an abort, a stack trace or a hang: every
run has a timeout and a signal death fails the row.
"""
import json
import os
import re
import select
import shutil
import signal
import stat
import subprocess
import tempfile
import time
import unittest

from support import BIN, source_excerpt

SMALL_RULES = b"""format: sciatica-rules/1
notice: See your practitioner.
urgencies:
  - {id: emergency, name: Emergency, advice: Go now, self_care: false}
  - {id: self-care, name: Self-care, advice: Look after yourself, self_care: true}
questions:
  - {id: pain, type: yes_no, prompt: Pain}
red_flags:
  - {id: alarm, name: Alarm, urgency: emergency, when: {q: pain, eq: true}, advice: Go.}
causes:
  - {id: a, name: A, summary: A., description: A., source: test,
     findings: [{when: {q: pain, eq: true}, weight: 1}]}
techniques:
  - {id: walk, name: Walk, summary: Walk, steps: [Walk]}
"""

MB = 1024 * 1024


def many_questions(count):
    lines = [b"  - {id: q%d, type: yes_no, prompt: Q}" % i for i in range(count)]
    return SMALL_RULES.replace(b"  - {id: pain, type: yes_no, prompt: Pain}\n",
                               b"  - {id: pain, type: yes_no, prompt: Pain}\n" +
                               b"\n".join(lines) + b"\n")


# Each row: name, files (name -> bytes, a callable giving bytes, or ("hard link
# to", an earlier file's name)), args
# ({d} is the scratch directory), stdin bytes, exit code, stderr line.
RULE_FILES = [
    ("rules_syntax_error", {"r.yaml": b"format: [unclosed\n"}, ["--rules", "{d}/r.yaml", "check"],
     b"", 65, "{d}/r.yaml:2:1: end of sequence flow not found"),
    ("rules_wrong_type", {"r.yaml": SMALL_RULES.replace(b"notice: See your practitioner.",
                                                        b"notice: [See]")},
     ["--rules", "{d}/r.yaml", "check"], b"", 65, "{d}/r.yaml:2:9: 'notice' must be text"),
    ("rules_wrong_type_list", {"r.yaml": SMALL_RULES.replace(b"techniques:\n  - {id: walk, "
                                                             b"name: Walk, summary: Walk, "
                                                             b"steps: [Walk]}",
                                                             b"techniques: walk")},
     ["--rules", "{d}/r.yaml", "check"], b"", 65, "{d}/r.yaml:13:13: 'techniques' must be a list"),
    ("rules_duplicate_key", {"r.yaml": SMALL_RULES + b"notice: Again.\n"},
     ["--rules", "{d}/r.yaml", "check"], b"", 65, "{d}/r.yaml:15:1: duplicate key 'notice'"),
    ("rules_anchor_and_alias", {"r.yaml": SMALL_RULES.replace(b"notice: See", b"notice: &n See")
                                + b"title: *n\n"},
     ["--rules", "{d}/r.yaml", "check"], b"", 65,
     "{d}/r.yaml:2:9: anchors (&name) are not allowed in a rule file; write the value out"),
    ("rules_alias_cycle", {"r.yaml": b"a: &x [*x]\n"}, ["--rules", "{d}/r.yaml", "check"], b"", 65,
     "{d}/r.yaml:1:4: anchors (&name) are not allowed in a rule file; write the value out"),
    ("rules_alias_alone", {"r.yaml": b"a: *x\n"}, ["--rules", "{d}/r.yaml", "check"], b"", 65,
     "{d}/r.yaml:1:4: the referenced anchor is not defined"),
    ("rules_100000_deep", {"r.yaml": b"a: " + b"[" * 100000 + b"\n"},
     ["--rules", "{d}/r.yaml", "check"], b"", 65, "{d}/r.yaml:1:36: nested more than 64 levels deep"),
    ("rules_100000_deep_block", {"r.yaml": b"".join(b" " * i + b"- x:\n" for i in range(0, 3000, 2))},
     ["--rules", "{d}/r.yaml", "check"], b"", 65, "{d}/r.yaml:33:65: nested more than 64 levels deep"),
    ("rules_50_mb", {"r.yaml": lambda: b"# padding\n" * (5 * MB)},
     ["--rules", "{d}/r.yaml", "check"], b"", 65, "{d}/r.yaml: too large: a rule file may be at most 4 MiB"),
    ("rules_endless_device", {}, ["--rules", "/dev/zero", "check"], b"", 65,
     "/dev/zero: too large: a rule file may be at most 4 MiB"),
    ("rules_empty", {"r.yaml": b""}, ["--rules", "{d}/r.yaml", "check"], b"", 65,
     "{d}/r.yaml: the rule set is empty"),
    ("rules_directory", {}, ["--rules", "{d}", "check"], b"", 66, "{d}: is a directory, not a file"),
    ("rules_missing", {}, ["--rules", "{d}/none.yaml", "check"], b"", 66,
     "{d}/none.yaml: cannot open: No such file or directory"),
    ("rules_unreadable_path", {"r.yaml": SMALL_RULES}, ["--rules", "{d}/r.yaml/more.yaml", "check"],
     b"", 66, "{d}/r.yaml/more.yaml: cannot open: Not a directory"),
    ("rules_not_utf8", {"r.yaml": SMALL_RULES.replace(b"See your", b"See \xff your")},
     ["--rules", "{d}/r.yaml", "check"], b"", 65, "{d}/r.yaml:2:13: the text is not valid UTF-8"),
    ("rules_nul_byte", {"r.yaml": SMALL_RULES.replace(b"See your", b"See\x00your")},
     ["--rules", "{d}/r.yaml", "check"], b"", 65, "{d}/r.yaml:2:12: the text contains a NUL byte"),
    ("rules_two_documents", {"r.yaml": SMALL_RULES + b"---\na: 1\n"},
     ["--rules", "{d}/r.yaml", "check"], b"", 65,
     "{d}/r.yaml: a rule file holds one YAML document, not several"),
    ("rules_too_many_questions", {"r.yaml": lambda: many_questions(1000)},
     ["--rules", "{d}/r.yaml", "check"], b"", 65,
     "{d}/r.yaml:7:3: 'questions' has 1001 entries; a rule set may have at most 1000"),
    ("rules_in_list_too_long", {"r.yaml": lambda: SMALL_RULES.replace(
        b"when: {q: pain, eq: true}, advice: Go.}",
        b"when: {q: n, in: [" + b",".join(b"%d" % i for i in range(1001)) + b"]}, advice: Go.}")
        .replace(b"  - {id: pain, type: yes_no, prompt: Pain}\n",
                 b"  - {id: pain, type: yes_no, prompt: Pain}\n  - {id: n, type: integer, prompt: N}\n")},
     ["--rules", "{d}/r.yaml", "check"], b"", 65,
     "{d}/r.yaml:10:67: 'in' has 1001 values; a list may have at most 1000"),
    ("rules_option_runs_a_command", {"r.yaml": SMALL_RULES.replace(
        b"  - {id: pain, type: yes_no, prompt: Pain}\n",
        b"  - {id: pain, type: yes_no, prompt: Pain}\n"
        b"  - {id: side, type: choice, options: [left, '$(touch x)'], prompt: Side}\n")},
     ["--rules", "{d}/r.yaml", "check"], b"", 65,
     "{d}/r.yaml:8:5: the option '$(touch x)' is not a plain word: use letters, digits, '_', "
     "'-' and '.', starting with a letter or digit"),
    ("rules_option_backquotes", {"r.yaml": SMALL_RULES.replace(
        b"  - {id: pain, type: yes_no, prompt: Pain}\n",
        b"  - {id: pain, type: yes_no, prompt: Pain}\n"
        b"  - {id: side, type: choice, options: [left, '`id`'], prompt: Side}\n")},
     ["--rules", "{d}/r.yaml", "check"], b"", 65,
     "{d}/r.yaml:8:5: the option '`id`' is not a plain word: use letters, digits, '_', "
     "'-' and '.', starting with a letter or digit"),
    ("rules_options_differ_only_in_case", {"r.yaml": SMALL_RULES.replace(
        b"  - {id: pain, type: yes_no, prompt: Pain}\n",
        b"  - {id: pain, type: yes_no, prompt: Pain}\n"
        b"  - {id: side, type: choice, options: [Left, left], prompt: Side}\n")},
     ["--rules", "{d}/r.yaml", "check"], b"", 65,
     "{d}/r.yaml:8:5: the options of 'side' differ only in case ('left'); answers match options "
     "whatever the case"),
    ("rules_question_case_id", {"r.yaml": SMALL_RULES.replace(
        b"  - {id: pain, type: yes_no, prompt: Pain}\n",
        b"  - {id: pain, type: yes_no, prompt: Pain}\n"
        b"  - {id: case_id, type: yes_no, prompt: Case}\n")},
     ["--rules", "{d}/r.yaml", "check"], b"", 65,
     "{d}/r.yaml:8:5: the question id 'case_id' is reserved: batch reads it as the case's own id, "
     "not an answer"),
    ("rules_escape_in_notice", {"r.yaml": SMALL_RULES.replace(
        b"notice: See your practitioner.", b'notice: "\\e[8mSee your practitioner."')},
     ["--rules", "{d}/r.yaml", "check"], b"", 65,
     "{d}/r.yaml: the text of the rule set holds a control character (\\x1b); write text without "
     "escapes or terminal codes"),
    ("rules_escape_in_name", {"r.yaml": SMALL_RULES.replace(b"name: Alarm", b'name: "Alarm\\e[2J"')},
     ["--rules", "{d}/r.yaml", "check"], b"", 65,
     "{d}/r.yaml:9:5: the text of red flag 'alarm' holds a control character (\\x1b); write text "
     "without escapes or terminal codes"),
    ("rules_huge_weight", {"r.yaml": SMALL_RULES.replace(b"weight: 1}", b"weight: 1e308}")},
     ["--rules", "{d}/r.yaml", "check"], b"", 65,
     "{d}/r.yaml:12:17: a finding's weight must be from -1000 to 1000"),
    ("rules_self_care_at_emergency", {"r.yaml": SMALL_RULES.replace(
        b"advice: Go now, self_care: false", b"advice: Go now, self_care: true")},
     ["--rules", "{d}/r.yaml", "check"], b"", 65,
     "{d}/r.yaml:4:5: urgency 'emergency' allows self-care (self_care: true); no technique may be "
     "offered at emergency or urgent"),
    ("rules_notice_of_invisible_spaces", {"r.yaml": SMALL_RULES.replace(
        b"notice: See your practitioner.", b'notice: "\\u00a0\\u200b\\u2060\\ufeff"')},
     ["--rules", "{d}/r.yaml", "check"], b"", 65,
     "{d}/r.yaml: the practitioner notice is missing or blank; every result must carry it"),
]

ANSWERS = [
    ("answers_invalid_json", {}, ["check", "--answers", "-"], b'{"pain": }', 65,
     "<stdin>: invalid JSON at byte 10: parse error at line 1, column 10: syntax error while "
     "parsing value - unexpected '}'; expected '[', '{', or a literal"),
    ("answers_json_array", {}, ["check", "--answers", "-"], b'[{"leg_pain": true}]', 65,
     "<stdin>: answers must be an object of question id to value, not an array"),
    ("answers_json_string", {}, ["check", "--answers", "-"], b'"leg_pain"', 65,
     "<stdin>: answers must be an object of question id to value, not a string"),
    ("answers_yaml_list", {}, ["check", "--answers", "-"], b"- leg_pain\n", 65,
     "<stdin>: answers must be a mapping of question id to value"),
    ("answers_wrong_type_number_for_yes_no", {}, ["check", "--answers", "-"], b'{"leg_pain": 3}',
     65, "<stdin>: 'leg_pain': 3 is not allowed; expected yes or no"),
    ("answers_wrong_type_text_for_number", {}, ["check", "--answers", "-"], b'{"age": "old"}', 65,
     "<stdin>: 'age': 'old' is not a number; expected a whole number from 0 to 120"),
    ("answers_wrong_type_list", {}, ["check", "--answers", "-"], b'{"pain_side": ["left"]}', 65,
     "<stdin>: 'pain_side': an array is not allowed; expected one of left, right, both"),
    ("answers_unknown_id", {}, ["check", "--answers", "-"], b'{"leg_pian": true}', 65,
     "<stdin>: unknown question 'leg_pian' (did you mean 'leg_pain'?)"),
    ("answers_out_of_range", {}, ["check", "--answers", "-"], b'{"age": 130}', 65,
     "<stdin>: 'age': 130 is out of range; expected a whole number from 0 to 120"),
    ("answers_not_whole", {}, ["check", "--answers", "-"], b'{"age": 35.5}', 65,
     "<stdin>: 'age': '35.5' is not a whole number; expected a whole number from 0 to 120"),
    ("answers_1e999", {}, ["check", "--answers", "-"], b'{"age": 1e999}', 65,
     "<stdin>: invalid JSON: number overflow parsing '1e999'"),
    ("answers_nan_token", {}, ["check", "--answers", "-"], b'{"age": NaN}', 65,
     "<stdin>: invalid JSON at byte 9: parse error at line 1, column 9: syntax error while "
     "parsing value - invalid literal; last read: '\"age\": N'"),
    ("answers_nan_text", {}, ["check", "--answers", "-"], b'{"age": "nan"}', 65,
     "<stdin>: 'age': 'nan' is not a number; expected a whole number from 0 to 120"),
    ("answers_yaml_infinity", {}, ["check", "--answers", "-"], b"age: .inf\n", 65,
     "<stdin>:1:6: 'age': '.inf' is not a number; expected a whole number from 0 to 120"),
    ("answers_huge_integer", {}, ["check", "--answers", "-"],
     b'{"age": 123456789012345678901234567890}', 65,
     "<stdin>: 'age': 1.2345678901234568e+29 is out of range; expected a whole number from 0 to 120"),
    ("answers_nul_escape_in_string", {}, ["check", "--answers", "-"],
     b'{"pain_side": "le\\u0000ft"}', 65,
     "<stdin>: 'pain_side': 'le\\x00ft' is not allowed; expected one of left, right, both "
     "(did you mean 'left'?)"),
    ("answers_raw_nul_in_string", {}, ["check", "--answers", "-"], b'{"pain_side": "le\x00ft"}', 65,
     "<stdin>: the text contains a NUL byte (at byte 18)"),
    ("answers_nul_in_yaml", {}, ["check", "--answers", "-"], b"pain_side: le\x00ft\n", 65,
     "<stdin>:1:14: the text contains a NUL byte"),
    ("answers_invalid_utf8_in_json_string", {}, ["check", "--answers", "-"],
     b'{"pain_side": "\xffleft"}', 65,
     "<stdin>: invalid JSON at byte 16: parse error at line 1, column 16: syntax error while "
     "parsing value - invalid string: ill-formed UTF-8 byte; last read: '\"\\xff'"),
    ("answers_invalid_utf8_in_yaml_string", {}, ["check", "--answers", "-"],
     b"pain_side: \xc3left\n", 65, "<stdin>:1:12: the text is not valid UTF-8"),
    ("answers_long_unknown_id", {}, ["check", "--answers", "-"],
     b'{"' + b"x" * 100000 + b'": 1}', 65,
     "<stdin>: unknown question '" + "x" * 60 + "...'"),
    ("answers_duplicate_yaml", {}, ["check", "--answers", "-"], b"age: 30\nage: 40\n", 65,
     "<stdin>:2:1: duplicate answer 'age'"),
    ("answers_100000_deep_json", {}, ["check", "--answers", "-"], b"[" * 100000, 65,
     "<stdin>: nested more than 64 levels deep"),
    ("answers_yaml_alias", {}, ["check", "--answers", "-"], b"leg_pain: &a yes\nback_pain: *a\n",
     65, "<stdin>:1:11: anchors (&name) are not allowed in answers; write the value out"),
    ("answers_100_mb_line", {}, ["check", "--answers", "-"],
     lambda: b'{"leg_pain": "' + b"y" * (100 * MB) + b'"}', 65,
     "<stdin>: too large: answers may be at most 1 MiB"),
    ("answers_100_mb_file", {"a.json": lambda: b" " * (100 * MB) + b"{}"},
     ["check", "--answers", "{d}/a.json"], b"", 65, "{d}/a.json: too large: answers may be at most 1 MiB"),
    ("answers_empty_stdin", {}, ["check", "--answers", "-"], b"", 65,
     "<stdin>: no answers (the input is empty)"),
    ("answers_blank_stdin", {}, ["check", "--answers", "-"], b" \n\t\n", 65,
     "<stdin>: no answers (the input is empty)"),
    ("answers_directory", {}, ["check", "--answers", "{d}"], b"", 66, "{d}: is a directory, not a file"),
    ("answers_missing_file", {}, ["check", "--answers", "{d}/none.json"], b"", 66,
     "{d}/none.json: cannot open: No such file or directory"),
    ("answers_raw_nul_ends_the_document", {"a.json": b'{"leg_pain": true}\x00, "saddle_numbness": true}'},
     ["check", "--no-input", "--answers", "{d}/a.json"], b"", 65,
     "{d}/a.json: the text contains a NUL byte (at byte 19)"),
    ("answers_duplicate_key_json", {}, ["check", "--answers", "-"],
     b'{"saddle_numbness": true,\n "saddle_numbness": false}', 65,
     "<stdin>:2: duplicate answer 'saddle_numbness'"),
    ("answers_duplicate_key_json_escaped", {}, ["check", "--answers", "-"],
     b'{"leg_pain": true, "leg\\u005fpain": false}', 65, "<stdin>:1: duplicate answer 'leg_pain'"),
    ("answers_duplicate_key_json_null_first", {}, ["check", "--answers", "-"],
     b'{"leg_pain": null, "leg_pain": true}', 65, "<stdin>:1: duplicate answer 'leg_pain'"),
]

FLAGS = [
    ("flag_unknown_option", {}, ["check", "--bogus"], b"", 64,
     "unexpected argument '--bogus' (see sciatica help check)"),
    ("flag_unknown_global_option", {}, ["--bogus", "check"], b"", 64,
     "unexpected argument '--bogus' (see sciatica help check)"),
    ("flag_missing_value_answer", {}, ["check", "--answer"], b"", 64,
     "--answer needs a value (ID=VALUE)"),
    ("flag_missing_value_answers", {}, ["check", "--answers"], b"", 64,
     "--answers needs a value (FILE)"),
    ("flag_missing_value_rules", {}, ["--rules"], b"", 64, "--rules needs a value (PATH)"),
    ("flag_conflicting_json_and_format", {}, ["check", "--json", "--format", "text"], b"", 64,
     "--json and --format cannot be given together (--json is the same as --format json)"),
    ("flag_bad_format", {}, ["check", "--format", "xml"], b"", 64,
     "--format: 'xml' is not allowed; expected text, json or fhir"),
    ("flag_unknown_command", {}, ["frobnicate"], b"", 64,
     "unknown command 'frobnicate' (see sciatica --help)"),
    ("flag_misspelt_command", {}, ["chekc"], b"", 64,
     "unknown command 'chekc' (did you mean 'check'?) (see sciatica --help)"),
    ("flag_answer_without_equals", {}, ["check", "--answer", "leg_pain"], b"", 64,
     "--answer 'leg_pain': expected ID=VALUE, such as leg_pain=yes"),
    ("flag_answer_value_with_spaces", {}, ["check", "--answer", "pain_side = left leg"], b"", 64,
     "--answer: 'pain_side': 'left leg' is not allowed; expected one of left, right, both"),
    ("flag_answer_value_with_equals", {}, ["check", "--answer=age=3=5"], b"", 64,
     "--answer: 'age': '3=5' is not a number; expected a whole number from 0 to 120"),
    ("flag_answer_id_with_spaces", {}, ["check", "--answer", "leg pain=yes"], b"", 64,
     "--answer: unknown question 'leg pain' (did you mean 'leg_pain'?)"),
    ("flag_answer_control_characters", {}, ["check", "--answer", "pain_side=le\nft"], b"", 64,
     "--answer: 'pain_side': 'le\\x0aft' is not allowed; expected one of left, right, both "
     "(did you mean 'left'?)"),
    ("flag_empty_answers", {}, ["check", "--answers", ""], b"", 64, "--answers: must not be empty"),
    ("flag_empty_output", {}, ["check", "--output", ""], b"", 64, "--output: must not be empty"),
    ("flag_empty_batch_file", {}, ["batch", ""], b"", 64, "file: must not be empty"),
    ("flag_empty_lint_path", {}, ["rules", "lint", ""], b"", 64, "paths: must not be empty"),
    ("flag_empty_vignette_file", {}, ["rules", "test", ""], b"", 64, "files: must not be empty"),
    # A long bad value is repeated up to the README's 60 bytes, not in full.
    ("explain_long_unknown_cause", {}, ["explain", "x" * 985], b"", 64,
     "unknown cause '" + "x" * 60 + "...'; 'sciatica causes' lists them"),
    ("techniques_long_unknown_technique", {}, ["techniques", "x" * 985], b"", 64,
     "unknown technique '" + "x" * 60 + "...'; 'sciatica techniques' lists them"),
    ("history_show_long_bad_id", {}, ["history", "show", "x" * 985], b"", 64,
     "'" + "x" * 60 + "...' is not a check id: use a number from sciatica history"),
]

OUTPUT = [
    ("output_into_missing_directory", {}, ["check", "--output", "{d}/none/r.json"], b"", 74,
     "{d}/none/r.json: cannot create a temporary file beside it: No such file or directory"),
    ("output_onto_directory", {}, ["check", "--output", "{d}"], b"", 74,
     "{d}: cannot write: it is a directory"),
    ("output_to_dev_full", {}, ["check", "--json", "--output", "/dev/full"], b"", 74,
     "/dev/full: cannot write: No space left on device"),
    ("output_hard_linked_file", {"r.json": b"old\n", "link.json": ("hard link to", "r.json")}, ["check", "--output", "{d}/link.json"],
     b"", 74, "{d}/link.json: cannot replace it atomically: it has 2 hard links, which a new "
     "file would split; write to another path"),
]

BATCH = [
    ("batch_directory", {}, ["batch", "{d}"], b"", 66, "{d}: is a directory, not a file"),
    ("batch_missing_file", {}, ["batch", "{d}/none.jsonl"], b"", 66,
     "{d}/none.jsonl: cannot open: No such file or directory"),
]

ROWS = RULE_FILES + ANSWERS + FLAGS + OUTPUT + BATCH


def run_bytes(args, stdin=b"", stdout=subprocess.PIPE, timeout=60):
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run([BIN, *args], input=stdin, stdout=stdout, stderr=subprocess.PIPE,
                          timeout=timeout, env=env)


class BadInputs(unittest.TestCase):
    """Generated: one test per row of ROWS."""

    def setUp(self):
        self._dir = tempfile.TemporaryDirectory()
        self.dir = self._dir.name

    def tearDown(self):
        self._dir.cleanup()

    def check_row(self, files, args, stdin, code, message):
        for name, content in files.items():
            if isinstance(content, tuple):  # ("hard link to", an earlier file)
                os.link(os.path.join(self.dir, content[1]), os.path.join(self.dir, name))
                continue
            with open(os.path.join(self.dir, name), "wb") as f:
                f.write(content() if callable(content) else content)
        args = [a.replace("{d}", self.dir) for a in args]
        stdin = stdin() if callable(stdin) else stdin
        p = run_bytes(args, stdin)
        self.assertGreaterEqual(p.returncode, 0, "killed by a signal")
        self.assertEqual(p.stdout, b"")
        self.assertEqual(p.stderr.decode("utf-8"),
                         "sciatica: error: " + message.replace("{d}", self.dir) + "\n" +
                         expected_excerpt(message, files, stdin))
        self.assertEqual(p.returncode, code)


def expected_excerpt(message, files, stdin):
    """The source line and caret that follow an error at FILE:LINE:COL."""
    m = re.match(r"(<stdin>|\{d\}/([^:]+)):(\d+):(\d+): ", message)
    if not m:
        return ""
    if m.group(1) == "<stdin>":
        text = stdin
    else:
        text = files[m.group(2)]
        text = text() if callable(text) else text
    return source_excerpt(text, int(m.group(3)), int(m.group(4)))


def make_test(row):
    _, files, args, stdin, code, message = row
    return lambda self: self.check_row(files, args, stdin, code, message)


for _row in ROWS:
    setattr(BadInputs, "test_" + _row[0], make_test(_row))


class Unreadable(unittest.TestCase):
    def test_a_file_without_read_permission_is_missing_input(self):
        if os.geteuid() == 0:
            self.skipTest("root reads a chmod 000 file; rules_unreadable_path covers open failing")
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "r.yaml")
            with open(path, "wb") as f:
                f.write(SMALL_RULES)
            os.chmod(path, 0)
            p = run_bytes(["--rules", path, "check"])
            self.assertEqual(p.stderr.decode(),
                             "sciatica: error: %s: cannot open: Permission denied\n" % path)
            self.assertEqual(p.returncode, 66)

    def test_a_fifo_nobody_writes_to_is_empty_input_not_a_hang(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "fifo")
            os.mkfifo(path)
            p = run_bytes(["check", "--answers", path], timeout=10)
            self.assertEqual(p.stderr.decode(),
                             "sciatica: error: %s: no answers (the input is empty)\n" % path)
            self.assertEqual(p.returncode, 65)


class Output(unittest.TestCase):
    def setUp(self):
        self._dir = tempfile.TemporaryDirectory()
        self.dir = self._dir.name

    def tearDown(self):
        self._dir.cleanup()

    def test_a_closed_stdout_ends_quietly(self):
        read_end, write_end = os.pipe()
        os.close(read_end)
        try:
            p = run_bytes(["check", "--json"], stdout=write_end)
        finally:
            os.close(write_end)
        self.assertEqual((p.returncode, p.stderr), (0, b""))

    def test_stdout_on_dev_full_reports_the_error_and_exits_74(self):
        with open("/dev/full", "wb") as full:
            p = run_bytes(["check", "--json"], stdout=full)
        self.assertEqual(p.stderr.decode(),
                         "sciatica: error: cannot write the output: No space left on device\n")
        self.assertEqual(p.returncode, 74)

    def test_output_writes_the_result_to_the_file_and_nothing_to_stdout(self):
        path = os.path.join(self.dir, "result.json")
        p = run_bytes(["check", "--json", "--output", path, "--answer", "leg_pain=yes"])
        self.assertEqual((p.returncode, p.stdout, p.stderr), (0, b"", b""))
        expected = run_bytes(["check", "--json", "--answer", "leg_pain=yes"]).stdout
        with open(path, "rb") as f:
            self.assertEqual(f.read(), expected)
        self.assertEqual(os.listdir(self.dir), ["result.json"])

    def test_a_failed_check_leaves_an_existing_output_file_untouched(self):
        path = os.path.join(self.dir, "result.json")
        with open(path, "w") as f:
            f.write("old\n")
        p = run_bytes(["check", "--output", path, "--answer", "leg_pain=maybe"])
        self.assertEqual(p.returncode, 64)
        with open(path) as f:
            self.assertEqual(f.read(), "old\n")
        self.assertEqual(os.listdir(self.dir), ["result.json"])

    def test_an_unwritable_output_leaves_no_temporary_file(self):
        os.chmod(self.dir, 0o500)
        try:
            p = run_bytes(["check", "--output", os.path.join(self.dir, "r.txt")])
            if os.geteuid() == 0:
                self.assertEqual(p.returncode, 0)
            else:
                self.assertEqual(p.returncode, 74)
        finally:
            os.chmod(self.dir, 0o700)
        self.assertIn(os.listdir(self.dir), ([], ["r.txt"]))

    def test_interrupting_leaves_no_partial_output_file(self):
        # Standard input that never ends keeps the check reading; SIGINT then
        # ends it with 130 and no file, temporary or final.
        path = os.path.join(self.dir, "r.json")
        p = subprocess.Popen([BIN, "check", "--answers", "-", "--output", path],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        time.sleep(0.3)
        p.send_signal(signal.SIGINT)
        _, err = p.communicate(timeout=10)
        self.assertIn(p.returncode, (130, -signal.SIGINT))
        self.assertEqual(os.listdir(self.dir), [])

    def test_output_through_a_symlink_replaces_the_target_and_keeps_the_link(self):
        target = os.path.join(self.dir, "real.json")
        with open(target, "w") as f:
            f.write("old\n")
        os.symlink("real.json", os.path.join(self.dir, "link.json"))
        os.symlink("link.json", os.path.join(self.dir, "link2.json"))
        p = run_bytes(["check", "--json", "--output", os.path.join(self.dir, "link2.json")])
        self.assertEqual((p.returncode, p.stderr), (0, b""))
        self.assertTrue(os.path.islink(os.path.join(self.dir, "link.json")))
        self.assertTrue(os.path.islink(os.path.join(self.dir, "link2.json")))
        with open(target) as f:
            self.assertEqual(json.loads(f.read())["schema_version"], 1)
        self.assertEqual(sorted(os.listdir(self.dir)), ["link.json", "link2.json", "real.json"])

    def test_output_keeps_an_existing_files_mode(self):
        path = os.path.join(self.dir, "private.json")
        with open(path, "w") as f:
            f.write("old\n")
        os.chmod(path, 0o600)
        p = run_bytes(["check", "--json", "--output", path])
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(os.stat(path).st_mode & 0o7777, 0o600)

    def test_a_new_output_file_honours_the_umask(self):
        path = os.path.join(self.dir, "new.json")
        p = subprocess.run(["sh", "-c", 'umask 027 && exec "$0" check --output "$1"', BIN, path],
                           capture_output=True, timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(os.stat(path).st_mode & 0o7777, 0o640)

    def test_output_to_dev_stdout_writes_through_it_and_leaves_the_device(self):
        p = run_bytes(["check", "--json", "--output", "/dev/stdout"])
        self.assertEqual((p.returncode, p.stderr), (0, b""))
        self.assertEqual(json.loads(p.stdout)["schema_version"], 1)
        self.assertTrue(os.path.islink("/dev/stdout"))

    def test_output_to_dev_stdout_appends_to_a_file_opened_for_appending(self):
        path = os.path.join(self.dir, "log.jsonl")
        with open(path, "w") as f:
            f.write("first\n")
        with open(path, "ab") as f:
            p = run_bytes(["check", "--json", "--output", "/dev/stdout"], stdout=f)
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(path) as f:
            first, second = f.read().splitlines()
        self.assertEqual(first, "first")
        self.assertEqual(json.loads(second)["schema_version"], 1)

    def test_output_to_a_fifo_with_a_reader_writes_into_it(self):
        fifo = os.path.join(self.dir, "fifo")
        os.mkfifo(fifo)
        p = subprocess.Popen([BIN, "check", "--json", "--output", fifo], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        with open(fifo, "rb") as f:
            data = f.read()
        _, err = p.communicate(timeout=30)
        self.assertEqual(p.returncode, 0)
        # Started before its reader, it may say that it waits for one.
        self.assertIn(err, (b"", b"sciatica: %s is a FIFO: waiting up to 10 seconds for a "
                                 b"reader\n" % fifo.encode()))
        self.assertEqual(json.loads(data)["schema_version"], 1)
        self.assertTrue(stat.S_ISFIFO(os.stat(fifo).st_mode))

    def test_output_to_a_fifo_nobody_reads_says_so_and_gives_up(self):
        fifo = os.path.join(self.dir, "fifo")
        os.mkfifo(fifo)
        start = time.time()
        p = run_bytes(["check", "--output", fifo], timeout=30)
        self.assertLess(time.time() - start, 20)
        self.assertEqual(p.stderr.decode(),
                         "sciatica: %s is a FIFO: waiting up to 10 seconds for a reader\n"
                         "sciatica: error: %s: cannot write: it is a FIFO and nothing read from "
                         "it for 10 seconds\n" % (fifo, fifo))
        self.assertEqual(p.returncode, 74)
        self.assertTrue(stat.S_ISFIFO(os.stat(fifo).st_mode))

    def test_a_writable_file_in_a_read_only_directory_says_why_it_cannot_be_replaced(self):
        path = os.path.join(self.dir, "r.json")
        with open(path, "w") as f:
            f.write("old\n")
        os.chmod(path, 0o666)
        os.chmod(self.dir, 0o555)
        command = [BIN, "check", "--output", path]
        if os.geteuid() == 0:
            if shutil.which("setpriv") is None:
                self.skipTest("root writes anywhere and setpriv is missing")
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command
        try:
            p = subprocess.run(command, capture_output=True, timeout=60)
        finally:
            os.chmod(self.dir, 0o700)
        self.assertEqual(p.stderr.decode(),
                         "sciatica: error: %s: cannot write it atomically: cannot create a "
                         "temporary file in %s (Permission denied); the directory must be "
                         "writable\n" % (path, self.dir))
        self.assertEqual(p.returncode, 74)
        with open(path) as f:
            self.assertEqual(f.read(), "old\n")

    def test_help_and_version_on_a_full_disk_exit_74(self):
        for args in (["--help"], ["--version"], ["check", "--help"]):
            with self.subTest(args), open("/dev/full", "wb") as full:
                p = run_bytes(args, stdout=full)
                self.assertEqual(p.stderr.decode(), "sciatica: error: cannot write the output: "
                                                    "No space left on device\n")
                self.assertEqual(p.returncode, 74)


class Batch(unittest.TestCase):
    """`batch` puts a bad line's error in its place on stdout."""

    def test_an_error_line_stays_valid_utf8_json_whatever_the_input_held(self):
        p = run_bytes(["batch"], b'{"case_id": "\xff", "leg_pain": true}\n')
        self.assertEqual(p.returncode, 65)
        line = json.loads(p.stdout.decode("utf-8"))
        self.assertEqual(line["line"], 1)
        self.assertIn("last read: '\"\\xff'", line["error"])

    def test_a_fifo_nobody_writes_to_is_empty_input_not_a_hang(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "fifo")
            os.mkfifo(path)
            p = run_bytes(["batch", path], timeout=10)
            self.assertEqual((p.returncode, p.stdout, p.stderr), (0, b"", b""))

    def test_an_endless_line_stops_at_the_line_limit(self):
        p = run_bytes(["batch", "/dev/zero"], timeout=30)
        self.assertEqual(p.stdout, b'{"schema_version":1,"line":1,"error":"/dev/zero:1: the line is longer than '
                                   b'1048576 bytes"}\n')
        self.assertEqual(p.stderr.decode(), "sciatica: error: /dev/zero:1: the line is longer "
                                            "than 1048576 bytes; stopped reading there\n")
        self.assertEqual(p.returncode, 65)

    def test_a_long_line_is_refused_alike_from_a_file_and_from_a_slow_pipe(self):
        data = (b'{"leg_pain": true}\n{"case_id": "' + b"x" * (1024 * 1024 + 10000) + b'"}\n'
                b'{"leg_pain": true}\n')
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "long.jsonl")
            with open(path, "wb") as f:
                f.write(data)
            from_file = run_bytes(["batch", path])
        p = subprocess.Popen([BIN, "batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        try:
            for i in range(0, len(data), 4096):
                p.stdin.write(data[i:i + 4096])
                p.stdin.flush()
            p.stdin.close()
        except BrokenPipeError:
            # It stopped reading at the long line, as it should, and exited.
            try:
                p.stdin.close()
            except BrokenPipeError:
                pass
        slow_out, slow_err = p.stdout.read(), p.stderr.read()
        p.wait(timeout=30)
        for out, err, code, name in ((from_file.stdout, from_file.stderr, from_file.returncode,
                                      path), (slow_out, slow_err, p.returncode, "<stdin>")):
            lines = out.splitlines()
            self.assertEqual(len(lines), 2)
            self.assertEqual(json.loads(lines[1]), {
                "schema_version": 1, "line": 2,
                "error": name + ":2: the line is longer than 1048576 bytes"})
            self.assertEqual(code, 65)
            self.assertEqual(err.decode(), "sciatica: error: %s:2: the line is longer than "
                                           "1048576 bytes; stopped reading there\n" % name)

    def test_a_coprocess_gets_each_result_before_it_writes_the_next_line(self):
        for flags in ([], ["--line-buffered"]):
            with self.subTest(flags):
                p = subprocess.Popen([BIN, "batch", *flags], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                try:
                    for case in (1, 2, 3):
                        p.stdin.write(b'{"case_id": %d, "leg_pain": true}\n' % case)
                        p.stdin.flush()
                        ready, _, _ = select.select([p.stdout], [], [], 10)
                        self.assertTrue(ready, "no result for line %d" % case)
                        self.assertEqual(json.loads(p.stdout.readline())["case_id"], case)
                finally:
                    p.stdin.close()
                    p.stdout.read()
                    p.stderr.read()
                    p.wait(timeout=10)
                self.assertEqual(p.returncode, 0)

    def test_sigint_and_sigterm_finish_the_line_write_whole_lines_and_exit_130_143(self):
        for sig, code, name in ((signal.SIGINT, 130, "SIGINT"), (signal.SIGTERM, 143, "SIGTERM")):
            with self.subTest(name):
                p = subprocess.Popen([BIN, "batch"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                p.stdin.write(b'{"case_id": 1, "leg_pain": true}\n{"case_id": 2, "leg_')
                p.stdin.flush()
                self.assertEqual(json.loads(p.stdout.readline())["case_id"], 1)
                p.send_signal(sig)
                out, err = p.communicate(timeout=10)
                self.assertEqual(out, b"")
                self.assertEqual(err.decode(), "sciatica: error: interrupted by %s after 1 "
                                               "cases; their results were written\n" % name)
                self.assertEqual(p.returncode, code)

    def sigterm_behind_a_stalled_reader(self, close_the_pipe):
        """(seconds from SIGTERM to the end, exit code, stderr) of a batch
        blocked on a full pipe nobody reads, which is then closed when
        `close_the_pipe`. The input comes from a file, so the test never
        blocks writing it."""
        with tempfile.TemporaryFile() as cases:
            cases.write(b'{"leg_pain": true}\n' * 20000)  # far more than a pipe holds
            cases.seek(0)
            read_end, write_end = os.pipe()
            p = subprocess.Popen([BIN, "batch"], stdin=cases, stdout=write_end,
                                 stderr=subprocess.PIPE)
            os.close(write_end)
            try:
                time.sleep(1.0)
                self.assertIsNone(p.poll(), "batch should be blocked on the stalled reader")
                start = time.monotonic()
                p.send_signal(signal.SIGTERM)
                if close_the_pipe:
                    os.close(read_end)
                p.wait(timeout=5)
                took = time.monotonic() - start
            finally:
                p.kill()
                p.wait()
                if not close_the_pipe:
                    os.close(read_end)
            err = p.stderr.read().decode()
            p.stderr.close()
        return took, p.returncode, err

    def test_sigterm_behind_a_stalled_reader_ends_within_a_second_with_143(self):
        took, code, err = self.sigterm_behind_a_stalled_reader(close_the_pipe=False)
        self.assertLess(took, 1.0)
        self.assertEqual(code, 143, err)
        self.assertRegex(err, r"^sciatica: error: interrupted by SIGTERM after \d+ cases; "
                              r"standard output was not being read, so some of their results "
                              r"were not written\n$")

    def test_sigterm_behind_a_reader_that_then_closes_the_pipe_exits_74(self):
        took, code, err = self.sigterm_behind_a_stalled_reader(close_the_pipe=True)
        self.assertLess(took, 1.0)
        self.assertEqual(code, 74, err)
        self.assertRegex(err, r"^sciatica: error: interrupted by SIGTERM after \d+ cases, and "
                              r"standard output was closed before their results were written\n$")

    def test_a_numeric_case_id_comes_back_with_the_same_digits(self):
        ids = [b"123456789012345678901234567890", b"123456789012345678901234567891", b"1.50",
               b"-0", b"1E+2"]
        lines = b"".join(b'{"case_id": %s, "leg_pain": true}\n' % i for i in ids)
        # An escaped value sends a line through the full JSON parser.
        lines += b"".join(b'{"pain_side": "l\\u0065ft", "case_id": %s}\n' % i for i in ids)
        p = run_bytes(["batch"], lines)
        self.assertEqual(p.returncode, 0, p.stderr)
        echoed = [line[len(b'{"case_id":'):line.index(b',"schema_version"')]
                  for line in p.stdout.splitlines()]
        self.assertEqual(echoed, ids + ids)

    def test_a_structured_case_id_comes_back_as_given(self):
        given = b'[123456789012345678901234567890, 1.50]'
        p = run_bytes(["batch"], b'{"case_id": %s, "leg_pain": true}\n' % given)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(p.stdout.startswith(b'{"case_id":' + given + b',"schema_version"'),
                        p.stdout[:80])

    def test_a_key_twice_inside_a_case_id_fails_its_line(self):
        p = run_bytes(["batch"], b'{"case_id": {"a": 1, "a": 2}, "leg_pain": true}\n')
        self.assertEqual(p.returncode, 65)
        self.assertEqual(json.loads(p.stdout), {"schema_version": 1, "line": 1,
                         "error": "<stdin>:1: the case_id has the key 'a' twice"})

    def test_a_nul_byte_or_a_duplicate_key_fails_only_its_own_line(self):
        p = run_bytes(["batch"], b'{"leg_pain": true}\x00, "saddle_numbness": true}\n'
                                 b'{"saddle_numbness": true, "saddle_numbness": false}\n'
                                 b'{"case_id": 1, "case_id": 2}\n{"leg_pain": true}\n')
        out = [json.loads(line) for line in p.stdout.splitlines()]
        self.assertEqual(out[:3], [
            {"schema_version": 1, "line": 1,
             "error": "<stdin>:1: the text contains a NUL byte (at byte 19)"},
            {"schema_version": 1, "line": 2, "error": "<stdin>:2: duplicate answer 'saddle_numbness'"},
            {"schema_version": 1, "line": 3, "error": "<stdin>:3: duplicate answer 'case_id'"}])
        self.assertEqual(out[3]["schema_version"], 1)
        self.assertEqual(p.returncode, 65)


class History(unittest.TestCase):
    """The history rows of the README's bad-input table (issue 20)."""

    def setUp(self):
        self._dir = tempfile.TemporaryDirectory()
        self.env = dict(os.environ, NO_COLOR="1", XDG_DATA_HOME=self._dir.name)
        self.db = os.path.join(self._dir.name, "sciatica", "history.sqlite3")

    def tearDown(self):
        self._dir.cleanup()

    def run_(self, *args):
        return subprocess.run([BIN, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=self.env, timeout=60)

    def save_and_sql(self, statement):
        self.assertEqual(self.run_("check", "--save", "--answer", "pain_score=2").returncode, 0)
        import sqlite3
        db = sqlite3.connect(self.db)
        db.execute(statement)
        db.commit()
        db.close()

    def assert_error(self, args, code, message):
        p = self.run_(*args)
        self.assertEqual((p.returncode, p.stderr.decode()),
                         (code, "sciatica: error: " + message + "\n"), args)

    def test_a_damaged_row_is_bad_data_naming_the_check(self):
        self.save_and_sql("UPDATE checks SET result = json_set(result, '$.urgency', 3)")
        for args in (["history"], ["report"], ["history", "show", "1"]):
            self.assert_error(args, 65, "the history %s: the result of check 1 is damaged "
                              "('urgency' is not text)" % self.db)

    def test_a_stored_time_that_is_not_utf8_is_bad_data(self):
        self.save_and_sql("UPDATE checks SET at = CAST(X'ff3a' AS TEXT)")
        self.assert_error(["history", "export"], 65, "the history %s: the time of check 1 is "
                          "damaged (not UTF-8)" % self.db)

    def test_a_negative_schema_version_is_damage_not_a_crash(self):
        self.save_and_sql("PRAGMA user_version = -1")
        self.assert_error(["history"], 65, "the history %s is damaged (its schema version is "
                          "-1, which no sciatica writes); it was left as it is: move it away "
                          "to start afresh" % self.db)

    def test_forget_of_a_word_is_a_usage_error_with_or_without_a_history(self):
        said = "'abc' is not a check id: use a number from sciatica history"
        self.assert_error(["history", "forget", "abc"], 64, said)
        self.save_and_sql("SELECT 1")
        self.assert_error(["history", "forget", "abc"], 64, said)

    def test_an_empty_report_output_is_a_usage_error(self):
        self.save_and_sql("SELECT 1")
        self.assert_error(["report", "--output", ""], 64, "--output: must not be empty")

    def test_a_report_with_a_250_byte_file_name_is_written(self):
        self.save_and_sql("SELECT 1")
        path = os.path.join(self._dir.name, "r" * 250)
        p = self.run_("report", "--output", path)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)

    def test_control_bytes_in_a_stored_cause_name_are_shown_as_hex(self):
        self.save_and_sql("UPDATE checks SET result = json_set(result, '$.causes', json("
                          "'[{\"id\":\"disc\",\"name\":\"Disc\\u001b]0;T\",\"summary\":\"s\","
                          "\"score\":1,\"because\":[]}]'))")
        p = self.run_("history")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertNotIn(b"\x1b", p.stdout)
        self.assertIn(b"Disc\\x1b]", p.stdout)


class RulesLint(unittest.TestCase):
    """`rules lint` reports on stdout, so its rows do not fit the table."""

    def setUp(self):
        self._dir = tempfile.TemporaryDirectory()
        self.dir = self._dir.name

    def tearDown(self):
        self._dir.cleanup()

    def test_lint_json_with_a_file_name_that_is_not_utf8_is_still_json(self):
        path = os.path.join(self.dir.encode(), b"bad\xff.yaml")
        with open(path, "wb") as f:
            f.write(b"a: 1\n")
        p = subprocess.run([BIN, "rules", "lint", "--format", "json", path],
                           capture_output=True, timeout=60)
        self.assertEqual(p.returncode, 65, p.stderr)
        self.assertIn("bad\ufffd.yaml", json.loads(p.stdout)["diagnostics"][0]["file"])

    def test_lint_does_not_echo_control_bytes_from_the_file(self):
        path = os.path.join(self.dir, "r.yaml")
        with open(path, "wb") as f:
            f.write(b'a: "\xff\x1b[31m"\n')
        p = subprocess.run([BIN, "rules", "lint", path], capture_output=True, timeout=60)
        self.assertEqual(p.stdout.decode(), path + ":1:5: error: the text is not valid UTF-8\n")
        self.assertEqual(p.returncode, 65)

    def test_lint_shows_control_bytes_in_a_file_name_as_hex(self):
        path = os.path.join(self.dir, "bad\x1b]0;T\x07.yaml")
        with open(path, "wb") as f:
            f.write(b"format: [x\n")
        p = subprocess.run([BIN, "rules", "lint", path], capture_output=True, timeout=60)
        shown = os.path.join(self.dir, "bad\\x1b]0;T\\x07.yaml")
        self.assertEqual(p.stdout.decode(),
                         shown + ":2:1: error: end of sequence flow not found\n\n^\n")
        self.assertEqual(p.returncode, 65)


if __name__ == "__main__":
    unittest.main()
