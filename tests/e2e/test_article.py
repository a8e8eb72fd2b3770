"""The shipped rule set held to the source article
(../shared/source/sciatica-article.txt), fact by fact, through the JSON the
education commands print: its seven causes, fourteen treatments, the step
counts of its three massages, its five items of equipment and its three
low-impact exercises. A later edit that drops one fails here.

The checklist names each fact by id; the wording is the rule set's own."""
import json
import unittest

from support import run

ARTICLE_CAUSES = ["herniated-disc", "trauma", "spinal-tumor", "spondylolisthesis",
                  "piriformis-syndrome", "spinal-stenosis", "pelvic-injury"]

# In the article's order. It calls the thirteenth "Radio Frequency
# Infections": radiofrequency treatment, corrected with its own source.
ARTICLE_TREATMENTS = ["chiropractic-care", "acupuncture", "acupressure", "yoga", "massage",
                      "ice-or-heat", "topical-preparations", "muscle-relaxants",
                      "pain-relievers", "exercise", "physical-therapy", "pilates",
                      "radiofrequency-treatment", "surgery"]

ARTICLE_STEPS = {"palm-and-thumb-massage": 4, "tennis-ball-massage": 6, "knuckle-pressure": 5}

ARTICLE_EQUIPMENT = ["tennis-balls", "wedge-dog-toy", "spinal-roller", "knobble",
                     "s-shaped-acupressure-tool"]

ARTICLE = "The source article"


def catalogue(*args, env=None):
    p = run(*args, "--format", "json", env=env)
    if p.returncode != 0:
        raise AssertionError("sciatica %s exited %d: %s" % (" ".join(args), p.returncode,
                                                            p.stderr))
    return json.loads(p.stdout)


def by_id(items):
    return {item["id"]: item for item in items}


class Causes(unittest.TestCase):
    def test_the_seven_causes_of_the_article_are_there(self):
        ids = [c["id"] for c in catalogue("causes")["causes"]]
        for cause in ARTICLE_CAUSES:
            self.assertIn(cause, ids)


class Treatments(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.treatments = catalogue("treatments")["treatments"]
        cls.by_id = by_id(cls.treatments)

    def test_the_fourteen_treatments_of_the_article_are_there_in_its_order(self):
        ids = [t["id"] for t in self.treatments]
        present = [t for t in ids if t in ARTICLE_TREATMENTS]
        self.assertEqual(present, ARTICLE_TREATMENTS)

    def test_each_article_treatment_names_the_article_as_its_source(self):
        for treatment in ARTICLE_TREATMENTS:
            with self.subTest(treatment):
                self.assertTrue(self.by_id[treatment]["source"].startswith(ARTICLE))
                self.assertGreater(len(self.by_id[treatment]["description"]), 80)

    def test_an_addition_names_its_own_source_and_never_the_article(self):
        additions = [t for t in self.treatments if t["id"] not in ARTICLE_TREATMENTS]
        self.assertIn("steroid-injections", [t["id"] for t in additions])
        for treatment in additions:
            with self.subTest(treatment["id"]):
                self.assertFalse(treatment["source"].startswith(ARTICLE))
                self.assertIn("not in the source article", treatment["source"])
        self.assertIn("NICE NG59", self.by_id["steroid-injections"]["source"])

    def test_radiofrequency_treatment_is_named_correctly_and_sourced(self):
        rf = self.by_id["radiofrequency-treatment"]
        self.assertEqual(rf["name"], "Radiofrequency treatment")
        self.assertIn("radiofrequency denervation", rf["description"])
        self.assertIn("NICE NG59", rf["source"])
        for item in self.treatments:
            self.assertNotIn("infection", item["name"].lower())


class Techniques(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        out = catalogue("techniques")
        cls.techniques = by_id(out["techniques"])
        cls.equipment = by_id(out["equipment"])

    def test_the_three_massages_keep_the_article_step_counts(self):
        for technique, count in ARTICLE_STEPS.items():
            with self.subTest(technique):
                self.assertEqual(len(self.techniques[technique]["steps"]), count)
                self.assertTrue(self.techniques[technique]["source"].startswith(ARTICLE))
                self.assertNotEqual(self.techniques[technique]["cautions"], [])

    def test_the_massages_follow_the_article_order(self):
        # One landmark fact of each step that the article places there.
        landmarks = {
            "palm-and-thumb-massage": ["palm", "waist", "four inches", "comfortable"],
            "tennis-ball-massage": ["two", "sock", "sit on the floor", "minute", "another",
                                    "five minutes"],
            "knuckle-pressure": ["lie on your back", "fists", "palms face the floor",
                                 "between the spine", "five minutes"],
        }
        for technique, words in landmarks.items():
            steps = self.techniques[technique]["steps"]
            for number, (step, word) in enumerate(zip(steps, words), 1):
                with self.subTest(technique=technique, step=number):
                    self.assertIn(word, step.lower())

    def test_stretches_name_a_source_other_than_the_article(self):
        stretches = self.techniques["sciatica-stretches"]
        self.assertIn("NHS", stretches["source"])
        self.assertIn("practitioner", stretches["steps"][0])
        self.assertNotEqual(stretches["cautions"], [])

    def test_low_impact_exercise_is_the_articles_three_with_its_reason(self):
        exercise = self.techniques["low-impact-exercise"]
        steps = " ".join(exercise["steps"]).lower()
        for activity in ("swimming", "water aerobics", "yoga"):
            self.assertIn(activity, steps)
        self.assertNotIn("walk", steps)
        self.assertIn("practitioner", exercise["steps"][0])
        for word in ("stiff", "weak", "blood", "oxygen", "loosen"):
            self.assertIn(word, exercise["summary"])

    def test_the_five_items_of_equipment_say_what_they_are_and_how_to_use_them(self):
        self.assertEqual(list(self.equipment), ARTICLE_EQUIPMENT)
        for item in self.equipment.values():
            with self.subTest(item["id"]):
                self.assertNotEqual(item["description"], "")
                self.assertNotEqual(item["how_to_use"], "")
                self.assertTrue(item["source"].startswith(ARTICLE))
        self.assertIn("side", self.equipment["wedge-dog-toy"]["how_to_use"])
        self.assertIn("foam", self.equipment["spinal-roller"]["description"])
        self.assertIn("hip", self.equipment["knobble"]["how_to_use"])
        self.assertIn("knobs", self.equipment["s-shaped-acupressure-tool"]["description"])

    def test_a_technique_shows_only_the_equipment_it_uses(self):
        tennis = catalogue("techniques", "tennis-ball-massage")
        self.assertEqual([e["id"] for e in tennis["equipment"]], ["tennis-balls"])
        self.assertEqual(tennis["techniques"][0]["equipment"], ["Tennis balls"])
        knuckles = catalogue("techniques", "knuckle-pressure")
        self.assertEqual(knuckles["equipment"], [])
        self.assertEqual(knuckles["techniques"][0]["equipment"], [])

    def test_a_technique_text_lists_only_its_own_equipment(self):
        text = run("techniques", "knuckle-pressure").stdout
        self.assertNotIn("Tennis balls", text)
        self.assertNotIn("Knobble", text)


class About(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.about = catalogue("about")

    def test_sciatica_is_a_symptom_not_a_diagnosis(self):
        self.assertIn("symptom, not a diagnosis", self.about["what_it_is"])

    def test_the_nerve_runs_from_the_lower_back_through_the_buttock_to_the_foot(self):
        path = self.about["nerve_path"]
        places = [path.index(p) for p in ("lower spine", "buttock", "back of the thigh", "foot")]
        self.assertEqual(places, sorted(places))

    def test_diagnosis_is_history_and_examination_with_imaging_when_needed(self):
        diagnosis = self.about["diagnosis"]
        for word in ("history", "examination", "X-ray", "CT", "MRI"):
            self.assertIn(word, diagnosis)

    def test_when_to_get_help_now_leads_with_the_emergency(self):
        first = self.about["get_help_now"][0]
        self.assertIn("emergency", first["advice"])
        self.assertTrue(any("urine" in sign for sign in first["signs"]))

    def test_the_figure_is_unicode_in_a_utf8_locale_and_ascii_otherwise(self):
        utf8 = run("about", env={"LC_ALL": "C.UTF-8", "TERM": "xterm"}).stdout
        self.assertIn("┃", utf8)
        for env in ({"LC_ALL": "C"}, {"LC_ALL": "C.UTF-8", "TERM": "dumb"}):
            with self.subTest(**env):
                plain = run("about", env=env).stdout
                self.assertIn("buttock", plain)
                self.assertTrue(plain.isascii(), "not ASCII with %s" % env)
        forced = run("about", "--ascii", env={"LC_ALL": "C.UTF-8", "TERM": "xterm"}).stdout
        self.assertTrue(forced.isascii())
        self.assertIn("\\|/", forced)
        plain = run("--plain", "about", env={"LC_ALL": "C.UTF-8", "TERM": "xterm"}).stdout
        self.assertIn("\\|/", plain)
        self.assertNotIn("┃", plain)

    def test_the_text_ends_with_the_notice(self):
        text = run("about", env={"COLUMNS": "1000"}).stdout
        self.assertTrue(text.rstrip("\n").endswith(self.about["notice"]))


if __name__ == "__main__":
    unittest.main()
