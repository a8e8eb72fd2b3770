"""Install and packaging tests: `cmake --install` to a temporary prefix and
`cpack -G DEB` unpacked with dpkg-deb, each then used from another folder as
a person would. SCIATICA_BUILD_DIR names the configured, built build folder."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

BUILD_DIR = os.environ.get("SCIATICA_BUILD_DIR", "build")
VERSION = os.environ.get("SCIATICA_VERSION", "")


def call(args, cwd=None, env=None, timeout=300):
    full = dict(os.environ)
    full.pop("SCIATICA_RULES", None)
    full["XDG_CONFIG_HOME"] = "/nonexistent"
    full.update(env or {})
    return subprocess.run(args, cwd=cwd, env=full, capture_output=True, text=True,
                          timeout=timeout)


class InstalledTree(unittest.TestCase):
    """Checks shared by an install prefix and an unpacked package: `root` is
    the prefix (…/usr for the package)."""
    root = None

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="sciatica-install-")
        cls.elsewhere = tempfile.mkdtemp(prefix="sciatica-elsewhere-")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)
        shutil.rmtree(cls.elsewhere, ignore_errors=True)

    def path(self, *parts):
        return os.path.join(self.root, *parts)

    def check_files_are_in_their_standard_places(self):
        for rel in ("bin/sciatica", "share/man/man1/sciatica.1",
                    "share/sciatica/rules/default.yaml",
                    "share/sciatica/schema/result.schema.json",
                    "share/bash-completion/completions/sciatica",
                    "share/zsh/site-functions/_sciatica",
                    "share/fish/vendor_completions.d/sciatica.fish",
                    "share/doc/sciatica/README.md"):
            self.assertTrue(os.path.isfile(self.path(*rel.split("/"))), rel)

    def check_the_binary_runs_from_another_folder(self):
        p = call([self.path("bin", "sciatica"), "check", "--answer", "leg_pain=yes",
                  "--format", "json"], cwd=self.elsewhere)
        self.assertEqual(p.returncode, 0, p.stderr)
        out = json.loads(p.stdout)
        self.assertEqual(out["schema_version"], 1)
        self.assertTrue(out["notice"])

    def check_the_installed_rules_are_the_embedded_ones(self):
        p = call([self.path("bin", "sciatica"), "--rules",
                  self.path("share", "sciatica", "rules", "default.yaml"), "check",
                  "--answer", "leg_pain=yes", "--format", "json"], cwd=self.elsewhere)
        q = call([self.path("bin", "sciatica"), "check", "--answer", "leg_pain=yes",
                  "--format", "json"], cwd=self.elsewhere)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout, q.stdout)

    def check_the_man_page_renders(self):
        p = call(["man", "-l", self.path("share", "man", "man1", "sciatica.1")],
                 env={"MANPAGER": "cat", "MANWIDTH": "80", "LC_ALL": "C.UTF-8"})
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stderr, "")
        for section in ("NAME", "SYNOPSIS", "SAFETY NOTICE", "EXIT STATUS", "ENVIRONMENT",
                        "FILES", "EXAMPLES"):
            self.assertIn("\n" + section + "\n", p.stdout)
        if VERSION:
            self.assertIn("sciatica " + VERSION, p.stdout)

    def check_the_version_is_the_project_version(self):
        p = call([self.path("bin", "sciatica"), "--version"])
        if VERSION:
            self.assertEqual(p.stdout.split()[:2], ["sciatica", VERSION])


class CmakeInstall(InstalledTree):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.root = os.path.join(cls.tmp, "prefix")
        cls.install = call(["cmake", "--install", BUILD_DIR, "--prefix", cls.root])

    def test_install_succeeds(self):
        self.assertEqual(self.install.returncode, 0, self.install.stderr)

    def test_files_are_in_their_standard_places(self):
        self.check_files_are_in_their_standard_places()

    def test_the_installed_binary_runs_from_another_folder(self):
        self.check_the_binary_runs_from_another_folder()

    def test_the_installed_rules_are_the_embedded_ones(self):
        self.check_the_installed_rules_are_the_embedded_ones()

    def test_the_man_page_renders(self):
        self.check_the_man_page_renders()

    def test_the_version_is_the_project_version(self):
        self.check_the_version_is_the_project_version()


@unittest.skipIf(shutil.which("dpkg-shlibdeps") is None or shutil.which("dpkg-deb") is None,
                 "dpkg-dev is not installed (scripts/packages.txt lists it)")
class DebianPackage(InstalledTree):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        out = os.path.join(cls.tmp, "out")
        cls.cpack = call(["cpack", "-G", "DEB", "-B", out,
                          "--config", os.path.join(BUILD_DIR, "CPackConfig.cmake")])
        debs = [f for f in os.listdir(out) if f.endswith(".deb")] if os.path.isdir(out) else []
        cls.deb = os.path.join(out, debs[0]) if debs else None
        cls.unpacked = os.path.join(cls.tmp, "unpacked")
        if cls.deb:
            subprocess.run(["dpkg-deb", "-x", cls.deb, cls.unpacked], check=True)
        cls.root = os.path.join(cls.unpacked, "usr")

    def setUp(self):
        self.assertIsNotNone(self.deb, self.cpack.stdout + self.cpack.stderr)

    def field(self, name):
        return call(["dpkg-deb", "-f", self.deb, name]).stdout.strip()

    def test_the_package_depends_on_the_shared_libraries_it_links(self):
        # What the binary links (its NEEDED entries), each mapped to the
        # Debian package that ships it, must be in Depends.
        dynamic = call(["objdump", "-p", self.path("bin", "sciatica")]).stdout
        needed = [line.split()[1] for line in dynamic.splitlines()
                  if line.strip().startswith("NEEDED")]
        self.assertIn("libc.so.6", needed)
        depends = [d.strip().split()[0] for d in self.field("Depends").split(",")]
        for soname in needed:
            owners = set()  # "pkg:arch, pkg2: /path" lines; a library may be in several
            for line in call(["dpkg", "-S", "*/" + soname]).stdout.splitlines():
                owners |= {o.strip().split(":")[0] for o in line.split(": ")[0].split(",")}
            with self.subTest(soname):
                self.assertTrue(owners & set(depends), (soname, owners, depends))

    def test_the_package_has_a_section_maintainer_and_description(self):
        self.assertEqual(self.field("Package"), "sciatica")
        self.assertEqual(self.field("Section"), "utils")
        self.assertTrue(self.field("Maintainer"))
        self.assertIn("not a diagnosis", self.field("Description"))

    def test_files_are_in_their_standard_places(self):
        self.check_files_are_in_their_standard_places()

    def test_the_unpacked_binary_runs_from_another_folder(self):
        self.check_the_binary_runs_from_another_folder()

    def test_the_unpacked_man_page_renders(self):
        self.check_the_man_page_renders()


if __name__ == "__main__":
    unittest.main()
