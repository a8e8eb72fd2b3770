"""End-to-end tests of `sciatica completion`: the printed scripts are loaded
into the real shells and asked what they would complete. bash is always
present; zsh and fish tests skip when the shell is not installed."""
import os
import shutil
import subprocess
import unittest

from support import BIN, MINI_RULES, ScratchDir, run

# Drives the bash completer as bash would for the line typed so far.
BASH_DRIVER = r'''
source "$1"
COMP_LINE=$2
COMP_POINT=${#COMP_LINE}
_sciatica
printf '%s\n' "${COMPREPLY[@]}"
'''

# zsh's completion builtins exist only inside a completion widget, so the test
# stands in for them: each prints the words it would offer.
ZSH_DRIVER = r'''
compdef() { }
compset() { }
compadd() {
    while [[ $1 == -* && $1 != -- ]]; do
        case $1 in -[SPpsdJXx]) shift 2 ;; *) shift ;; esac
    done
    [[ $1 == -- ]] && shift
    print -rl -- "$@"
}
_describe() { print -rl -- ${${(P)4}%%:*}; }
_files() { print FILES; }
source $1
words=(${(z)2})
[[ $2 == *' ' ]] && words+=('')
CURRENT=${#words}
_sciatica
'''


class CompletionScripts(unittest.TestCase):
    scripts = {}

    @classmethod
    def setUpClass(cls):
        cls.scratch = ScratchDir()
        for shell in ("bash", "zsh", "fish"):
            p = run("completion", shell)
            assert p.returncode == 0, p.stderr
            cls.scripts[shell] = cls.scratch.write("completion." + shell, p.stdout)

    @classmethod
    def tearDownClass(cls):
        cls.scratch.cleanup()

    def complete(self, shell, line):
        """The words `shell` offers for `line`, the cursor at its end."""
        if shutil.which(shell) is None:
            self.skipTest(shell + " is not installed (scripts/packages.txt lists it)")
        script = self.scripts[shell]
        if shell == "bash":
            args = ["bash", "--norc", "-c", BASH_DRIVER, "_", script, line]
        elif shell == "zsh":
            args = ["zsh", "-f", "-c", ZSH_DRIVER, "_", script, line]
        else:
            args = ["fish", "--no-config", "-c",
                    "source $argv[1]; complete -C $argv[2]", script, line]
        p = subprocess.run(args, capture_output=True, text=True, timeout=30)
        self.assertEqual(p.stderr, "")
        return [w.split("\t")[0] for w in p.stdout.splitlines() if w]


class Syntax(CompletionScripts):
    def test_each_script_parses_in_its_shell(self):
        checks = {"bash": ["bash", "-n"], "zsh": ["zsh", "-n"], "fish": ["fish", "--no-execute"]}
        for shell, args in checks.items():
            with self.subTest(shell):
                if shutil.which(shell) is None:
                    self.skipTest(shell + " is not installed")
                p = subprocess.run(args + [self.scripts[shell]], capture_output=True,
                                   text=True, timeout=30)
                self.assertEqual((p.returncode, p.stderr), (0, ""))


class Bash(CompletionScripts):
    def test_the_script_registers_a_completion_for_sciatica(self):
        p = subprocess.run(["bash", "--norc", "-c", 'source "$1"; complete -p sciatica', "_",
                            self.scripts["bash"]], capture_output=True, text=True, timeout=30)
        self.assertEqual(p.stdout, "complete -F _sciatica sciatica\n")

    def test_commands_are_offered_after_the_program_name(self):
        words = self.complete("bash", "sciatica ")
        self.assertIn("check", words)
        self.assertIn("completion", words)

    def test_a_partial_command_is_completed(self):
        self.assertEqual(self.complete("bash", "sciatica comp"), ["completion"])

    def test_about_and_its_ascii_option_are_offered(self):
        self.assertEqual(self.complete("bash", "sciatica abo"), ["about"])
        self.assertIn("--ascii", self.complete("bash", "sciatica about --"))

    def test_options_of_the_command_and_the_global_ones_are_offered(self):
        words = self.complete("bash", "sciatica check --")
        for option in ("--answer", "--answers", "--format", "--no-input", "--rules", "--help"):
            self.assertIn(option, words)

    def test_question_ids_follow_answer(self):
        self.assertEqual(self.complete("bash", "sciatica check --answer leg_p"), ["leg_pain="])

    def test_the_allowed_values_of_a_yes_no_question_follow_its_equals_sign(self):
        self.assertEqual(self.complete("bash", "sciatica check --answer leg_pain="), ["yes", "no"])

    def test_the_options_of_a_choice_question_follow_its_equals_sign(self):
        self.assertEqual(self.complete("bash", "sciatica check -a pain_side="),
                         ["left", "right", "both"])

    def test_answer_values_complete_in_the_long_option_equals_form(self):
        self.assertEqual(self.complete("bash", "sciatica check --answer=pain_side=bo"), ["both"])

    def test_a_number_question_offers_no_values(self):
        self.assertEqual(self.complete("bash", "sciatica check --answer age="), [])

    def test_the_format_values_come_from_the_option_itself(self):
        # check takes fhir too (issue 21); causes only text and json.
        self.assertEqual(self.complete("bash", "sciatica check --format "), ["text", "json", "fhir"])
        self.assertEqual(self.complete("bash", "sciatica causes --format "), ["text", "json"])

    def test_the_shells_follow_completion(self):
        self.assertEqual(self.complete("bash", "sciatica completion "), ["bash", "zsh", "fish"])

    def test_a_path_option_completes_file_names(self):
        scratch = ScratchDir()
        try:
            scratch.write("my-rules.yaml", "")
            words = self.complete("bash", "sciatica --rules " + os.path.join(scratch.path, "my-"))
            self.assertEqual(words, [os.path.join(scratch.path, "my-rules.yaml")])
        finally:
            scratch.cleanup()

    def test_ids_come_from_the_selected_rule_set(self):
        scratch = ScratchDir()
        try:
            rules = scratch.write("r.yaml", MINI_RULES)
            script = scratch.write("c.bash", run("--rules", rules, "completion", "bash").stdout)
            p = subprocess.run(["bash", "--norc", "-c", BASH_DRIVER, "_", script,
                                "sciatica check --answer "],
                               capture_output=True, text=True, timeout=30)
        finally:
            scratch.cleanup()
        self.assertEqual(p.stdout.split(), ["pain="])


class Zsh(CompletionScripts):
    def test_the_script_registers_with_compinit(self):
        if shutil.which("zsh") is None:
            self.skipTest("zsh is not installed (scripts/packages.txt lists it)")
        scratch = ScratchDir()
        try:
            p = subprocess.run(
                ["zsh", "-f", "-c", 'autoload -Uz compinit; compinit -u -d "$2"; source "$1"; '
                 'print -r -- ${_comps[sciatica]}', "_", self.scripts["zsh"],
                 os.path.join(scratch.path, "zcompdump")],
                capture_output=True, text=True, timeout=30)
        finally:
            scratch.cleanup()
        self.assertEqual(p.stdout, "_sciatica\n")

    def test_commands_are_offered_after_the_program_name(self):
        words = self.complete("zsh", "sciatica ")
        self.assertIn("check", words)
        self.assertIn("completion", words)

    def test_question_ids_follow_answer(self):
        self.assertIn("leg_pain", self.complete("zsh", "sciatica check --answer leg"))

    def test_the_options_of_a_choice_question_follow_its_equals_sign(self):
        self.assertEqual(self.complete("zsh", "sciatica check --answer pain_side="),
                         ["left", "right", "both"])

    def test_a_path_option_completes_files(self):
        self.assertEqual(self.complete("zsh", "sciatica --rules "), ["FILES"])


class Fish(CompletionScripts):
    def test_commands_are_offered_with_their_descriptions(self):
        self.assertIn("completion", self.complete("fish", "sciatica "))

    def test_question_ids_follow_answer(self):
        self.assertEqual(self.complete("fish", "sciatica check --answer leg_p"), ["leg_pain="])

    def test_the_allowed_values_of_a_yes_no_question_follow_its_equals_sign(self):
        self.assertEqual(sorted(self.complete("fish", "sciatica check --answer leg_pain=")),
                         ["leg_pain=no", "leg_pain=yes"])

    def test_the_format_values_come_from_the_option_itself(self):
        self.assertEqual(sorted(self.complete("fish", "sciatica check -f ")),
                         ["fhir", "json", "text"])

    def test_global_options_are_offered_after_a_command(self):
        self.assertIn("--rules", self.complete("fish", "sciatica check --r"))


class CompletionCommand(unittest.TestCase):
    def test_an_unknown_shell_is_a_usage_error(self):
        p = run("completion", "tcsh")
        self.assertEqual(p.returncode, 64)
        self.assertEqual(p.stdout, "")

    def test_the_help_shows_an_example(self):
        p = run("completion", "--help")
        self.assertIn("source <(sciatica completion bash)", p.stdout)


if __name__ == "__main__":
    unittest.main()


class HostileWords(unittest.TestCase):
    """Words from a rule set reach the bash script. Lint refuses options that
    are not plain words, and the script must take them literally anyway: the
    test writes a hostile word into a real script and completes it in an
    interactive bash on a pseudo-terminal, pressing Tab as a person would."""

    HOSTILE = "$(touch${IFS}{m}1)`touch${IFS}{m}2`"

    def setUp(self):
        self.scratch = ScratchDir()
        self.marker = os.path.join(self.scratch.path, "ran")

    def tearDown(self):
        self.scratch.cleanup()

    def test_lint_refuses_an_option_that_is_not_a_plain_word(self):
        rules = MINI_RULES.replace(
            "  - {id: pain, type: yes_no, prompt: Does it hurt}",
            "  - {id: pain, type: yes_no, prompt: Does it hurt}\n"
            "  - {id: side, type: choice, options: [left, '$(touch x)'], prompt: Side}")
        path = self.scratch.write("hostile.yaml", rules)
        p = run("rules", "lint", path)
        self.assertIn("error: the option '$(touch x)' is not a plain word", p.stdout)
        self.assertEqual(p.returncode, 65)

    def test_bash_takes_hostile_words_literally_at_a_real_prompt(self):
        import select
        import time
        rules = MINI_RULES.replace(
            "  - {id: pain, type: yes_no, prompt: Does it hurt}",
            "  - {id: pain, type: yes_no, prompt: Does it hurt}\n"
            "  - {id: side, type: choice, options: [left, xhostilex], prompt: Side}")
        rules_path = self.scratch.write("r.yaml", rules)
        p = run("--rules", rules_path, "completion", "bash")
        self.assertEqual(p.returncode, 0, p.stderr)
        hostile = self.HOSTILE.replace("{m}", self.marker)
        script = p.stdout.replace("xhostilex", hostile)
        self.assertIn(hostile, script)
        script_path = self.scratch.write("completion.bash", script)
        master, slave = os.openpty()
        env = dict(os.environ, PS1="$ ", TERM="dumb", INPUTRC="/dev/null")
        shell = subprocess.Popen(["bash", "--norc", "--noprofile", "-i"], stdin=slave,
                                 stdout=slave, stderr=slave, env=env, start_new_session=True)
        os.close(slave)
        screen = b""
        try:
            os.write(master, b"source " + script_path.encode() + b"\n")
            os.write(master, b"sciatica check --answer side=\t\t")
            deadline = time.time() + 5
            while time.time() < deadline:
                ready, _, _ = select.select([master], [], [], 0.2)
                if ready:
                    try:
                        screen += os.read(master, 65536)
                    except OSError:
                        break
            os.write(master, b"\x03exit\n")
        finally:
            shell.kill()
            shell.wait()
            os.close(master)
        self.assertFalse(os.path.exists(self.marker + "1"), "$(...) ran")
        self.assertFalse(os.path.exists(self.marker + "2"), "`...` ran")
        # Both values are offered, the hostile one as written.
        self.assertIn(b"left", screen)
        self.assertIn(hostile.encode(), screen)
