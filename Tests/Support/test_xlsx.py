#!/usr/bin/env python3
"""csv-report --format xlsx, read by an independent reader (openpyxl).

For flatten, count (with a pivot and suppression) and nrm-stats, the same
command is run twice, writing CSV and writing a workbook, and every cell of
the workbook is compared with the CSV's:
- an empty CSV cell is an absent cell;
- a number cell holds a JSON number (its CSV text reads as the same number);
- every other cell is text, equal to the CSV's text without the ' that CSV
  puts before a formula-like text (a workbook's text cell cannot run);
- text is compared after undoing the _xHHHH_ escape (ECMA-376 ST_Xstring),
  which Excel reads back as the character and openpyxl leaves as it is.
Then the types of named cells (1E5, 0012345, =1+1 as text; [c] as text;
counts as numbers), the bold header and its frozen pane, the ZIP itself
(stored entries whose CRC-32 Python's zipfile checks), mode 0600, no
temporary file left behind, and the refusals.

SAFEGUARD_BIN names the folder of the built tools."""
import csv, io, json, os, re, stat, subprocess, sys, tempfile, zipfile

import openpyxl

BIN = os.environ.get("SAFEGUARD_BIN", os.path.join(os.path.dirname(__file__), "..", "..", ".build", "debug"))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def run(args, stdin=b""):
    r = subprocess.run([os.path.join(BIN, "csv-report")] + args, input=stdin, capture_output=True, timeout=120)
    return r.returncode, r.stdout, r.stderr.decode()


def unescape_xstring(text):
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)


def without_neutraliser(cell):
    """The CSV text as written in the record: each ;-joined item's leading ' (CSV's guard) taken off."""
    return ";".join(i[1:] if i.startswith("'") and i[1:].startswith(FORMULA_START) else i for i in cell.split(";"))


def compare(name, args, csv_cells, sheet, header=True):
    """Every cell of the sheet against the CSV's; returns the sheet's cells by (row, column)."""
    rows = list(sheet.iter_rows())
    check(len(rows) == len(csv_cells), f"{name}: {len(rows)} rows in the workbook, {len(csv_cells)} in the CSV")
    width = max((len(r) for r in csv_cells), default=0)
    check(sheet.max_column <= max(width, 1), f"{name}: {sheet.max_column} columns in the workbook, {width} in the CSV")
    for r, csv_row in enumerate(csv_cells):
        for c in range(width):
            expected = csv_row[c] if c < len(csv_row) else ""
            cell = sheet.cell(row=r + 1, column=c + 1)
            where = f"{name} {cell.coordinate}"
            check(cell.data_type != "f", f"{where}: a formula")
            if expected == "":
                check(cell.value is None, f"{where}: {cell.value!r}, the CSV cell is empty")
            elif cell.data_type == "n":
                check(isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool), f"{where}: {cell.value!r} is not a number")
                check(re.fullmatch(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?", expected) is not None,
                      f"{where}: a number, but the CSV has {expected!r}")
                check(float(expected) == cell.value, f"{where}: {cell.value!r}, the CSV has {expected!r}")
            else:
                check(cell.data_type == "s" and isinstance(cell.value, str), f"{where}: {cell.value!r} ({cell.data_type}) is not text")
                value = unescape_xstring(cell.value) if isinstance(cell.value, str) else cell.value
                check(value == without_neutraliser(expected), f"{where}: {value!r}, the CSV has {expected!r}")
            check(bool(cell.font.b) == (header and r == 0), f"{where}: bold is {cell.font.b}")
    check(sheet.freeze_panes == ("A2" if header and csv_cells else None), f"{name}: frozen at {sheet.freeze_panes}")
    return {(r + 1, c + 1): sheet.cell(row=r + 1, column=c + 1) for r in range(len(csv_cells)) for c in range(width)}


def both(name, args, tmp, header=True, expect=0):
    """Runs args as CSV and as a workbook; compares every cell; returns the workbook's cells."""
    code, out, err = run(args)
    check(code == expect, f"{name}: CSV exit {code}: {err}")
    book = os.path.join(tmp, name + ".xlsx")
    code, _, err_x = run(args + ["--format", "xlsx", "--output", book])
    check(code == expect, f"{name}: xlsx exit {code}: {err_x}")
    check(err_x == err, f"{name}: standard error differs:\n{err}\n{err_x}")
    check(stat.S_IMODE(os.stat(book).st_mode) == 0o600, f"{name}: mode {oct(os.stat(book).st_mode)}")
    with zipfile.ZipFile(book) as z:
        check(z.testzip() is None, f"{name}: a ZIP entry's CRC-32 is wrong")
        check(all(i.compress_type == zipfile.ZIP_STORED for i in z.infolist()), f"{name}: an entry is compressed")
        check(sorted(z.namelist()) == sorted(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                              "xl/styles.xml", "xl/worksheets/sheet1.xml"]), f"{name}: parts {z.namelist()}")
    cells = list(csv.reader(io.StringIO(out.decode("utf-8"), newline="")))
    return compare(name, args, cells, openpyxl.load_workbook(book).active, header)


def main():
    records = [
        {"kind": "test", "id": "1E5", "code": "0012345", "sum": "=1+1", "n": 12, "x": -3.5, "e": 1E5, "big": 12345678901234567890,
         "ok": True, "tags": ["=HYPERLINK(1)", "plain", "+44"], "obj": {"a": 1, "b": "c"},
         "remark": "a\u0001b\u001f c\r\nd\te _x0041_ & <tag> ]]> caf\u00e9 \U0001F600 \ufffe", "lead": "  spaces  "},
        {"kind": "test", "id": "-5", "code": "@x", "sum": "+1", "n": 0, "x": None, "ok": False, "tags": [], "remark": ""},
        {"kind": "other", "id": "o1", "n": 1.0e-3},
        {"kind": "referral", "v": 1, "id": "ref-9", "subject": {"name": "Synthetic Name", "sex": "female"}},
    ]
    fixture = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "fixture.ndjson")
        with open(path, "wb") as f:
            f.write(fixture)
        flat = both("flatten", ["flatten", path], tmp)
        header = [flat[(1, c)].value for c in range(1, 1 + max(c for _, c in flat))]
        check("subject.name" not in header, "flatten: the personal field subject.name is in the workbook")
        col = {h: k + 1 for k, h in enumerate(header)}
        for name, value in (("id", "1E5"), ("code", "0012345"), ("sum", "=1+1")):
            cell = flat[(2, col[name])]
            check(cell.value == value and cell.data_type == "s", f"{name}: {cell.value!r} ({cell.data_type}), not the text {value!r}")
        check(flat[(2, col["n"])].value == 12 and flat[(2, col["e"])].value == 100000, "numbers are numbers")
        check(flat[(2, col["big"])].value == "12345678901234567890", "a number Excel would round is kept as text")
        check(flat[(2, col["tags"])].value == "=HYPERLINK(1);plain;+44", f"tags: {flat[(2, col['tags'])].value!r}")
        both("flatten-no-header", ["flatten", "--no-header", "--columns", "id,n", path], tmp, header=False)
        both("flatten-kind", ["flatten", "--kind", "test", "--columns", "id,remark,lead", path], tmp)

        # A text over Excel's 32,767 characters: that record is refused (FILE:LINE, exit 65), the rest written.
        long = os.path.join(tmp, "long.ndjson")
        with open(long, "w") as f:
            f.write(json.dumps({"id": "a"}) + "\n" + json.dumps({"id": "b" * 32768}) + "\n" + json.dumps({"id": "c" * 32767}) + "\n")
        code, _, err = run(["flatten", "--columns", "id", "--format", "xlsx", "--output", os.path.join(tmp, "long.xlsx"), long])
        check(code == 65 and f"{long}:2: field id has 32768 characters" in err, f"over-long cell: exit {code}: {err}")
        kept = [c.value for c in openpyxl.load_workbook(os.path.join(tmp, "long.xlsx")).active["A"]]
        check(kept == ["id", "a", "c" * 32767], f"over-long cell: kept {[str(k)[:5] for k in kept]}")

        # count with a pivot and suppression; nrm-stats on generated referrals and decisions.
        gen = subprocess.run([sys.executable, os.path.join(ROOT, "examples", "generate.py"), "--seed", "7", "--count", "300", "--decisions"],
                             capture_output=True, check=True).stdout
        cases = os.path.join(tmp, "cases.ndjson")
        with open(cases, "wb") as f:
            f.write(gen)
        counted = both("count", ["count", "--by", "first-responder", "--pivot", "treated-as", cases], tmp)
        texts = [c.value for c in counted.values() if c.data_type == "s"]
        numbers = [c.value for c in counted.values() if c.data_type == "n" and c.value is not None]
        check("[c]" in texts, "count: no [c] cell to check")
        check(numbers and all(isinstance(v, int) for v in numbers), f"count: counts {numbers[:5]}")
        both("count-kind", ["count", "--by", "kind", "--no-suppress", cases], tmp)
        stats = both("nrm-stats", ["nrm-stats", "--as-of", "2026-01-31", cases], tmp)
        check(any(c.value == "[c]" and c.data_type == "s" for c in stats.values()), "nrm-stats: no [c] text cell")

        # Refusals: no workbook to standard output, none onto an input or through a link; no temporary file left.
        code, _, err = run(["count", "--by", "kind", "--format", "xlsx", cases])
        check(code == 64 and "needs --output" in err, f"xlsx to standard output: exit {code}: {err}")
        code, _, err = run(["count", "--by", "kind", "--format", "xlsx", "--output", cases, cases])
        check(code == 64, f"xlsx onto its input: exit {code}: {err}")
        os.symlink(os.path.join(tmp, "count.xlsx"), os.path.join(tmp, "link.xlsx"))
        code, _, err = run(["count", "--by", "kind", "--format", "xlsx", "--output", os.path.join(tmp, "link.xlsx"), cases])
        check(code == 73 and "symbolic link" in err, f"xlsx through a link: exit {code}: {err}")
        left = [n for n in os.listdir(tmp) if n.startswith(".")]
        check(left == [], f"temporary files left: {left}")

    if failures:
        print("\n".join(failures[:40]))
        print(f"{len(failures)} failed")
        sys.exit(1)
    print("every workbook cell equals its CSV cell, with its type")


main()
