"""The interview's keys as a person meets them at a terminal: the one-line
hint, 'b' showing the earlier answer, durations in any unit, and the
emergency advice said once."""
import json
import unittest

from pty_support import QUESTION, Session, group_items, last_question
from test_interview import BACK, BELOW_KNEE, BLADDER, BUTTOCK, LEG, answer_all

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
        # Issue 19: Enter alone keeps the earlier answer, never "don't know".
        s.type("\n")
        self.assertEqual(last_question(s.wait_prompt()), BUTTOCK)
        s.type("b\n")
        self.assertIn("You answered: yes", s.wait_prompt())
        s.type("no\n")
        self.assertEqual(last_question(s.wait_prompt()), BUTTOCK)
        s.type("b\n")
        self.assertIn("You answered: no", s.wait_prompt())
        s.ctrl_c()
        s.finish()

    def test_usual_words_for_yes_no_and_not_sure_are_understood(self):
        for reply, answer in (("yeah", True), ("Nope.", False), ("not sure", None),
                              ("don't know", None), ("dunno", None), ("yep", True),
                              ("don\u2019t know", None)):
            with self.subTest(reply):
                s = Session("check", "--format", "json", "--answer", "back_pain=yes",
                            "--answer", "leg_pain=yes", "--answer", "pain_below_knee=yes")
                asked = answer_all(s, lambda p: reply if p == BUTTOCK else "")
                code, out = s.finish()
                self.assertIn(BUTTOCK, asked)
                self.assertNotIn("Sorry", s.screen)
                self.assertEqual(json.loads(out)["answers"].get("buttock_pain"), answer)

    def test_a_word_for_yes_is_recorded_as_yes(self):
        s = Session("check", "--format", "json")
        answer_all(s, lambda p: "yeah" if p in (BACK, LEG) else
                   "nope" if p in (BUTTOCK, BELOW_KNEE) else "")
        code, out = s.finish()
        answers = json.loads(out)["answers"]
        self.assertEqual(answers["back_pain"], True)
        self.assertEqual(answers["buttock_pain"], False)

    def test_arrow_keys_edit_the_line_instead_of_becoming_part_of_it(self):
        s = Session("check", "--format", "json")
        s.wait_prompt()
        s.type("ys\x1b[De\n")  # y, s, Left, e: "yes"
        chunk = s.wait_prompt()
        self.assertNotIn("Sorry", chunk)
        self.assertEqual(last_question(chunk), BUTTOCK)
        s.ctrl_c()
        s.finish()

    def test_help_explains_the_keys(self):
        s = Session("check", "--format", "json")
        s.wait_prompt()
        s.type("help\n")
        chunk = s.wait_prompt()
        self.assertIn("Press Enter alone if you are not sure", " ".join(chunk.split()))
        self.assertIsNone(last_question(chunk))
        s.ctrl_c()
        s.finish()

    def test_at_the_end_the_unanswered_questions_that_matter_can_be_answered(self):
        s = Session("check", "--format", "json", "--answer", "back_pain=yes",
                    "--answer", "buttock_pain=no", "--answer", "leg_pain=yes")
        first, number = None, 0
        while True:
            chunk = s.wait_prompt()
            self.assertIsNotNone(chunk, s.screen[-2000:])
            if "Go back to them now?" in " ".join(chunk.split()):
                break
            first = first or last_question(chunk)
            number = int(QUESTION.findall(chunk)[-1][0]) if QUESTION.findall(chunk) else number
            s.type("\n")
        s.type("y\n")
        chunk = s.wait_prompt()
        self.assertEqual(last_question(chunk), first)
        self.assertEqual(int(QUESTION.findall(chunk)[-1][0]), number + 1)  # numbering goes on
        s.type("left\n")
        answer_all(s, lambda p: "")
        code, out = s.finish()
        self.assertEqual(code, 0)
        result = json.loads(out)
        self.assertEqual(result["answers"]["pain_side"], "left")
        self.assertEqual(len(result["asked"]), len(set(result["asked"])))
        # Offered once only: the second round ended without asking again.
        self.assertEqual(s.screen.count("Go back to them now?"), 1)

    def test_a_duration_in_days_is_converted_to_weeks(self):
        s = Session("check", "--format", "json")
        prompts = answer_all(s, replies("3 days"))
        code, out = s.finish()
        self.assertEqual(code, 0)
        self.assertIn(WEEKS, prompts)
        self.assertIn("= about 3 days", s.screen)  # said back in words, not "0.43 weeks"
        self.assertNotIn("0.43", s.screen)
        self.assertNotIn("long-duration", [r["id"] for r in json.loads(out)["urgency_rules"]])

    def test_a_duration_in_months_or_years_counts_as_weeks(self):
        for duration, words in (("2 months", "about 2 months"),
                                ("1.5 years", "about 18 months"), ("3 years", "about 3 years")):
            with self.subTest(duration):
                s = Session("check", "--format", "json")
                answer_all(s, replies(duration))
                code, out = s.finish()
                self.assertIn("= " + words, s.screen)
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


GIVEN = ["--answer", "back_pain=yes", "--answer", "buttock_pain=no", "--answer", "leg_pain=yes",
         "--answer", "pain_below_knee=yes", "--answer", "pain_side=left",
         "--answer", "sciatica_both_legs=no", "--answer", "age=35",
         "--answer", "sex_at_birth=male", "--answer", "pain_duration_weeks=2"]


def first_group(session):
    """Answers Enter until the first group screen; returns its items."""
    for _ in range(40):
        chunk = session.wait_prompt()
        items = group_items(chunk)
        if items:
            return chunk, items
        session.type("\n")
    raise AssertionError("no group screen; screen:\n" + session.screen[-2000:])


class GroupScreens(unittest.TestCase):
    """Issue 19: related warning signs on one numbered screen."""

    def run_group(self, reply):
        s = Session("check", "--format", "json", *GIVEN)
        chunk, items = first_group(s)
        s.type(reply + "\n")
        answer_all(s, lambda p: "")
        code, out = s.finish()
        self.assertEqual(code, 0, s.screen[-2000:])
        return items, json.loads(out)

    def ids(self, result, count):
        """The ids of the first group's items: the first `count` asked that
        are yes/no questions asked after the given answers."""
        return result["asked"][:count]

    def test_the_numbers_given_are_yes_and_the_rest_no(self):
        items, result = self.run_group("2 3")
        self.assertGreaterEqual(len(items), 3)
        ids = self.ids(result, len(items))
        answers = result["answers"]
        self.assertEqual([answers.get(i) for i in ids],
                         [False, True, True] + [False] * (len(items) - 3))

    def test_a_number_with_a_question_mark_stays_unknown_never_no(self):
        items, result = self.run_group("1?")
        ids = self.ids(result, len(items))
        self.assertNotIn(ids[0], result["answers"])
        self.assertIn(ids[0], result["unanswered"])
        self.assertEqual([result["answers"].get(i) for i in ids[1:]], [False] * (len(ids) - 1))

    def test_enter_leaves_every_item_unknown_and_0_says_none(self):
        items, result = self.run_group("")
        ids = self.ids(result, len(items))
        self.assertEqual([i for i in ids if i in result["answers"]], [])
        items, result = self.run_group("0")
        self.assertEqual([result["answers"].get(i) for i in self.ids(result, len(items))],
                         [False] * len(items))

    def test_each_item_is_its_own_question_in_asked(self):
        items, result = self.run_group("0")
        self.assertEqual(len(set(result["asked"])), len(result["asked"]))
        self.assertIn("bladder_or_bowel_change", result["asked"][:len(items)])

    def test_an_unusable_reply_is_explained_and_the_screen_asked_again(self):
        s = Session("check", "--format", "json", *GIVEN)
        chunk, items = first_group(s)
        s.type("%d\n" % (len(items) + 1))
        again = s.wait_prompt()
        self.assertIn("Sorry", again)
        self.assertIn("Type the numbers", " ".join(again.split()))
        s.ctrl_c()
        s.finish()

    def test_b_after_a_group_shows_it_again_and_enter_keeps_it(self):
        s = Session("check", "--format", "json", *GIVEN)
        chunk, items = first_group(s)
        s.type("2\n")
        s.wait_prompt()
        s.type("b\n")
        again = s.wait_prompt()
        self.assertEqual(group_items(again), items)
        self.assertIn("You answered: 2.", again)
        s.type("\n")
        answer_all(s, lambda p: "")
        code, out = s.finish()
        result = json.loads(out)
        self.assertEqual(result["answers"].get(result["asked"][1]), True)
        self.assertEqual(len(set(result["asked"])), len(result["asked"]))


if __name__ == "__main__":
    unittest.main()
