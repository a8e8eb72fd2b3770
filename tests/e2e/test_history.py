"""Saved checks end to end (issue 12): check --save, history, report and
forget, with XDG_DATA_HOME in a temporary folder."""
import json
import subprocess
import os
import stat
import time
import unittest

from pty_support import Session
from support import BIN, SOURCE_DIR, ScratchDir, run

try:
    import jsonschema
except ImportError:  # python3-jsonschema is in scripts/packages.txt
    jsonschema = None


def history_validator():
    """A validator of history.schema.json that resolves its $ref to the result
    schema from the checkout, never over the network."""
    store = {}
    for name in ("history", "result"):
        document = schema(name)
        store[document["$id"]] = document
    history = store[schema("history")["$id"]]
    try:
        from referencing import Registry, Resource
        registry = Registry().with_resources(
            (uri, Resource.from_contents(document)) for uri, document in store.items())
        return jsonschema.Draft7Validator(history, registry=registry)
    except ImportError:  # jsonschema before 4.18 (Debian bookworm's 4.10)
        resolver = jsonschema.RefResolver(history["$id"], history, store=store)
        return jsonschema.Draft7Validator(history, resolver=resolver)


def schema(name):
    with open(os.path.join(SOURCE_DIR, "schema", name + ".schema.json"), encoding="utf-8") as f:
        return json.load(f)


class ScratchHistory(unittest.TestCase):
    """A history in a scratch XDG_DATA_HOME, and the commands that use it."""

    def setUp(self):
        self.scratch = ScratchDir()
        self.addCleanup(self.scratch.cleanup)
        self.data = os.path.join(self.scratch.path, "data")
        self.folder = os.path.join(self.data, "sciatica")
        self.db = os.path.join(self.folder, "history.sqlite3")

    def sciatica(self, *args, **env):
        full = {"XDG_DATA_HOME": self.data}
        full.update(env)
        return run(*args, env=full)

    def save(self, *answers, **env):
        flags = []
        for answer in answers:
            flags += ["--answer", answer]
        p = self.sciatica("check", "--save", "--format", "json", *flags, **env)
        self.assertEqual(p.returncode, 0, p.stderr)
        return json.loads(p.stdout)

    def history(self):
        p = self.sciatica("history", "--format", "json")
        self.assertEqual(p.returncode, 0, p.stderr)
        return json.loads(p.stdout)


class HistoryTest(ScratchHistory):
    def test_new_weakness_between_two_saved_checks_is_an_emergency(self):
        first = self.save("leg_pain=yes", "leg_weakness=no", "pain_score=3")
        self.assertEqual(first["changes"], [])
        second = self.save("leg_pain=yes", "leg_weakness=yes", "pain_score=4")
        checks = self.history()["checks"]
        self.assertEqual([c["id"] for c in checks], [1, 2])
        self.assertEqual([c["answers"]["leg_weakness"] for c in checks], [False, True])
        self.assertEqual([c["question"] for c in second["changes"]], ["leg_weakness"])
        self.assertEqual(second["changes"][0]["before"], False)
        self.assertEqual(second["changes"][0]["since"], checks[0]["at"])
        flags = {f["id"]: f for f in second["red_flags"]}
        self.assertIn("progressive-weakness", flags)
        self.assertIn({"question": "leg_weakness", "answer": True},
                      flags["progressive-weakness"]["because"])
        self.assertEqual(second["urgency"], "emergency")
        self.assertEqual(checks[1]["result"], second)
        self.assertEqual(stat.S_IMODE(os.stat(self.db).st_mode), 0o600)
        self.assertEqual(stat.S_IMODE(os.stat(self.folder).st_mode), 0o700)

        visit = os.path.join(self.scratch.path, "visit.html")
        p = self.sciatica("report", "--output", visit)
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(visit, encoding="utf-8") as f:
            html = f.read()
        self.assertIn('id="body-map"', html)
        self.assertIn('id="pain-chart"', html)

        p = self.sciatica("history", "forget", "--all", "--yes")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(self.history()["checks"], [])
        self.assertEqual(self.sciatica("report").returncode, 66)

    def test_a_rise_of_three_in_the_pain_score_is_a_change(self):
        self.save("pain_score=2")
        result = self.save("pain_score=5")
        self.assertEqual(result["changes"][0]["question"], "pain_score")
        self.assertEqual((result["changes"][0]["before"], result["changes"][0]["after"]), (2, 5))

    def test_the_text_result_says_what_changed(self):
        self.save("leg_weakness=no")
        p = self.sciatica("check", "--history", "--details", "--answer", "leg_weakness=yes")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("Changed since your last saved check", p.stdout)
        p = self.sciatica("check", "--save", "--answer", "leg_weakness=yes")
        self.assertEqual(p.returncode, 0, p.stderr)
        # An emergency screen (issue 19): the change is said as what the tool
        # concluded from it, apart from what the person answered.
        text = " ".join(p.stdout.split())
        self.assertIn("treated as weakness getting worse (new since the check on ", text)
        self.assertIn("Leg weakness that is getting worse", p.stdout)

    def test_nothing_is_written_unless_the_person_saves(self):
        p = self.sciatica("check", "--answer", "leg_pain=yes", "--format", "json")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(json.loads(p.stdout)["changes"], [])
        for args in (["history"], ["history", "export"], ["report"], ["check", "--history"]):
            self.sciatica(*args)
        self.assertFalse(os.path.exists(self.data), os.listdir(self.scratch.path))

    def test_save_always_saves_and_no_save_overrides_it(self):
        p = self.sciatica("check", "--answer", "leg_pain=yes", "--no-save", SCIATICA_SAVE="always")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertFalse(os.path.exists(self.data))
        p = self.sciatica("check", "--answer", "leg_pain=yes", SCIATICA_SAVE="always")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(len(self.history()["checks"]), 1)

    def test_a_check_without_save_compares_only_when_asked(self):
        self.save("leg_weakness=no")
        p = self.sciatica("check", "--answer", "leg_weakness=yes", "--format", "json")
        self.assertEqual(json.loads(p.stdout)["changes"], [])
        p = self.sciatica("check", "--history", "--answer", "leg_weakness=yes", "--format", "json")
        self.assertEqual(json.loads(p.stdout)["changes"][0]["question"], "leg_weakness")
        self.assertEqual(len(self.history()["checks"]), 1)

    def test_weeks_of_pain_are_carried_from_the_first_check(self):
        self.save("pain_duration_weeks=2")
        result = self.save("leg_pain=yes")
        self.assertEqual(result["answers"]["pain_duration_weeks"], 2)

    def test_resume_keeps_what_does_not_change_and_asks_again_what_can(self):
        self.save("age=40", "pain_score=6", "leg_pain=yes")
        p = self.sciatica("check", "--resume", "--no-input", "--format", "json")
        self.assertEqual(p.returncode, 0, p.stderr)
        answers = json.loads(p.stdout)["answers"]
        self.assertEqual(answers.get("age"), 40)
        self.assertNotIn("pain_score", answers)
        self.assertNotIn("leg_pain", answers)

    def test_a_damaged_database_is_refused_and_left_untouched(self):
        os.makedirs(self.folder)
        garbage = b"this is not an SQLite database, but someone's notes\n" * 40
        with open(self.db, "wb") as f:
            f.write(garbage)
        p = self.sciatica("check", "--save", "--answer", "leg_pain=yes")
        # Issue 18: a failed save never hides the result. The result comes
        # in full, then the one-line error, with the not-saved exit code.
        self.assertEqual(p.returncode, 73, p.stderr)
        self.assertIn("Some warning signs could not be ruled out", p.stdout)
        self.assertIn("not a diagnosis", p.stdout)
        self.assertEqual(p.stderr.count("\n"), 1)
        self.assertIn(self.db, p.stderr)
        self.assertEqual(self.sciatica("history").returncode, 65)
        with open(self.db, "rb") as f:
            self.assertEqual(f.read(), garbage)

    def test_show_export_and_forget_one(self):
        self.save("pain_score=3")
        self.save("pain_score=4")
        self.save("pain_score=5")
        p = self.sciatica("history", "export")
        lines = p.stdout.splitlines()
        self.assertEqual([json.loads(line)["pain_score"] for line in lines], [3, 4, 5])
        p = self.sciatica("history", "show", "2", "--format", "json")
        self.assertEqual(json.loads(p.stdout)["id"], 2)
        p = self.sciatica("history", "show", "2")
        self.assertIn("Check 2, saved", p.stdout)
        self.assertEqual(self.sciatica("history", "forget", "2").returncode, 0)
        self.assertEqual([c["id"] for c in self.history()["checks"]], [1, 3])
        p = self.sciatica("history", "forget", "2")
        self.assertEqual(p.returncode, 66)
        self.assertEqual(p.stderr, "sciatica: error: no saved check with id 2 "
                                   "(see sciatica history)\n")
        self.assertEqual(self.sciatica("history", "show", "two").returncode, 64)

    def test_show_says_apart_what_was_answered_and_what_was_concluded(self):
        # New weakness since the last check is treated as weakness getting
        # worse; the person answered no, and the record says both (issue 19).
        self.save("leg_pain=yes", "leg_weakness=no")
        p = self.sciatica("check", "--save", "--history", "--format", "json", "--answer",
                          "leg_pain=yes", "--answer", "leg_weakness=yes", "--answer",
                          "weakness_getting_worse=no")
        self.assertEqual(json.loads(p.stdout)["urgency"], "emergency", p.stderr)
        text = " ".join(self.sciatica("history", "show", "2", COLUMNS="80").stdout.split())
        worse = [q["prompt"] for q in json.loads(self.sciatica("questions", "--json").stdout)
                 ["questions"] if q["id"] == "weakness_getting_worse"][0]
        self.assertIn(worse + " no", text.split("Concluded from your answers")[0])
        self.assertIn("Concluded from your answers, not said by you: - " + worse +
                      " Treated as yes, though you answered no (from what changed since the "
                      "check on ", text)
        # A check that rests only on what was said has no such section.
        self.assertNotIn("Concluded from", self.sciatica("history", "show", "1").stdout)

    def test_the_text_history_has_a_row_per_check_and_a_sparkline(self):
        for score in (1, 5, 9):
            self.save("pain_score=%d" % score)
        p = self.sciatica("history")
        self.assertEqual(p.returncode, 0, p.stderr)
        rows = [line for line in p.stdout.splitlines() if line[:1].isdigit()]
        self.assertEqual(len(rows), 3)
        self.assertIn("Pain score, oldest to newest: \u2582\u2585\u2587", p.stdout)

    @unittest.skipIf(jsonschema is None, "python3-jsonschema is not installed")
    def test_history_json_follows_its_schema(self):
        self.save("leg_weakness=no", "pain_score=2")
        self.save("leg_weakness=yes", "pain_score=7")
        document = self.history()
        history_validator().validate(document)
        for check in document["checks"]:
            jsonschema.Draft7Validator(schema("result")).validate(check["result"])
        p = self.sciatica("history", "show", "1", "--format", "json")
        history_validator().validate(json.loads(p.stdout))
        # The saved result is checked against the result schema through $ref.
        broken = json.loads(json.dumps(document))
        broken["checks"][0]["result"]["screen_complete"] = "yes"
        self.assertFalse(history_validator().is_valid(broken))
        empty = dict(document, checks=[])
        history_validator().validate(empty)
        broken = dict(document, extra=1)
        self.assertTrue(list(history_validator().iter_errors(broken)))

    @unittest.skipIf(jsonschema is None, "python3-jsonschema is not installed")
    def test_show_and_every_export_line_carry_schema_version_first(self):
        saved = [self.save("pain_score=%d" % score) for score in (2, 6)]
        shown = json.loads(self.sciatica("history", "show", "2", "--format", "json").stdout)
        lines = [json.loads(line) for line in self.sciatica("history", "export").stdout.splitlines()]
        self.assertEqual(len(lines), 2)
        for document in [shown] + lines:
            self.assertEqual(list(document)[:2], ["schema_version", "id"])
            self.assertEqual(document["schema_version"], 1)
            history_validator().validate(document)
        # The saved result names the versions it was given under.
        self.assertEqual(lines[1]["result"], saved[1])
        self.assertEqual(lines[1]["result"]["rules_version"], lines[1]["rules_version"])
        # A check of the list has none of its own, and a lone check needs one.
        listed = self.history()["checks"][0]
        self.assertNotIn("schema_version", listed)
        self.assertFalse(history_validator().is_valid(listed))
        self.assertFalse(history_validator().is_valid(dict(lines[0], schema_version=2)))



class InterviewSavingTest(unittest.TestCase):
    """The question at the end of an interview, and the draft kept on Ctrl-D."""

    def setUp(self):
        self.scratch = ScratchDir()
        self.addCleanup(self.scratch.cleanup)
        self.data = os.path.join(self.scratch.path, "data")
        self.env = {"XDG_DATA_HOME": self.data, "SCIATICA_SAVE": ""}

    def test_yes_to_the_save_question_saves_the_check(self):
        s = Session("check", "--format", "json", env=self.env)
        self.assertIn("Save this check to your history? [y/N] ", s.skip_to_save_question())
        s.type("y\n")
        code, out = s.finish()
        self.assertEqual(code, 0)
        p = run("history", "--format", "json", env={"XDG_DATA_HOME": self.data})
        checks = json.loads(p.stdout)["checks"]
        self.assertEqual(len(checks), 1)
        self.assertEqual(checks[0]["result"], json.loads(out))

    def test_enter_at_the_save_question_writes_nothing(self):
        s = Session("check", "--format", "json", env=self.env)
        s.skip_to_save_question()
        s.type("\n")
        code, out = s.finish()
        self.assertEqual(code, 0)
        self.assertEqual(json.loads(out)["changes"], [])
        self.assertFalse(os.path.exists(self.data))

    def test_the_save_question_is_asked_in_line_mode(self):
        # The interview keeps the terminal out of line mode between its
        # prompts; the save question reads a line the terminal echoes.
        s = Session("check", "--format", "json", env=self.env)
        s.skip_to_save_question()
        self.assertTrue(s.line_mode())
        s.type("\n")
        code, out = s.finish()
        self.assertEqual(code, 0)

    def test_ctrl_d_keeps_a_draft_that_resume_goes_on_from(self):
        s = Session("check", "--save", "--answer", "age=52", env=self.env)
        s.wait_prompt()
        s.type("yes\n")  # back pain
        s.wait_prompt()
        s.ctrl_d()
        code, out = s.finish()
        self.assertEqual((code, out), (66, ""))
        self.assertIn("kept as a draft", s.screen)
        env = {"XDG_DATA_HOME": self.data}
        self.assertEqual(json.loads(run("history", "--format", "json", env=env).stdout)["checks"],
                         [])
        p = run("check", "--resume", "--no-input", "--format", "json", env=env)
        self.assertEqual(p.returncode, 0, p.stderr)
        answers = json.loads(p.stdout)["answers"]
        self.assertEqual((answers.get("age"), answers.get("back_pain")), (52, True))

    def test_an_interview_offers_the_weeks_of_pain_from_the_saved_checks(self):
        env = {"XDG_DATA_HOME": self.data}
        p = run("check", "--save", "--answer", "pain_duration_weeks=3", env=env)
        self.assertEqual(p.returncode, 0, p.stderr)
        s = Session("check", "--format", "json", "--no-save", env=self.env)
        deadline = time.time() + 10
        while not s.screen.endswith("[Y/n] ") and time.time() < deadline:
            if s._read(0.2) is None:
                break
        self.assertIn("the pain has lasted about 3 weeks (pain_duration_weeks). Use that?",
                      s.screen)
        s.type("\n")
        s.wait_prompt()
        s.ctrl_c()
        s.finish()



class DamagedHistoryTest(ScratchHistory):
    """Issue 20: damaged histories are data errors (65), reading never writes,
    writing makes the file private, and stored bytes are shown safely."""

    def sql(self, *statements):
        import sqlite3
        db = sqlite3.connect(self.db)
        for statement in statements:
            db.execute(statement)
        db.commit()
        db.close()

    def test_a_negative_or_reset_schema_version_is_damage_not_a_crash(self):
        self.save("pain_score=2")
        for version in (-1, 0):
            self.sql("PRAGMA user_version = %d" % version)
            for args in (["history"], ["history", "export"], ["report"],
                         ["check", "--save", "--answer", "leg_pain=yes"]):
                p = self.sciatica(*args)
                # check gives its result in full first; the failed save then
                # has its own code (73), the reading commands 65.
                want = 73 if args[0] == "check" else 65
                self.assertEqual(p.returncode, want, (version, args, p.stderr))
                if args[0] == "check":
                    self.assertIn("practitioner", p.stdout.lower())
                self.assertIn(self.db, p.stderr)
                self.assertIn("damaged", p.stderr)

    def test_damaged_rows_are_data_errors_naming_the_check(self):
        self.save("pain_score=2")
        self.sql("UPDATE checks SET at = CAST(X'ff3a' AS TEXT)")
        for args in (["history", "export"], ["history", "--format", "json"], ["history"]):
            p = self.sciatica(*args)
            self.assertEqual(p.returncode, 65, (args, p.stderr))
            self.assertIn("check 1", p.stderr)
        self.sql("UPDATE checks SET at = '2026-01-01T00:00:00Z', "
                 "result = json_set(result, '$.urgency', 3)")
        for args in (["history"], ["history", "show", "1"], ["report"]):
            p = self.sciatica(*args)
            self.assertEqual(p.returncode, 65, (args, p.stderr))
            self.assertIn("check 1", p.stderr)
            self.assertIn("urgency", p.stderr)

    def test_a_damaged_or_unmatched_list_row_is_damage_naming_the_check(self):
        # Schema 3's check_list (what `history` and `report` read) against the checks.
        self.save("pain_score=2")
        self.save("pain_score=3")
        for statement, named in (
                ("UPDATE check_list SET urgency = 3 WHERE id = 2", "check 2"),
                ("DELETE FROM check_list WHERE id = 1", "check 1"),
                ("INSERT INTO check_list (id) VALUES (5)", "check 5")):
            self.sql(statement)
            for args in (["history"], ["report"]):
                p = self.sciatica(*args)
                self.assertEqual(p.returncode, 65, (statement, args, p.stderr))
                self.assertIn(named, p.stderr)
                self.assertIn(self.db, p.stderr)
            # A write puts it right: each change to checks rewrites its row.
            self.sql("DELETE FROM check_list", "UPDATE checks SET id = id")
            self.assertEqual(self.sciatica("history").returncode, 0)

    def test_a_schema_2_history_is_listed_unchanged_and_migrated_by_a_save(self):
        self.save("pain_score=2")
        self.sql("DROP TABLE check_list", "DROP TRIGGER check_list_insert",
                 "DROP TRIGGER check_list_update", "DROP TRIGGER check_list_delete",
                 "PRAGMA user_version = 2")
        listed = self.sciatica("history")
        with open(self.db, "rb") as f:
            before = f.read()
        for args in (["history"], ["report"], ["history", "export"], ["history", "show", "1"]):
            self.assertEqual(self.sciatica(*args).returncode, 0, args)
        with open(self.db, "rb") as f:
            self.assertEqual(f.read(), before)
        self.save("pain_score=3")
        self.assertEqual(self.sciatica("history").stdout.splitlines()[:3],
                         listed.stdout.splitlines()[:3])
        import sqlite3
        db = sqlite3.connect(self.db)
        self.assertEqual(db.execute("PRAGMA user_version").fetchone()[0], 3)
        self.assertEqual(db.execute("SELECT id FROM check_list").fetchall(), [(1,), (2,)])
        db.close()

    def test_a_saved_cause_or_rule_without_because_is_damage(self):
        # Found by fuzz_history: the report read a missing `because` past its end.
        self.save("leg_pain=yes", "saddle_numbness=yes")
        for path in ("$.causes[0].because", "$.red_flags[0].because"):
            self.sql("UPDATE checks SET result = json_remove(result, '%s')" % path)
            for args in (["report"], ["history", "show", "1"], ["history", "export"]):
                p = self.sciatica(*args)
                self.assertEqual(p.returncode, 65, (path, args, p.stderr))
                self.assertIn("check 1", p.stderr)
                self.assertIn("'because' is missing", p.stderr)

    def test_a_saved_change_without_before_is_damage(self):
        self.save("leg_weakness=no")
        self.save("leg_weakness=yes")
        self.sql("UPDATE checks SET result = json_remove(result, '$.changes[0].before') "
                 "WHERE id = 2")
        for args in (["history", "show", "2"], ["history", "export"]):
            p = self.sciatica(*args)
            self.assertEqual(p.returncode, 65, (args, p.stderr))
            self.assertNotIn("Was yes", p.stdout)
            self.assertIn("before", p.stderr)

    def test_reading_an_empty_file_writes_nothing_even_through_a_link(self):
        os.makedirs(self.folder)
        real = os.path.join(self.scratch.path, "empty")
        open(real, "w").close()
        os.symlink(real, self.db)
        for args in (["history"], ["history", "export"], ["history", "--format", "json"]):
            p = self.sciatica(*args)
            self.assertEqual(p.returncode, 0, (args, p.stderr))
        self.assertEqual(os.path.getsize(real), 0)
        self.assertEqual(self.sciatica("report").returncode, 66)
        self.assertEqual(os.path.getsize(real), 0)

    def test_saving_makes_an_existing_open_history_private(self):
        self.save("pain_score=2")
        os.chmod(self.db, 0o644)
        os.chmod(self.folder, 0o755)
        self.save("pain_score=3")
        self.assertEqual(stat.S_IMODE(os.stat(self.db).st_mode), 0o600)
        self.assertEqual(stat.S_IMODE(os.stat(self.folder).st_mode), 0o700)

    def test_reading_never_changes_the_mode(self):
        self.save("pain_score=2")
        os.chmod(self.db, 0o644)
        self.assertEqual(self.sciatica("history").returncode, 0)
        self.assertEqual(stat.S_IMODE(os.stat(self.db).st_mode), 0o644)

    def test_a_future_dated_check_never_gives_negative_weeks(self):
        self.save("pain_duration_weeks=1")
        self.sql("UPDATE checks SET at = '2999-01-01T00:00:00Z'")
        p = self.sciatica("check", "--history", "--answer", "leg_pain=yes", "--format", "json")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(json.loads(p.stdout)["answers"]["pain_duration_weeks"], 1)

    def test_after_forgetting_a_check_the_report_compares_with_the_one_before(self):
        self.save("leg_weakness=no", "pain_score=2")
        self.save("leg_weakness=yes", "pain_score=8")
        self.save("leg_weakness=yes", "pain_score=8")
        self.assertEqual(self.sciatica("history", "forget", "2").returncode, 0)
        p = self.sciatica("report")
        self.assertEqual(p.returncode, 0, p.stderr)
        changes = p.stdout[p.stdout.index('id="changes"'):]
        changes = changes[:changes.index("</section>")]
        self.assertNotIn("None of the answers", changes)
        self.assertIn("<li>", changes)

    def test_a_failed_output_saves_nothing(self):
        p = self.sciatica("check", "--save", "--answer", "leg_pain=yes",
                          "--output", os.path.join(self.scratch.path, "missing", "x.json"))
        self.assertEqual(p.returncode, 74, p.stderr)
        if os.path.exists(self.db):
            p = self.sciatica("history", "--format", "json")
            self.assertEqual(json.loads(p.stdout)["checks"], [])

    def test_report_output_files(self):
        self.save("pain_score=2")
        self.assertEqual(self.sciatica("report", "--output", "").returncode, 64)
        log = os.path.join(self.scratch.path, "log.txt")
        with open(log, "w") as f:
            f.write("before\n")
        os.chmod(log, 0o644)
        p = subprocess.run("%s report --output /dev/stdout >> %s" % (BIN, log), shell=True,
                           env=dict(os.environ, XDG_DATA_HOME=self.data), capture_output=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(stat.S_IMODE(os.stat(log).st_mode), 0o644)
        long_name = os.path.join(self.scratch.path, "r" * 245 + ".html")
        p = self.sciatica("report", "--output", long_name)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(stat.S_IMODE(os.stat(long_name).st_mode), 0o600)

    def test_stored_control_bytes_are_shown_escaped(self):
        self.save("pain_score=2", "leg_pain=yes")  # a cause, whose name is changed
        self.sql("UPDATE checks SET at = '2026-01' || char(27) || ']0;T' || char(7) || "
                 "'T00:00:00Z', result = json_set(result, '$.causes[0].name', "
                 "'Disc' || char(27) || '[2J')")
        for args in (["history"], ["history", "show", "1"]):
            p = self.sciatica(*args)
            self.assertEqual(p.returncode, 0, (args, p.stderr))
            self.assertNotIn("\x1b", p.stdout)

    def test_the_rm_hint_is_quoted(self):
        self.data = os.path.join(self.scratch.path, "my data")
        self.folder = os.path.join(self.data, "sciatica")
        self.save("pain_score=2")
        p = self.sciatica("history", "forget", "--all", "--yes")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("rm '" + self.folder + "/history.sqlite3'", p.stdout)

    def test_the_sparkline_fits_the_terminal_and_says_how_many_it_shows(self):
        import sqlite3
        self.save("pain_score=2")
        db = sqlite3.connect(self.db)
        db.executemany("INSERT INTO checks (at, rules_version, answers, result) "
                       "SELECT at, rules_version, answers, result FROM checks WHERE id = 1",
                       [()] * 199)
        db.commit()
        db.close()
        p = self.sciatica("history", COLUMNS="80")
        self.assertEqual(p.returncode, 0, p.stderr)
        line = [l for l in p.stdout.splitlines() if l.startswith("Pain score")][0]
        self.assertEqual(line, "Pain score, the last 40 of 200 checks: " + "\u2582" * 40)
        self.assertLessEqual(max(len(l) for l in p.stdout.splitlines()), 80)
        import re
        rows = [l for l in p.stdout.splitlines() if re.match(r"\d+ +\d{4}-\d\d-\d\d ", l)]
        self.assertEqual(len(rows), 200)

    def small_disk(self, size):
        """Mounts a tmpfs of `size` at the scratch XDG_DATA_HOME (root only)."""
        os.makedirs(self.data)
        if os.geteuid() != 0 or subprocess.run(
                ["mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", self.data],
                capture_output=True).returncode != 0:
            self.skipTest("a small disk needs root and mount (tmpfs)")
        self.addCleanup(subprocess.run, ["umount", "-l", self.data])

    def test_a_read_only_history_says_it_is_read_only_and_names_the_path(self):
        if os.geteuid() == 0:
            self.small_disk("1m")  # root writes past modes: make the disk read-only
            self.save("pain_score=2")
            subprocess.run(["mount", "-o", "remount,ro", self.data], check=True)
        else:
            self.save("pain_score=2")
            os.chmod(self.db, 0o400)
        said = "cannot write to the history %s: it (or its folder) is read-only (" % self.db
        p = self.sciatica("check", "--save", "--answer", "leg_pain=yes")
        self.assertEqual(p.returncode, 73, p.stderr)
        self.assertIn(said, p.stderr)
        for args in (["history", "forget", "1"], ["history", "forget", "--all", "--yes"]):
            p = self.sciatica(*args)
            self.assertEqual((p.returncode, p.stderr.count(said)), (74, 1), (args, p.stderr))
        self.assertEqual(len(self.history()["checks"]), 1)

    def test_a_full_disk_says_the_disk_is_full_names_the_path_and_keeps_every_check(self):
        self.small_disk("80k")
        for score in (2, 3, 4):
            self.save("pain_score=%d" % score)
        with open(os.path.join(self.data, "fill"), "wb", buffering=0) as f:
            try:
                while True:
                    f.write(b"\0" * 4096)
            except OSError:
                pass
        said = "the history %s: the disk is full (" % self.db
        p = self.sciatica("check", "--save", "--answer", "leg_pain=yes")
        self.assertEqual(p.returncode, 73, p.stderr)
        self.assertIn(said, p.stderr)
        for args in (["history", "forget", "1"], ["history", "forget", "--all", "--yes"]):
            p = self.sciatica(*args)
            self.assertEqual(p.returncode, 74, (args, p.stderr))
            self.assertIn(said, p.stderr)
            self.assertNotIn("no transaction is active", p.stderr)
        self.assertEqual(len(self.history()["checks"]), 3)

    def test_forget_all_without_a_terminal_needs_yes_and_deletes_nothing(self):
        self.save("pain_score=2")
        p = self.sciatica("history", "forget", "--all")
        self.assertEqual(p.returncode, 64)
        self.assertEqual(p.stderr, "sciatica: error: history forget --all deletes every saved "
                                   "check: add --yes to confirm it when there is no terminal to "
                                   "ask\n")
        self.assertEqual(len(self.history()["checks"]), 1)

    def test_forget_all_asks_at_a_terminal_and_keeps_everything_on_no(self):
        self.save("pain_score=2")
        for reply, left in (("n\n", 1), ("y\n", 0)):
            session = Session("history", "forget", "--all", env={"XDG_DATA_HOME": self.data})
            deadline = time.time() + 10
            while "[y/N] " not in session.screen and time.time() < deadline:
                if session._read(0.2) is None:
                    break
            self.assertIn("Delete every saved check and any draft? [y/N] ", session.screen)
            session.type(reply)
            code, out = session.finish()
            self.assertEqual(code, 0)
            self.assertEqual(out.startswith("Nothing was deleted."), left == 1, out)
            self.assertEqual(len(self.history()["checks"]), left, reply)

    def test_a_bad_id_is_a_usage_error_with_or_without_a_history(self):
        self.assertEqual(self.sciatica("history", "forget", "abc").returncode, 64)
        self.save("pain_score=2")
        self.assertEqual(self.sciatica("history", "forget", "abc").returncode, 64)
        p = self.sciatica("history", "show", "x" * 985)
        self.assertEqual(p.returncode, 64)
        self.assertLess(len(p.stderr), 200)


if __name__ == "__main__":
    unittest.main()
