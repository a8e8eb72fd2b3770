"""The interview's keys as a person meets them at a terminal: the one-line
hint, 'b' showing the earlier answer, durations in any unit, and the
emergency advice said once."""
import json
import unittest

from pty_support import Session, last_question
from test_interview import BACK, BLADDER, BUTTOCK, LEG, answer_all

HINT = "Enter alone = don't know, b = back, ? = more"
WEEKS = "How many weeks have you had this pain?"


SEX = "What sex were you registered at birth?"


def replies(duration):
    """Yes to the back and leg pain, `duration` for how long, 35 for the age,
    and no to everything else."""
    def reply(prompt):
        if prompt in (BACK, LEG):
            return "yes"
        if prompt == WEEKS:
            return duration
        if prompt == "How old are you?":
            return "35"
        if prompt == "Which side is the pain on?":
            return "left"
        if prompt == SEX:
            return "male"
        if prompt.startswith("How "):
            return ""
        return "no"
    return reply


class Keys(unittest.TestCase):
    def test_the_hint_is_one_line_at_the_start(self):
        s = Session("check", "--format", "json", columns=80)
        chunk = s.wait_prompt()
        first = chunk.splitlines()[0]
        self.assertIn(HINT, first)
        s.ctrl_c()
        s.finish()

    def test_an_invalid_reply_repeats_the_hint(self):
        s = Session("check", "--format", "json")
        s.wait_prompt()
        s.type("perhaps\n")
        self.assertIn(HINT, s.wait_prompt())
        s.ctrl_c()
        s.finish()

    def test_b_shows_what_was_answered_before(self):
        s = Session("check", "--format", "json")
        s.wait_prompt()
        s.type("y\n")
        self.assertEqual(last_question(s.wait_prompt()), BUTTOCK)
        s.type("b\n")
        chunk = s.wait_prompt()
        self.assertEqual(last_question(chunk), BACK)
        self.assertIn("You answered: yes", chunk)
        s.type("\n")
        self.assertEqual(last_question(s.wait_prompt()), BUTTOCK)
        s.type("b\n")
        self.assertIn("You answered: don't know", s.wait_prompt())
        s.ctrl_c()
        s.finish()

    def test_a_duration_in_days_is_converted_to_weeks(self):
        s = Session("check", "--format", "json")
        prompts = answer_all(s, replies("3 days"))
        code, out = s.finish()
        self.assertEqual(code, 0)
        self.assertIn(WEEKS, prompts)
        self.assertIn("= 0.43 weeks", s.screen)
        self.assertNotIn("long-duration", [r["id"] for r in json.loads(out)["urgency_rules"]])

    def test_a_duration_in_months_or_years_counts_as_weeks(self):
        for duration, weeks in (("2 months", "8.7"), ("1.5 years", "78.27")):
            with self.subTest(duration):
                s = Session("check", "--format", "json")
                answer_all(s, replies(duration))
                code, out = s.finish()
                self.assertIn("= %s weeks" % weeks, s.screen)
                self.assertIn("long-duration",
                              [r["id"] for r in json.loads(out)["urgency_rules"]])

    def test_an_emergency_is_said_once_when_the_result_shares_the_screen(self):
        # Issue 18: the advice comes at once, before the question that could
        # lift it; the banner itself only once, with the result.
        s = Session("check", stdout_on_terminal=True, columns=80)
        answer_all(s, lambda p: "y" if p.startswith(BLADDER) else "")
        code, _ = s.finish()
        self.assertEqual(code, 0)
        after = s.screen.split(BLADDER)[-1]
        self.assertEqual(after.count("| Emergency: go to an emergency department now"), 1)
        before_next = after.split("You said:")[0]
        self.assertIn("Go to an emergency department now", before_next)


if __name__ == "__main__":
    unittest.main()
