"""Drive `sciatica check` through a pseudo-terminal, as a person would.

The pty is the program's standard input and standard error (where prompts
go); standard output is a pipe, so a test sees exactly what the result is.
"""
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time

from support import BIN

PROMPT_END = " > "
QUESTION = re.compile(r"(?m)^(\d+)\. (.*)$")


def _take_terminal():
    """In the child: a new session whose controlling terminal is the pty, so
    that Ctrl-C and Ctrl-D behave as at a real terminal."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Session:
    """One run of the binary with a pty on stdin and stderr."""

    def __init__(self, *args, columns=400, env=None, stdout_on_terminal=False, program=None):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
        full_env = dict(os.environ)
        full_env.pop("COLUMNS", None)
        full_env["NO_COLOR"] = "1"
        full_env["TERM"] = "xterm"  # TERM=dumb would make text plain
        # Never the user's saved checks; and no "Save this check?" question
        # at the end unless a test asks for it (tests/e2e/test_history.py).
        full_env["XDG_DATA_HOME"] = "/nonexistent/sciatica-tests-data"
        full_env["SCIATICA_SAVE"] = "never"
        full_env.update(env or {})
        # stdout_on_terminal: the result goes to the same screen as the prompts.
        # program: what runs the binary (a tracer, say), BIN's path included.
        self.proc = subprocess.Popen([*(program or [BIN]), *args], stdin=slave, stderr=slave,
                                     stdout=slave if stdout_on_terminal else subprocess.PIPE,
                                     env=full_env,
                                     preexec_fn=_take_terminal)
        os.close(slave)
        self.screen = ""   # everything written to the terminal so far
        self._seen = 0     # how much of `screen` `wait_prompt` has consumed

    def _read(self, timeout):
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.master, 65536)
        except OSError:  # the child closed the pty
            return None
        if not data:
            return None
        self.screen += data.decode("utf-8", "replace").replace("\r\n", "\n")
        return True

    def wait_prompt(self, timeout=10, editor=True):
        """Waits for the next prompt; returns the terminal text since the last
        one, or None when the program ended instead."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.screen.endswith(PROMPT_END) and len(self.screen) > self._seen:
                chunk = self.screen[self._seen:]
                self._seen = len(self.screen)
                if editor:
                    self._wait_for_editor(deadline)
                return chunk
            got = self._read(0.2)
            if got is None or (got is False and self.proc.poll() is not None):
                while self._read(0.05):
                    pass
                return None
        self.kill()
        raise AssertionError("no prompt within %ss; screen so far:\n%s" % (timeout, self.screen))

    def _wait_for_editor(self, deadline):
        """The line editor writes its prompt while the terminal is still in
        line mode and only then takes it into its own mode. A key sent in
        between is seen by the terminal's line discipline instead: Ctrl-D
        there becomes a NUL byte once the editor's mode is on, and the
        program waits for an answer that never comes (seen under the
        sanitizer build, which is slow enough to lose that race). A person
        reads the prompt first; the test waits until the editor is ready
        (at most two seconds: a prompt of the program's own, without the
        editor, never leaves line mode)."""
        deadline = min(deadline, time.time() + 2)
        while time.time() < deadline and self.proc.poll() is None:
            try:
                if not termios.tcgetattr(self.master)[3] & termios.ICANON:
                    return
            except termios.error:
                return
            time.sleep(0.005)

    def skip_to_save_question(self, timeout=60):
        """Presses Enter (don't know) at each question until the question
        about saving ("... [y/N] "); returns the screen."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.screen.endswith("[y/N] "):
                return self.screen
            if self.screen.endswith(" > ") and len(self.screen) > self._seen:
                self._seen = len(self.screen)
                self.type("\n")
                continue
            if self._read(0.2) is None:
                break
        self.kill()
        raise AssertionError("no save question; screen:\n" + self.screen[-2000:])

    def wait_for(self, text, timeout=10):
        """Reads until `text` is on the screen: a question, say, before its
        prompt is written."""
        deadline = time.time() + timeout
        while text not in self.screen:
            if time.time() > deadline or self._read(0.05) is None:
                self.kill()
                raise AssertionError("%r not shown within %ss; screen so far:\n%s"
                                     % (text, timeout, self.screen))

    def wait_exit(self, timeout=10):
        """Waits for the program to end, reading what it writes meanwhile;
        returns its exit code. The terminal stays open for line_mode()."""
        deadline = time.time() + timeout
        while self.proc.poll() is None:
            if time.time() > deadline:
                self.kill()
                raise AssertionError("still running after %ss; screen so far:\n%s"
                                     % (timeout, self.screen))
            self._read(0.05)
        return self.proc.returncode

    def line_mode(self):
        """Whether the terminal is in line mode with its own echo, as a shell
        expects it to be left."""
        lflag = termios.tcgetattr(self.master)[3]
        return bool(lflag & termios.ICANON) and bool(lflag & termios.ECHO)

    def type(self, text):
        os.write(self.master, text.encode())

    def ctrl_d(self):
        os.write(self.master, b"\x04")

    def ctrl_c(self):
        os.write(self.master, b"\x03")

    def kill(self):
        """Ends the program if it is still running (after a failed test)."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def finish(self, timeout=10):
        """Waits for the exit; returns (exit code, stdout)."""
        out, _ = self.proc.communicate(timeout=timeout)
        while self._read(0.05):
            pass
        os.close(self.master)
        return self.proc.returncode, (out or b"").decode()


def last_question(chunk):
    """The prompt text of the last question shown in `chunk`, or None."""
    found = QUESTION.findall(chunk or "")
    return found[-1][1] if found else None


GROUP_HINT = "[numbers, 0 = none]"
ITEM = re.compile(r"(?m)^   (\d+)\) (.*)$")


def group_items(chunk):
    """The prompts of a question-group screen's numbered items (issue 19), or
    [] when `chunk` does not end in one."""
    found = list(QUESTION.finditer(chunk or ""))
    if not found or GROUP_HINT not in chunk[found[-1].end():]:
        return []
    items = []
    for line in chunk[found[-1].end():].splitlines():
        start = ITEM.match(line)
        if start:
            items.append(start.group(2))
        elif items and line.startswith("      ") and line.strip():
            items[-1] += " " + line.strip()  # an item wrapped at a narrow terminal
        elif items:
            break
    return items


def group_reply(replies):
    """What to type on a group screen for one reply per item: yes to the
    numbers given, no to the rest, "N?" for one left unknown ("" or anything
    else), Enter when all are unknown, 0 when all are no."""
    tokens = []
    for number, reply in enumerate(replies, 1):
        reply = reply.strip().lower()
        if reply in ("y", "yes", "yeah", "true"):
            tokens.append(str(number))
        elif reply not in ("n", "no", "nope", "false"):
            tokens.append("%d?" % number)
    if not tokens:
        return "0"
    if all(token.endswith("?") for token in tokens):
        return ""
    return " ".join(tokens)
