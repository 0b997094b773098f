#!/usr/bin/env python3
"""Drives `nrm-referral new` through a real pseudo-terminal, as a caseworker would.

Standard input and standard error are the terminal; standard output (the record)
goes to a file. Run with SAFEGUARD_BIN=<dir of built tools>.
"""
import fcntl
import json
import os
import pty
import select
import signal
import subprocess
import sys
import tempfile
import termios
import time
import unittest

BIN = os.environ.get("SAFEGUARD_BIN", os.path.join(os.path.dirname(__file__), "..", "..", ".build", "debug"))
TOOL = os.path.join(BIN, "nrm-referral")


class Session:
    def __init__(self, *args):
        self.master, slave = pty.openpty()
        self.out = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([TOOL, "new", *args], stdin=slave, stdout=self.out, stderr=slave,
                                     close_fds=True, preexec_fn=self.take_terminal)
        os.close(slave)
        self.screen = ""

    @staticmethod
    def take_terminal():
        """In the child: a new session whose controlling terminal is the pty, so Ctrl-C raises SIGINT."""
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    def expect(self, text, timeout=15):
        deadline = time.time() + timeout
        while text not in self.screen:
            left = deadline - time.time()
            if left <= 0:
                raise AssertionError(f"timed out waiting for {text!r}; screen so far:\n{self.screen}")
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.master, 4096)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise AssertionError(f"terminal closed waiting for {text!r}; screen:\n{self.screen}")
                self.screen += chunk.decode("utf-8", "replace")
        # Consume what was matched so later expects look at new output only.
        self.screen = self.screen[self.screen.index(text) + len(text):]

    def send(self, line):
        os.write(self.master, (line + "\n").encode())

    def send_raw(self, data):
        os.write(self.master, data)

    def finish(self, timeout=15):
        code = self.proc.wait(timeout=timeout)
        try:
            while True:
                ready, _, _ = select.select([self.master], [], [], 0.2)
                if not ready:
                    break
                chunk = os.read(self.master, 4096)
                if not chunk:
                    break
                self.screen += chunk.decode("utf-8", "replace")
        except OSError:
            pass
        os.close(self.master)
        self.out.seek(0)
        return code, self.out.read().decode()


class PromptTests(unittest.TestCase):
    def fill_start(self, s):
        s.expect("Subject's pseudonymous id")
        s.send("S-2001")
        s.expect("Name")
        s.send("Synthetic Person")
        s.expect("Date of referral")               # asked first, so the date of birth is checked against it
        s.send("2026-11-20")
        s.expect("Date of birth")

    def test_form_reasks_bad_dates_takes_numbered_choices_and_writes_one_record(self):
        s = Session()
        self.fill_start(s)
        s.send("2025-02-30")                       # impossible date: asked again
        s.expect("'2025-02-30' is not a real date")
        s.expect("Date of birth")
        s.send("2026-12-01")                       # after the referral date: asked again at once
        s.expect("the date of birth is after the referral date. Please try again.")
        s.expect("Date of birth")
        s.send("2011-05-04")
        s.expect("Is the person's age in doubt?")
        s.send("")                                 # default: n
        s.expect("2) Male")
        s.expect("Sex")
        s.send("7")                                # out of range: asked again
        s.expect("Choose a number from 1 to 4.")
        s.send("2")                                # numbered choice: male
        s.expect("Nationality")
        s.send("vn")
        s.expect("Languages spoken")
        s.send("vi, en")
        s.expect("Is an interpreter needed?")
        s.send("y")
        s.expect("First responder organisation")
        s.send("3")                                # la-childrens-services
        s.expect("Exploitation types")
        s.send("6,1")                              # criminal, sexual
        s.expect("Treated as: Child")
        s.expect("Indicators observed")
        s.send("")                                 # none
        s.expect("Account of what happened")
        s.send("Found at a cannabis farm (synthetic).")
        s.expect("Write this record?")
        s.send("y")
        code, out = s.finish()
        self.assertEqual(code, 0, s.screen)
        lines = out.splitlines()
        self.assertEqual(len(lines), 1, out)
        record = json.loads(lines[0])
        self.assertEqual(record["kind"], "referral")
        self.assertEqual(record["subject"]["dob"], "2011-05-04")
        self.assertEqual(record["subject"]["sex"], "male")
        self.assertEqual(record["subject"]["nationality"], "VN")
        self.assertEqual(record["subject"]["languages"], ["vi", "en"])
        self.assertEqual(record["first-responder"], "la-childrens-services")
        self.assertEqual(record["exploitation"], ["criminal", "sexual"])
        self.assertEqual(record["treated-as"], "child")
        self.assertEqual(record["consent"], {"status": "not-required-child"})

    def test_end_of_input_mid_form_writes_nothing(self):
        with tempfile.TemporaryDirectory() as d:
            case = os.path.join(d, "case.ndjson")
            s = Session("--append", case)
            self.fill_start(s)
            s.send("2011-05-04")
            s.expect("Is the person's age in doubt?")
            s.send_raw(b"\x04")                    # Ctrl-D
            code, out = s.finish()
            self.assertEqual(code, 2, s.screen)
            self.assertEqual(out, "")
            self.assertIn("nothing written", s.screen)
            self.assertFalse(os.path.exists(case), "no case file was created")

    def test_interrupt_writes_nothing(self):
        s = Session()
        self.fill_start(s)
        s.send_raw(b"\x03")                        # Ctrl-C
        code, out = s.finish()
        self.assertEqual(code, 130, s.screen)
        self.assertEqual(out, "")
        self.assertIn("nothing written", s.screen)

    def test_declining_at_the_summary_writes_nothing(self):
        s = Session("--subject", "S-9", "--claimed-age", "15", "--sex", "female", "--first-responder", "police",
                    "--exploitation", "sexual", "--indicator", "child-begging", "--account", "x", "--interactive")
        s.expect("Name")
        s.send("")
        s.expect("Date of referral")
        s.send("")                                 # default: today
        s.expect("Is the person's age in doubt?")
        s.send("n")
        s.expect("Nationality")
        s.send("")
        s.expect("Languages spoken")
        s.send("")
        s.expect("Is an interpreter needed?")
        s.send("n")
        s.expect("Write this record?")
        s.send("n")
        code, out = s.finish()
        self.assertEqual(code, 2, s.screen)
        self.assertEqual(out, "")

    def test_an_adult_without_consent_is_offered_the_duty_to_notify(self):
        s = Session("--subject", "S-8", "--dob", "1990-01-01", "--sex", "female", "--first-responder", "salvation-army",
                    "--exploitation", "labour", "--nationality", "PH", "--language", "tl", "--interpreter-needed",
                    "--received", "2026-11-20", "--indicator", "adult-no-days-off", "--interactive")
        s.expect("Name")
        s.send("")
        s.expect("Is the person's age in doubt?")
        s.send("n")
        s.expect("Has the person signed the referral form?")
        s.send("n")
        s.expect("Make the anonymous duty-to-notify record instead?")
        s.send("y")
        s.expect("Write this record?")
        s.send("y")
        code, out = s.finish()
        self.assertEqual(code, 0, s.screen)
        record = json.loads(out)
        self.assertEqual(record["kind"], "duty-to-notify")
        self.assertNotIn("subject", record)
        self.assertNotIn("S-8", out)


if __name__ == "__main__":
    unittest.main(verbosity=2)
