"""The visit report in a real browser (issue 12): headless Chromium renders
it to a screenshot that is not blank, its DOM holds every section, and its
PDF print carries the urgency and the notice on a sensible number of pages.
Chromium and poppler-utils are in scripts/packages.txt, so a missing one
fails these tests rather than skipping them.

Run by ctest as e2e_report_browser (kept out of e2e_cli's discovery: it is
the slow one)."""
import json
import os
import re
import shutil
import struct
import subprocess
import tempfile
import unittest
import zlib

from support import ScratchDir, run

CHROMIUM = shutil.which("chromium")
SECTIONS = ["date-range", "urgency", "changes", "warning-signs", "body-map", "pain-chart",
            "causes", "answers", "visit-questions", "notice"]


def png_pixels(path):
    """(width, height, rows of RGB(A) bytes) of an 8-bit RGB or RGBA PNG."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), "unexpected PNG format"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


class BrowserReportTest(unittest.TestCase):
    def setUp(self):
        self.assertIsNotNone(CHROMIUM, "chromium is not installed (scripts/dev.sh installs it)")
        self.assertIsNotNone(shutil.which("pdftotext"), "poppler-utils is not installed")
        self.scratch = ScratchDir()
        self.addCleanup(self.scratch.cleanup)
        self.data = os.path.join(self.scratch.path, "data")
        self.html = os.path.join(self.scratch.path, "visit.html")

    def sciatica(self, *args):
        return run(*args, env={"XDG_DATA_HOME": self.data}, timeout=60)

    def save(self, *answers):
        flags = []
        for answer in answers:
            flags += ["--answer", answer]
        p = self.sciatica("check", "--save", *flags)
        self.assertEqual(p.returncode, 0, p.stderr)

    def latest(self):
        p = self.sciatica("history", "--format", "json")
        self.assertEqual(p.returncode, 0, p.stderr)
        return json.loads(p.stdout)["checks"][-1]

    def report(self):
        p = self.sciatica("report", "--output", self.html)
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(self.html, encoding="utf-8") as f:
            return f.read()

    def chromium(self, *args):
        profile = tempfile.mkdtemp(prefix="sciatica-chromium-")
        self.addCleanup(shutil.rmtree, profile, True)
        command = [CHROMIUM, "--headless", "--disable-gpu", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update",
                   "--disable-sync", "--user-data-dir=" + profile, *args,
                   "file://" + self.html]
        if os.geteuid() == 0:
            command.insert(1, "--no-sandbox")
        p = subprocess.run(command, capture_output=True, text=True, timeout=120)
        self.assertEqual(p.returncode, 0, p.stderr[-2000:])
        return p.stdout

    def pdf(self):
        path = os.path.join(self.scratch.path, "visit.pdf")
        self.chromium("--no-pdf-header-footer", "--print-to-pdf=" + path)
        text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True,
                              text=True, check=True).stdout
        info = subprocess.run(["pdfinfo", path], capture_output=True, text=True,
                              check=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        return " ".join(text.split()), pages

    def test_one_check_renders_every_section_and_prints(self):
        self.save("leg_pain=yes", "pain_below_knee=yes", "pain_side=left", "back_pain=yes",
                  "leg_weakness=no", "pain_score=6", "fever=no")
        html = self.report()
        self.assertNotRegex(html, r"<script|\bsrc=|\bhref=|@import|url\((?!#)")

        shot = os.path.join(self.scratch.path, "shot.png")
        self.chromium("--window-size=1000,1400", "--screenshot=" + shot)
        width, height, channels, rows = png_pixels(shot)
        dark = sum(1 for row in rows[::4] for i in range(0, len(row), channels * 4)
                   if row[i] < 128)
        self.assertGreater(dark, 200, "the screenshot is blank")

        dom = self.chromium("--dump-dom")
        for section in SECTIONS:
            self.assertRegex(dom, 'id="%s"' % section)
        self.assertIn("<svg", dom)
        self.assertIn('aria-labelledby="body-svg-title body-svg-desc"', dom)

        text, pages = self.pdf()
        urgency = self.latest()["result"]["urgency_name"]
        self.assertIn(" ".join(urgency.split()), text)
        self.assertIn("This is information, not a diagnosis.", text)
        self.assertIn("Where it hurts", text)
        self.assertTrue(1 <= pages <= 6, pages)

    def pdf_pages(self):
        """The text of each printed page."""
        path = os.path.join(self.scratch.path, "visit.pdf")
        self.chromium("--no-pdf-header-footer", "--print-to-pdf=" + path)
        info = subprocess.run(["pdfinfo", path], capture_output=True, text=True,
                              check=True).stdout
        count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        return [" ".join(subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n),
                                         path, "-"], capture_output=True, text=True,
                                        check=True).stdout.split())
                for n in range(1, count + 1)]

    def test_two_checks_print_on_at_most_two_a4_pages_numbered_and_dated(self):
        # Issue 19: a report a GP can file.
        self.save("leg_pain=yes", "pain_below_knee=yes", "pain_side=left", "back_pain=yes",
                  "leg_weakness=no", "pain_score=6", "fever=no")
        self.save("leg_pain=yes", "pain_below_knee=yes", "pain_side=left", "back_pain=yes",
                  "leg_weakness=no", "pain_score=4", "fever=no", "numbness_or_tingling=yes")
        self.report()
        pages = self.pdf_pages()
        self.assertLessEqual(len(pages), 2)
        printed = re.compile(r"Printed \d{4}-\d{2}-\d{2}")
        for number, page in enumerate(pages, 1):
            self.assertIn("Page %d / %d" % (number, len(pages)), page)
            self.assertRegex(page, printed)
        first = pages[0]
        for words in ("Name:", "Date of birth:", "Summary", "Urgency:", "Warning signs reported:",
                      "Not ruled out:", "Leading possible causes:", "Trend:", "Latest check:",
                      " ".join(self.latest()["result"]["urgency_name"].split())):
            self.assertIn(words, first)
        self.assertIn("pain score 6 on", first)

    def test_an_emergency_report_gives_its_advice_on_page_one(self):
        self.save("leg_pain=yes", "saddle_numbness=yes", "cauda_equina_signs_longstanding=no")
        self.report()
        first = self.pdf_pages()[0]
        self.assertIn("Emergency: go to an emergency department now", first)
        self.assertIn("Go to an emergency department now, or call your local emergency number",
                      first)

    def test_two_hundred_checks_make_a_report_of_a_few_pages(self):
        for i in range(200):
            self.save("leg_pain=yes", "pain_score=%d" % (i % 11), "leg_weakness=no")
        html = self.report()
        self.assertEqual(html.count("<svg"), 2)
        self.assertIn("200 saved checks", html)
        text, pages = self.pdf()
        self.assertIn("200 saved checks", text)
        self.assertIn(" ".join(self.latest()["result"]["urgency_name"].split()), text)
        self.assertIn("This is information, not a diagnosis.", text)
        self.assertTrue(1 <= pages <= 8, pages)

    def test_no_saved_check_is_a_clear_error(self):
        p = self.sciatica("report", "--output", self.html)
        self.assertEqual(p.returncode, 66)
        self.assertEqual(p.stderr, "sciatica: error: no saved checks to report on: save one "
                                   "with sciatica check --save\n")
        self.assertFalse(os.path.exists(self.html))
        self.assertFalse(os.path.exists(self.data))


if __name__ == "__main__":
    unittest.main()
