"""End-to-end tests of the interview: the real binary at a pseudo-terminal,
answered key by key as a person would."""
import json
import os
import resource
import signal
import unittest

import yaml

from pty_support import Session, group_items, group_reply, last_question
from support import SOURCE_DIR, run

with open(os.path.join(SOURCE_DIR, "rules", "default.yaml"), encoding="utf-8") as f:
    RULES = yaml.safe_load(f)

BACK = "Do you have pain in your lower back?"
BUTTOCK = "Do you have pain in one or both buttocks?"
LEG = "Does pain spread from your back or buttock into your leg?"
BELOW_KNEE = "Does the leg pain go below your knee?"
BLADDER = "Since the pain began, have you had any new trouble with your bladder"
SEX = "What sex were you registered at birth?"
QUESTIONS = [q["prompt"] for q in json.loads(run("questions", "--json").stdout)["questions"]]


def answer_all(session, reply_for):
    """Answers every question with reply_for(prompt), each item of a group
    screen too; returns the prompts seen (a group's items one by one)."""
    prompts = []
    while len(prompts) < 100:
        chunk = session.wait_prompt()
        if chunk is None:
            return prompts
        items = group_items(chunk)
        if items:
            prompts.extend(items)
            session.type(group_reply([reply_for(item) for item in items]) + "\n")
            continue
        prompt = last_question(chunk) or prompts[-1]  # None: the same one again
        prompts.append(prompt)
        session.type(reply_for(prompt) + "\n")
    session.kill()
    raise AssertionError("the interview did not end; screen:\n" + session.screen[-2000:])


class Interview(unittest.TestCase):
    def test_a_full_interview_typed_answer_by_answer_gives_a_json_result(self):
        s = Session("check", "--format", "json")
        numbers = {"How old are you?": "35", "How many weeks have you had this pain?": "2"}
        numbers["Which side is the pain on?"] = "left"
        numbers[SEX] = "male"
        numbers[[p for p in QUESTIONS if p.startswith("How bad is the pain")][0]] = "4"
        prompts = answer_all(s, lambda p: "yes" if p in (BACK, LEG, BELOW_KNEE) else
                             numbers.get(p, "no"))
        code, out = s.finish()
        self.assertEqual(code, 0)
        result = json.loads(out)
        self.assertEqual(result["urgency"], "self-care")
        self.assertEqual(result["causes"][0]["id"], "herniated-disc")
        self.assertEqual(len(result["asked"]), len(prompts))
        self.assertEqual(result["asked"][:3], ["back_pain", "buttock_pain", "leg_pain"])

    def test_prompts_go_to_the_terminal_and_stdout_carries_only_the_result(self):
        s = Session("check")
        answer_all(s, lambda p: "")
        code, out = s.finish()
        self.assertEqual(code, 0)
        self.assertNotIn("Answer each question", out)
        self.assertIn("Answer each question", s.screen)
        # Every warning sign left unanswered: said first, never reassurance.
        self.assertTrue(out.startswith("Some warning signs could not be ruled out"))

    def test_the_result_after_an_interview_has_no_ids_or_command_syntax(self):
        # Issue 19: words for people. The same answers given as flags keep
        # their ids (tests/e2e/test_text_result.py).
        s = Session("check", columns=80)
        answer_all(s, lambda p: "yes" if p in (BACK, LEG) else "")
        code, out = s.finish()
        self.assertEqual(code, 0)
        self.assertLessEqual(len(out.splitlines()), 40, out)
        for syntax in ("--answer", "ID=VALUE", "bladder_or_bowel_change", "_weeks", "--details"):
            self.assertNotIn(syntax, out)
        screen = s.screen.split("Answer each question")[-1]
        self.assertNotIn("--answer", screen)

    def test_an_invalid_answer_is_explained_and_asked_again(self):
        s = Session("check", "--format", "json")
        s.wait_prompt()
        s.type("perhaps\n")
        chunk = s.wait_prompt()
        self.assertIn("Sorry: 'perhaps' is not an answer; expected yes or no.", chunk)
        s.type("YES\n")
        self.assertEqual(last_question(s.wait_prompt()), BUTTOCK)
        s.ctrl_c()
        s.finish()

    def test_a_number_out_of_range_is_asked_again(self):
        s = Session("check", "--format", "json", "--answer", "back_pain=no",
                    "--answer", "buttock_pain=no", "--answer", "leg_pain=no")
        chunk = s.wait_prompt()
        while "old are you" not in last_question(chunk):
            s.type("no\n")
            chunk = s.wait_prompt()
        s.type("130\n")
        chunk = s.wait_prompt()
        self.assertIn("Sorry: 130 is out of range; expected a whole number from 0 to 120.", chunk)
        s.ctrl_c()
        s.finish()

    def test_a_choice_can_be_given_by_number(self):
        s = Session("check", "--format", "json", "--answer", "leg_pain=yes",
                    "--answer", "pain_below_knee=yes", "--answer", "back_pain=yes",
                    "--answer", "buttock_pain=no")
        chunk = s.wait_prompt()
        self.assertEqual(last_question(chunk), "Which side is the pain on?")
        self.assertIn("1) left 2) right 3) both", chunk)
        s.type("1\n")
        answer_all(s, lambda p: "")
        code, out = s.finish()
        self.assertIn({"question": "pain_side", "answer": "left"},
                      [b for c in json.loads(out)["causes"] for b in c["because"]])

    def test_a_question_mark_shows_the_help_and_asks_again(self):
        s = Session("check", "--format", "json")
        s.wait_prompt()
        s.type("?\n")
        chunk = s.wait_prompt()
        self.assertIn("The lower back is the part of your back between your ribs", chunk)
        self.assertIsNone(last_question(chunk))
        s.ctrl_c()
        s.finish()

    def test_b_goes_back_to_the_previous_question(self):
        s = Session("check", "--format", "json")
        s.wait_prompt()
        s.type("y\n")
        self.assertEqual(last_question(s.wait_prompt()), BUTTOCK)
        s.type("b\n")
        self.assertEqual(last_question(s.wait_prompt()), BACK)
        s.type("n\n")
        self.assertEqual(last_question(s.wait_prompt()), BUTTOCK)
        s.ctrl_c()
        s.finish()

    def test_an_empty_answer_is_dont_know_and_never_no(self):
        s = Session("check", "--format", "json")
        answer_all(s, lambda p: "")
        code, out = s.finish()
        result = json.loads(out)
        self.assertIn("bladder_or_bowel_change", result["asked"])
        self.assertIn("bladder_or_bowel_change", result["unanswered"])

    def test_an_emergency_answer_ends_the_interview_and_shows_the_advice(self):
        s = Session("check", "--format", "json")
        prompts = answer_all(s, lambda p: "y" if p.startswith(BLADDER) else "")
        code, out = s.finish()
        self.assertEqual(code, 0)
        # After the emergency answer (on the warning-signs screen, issue 19),
        # only what could lift it is asked: whether the signs are long-standing
        # and stable (GIRFT); "don't know" keeps it.
        self.assertTrue(any(p.startswith(BLADDER) for p in prompts))
        # Issue 18: it names the signs the person said yes to.
        self.assertTrue(prompts[-1].startswith("Have all of the signs you said yes to been there"))
        self.assertIn("You said: trouble with your bladder or bowels since the pain began.",
                      s.screen)
        self.assertIn("Go to an emergency department now", s.screen.split(BLADDER)[-1])
        result = json.loads(out)
        self.assertEqual(result["urgency"], "emergency")
        self.assertIn("bladder_or_bowel_change", result["asked"])
        self.assertEqual(result["asked"][-1], "cauda_equina_signs_longstanding")

    def test_ctrl_d_stops_with_exit_66_and_no_result(self):
        # Issue 19: stopping is the person's choice, not an error; the signs
        # that mean "go now" are said again on the way out.
        s = Session("check", "--format", "json")
        s.wait_prompt()
        s.ctrl_d()
        code, out = s.finish()
        self.assertEqual((code, out), (66, ""))
        self.assertIn(RULES["texts"]["stopped"], s.screen)
        self.assertNotIn("error", s.screen)
        self.assertIn(RULES["texts"]["emergency_signs_heading"], s.screen)
        for sign in RULES["emergency_signs"]:
            self.assertIn(sign.split()[0], s.screen)

    def test_a_key_sent_as_soon_as_the_prompt_shows_is_taken(self):
        # The line editor used to write its prompt in line mode and leave it
        # only afterwards; Ctrl-D sent in between (by a script, or a person
        # on a slow machine) became a NUL byte and the check waited for ever
        # (CI, sanitizer build). strace slows every system call enough to
        # lose that race each time, so the check is run under it.
        import shutil
        import subprocess
        import pty_support
        strace = shutil.which("strace")
        if strace is None or subprocess.run([strace, "-o", "/dev/null", "true"],
                                            capture_output=True).returncode != 0:
            self.skipTest("strace cannot trace here")
        # LeakSanitizer cannot run under a tracer (the sanitizer build).
        asan = os.environ.get("ASAN_OPTIONS", "")
        env = {"ASAN_OPTIONS": (asan + ":" if asan else "") + "detect_leaks=0"}
        for _ in range(3):
            s = Session("check", "--format", "json", env=env,
                        program=[strace, "-o", "/dev/null", pty_support.BIN])
            s.wait_prompt(editor=False)  # send at once, as a script would
            s.ctrl_d()
            code, out = s.finish(timeout=20)
            self.assertEqual((code, out), (66, ""))
            self.assertIn(RULES["texts"]["stopped"], s.screen)

    def held_writes(self):
        """A session of `check` under strace, which holds each of the
        program's writes for a tenth of a second after making it (and stops
        it at nothing else): a key sent on seeing a question comes before
        its prompt, every time. Skips the test where strace cannot do it."""
        import shutil
        import subprocess
        import pty_support
        strace = shutil.which("strace")
        hold = ["-f", "--seccomp-bpf", "-e", "trace=write", "-e",
                "inject=write:delay_exit=100000", "-o", "/dev/null"]
        if strace is None or subprocess.run([strace, *hold, "true"],
                                            capture_output=True).returncode != 0:
            self.skipTest("strace cannot hold writes here")
        # LeakSanitizer cannot run under a tracer (the sanitizer build).
        asan = os.environ.get("ASAN_OPTIONS", "")
        env = {"ASAN_OPTIONS": (asan + ":" if asan else "") + "detect_leaks=0"}
        return Session("check", "--format", "json", env=env,
                       program=[strace, *hold, pty_support.BIN])

    def test_a_reply_sent_before_the_next_prompt_shows_is_shown_once(self):
        # Between two prompts the terminal was back in line mode, with its own
        # echo: a reply typed ahead, or sent by a script as soon as the
        # question showed, was echoed by the terminal and again by the line
        # editor when it read it ("yes" above the prompt and after it).
        s = self.held_writes()
        s.wait_prompt(timeout=30)
        s.type("yes\n")
        s.wait_for(BUTTOCK, timeout=30)
        s.type("yes\n")  # its prompt is not written yet
        s.wait_for("\n3. ", timeout=30)
        s.ctrl_c()
        s.finish(timeout=30)
        shown = s.screen.split(BUTTOCK)[1].split("\n3. ")[0]
        self.assertEqual(shown.count("yes"), 1, shown)

    def test_sigterm_between_two_prompts_leaves_the_terminal_in_line_mode(self):
        # Out of the editor (which puts line mode back on a signal itself)
        # the terminal is out of line mode between two prompts; SIGTERM
        # there used to leave it so, with no echo, for the shell.
        s = self.held_writes()
        s.wait_prompt(timeout=30)
        s.type("yes\n")
        s.wait_for(BUTTOCK, timeout=30)
        tracer = s.proc.pid  # strace: the signal is for the program it runs
        with open("/proc/%d/task/%d/children" % (tracer, tracer)) as children:
            os.kill(int(children.read().split()[0]), signal.SIGTERM)  # before its prompt
        self.assertEqual(s.wait_exit(timeout=30), -signal.SIGTERM)
        self.assertTrue(s.line_mode())
        s.finish()

    def test_the_terminal_is_left_in_line_mode_however_the_interview_ends(self):
        # Between its prompts the interview keeps the terminal out of line
        # mode; the shell after it reads in line mode (and the save question:
        # test_history.py).
        def answered(s):
            answer_all(s, lambda p: "")

        def stopped(s):
            s.wait_prompt()
            s.ctrl_d()

        def interrupted(s):
            s.wait_prompt()
            s.ctrl_c()

        def terminated(s):
            s.wait_prompt()
            s.proc.send_signal(signal.SIGTERM)

        def quit_(s):  # Ctrl-\, with no core file left behind
            s.wait_prompt()
            s.type("\x1c")

        soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
        resource.setrlimit(resource.RLIMIT_CORE, (0, hard))
        self.addCleanup(resource.setrlimit, resource.RLIMIT_CORE, (soft, hard))
        for end, code in ((answered, 0), (stopped, 66), (interrupted, 130),
                          (terminated, -signal.SIGTERM), (quit_, -signal.SIGQUIT)):
            with self.subTest(end.__name__):
                s = Session("check", "--format", "json")
                end(s)
                self.assertEqual(s.wait_exit(), code)
                self.assertTrue(s.line_mode())
                s.finish()

    def test_ctrl_c_exits_130_at_once_with_no_result(self):
        s = Session("check", "--format", "json")
        s.wait_prompt()
        s.type("y\n")
        s.wait_prompt()
        s.ctrl_c()
        code, out = s.finish()
        self.assertEqual((code, out), (130, ""))

    def test_answers_given_as_flags_are_not_asked_again(self):
        s = Session("check", "--format", "json", "--answer", "back_pain=yes",
                    "--answer", "leg_pain=no")
        prompts = answer_all(s, lambda p: "")
        code, out = s.finish()
        self.assertNotIn(BACK, prompts)
        self.assertNotIn(LEG, prompts)
        self.assertEqual(last_question("1. " + prompts[0]), BUTTOCK)
        self.assertNotIn("back_pain", json.loads(out)["asked"])

    def test_nothing_is_asked_when_a_given_answer_is_already_an_emergency(self):
        s = Session("check", "--format", "json", "--answer", "saddle_numbness=yes",
                    "--answer", "cauda_equina_signs_longstanding=no")
        self.assertIsNone(s.wait_prompt())
        code, out = s.finish()
        self.assertEqual((code, s.screen), (0, ""))
        self.assertEqual(json.loads(out)["urgency"], "emergency")

    def test_no_input_never_prompts_even_at_a_terminal(self):
        s = Session("check", "--format", "json", "--no-input")
        self.assertIsNone(s.wait_prompt())
        code, out = s.finish()
        self.assertEqual(code, 0)
        self.assertEqual(json.loads(out)["asked"], [])


class PipedInput(unittest.TestCase):
    def test_piped_stdin_never_prompts(self):
        p = run("check", "--format", "json", stdin="yes\nyes\n")
        self.assertEqual(p.returncode, 0)
        self.assertEqual(p.stderr, "")
        self.assertEqual(json.loads(p.stdout)["asked"], [])


if __name__ == "__main__":
    unittest.main()
