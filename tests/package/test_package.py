"""Install and packaging tests: `cmake --install` to a temporary prefix and
`cpack -G DEB` unpacked with dpkg-deb, each then used from another folder as
a person would. SCIATICA_BUILD_DIR names the configured, built build folder.

With SCIATICA_DEB naming a package that `scripts/dev.sh package` built (Debian's
flags and shared libraries, SOURCE_DATE_EPOCH set), that package is tested
instead, and so is what Debian asks of it: lintian with no error or warning,
the shared libraries, hardening, and the same bytes from a second cpack run."""
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import unittest

BUILD_DIR = os.environ.get("SCIATICA_BUILD_DIR", "build")
VERSION = os.environ.get("SCIATICA_VERSION", "")
RELEASE_DEB = os.environ.get("SCIATICA_DEB", "")


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
        for rel in ("bin/sciatica", "share/man/man1/sciatica.1.gz",
                    "share/sciatica/rules/default.yaml",
                    "share/sciatica/schema/result.schema.json",
                    "share/bash-completion/completions/sciatica",
                    "share/zsh/vendor-completions/_sciatica",
                    "share/fish/vendor_completions.d/sciatica.fish",
                    "share/doc/sciatica/README.md",
                    "share/doc/sciatica/copyright",
                    "share/doc/sciatica/changelog.gz"):
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
        p = call(["man", "-l", self.path("share", "man", "man1", "sciatica.1.gz")],
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
def cpack(out, env=None):
    """Runs cpack on BUILD_DIR into `out`: (the process, the .deb's path or None)."""
    p = call(["cpack", "-G", "DEB", "-B", out,
              "--config", os.path.join(BUILD_DIR, "CPackConfig.cmake")], env=env)
    debs = [f for f in os.listdir(out) if f.endswith(".deb")] if os.path.isdir(out) else []
    return p, (os.path.join(out, debs[0]) if debs else None)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class DebianPackage(InstalledTree):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if RELEASE_DEB:
            cls.cpack = None
            cls.deb = RELEASE_DEB
        else:
            cls.cpack, cls.deb = cpack(os.path.join(cls.tmp, "out"))
        cls.unpacked = os.path.join(cls.tmp, "unpacked")
        if cls.deb:
            subprocess.run(["dpkg-deb", "-x", cls.deb, cls.unpacked], check=True)
        cls.root = os.path.join(cls.unpacked, "usr")

    def setUp(self):
        self.assertIsNotNone(self.deb, self.cpack and self.cpack.stdout + self.cpack.stderr)

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
            # A virtual package an owner provides counts (libspdlog1.10
            # provides libspdlog1.10-fmt9, the name its shlibs file gives).
            for owner in list(owners):
                provides = call(["dpkg-query", "-W", "-f=${Provides}", owner]).stdout
                owners |= {p.strip().split()[0] for p in provides.split(",") if p.strip()}
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


@unittest.skipUnless(RELEASE_DEB, "SCIATICA_DEB is not set: scripts/dev.sh package builds the "
                     "release package and runs these tests on it")
class DebianRelease(unittest.TestCase):
    """What Debian asks of the package that `scripts/dev.sh package` built."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="sciatica-release-")
        cls.unpacked = os.path.join(cls.tmp, "unpacked")
        subprocess.run(["dpkg-deb", "-x", RELEASE_DEB, cls.unpacked], check=True)
        cls.binary = os.path.join(cls.unpacked, "usr", "bin", "sciatica")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_lintian_finds_no_error_or_warning(self):
        p = call(["lintian", "--fail-on", "error,warning", "--no-tag-display-limit", RELEASE_DEB],
                 timeout=600)
        problems = [line for line in p.stdout.splitlines() if line[:2] in ("E:", "W:")]
        self.assertEqual(problems, [], p.stdout + p.stderr)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)

    def test_the_binary_links_debians_shared_libraries(self):
        dynamic = call(["readelf", "-d", self.binary]).stdout
        needed = [line.split("[")[1].rstrip("]") for line in dynamic.splitlines()
                  if "(NEEDED)" in line]
        for prefix in ("libsqlite3.so", "libyaml-cpp.so", "libstdc++.so"):
            with self.subTest(prefix):
                self.assertTrue(any(n.startswith(prefix) for n in needed), needed)

    def test_the_binary_is_hardened(self):
        dynamic = call(["readelf", "-d", self.binary]).stdout
        self.assertRegex(dynamic, r"\(FLAGS_1\).*\bNOW\b|\(BIND_NOW\)")
        symbols = call(["readelf", "--dyn-syms", "-W", self.binary]).stdout
        self.assertRegex(symbols, r"__\w+_chk\b")  # fortified functions
        self.assertIn("__stack_chk_fail", symbols)

    def test_the_zsh_completion_is_where_debians_zsh_looks(self):
        listing = call(["dpkg-deb", "-c", RELEASE_DEB]).stdout
        self.assertIn("./usr/share/zsh/vendor-completions/_sciatica", listing)
        self.assertNotIn("site-functions", listing)

    def test_the_copyright_is_dep5_and_the_changelog_names_this_version(self):
        doc = os.path.join(self.unpacked, "usr", "share", "doc", "sciatica")
        with open(os.path.join(doc, "copyright"), encoding="utf-8") as f:
            self.assertTrue(f.readline().startswith(
                "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"))
        with gzip.open(os.path.join(doc, "changelog.gz"), "rt", encoding="utf-8") as f:
            self.assertTrue(f.readline().startswith(f"sciatica ({VERSION}) "))

    def test_a_second_cpack_run_gives_the_same_bytes(self):
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        self.assertTrue(epoch, "SOURCE_DATE_EPOCH must be set, as dev.sh package sets it")
        p, again = cpack(os.path.join(self.tmp, "again"), env={"SOURCE_DATE_EPOCH": epoch})
        self.assertIsNotNone(again, p.stdout + p.stderr)
        self.assertEqual(sha256(again), sha256(RELEASE_DEB))


if __name__ == "__main__":
    unittest.main()
