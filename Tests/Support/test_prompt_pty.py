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
    def __init__(self, *args, tool=TOOL, command="new", cwd=None):
        self.master, slave = pty.openpty()
        self.out = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([tool, command, *args], stdin=slave, stdout=self.out, stderr=slave,
                                     close_fds=True, preexec_fn=self.take_terminal, cwd=cwd)
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


def tool(name):
    return os.path.join(BIN, name)


def on_terminal(argv, cwd):
    """Runs argv with standard output on a pseudo-terminal (as a person reads it); returns (status, text)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=slave, stderr=subprocess.DEVNULL, cwd=cwd, close_fds=True)
    os.close(slave)
    text = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:                            # EIO: the child closed the terminal
            break
        if not chunk:
            break
        text += chunk
    code = proc.wait(timeout=15)
    os.close(master)
    return code, text.decode().replace("\r\n", "\n")


def piped(argv, cwd):
    p = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=cwd, timeout=15)
    return p.returncode, p.stdout.decode()


class ReportViewTests(unittest.TestCase):
    """Each report: a plain-English table on a terminal, NDJSON in a pipe."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        d = self.dir.name
        def run(name, *args):
            subprocess.run([tool(name), *args], check=True, cwd=d, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        run("nrm-referral", "new", "--id", "ref-1", "--subject", "S-1", "--claimed-age", "15", "--sex", "female",
            "--first-responder", "police", "--exploitation", "sexual", "--received", "2026-11-16", "--append", "case.ndjson")
        run("age-assess", "new", "--id", "aa-1", "--person", "P-1", "--date", "2026-11-20", "--claimed-age", "16",
            "--documents", "none", "--assessor", "SW-1", "--outcome", "assessed-older", "--assessed-age-range", "17-19",
            "--conclusion", "adult", "--append", "ages.ndjson")
        run("missing-child", "start", "--child", "C-1", "--last-seen", "2026-11-20T18:00:00Z", "--type", "missing",
            "--append", "missing.ndjson")
        run("care-plan", "new", "--id", "cp-1", "--date", "2026-11-01", "--person", "S-G", "--claimed-age", "24",
            "--need", "accommodation", "--risk", "community-safe=high", "--interpreter", "not-needed", "--public-funds", "no",
            "--append", "plans.ndjson")
        self.reports = [
            (["nrm-referral", "status", "--as-of", "2026-11-23", "case.ndjson"], "NRM referrals as of 23 November 2026",
             ["Referral", "Overdue?", "ref-1", "2 days overdue"], "nrm-status"),
            (["age-assess", "check", "ages.ndjson"], "Age assessments checked", ["Assessment", "aa-1", "no-appropriate-adult"], "assessment-check"),
            (["age-assess", "status", "--as-of", "2026-11-23", "ages.ndjson"], "Age status as of 23 November 2026",
             ["Person", "Treated as", "P-1", "child"], "age-status"),
            (["missing-child", "report", "--as-of", "2026-11-21T10:00:00Z", "missing.ndjson"], "Missing from care as of 21 November 2026",
             ["Child", "C-1", "MISSING since 2026-11-20 18:00 (16 hours)", "NOT TOLD"], "missing-status"),
            (["care-plan", "check", "--as-of", "2026-11-23", "plans.ndjson"], "Care plans checked as of 23 November 2026",
             ["Plan", "cp-1", "no-lead-professional"], "care-plan-check"),
            (["care-plan", "exit", "cp-1", "--as-of", "2026-11-23", "plans.ndjson"], "Exit readiness",
             ["cp-1", "not yet", "papers-complete"], "care-plan-exit"),
        ]

    def tearDown(self):
        self.dir.cleanup()

    def test_each_report_prints_a_table_on_a_terminal_and_ndjson_in_a_pipe(self):
        for argv, heading, cells, kind in self.reports:
            with self.subTest(report=" ".join(argv[:2])):
                code, text = on_terminal([tool(argv[0])] + argv[1:], self.dir.name)
                self.assertIn(heading, text)
                for cell in cells:
                    self.assertIn(cell, text)
                self.assertNotIn('"kind"', text, "no JSON on the terminal")
                piped_code, out = piped([tool(argv[0])] + argv[1:], self.dir.name)
                self.assertEqual(code, piped_code, "the exit status does not depend on the view")
                records = [json.loads(line) for line in out.splitlines()]
                self.assertTrue(records)
                self.assertTrue(all(r["kind"] == kind for r in records), out)
                # --format overrides the terminal check both ways.
                _, forced = on_terminal([tool(argv[0])] + argv[1:] + ["--format", "ndjson"], self.dir.name)
                self.assertEqual([json.loads(line)["kind"] for line in forced.splitlines()], [kind] * len(records))
                _, text_in_pipe = piped([tool(argv[0])] + argv[1:] + ["--format", "text"], self.dir.name)
                self.assertIn(heading, text_in_pipe)

    def test_the_columns_line_up(self):
        code, text = on_terminal([tool("nrm-referral"), "status", "--as-of", "2026-11-23", "case.ndjson"], self.dir.name)
        lines = text.splitlines()
        header = next(l for l in lines if l.strip().startswith("Referral"))
        row = next(l for l in lines if l.strip().startswith("ref-1"))
        for column in ["Subject", "Received", "Due"]:
            start = header.index(column)
            self.assertNotEqual(row[start], " ", f"{column} starts where its cells start")
            self.assertEqual(row[start - 1], " ")


class ForgivingPromptTests(unittest.TestCase):
    def test_a_uk_date_and_an_offset_less_time_are_accepted_and_echoed(self):
        s = Session("--id", "ms-1", tool=tool("missing-child"), command="start")
        s.expect("Ctrl-D or Ctrl-C stops; nothing is written")
        s.expect("Child's pseudonymous id")
        s.send("C-7")
        s.expect("Last seen")
        s.send("2026-11-30T18:00")                 # no offset: UK time (GMT in November)
        s.expect("= 2026-11-30T18:00:00Z (30 November 2026, 18:00 GMT)")
        s.expect("Missing or away")
        s.send("1")
        s.expect("Placement they went from")
        s.send("")
        s.expect("Reported to the police at")
        s.send("30/11/2026 19:30")
        s.expect("= 2026-11-30T19:30:00Z (30 November 2026, 19:30 GMT)")
        s.expect("Police reference")
        s.send("")
        s.expect("May the child have been moved out of the area?")
        s.send("n")
        s.expect("please check")
        s.expect("Last seen:")
        s.expect("2026-11-30T18:00:00Z (30 November 2026, 18:00 GMT)")
        s.expect("Write this record?")
        s.send("y")
        code, out = s.finish()
        self.assertEqual(code, 0, s.screen)
        record = json.loads(out)
        self.assertEqual(record["last-seen"], "2026-11-30T18:00:00Z")
        self.assertEqual(record["reported-to-police"], "2026-11-30T19:30:00Z")

    def test_a_summer_time_is_bst_and_a_ddmmyyyy_date_is_echoed_in_words(self):
        s = Session("--id", "plc-1", tool=tool("missing-child"), command="placement")
        s.expect("Child's pseudonymous id")
        s.send("C-7")
        s.expect("Date of birth")
        s.send("14/03/2010")
        s.expect("= 2010-03-14 (14 March 2010)")
        s.expect("Placement id or name")
        s.send("Synthetic House")
        s.expect("Placement start")
        s.send("1/7/2026")
        s.expect("= 2026-07-01 (1 July 2026)")
        s.expect("Is trafficking a concern for this child?")
        s.send("y")
        s.expect("Write this record?")
        s.send("y")
        code, out = s.finish()
        self.assertEqual(code, 0, s.screen)
        record = json.loads(out)
        self.assertEqual(record["dob"], "2010-03-14")
        self.assertEqual(record["start"], "2026-07-01")

    def test_an_answer_changed_at_the_confirmation_rechecks_what_depends_on_it(self):
        s = Session("--id", "ref-c1")
        s.expect("Subject's pseudonymous id")
        s.send("S-3001")
        s.expect("Name")
        s.send("")
        s.expect("Date of birth")
        s.send("04/05/2011")                       # a child: no consent asked
        s.expect("= 2011-05-04 (4 May 2011)")
        s.expect("Is the person's age in doubt?")
        s.send("n")
        s.expect("Sex")
        s.send("1")
        s.expect("Nationality")
        s.send("VN")
        s.expect("Languages spoken")
        s.send("vi")
        s.expect("Is an interpreter needed? (y/n) [y]")   # the default follows the nationality
        s.send("")
        s.expect("First responder organisation")
        s.send("police")
        s.expect("Date of referral")
        s.send("20/11/2026")
        s.expect("Exploitation types")
        s.send("1")
        s.expect("Treated as: Child")
        s.expect("Indicators observed")
        s.send("")
        s.expect("Account of what happened")
        s.send("")
        s.expect(" 3  Date of birth:")
        s.expect("2011-05-04 (4 May 2011)")
        s.expect("Write this record?")
        s.send("3")                                # change the date of birth: now an adult
        s.expect("Changing 3: Date of birth")
        s.expect("Date of birth (dd/mm/yyyy; Enter if not known) [04/05/2011]")   # the old answer, as typed
        s.send("01/01/1990")
        s.expect("Treated as: Adult")
        s.expect("Has the person signed the referral form?")   # asked now: it depends on the age
        s.send("y")
        s.expect("Date the form was signed")
        s.send("")                                 # default: the referral date
        s.expect("please check")
        s.expect("1990-01-01 (1 January 1990)")
        s.expect("Write this record?")
        s.send("y")
        code, out = s.finish()
        self.assertEqual(code, 0, s.screen)
        self.assertNotIn("Subject's pseudonymous id", s.screen, "answers that still hold are not asked again")
        record = json.loads(out)
        self.assertEqual(record["subject"]["dob"], "1990-01-01")
        self.assertEqual(record["subject"]["id"], "S-3001")
        self.assertEqual(record["treated-as"], "adult")
        self.assertEqual(record["consent"], {"status": "signed", "signed-on": "2026-11-20"})
        self.assertTrue(record["subject"]["interpreter-needed"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
